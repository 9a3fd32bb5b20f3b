"""The article's context: its home place, publisher, date and year, and what follows from them.

Relative names only mean something in context: 市科协 is the science association of the article's
own city, 全市 is that city, 本报 is the paper that prints the article. This module finds the home place
(from the publisher, the dateline and the places named), resolves such words against it, and hands the
pipeline the lexicon's and gazetteer's candidates.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace

from ..records import Article, Entity, entity_key
from .abbrev import PlaceContext, home_place, resolve_relative
from .candidates import Candidate
from .gazetteer import Gazetteer
from .lexicon import Lexicon

__all__ = ["Context", "build_context"]

_RELATIVE_RE = re.compile(
    r"(?<![区市县])(?:市|省|区|县)(?:科协|委组织部|委宣传部|委|政府|人民政府|科技局|科技厅|教育局|教育厅|人大|政协)"
)
_PLACE_WORD_RE = re.compile(r"全市|我市|本市|全省|我省|本省|全区|我区|全县|我县")
_SUBJECT_RE = re.compile(r"(?:全市|全省|全区|全县|各级)?科协系统|科协工作|各级科协组织|全市科协|全省科协")
_DATE_RE = re.compile(r"(?:(20\d\d|19\d\d)年)?(\d{1,2})月(\d{1,2})日")
_YEAR_RE = re.compile(r"(?<![\d(（\-—])(20\d\d|19\d\d)年")


@dataclass
class Context:
    """What the pipeline knows about an article beyond its sentences."""

    home: PlaceContext
    lexicon: Lexicon
    gazetteer: Gazetteer
    year: int | None = None
    date: str | None = None
    title: str | None = None
    source: str | None = None
    publisher_key: str | None = None
    publisher_evidence: tuple[int, int] | None = None
    home_association: str | None = None
    main_actor: str | None = None
    lexicon_candidates: list[Candidate] = field(default_factory=list)
    abbreviation_candidates: list[Candidate] = field(default_factory=list)
    subject_phrases: list[tuple[int, int]] = field(default_factory=list)
    place_words: list[tuple[int, int, str]] = field(default_factory=list)
    _surfaces: dict[int, str] = field(default_factory=dict)
    text: str = ""

    # ------------------------------------------------------------------ helpers used by the pipeline

    def surface(self, c: Candidate) -> str:
        """Return the text a candidate covers (its surface form)."""
        return self.text[c.begin : c.end]

    def short_name(self, c: Candidate) -> str:
        """Return the canonical name of an organisation candidate (for session names)."""
        return c.name

    def place_in(self, name: str) -> str | None:
        """Return the canonical administrative place a name starts with (重庆科技馆 -> 重庆市)."""
        for length in range(min(len(name) - 1, 8), 1, -1):
            place = self.gazetteer.resolve(name[:length], self.home.places)
            if place is not None and place.zh != name:
                return place.zh
        return None

    def expand(self, c: Candidate) -> Candidate:
        """Give a head-noun candidate its canonical name: an abbreviated parent written out."""
        name = c.name
        for hit in self.lexicon.find(name):
            if hit.begin == 0 and hit.end < len(name) and hit.candidates:
                entry = hit.candidates[0]
                if entry.cls == "Organization":
                    name = entry.zh + name[hit.end :]
                    parent = c.parent and entry.zh
                    return replace(c, name=name, parent=parent or c.parent, aliases=(*c.aliases, c.name))
        return c

    def bare_subunits(self, text: str, chosen: list[Candidate]) -> list[Candidate]:
        """科协机关 (no place before it) is the headquarters of the home association."""
        out = []
        if not self.home_association:
            return out
        home = self.home_association.split("/", 1)[1]
        short = self.home.short_association or home
        for m in re.finditer(r"(?:(?<=[在和与及、的对向为把,，。；\s])|^)科协(机关)", text):
            if any(c.begin <= m.start() < c.end for c in chosen):
                continue
            out.append(
                Candidate(m.start(), m.end(), "Organization", short + m.group(1), "head.subunit", "OrganizationOffice", 45, parent=home)
            )
        return out

    def nearest_known_parent(self, parent: str, ents: dict[str, Entity]) -> str | None:
        """Climb the lexicon's parent chain from ``parent`` to the first entity the article names."""
        seen = set()
        name: str | None = parent
        while name and name not in seen:
            seen.add(name)
            key = entity_key("Organization", name)
            if key in ents:
                return key
            entry = self.lexicon.get(name)
            name = entry.parent if entry is not None else None
        return None


