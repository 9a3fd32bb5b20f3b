"""Figures on short sentences written for the purpose: each pattern, and what must yield nothing."""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kexie_graph.extract.figures import (
    FIGURE_KINDS,
    FIGURE_UNITS,
    FigureHit,
    MentionRef,
    find_figures,
)

PROVINCE = "Place/湖北省"
CITY = "Place/武汉市"
HBAST = "Organization/湖北省科学技术协会"
WHAST = "Organization/武汉市科学技术协会"
DEFAULT = "Organization/默认主体"

# surface -> (key, class); longest surfaces are matched first, as a gazetteer would
LEXICON: dict[str, tuple[str, str]] = {
    "湖北省科协": (HBAST, "Organization"),
    "省科协": (HBAST, "Organization"),
    "武汉市科协": (WHAST, "Organization"),
    "市科协": (WHAST, "Organization"),
    "省教育厅": ("Organization/湖北省教育厅", "Organization"),
    "市教育局": ("Organization/武汉市教育局", "Organization"),
    "全省": (PROVINCE, "Place"),
    "我省": (PROVINCE, "Place"),
    "湖北": (PROVINCE, "Place"),
    "全市": (CITY, "Place"),
    "我市": (CITY, "Place"),
    "武汉市": (CITY, "Place"),
    "武汉": (CITY, "Place"),
    "全国": ("Place/中国", "Place"),
    "中国共产党": ("Organization/中国共产党", "Organization"),
    "科技馆": ("Platform/武汉科技馆", "Platform"),
}


def _mentions(text: str) -> list[MentionRef]:
    taken: list[tuple[int, int]] = []
    found = []
    for surface in sorted(LEXICON, key=len, reverse=True):
        key, cls = LEXICON[surface]
        for m in re.finditer(re.escape(surface), text):
            if any(b < m.end() and m.start() < e for b, e in taken):
                continue
            taken.append((m.start(), m.end()))
            found.append(MentionRef(m.start(), m.end(), key, cls))
    return sorted(found, key=lambda m: m.begin)


def run(
    sentence: str, *, year: int | None = 2023, default: str | None = DEFAULT
) -> list[FigureHit]:
    text = unicodedata.normalize("NFKC", sentence)
    sentences = [(m.start(), m.end()) for m in re.finditer(r"[^。!?\n]+[。!?]?", text)]
    hits = find_figures(
        text, sentences, _mentions(text), default_subject=default, article_year=year
    )
    for hit in hits:  # every hit's evidence is a clause of the text that holds its number
        assert hit.begin <= hit.number_begin < hit.number_end <= hit.end
        assert hit.unit in FIGURE_UNITS and hit.kind in FIGURE_KINDS
    return hits


def _row(hit: FigureHit) -> tuple[str, str, str, str | None, str | None, str]:
    return (str(hit.value), hit.unit, hit.kind, hit.year, hit.comparator, hit.subject)


