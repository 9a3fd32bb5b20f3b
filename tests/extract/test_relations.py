"""Relation rules on short sentences written for the purpose, with hand-placed mentions."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kexie_graph.extract.clauses import MentionRef
from kexie_graph.extract.relations import find_relations, period_markers
from kexie_graph.text import sentences

# surface -> (class, key); keys are short so the expectations read easily
ENTITIES: dict[str, tuple[str, str]] = {
    "甲市科协": ("Organization", "A"),
    "乙省科协": ("Organization", "B"),
    "丙研究院": ("Organization", "C"),
    "丁学会": ("Organization", "D"),
    "东湖区": ("Place", "E"),
    "西山区": ("Place", "W"),
    "星河科学城": ("Place", "S"),
    "云谷园区": ("Place", "Y"),
    "青苗计划": ("Program", "P"),
    "“智惠”试点": ("Program", "Q"),
    "科普云平台": ("Platform", "F"),
    "创新论坛": ("Event", "V"),
    "学术年会": ("Event", "N"),
    "《科普条例实施办法》": ("Document", "T"),
    "科技服务站": ("Platform", "X"),
}


def _mentions(text: str) -> list[MentionRef]:
    out = []
    for surface, (cls, key) in ENTITIES.items():
        start = 0
        while (i := text.find(surface, start)) >= 0:
            b, e = (
                (i + 1, i + len(surface) - 1) if surface.startswith("《") else (i, i + len(surface))
            )
            out.append(MentionRef(b, e, key, cls))
            start = i + len(surface)
    return sorted(out, key=lambda m: m.begin)


def _relations(
    text: str, actor: str | None = "A", year: int | None = 2023
) -> set[tuple[str, str, str]]:
    hits = find_relations(
        text,
        sentences(text),
        _mentions(text),
        main_actor=actor,
        article_year=year,
        kind_of=lambda k: "Brand" if k == "Q" else None,
        parts_of=lambda k: [],
    )
    for h in hits:
        assert h.begin < h.end and text[h.begin : h.end]
    return {(h.subject, h.predicate, h.object) for h in hits}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "甲市科协与乙省科协、丙研究院签署合作协议。",
            {("A", "partner_of", "B"), ("A", "partner_of", "C")},
        ),
        ("甲市科协联合丁学会出台有关意见。", {("A", "partner_of", "D")}),
        ("甲市科协联办创新论坛。", {("A", "co_organizes", "V")}),
        ("甲市科协与乙省科协联建科普云平台。", {("A", "partner_of", "B"), ("A", "co_builds", "F")}),
        ("丁学会承办学术年会。", {("D", "hosts", "N")}),
        ("甲市科协举办创新论坛。", {("A", "runs", "V")}),
        ("甲市科协实施青苗计划。", {("A", "implements", "P")}),
        ("甲市科协印发《科普条例实施办法》。", {("A", "issues", "T")}),
        ("今年甲市科协将出台《科普条例实施办法》。", {("A", "plans_to_issue", "T")}),
        ("甲市科协将制定《科普条例实施办法》。", {("A", "plans_to_issue", "T")}),
        (
            "东湖区、西山区入选“智惠”试点。",
            {("E", "selected_for", "Q"), ("W", "selected_for", "Q")},
        ),
        (
            "甲市科协将在星河科学城云谷园区设立科技服务站。",
            {("X", "located_in", "Y"), ("A", "plans_to_build", "X")},
        ),
        (
            "甲市科协助力东湖区开展“智惠”试点。",
            {("A", "supports", "E"), ("E", "participates_in", "Q")},
        ),
        ("甲市科协积极争取创新论坛落户星河科学城。", {("A", "seeks_to_host", "V")}),
        ("甲市科协参与筹办学术年会。", {("A", "co_organizes", "N")}),
        ("在丁学会开展青苗计划。", {("D", "participates_in", "P"), ("A", "runs", "P")}),
        (
            "“智惠”试点(丁学会、丙研究院)启动。",
            {("D", "participates_in", "Q"), ("C", "participates_in", "Q")},
        ),
        (
            "在巩固青苗计划成果的基础上,开展“智惠”试点。",
            {("Q", "builds_on", "P"), ("A", "runs", "Q"), ("A", "runs", "P")}
            - {("A", "runs", "P")},
        ),
        ("东湖区对西山区帮扶带动。", {("E", "supports", "W")}),
        ("推动《科普条例实施办法》落地。", {("A", "implements", "T")}),
        ("甲市科协打造“智惠”试点。", {("A", "implements", "Q")}),
        ("乙省科协“智惠”试点成效明显。", {("B", "runs", "Q")}),
        ("科普云平台位于星河科学城。", {("F", "located_in", "S")}),
    ],
)
def test_rules(text: str, expected: set[tuple[str, str, str]]) -> None:
    assert _relations(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "甲市科协召开会议研究工作。",  # no named object
        "创新论坛的成果令人瞩目。",  # no verb frame
        "争取创新论坛落户星河科学城。",  # sought, not located
    ],
)
def test_negative(text: str) -> None:
    assert {r for r in _relations(text) if r[1] == "located_in" or r[0] != "A"} == set()
    if "召开" in text or "成果" in text:
        assert _relations(text) == set()


def test_elided_subject_uses_the_paragraph_actor() -> None:
    text = "乙省科协召开全会。同时,举办创新论坛。"
    assert ("B", "runs", "V") in _relations(text, actor=None)


def test_tense_follows_the_period() -> None:
    past = "“十三五”时期,甲市科协建设科技服务站。"
    future = "“十四五”时期,甲市科协将建设科技服务站。"
    assert ("A", "builds", "X") in _relations(past, year=2021)
    assert ("A", "plans_to_build", "X") in _relations(future, year=2021)


def test_period_markers() -> None:
    text = "“十三五”时期,成绩显著。今年,工作继续。2020年,比例提高。"
    assert [p for _, p in period_markers(text, 2021)] == ["十三五", "2021", "2020"]


def test_when_is_attached() -> None:
    text = "“十三五”时期,甲市科协联办创新论坛。"
    (hit,) = find_relations(
        text,
        sentences(text),
        _mentions(text),
        main_actor="A",
        article_year=2021,
        kind_of=lambda k: None,
        parts_of=lambda k: [],
    )
    assert hit.when == "十三五"
    assert "联办创新论坛" in text[hit.begin : hit.end]


# ------------------------------------------------------ whole-article rules (attendance, venues)


def _triples(text: str) -> set[tuple[str, str, str]]:
    from kexie_graph.extract import extract_text

    return {(r.subject, r.predicate, r.object) for r in extract_text(text, "a").relations}


def test_people_who_attend_or_chair_take_part_in_the_event() -> None:
    text = (
        "本报讯 四川省植物学会第三次会员代表大会在成都开幕。"
        "四川省植物学会理事长王一鸣出席会议并讲话。"
        "会议由四川省植物学会秘书长李二平主持。"
    )
    found = _triples(text)
    event = next(o for _, p, o in found if p == "hosts")
    assert ("Person/王一鸣", "participates_in", event) in found
    assert ("Person/李二平", "participates_in", event) in found
    assert ("Place/成都市", "hosts", event) in found


def test_no_attendance_without_an_event() -> None:
    found = _triples("本报讯 四川省植物学会理事长王一鸣出席并讲话。")
    assert not any(p == "participates_in" for _, p, _ in found)


def _markers_by_one_pattern(text: str, year: int | None) -> list[tuple[int, str]]:
    """period_markers as plain patterns state it (the opening year checked by a lookbehind)."""
    out = [
        (m.start(), m.group(1))
        for m in re.finditer(r"“?(十[二三四五六]五)”?(?:时期|期间|以来|规划|开局|末|初)", text)
    ]
    if year:
        out += [(m.start(), str(year)) for m in re.finditer(r"今年|本年度|年内", text)]
        out += [(m.start(), str(year - 1)) for m in re.finditer(r"去年", text)]
    out += [
        (m.start(1), m.group(1))
        for m in re.finditer(r"(?:^|(?<=[\n。；;]))\s*(20\d\d)年(?:[,，是]|以来)", text)
    ]
    return sorted(out)


_PERIOD_PIECES = st.sampled_from(
    [
        *("2020", "2021年", "年", "，", ",", "是", "以来", "。", "；", ";", "“", "”"),
        *("十三五", "十四五", "时期", "今年", "去年", "的", "20", "2", "\n", " ", "\u3000"),
    ]
)


@settings(deadline=None)
@given(st.lists(_PERIOD_PIECES, max_size=14).map("".join), st.sampled_from([None, 2021]))
def test_period_markers_are_those_of_the_plain_patterns(text: str, year: int | None) -> None:
    assert period_markers(text, year) == _markers_by_one_pattern(text, year)


@pytest.mark.parametrize(
    "text",
    [
        "新华社郑州5月20日电（记者李明）记者从河南省科协获悉，全省已建成院士工作站15家。",
        "新华社北京7月1日电 记者1日获悉，已有30个学会参与。",
        "本报成都3月2日讯 全省新建院士工作站12家。",
    ],
)
def test_the_dateline_names_no_subject_of_the_news(text: str) -> None:
    from kexie_graph.extract import extract_text

    reading = extract_text(text, "a")
    dateline_keys = {"Organization/新华通讯社", "Place/郑州市", "Place/北京市", "Place/成都市"}
    naming = {"located_in", "publishes"}
    stated = {r.subject for r in reading.relations if r.predicate not in naming}
    assert not stated & dateline_keys
    assert not {f.subject for f in reading.figures} & dateline_keys


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "本报讯 由湖南省科协主办、长沙市科协承办的第五届湖南科普论坛在长沙举行。",
            {
                ("Organization/湖南省科学技术协会", "runs", "Event/第五届湖南科普论坛"),
                ("Organization/长沙市科学技术协会", "hosts", "Event/第五届湖南科普论坛"),
            },
        ),
        (
            "本报讯 第五届湖南科普论坛由湖南省科协、湖南省科技厅主办，长沙市科协承办。",
            {
                ("Organization/湖南省科学技术协会", "co_organizes", "Event/第五届湖南科普论坛"),
                ("Organization/湖南省科学技术厅", "co_organizes", "Event/第五届湖南科普论坛"),
                ("Organization/长沙市科学技术协会", "hosts", "Event/第五届湖南科普论坛"),
            },
        ),
        (
            "本报讯 2023年长沙市全国科普日主场活动启动。第二届科普故事会同日举行。"
            "活动由长沙市科协、长沙市教育局等10家单位共同主办，长沙市图书馆承办。",
            {
                (
                    "Organization/长沙市科学技术协会",
                    "co_organizes",
                    "Event/2023年长沙市全国科普日主场活动",
                ),
                (
                    "Organization/长沙市教育局",
                    "co_organizes",
                    "Event/2023年长沙市全国科普日主场活动",
                ),
                ("Organization/长沙市图书馆", "hosts", "Event/2023年长沙市全国科普日主场活动"),
            },
        ),
    ],
)
def test_roles_written_after_by(text: str, expected: set[tuple[str, str, str]]) -> None:
    from kexie_graph.extract import extract_text

    found = {
        (r.subject, r.predicate, r.object)
        for r in extract_text(text, "a").relations
        if r.rule.startswith("passive.")
    }
    assert found == expected


def test_this_years_meeting_and_its_parts() -> None:
    from kexie_graph.extract import extract_text

    text = (
        "新华社杭州6月20日电 第二十届中国科协年会20日在杭州开幕。本届年会由中国科协和浙江省人民政府"
        "共同主办，浙江省科协承办。浙江省委副书记、省长王浩出席。\n"
        "本届年会设置1个主论坛、32个分论坛。"
    )
    reading = extract_text(text, "a")
    meeting = "Event/第二十届中国科协年会"
    found = {(r.subject, r.predicate, r.object) for r in reading.relations}
    assert {
        ("Organization/中国科学技术协会", "co_organizes", meeting),
        ("Organization/浙江省人民政府", "co_organizes", meeting),
        ("Organization/浙江省科学技术协会", "hosts", meeting),
    } <= found
    keys = {e.key for e in reading.entities}
    assert "Event/主论坛" not in keys and "Event/分论坛" not in keys
    assert {f.subject for f in reading.figures} == {meeting}


@pytest.mark.parametrize(
    "text",
    [
        "本报讯 四川省科协向宜宾市科技馆授予“四川省科普教育基地”牌匾。",
        "本报讯 宜宾市科技馆被授予“四川省科普教育基地”称号。",
        "本报讯 宜宾市科技馆荣获“四川省科普教育基地”称号。",
    ],
)
def test_a_title_awarded_is_a_selection(text: str) -> None:
    from kexie_graph.extract import extract_text

    found = {(r.subject, r.predicate, r.object) for r in extract_text(text, "a").relations}
    assert (
        "Organization/宜宾市科技馆",
        "selected_for",
        "Program/四川省科普教育基地",
    ) in found


@pytest.mark.parametrize(
    ("text", "event", "takers"),
    [
        (
            "本报讯 “科普之夜”故事会上，重庆两江新区金州小学校、重庆大学附属肿瘤医院等单位将带来"
            "科普展演节目。",
            "Event/“科普之夜”故事会",
            {"Organization/重庆两江新区金州小学校", "Organization/重庆大学附属肿瘤医院"},
        ),
        (
            "本报讯 第五届湖南科普论坛期间，湖南大学、中南大学分别展示了最新成果。",
            "Event/第五届湖南科普论坛",
            {"Organization/湖南大学", "Organization/中南大学"},
        ),
        ("本报讯 会上，湖南大学发言。", None, set()),
    ],
)
def test_who_takes_part_at_an_event(text: str, event: str | None, takers: set[str]) -> None:
    from kexie_graph.extract import extract_text

    found = {
        (r.subject, r.object)
        for r in extract_text(text, "a").relations
        if r.rule == "construction.at-event"
    }
    assert found == {(t, event) for t in takers}


@pytest.mark.parametrize(
    ("text", "part", "whole"),
    [
        (
            "本报讯 湖南主场活动是2023年全国科普日系列活动之一。",
            "Event/湖南主场活动",
            "Event/2023年全国科普日系列活动",
        ),
        (
            "本报讯 2023年长沙市全国科普日主场活动启动。本次活动是全国科普日的重要组成部分。",
            "Event/2023年长沙市全国科普日主场活动",
            "Program/全国科普日",
        ),
    ],
)
def test_an_event_that_is_part_of_another(text: str, part: str, whole: str) -> None:
    from kexie_graph.extract import extract_text

    found = {(r.subject, r.predicate, r.object) for r in extract_text(text, "a").relations}
    assert (part, "part_of", whole) in found
