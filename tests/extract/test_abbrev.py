"""Relative names resolved against the home place, and the home place of short texts."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from kexie_graph.extract.abbrev import (
    PlaceContext,
    ResolvedName,
    home_place,
    relative_entity,
    resolve_relative,
)
from kexie_graph.extract.gazetteer import Gazetteer
from kexie_graph.extract.lexicon import Lexicon

SEED = (
    Path(__file__).resolve().parents[2]
    / "data"
    / "articles"
    / "chongqing-daily-2021-03-19-kexie-plenary.txt"
)

CHONGQING = PlaceContext(province="重庆市", city="重庆市")
BEIJING = PlaceContext(province="北京市", city="北京市")
SHANGHAI = PlaceContext(province="上海市", city="上海市")
TIANJIN = PlaceContext(province="天津市", city="天津市")
QINGDAO = PlaceContext(province="山东省", city="青岛市")
SHENZHEN = PlaceContext(province="广东省", city="深圳市")
SICHUAN = PlaceContext(province="四川省")
CHENGDU = PlaceContext(province="四川省", city="成都市")
YONGCHUAN = PlaceContext(province="重庆市", city="重庆市", district="重庆市永川区")
LAOSHAN = PlaceContext(province="山东省", city="青岛市", district="青岛市崂山区")
JINTANG = PlaceContext(province="四川省", city="成都市", district="成都市金堂县")
GUANGXI = PlaceContext(province="广西壮族自治区")
LIANGSHAN = PlaceContext(province="四川省", city="凉山彝族自治州")
DUJIANGYAN = PlaceContext(province="四川省", city="成都市", district="成都市都江堰市")


@pytest.mark.parametrize(
    ("surface", "home", "expected"),
    [
        # municipalities: province-level and city-level at once
        ("市科协", CHONGQING, "重庆市科学技术协会"),
        ("市委组织部", CHONGQING, "中共重庆市委组织部"),
        ("市委", CHONGQING, "中共重庆市委员会"),
        ("市政府", CHONGQING, "重庆市人民政府"),
        ("市科技局", CHONGQING, "重庆市科学技术局"),
        ("省科协", CHONGQING, None),
        ("市科协", BEIJING, "北京市科学技术协会"),
        ("市科委", BEIJING, "北京市科学技术委员会"),
        ("市科协", SHANGHAI, "上海市科学技术协会"),
        ("市委宣传部", SHANGHAI, "中共上海市委宣传部"),
        ("市科协", TIANJIN, "天津市科学技术协会"),
        ("市人大常委会", TIANJIN, "天津市人民代表大会常务委员会"),
        # sub-provincial cities
        ("市科协", QINGDAO, "青岛市科学技术协会"),
        ("省科协", QINGDAO, "山东省科学技术协会"),
        ("市委组织部", QINGDAO, "中共青岛市委组织部"),
        ("省科技厅", QINGDAO, "山东省科学技术厅"),
        ("市科协", SHENZHEN, "深圳市科学技术协会"),
        ("市政协", SHENZHEN, "中国人民政治协商会议深圳市委员会"),
        ("团市委", SHENZHEN, "共青团深圳市委员会"),
        ("市工业和信息化局", QINGDAO, "青岛市工业和信息化局"),
        ("省人力资源和社会保障厅", QINGDAO, "山东省人力资源和社会保障厅"),
        # provinces and cities
        ("省科协", SICHUAN, "四川省科学技术协会"),
        ("省委组织部", SICHUAN, "中共四川省委组织部"),
        ("市科协", SICHUAN, None),
        ("市科协", CHENGDU, "成都市科学技术协会"),
        ("省科协", CHENGDU, "四川省科学技术协会"),
        # districts, counties, county-level cities, prefectures, autonomous regions
        ("区科协", YONGCHUAN, "重庆市永川区科学技术协会"),
        ("市科协", YONGCHUAN, "重庆市科学技术协会"),
        ("区委", LAOSHAN, "中共青岛市崂山区委员会"),
        ("县科协", JINTANG, "成都市金堂县科学技术协会"),
        ("区科协", JINTANG, None),
        ("市科协", DUJIANGYAN, "成都市都江堰市科学技术协会"),
        ("州科协", LIANGSHAN, "凉山彝族自治州科学技术协会"),
        ("市科协", LIANGSHAN, None),  # a 自治州 is no 市
        ("区科协", GUANGXI, "广西壮族自治区科学技术协会"),
        ("省科协", GUANGXI, None),
        # words for the place itself
        ("全市", CHONGQING, "重庆市"),
        ("我市", QINGDAO, "青岛市"),
        ("本市", SHENZHEN, "深圳市"),
        ("全省", QINGDAO, "山东省"),
        ("我省", SICHUAN, "四川省"),
        ("全区", YONGCHUAN, "重庆市永川区"),
        ("全县", JINTANG, "成都市金堂县"),
        # not relative names
        ("中国科协", CHONGQING, None),
        ("市场", CHONGQING, None),
        ("科协", CHONGQING, None),
        ("全市", PlaceContext(), None),
    ],
)
def test_resolve_relative(surface: str, home: PlaceContext, expected: str | None) -> None:
    assert resolve_relative(surface, home) == expected


@pytest.mark.parametrize(
    ("surface", "home", "cls", "kind", "en", "parent", "located_in"),
    [
        (
            "市科协",
            QINGDAO,
            "Organization",
            "ScienceAssociation",
            "Qingdao Association for Science and Technology",
            None,
            "青岛市",
        ),
        (
            "市委组织部",
            CHONGQING,
            "Organization",
            "PartyDepartment",
            "Organization Department of the CPC Chongqing Municipal Committee",
            "中共重庆市委员会",
            "重庆市",
        ),
        (
            "省科协",
            SICHUAN,
            "Organization",
            "ScienceAssociation",
            "Sichuan Association for Science and Technology",
            None,
            "四川省",
        ),
        (
            "市政府",
            QINGDAO,
            "Organization",
            "GovernmentBody",
            "Qingdao Municipal People's Government",
            None,
            "青岛市",
        ),
        ("全市", CHONGQING, "Place", "Municipality", "Chongqing Municipality", None, None),
        ("全区", YONGCHUAN, "Place", "District", "Yongchuan District", None, "重庆市"),
    ],
)
def test_resolved_details(
    surface: str,
    home: PlaceContext,
    cls: str,
    kind: str,
    en: str,
    parent: str | None,
    located_in: str | None,
) -> None:
    resolved = resolve_relative(surface, home)
    assert isinstance(resolved, ResolvedName)
    assert (resolved.cls, resolved.kind, resolved.en) == (cls, kind, en)
    assert (resolved.parent, resolved.located_in) == (parent, located_in)
    assert resolved.surface == surface
    assert pickle.loads(pickle.dumps(resolved)).kind == kind


def test_two_cities_two_associations() -> None:
    """市科协 in a Qingdao and in a Chongqing article are two different organisations."""
    assert resolve_relative("市科协", QINGDAO) != resolve_relative("市科协", CHONGQING)


def test_relative_entity() -> None:
    lexicon = Lexicon.load()
    entity = relative_entity("市科协", QINGDAO, lexicon=lexicon)
    assert entity is not None
    assert (entity.key, entity.source, entity.located_in) == (
        "Organization/青岛市科学技术协会",
        "lexicon",
        "Place/青岛市",
    )
    assert "市科协" in entity.aliases and "青岛市科协" in entity.aliases
    department = relative_entity("市委组织部", CHONGQING, lexicon=lexicon)
    assert department is not None
    assert (department.parent, department.source) == ("Organization/中共重庆市委员会", "extracted")
    assert relative_entity("省科协", CHONGQING) is None


@pytest.mark.parametrize(
    ("text", "source", "province", "city", "district"),
    [
        ("本报讯 (重庆日报记者 王某)昨日,市科协召开常委会议。", None, "重庆市", "重庆市", None),
        ("市科协召开常委会议。", "重庆日报", "重庆市", "重庆市", None),
        ("本报青岛讯 市科协日前举办科普活动。", None, "山东省", "青岛市", None),
        ("市科协日前举办科普活动。", "青岛日报", "山东省", "青岛市", None),
        ("新华社成都5月30日电 省科协今天发布了报告。", None, "四川省", "成都市", None),
        ("省科协发布报告。", "四川日报", "四川省", None, None),
        ("市科协发布报告。", "深圳特区报", "广东省", "深圳市", None),
        # a national paper says nothing: the places named decide
        ("天津市科协与河北省科协在天津签署协议,天津将……", "人民日报", "天津市", "天津市", None),
        ("大连市科协在大连举办活动,大连市民踊跃参加。", None, "辽宁省", "大连市", None),
        ("四川省科协组织专家赴凉山、阿坝开展服务。", None, "四川省", None, None),
        (
            "永川区科协召开全会。区科协主席介绍,全区科普工作……重庆市永川区",
            None,
            "重庆市",
            "重庆市",
            "重庆市永川区",
        ),
        # a county-level city that takes most of its prefecture's mentions is the home district
        (
            "甘南州首座科技馆在合作市开馆。合作市科技馆由合作市政府承建,是甘南州第一座科技馆。",
            None,
            "甘肃省",
            "甘南藏族自治州",
            "甘南藏族自治州合作市",
        ),
        ("今天天气很好。", None, None, None, None),
    ],
)
def test_home_place(
    text: str, source: str | None, province: str | None, city: str | None, district: str | None
) -> None:
    home = home_place(text, Gazetteer.load(), Lexicon.load(), source)
    assert (home.province, home.city, home.district) == (province, city, district), home.evidence


def test_home_place_of_the_seed() -> None:
    text = SEED.read_text(encoding="utf-8")
    home = home_place(text, Gazetteer.load(), Lexicon.load(), None)
    assert (home.province, home.city, home.district) == ("重庆市", "重庆市", None)
    assert home.places == ("重庆市",)
    assert home.short_association == "重庆市科协"
    assert resolve_relative("市科协", home) == "重庆市科学技术协会"
    assert resolve_relative("市委组织部", home) == "中共重庆市委组织部"


@pytest.mark.parametrize(
    ("text", "committee", "party"),
    [
        ("本报讯 中共安吉县委、县政府召开全县科协工作会议。", "中共湖州市安吉县委员会", False),
        ("本报讯 中共青岛市委召开会议。", "中共青岛市委员会", False),
        ("本报讯 庆祝中共建党百年。", None, True),
    ],
)
def test_zhonggong_before_a_committee_names_no_party(
    text: str, committee: str | None, party: bool
) -> None:
    from kexie_graph.extract import extract_text

    keys = {e.key for e in extract_text(text, "a").entities}
    if committee:
        assert f"Organization/{committee}" in keys
    assert ("Organization/中国共产党" in keys) is party
