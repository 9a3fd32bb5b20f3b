"""People and posts on short sentences written for the purpose."""

from __future__ import annotations

import pytest

from kexie_graph.extract.candidates import Candidate
from kexie_graph.extract.people import find_bylines, find_posts, name_at


@pytest.mark.parametrize(
    ("text", "pos", "name"),
    [
        ("李明华介绍说", 0, "李明华"),
        ("王强表示", 0, "王强"),
        ("欧阳振华出席", 0, "欧阳振华"),
        ("记者 赵雪摄", 3, "赵雪"),
        ("(本报记者 钱程)", 6, "钱程"),
        ("发展战略", 0, None),  # no surname
        ("和平发展", 0, None),
    ],
)
def test_name_at(text: str, pos: int, name: str | None) -> None:
    assert name_at(text, pos) == name


def _orgs(*cands: Candidate):  # type: ignore[no-untyped-def]
    ends = {c.end: c for c in cands}
    return lambda pos: ends.get(pos)


def test_chain_of_posts_with_one_organisation() -> None:
    text = "省科协党组书记、常务副主席陈立新出席会议。"
    org = Candidate(0, 3, "Organization", "某省科学技术协会", "test")
    hits = find_posts(text, _orgs(org))
    assert {(h.person.name, h.org.name if h.org else None, h.title) for h in hits} == {
        ("陈立新", "某省科学技术协会", "常务副主席"),
        ("陈立新", "某省科学技术协会", "党组书记"),
    }


def test_academician_and_chair() -> None:
    text = "中国科学院院士、省科协主席周建平作报告。"
    cas = Candidate(0, 5, "Organization", "中国科学院", "test")
    sast = Candidate(8, 11, "Organization", "某省科学技术协会", "test")
    hits = find_posts(text, _orgs(cas, sast))
    assert {(h.person.name, h.org.name if h.org else None, h.title) for h in hits} == {
        ("周建平", "中国科学院", "院士"),
        ("周建平", "某省科学技术协会", "主席"),
    }


def test_reverse_order() -> None:
    text = "会议选举,刘思远任市科协主席。"
    org = Candidate(9, 12, "Organization", "某市科学技术协会", "test")
    hits = find_posts(text, _orgs(org))
    assert [(h.person.name, h.title) for h in hits] == [("刘思远", "主席")]


def test_no_post_without_a_name() -> None:
    assert find_posts("市科协主席团会议召开。", _orgs()) == []


def test_bylines() -> None:
    text = "(某某日报记者 孙悦 通讯员 黄河)"
    paper = Candidate(1, 5, "Organization", "某某日报", "test")
    hits = find_bylines(text, _orgs(paper))
    assert [(b.person.name, b.role, b.publisher.name if b.publisher else None) for b in hits] == [
        ("孙悦", "记者", "某某日报"),
        ("黄河", "通讯员", None),
    ]


def test_photo_credit() -> None:
    text = "某某日报记者 许诺摄"
    paper = Candidate(0, 4, "Organization", "某某日报", "test")
    (b,) = find_bylines(text, _orgs(paper))
    assert (b.person.name, b.role) == ("许诺", "摄影")


def _hits(text: str, *orgs: Candidate):  # type: ignore[no-untyped-def]
    found = find_posts(text, _orgs(*orgs), list(orgs))
    return {(h.person.name, h.org.name, h.title) for h in found if h.org is not None}


def _org(text: str, name: str, nth: int = 0, **kw: object) -> Candidate:
    """An organisation candidate over the nth occurrence of ``name`` in ``text``."""
    pos = -1
    for _ in range(nth + 1):
        pos = text.index(name, pos + 1)
    return Candidate(pos, pos + len(name), "Organization", kw.pop("canonical", name), "test", **kw)  # type: ignore[arg-type]


def test_titles_with_bodies_and_modifiers_chain_over_dun_and_jian() -> None:
    text = "，某协会党组成员、书记处书记兼某馆馆长唐子谦出席。"
    assert _hits(text, _org(text, "某协会"), _org(text, "某馆")) == {
        ("唐子谦", "某协会", "党组成员"),
        ("唐子谦", "某协会", "书记处书记"),
        ("唐子谦", "某馆", "馆长"),
    }