# (sentence, value of the figure to check, (value, unit, kind, year, comparator, subject))
CASES = [
    # percentages, actual and target, with comparators
    (
        "2022年,全省公民具备科学素质比例达到14.3%。",
        "14.3",
        ("14.3", "percent", "actual", "2022", None, PROVINCE),
    ),
    (
        "到2025年,全省公民具备科学素质比例超过16%。",
        "16",
        ("16", "percent", "target", "2025", ">", PROVINCE),
    ),
    (
        "力争全省公民具备科学素质比例不少于15%。",
        "15",
        ("15", "percent", "target", "2023", ">=", PROVINCE),
    ),
    (
        "2030年全省公民具备科学素质比例达到25%。",
        "25",
        ("25", "percent", "target", "2030", None, PROVINCE),
    ),
    (
        "我省科技工作者中女性占百分之四十。",
        "40",
        ("40", "percent", "actual", "2023", None, PROVINCE),
    ),
    # changes: percentage points against a base year, percentages year on year, falls
    (
        "2022年,全省公民具备科学素质比例为14.3%,较2020年提高3.2个百分点。",
        "3.2",
        ("3.2", "percentage-points", "change", "2020-2022", None, PROVINCE),
    ),
    ("全市科技社团会员人数同比增长12%。", "12", ("12", "percent", "change", "2023", None, CITY)),
    (
        "全市青少年科技竞赛参赛人数较上年下降5%。",
        "-5",
        ("-5", "percent", "change", "2022-2023", None, CITY),
    ),
    # counts with measure words, Chinese numerals, 余/多/不到/以上/近
    ("市科协已建成院士专家工作站三十余家。", "30", ("30", "count", "actual", "2023", ">", WHAST)),
    (
        "今年,市科协将组织两千余名科技志愿者深入社区。",
        "2000",
        ("2000", "persons", "target", "2023", ">", WHAST),
    ),
    ("省科协牵头组建了十二个学会联合体。", "12", ("12", "count", "actual", "2023", None, HBAST)),
    ("省科协命名了两批科普示范基地。", "2", ("2", "count", "actual", "2023", None, HBAST)),
    ("市科协新建科普基地不到20个。", "20", ("20", "count", "actual", "2023", "<", WHAST)),
    (
        "省科协培训基层科技人员3000人以上。",
        "3000",
        ("3000", "persons", "actual", "2023", ">", HBAST),
    ),
    ("近百名院士专家走进企业。", "100", ("100", "persons", "actual", "2023", "<", DEFAULT)),
    ("会员总数达到3,200名。", "3200", ("3200", "persons", "actual", "2023", None, DEFAULT)),
    ("市科协配备科普大篷车10辆。", "10", ("10", "count", "actual", "2023", None, WHAST)),
    # 万/亿 amounts and person-times
    (
        "去年全省科普经费投入3.5亿元。",
        "350000000",
        ("350000000", "yuan", "actual", "2022", None, PROVINCE),
    ),
    ("全年共开展科普讲座1.2万场。", "12000", ("12000", "count", "actual", "2023", None, DEFAULT)),
    (
        "全省科普活动受益群众10余万人次。",
        "100000",
        ("100000", "person-times", "actual", "2023", ">", PROVINCE),
    ),
    # years and periods
    (
        "“十三五”期间,全省累计培训农村实用人才4.6万人次。",
        "46000",
        ("46000", "person-times", "actual", "十三五", None, PROVINCE),
    ),
    (
        "“十三五”时期,全省科协系统改革向纵深推进。省科协共吸纳兼职副主席800名。",
        "800",
        ("800", "persons", "actual", "十三五", None, HBAST),
    ),
    (
        "省科协和12家高校于2019年共同发起成立联盟。",
        "12",
        ("12", "count", "actual", "2019", None, HBAST),
    ),
    ("今年是湖北省科协成立60周年。", "60", ("60", "years", "actual", "2023", None, HBAST)),
    ("省科协将连续五年举办青少年科技节。", "5", ("5", "years", "target", "2023", None, HBAST)),
    (
        # an age limit is a term of the scheme, not dated (as the development readings have it)
        "省科协托举计划面向35岁以下青年科技人才。",
        "35",
        ("35", "years", "actual", None, "<=", HBAST),
    ),
    (
        "省科协给予每人每年20万元资助。",
        "200000",
        ("200000", "yuan", "actual", None, None, HBAST),
    ),
    # shares
    (
        "全省近三分之一的学会设立了青年工作委员会。",
        "33.33",
        ("33.33", "percent", "actual", "2023", "<", PROVINCE),
    ),
    (
        "全省超过一半的企业科协开展了技术攻关。",
        "50",
        ("50", "percent", "actual", "2023", ">", PROVINCE),
    ),
    # ranks
    (
        "2022年,我省公民科学素质水平在全国排名第8位。",
        "8",
        ("8", "rank", "rank", "2022", None, PROVINCE),
    ),
    ("武汉市科普工作综合评价位居全省第一。", "1", ("1", "rank", "rank", "2023", None, CITY)),
    ("全市科普场馆数量进入全国前十。", "10", ("10", "rank", "rank", "2023", "<=", CITY)),
    ("全省科普工作综合考核排名第二。", "2", ("2", "rank", "rank", "2023", None, PROVINCE)),
    ("该项指标居中部地区首位。", "1", ("1", "rank", "rank", "2023", None, DEFAULT)),
    # a target year as the value
    (
        "预计到2027年,武汉市将建成国家科普示范城市。",
        "2027",
        ("2027", "year", "target", "2027", None, CITY),
    ),
    (
        "力争2026年全面建成科普公共服务体系。",
        "2026",
        ("2026", "year", "target", "2026", None, DEFAULT),
    ),
    # target versus actual: a 把-construction 将 is no future; 已 after 将 makes it actual
    (
        "省政府将科普工作纳入考核,全省建成科普基地120个。",
        "120",
        ("120", "count", "actual", "2023", None, PROVINCE),
    ),
    (
        "市科协将继续实施计划,目前已建成工作站56家。",
        "56",
        ("56", "count", "actual", "2023", None, WHAST),
    ),
    # subjects: an object after 联合 is not the subject; a place for a rate and for districts
    (
        "市科协联合市教育局举办科学讲座120场。",
        "120",
        ("120", "count", "actual", "2023", None, WHAST),
    ),
    (
        "截至目前,全省已建成科普示范县20个。",
        "20",
        ("20", "count", "actual", "2023", None, PROVINCE),
    ),
    # a place after 在 is where something happens; districts are counted for the home place
    (
        "全市推进科普工作。在湖北科技馆设立服务窗口,同步推进12个市级试点区县工作。",
        "12",
        ("12", "count", "actual", "2023", None, CITY),
    ),
    ("科技馆共上下3层。", "3", ("3", "count", "actual", "2023", None, "Platform/武汉科技馆")),
    # a rise from one value to another: two levels, each with its own year
    (
        "全省公民具备科学素质比例从2015年的8.3%提高到2022年的15.6%。",
        "8.3",
        ("8.3", "percent", "actual", "2015", None, PROVINCE),
    ),
    (
        "全省公民具备科学素质比例从2015年的8.3%提高到2022年的15.6%。",
        "15.6",
        ("15.6", "percent", "actual", "2022", None, PROVINCE),
    ),
    # a count against a base is a change; quota places are people
    ("今年参会专家较上届增加300人。", "300", ("300", "persons", "change", "2023", None, DEFAULT)),
    ("该学会获得2个托举名额。", "2", ("2", "persons", "actual", "2023", None, DEFAULT)),
    # a long quoted campaign name may state a head count
    (
        "省科协开展“千名专家进企业”活动。",
        "1000",
        ("1000", "persons", "actual", "2023", None, HBAST),
    ),
]


