"""Traditional to simplified Chinese with OpenCC (``t2s``), keeping the map to the input characters.

OpenCC converts by phrases first (``乾隆`` keeps its ``乾``, ``憑藉`` -> ``凭借``) and then by
characters. Its bundled t2s tables are length-preserving today, so normally the whole text is
converted in one call and character ``i`` of the output is character ``i`` of the input. Should a
table ever map a phrase to one of another length, the text is converted again run by run of
ideographs, and a run whose length changes is converted character by character, so that the map
stays exact (losing only the phrase context of that run).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from .offsets import OffsetMap, RunBuilder

__all__ = ["TRADITIONAL_SHARE", "is_traditional", "t2s", "to_simplified"]

#: A text is traditional when at least this share of its ideographs changes under t2s. Simplified
#: text scores ~0 (a few variant characters), traditional text ~0.2-0.35: one common character in
#: three differs (的 是 在 are the same in both scripts).
TRADITIONAL_SHARE = 0.08
_SAMPLE = 6000  # ideographs sampled from long texts (start, middle, end): detection needs no more

_IDEOGRAPHS = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]+")


@cache
def _converter() -> Callable[[str], str]:
    import opencc  # imported on first use: loading its dictionaries is not free

    convert: Callable[[str], str] = opencc.OpenCC("t2s").convert
    return convert


def t2s(text: str) -> str:
    """Convert ``text`` to simplified characters with OpenCC's ``t2s`` (no offset map)."""
    return _converter()(text)


def _sample(text: str) -> str:
    """Up to ``_SAMPLE`` ideographs of ``text``, taken from its start, middle and end."""
    if len(text) <= 3 * _SAMPLE:
        return "".join(_IDEOGRAPHS.findall(text))
    third = _SAMPLE // 3
    middle = len(text) // 2
    pieces = (text[: 2 * third], text[middle - third : middle + third], text[-2 * third :])
    return "".join("".join(_IDEOGRAPHS.findall(piece))[:third] for piece in pieces)


def is_traditional(text: str) -> bool:
    """Return whether ``text`` is written in traditional characters.

    True when at least :data:`TRADITIONAL_SHARE` of the ideographs (sampled from a long text) are
    changed by OpenCC's t2s. A simplified article that quotes a traditional name stays simplified.
    """
    sample = _sample(text)
    if not sample:
        return False
    simplified = t2s(sample)
    if simplified == sample:
        return False  # nothing to convert: the usual simplified text, decided at C speed
    if len(simplified) != len(sample):  # cannot compare position by position: count per character
        changed = sum(1 for char in sample if t2s(char) != char)
    else:
        changed = sum(map(str.__ne__, sample, simplified))  # position by position, at C speed
    return changed > 0 and changed >= TRADITIONAL_SHARE * len(sample)


def to_simplified(text: str, convert: Callable[[str], str] | None = None) -> tuple[str, OffsetMap]:
    """Convert ``text`` to simplified characters; return the result and its map to ``text``.

    ``convert`` replaces OpenCC (tests use it to exercise a conversion that changes length).
    """
    convert = convert or t2s
    converted = convert(text)
    if len(converted) == len(text):
        return converted, OffsetMap.identity(len(text))
    parts: list[str] = []
    builder = RunBuilder()
    last = 0
    for match in _IDEOGRAPHS.finditer(text):
        begin, end = match.span()
        if begin > last:  # no ideographs here: t2s has nothing to change
            parts.append(text[last:begin])
            builder.add(last, begin - last)
        run = match.group()
        new = convert(run)
        if len(new) == len(run):
            parts.append(new)
            builder.add(begin, len(run))
        else:
            for offset, char in enumerate(run):
                one = convert(char)
                parts.append(one)
                builder.repeat(begin + offset, len(one))
        last = end
    if last < len(text):
        parts.append(text[last:])
        builder.add(last, len(text) - last)
    return "".join(parts), builder.build()
