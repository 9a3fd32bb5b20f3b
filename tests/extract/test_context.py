"""The article's context: metadata sources, datelines, bylines, deictic names, relatives."""

from __future__ import annotations

import pytest

from kexie_graph.extract import extract_text
from kexie_graph.extract.context import clean_source


@pytest.mark.parametrize(
    ("source", "name"),
    [
        ("华龙网 (development-set text written by the team)", "华龙网"),
        ("澳門日報（據原文改寫）", "澳門日報"),
        ("重庆日报", "重庆日报"),
        ("development-set text written by the team", None),
        ("https://example.org/news", None),
        (None, None),
    ],
)
def test_clean_source(source: str | None, name: str | None) -> None:
    assert clean_source(source) == name


def _keys(text: str, **meta: str) -> set[str]:
    return {e.key for e in extract_text(text, "a", **meta).entities}


def _posts(text: str, **meta: str) -> set[tuple[str, str, str]]:
    return {(p.person, p.organization, p.role) for p in extract_text(text, "a", **meta).posts}


def test_dateline_paper_publishes_and_credits_its_reporter() -> None:
    r = extract_text("示例网讯（记者 周一鸣）5月2日，某某活动在本地举行。", "a")
    assert "Organization/示例网" in {e.key for e in r.entities}
    assert ("Organization/示例网", "publishes", "a") in {
        (x.subject, x.predicate, x.object) for x in r.relations
    }
    assert ("Person/周一鸣", "Organization/示例网", "记者") in {
        (p.person, p.organization, p.role) for p in r.posts
    }


def test_of_two_outlets_in_a_dateline_the_paper_publishes() -> None:
    r = extract_text("某某新闻·示例晚报讯（记者 周一鸣）5月2日，活动举行。", "a")
    pubs = {x.subject for x in r.relations if x.predicate == "publishes"}
    assert pubs == {"Organization/示例晚报"}
    assert {"Organization/某某新闻", "Organization/示例晚报"} <= {e.key for e in r.entities}


def test_a_byline_of_two_papers_credits_both() -> None:
    text = "本报讯（示例日报/某某新闻记者 周一鸣）5月2日，活动举行。"
    assert _posts(text) >= {
        ("Person/周一鸣", "Organization/示例日报", "记者"),
        ("Person/周一鸣", "Organization/某某新闻", "记者"),
    }


def test_the_country_by_deixis() -> None:
    assert "Place/中华人民共和国" in _keys(
        "截至去年底，全国已建立各类科普基地五百个，我国科普事业发展迅速。"
    )
    assert "Place/中华人民共和国" in _keys("该省排名居全国第十位。")
    # 全国 as an attribute is not the country
    assert "Place/中华人民共和国" not in _keys("打造具有全国影响力的科普品牌，在全国各省推广。")


def test_the_party_in_fixed_phrases() -> None:
    assert "Organization/中国共产党" in _keys("引导科技工作者听党话、跟党走，加强党的建设。")
    assert "Organization/中国共产党" not in _keys("他于去年入党，是一名党员。")


def test_macro_region() -> None:
    assert "Place/中部地区" in _keys("该省在中部地区排第二位。")


def test_relative_names_after_a_named_city() -> None:
    keys = _keys("无锡市委书记杜小明出席，无锡市政府副市长秦一凡致辞。")
    assert "Organization/中共无锡市委员会" in keys
    assert "Organization/无锡市人民政府" in keys
    assert _posts("无锡市委书记杜小明出席，无锡市政府副市长秦一凡致辞。") >= {
        ("Person/杜小明", "Organization/中共无锡市委员会", "书记"),
        ("Person/秦一凡", "Organization/无锡市人民政府", "副市长"),
    }


def test_company_party_committee_is_its_own_body() -> None:
    text = (
        "中国示例集团有限公司科协成立。示例集团党委书记、董事长王一鸣，"
        "党委常委、副总经理赵二春出席。中国科协党组书记张三丰讲话。"
    )
    posts = _posts(text)
    party = [o for _, o, r in posts if r == "书记"]
    assert party and party[0].endswith("党委")
    assert ("Person/赵二春", party[0], "常委") in posts
    # a science association's 党组 stays in the role
    assert ("Person/张三丰", "Organization/中国科学技术协会", "党组书记") in posts


def test_zone_bodies_and_fused_department_titles() -> None:
    text = "无锡经济开发区党工委书记、管委会主任杨一帆，无锡市委常委、统战部长周二平出席。"
    posts = _posts(text)
    roles = {(p, r) for p, _, r in posts}
    assert {
        ("Person/杨一帆", "书记"),
        ("Person/杨一帆", "主任"),
        ("Person/周二平", "常委"),
        ("Person/周二平", "部长"),
    } <= roles
    orgs = {o for _, o, _ in posts}
    assert any(o.endswith("工作委员会") for o in orgs) and any(
        o.endswith("管理委员会") for o in orgs
    )
    assert any(o.endswith("统战部") for o in orgs)


