"""Page-layout repair: each rule on small synthetic texts, with its negative case."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from kexie_graph.records import Span
from kexie_graph.text import ReadingText, paragraphs, prepare
from kexie_graph.text.layout import (
    MAX_INTERLEAVED,
    ends_sentence,
    is_byline,
    is_credit,
    is_folio,
    is_heading,
    repair,
    split_lines,
)

Checker = Callable[[ReadingText, int, int], None]  # the span_checker fixture of conftest.py

# An article interrupted, in the middle of a title, by the headline and byline of a neighbouring
# piece and by a photo caption with its credit, as happens when a newspaper page is copied.
INTERLEAVED = (
    "全市将落实《“智汇\n\n"
    "学会年会在京开幕 百名专家共话创新\n\n"
    "本报记者 李明\n\n\n\n"
    "志愿者在科技馆为学生讲解。\n"
    "本报记者 王芳摄\n\n"
    "浙江”三年行动方案(2022-2024年)》，推动试点落地。\n\n"
    "此外，还将建设工作站。\n"
)


@pytest.mark.parametrize(
    ("original", "reading"),
    [
        pytest.param(
            "今年，省科协将组织实施青年科学家托举\n\n工程，推荐一批优秀青年人才。\n",
            "今年,省科协将组织实施青年科学家托举工程,推荐一批优秀青年人才。",
            id="word-split-by-page-break",
        ),
        pytest.param(
            "会议决定建立专家库。同时联合举办长江科普论\n\n坛，邀请院士作报告。",
            "会议决定建立专家库。同时联合举办长江科普论坛,邀请院士作报告。",
            id="one-character-continuation",
        ),
        pytest.param(
            "市科协将认真履行服务科技工作者的职责，\n\n推动全市科普事业高质量发展。",
            "市科协将认真履行服务科技工作者的职责,推动全市科普事业高质量发展。",
            id="ends-with-comma",
        ),
        pytest.param(
            "组织医生、教师、\n\n农艺师开展服务。",
            "组织医生、教师、农艺师开展服务。",
            id="ends-with-enumeration-comma",
        ),
        pytest.param(
            "今年将印发《关于加强基层科普\n\n工作的实施意见》，推动落实。",
            "今年将印发《关于加强基层科普工作的实施意见》,推动落实。",
            id="inside-book-title",
        ),
        pytest.param(
            "省科协联合举办长江科普论\n\n坛，组织院士专家开展科技服务\n\n活动，覆盖全省各市县。",
            "省科协联合举办长江科普论坛,组织院士专家开展科技服务活动,覆盖全省各市县。",
            id="two-breaks-in-one-paragraph",
        ),
        pytest.param(
            "The science association of Qingdao held its annual academic\n\nmeeting on 19 May.",
            "The science association of Qingdao held its annual academic meeting on 19 May.",
            id="latin-words-keep-a-space",
        ),
        pytest.param(
            "今年，省科协将组织实施青年科学家托举\r\n\r\n工程，推荐一批优秀青年人才。\r\n",
            "今年,省科协将组织实施青年科学家托举工程,推荐一批优秀青年人才。",
            id="crlf",
        ),
    ],
)
def test_sentences_cut_by_the_page_are_joined(
    original: str, reading: str, span_checker: Checker
) -> None:
    prepared = prepare(original)
    assert prepared.text == reading
    assert prepared.joins
    assert not prepared.moved
    for begin, end in [(0, len(reading)), *((j - 2, j + 2) for j in prepared.joins)]:
        span_checker(prepared, begin, end)


def test_a_word_cut_by_a_page_break_is_one_piece_with_the_break_inside() -> None:
    original = "今年，省科协将组织实施青年科学家托举\n\n工程，推荐一批优秀青年人才。\n"
    prepared = prepare(original)
    at = prepared.text.index("托举工程")
    (piece,) = prepared.to_original(at, at + 4)
    assert piece.slice(original) == "托举\n\n工程"


@pytest.mark.parametrize(
    "original",
    [
        pytest.param("科普工作新格局\n\n2022年，全省公民具备科学素质的比例达到12%。", id="subhead"),
        pytest.param("观察\n\n今年，市科协将重点抓好五项工作。", id="column-label"),
        pytest.param("守正创新，服务大局\n\n市科协召开全委会。", id="headline-with-comma"),
        pytest.param(
            "“十四五”开局之年 科协要这么干\n\n今年，学会将召开年会。", id="headline-quotes"
        ),
        pytest.param("科协召开全委会\n会议审议了工作报告。", id="headline-no-blank-line"),
        pytest.param(
            "会议还部署了下一阶段的科普工作和学会建设任务\n\n推动学会创新发展\n\n今年，市科协将出台文件。",
            id="unfinished-paragraph-then-subhead",
        ),
        pytest.param("会议对今后的科协工作提出以下要求:\n\n一是加强组织建设。", id="colon"),
        pytest.param(
            "1.加强科普基础设施建设，推动科技馆免费开放，建设一批科普教育基地\n"
            "2.加强组织建设，扩大基层组织覆盖面，推动学会治理改革\n"
            "(三)实施人才托举工程，支持青年科技人才成长",
            id="numbered-list-without-full-stops",
        ),
        pytest.param(
            "今年将重点抓好以下工作，\n\n一、加强组织建设\n\n①推动学会改革",
            id="list-after-a-comma",
        ),
        pytest.param("他说：“要服务好科技工作者。”\n\n会议指出，要加强组织建设。", id="quote-end"),
        pytest.param("会议圆满完成各项议程。（记者 张三）\n\n下一段从这里开始。", id="remark-end"),
        pytest.param("会议要求各级科协进一步加强组织建设，", id="comma-at-end-of-text"),
        pytest.param(
            "会议要求各级科协进一步加强组织建设和学会治理改革工作的行动计\n\n", id="cut-at-end"
        ),
    ],
)
def test_what_is_not_joined(original: str) -> None:
    prepared = prepare(original)
    assert not prepared.joins
    assert not prepared.moved
    expected = [line.strip() for line in original.replace("：", ":").splitlines() if line.strip()]
    assert [prepared.text[b:e] for b, e in paragraphs(prepared.text)] == [
        prepare(line).text for line in expected
    ]


@pytest.mark.parametrize("count", [1, MAX_INTERLEAVED, MAX_INTERLEAVED + 1, MAX_INTERLEAVED + 3])
def test_at_most_max_interleaved_lines_are_skipped(count: int) -> None:
    bylines = "".join(f"本报记者 张{name}\n\n" for name in "一二三四五六七八九十百千"[:count])
    prepared = prepare(f"市科协将出台《关于\n\n{bylines}意见》，推动落实。")
    joined = "市科协将出台《关于意见》,推动落实。"
    assert (prepared.text.split("\n")[0] == joined) is (count <= MAX_INTERLEAVED)
    assert len(prepared.moved) == (count if count <= MAX_INTERLEAVED else 0)


def test_interleaved_lines_are_moved_after_the_paragraph(span_checker: Checker) -> None:
    prepared = prepare(INTERLEAVED)
    assert prepared.text.split("\n") == [
        "全市将落实《“智汇浙江”三年行动方案(2022-2024年)》,推动试点落地。",
        "学会年会在京开幕 百名专家共话创新",
        "本报记者 李明",
        "志愿者在科技馆为学生讲解。",
        "本报记者 王芳摄",
        "此外,还将建设工作站。",
    ]
    assert [(prepared.text[m.begin : m.end], m.kind) for m in prepared.moved] == [
        ("学会年会在京开幕 百名专家共话创新", "headline"),
        ("本报记者 李明", "byline"),
        ("志愿者在科技馆为学生讲解。", "caption"),
        ("本报记者 王芳摄", "credit"),
    ]
    for begin in range(len(prepared.text)):
        span_checker(prepared, begin, min(len(prepared.text), begin + 9))


def test_a_title_split_by_interleaved_lines_maps_to_two_pieces() -> None:
    prepared = prepare(INTERLEAVED)
    title = "《“智汇浙江”三年行动方案(2022-2024年)》"
    at = prepared.text.index(title)
    pieces = prepared.to_original(at, at + len(title))
    assert [piece.slice(INTERLEAVED) for piece in pieces] == [
        "《“智汇",
        "浙江”三年行动方案(2022-2024年)》",
    ]
    cover = prepared.covering_span(at, at + len(title))
    assert cover == Span(pieces[0].begin, pieces[1].end)
    assert "本报记者 李明" in cover.slice(INTERLEAVED)


@pytest.mark.parametrize(
    ("original", "reading", "kinds"),
    [
        pytest.param(
            "本次论坛由两省科协联合举办，主题为长三角科技\n\n通讯员 张华\n\n合作，交流合作经验。",
            "本次论坛由两省科协联合举办,主题为长三角科技合作,交流合作经验。\n通讯员 张华",
            ["byline"],
            id="byline-after-an-unfinished-sentence",
        ),
        pytest.param(
            "推动《“科普\n\n孩子们在科技馆体验科学实验。本报记者 王芳 摄\n\n中国”行动》落地。",
            "推动《“科普中国”行动》落地。\n孩子们在科技馆体验科学实验。本报记者 王芳 摄",
            ["credit"],
            id="caption-and-credit-on-one-line",
        ),
        pytest.param(
            "推动《“科普\n\n孩子们在科技馆体验科学实验。\n（韩星 摄）\n\n中国”行动》落地。",
            "推动《“科普中国”行动》落地。\n孩子们在科技馆体验科学实验。\n(韩星 摄)",
            ["caption", "credit"],
            id="credit-in-brackets",
        ),
        pytest.param(
            "全会在成都召开。市科协党组书记、常务副主席张\n\n成都日报 2024年3月16日 第3版\n\n"
            "军在会上作工作报告。",
            "全会在成都召开。市科协党组书记、常务副主席张军在会上作工作报告。\n"
            "成都日报 2024年3月16日 第3版",
            ["folio"],
            id="a-folio-between-the-halves-of-a-name",
        ),
        pytest.param(
            "会议指出。全市建成院士工作站\n\nA03 要闻\n\n32家，引进团队58个。",
            "会议指出。全市建成院士工作站32家,引进团队58个。\nA03 要闻",
            ["folio"],
            id="a-page-label-after-a-weak-break",
        ),
        pytest.param(
            "市科协将出台《关于加强\n\n科普周刊\n\n科普工作的意见》，推动落实。",
            "市科协将出台《关于加强科普工作的意见》,推动落实。\n科普周刊",
            ["headline"],
            id="headline-then-the-line-that-closes-the-title",
        ),
    ],
)
def test_interleaved_line_kinds(original: str, reading: str, kinds: list[str]) -> None:
    prepared = prepare(original)
    assert prepared.text == reading
    assert [moved.kind for moved in prepared.moved] == kinds


def test_split_lines_strips_and_records_line_ends() -> None:
    text = "  甲乙 \n\n丙\n丁"
    lines = split_lines(text)
    assert [(text[line.start : line.end], line.newline) for line in lines] == [
        ("甲乙", 5),
        ("丙", 8),
        ("丁", -1),
    ]
    assert [unit.kind for unit in repair(text).units] == ["paragraph"] * 3


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("重庆日报记者 张亦筑", True),
        ("本报记者 王明 通讯员 李华", True),
        ("(记者 刘邓)", True),
        ("新华社记者 张三", True),
        ("文/李明", True),
        ("本报记者 欧阳明", True),
        ("青岛日报/观海新闻记者 耿婷婷", True),
        ("实习生 赵四", True),
        ("科普工作新格局", False),
        ("记者从市科协获悉,今年将召开大会。", False),
        ("本报讯 (记者 张亦筑)3月18日,会议召开。", False),
        ("记者节", False),
        ("优秀科技工作者 张三", False),
    ],
)
def test_is_byline(line: str, expected: bool) -> None:
    assert is_byline(line) is expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("重庆日报记者 郑宇摄", True),
        ("本报记者 王芳 摄", True),
        ("(韩星 摄)", True),
        ("摄影 李明", True),
        ("图/李明", True),
        ("孩子们在科技馆学习科学知识。本报记者 郑宇摄", True),
        ("资料图片", True),
        ("(受访者供图)", True),
        ("新华社发", True),
        ("组织学生参观拍摄基地。", False),
        ("市科协主席", False),
        ("摄影大赛今日开幕", False),
        ("图说科普", False),
    ],
)
def test_is_credit(line: str, expected: bool) -> None:
    assert is_credit(line) is expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("纵深", True),
        ("打造科技工作者的价值共同体", True),
        ("“十四五”开局之年 市科协要这么干", True),
        ("守正创新,服务大局", True),
        ("一、加强组织建设", True),
        ("“6·18”项目集中签约 总投资6.2亿元", True),
        ("今年,省科协将组织实施青年科学家托举", False),  # a long part after the comma
        (
            "为扩大组织有效覆盖面,市科协联合市委组织部等部门出台相关文件,吸纳院长担任兼职副主席",
            False,
        ),
        ("科协召开年会。", False),
        ("关于《科普法", False),
        ("医师、教师、", False),
        ("Meeting on 19 May.", False),
    ],
)
def test_is_heading(line: str, expected: bool) -> None:
    assert is_heading(line) is expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("好。", True),
        ("他说:“好。”", True),
        ("会议结束。(记者 张三)", True),
        ("真的吗?", True),
        ("科普……", True),
        ("《纲要》", False),
        ("科协", False),
        ("(记者 张三)", False),
    ],
)
def test_ends_sentence(line: str, expected: bool) -> None:
    assert ends_sentence(line) is expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("成都日报 2024年3月16日 第3版", True),
        ("2024年3月16日 星期六 第3版", True),
        ("A03 要闻", True),
        ("第3版：要闻", True),
        ("— 3 —", True),
        ("重庆日报", False),
        ("全市科协工作会议召开", False),
        ("第三届理事会", False),
    ],
)
def test_is_folio(line: str, expected: bool) -> None:
    assert is_folio(line) is expected
