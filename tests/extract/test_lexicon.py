"""The curated lexicon: loading, lookup, aliases, longest-leftmost matching, validation."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kexie_graph.errors import ExtractionError
from kexie_graph.extract.gazetteer import Gazetteer
from kexie_graph.extract.lexicon import KINDS, Lexicon, LexiconEntry, derived_aliases
from kexie_graph.records import TOP_CLASSES, Entity

SEED = (
    Path(__file__).resolve().parents[2]
    / "data"
    / "articles"
    / "chongqing-daily-2021-03-19-kexie-plenary.txt"
)


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return Lexicon.load()


def _found(lexicon: Lexicon, text: str) -> list[tuple[str, str]]:
    return [(hit.surface, hit.candidates[0].zh) for hit in lexicon.find(text)]


@pytest.mark.parametrize(
    ("zh", "cls", "kind", "en"),
    [
        (
            "中国科学技术协会",
            "Organization",
            "ScienceAssociation",
            "China Association for Science and Technology",
        ),
        ("中国科学院", "Organization", "Academy", "Chinese Academy of Sciences"),
        ("中国工程院", "Organization", "Academy", "Chinese Academy of Engineering"),
        (
            "中国科学院成都分院",
            "Organization",
            "ResearchInstitute",
            "Chengdu Branch of the Chinese Academy of Sciences",
        ),
        ("科学技术部", "Organization", "GovernmentBody", "Ministry of Science and Technology"),
        (
            "中共中央组织部",
            "Organization",
            "PartyDepartment",
            "Organization Department of the CPC Central Committee",
        ),
        (
            "中国机械工程学会",
            "Organization",
            "LearnedSociety",
            "Chinese Mechanical Engineering Society",
        ),
        ("中华医学会", "Organization", "LearnedSociety", "Chinese Medical Association"),
        (
            "四川省科学技术协会",
            "Organization",
            "ScienceAssociation",
            "Sichuan Association for Science and Technology",
        ),
        (
            "青岛市科学技术协会",
            "Organization",
            "ScienceAssociation",
            "Qingdao Association for Science and Technology",
        ),
        ("重庆日报", "Organization", "Newspaper", "Chongqing Daily"),
        ("科创中国", "Program", "Brand", "Innovation China"),
        (
            "青年人才托举工程",
            "Program",
            "TalentScheme",
            "Young Elite Scientists Sponsorship Program",
        ),
        ("中华人民共和国科学技术普及法", "Document", "Law", None),
        ("中国科协年会", "Event", "Conference", "CAST Annual Meeting"),
    ],
)
def test_get(lexicon: Lexicon, zh: str, cls: str, kind: str, en: str | None) -> None:
    entry = lexicon.get(zh)
    assert entry is not None
    assert (entry.cls, entry.kind) == (cls, kind)
    if en is not None:
        assert entry.en == en


@pytest.mark.parametrize(
    ("surface", "zh"),
    [
        ("中国科协", "中国科学技术协会"),
        ("CAST", "中国科学技术协会"),
        ("中科院", "中国科学院"),
        ("中科院成都分院", "中国科学院成都分院"),  # by the 中国科学院X -> 中科院X rule
        ("科技部", "科学技术部"),
        ("工信部", "工业和信息化部"),
        ("中组部", "中共中央组织部"),
        ("四川省科协", "四川省科学技术协会"),  # by the …科学技术协会 -> …科协 rule
        ("广西科协", "广西壮族自治区科学技术协会"),
        ("中共", "中国共产党"),
        ("党", "中国共产党"),  # contextual: looked up, never matched
        ("新华社", "新华通讯社"),
        ("科技活动周", "全国科技活动周"),
        ("中科院重庆研究院", "中国科学院重庆绿色智能技术研究院"),
    ],
)
def test_by_alias(lexicon: Lexicon, surface: str, zh: str) -> None:
    assert zh in [entry.zh for entry in lexicon.by_alias(surface)]


@pytest.mark.parametrize("surface", ["中国青年科学院", "市科协", "科协", ""])
def test_by_alias_unknown(lexicon: Lexicon, surface: str) -> None:
    assert lexicon.by_alias(surface) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the longest name wins over the one inside it
        ("中国科协创新战略研究院发布报告", [("中国科协创新战略研究院", "中国科协创新战略研究院")]),
        (
            "中国科学院成都分院与四川省科协",
            [
                ("中国科学院成都分院", "中国科学院成都分院"),
                ("四川省科协", "四川省科学技术协会"),
            ],
        ),
        (
            "中共中央组织部和中国科协",
            [
                ("中共中央组织部", "中共中央组织部"),
                ("中国科协", "中国科学技术协会"),
            ],
        ),
        # leftmost first: 中国科学技术大学 starts before 中国科学院 would
        ("中国科学技术大学", [("中国科学技术大学", "中国科学技术大学")]),
        # Latin aliases only as whole words
        ("The CAST annual meeting", [("CAST", "中国科学技术协会")]),
        ("a broadcast from CASTLE", []),
        # contextual names are not matched
        ("在党的领导下", []),
        ("", []),
    ],
)
def test_find(lexicon: Lexicon, text: str, expected: list[tuple[str, str]]) -> None:
    assert _found(lexicon, text) == expected


def test_find_offsets(lexicon: Lexicon) -> None:
    text = "本报讯 重庆日报记者获悉,中国工程院院士到会。"
    for hit in lexicon.find(text):
        assert text[hit.begin : hit.end] == hit.surface
    assert [hit.surface for hit in lexicon.find(text)] == ["重庆日报", "中国工程院"]


def test_seed_names(lexicon: Lexicon) -> None:
    text = SEED.read_text(encoding="utf-8")
    found = {hit.candidates[0].zh: hit.surface for hit in lexicon.find(text)}
    assert found["四川省科学技术协会"] == "四川省科协"
    assert found["中国科学院成都分院"] == "中科院成都分院"
    assert found["中国科学技术协会"] == "中国科协"
    assert found["中国工程院"] == "中国工程院"
    assert found["重庆日报"] == "重庆日报"
    assert found["科创中国"] == "科创中国"


def test_to_entity(lexicon: Lexicon) -> None:
    entry = lexicon.get("中国科学院成都分院")
    assert entry is not None
    entity = lexicon.to_entity(entry)
    assert entity == Entity(
        cls="Organization",
        zh="中国科学院成都分院",
        en="Chengdu Branch of the Chinese Academy of Sciences",
        kind="ResearchInstitute",
        aliases=("中科院成都分院",),
        parent="Organization/中国科学院",
        located_in="Place/成都市",
        source="lexicon",
    )


def test_entries_are_consistent(lexicon: Lexicon) -> None:
    """Each entry has a known class and kind, a parent in the lexicon, a place in the gazetteer."""
    gazetteer = Gazetteer.load()
    problems = []
    for entry in lexicon.entries:
        if entry.cls not in TOP_CLASSES or (entry.kind and entry.kind not in KINDS[entry.cls]):
            problems.append(f"{entry.zh}: {entry.cls}/{entry.kind}")
        if entry.parent and lexicon.get(entry.parent) is None:
            problems.append(f"{entry.zh}: parent {entry.parent} not in the lexicon")
        for member in entry.member_of:
            if lexicon.get(member) is None:
                problems.append(f"{entry.zh}: member_of {member} not in the lexicon")
        for place in (entry.located_in, entry.serves):
            if place and gazetteer.get(place) is None:
                problems.append(f"{entry.zh}: place {place} not in the gazetteer")
    assert problems == []


def test_coverage(lexicon: Lexicon) -> None:
    kexie = [e for e in lexicon.entries if e.kind == "ScienceAssociation" and e.serves]
    gazetteer = Gazetteer.load()
    levels = {e.serves: getattr(gazetteer.get(e.serves or ""), "level", 0) for e in kexie}
    provinces = {place for place, level in levels.items() if level == 1}
    assert len(provinces) == 31
    assert sum(1 for e in lexicon.entries if e.kind == "LearnedSociety") >= 100
    assert (
        sum(1 for e in lexicon.entries if e.zh.startswith("中国科学院") and e.zh.endswith("分院"))
        == 12
    )


@pytest.mark.parametrize(
    ("zh", "aliases"),
    [
        ("中国科学院成都分院", ("中科院成都分院",)),
        ("四川省科学技术协会", ("四川省科协",)),
        ("中国科学技术协会", ("中国科协",)),
        ("中国科学院", ()),
        ("科学技术部", ()),
    ],
)
def test_derived_aliases(zh: str, aliases: tuple[str, ...]) -> None:
    assert derived_aliases(zh) == aliases


def test_from_yaml_and_extra_paths(tmp_path: Path) -> None:
    document = """
