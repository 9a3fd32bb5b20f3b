"""Sentence and paragraph spans."""

from __future__ import annotations

import pytest

from kexie_graph.text import paragraphs, sentences


def _texts(text: str, spans: list[tuple[int, int]]) -> list[str]:
    return [text[begin:end] for begin, end in spans]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("科协召开年会。学会揭牌。", ["科协召开年会。", "学会揭牌。"], id="full-stop"),
        pytest.param("真的吗?是的!好;再见", ["真的吗?", "是的!", "好;", "再见"], id="ascii-marks"),
        pytest.param(
            "真的吗？是的！好；再见", ["真的吗？", "是的！", "好；", "再见"], id="full-width-marks"
        ),
        pytest.param("第一段\n第二段。\n\n第三段", ["第一段", "第二段。", "第三段"], id="newlines"),
        pytest.param(
            "他说:“好。我们去。”会议结束。",
            ["他说:“好。我们去。”", "会议结束。"],
            id="quote-ends-with-a-mark",
        ),
        pytest.param(
            "印发《科学。技术!》的通知。下一句。",
            ["印发《科学。技术!》的通知。", "下一句。"],
            id="book-title",
        ),
        pytest.param(
            "试点(第一批。第二批)完成。下一句。",
            ["试点(第一批。第二批)完成。", "下一句。"],
            id="brackets",
        ),
        pytest.param(
            "开展“三长”带“三师”活动。再开展“科普中国”。",
            ["开展“三长”带“三师”活动。", "再开展“科普中国”。"],
            id="several-quotes",
        ),
        pytest.param(
            "他说“好。我们去。会议结束。下一句。",
            ["他说“好。", "我们去。", "会议结束。", "下一句。"],
            id="unmatched-quote-protects-nothing",
        ),
        pytest.param("真的吗?!”好。", ["真的吗?!”", "好。"], id="marks-and-closers-stay"),
        pytest.param("  前面有空格。  后面也有。  ", ["前面有空格。", "后面也有。"], id="spaces"),
        pytest.param("", [], id="empty"),
        pytest.param("\n\n  \n", [], id="blank"),
        pytest.param("没有句号的标题", ["没有句号的标题"], id="no-mark"),
        pytest.param("增长10.2%。达到3.5万人。", ["增长10.2%。", "达到3.5万人。"], id="decimals"),
    ],
)
def test_sentences(text: str, expected: list[str]) -> None:
    assert _texts(text, sentences(text)) == expected


def test_sentence_spans_are_ordered_and_inside_their_paragraphs() -> None:
    text = "甲。乙“丙。丁”。\n戊《己。》庚!\n\n辛"
    spans = sentences(text)
    paragraph_spans = paragraphs(text)
    assert spans == sorted(spans)
    for begin, end in spans:
        assert any(p_begin <= begin < end <= p_end for p_begin, p_end in paragraph_spans)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("甲\n乙\n\n丙", ["甲", "乙", "丙"]),
        ("  甲 \n\t\n 乙乙", ["甲", "乙乙"]),
        ("", []),
        ("甲", ["甲"]),
    ],
)
def test_paragraphs(text: str, expected: list[str]) -> None:
    assert _texts(text, paragraphs(text)) == expected
