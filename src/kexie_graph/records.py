"""The small frozen records that flow between the stages: text -> extract -> graph.

All offsets are into the article's *original* text (the decoded file, see CONTRACT.md): Python
``str`` indices, end exclusive. A span that the page layout split is a tuple of :class:`Span`
pieces.

Entities are identified inside a reading by their :attr:`Entity.key`, ``"<Class>/<canonical zh>"``,
which is also what the IRI is minted from (:mod:`kexie_graph.graph.iris`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

__all__ = [
    "TOP_CLASSES",
    "Article",
    "Entity",
    "Figure",
    "Mention",
    "Post",
    "Reading",
    "Relation",
    "Span",
    "entity_key",
]

#: The seven top-level classes of CONTRACT.md (local names in the ``kx:`` namespace).
TOP_CLASSES: tuple[str, ...] = (
    "Organization",
    "Person",
    "Place",
    "Program",
    "Platform",
    "Document",
    "Event",
)


def entity_key(cls: str, zh: str) -> str:
    """Return the key of an entity of top-level class ``cls`` with canonical name ``zh``."""
    return f"{cls}/{zh}"


@dataclass(frozen=True, slots=True, order=True)
class Span:
    """A half-open range ``[begin, end)`` of the original text."""

    begin: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.begin <= self.end:
            raise ValueError(f"bad span [{self.begin}, {self.end})")

    def slice(self, text: str) -> str:
        """Return the characters of ``text`` this span covers."""
        return text[self.begin : self.end]


@dataclass(frozen=True, slots=True)
class Article:
    """One article: its identity, its original text and optional metadata."""

    id: str
    text: str
    path: str = ""
    title: str | None = None
    date: str | None = None  # ISO 8601 date (YYYY-MM-DD) or year
    source: str | None = None  # publisher as named
    url: str | None = None
    sha256: str = ""
    reporters: tuple[str, ...] = ()
    photographers: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Entity:
    """A thing an article names: organisation, person, place, program, platform, document or
    event."""

    cls: str  # one of TOP_CLASSES
    zh: str  # canonical full Chinese name (a document's title without 《》)
    en: str | None = None
    kind: str | None = None  # ontology subclass local name, e.g. "ScienceAssociation"
    aliases: tuple[str, ...] = ()  # other names and surface forms (skos:altLabel)
    parent: str | None = None  # key of the parent organisation (org:subOrganizationOf)
    located_in: str | None = None  # key of the place it lies in
    source: str = "extracted"  # "lexicon", "extracted" or "curated"

    @property
    def key(self) -> str:
        """The entity's key inside a reading: ``"<Class>/<zh>"``."""
        return entity_key(self.cls, self.zh)


@dataclass(frozen=True, slots=True)
class Mention:
    """A place where the article names an entity (one NIF mention per piece of ``spans``)."""

    entity: str  # entity key
    spans: tuple[Span, ...]
    rule: str = ""  # the rule that found it (prov:wasGeneratedBy)


@dataclass(frozen=True, slots=True)
class Relation:
    """A typed link between two entities, stated by the article at ``evidence``."""

    subject: str  # entity key
    predicate: str  # snake_case name of READING-FORMAT.md, e.g. "partner_of"
    object: str  # entity key
    evidence: tuple[Span, ...]
    when: str | None = None  # "十三五", "十四五", "2021", ...
    role: str | None = None
    rule: str = ""


@dataclass(frozen=True, slots=True)
class Post:
    """A person's post in an organisation (org:Post), e.g. 主席 of 重庆市科学技术协会."""

    person: str  # entity key
    organization: str  # entity key
    role: str  # post name in Chinese (主席, 党组书记, 院士, 记者 ...)
    evidence: tuple[Span, ...]
    rule: str = ""


@dataclass(frozen=True, slots=True)
class Figure:
    """A figure the article states: a value with unit, period, kind and subject."""

    indicator: str  # zh name of what is measured
    subject: str  # entity key
    value: Decimal
    unit: str  # percent | persons | count | rank | percentage-points | year | years | yuan ...
    kind: str  # actual | target | change | rank
    evidence: tuple[Span, ...]
    year: str | None = None  # "2020", "2015-2020", "十四五"
    comparator: str | None = None  # ">", ">=", "<", "<=", "=" (None when the text gives none)
    rule: str = ""


@dataclass(frozen=True, slots=True)
class Reading:
    """Everything extracted from one article."""

    article: Article
    entities: tuple[Entity, ...] = ()
    mentions: tuple[Mention, ...] = ()
    relations: tuple[Relation, ...] = ()
    posts: tuple[Post, ...] = ()
    figures: tuple[Figure, ...] = ()
    curated: tuple[str, ...] = field(default=())  # notes of curation actions applied

    def entity(self, key: str) -> Entity:
        """Return the entity with ``key``; raise KeyError if the reading has none."""
        for entity in self.entities:
            if entity.key == key:
                return entity
        raise KeyError(key)
