"""Sentences as templates: each entity mention becomes one placeholder character of its class.

Relation rules are regular expressions over these templates, so that 联合{ORG}、{ORG} reads as
"联合 followed by a list of organisations" whatever their names. Placeholders live in Unicode's
supplementary private use plane (U+F0000…), one block of 4096 code points per class.
"""

from __future__ import annotations

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
    """A sentence with its mentions as placeholders, and the maps back to the reading text."""

    text: str
    starts: tuple[int, ...]  # reading offset of each template character's start
    ends: tuple[int, ...]  # reading offset of each template character's end
    mentions: tuple[MentionRef | None, ...]  # the mention behind each placeholder, else None

    def mention(self, i: int) -> MentionRef:
        """Return the mention behind the placeholder at template index ``i``."""
        ref = self.mentions[i]
        if ref is None:
            raise IndexError(f"no mention at template index {i}")
        return ref

    def span(self, i: int, j: int) -> tuple[int, int]:
        """Return the reading-text span of template characters ``[i, j)``."""
        return self.starts[i], self.ends[j - 1]

    def code(self, i: int) -> str | None:
        """Return the class code of the placeholder at ``i`` (or None for plain text)."""
        ref = self.mentions[i]
        if ref is None:
            return None
        return CLASS_CODES[ref.cls]


def make_template(text: str, begin: int, end: int, mentions: list[MentionRef]) -> Template:
    """Build the template of ``text[begin:end]``; ``mentions`` must not overlap and be sorted."""
    chars: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    refs: list[MentionRef | None] = []

    def plain(lo: int, hi: int) -> None:  # text[lo:hi] copied, one template character each
        chars.append(text[lo:hi])
        starts.extend(range(lo, hi))
        ends.extend(range(lo + 1, hi + 1))
        refs.extend([None] * (hi - lo))

    pos = begin
    counter: dict[str, int] = {}
    for ref in mentions:
        if ref.begin < pos or ref.end > end:
            continue
        if pos < ref.begin:
            plain(pos, ref.begin)
        i = _ORDER.index(ref.cls)
        n = counter.get(ref.cls, 0)
        counter[ref.cls] = n + 1
        chars.append(chr(_BASE + i * _BLOCK + n % _BLOCK))
        starts.append(ref.begin)
        ends.append(ref.end)
        refs.append(ref)
        pos = ref.end
    if pos < end:
        plain(pos, end)
    return Template("".join(chars), tuple(starts), tuple(ends), tuple(refs))