@pytest.mark.parametrize(("sentence", "value", "expected"), CASES)
def test_figure(sentence: str, value: str, expected: tuple[str, ...]) -> None:
    hits = [h for h in run(sentence) if h.value == Decimal(value)]
    assert len(hits) == 1, run(sentence)
    assert _row(hits[0]) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # several figures of one sentence, each with its own unit and kind
        (
            "全省院士专家工作站已达145家,进站院士133名。",
            [("145", "count", "actual"), ("133", "persons", "actual")],
        ),
        (
            "2020年,全省公民具备科学素质比例达到10.1%,较2015年提高4.2个百分点,"
            "在全国排名第9位、中部第一位。",
            [
                ("10.1", "percent", "actual"),
                ("4.2", "percentage-points", "change"),
                ("9", "rank", "rank"),
                ("1", "rank", "rank"),
            ],
        ),
        # a headline figure the body repeats is one figure
        (
            "我省新增16家省级工作站\n\n本报讯 今年,全省新增省级工作站16家。",
            [("16", "count", "actual")],
        ),
    ],
)
def test_several_figures(sentence: str, expected: list[tuple[str, str, str]]) -> None:
    assert [(str(h.value), h.unit, h.kind) for h in run(sentence)] == expected


def test_change_and_ranks_share_the_rate_and_its_subject() -> None:
    hits = run("2020年,全省公民具备科学素质比例达到10.1%,较2015年提高4.2个百分点,在全国排名第9位。")
    rate, change, rank = hits
    assert rate.indicator == "公民具备科学素质比例"
    assert change.indicator == "公民具备科学素质比例较2015年提高幅度"
    assert change.year == "2015-2020"
    assert rank.indicator == "公民具备科学素质比例在全国中的排名"
    assert {h.subject for h in hits} == {PROVINCE}


