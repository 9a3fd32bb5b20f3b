"""Name grammars on short sentences written for the purpose (never taken from the seed)."""

from __future__ import annotations

import pytest

from kexie_graph.extract import grammar
from kexie_graph.extract.candidates import Candidate


def _names(cands: list[Candidate]) -> set[tuple[str, str]]:
    return {(c.cls, c.name) for c in cands}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "省科协印发《关于加强青年科技人才培养的若干措施》。",
            {("Document", "关于加强青年科技人才培养的若干措施")},
        ),
        (
            "会议审议通过了《市科协2022年工作要点》和《学会管理办法(试行)》。",
            {("Document", "市科协2022年工作要点"), ("Document", "学会管理办法(试行)")},
        ),
        ("他订阅了《科技日报》。", {("Organization", "科技日报")}),
    ],
)
def test_titles(text: str, expected: set[tuple[str, str]]) -> None:
    assert _names(grammar.find_titles(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("全面启动“科普惠农”示范工程。", {("Program", "“科普惠农”示范工程")}),
        ("举办“创新之夜”系列活动,", {("Event", "“创新之夜”系列活动")}),
        ("组织“科学家进校园”活动。", {("Program", "科学家进校园")}),
        ("推广“专家+农户”帮扶模式。", {("Program", "“专家+农户”帮扶模式")}),
        ("形成“一会一品”“一站一策”工作格局。", {("Program", "“一会一品”“一站一策”")}),
        ("推动“双城”科协携手发展。", {("Place", "双城")}),
        ("召开“数字经济与未来产业”高峰论坛。", {("Event", "“数字经济与未来产业”高峰论坛")}),
    ],
)
def test_quoted(text: str, expected: set[tuple[str, str]]) -> None:
    assert _names(grammar.find_quoted(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "“十四五”期间,全省科协系统扎实推进各项工作。",  # a period, not a name
        "他说:“我们要把科普工作做得更加扎实,让群众真正受益。”",  # speech
    ],
)
def test_quoted_negative(text: str) -> None:
    assert grammar.find_quoted(text) == []


def test_sessions_name_the_organisation_before_them() -> None:
    text = "近日,区科协七届三次全会召开。"
    org = Candidate(3, 6, "Organization", "某某区科学技术协会", "test")
    found = grammar.find_sessions(
        text, lambda pos: (org.begin, org.name) if pos == org.end else None
    )
    assert [(c.cls, c.name) for c in found] == [
        ("Event", "某某区科学技术协会第七届委员会第三次全体会议")
    ]
    assert found[0].parent == "某某区科学技术协会"


def test_congress_by_number() -> None:
    text = "省科协第十次代表大会开幕。"
    org = Candidate(0, 3, "Organization", "某省科学技术协会", "test")
    found = grammar.find_sessions(
        text, lambda pos: (org.begin, org.name) if pos == org.end else None
    )
    assert [c.name for c in found] == ["某省科学技术协会第十次代表大会"]


def test_session_needs_an_organisation() -> None:
    assert grammar.find_sessions("第五届论坛在此举行。", lambda pos: None) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("大力实施青年英才托举工程,", ("Program", "青年英才托举工程")),
        ("扎实开展科普惠民行动,", ("Program", "科普惠民行动")),
        ("积极筹办长江科技创新论坛,", ("Event", "长江科技创新论坛")),
        ("成立智能制造产业学会,", ("Organization", "智能制造产业学会")),
        ("在园区设立线上线下服务窗口。", ("Platform", "线上线下服务窗口")),
        ("谋划建设国家南方科普中心。", ("Platform", "国家南方科普中心")),
        ("做好2023年院士增选推荐工作。", ("Event", "2023年院士增选")),
        ("世界青年与未来论坛将举行。", ("Event", "世界青年与未来论坛")),
        ("省科协将制定学会改革实施方案。", ("Document", "学会改革实施方案")),
    ],
)
def test_headed(text: str, expected: tuple[str, str]) -> None:
    assert expected in _names(grammar.find_headed(text, lambda pos: None))