def test_one_chain_ends_in_a_list_of_names() -> None:
    text = "，某协会书记处书记江一帆、闵若水，"
    assert _hits(text, _org(text, "某协会")) == {
        ("江一帆", "某协会", "书记处书记"),
        ("闵若水", "某协会", "书记处书记"),
    }


def test_a_former_post_is_still_a_post() -> None:
    text = "，原某局局长、某学会理事长钱立群，"
    assert _hits(text, _org(text, "某局"), _org(text, "某学会")) == {
        ("钱立群", "某局", "局长"),
        ("钱立群", "某学会", "理事长"),
    }


def test_a_chain_opening_with_a_body_continues_the_organisation_before() -> None:
    text = "某集团党委书记、董事长王一鸣，党委常委、副总经理赵二春出席。"
    assert _hits(text, _org(text, "某集团", kind="Company")) >= {
        ("赵二春", "某集团", "党委常委"),
        ("赵二春", "某集团", "副总经理"),
    }


def test_no_continuation_across_sentences_or_without_a_body() -> None:
    text = "某集团董事长王一鸣出席。副总经理赵二春主持。"
    assert _hits(text, _org(text, "某集团", kind="Company")) == {("王一鸣", "某集团", "董事长")}


def test_short_name_before_a_body_title_is_an_organisation() -> None:
    text = "，某某海油党组书记、董事长汪海东等出席"
    hits = find_posts(text, _orgs(), [])
    assert {
        (h.org.name if h.org else None, h.org.kind if h.org else None, h.title) for h in hits
    } == {
        ("某某海油", "Company", "党组书记"),
        ("某某海油", "Company", "董事长"),
    }


def test_elections_with_a_list_and_a_count() -> None:
    text = (
        "大会选举产生了某协会第三届委员会。"
        "甘一、柯二、岑三3人当选为专职副主席；卢四当选为某协会主席。"
    )
    committee = _org(text, "某协会第三届委员会", parent="某协会")
    hits = _hits(text, committee, _org(text, "某协会", 1))
    assert ("甘一", "某协会", "专职副主席") in hits and ("岑三", "某协会", "专职副主席") in hits
    assert ("卢四", "某协会", "主席") in hits


def test_council_elects_and_appoints() -> None:
    text = (
        "某学会第十届理事会成立。新一届理事会选举魏一为理事长，"
        "黄二、俞三为副理事长，聘任欧阳四为秘书长。"
    )
    hits = _hits(text, _org(text, "某学会第十届理事会", parent="某学会"))
    assert hits == {
        ("魏一", "某学会", "理事长"),
        ("黄二", "某学会", "副理事长"),
        ("俞三", "某学会", "副理事长"),
        ("欧阳四", "某学会", "秘书长"),
    }


def test_appointed_by_and_certificates() -> None:
    text = "某研究会年会召开。会上，杜一被聘为某研究会首席专家，大会向谢二院士颁发了名誉会长证书。"
    assert _hits(text, _org(text, "某研究会"), _org(text, "某研究会", 1)) == {
        ("杜一", "某研究会", "首席专家"),
        ("谢二", "某研究会", "名誉会长"),
    }