@pytest.mark.parametrize(
    ("sentence", "indicator", "measure"),
    [
        ("全省公民具备科学素质的比例达到14.3%。", "公民具备科学素质比例", None),
        ("省科协吸纳了800名医院院长担任基层科协兼职副主席。", "医院院长人数", "名"),
        ("仪式上,16家新设立的省级工作站获得授牌。", "新设立的省级工作站数量", "家"),
        ("市科协将同步推进12个市级试点区县工作。", "市级试点区县数量", "个"),
        ("今年是中国共产党成立102周年。", "中国共产党成立周年数", "周年"),
        ("服务团服务65个试点城市的能源转型。", "试点城市数量", "个"),
        ("大会选举产生了由86名理事组成的理事会。", "理事人数", "名"),
        ("省科协已与近百家海外科技团体建立了密切联系。", "海外科技团体数量", "家"),
        ("截至2021年底,全国已建立企业科协组织超过2.6万个。", "企业科协组织数量", "个"),
        ("预计到2027年,武汉市将建成国家科普示范城市。", "建成国家科普示范城市的目标年份", None),
    ],
)
def test_indicator(sentence: str, indicator: str, measure: str | None) -> None:
    (hit,) = run(sentence)
    assert (hit.indicator, hit.measure) == (indicator, measure)


@pytest.mark.parametrize(
    ("sentence", "indicators"),
    [
        ("本届年会设主论坛1个、分论坛12个。", ["主论坛数量", "分论坛数量"]),
        ("其中国家级基地12个、省级基地58个。", ["国家级基地数量", "省级基地数量"]),
        ("将建成10个科普示范区、100个科普示范社区。", ["科普示范区数量", "科普示范社区数量"]),
        (
            "全省公民具备科学素质比例从2015年的8.3%提高到2022年的15.6%。",
            ["公民具备科学素质比例", "公民具备科学素质比例"],
        ),
    ],
)
def test_each_list_item_counts_its_own_noun(sentence: str, indicators: list[str]) -> None:
    assert [h.indicator for h in run(sentence)] == indicators


def test_evidence_is_the_clause_with_a_leading_time_clause() -> None:
    text = "据介绍,2022年,全省公民具备科学素质比例达到14.3%,位居中部前列。"
    (hit,) = run(text)
    assert text[hit.begin : hit.end] == "2022年,全省公民具备科学素质比例达到14.3%"
    assert text[hit.number_begin : hit.number_end] == "14.3"


def test_approximate_values_keep_no_comparator() -> None:
    (hit,) = run("活动受益群众约50万人次。")
    assert (hit.value, hit.unit, hit.comparator, hit.approximate) == (
        Decimal(500000),
        "person-times",
        None,
        True,
    )


def test_without_an_article_year_relative_years_stay_open() -> None:
    (hit,) = run("今年,省科协组织科技志愿者300名。", year=None)
    assert hit.year is None and hit.kind == "actual"


def test_sentences_are_split_when_none_are_given() -> None:
    text = "今年,市科协将组织两千余名科技志愿者深入社区。2022年,全省公民具备科学素质比例达到14.3%。"
    given_none = find_figures(text, [], _mentions(text), default_subject=DEFAULT, article_year=2023)
    assert [_row(h) for h in given_none] == [_row(h) for h in run(text)]
    assert [h.kind for h in given_none] == ["target", "actual"]


def test_a_figure_without_any_subject_is_dropped() -> None:
    assert run("共开展科普讲座120场。", default=None) == []
    assert len(run("共开展科普讲座120场。")) == 1