@pytest.mark.parametrize(
    "text",
    [
        "推进区县科技馆建设。",  # generic modifier only
        "推动各学术交流平台互联互通。",  # a platform with no proper name
        "加快建设具有全国影响力的科技创新中心。",  # a goal phrase with 的
        "加强科协机关干部队伍建设。",  # the head is part of a longer common noun
        "完善科技智库体系。",  # 体系 is a head only in quotation marks
        "学会改革实施方案正在讨论。",  # a plan not said to be issued
    ],
)
def test_headed_negative(text: str) -> None:
    found = grammar.find_headed(text, lambda pos: None)
    assert [
        c for c in found if c.cls in {"Platform", "Document", "Program"} or "干部" in text
    ] == []


def test_barrier_stops_or_is_absorbed() -> None:
    text = "在南山科学城智谷园区设立服务站,"
    barrier = Candidate(1, 6, "Place", "南山科学城", "test")
    found = grammar.find_headed(text, lambda pos: barrier if pos == barrier.end else None)
    assert ("Place", "智谷园区") in _names(found)
    text2 = "成都科技馆开馆。"
    city = Candidate(0, 2, "Place", "成都市", "test", admin=True)
    found2 = grammar.find_headed(text2, lambda pos: city if pos == city.end else None)
    museum = next(c for c in found2 if c.name == "成都科技馆")
    assert museum.located_in == "成都市"


def test_paren_places() -> None:
    found = grammar.find_paren_places("落户中国(四川)自由贸易试验区,")
    assert [c.name for c in found] == ["中国(四川)自由贸易试验区"]


def test_document_kind() -> None:
    assert (
        grammar.document_kind("某市全民科学素质行动规划纲要实施方案(2021-2025年)")
        == "ImplementationPlan"
    )
    assert grammar.document_kind("关于加强科技社团建设的意见") == "OpinionDocument"


def _ends(*cands: Candidate):  # type: ignore[no-untyped-def]
    by_end = {c.end: c for c in cands}
    return lambda pos: by_end.get(pos)


def _place(text: str, name: str, canonical: str | None = None) -> Candidate:
    pos = text.index(name)
    return Candidate(pos, pos + len(name), "Place", canonical or name, "test", admin=True)


@pytest.mark.parametrize(
    ("text", "place", "expected"),
    [
        # a company's brand words are any words; its name opens with the place before it
        (
            "企业负责人走进联盟成员单位安阳德润精工股份有限公司交流。",
            "安阳",
            "安阳德润精工股份有限公司",
        ),
        ("学会分别在安阳汇丰食品有限公司建站。", "安阳", "安阳汇丰食品有限公司"),
        ("中国远洋建设集团有限公司召开大会。", None, "中国远洋建设集团有限公司"),
    ],
)
def test_company_names(text: str, place: str | None, expected: str) -> None:
    barriers = [_place(text, place)] if place else []
    assert ("Organization", expected) in _names(grammar.find_headed(text, _ends(*barriers)))


def test_company_needs_a_place_or_country_to_open_it() -> None:
    found = grammar.find_headed("他们在德润精工股份有限公司调研。", lambda pos: None)
    assert all(not c.name.startswith("在") for c in found)


def test_an_enterprise_association_absorbs_its_company() -> None:
    text = "中国远洋建设集团有限公司科学技术协会成立。"
    found = {c.name: c for c in grammar.find_headed(text, lambda pos: None)}
    assoc = found["中国远洋建设集团有限公司科学技术协会"]
    assert assoc.parent == "中国远洋建设集团有限公司"


def test_a_foundation_named_after_an_organisation() -> None:
    text = "，中国示范馆发展基金会发起倡议。"
    museum = Candidate(1, 5, "Organization", "中国示范馆", "test")
    found = grammar.find_headed(text, _ends(museum))
    f = next(c for c in found if c.name.endswith("基金会"))
    assert f.name == "中国示范馆发展基金会" and f.parent is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("由中国海关海洋环境与生态保护基金会捐赠。", "中国海关海洋环境与生态保护基金会"),
        ("，安阳经济及科技发展局副局长出席。", "安阳经济及科技发展局"),
    ],
)
def test_a_conjunction_inside_an_organisation_opened_by_a_proper_name(
    text: str, expected: str
) -> None:
    barriers = [_place(text, "安阳")] if "安阳" in text else []
    assert ("Organization", expected) in _names(grammar.find_headed(text, _ends(*barriers)))