@pytest.mark.parametrize(
    "text",
    [
        "党组书记、常务副主席",  # titles with no name
        "他为副理事长的工作提出建议。",  # 为 without an election
        "王五指出,要当选为先进。",  # no title after 当选为
    ],
)
def test_no_posts(text: str) -> None:
    assert find_posts(text, _orgs(), []) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "本报讯 宁波市科协全会召开。市委常委、组织部部长陈明出席。",
            {("中共宁波市委员会", "常委"), ("中共宁波市委组织部", "部长")},
        ),
        (
            "本报讯 宁波市科协全会召开。宁波市委常委、统战部部长陈明出席。",
            {("中共宁波市委员会", "常委"), ("中共宁波市委统战部", "部长")},
        ),
        (
            "本报讯 宁波市科协全会召开。市委常委、统战部长陈明出席。",
            {("中共宁波市委员会", "常委"), ("中共宁波市委统战部", "部长")},
        ),
        ("本报讯 宁波市科协全会召开。市委宣传部部长陈明出席。", {("中共宁波市委宣传部", "部长")}),
        (
            "本报讯 宁波市科协全会召开。市委宣传部副部长陈明出席。",
            {("中共宁波市委宣传部", "副部长")},
        ),
    ],
)
def test_a_party_department_written_whole_or_fused_before_its_head(
    text: str, expected: set[tuple[str, str]]
) -> None:
    from kexie_graph.extract import extract_text

    posts = extract_text(text, "a").posts
    assert {(p.organization.removeprefix("Organization/"), p.role) for p in posts} == expected
    assert {p.person for p in posts} == {"Person/陈明"}


SOCIETY_TEXT = (
    "省机械工程学会召开会员代表大会\n"
    "本报讯 12月3日，四川省机械工程学会第十一次会员代表大会在成都召开。\n"
    "大会审议通过了第十届理事会工作报告，选举产生了学会第十一届理事会，"
    "西南交通大学教授、博士生导师张卫华当选为理事长，吴刚、李平等5人当选为副理事长，王磊当选为秘书长。\n"
    "五年来，学会围绕“科创中国”四川行动，组建专家服务团12个。"
)


def test_who_is_elected_after_a_new_council_holds_the_post_in_its_society() -> None:
    from kexie_graph.extract import extract_text

    reading = extract_text(SOCIETY_TEXT, "a")
    society = "Organization/四川省机械工程学会"
    posts = {(p.person, p.role, p.organization) for p in reading.posts}
    assert posts >= {
        ("Person/张卫华", "理事长", society),
        ("Person/吴刚", "副理事长", society),
        ("Person/李平", "副理事长", society),
        ("Person/王磊", "秘书长", society),
    }
    assert not any(org == "Organization/西南交通大学" for _, _, org in posts)
    councils = {e.key for e in reading.entities if e.kind == "Committee"}
    assert {society + "第十届理事会", society + "第十一届理事会"} <= councils
    assert {f.subject for f in reading.figures if f.value == 12} == {society}


@pytest.mark.parametrize(
    ("text", "expected", "absent"),
    [
        (
            "本报讯 江西省科协代表大会在南昌开幕。省委书记尹弘出席，省委副书记、省长叶建春主持。",
            {("Person/叶建春", "副书记", "Organization/中共江西省委员会")},
            {("Person/叶建春", "省长", "Organization/中共江西省委员会")},
        ),
        (
            "本报讯 江西省科协代表大会在南昌开幕。南昌大学校长刘耀彬当选为省科协主席。",
            {
                ("Person/刘耀彬", "校长", "Organization/南昌大学"),
                ("Person/刘耀彬", "主席", "Organization/江西省科学技术协会"),
            },
            set(),
        ),
        (
            "本报讯 会议选举产生了江西省林学会第九届理事会，江西农业大学副校长王明当选理事长。",
            {("Person/王明", "理事长", "Organization/江西省林学会")},
            {("Person/王明", "理事长", "Organization/江西农业大学")},
        ),
    ],
)
def test_posts_of_officials_and_of_the_newly_elected(
    text: str, expected: set[tuple[str, str, str]], absent: set[tuple[str, str, str]]
) -> None:
    from kexie_graph.extract import extract_text

    posts = {(p.person, p.role, p.organization) for p in extract_text(text, "a").posts}
    assert expected <= posts
    assert not absent & posts


@pytest.mark.parametrize("verb", ["增补", "增选", "补选"])
def test_members_added_between_congresses_hold_their_posts(verb: str) -> None:
    from kexie_graph.extract import extract_text

    text = f"本报讯 成都市科协九届四次全委会召开。会议{verb}李明为市科协副主席。"
    posts = {(p.person, p.role, p.organization) for p in extract_text(text, "a").posts}
    assert posts == {("Person/李明", "副主席", "Organization/成都市科学技术协会")}
