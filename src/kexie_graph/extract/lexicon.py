"""The curated lexicon of standing entities and its fast matcher.

Standing entities are the bodies, programs and papers that the genre names again and again:
中国科协 and its units, the academies and their branches, the ministries, the Party's central
departments, the national learned societies, every provincial 科协 and those of the big cities,
national programs and brands, the national and provincial newspapers. They live in YAML files in
``lexicon/`` in the package (``data/lexicon/`` in the source tree), one mapping per file::

    defaults: {class: Organization, kind: LearnedSociety, member_of: [中国科学技术协会]}
    entries:
      - zh: 中国化学会             # canonical full name
        en: Chinese Chemical Society
        aliases: [CCS]             # other names, matched in running text
        contextual: []             # names that denote it only in context (党): never matched
        parent: null               # canonical zh of the parent organisation
        located_in: 北京市          # canonical zh of a place in the gazetteer

:meth:`Lexicon.find` matches every name and alias at once with an Aho–Corasick automaton (built once
per lexicon), keeping the longest leftmost non-overlapping matches: 中国科协创新战略研究院 is one
match, not 中国科协 plus the rest.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

import ahocorasick
import yaml

from ..errors import ExtractionError
from ..records import TOP_CLASSES, Entity, entity_key
from .candidates import record

__all__ = ["KINDS", "Lexicon", "LexiconEntry", "LexiconHit", "derived_aliases"]

#: The kinds of each top-level class (ARCHITECTURE.md, "Kinds").
KINDS: dict[str, frozenset[str]] = {
    "Organization": frozenset(
        {
            "ScienceAssociation",
            "LearnedSociety",
            "Association",
            "PoliticalParty",
            "PartyOrganization",
            "PartyDepartment",
            "GovernmentBody",
            "PeoplesCongress",
            "Academy",
            "ResearchInstitute",
            "University",
            "School",
            "Hospital",
            "Company",
            "Newspaper",
            "Museum",
            "Committee",
            "OrganizationOffice",
        }
    ),
    "Person": frozenset(),
    "Place": frozenset(
        {
            "Country",
            "Province",
            "Municipality",
            "City",
            "District",
            "County",
            "HighTechZone",
            "ScienceCity",
            "Park",
            "Region",
        }
    ),
    "Program": frozenset(
        {
            "PilotProgram",
            "Model",
            "Campaign",
            "ActionPlan",
            "Brand",
            "Award",
            "TalentScheme",
            "DesignationScheme",
            "AssessmentMechanism",
            "Project",
        }
    ),
    "Platform": frozenset(
        {"ServicePlatform", "ServiceWindow", "ScienceCenter", "Base", "Workstation"}
    ),
    "Document": frozenset(
        {
            "PlanDocument",
            "ImplementationPlan",
            "OpinionDocument",
            "Recommendations",
            "Notice",
            "Law",
            "Report",
        }
    ),
    "Event": frozenset(
        {
            "Meeting",
            "Conference",
            "Forum",
            "Exhibition",
            "Tour",
            "Election",
            "PublicitySeries",
            "Competition",
            "Training",
            "Ceremony",
        }
    ),
}

# Full-name prefixes and the abbreviation the genre writes for them: 中科院成都分院 is
# 中国科学院成都分院, so every entry named 中国科学院… also answers to 中科院….
_PREFIX_ABBREVIATIONS: tuple[tuple[str, str], ...] = (
    ("中国科学院", "中科院"),
    ("中国科学技术协会", "中国科协"),
    ("中国社会科学院", "中国社科院"),
)
# Full-name suffixes and their abbreviation: 四川省科学技术协会 is 四川省科协.
_SUFFIX_ABBREVIATIONS: tuple[tuple[str, str], ...] = (("科学技术协会", "科协"),)
_FIELDS = frozenset(
    {
        "zh",
        "en",
        "class",
        "kind",
        "aliases",
        "contextual",
        "parent",
        "located_in",
        "member_of",
        "serves",
        "note",
    }
)


@dataclass(frozen=True, slots=True)
class LexiconEntry:
    """One standing entity."""

    zh: str
    cls: str
    kind: str | None = None
    en: str | None = None
    #: other names, matched in running text
    aliases: tuple[str, ...] = ()
    #: names it has only in some contexts (党): looked up by :meth:`Lexicon.by_alias`, never matched
    contextual: tuple[str, ...] = ()
    #: canonical zh of the parent organisation
    parent: str | None = None
    #: canonical zh of the place it lies in (a gazetteer place)
    located_in: str | None = None
    #: canonical zh of the bodies it is a member of
    member_of: tuple[str, ...] = ()
    #: the area a local paper or body serves (canonical place): 重庆日报 -> 重庆市
    serves: str | None = None
    note: str | None = None
    #: the lexicon file it comes from
    origin: str = ""

    @property
    def key(self) -> str:
        """The entity key: ``"<Class>/<zh>"``."""
        return entity_key(self.cls, self.zh)

    @property
    def surfaces(self) -> tuple[str, ...]:
        """The names matched in running text: canonical name and aliases."""
        return tuple(dict.fromkeys((self.zh, *self.aliases)))


@record
class LexiconHit:
    """A lexicon name found in a text: ``text[begin:end] == surface``."""

    begin: int
    end: int
    surface: str
    candidates: tuple[LexiconEntry, ...]


def derived_aliases(zh: str) -> tuple[str, ...]:
    """The abbreviations the genre writes for a full name by rule (中国科学院X -> 中科院X)."""
    out: list[str] = []
    for full, short in _PREFIX_ABBREVIATIONS:
        if zh.startswith(full) and len(zh) > len(full):
            out.append(short + zh[len(full) :])
    for full, short in _SUFFIX_ABBREVIATIONS:
        if zh.endswith(full):
            stem = zh[: -len(full)]
            out.append(stem + short)
            out.extend(abbr + short for abbr in derived_aliases(stem) if abbr)
    return tuple(dict.fromkeys(alias for alias in out if alias != zh))


def _strings(value: Any, where: str, name: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return tuple(value)
    raise ExtractionError(f"{where}: '{name}' must be a string or a list of strings")


def _entry(raw: Mapping[str, Any], defaults: Mapping[str, Any], where: str) -> LexiconEntry:
    unknown = set(raw) - _FIELDS
    if unknown:
        raise ExtractionError(f"{where}: unknown field(s) {', '.join(sorted(unknown))}")
    data = {**defaults, **raw}
    zh = data.get("zh")
    cls = data.get("class")
    kind = data.get("kind")
    if not isinstance(zh, str) or not zh.strip():
        raise ExtractionError(f"{where}: every entry needs a 'zh' name")
    where = f"{where} ({zh})"
    if cls not in TOP_CLASSES:
        classes = ", ".join(TOP_CLASSES)
        raise ExtractionError(f"{where}: class must be one of {classes}, not {cls!r}")
    if kind is not None and kind not in KINDS[cls]:
        raise ExtractionError(f"{where}: {kind!r} is not a kind of {cls} (see ARCHITECTURE.md)")
    listed = _strings(data.get("aliases"), where, "aliases")
    aliases = tuple(dict.fromkeys(a for a in (*listed, *derived_aliases(zh)) if a and a != zh))
    en = data.get("en")
    parent = data.get("parent")
    located_in = data.get("located_in")
    note = data.get("note")
    serves = data.get("serves")
    for name, value in (
        ("en", en),
        ("parent", parent),
        ("located_in", located_in),
        ("serves", serves),
        ("note", note),
    ):
        if value is not None and not isinstance(value, str):
            raise ExtractionError(f"{where}: '{name}' must be a string")
    return LexiconEntry(
        zh=zh.strip(),
        cls=cls,
        kind=kind,
        en=en,
        aliases=aliases,
        contextual=_strings(data.get("contextual"), where, "contextual"),
        parent=parent,
        located_in=located_in,
        member_of=_strings(data.get("member_of"), where, "member_of"),
        serves=serves,
        note=note,
        origin=where.split(" (", 1)[0],
    )


def _parse(text: str, origin: str) -> list[LexiconEntry]:
    try:
        # libyaml's loader where PyYAML has it: five times faster on the package's lexicon.
        document = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        at = f" at line {mark.line + 1}" if mark is not None else ""
        raise ExtractionError(f"{origin}: not valid YAML{at}; fix the file") from error
    if document is None:
        return []
    if not isinstance(document, dict) or not isinstance(document.get("entries"), list):
        raise ExtractionError(f"{origin}: a lexicon file is a mapping with an 'entries' list")
    defaults = document.get("defaults") or {}
    if not isinstance(defaults, dict):
        raise ExtractionError(f"{origin}: 'defaults' must be a mapping")
    entries: list[LexiconEntry] = []
    for number, raw in enumerate(document["entries"], start=1):
        if not isinstance(raw, dict):
            raise ExtractionError(f"{origin}: entry {number} is not a mapping")
        entries.append(_entry(raw, defaults, origin))
    return entries


def _is_ascii_word(surface: str) -> bool:
    return surface.isascii()


def _word_char(char: str) -> bool:
    return char.isascii() and (char.isalnum() or char in "-_")


class Lexicon:
    """The standing entities, indexed by name and alias, with a cached matcher."""

    def __init__(self, entries: Iterable[LexiconEntry]) -> None:
        self._entries: tuple[LexiconEntry, ...] = tuple(entries)
        self._by_zh: dict[str, LexiconEntry] = {}
        for entry in self._entries:
            if entry.zh in self._by_zh:
                first = self._by_zh[entry.zh].origin
                raise ExtractionError(
                    f"{entry.origin}: {entry.zh} is already defined in {first}; keep one entry"
                )
            self._by_zh[entry.zh] = entry
        self._by_surface: dict[str, list[LexiconEntry]] = {}
        self._by_any: dict[str, list[LexiconEntry]] = {}
        for entry in self._entries:
            for surface in entry.surfaces:
                self._by_surface.setdefault(surface, []).append(entry)
            for surface in (*entry.surfaces, *entry.contextual):
                bucket = self._by_any.setdefault(surface, [])
                if entry not in bucket:
                    bucket.append(entry)
        self._automaton: ahocorasick.Automaton | None = None
        self._longest = max(map(len, self._by_surface), default=0)
        self._openings = frozenset(surface[:2] for surface in self._by_surface)  # (or the one)

    # ------------------------------------------------------------------ loading

    @classmethod
    def load(cls, extra_paths: Sequence[str | Path] = ()) -> Lexicon:
        """The package's lexicon (cached), plus the YAML files or folders in ``extra_paths``."""
        return _load(tuple(str(path) for path in extra_paths))

    @classmethod
    def from_yaml(cls, text: str, origin: str = "<string>") -> Lexicon:
        """A lexicon of one YAML document (for tests and user lexicons)."""
        return cls(_parse(text, origin))

    # ------------------------------------------------------------------ lookup

    @property
    def entries(self) -> tuple[LexiconEntry, ...]:
        """Every entry, in file order."""
        return self._entries

    def get(self, zh: str) -> LexiconEntry | None:
        """The entry whose canonical name is ``zh``."""
        return self._by_zh.get(zh)

    def by_alias(self, surface: str) -> list[LexiconEntry]:
        """Every entry that ``surface`` may name: canonical name, alias or contextual name."""
        return list(self._by_any.get(surface.strip(), ()))

    # ------------------------------------------------------------------ matching

    def _matcher(self) -> ahocorasick.Automaton:
        if self._automaton is None:
            automaton = ahocorasick.Automaton()
            for surface, entries in self._by_surface.items():
                automaton.add_word(surface, (len(surface), tuple(entries)))
            automaton.make_automaton()
            self._automaton = automaton
        return self._automaton

    def prefix(self, text: str) -> LexiconHit | None:
        """The name :meth:`find` matches at the start of ``text`` (the longest name or alias that
        opens it, a name in Latin letters only as a whole word), if any: a few lookups, where
        ``find`` reads the whole text."""
        if text[:2] not in self._openings and text[:1] not in self._openings:
            return None  # no name starts as the text does
        for end in range(min(len(text), self._longest), 0, -1):
            surface = text[:end]
            entries = self._by_surface.get(surface)
            if entries and not (
                _is_ascii_word(surface) and end < len(text) and _word_char(text[end])
            ):
                return LexiconHit(0, end, surface, tuple(entries))
        return None

    def find(self, text: str) -> list[LexiconHit]:
        """The lexicon's names in ``text``: longest leftmost matches that do not overlap.

        A name in Latin letters (CAST) counts only as a whole word, not inside broadcast.
        """
        automaton = self._matcher()
        if not text or len(automaton) == 0:
            return []
        found: list[tuple[int, int, tuple[LexiconEntry, ...]]] = []
        for last, (length, entries) in automaton.iter(text):
            begin, end = last + 1 - length, last + 1
            if _is_ascii_word(text[begin:end]) and (
                (begin > 0 and _word_char(text[begin - 1]))
                or (end < len(text) and _word_char(text[end]))
            ):
                continue
            found.append((begin, end, entries))
        found.sort(key=lambda item: (item[0], -item[1]))
        hits: list[LexiconHit] = []
        cursor = 0
        for begin, end, entries in found:
            if begin >= cursor:
                hits.append(LexiconHit(begin, end, text[begin:end], entries))
                cursor = end
        return hits

    # ------------------------------------------------------------------ records

    def to_entity(self, entry: LexiconEntry) -> Entity:
        """The entry as an entity of a reading (``source="lexicon"``)."""
        parent = None
        if entry.parent:
            found = self._by_zh.get(entry.parent)
            parent = found.key if found is not None else entity_key("Organization", entry.parent)
        return Entity(
            cls=entry.cls,
            zh=entry.zh,
            en=entry.en,
            kind=entry.kind,
            aliases=entry.aliases,
            parent=parent,
            located_in=entity_key("Place", entry.located_in) if entry.located_in else None,
            source="lexicon",
        )


def _files(root: Traversable | Path) -> list[Traversable | Path]:
    if root.is_file():
        return [root]
    return sorted(
        (
            item
            for item in root.iterdir()
            if item.is_file() and item.name.endswith((".yaml", ".yml"))
        ),
        key=lambda item: item.name,
    )


@functools.cache
def _load(extra_paths: tuple[str, ...]) -> Lexicon:
    entries: list[LexiconEntry] = []
    sources: list[tuple[Traversable | Path, str]] = [
        (item, f"kexie_graph/lexicon/{item.name}")
        for item in _files(resources.files("kexie_graph") / "lexicon")
    ]
    for extra in extra_paths:
        path = Path(extra)
        if not path.exists():
            raise ExtractionError(f"{path}: no such lexicon file or folder")
        sources.extend((item, str(item)) for item in _files(path))
    for item, origin in sources:
        try:
            text = item.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise ExtractionError(f"{origin}: cannot read the lexicon file ({error})") from error
        entries.extend(_parse(text, origin))
    return Lexicon(entries)