defaults: {class: Organization, kind: LearnedSociety}
entries:
  - {zh: 示例市测试学会, aliases: [测试学会]}
"""
    small = Lexicon.from_yaml(document)
    assert [hit.candidates[0].zh for hit in small.find("测试学会成立")] == ["示例市测试学会"]
    (tmp_path / "extra.yaml").write_text(document, encoding="utf-8")
    merged = Lexicon.load([tmp_path])
    assert merged.get("示例市测试学会") is not None
    assert merged.get("中国科学技术协会") is not None
    assert Lexicon.load() is Lexicon.load()  # the default is cached


@pytest.mark.parametrize(
    ("document", "message"),
    [
        ("entries: [{zh: 甲, class: Thing}]", "class must be one of"),
        ("entries: [{zh: 甲, class: Organization, kind: Brand}]", "is not a kind of Organization"),
        ("entries: [{class: Organization}]", "needs a 'zh' name"),
        ("entries: [{zh: 甲, class: Organization, colour: red}]", "unknown field"),
        (
            "entries: [{zh: 甲, class: Organization}, {zh: 甲, class: Organization}]",
            "already defined",
        ),
        ("- just a list", "mapping with an 'entries' list"),
        ("entries: [{zh: 甲, class: Organization, aliases: 3}]", "'aliases' must be"),
        ("entries: [unclosed", "not valid YAML"),
    ],
)
def test_bad_lexicon(document: str, message: str) -> None:
    with pytest.raises(ExtractionError, match=message):
        Lexicon.from_yaml(document, "bad.yaml")


def test_missing_extra_path(tmp_path: Path) -> None:
    with pytest.raises(ExtractionError, match="no such lexicon"):
        Lexicon.load([tmp_path / "absent.yaml"])


def test_entry_key() -> None:
    assert LexiconEntry(zh="科创中国", cls="Program").key == "Program/科创中国"


_LEXICON_NAMES = sorted({s for e in Lexicon.load().entries for s in e.surfaces})


@settings(deadline=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(_LEXICON_NAMES), st.sampled_from([*"的在和中国科协会a1 ", "CAST"])
        ),
        min_size=1,
        max_size=5,
    ).map("".join)
)
def test_prefix_is_what_find_matches_at_the_start(text: str) -> None:
    lexicon = Lexicon.load()
    first = next((hit for hit in lexicon.find(text) if hit.begin == 0), None)
    assert lexicon.prefix(text) == first
