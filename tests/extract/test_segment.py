"""The dictionary segmenter gives jieba's own words (``lcut(HMM=False)``), token for token."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import jieba
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kexie_graph.articles import load_article
from kexie_graph.extract.segment import Segmenter
from kexie_graph.text import prepare

ARTICLES = Path(__file__).resolve().parents[2] / "data" / "articles"


@cache
def _tokenizer() -> jieba.Tokenizer:
    jieba.setLogLevel(60)
    tk = jieba.Tokenizer()
    tk.initialize()
    tk.add_word("线上线下", tag="n")  # a word added at run time counts as the dictionary's own
    return tk


@cache
def _segmenter() -> Segmenter:
    return Segmenter(_tokenizer())


def _same(text: str) -> None:
    assert _segmenter().cut(text) == _tokenizer().lcut(text, HMM=False)


def _lines() -> list[str]:
    lines: list[str] = []
    for path in sorted(ARTICLES.glob("*.txt")):
        text = prepare(load_article(path).text).text
        lines += [line for line in text.split("\n") if line]
    return lines


def test_development_texts_are_cut_as_jieba_cuts_them() -> None:
    lines = _lines()
    assert len(lines) > 100
    for line in lines:
        _same(line)
        # and stretch by stretch, as the name grammars read them
        for stretch in re.split(r"[,，。、;；:：!?()（）“”《》\s]+", line):
            _same(stretch)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "科协",
        "2021年重庆市科协",
        "abc 12 x3D打印",
        "线上线下相结合",
        "中国科协ABC研究院3.5亿元",
        "  \r\n 科技\t工作者 ",
        "℃~×°混合",
        "\u9fd6\u9fff\u4e00",  # ideographs past jieba's range are cut one by one
    ],
)
def test_edge_cases(text: str) -> None:
    _same(text)


_PIECES = st.sampled_from(
    [
        *"科学技术协会学术年会市省中国重庆青岛大创新发展计划行动的了是在和与及人才工作站",
        *"0123456789abcXYZ.%+-#&_",
        *"，。、“”《》() \t\n~×",
        "科技工作者",
        "线上线下",
        "院士专家",
        "研究院",
        "有限公司",
    ]
)


@settings(deadline=None)
@given(st.lists(_PIECES, max_size=40).map("".join))
def test_any_text_is_cut_as_jieba_cuts_it(text: str) -> None:
    _same(text)


def test_words_are_the_same_when_nothing_more_is_remembered(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # fragments outside the dictionary are remembered up to a bound: past it, the same words
    from kexie_graph.extract import segment

    monkeypatch.setattr(segment, "_REMEMBERED", 0)
    fresh = Segmenter(_tokenizer())
    for line in _lines()[:40]:
        assert fresh.cut(line) == _tokenizer().lcut(line, HMM=False)
