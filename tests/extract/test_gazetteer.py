"""The gazetteer of administrative divisions: lookup, disambiguation, chains, matching."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kexie_graph.errors import ExtractionError
from kexie_graph.extract.gazetteer import Gazetteer
from kexie_graph.records import Entity


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


@pytest.mark.parametrize(
    ("zh", "kind", "division", "parent", "en"),
    [
        ("四川省", "Province", "省", "", "Sichuan Province"),
        ("重庆市", "Municipality", "直辖市", "", "Chongqing Municipality"),
        ("广西壮族自治区", "Province", "自治区", "", "Guangxi Zhuang Autonomous Region"),
        ("香港特别行政区", "Region", "特别行政区", "", "Hong Kong Special Administrative Region"),
        ("青岛市", "City", "地级市", "山东省", "Qingdao City"),
        ("凉山彝族自治州", "Region", "自治州", "四川省", None),
        ("重庆市永川区", "District", "市辖区", "重庆市", "Yongchuan District"),
        ("北京市朝阳区", "District", "市辖区", "北京市", "Chaoyang District"),
        ("长春市朝阳区", "District", "市辖区", "长春市", "Chaoyang District"),
        ("成都市金堂县", "County", "县", "成都市", "Jintang County"),
        ("成都市都江堰市", "City", "县级市", "成都市", "Dujiangyan City"),
        ("湖北省仙桃市", "City", "县级市", "湖北省", "Xiantao City"),
        ("重庆市石柱土家族自治县", "County", "自治县", "重庆市", None),
        ("西安市", "City", "地级市", "陕西省", "Xi'an City"),
    ],
)
def test_entries(
    gazetteer: Gazetteer, zh: str, kind: str, division: str, parent: str, en: str | None
) -> None:
    place = gazetteer.get(zh)
    assert place is not None
    assert (place.kind, place.division, place.parent, place.en) == (kind, division, parent, en)


def test_counts(gazetteer: Gazetteer) -> None:
    current = [p for p in gazetteer.entries if p.current]
    assert sum(1 for p in current if p.level == 1) == 34
    assert sum(1 for p in current if p.level == 2) > 330
    assert sum(1 for p in current if p.level == 3) > 2800
    assert {p.zh for p in current if p.is_municipality} == {"北京市", "天津市", "上海市", "重庆市"}


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("永川区", ["重庆市永川区"]),
        ("永川", ["重庆市永川区"]),
        ("重庆", ["重庆市"]),
        ("广西", ["广西壮族自治区"]),
        ("内蒙古", ["内蒙古自治区"]),
        ("凉山州", ["凉山彝族自治州"]),
        ("石柱县", ["重庆市石柱土家族自治县"]),
        ("朝阳区", ["北京市朝阳区", "长春市朝阳区"]),
        ("吉林", ["吉林省", "吉林市"]),  # current first, higher level first
        (
            "江北区",
            ["宁波市江北区", "重庆市江北区"],
        ),  # Chongqing's was merged into 两江新区 in 2025
        ("不存在的地方", []),
    ],
)
def test_lookup(gazetteer: Gazetteer, name: str, expected: list[str]) -> None:
    assert [p.zh for p in gazetteer.lookup(name)] == expected


@pytest.mark.parametrize(
    ("name", "context", "expected"),
    [
        ("朝阳区", ["北京"], "北京市朝阳区"),
        ("朝阳区", ["北京市"], "北京市朝阳区"),
        ("朝阳区", ["长春"], "长春市朝阳区"),
        ("朝阳区", ["吉林省"], "长春市朝阳区"),
        ("朝阳区", [], None),  # shared and no context: not resolved
        ("朝阳区", ["上海"], None),
        ("鼓楼区", ["南京市"], "南京市鼓楼区"),
        ("鼓楼区", ["福州"], "福州市鼓楼区"),
        ("鼓楼区", ["江苏省"], None),  # 南京 and 徐州 both have one
        ("永川区", ["重庆市"], "重庆市永川区"),
        ("永川区", [], "重庆市永川区"),  # unique
        ("江北区", ["重庆"], "重庆市江北区"),  # a former district, in a Chongqing article
        ("江北区", [], "宁波市江北区"),  # the only current one
        ("吉林", ["长春市"], "吉林省"),  # the province that contains a named place
        ("吉林", [], "吉林省"),  # 吉林市 lies in 吉林省: the containing division
        ("阿坝", ["四川省"], "阿坝藏族羌族自治州"),  # not its 阿坝县
        ("海南", ["海口市"], "海南省"),
        ("海南", [], None),  # 海南省, 海南藏族自治州 (Qinghai), 乌海市海南区
        ("海南", ["青海省"], "海南藏族自治州"),
    ],
)
def test_resolve(gazetteer: Gazetteer, name: str, context: list[str], expected: str | None) -> None:
    place = gazetteer.resolve(name, context)
    assert (place.zh if place else None) == expected


def test_resolve_prefer_province(gazetteer: Gazetteer) -> None:
    assert gazetteer.resolve("海南") is None
    place = gazetteer.resolve("海南", prefer_province=True)
    assert place is not None and place.zh == "海南省"


@pytest.mark.parametrize(
    ("place", "chain", "province", "city"),
    [
        ("重庆市永川区", ["重庆市"], "重庆市", "重庆市"),
        ("青岛市崂山区", ["青岛市", "山东省"], "山东省", "青岛市"),
        ("崂山区", ["青岛市", "山东省"], "山东省", "青岛市"),
        ("青岛市", ["山东省"], "山东省", "青岛市"),
        ("四川省", [], "四川省", None),
        ("重庆市", [], "重庆市", "重庆市"),  # a municipality is its own city
        ("湖北省仙桃市", ["湖北省"], "湖北省", None),  # directly under the province
    ],
)
def test_chains(
    gazetteer: Gazetteer, place: str, chain: list[str], province: str, city: str | None
) -> None:
    assert [p.zh for p in gazetteer.parent_chain(place)] == chain
    found = gazetteer.province_of(place)
    assert found is not None and found.zh == province
    city_of = gazetteer.city_of(place)
    assert (city_of.zh if city_of else None) == city


@pytest.mark.parametrize(
    ("text", "context", "expected"),
    [
        ("重庆高新区和永川区入选", [], [("重庆", "重庆市"), ("永川区", "重庆市永川区")]),
        ("长春市朝阳区科协", [], [("长春市朝阳区", "长春市朝阳区")]),
        ("长春市召开会议,朝阳区代表发言", [], [("长春市", "长春市"), ("朝阳区", "长春市朝阳区")]),
        ("朝阳区代表发言", ["北京市"], [("朝阳区", "北京市朝阳区")]),
        ("朝阳区代表发言", [], []),  # shared, no context
        ("为党和政府科学决策服务", [], []),  # 和政 (a county stem) far from home is not taken
        ("城区人口增加", [], []),  # 城区 is a common noun
        ("推动永川发展", ["重庆市"], [("永川", "重庆市永川区")]),
        ("推动永川发展", ["四川省"], []),
    ],
)
def test_find(
    gazetteer: Gazetteer, text: str, context: list[str], expected: list[tuple[str, str]]
) -> None:
    hits = gazetteer.find(text, context)
    assert [(h.surface, h.place.zh) for h in hits] == expected
    assert all(text[h.begin : h.end] == h.surface for h in hits)


def test_to_entity(gazetteer: Gazetteer) -> None:
    place = gazetteer.get("重庆市永川区")
    assert place is not None
    assert gazetteer.to_entity(place) == Entity(
        cls="Place",
        zh="重庆市永川区",
        en="Yongchuan District",
        kind="District",
        aliases=("永川区", "永川"),
        located_in="Place/重庆市",
        source="lexicon",
    )
    assert place.key == "Place/重庆市永川区"
    assert place.short == "永川"


def test_ambiguous_forms_are_marked(gazetteer: Gazetteer) -> None:
    beijing = gazetteer.get("北京市朝阳区")
    assert beijing is not None and {"朝阳区", "朝阳"} <= beijing.ambiguous
    gulou = [p for p in gazetteer.lookup("鼓楼区") if p.current]
    assert len(gulou) >= 4 and all("鼓楼区" in p.ambiguous for p in gulou)


def test_load_path_and_errors(tmp_path: Path) -> None:
    header = (
        "adcode\tzh\tname\tkind\tdivision\tlevel\tparent\tprovince\tstatus\ten\ten_short\t"
        "en_source\tforms\tambiguous\tcommon\n"
    )
    good = tmp_path / "places.tsv"
    good.write_text(
        "# test\n"
        + header
        + "990000\t示例省\t示例省\tProvince\t省\t1\t\t\tcurrent\t\t\t\t示例\t\t\n",
        encoding="utf-8",
    )
    small = Gazetteer.load(good)
    assert [p.zh for p in small.lookup("示例")] == ["示例省"]
    bad = tmp_path / "bad.tsv"
    bad.write_text(header + "990000\t示例省\t示例省\tProvince\t省\tone\n", encoding="utf-8")
    with pytest.raises(ExtractionError, match="malformed gazetteer row"):
        Gazetteer.load(bad)
    with pytest.raises(ExtractionError, match="cannot read"):
        Gazetteer.load(tmp_path / "absent.tsv")


_SURFACES = sorted({s for e in Gazetteer.load().entries for s in e.surfaces})
#: the names matched in running text: two characters or more, not only an everyday word
_NAMES = {
    surface
    for surface in _SURFACES
    if len(surface) >= 2 and any(surface not in e.common for e in Gazetteer.load().lookup(surface))
}


def _every_name(text: str) -> list[tuple[int, int, str]]:
    """Longest-leftmost place names by brute force: every substring looked up."""
    longest = max(map(len, _NAMES))
    found = sorted(
        (
            (b, b + n)
            for b in range(len(text))
            for n in range(2, min(longest, len(text) - b) + 1)
            if text[b : b + n] in _NAMES
        ),
        key=lambda span: (span[0], -span[1]),
    )
    out, cursor = [], 0
    for b, e in found:
        if b >= cursor:
            out.append((b, e, text[b:e]))
            cursor = e
    return out


@settings(deadline=None)
@given(
    st.lists(
        st.one_of(st.sampled_from(_SURFACES), st.sampled_from(list("的在和市区县省一中新。 "))),
        max_size=12,
    ).map("".join)
)
def test_matches_finds_every_place_name_longest_leftmost(text: str) -> None:
    found = [(b, e, text[b:e]) for b, e, _ in Gazetteer.load().matches(text)]
    assert found == _every_name(text)