def build_context(text: str, article: Article) -> Context:
    """Work out the article's context from its reading text and metadata."""
    lexicon = Lexicon.load()
    gazetteer = Gazetteer.load()
    home = home_place(text, gazetteer, lexicon, article.source)
    ctx = Context(home=home, lexicon=lexicon, gazetteer=gazetteer, text=text)
    ctx.year = _year(text, article)
    ctx.date = _date(text, ctx.year)
    ctx.title = _title(text)
    ctx.lexicon_candidates = _lexicon_candidates(text, lexicon, gazetteer, home)
    ctx.abbreviation_candidates = _relatives(text, home, gazetteer)
    assoc = resolve_relative("市科协" if home.city else "省科协", home)
    if assoc is not None:
        ctx.home_association = entity_key("Organization", assoc.zh)
    ctx.subject_phrases = [(m.start(), m.end()) for m in _SUBJECT_RE.finditer(text)]
    ctx.place_words = _place_words(text, home)
    _publisher(ctx, text, article)
    counts = Counter(
        entity_key(c.cls, c.name) for c in ctx.abbreviation_candidates + ctx.lexicon_candidates if c.cls == "Organization" and c.kind == "ScienceAssociation"
    )
    ctx.main_actor = counts.most_common(1)[0][0] if counts else ctx.home_association
    return ctx


def _lexicon_candidates(text: str, lexicon: Lexicon, gazetteer: Gazetteer, home: PlaceContext) -> list[Candidate]:
    out = []
    for hit in lexicon.find(text):
        if not hit.candidates:
            continue
        entry = hit.candidates[0]
        out.append(
            Candidate(
                hit.begin, hit.end, entry.cls, entry.zh, f"lexicon.{entry.cls.lower()}", entry.kind, 80,
                en=entry.en, aliases=tuple(entry.aliases), parent=entry.parent, located_in=entry.located_in,
            )
        )
    for hit in gazetteer.find(text, home.places):
        place = hit.place
        out.append(
            Candidate(
                hit.begin, hit.end, "Place", place.zh, "gazetteer.place", place.kind, 75,
                en=place.en, aliases=(hit.surface,) if hit.surface != place.zh else (),
                located_in=place.parent or None, admin=True,
            )
        )
    return out


def _relatives(text: str, home: PlaceContext, gazetteer: Gazetteer) -> list[Candidate]:
    out = []
    for m in _RELATIVE_RE.finditer(text):
        window = text[max(0, m.start() - 8) : m.start() + 1]
        if any(h.end == len(window) for h in gazetteer.find(window, home.places)):
            continue  # 重庆市科协: a named place's association, not a relative one
        resolved = resolve_relative(m.group(0), home)
        if resolved is None:
            continue
        out.append(
            Candidate(
                m.start(), m.end(), resolved.cls, resolved.zh, "abbrev.relative", resolved.kind, 85,
                en=resolved.en, aliases=(m.group(0),), located_in=resolved.located_in,
            )
        )
    return out


def _place_words(text: str, home: PlaceContext) -> list[tuple[int, int, str]]:
    out = []
    for m in _PLACE_WORD_RE.finditer(text):
        word = m.group(0)
        level = {"市": home.city, "省": home.province, "区": home.district, "县": home.district}[word[-1]]
        if level:
            out.append((m.start(), m.end(), entity_key("Place", level)))
    return out


def _year(text: str, article: Article) -> int | None:
    if article.date and article.date[:4].isdigit():
        return int(article.date[:4])
    m = _DATE_RE.search(text[:400])
    if m and m.group(1):
        return int(m.group(1))
    years: Counter[int] = Counter()
    for y in _YEAR_RE.finditer(text):
        before = text[max(0, y.start() - 3) : y.start()]
        if re.search(r"到|至|较|比|确保|力争|预计|《", before):
            continue
        years[int(y.group(1))] += 1
    if "今年" in text and years:
        return years.most_common(1)[0][0]
    return years.most_common(1)[0][0] if years else None


def _date(text: str, year: int | None) -> str | None:
    m = _DATE_RE.search(text[:600])
    if not m:
        return None
    y = int(m.group(1)) if m.group(1) else year
    if y is None:
        return None
    return f"{y:04d}-{int(m.group(2)):02d}-{int(m.group(3)):02d}"


def _title(text: str) -> str | None:
    lines = []
    for line in text.split("\n"):
        line = line.strip()
        if not line:
            continue
        if len(line) > 60 or line.startswith("本报讯") or re.search(r"[。]", line):
            break
        lines.append(line)
    return max(lines, key=len) if lines else None


def _publisher(ctx: Context, text: str, article: Article) -> None:
    """The publisher: the metadata's source, or the paper of the byline next to 本报讯."""
    m = re.search(r"本报(?:[\u4e00-\u9fff]{0,4})讯", text[:600])
    name = article.source
    if name is None:
        b = re.search(r"[(（]\s*([\u4e00-\u9fff]{2,8}?(?:日报|晚报|报|新闻网))(?:记者|通讯员)", text[:600])
        if b:
            name = b.group(1)
    if name is None:
        return
    ctx.source = name
    entry = ctx.lexicon.get(name) or next(iter(ctx.lexicon.by_alias(name)), None)
    zh = entry.zh if entry is not None else name
    ctx.publisher_key = entity_key("Organization", zh)
    if m:
        ctx.publisher_evidence = (m.start(), m.start() + 2)
        ctx.lexicon_candidates.append(
            Candidate(m.start(), m.start() + 2, "Organization", zh, "dateline.this-paper", "Newspaper", 90, en=entry.en if entry else None)
        )
