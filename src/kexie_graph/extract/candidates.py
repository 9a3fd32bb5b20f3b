"""The candidate record: a name found in the reading text, before resolution into entities."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

__all__ = ["Candidate", "overlaps", "with_name"]


@dataclass(frozen=True, slots=True)
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
