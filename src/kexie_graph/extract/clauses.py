"""Sentences as templates: each entity mention becomes one placeholder character of its class.

Relation rules are regular expressions over these templates, so that 联合{ORG}、{ORG} reads as
"联合 followed by a list of organisations" whatever their names. Placeholders live in Unicode's
supplementary private use plane (U+F0000…), one block of 4096 code points per class.
"""

from __future__ import annotations

from bisect import bisect_right
from functools import lru_cache

from .candidates import record

__all__ = ["CLASS_CODES", "MentionRef", "Template", "cls_re", "make_template"]

_BASE = 0xF0000
#: class -> one-letter code used in rule patterns
CLASS_CODES: dict[str, str] = {
    "Organization": "O",
    "Person": "P",
    "Place": "L",
    "Program": "G",
    "Platform": "F",
    "Document": "D",
    "Event": "E",
    "Subject": "S",  # a generic subject phrase (全市科协系统) standing for the home association
}
_ORDER = list(CLASS_CODES)
_BLOCK = 0x1000


@lru_cache(maxsize=256)
def cls_re(codes: str) -> str:
    """Return a regex character class matching placeholders of the classes with the given codes."""
    parts = []
    for code in codes:
        i = _ORDER.index(next(c for c, k in CLASS_CODES.items() if k == code))
        lo, hi = _BASE + i * _BLOCK, _BASE + (i + 1) * _BLOCK - 1
        parts.append(f"{chr(lo)}-{chr(hi)}")
    return "[" + "".join(parts) + "]"


@record
class MentionRef:
    """An entity mention in the reading text (offsets into the reading text)."""

    begin: int
    end: int
    key: str
    cls: str


@record
class Template:
    """A sentence with its mentions as placeholders, and the map back to the reading text.

    A placeholder stands for its mention's span; the plain characters between placeholders are
    the reading text's, in order, from ``begin`` (so a plain character's offset is found from the
    placeholder before it: no table of every character's offsets is needed).
    """

    text: str
    mentions: tuple[MentionRef | None, ...]  # the mention behind each placeholder, else None
    begin: int  # reading offset of the template's first character
    placeholders: tuple[int, ...]  # template indices of the placeholders, in order

    def mention(self, i: int) -> MentionRef:
        """Return the mention behind the placeholder at template index ``i``."""
        ref = self.mentions[i]
        if ref is None:
            raise IndexError(f"no mention at template index {i}")
        return ref

    def start(self, i: int) -> int:
        """The reading offset where template character ``i`` starts (indexed as a tuple is)."""
        ref = self.mentions[i]  # (raises IndexError as a tuple of offsets would)
        if ref is not None:
            return ref.begin
        i %= len(self.text)
        k = bisect_right(self.placeholders, i) - 1
        if k < 0:
            return self.begin + i
        before = self.placeholders[k]
        return self.mention(before).end + i - before - 1

    def end(self, i: int) -> int:
        """The reading offset where template character ``i`` ends."""
        ref = self.mentions[i]
        return ref.end if ref is not None else self.start(i) + 1

    def span(self, i: int, j: int) -> tuple[int, int]:
        """Return the reading-text span of template characters ``[i, j)``."""
        return self.start(i), self.end(j - 1)

    def code(self, i: int) -> str | None:
        """Return the class code of the placeholder at ``i`` (or None for plain text)."""
        ref = self.mentions[i]
        if ref is None:
            return None
        return CLASS_CODES[ref.cls]


def make_template(text: str, begin: int, end: int, mentions: list[MentionRef]) -> Template:
    """Build the template of ``text[begin:end]``; ``mentions`` must not overlap and be sorted."""
    chars: list[str] = []
    refs: list[MentionRef | None] = []
    placeholders: list[int] = []
    pos = begin
    counter: dict[str, int] = {}
    for ref in mentions:
        if ref.begin < pos or ref.end > end:
            continue
        if pos < ref.begin:  # the plain text before it
            chars.append(text[pos : ref.begin])
            refs.extend([None] * (ref.begin - pos))
        i = _ORDER.index(ref.cls)
        n = counter.get(ref.cls, 0)
        counter[ref.cls] = n + 1
        placeholders.append(len(refs))
        chars.append(chr(_BASE + i * _BLOCK + n % _BLOCK))
        refs.append(ref)
        pos = ref.end
    if pos < end:
        chars.append(text[pos:end])
        refs.extend([None] * (end - pos))
    return Template("".join(chars), tuple(refs), begin, tuple(placeholders))
