"""The seed article through the text layer: its page-layout damage is repaired, offsets hold."""

from __future__ import annotations

import random
from collections.abc import Callable
from pathlib import Path

import pytest

from kexie_graph.text import ReadingText, prepare, read_article_text, sentences

SEED = (
    Path(__file__).resolve().parents[2]
    / "data"
    / "articles"
    / "chongqing-daily-2021-03-19-kexie-plenary.txt"
)


@pytest.fixture(scope="module")
def seed() -> ReadingText:
    return prepare(read_article_text(SEED))


@pytest.mark.parametrize(
    ("name", "count"),
    [
        ("科教兴市和人才强市行动计划", 1),
        ("川渝科技学术大会", 2),
        ("《“科创中国”三年行动计划(2021-2023年)》", 1),
        ("重庆日报记者 张亦筑", 2),
        ("孩子们在重庆科技馆了解科学知识。", 1),
        ("重庆日报记者 郑宇摄", 1),
        ("“十四五”开局之年 市科协要这么干", 1),
    ],
)
def test_seed_names_read_whole(seed: ReadingText, name: str, count: int) -> None:
    assert seed.text.count(name) == count


def test_seed_caption_lines_are_their_own_paragraphs(seed: ReadingText) -> None:
    lines = seed.text.split("\n")
    for line in ("孩子们在重庆科技馆了解科学知识。", "重庆日报记者 郑宇摄", "重庆日报记者 张亦筑"):
        assert line in lines
    assert "纵深" in lines  # the column label is not joined to the paragraph after it


def test_seed_split_names_map_to_their_pieces(seed: ReadingText) -> None:
    title = "《“科创中国”三年行动计划(2021-2023年)》"
    at = seed.text.index(title)
    pieces = seed.to_original(at, at + len(title))
    assert [piece.slice(seed.original) for piece in pieces] == [
        "《“科",
        "创中国”三年行动计划(2021-2023年)》",
    ]
    at = seed.text.index("科教兴市和人才强市行动计划")
    (piece,) = seed.to_original(at, at + 13)
    assert piece.slice(seed.original) == "科教兴市和人才强\n\n市行动计划"


def test_seed_random_spans_slice_back(
    seed: ReadingText, span_checker: Callable[[ReadingText, int, int], None]
) -> None:
    chooser = random.Random(20210318)
    size = len(seed.text)
    for _ in range(500):
        begin = chooser.randrange(size)
        end = min(size, begin + chooser.randint(1, 60))
        span_checker(seed, begin, end)
    for begin, end in sentences(seed.text):
        span_checker(seed, begin, end)