def test_no_conjunction_without_a_proper_name_first() -> None:
    text = "副市长王一与澳城科学技术协会理事长签署协议。"
    found = grammar.find_headed(text, _ends(_place(text, "澳城")))
    assert all("与" not in c.name for c in found)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "首届江淮公民科学素质邀请赛暨第六届安阳市公民科学素质大赛启幕。",
            "首届江淮公民科学素质邀请赛暨第六届安阳市公民科学素质大赛",
        ),
        ("第二十一届安阳市学术年会开幕。", "第二十一届安阳市学术年会"),
    ],
)
def test_event_names_keep_their_ordinals(text: str, expected: str) -> None:
    assert ("Event", expected) in _names(grammar.find_headed(text, _ends(_place(text, "安阳市"))))


def test_national_names_leave_the_place_out() -> None:
    text = "服务安阳创新驱动发展战略和人才强国战略。"
    names = _names(grammar.find_headed(text, _ends(_place(text, "安阳"))))
    assert ("Program", "创新驱动发展战略") in names and ("Program", "人才强国战略") in names


@pytest.mark.parametrize(
    "text",
    [
        "全国科普工作格局基本形成。",  # 格局 is no bureau
        "原国家林草局局长出席。",  # the 局 of 局长 is a title
        "孩子们在科普报告厅听讲。",  # 报告厅 is a room
        "培育国家战略科技力量。",  # 战略 modifies a longer noun here
    ],
)
def test_one_character_heads_negative(text: str) -> None:
    names = {c.name for c in grammar.find_headed(text, lambda pos: None)}
    assert not any(n.endswith(("格局", "局局", "报告厅", "国家战略")) for n in names)
    if "林草局" in text:
        assert "国家林草局" in names


@pytest.mark.parametrize(
    "text",
    [
        "本届年会以“科技赋能·共创未来”为主题。",  # a theme
        "这一项目被看作青年人才成长关键时期的“及时雨”工程。",  # a figure of speech
        "要增强“四个意识”,着力“强三性”“去四化”。",  # numbered slogans, said once
    ],
)
def test_slogans_are_not_names(text: str) -> None:
    assert grammar.find_quoted(text) == []


def test_a_numbered_name_the_text_comes_back_to_is_a_name() -> None:
    text = "推动“一城两翼”结对,“一城两翼”协同发展。"
    assert ("Program", "一城两翼") in _names(grammar.find_quoted(text))


def test_bodies_of_a_term_with_and_without_their_organisation() -> None:
    text = (
        "某学会第十次会员代表大会召开。"
        "会议选举产生某学会第十一届理事会。张三代表第十届理事会作报告。"
    )
    orgs = {text.index("某学会"): "某学会", text.index("某学会第十一届"): "某学会"}

    def org_before(pos: int) -> tuple[int, str] | None:
        for begin, name in orgs.items():
            if begin + len(name) == pos:
                return begin, name
        return None

    found = {(c.cls, c.name, c.parent) for c in grammar.find_sessions(text, org_before)}
    assert ("Event", "某学会第十次会员代表大会", "某学会") in found
    assert ("Organization", "某学会第十一届理事会", "某学会") in found
    assert ("Organization", "某学会第十届理事会", "某学会") in found


def test_an_event_under_two_names_with_a_quoted_part_and_its_ordinal() -> None:
    text = "第十三届“6·18”创新驱动助力工程暨院士专家项目签约授牌仪式在会展中心举行。"
    program_at = text.index("创新驱动助力工程")
    program = Candidate(program_at, program_at + 8, "Program", "创新驱动助力工程", "test")
    found = _names(grammar.find_headed(text, _ends(program)))
    assert ("Event", "第十三届“6·18”创新驱动助力工程暨院士专家项目签约授牌仪式") in found


def test_place_words_are_left_out_of_programme_names() -> None:
    found = _names(grammar.find_headed("全省院士专家示范工作站已达145家。", lambda pos: None))
    assert ("Program", "院士专家示范工作站") in found


@pytest.mark.parametrize(
    ("text", "known"),
    [
        ("共引进中国科学院院士5人。", "中国科学院"),
        ("今年引进中国工程院院士3名。", "中国工程院"),
    ],
)
def test_a_head_that_ends_a_known_name_does_not_stretch_it_over_a_verb(
    text: str, known: str
) -> None:
    at = text.index(known)
    org = Candidate(at, at + len(known), "Organization", known, "test", "Academy")
    found = _names(grammar.find_headed(text, _ends(org)))
    assert not any(name.endswith(known) and name != known for _, name in found)


