"""Shared checks for the text-layer tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from kexie_graph.text import ReadingText
from kexie_graph.text.chars import normalized_char
from kexie_graph.text.convert import t2s

Checker = Callable[[ReadingText, int, int], None]


def _visible(text: str) -> str:
    return "".join(char for char in text if not char.isspace())


def check_span(reading: ReadingText, begin: int, end: int) -> None:
    """The pieces of ``text[begin:end]`` hold its characters (modulo whitespace), in order."""
    pieces = reading.to_original(begin, end)
    previous_end = -1
    for piece in pieces:
        assert 0 <= piece.begin < piece.end <= len(reading.original)
        assert piece.begin > previous_end  # sorted and disjoint (and not touching: they'd merge)
        previous_end = piece.end
    material = "".join(normalized_char(c) for p in pieces for c in p.slice(reading.original))
    expected = _visible(reading.text[begin:end])
    if reading.traditional:
        material = t2s(material)
    if "\n" in reading.text[begin:end]:
        # Across paragraphs the reading order may differ from the original's (moved lines come
        # after the paragraph they interrupted): the same characters, in some order.
        assert sorted(_visible(material)) == sorted(expected)
    else:
        assert _visible(material) == expected


@pytest.fixture
def span_checker() -> Checker:
    """:func:`check_span` as a fixture."""
    return check_span
