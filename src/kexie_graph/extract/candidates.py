"""The candidate record: a name found in the reading text, before resolution into entities."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TypeVar, dataclass_transform

__all__ = ["Candidate", "overlaps", "record", "with_name"]

_T = TypeVar("_T")


@dataclass_transform(eq_default=True, field_specifiers=(field,))
def record(cls: type[_T]) -> type[_T]:
    """Make ``cls`` a dataclass for the records an extraction makes by the thousand (candidates,
    hits, mentions): with slots, compared and hashed by value as a frozen dataclass is, and never
    changed once made (a changed copy is made with :func:`dataclasses.replace`), but not frozen:
    a frozen dataclass sets each field through ``object.__setattr__`` in its ``__init__``, which
    made creating these records several times slower and a sizeable share of extraction time."""
    return dataclass(slots=True, unsafe_hash=True)(cls)


@record
class Candidate:
    """A name in the reading text (``begin``/``end`` are reading-text offsets).

    ``priority`` orders overlapping candidates: lexicon entries and explicit grammars (titles,
    quotes)
    beat names guessed from a head noun. ``inner`` holds the names nested inside this one that the
    relation rules still need (the brand 科创中国 inside “科创中国”试点城市).
    """

    begin: int
    end: int
    cls: str
    name: str  # canonical name proposal
    rule: str
    kind: str | None = None
    priority: int = 0
    en: str | None = None
    aliases: tuple[str, ...] = ()
    parent: str | None = None  # canonical zh of the parent organisation
    located_in: str | None = None  # canonical zh of the place
    admin: bool = False  # an administrative division (province, city, district, county)
    inner: tuple[str, ...] = field(default=())  # quoted names inside it (a brand such as 科创中国)

    @property
    def length(self) -> int:
        """Length in reading characters."""
        return self.end - self.begin


def overlaps(a: Candidate, b: Candidate) -> bool:
    """Return whether two candidates share at least one character."""
    return a.begin < b.end and b.begin < a.end


def with_name(c: Candidate, name: str, **changes: object) -> Candidate:
    """Return ``c`` renamed (and otherwise changed)."""
    return replace(c, name=name, **changes)  # type: ignore[arg-type]