@pytest.mark.parametrize(
    ("text", "org", "expected"),
    [
        (
            "某市科协第十届委员会第三次全体会议召开。",
            "某市科协",
            "某市科协第十届委员会第三次全体会议",
        ),
        ("某市科协十届三次全会召开。", "某市科协", "某市科协第十届委员会第三次全体会议"),
        (
            "某协会第十届全国委员会第三次全体会议在京召开。",
            "某协会",
            "某协会第十届委员会第三次全体会议",
        ),
        (
            "某学会第八届理事会第二次常务理事会议召开。",
            "某学会",
            "某学会第八届理事会第二次常务理事会议",
        ),
        ("某学会第八届理事会第二次会议召开。", "某学会", "某学会第八届理事会第二次会议"),
        ("某学会第8届常委会第2次会议召开。", "某学会", "某学会第八届常务委员会第二次会议"),
    ],
)
def test_a_session_written_out_is_the_event_its_short_form_names(
    text: str, org: str, expected: str
) -> None:
    def org_before(pos: int) -> tuple[int, str] | None:
        return (0, org) if pos == len(org) else None

    found = {(c.cls, c.name) for c in grammar.find_sessions(text, org_before)}
    assert found == {("Event", expected)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "本报讯 中国电建集团科学技术协会成立。",
            "Organization/中国电力建设集团有限公司科学技术协会",
        ),
        ("本报讯 中国电建集团科协成立。", "Organization/中国电力建设集团有限公司科学技术协会"),
        (
            "本报讯 3月8日，中国电力建设集团有限公司科学技术协会成立大会在北京召开。",
            "Event/中国电力建设集团有限公司科学技术协会成立大会",
        ),
    ],
)
def test_a_groups_association_is_named_once_as_the_group(text: str, expected: str) -> None:
    from kexie_graph.extract import extract_text

    assert expected in {e.key for e in extract_text(text, "a").entities}


def test_a_title_is_no_programme_head() -> None:
    from kexie_graph.extract import extract_text

    reading = extract_text(
        "本报讯 集团副总经理、总工程师宗敦峰当选为主席。华东理工大学师生参加。", "a"
    )
    keys = {e.key for e in reading.entities}
    assert not any(k.startswith("Program/") for k in keys)
    assert "Organization/华东理工大学" in keys


@pytest.mark.parametrize(
    ("text", "expected", "absent"),
    [
        (
            "本报讯 由贵州省科协、贵州省人才办共同主办的2023年院士专家工作站建设推进会在贵阳举行。",
            {"Event/2023年院士专家工作站建设推进会", "Organization/贵州省人才办"},
            set(),
        ),
        (
            "本报讯 贵州大学、贵州医科大学作为依托单位代表作了交流发言。",
            {"Organization/贵州大学", "Organization/贵州医科大学"},
            set(),
        ),
    ],
)
def test_events_for_a_programme_offices_and_institutions_of_one_place(
    text: str, expected: set[str], absent: set[str]
) -> None:
    from kexie_graph.extract import extract_text

    reading = extract_text(text, "a")
    keys = {e.key for e in reading.entities}
    assert expected <= keys
    assert not absent & keys
    assert all(
        "贵州大学" not in e.aliases for e in reading.entities if e.key != "Organization/贵州大学"
    )


@pytest.mark.parametrize(
    ("text", "expected", "absent"),
    [
        ("本报讯 两地将共同建设“深港科普联盟”。", "Organization/深港科普联盟", None),
        ("本報訊 兩地將共同建設「深港科普聯盟」。", "Organization/深港科普联盟", None),
        ("本报讯 推动“科创中国”落地。", "Program/科创中国", None),
        (
            "本报讯 据介绍，深圳市科协目前拥有市级学会112个。",
            "Organization/深圳市科学技术协会",
            "Organization/拥有市级学会",
        ),
    ],
)
def test_quoted_names_typed_by_their_own_head(text: str, expected: str, absent: str | None) -> None:
    from kexie_graph.extract import extract_text

    keys = {e.key for e in extract_text(text, "a").entities}
    assert expected in keys
    assert absent not in keys
