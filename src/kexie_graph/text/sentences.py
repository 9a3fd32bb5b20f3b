"""Paragraph and sentence spans of a reading text.

A paragraph is a line (the reading text has one paragraph per line). A sentence ends after a
sentence mark (``。`` ``!`` ``?`` ``；``, half- or full-width) and at the end of its paragraph,
but not inside a matched pair of brackets or quotation marks (《》 “” ‘’ () 【】 「」 ...):
``他说:“好。我们去。”`` is one sentence. A quotation that ends with a sentence mark ends the
sentence after its closing quote (``…好。”`` then a new sentence); a title or a bracket does not
(``《科学!》的通知`` goes on). An opener left unmatched in its paragraph protects nothing, so
one stray ``“`` cannot swallow a whole paragraph. Spans are ``(begin, end)`` offsets into the
text, without surrounding whitespace.

Only punctuation is visited (a regex skips the rest), so a 1 MB text is split in milliseconds.
"""

from __future__ import annotations

import re

from .punct import BRACKET_PAIRS, CLOSERS, OPENERS, SENTENCE_END

__all__ = ["paragraphs", "sentences"]

# A line's content runs from its first to its last non-space character: matched greedily to the
# line end and back to that character (a lazy match would test for the line end at every one).
_PARAGRAPH = re.compile(r"[^\S\n]*(\S(?:[^\n]*\S)?)[^\S\n]*(?:\n|\Z)")
_MARKS = re.compile("[" + re.escape("".join(sorted(SENTENCE_END | OPENERS | CLOSERS))) + "]")
_SPACE = re.compile(r"\s*")
_QUOTE_CLOSERS = frozenset("”’」』")


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Return the spans of the non-blank lines of ``text``, without their surrounding whitespace."""
    return [match.span(1) for match in _PARAGRAPH.finditer(text)]


def _pairs(text: str, begin: int, end: int) -> tuple[list[tuple[int, int]], list[int]]:
    """Matched bracket pairs ``(open, close)`` of ``text[begin:end]`` and its sentence marks."""
    stack: list[tuple[str, int]] = []
    pairs: list[tuple[int, int]] = []
    marks: list[int] = []
    for match in _MARKS.finditer(text, begin, end):
        char, at = match.group(), match.start()
        if char in OPENERS:
            stack.append((char, at))
        elif char in CLOSERS:
            for depth in range(len(stack) - 1, -1, -1):
                if BRACKET_PAIRS[stack[depth][0]] == char:
                    pairs.append((stack[depth][1], at))
                    del stack[depth:]
                    break
        else:
            marks.append(at)
    return pairs, marks


def _cuts(text: str, begin: int, end: int) -> list[int]:
    """The offsets after which a sentence ends inside the paragraph ``text[begin:end]``."""
    pairs, marks = _pairs(text, begin, end)
    # Top-level protected intervals: the union of the matched pairs (inner pairs lie inside outer
    # ones).
    outer: list[list[int]] = []
    for opened, closed in sorted(pairs):
        if outer and opened < outer[-1][1]:
            outer[-1][1] = max(outer[-1][1], closed)
        else:
            outer.append([opened, closed])
    cuts: list[int] = []
    k = 0
    for at in marks:
        while k < len(outer) and outer[k][1] < at:
            k += 1
        if k < len(outer) and outer[k][0] < at < outer[k][1]:
            continue  # inside brackets or quotes
        cuts.append(at + 1)
    for _opened, closed in outer:
        # “……好。” ends its sentence after the quote; a title 《……!》 or a bracket does not.
        if text[closed] in _QUOTE_CLOSERS and text[closed - 1] in SENTENCE_END:
            cuts.append(closed + 1)
    cuts.sort()
    return cuts


def sentences(text: str) -> list[tuple[int, int]]:
    """Return the sentence spans of ``text`` (see the module docstring for the rules)."""
    spans: list[tuple[int, int]] = []
    for begin, end in paragraphs(text):
        start = begin
        for cut in _cuts(text, begin, end):
            # A run of marks and closers (?!, 。”) stays with the sentence it ends.
            while cut < end and (text[cut] in SENTENCE_END or text[cut] in CLOSERS):
                cut += 1
            if cut <= start:
                continue
            spans.append((start, cut))
            start = _SPACE.match(text, cut, end).end()  # type: ignore[union-attr]
        if start < end:
            spans.append((start, end))
    return [(b, _rstrip(text, b, e)) for b, e in spans if _rstrip(text, b, e) > b]


def _rstrip(text: str, begin: int, end: int) -> int:
    """``end`` moved left over trailing whitespace of ``text[begin:end]``."""
    while end > begin and text[end - 1].isspace():
        end -= 1
    return end