@pytest.mark.parametrize(
    "sentence",
    [
        "3月18日,省科协召开全委会。",
        "省科协第十届委员会第三次全体会议在武汉召开。",
        "市科协九届五次全会召开。",
        "市科协第五届委员会任期届满。",
        "《湖北省科普工作三年行动方案(2023-2025年)》正式印发。",
        "《“百名专家进社区”活动方案》印发。",
        "2021年是“十四五”开局之年。",
        "2025年武汉将建成科普示范城市",  # a headline year, not 到2025年
        "咨询电话:027-87654321。",
        "积极参与“一带一路”科技交流。",
        "推动“一区两群”协调发展。",
        "充分发挥“三长”作用。",
        "构建三位一体工作格局。",
        "增强“四个意识”,做到“两个维护”,坚持“四个面向”。",
        "建设一批科普教育基地,打造一个品牌。",
        "让科学知识走进千家万户。",
        "他入选国家万人计划。",
        "第一批试点名单正式公布。",
        "安排第二批专项资金。",
        "数百名专家参加论坛。",
        "两三个区县开展试点。",
        "全市3-5个区县开展试点。",
        "他是该校第2位院士。",
        "全国第一个科普条例在此诞生。",
        "一是加强组织建设;二是完善服务体系。",
        "1.加强学会建设。",
        "学习贯彻党的二十大精神和十九届五中全会精神。",
        "落实中央八项规定精神。",
        "统一部署科普工作。",
        "他于2020年调任省科协。",
        "近年来,科普工作取得新进展。",
        "促进两地技术转移,提升两地科技水平。",
    ],
)
def test_no_figure(sentence: str) -> None:
    assert run(sentence) == []


_ALPHABET = st.sampled_from(
    list(
        "0123456789.%,。、“”《》()一二两三四五六七八九十百千万亿余多第届次名个家项位人年月日将已到较提高达超过排名全市省科协"
    )
)


# examples per run: the Hypothesis profile decides (tests/conftest.py: ci, or fuzz for make fuzz)
@settings(deadline=None)
@given(st.lists(_ALPHABET, max_size=60).map("".join))
def test_arbitrary_text_never_breaks_the_finder(text: str) -> None:
    run(text)  # run() checks every hit's offsets, unit and kind


# ---------------------------------------------------------------------------------- subjects


def _subjects(
    text: str, mentions: list[MentionRef], **kw: object
) -> list[tuple[str, str | None, str | None]]:
    sentences = [(m.start(), m.end()) for m in re.finditer(r"[^。!?\n]+[。!?]?", text)]
    hits = find_figures(text, sentences, mentions, default_subject=DEFAULT, article_year=2023, **kw)  # type: ignore[arg-type]
    return [(str(h.value), h.subject, h.year) for h in hits]


def _ref(text: str, surface: str, key: str, cls: str, nth: int = 0) -> MentionRef:
    pos = -1
    for _ in range(nth + 1):
        pos = text.index(surface, pos + 1)
    return MentionRef(pos, pos + len(surface), key, cls)


def test_bare_head_refers_back_and_the_paragraph_goes_on() -> None:
    text = (
        "某某签约仪式在展览中心举行。\n仪式现场共有25个项目签约,"
        "总投资额达6.2亿元。其中,院士项目13个。"
    )
    ceremony = _ref(text, "某某签约仪式", "Event/某某签约仪式", "Event")
    found = _subjects(text, [ceremony])
    assert {s for _, s, _ in found} == {"Event/某某签约仪式"}
    assert {v for v, _, _ in found} == {"25", "620000000", "13"}


def test_the_body_the_counted_make_up() -> None:
    text = "大会选举产生了由86名理事组成的某学会第三届理事会。"
    council = _ref(text, "某学会第三届理事会", "Organization/某学会第三届理事会", "Organization")
    assert _subjects(text, [council]) == [("86", "Organization/某学会第三届理事会", "2023")]


def test_rates_in_brackets_after_places_and_shared_values() -> None:
    text = "分地市看,甲市(17.5%)、乙市(15.5%)超过平均水平;丙市、丁市(均为12.5%)。"
    refs = [
        _ref(text, "甲市", "Place/甲市", "Place"),
        _ref(text, "乙市", "Place/乙市", "Place"),
        _ref(text, "丙市", "Place/丙市", "Place"),
        _ref(text, "丁市", "Place/丁市", "Place"),
    ]
    found = {(v, s) for v, s, _ in _subjects(text, refs)}
    assert found == {
        ("17.5", "Place/甲市"),
        ("15.5", "Place/乙市"),
        ("12.5", "Place/丙市"),
        ("12.5", "Place/丁市"),
    }


