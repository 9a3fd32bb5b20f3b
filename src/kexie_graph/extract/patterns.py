"""Regular expressions for long lists of words, written so that Python's ``re`` scans them fast.

``re`` tries the alternatives of ``A|B|C…`` one after another at every position of the text: a
list of a hundred titles or head nouns costs a hundred tests per character. Grouping the
alternatives by their leading characters (a trie: ``科(?:协|学院|技馆)|学(?:会|院)…``) leaves a few
tests per character, and when every alternative starts with a literal, ``re`` also skips the
positions where no alternative can start.

The grouped pattern matches exactly what the plain alternation matches, with the same choice
among alternatives: at a given position only the alternatives that start with the character there
can match, and within each group the alternatives keep their order, so the first one that
succeeds (``re`` takes the first, not the longest) is the same, whatever follows the alternation.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence

__all__ = ["alternation", "finditer_from", "words_pattern"]


def alternation(branches: Iterable[tuple[str, str]]) -> str:
    """A pattern equivalent to ``|``-joining ``re.escape(word) + "(?:" + rest + ")"`` for each
    ``(word, rest)`` in order (``rest`` a pattern, "" for none), grouped by the words' leading
    characters."""
    return _grouped([(word, f"(?:{rest})" if rest else "") for word, rest in branches])


def words_pattern(words: Sequence[str]) -> str:
    """A pattern equivalent to ``"|".join(map(re.escape, words))``, grouped by leading
    characters."""
    return alternation((word, "") for word in words)


def finditer_from(
    pattern: re.Pattern[str], starts: re.Pattern[str], text: str
) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)`` for a pattern that never matches the empty string and whose
    every match starts with a character of the class ``starts``: only the positions of such
    characters are tried.

    A pattern that opens with optional or grouped parts (``(?:第)?(?P<n>…)届``) gives ``re`` no
    first character to look for: it tries the whole pattern at every position. Trying it where
    ``starts`` finds a character is the same search, leftmost match first, each search going on
    where the last match ended.
    """
    pos = 0
    while True:
        start = starts.search(text, pos)
        if start is None:
            return
        match = pattern.match(text, start.start())
        if match is None:
            pos = start.start() + 1
        else:
            yield match
            pos = match.end()


def _grouped(branches: list[tuple[str, str]]) -> str:
    """Group ``branches`` by first character; a branch whose word is used up (only its pattern is
    left, which may match anything) keeps its place: the branches before and after it are grouped
    apart."""
    parts: list[str] = []
    groups: dict[str, list[tuple[str, str]]] = {}  # first character -> the branches' remainders
    for word, rest in branches:
        if word:
            groups.setdefault(word[0], []).append((word[1:], rest))
            continue
        parts += _factored(groups)
        groups = {}
        parts.append(rest)
    parts += _factored(groups)
    return "|".join(parts)


def _factored(groups: dict[str, list[tuple[str, str]]]) -> list[str]:
    # branches that start with different characters never match at the same position: their
    # groups may stand in any order
    parts: list[str] = []
    for first, members in groups.items():
        if len(members) == 1:
            word, rest = members[0]
            parts.append(re.escape(first + word) + rest)
        else:
            parts.append(re.escape(first) + "(?:" + _grouped(members) + ")")
    return parts