def test_party_cyberspace_office_by_relative_name() -> None:
    keys = _keys("本报讯（重庆日报记者 周一鸣）活动由市科协、市委网信办主办。")
    assert "Organization/中共重庆市委网络安全和信息化委员会办公室" in keys
    assert (
        "Organization/中共重庆市委员会" not in keys
    )  # 市委 is part of 市委网信办, not named alone


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("国网、南网等央企参与。", "Organization/中国南方电网有限责任公司"),
        ("清华、西交大等高校参与。", "Organization/西安交通大学"),
        ("中国海油党组书记出席。", "Organization/中国海洋石油集团有限公司"),
    ],
)
def test_short_names_of_national_bodies(text: str, key: str) -> None:
    assert key in _keys(text)


def test_a_literary_province_name_gives_the_home_place() -> None:
    r = extract_text("本报讯 “院士专家八闽行”活动启动。全省院士专家工作站已达145家。", "a")
    keys = {e.key for e in r.entities}
    assert "Place/福建省" in keys  # named only as 全省, the home found from 八闽
    assert any(f.subject == "Place/福建省" and f.value == 145 for f in r.figures)


def test_a_city_by_its_one_character_name_where_an_event_is_held() -> None:
    assert "Place/成都市" in _keys("四川省科协代表大会在蓉闭幕。")
    assert "Place/成都市" not in _keys("芙蓉花开。")


def test_place_words_name_the_home_place_when_nothing_else_does() -> None:
    r = extract_text("本报南昌7月5日讯 全省160名代表参加会议。", "a")
    assert "Place/江西省" in {e.key for e in r.entities}


def test_a_quoted_scheme_and_its_unquoted_members() -> None:
    text = (
        "本报讯 一批“创新之光”产业科技服务团正在各地开展服务。"
        "由某某学会牵头的绿色能源产业科技服务团，已汇聚100多位专家。"
    )
    r = extract_text(text, "a")
    keys = {e.key for e in r.entities}
    assert "Program/“创新之光”产业科技服务团" in keys  # the scheme
    member = next(k for k in keys if k.endswith("绿色能源产业科技服务团"))
    assert member.startswith("Organization/创新之光")  # a member, named within the scheme
    assert any(f.subject == member and f.value == 100 for f in r.figures)


def test_a_count_of_people_elected_is_about_the_body_they_are_elected_in() -> None:
    text = (
        "本报讯 省科协召开代表大会。大会选举产生了省科协第九届委员会。"
        "毛一、赖二、经三3人当选为专职副主席。"
    )
    r = extract_text(text, "a", source="四川日报")
    assert any(f.value == 3 and f.subject == "Organization/四川省科学技术协会" for f in r.figures)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("会议强调，要深入学习贯彻习近平总书记重要论述。", "Person/习近平"),
        ("服务团由某学会牵头、汤一福等8名院士领衔。", "Person/汤一福"),
        ("大会向谢和平院士颁发了名誉主席证书。", "Person/谢和平"),
    ],
)
def test_people_named_with_a_title_after_the_name(text: str, key: str) -> None:
    assert key in _keys(text)


def test_an_event_named_across_a_declared_short_form() -> None:
    text = (
        "本报讯 3月10日，中国远洋建设集团有限公司科学技术协会（简称“远洋科协”）成立大会在北京召开。"
    )
    keys = _keys(text)
    assert "Event/中国远洋建设集团有限公司科学技术协会成立大会" in keys
    assert "Organization/中国远洋建设集团有限公司科学技术协会" in keys


def test_an_outline_carried_out_is_a_programme_and_in_brackets_a_document() -> None:
    assert any(
        k.startswith("Program/全民科学素质行动计划纲要")
        for k in _keys("深入实施全民科学素质行动计划纲要。")
    )
    assert any(
        k.startswith("Document/全民科学素质行动计划纲要")
        for k in _keys("国务院印发《全民科学素质行动计划纲要》。")
    )


def test_bodies_of_the_home_place_written_short() -> None:
    keys = _keys("本报南昌7月5日讯 省林业局局长邱一出席，省林科院院长俞二致辞。")
    assert "Organization/江西省林业局" in keys
    assert any(k.startswith("Organization/江西省林科") for k in keys)
    # the province-wide 科协 system is no body
    assert "Organization/江西省科学技术协会" not in _keys("本报南昌讯 全省科协系统先进集体受表彰。")
