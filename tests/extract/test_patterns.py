"""Grouped alternations match exactly what the plain ``|``-joined alternations match."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kexie_graph.extract import figures, grammar
from kexie_graph.extract.patterns import alternation, finditer_from, words_pattern

_CHARS = "科协学会技馆院市省区县长副主"
_WORDS = st.lists(st.text(alphabet=_CHARS, min_size=1, max_size=4), min_size=1, max_size=12)
_TEXTS = st.text(alphabet=_CHARS + "的 \n", max_size=40)
#: what may follow the alternation: nothing, the end, a character, a choice (forces backtracking)
_CONTEXTS = ["", "$", "长", "(?:协|会)$", "(?!会)"]


def _same(plain: str, grouped: str, text: str) -> None:
    for context in _CONTEXTS:
        a, b = re.compile(f"(?:{plain}){context}"), re.compile(f"(?:{grouped}){context}")
        assert [m.span() for m in a.finditer(text)] == [m.span() for m in b.finditer(text)]
        for pos in range(len(text)):
            ma, mb = a.match(text, pos), b.match(text, pos)
            assert (ma and ma.span()) == (mb and mb.span())


@settings(deadline=None)
@given(_WORDS, _TEXTS)
def test_words_pattern_matches_as_the_plain_alternation(words: list[str], text: str) -> None:
    _same("|".join(map(re.escape, words)), words_pattern(words), text)


_RESTS = st.sampled_from(["", "长", "(?:副)?(?:主|长)", "会?", "(?=协)"])


@settings(deadline=None)
@given(
    st.lists(st.tuples(st.text(alphabet=_CHARS, max_size=3), _RESTS), min_size=1, max_size=10),
    _TEXTS,
)
def test_alternation_matches_as_the_plain_alternation(
    branches: list[tuple[str, str]], text: str
) -> None:
    plain = "|".join(re.escape(word) + (f"(?:{rest})" if rest else "") for word, rest in branches)
    _same(plain, alternation(branches), text)


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        (["科协", "科学院", "学会"], "科(?:协|学院)|学会"),
        (["科协", "科", "科技"], "科(?:协||技)"),  # the used-up word keeps its place
    ],
)
def test_grouping(words: list[str], expected: str) -> None:
    assert words_pattern(words) == expected


def test_a_word_list_gets_a_first_character_filter() -> None:
    # every alternative starts with a literal: re can skip to the positions where one may start
    pattern = words_pattern(["主席", "副主席", "秘书长"])
    assert all(part[0] in "主副秘" for part in pattern.split("|"))


_NUMERIC = st.text(
    alphabet="0123456789.,%第届次年一二两三十百千万亿分之半点余多个名人家项位今去上明前目当至眼现“”"
    "十三五时期以来底末委员会全会代表大会理事会的在",
    max_size=50,
)


@pytest.mark.parametrize(
    ("pattern", "starts"),
    [
        (figures._QTY, figures._QTY_STARTS),
        (figures._YEAR_ANCHOR, figures._YEAR_ANCHOR_STARTS),
        (grammar._SESSION_RE, grammar._SESSION_STARTS),
    ],
    ids=["quantities", "time anchors", "sessions"],
)
@settings(deadline=None)
@given(text=_NUMERIC)
def test_finditer_from_the_first_characters_finds_what_finditer_finds(
    pattern: re.Pattern[str], starts: re.Pattern[str], text: str
) -> None:
    expected = [(m.span(), m.groups()) for m in pattern.finditer(text)]
    assert [(m.span(), m.groups()) for m in finditer_from(pattern, starts, text)] == expected