def test_counts_of_divisions_are_the_home_place_s_and_thresholds_are_no_values() -> None:
    text = "全省16个市中,甲市、乙市等9市达到或超过10%,丙市首次迈过10%门槛。"
    refs = [
        _ref(text, "全省", PROVINCE, "Place"),
        _ref(text, "甲市", "Place/甲市", "Place"),
        _ref(text, "乙市", "Place/乙市", "Place"),
    ]
    found = _subjects(text, refs)
    assert ("9", PROVINCE, "2023") in found and ("16", PROVINCE, "2023") in found
    assert all(v != "10" for v, _, _ in found)


def test_per_thousand_is_no_count() -> None:
    assert run("每千人中有128人具备科学素质。") == []


@pytest.mark.parametrize(
    ("text", "subject", "indicator"),
    [
        (
            "本报讯 宁波市科协十届三次全会召开。\n"
            "会议指出，今年以来，市科协新建院士专家工作站12家。",
            "Organization/宁波市科学技术协会",
            "新建院士专家工作站数量",
        ),
        (
            "本报讯 会上强调，到2025年，宁波市公民具备科学素质比例要超过18%。",
            "Place/宁波市",
            "公民具备科学素质比例",
        ),
        (
            "本报讯 会议要求，到2025年，宁波市公民具备科学素质比例力争达到18%。",
            "Place/宁波市",
            "公民具备科学素质比例",
        ),
    ],
)
def test_who_reports_a_figure_is_not_its_subject_nor_its_modal_verb_its_name(
    text: str, subject: str, indicator: str
) -> None:
    from kexie_graph.extract import extract_text

    figures = extract_text(text, "a").figures
    assert [(f.subject, f.indicator) for f in figures] == [(subject, indicator)]


COMPANY_TEXT = (
    "本报讯 中国电建集团科协成立大会在北京召开。中国电建董事长丁焰章出席。"
    "会议选举产生了集团科协第一届委员会。\n"
    "据介绍，集团现有科技人员4.2万人。集团科协将联合中国水利学会，力争到2025年建成院士专家工作站10家以上。"
)


def test_the_group_and_its_association_named_relatively() -> None:
    from kexie_graph.extract import extract_text

    reading = extract_text(COMPANY_TEXT, "a")
    company = "Organization/中国电力建设集团有限公司"
    association = company + "科学技术协会"
    keys = {e.key for e in reading.entities}
    assert {association, association + "第一届委员会"} <= keys
    assert "Organization/集团科协" not in keys
    figures = {(f.subject, f.indicator, f.value) for f in reading.figures}
    assert (company, "科技人员人数", Decimal(42000)) in figures
    assert (association, "院士专家工作站数量", Decimal(10)) in figures


def test_a_years_scope_after_a_reporting_clause_and_the_group_compared_with() -> None:
    from kexie_graph.extract import extract
    from kexie_graph.records import Article

    text = (
        "本报讯 记者从湖南省科协获悉，2023年全省科普经费投入达3.2亿元，同比增长15%；"
        "全省共有科普场馆156个。\n据统计，全省公民具备科学素质的比例达到15.6%，排名全国第8位。"
    )
    figures = extract(Article(id="a", text=text, date="2024-03-01")).figures
    assert {f.subject for f in figures} == {"Place/湖南省"}
    years = {f.indicator: f.year for f in figures}
    assert years["科普经费投入"] == years["科普场馆数量"] == "2023"


@pytest.mark.parametrize(
    ("text", "indicator"),
    [
        ("本报讯 陕西省共有28人入选。", "入选人数"),
        ("本报讯 陕西省科协新建院士工作站12家。", "新建院士工作站数量"),
        ("华龙网讯 重庆市新建院士工作站12家。", "新建院士工作站数量"),
    ],
)
def test_the_dateline_and_what_people_did_in_an_indicator(text: str, indicator: str) -> None:
    from kexie_graph.extract import extract_text

    assert [f.indicator for f in extract_text(text, "a").figures] == [indicator]


def test_a_figure_in_the_modifier_of_a_name_is_about_that_name() -> None:
    from kexie_graph.extract import extract_text

    text = (
        "本报讯 四川省科协党组书记出席。9月28日，总投资2.3亿元、建筑面积3.6万平方米的"
        "宜宾市科技馆正式开馆。"
    )
    figures = {(f.subject, f.value) for f in extract_text(text, "a").figures}
    assert ("Organization/宜宾市科技馆", Decimal("230000000")) in figures
