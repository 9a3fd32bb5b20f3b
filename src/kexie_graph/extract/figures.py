"""Figures the genre states: rates, changes, counts, amounts, ranks, anniversaries and target years.

``find_figures`` reads the cleaned text of one article and returns :class:`FigureHit` records:
what is measured (indicator), whom it is about (subject, an entity key), the value (a Decimal), its
unit and kind, the year or period it belongs to, an optional comparator, and the evidence clause.

How a figure is found (each kind is one compiled pattern over the whole text, then per-hit context):

* **numbers with a unit** -- ``10.2%``, ``百分之十``, ``5.46个百分点``, ``3100名``, ``三十余家``,
  ``两千余名``, ``1.2万人次``, ``3.5亿元``, ``100周年``, ``七个方面``, ``32岁``; the unit is
  required, so a bare number (a phone number, a list number, a year) never becomes a figure;
* **shares** -- ``四分之三``, ``一半以上`` (as percentages);
* **durations** -- ``连续三年``, ``为期5年`` (a bare N年 is a year, never a duration);
* **ranks** -- ``排名第12位``, ``位居全国第一``, ``西部第一位``, ``居全省首位``, ``进入全国前十``;
* **target years** -- ``预计到2025年,重庆将建成…``: the year is the value of a target when the
  clause after it names something to be built or reached and states no other number.

What is *not* a figure: dates (3月18日), ordinals (第五届, 第一批, 五届八次全会), numbers inside
《》 titles, short quoted names (“三长”, “四个面向”), political slogans and idioms (一带一路,
三位一体, 两个维护, 千家万户, 万人计划, 二十大), a single 一 (一批, 一个 mean "a"), vague
numerals (数百, 几十, 三五), ranges (3-5个), deictic 两地 and years on their own (2021年是…).
Inside a longer quoted name (a campaign title) only a head count counts (“百名科技英才颂…”),
since such titles state how many people a campaign involves. A headline figure that the body
states again is reported once, from the body.

Kinds: ``change`` for ``个百分点``, for ``提高/增长/下降 … %`` and for a count against a base
(较上届增加300人); a fall is a negative value. ``rank`` for ranks. ``target`` when the year the
figure belongs to lies after the article's year, or, failing that, when the nearest cue before
it in its sentence is a target cue (预计, 力争, 确保, 将 but not the 把-like 将…作为, 到2025年 …)
rather than an actual one (已, 累计, 截至 …); else ``actual``.

Year: a year introduced by 于/在 in the figure's clause after it (35个团体于2003年发起), else the
nearest time expression before the figure in its sentence (2020年, 今年 and 目前 via
``article_year``, “十三五”时期), else a time expression that opens an earlier sentence of its
paragraph (paragraphs are found layout-blind: a long line that does not end a sentence continues
it), else ``article_year``; a change against a base year spans both (``较2015年`` in a 2020
sentence -> ``"2015-2020"``).

Subject (mentions of organisations, places, events, platforms and programmes are candidates,
except one in object position -- 与/联合/在/推动 … X, 在X设立 -- inside a title or quoted name,
or in the list a count closes -- A、B等20家单位): a change or rank with no name of its own takes
the subject of the figure before it in the sentence; rates and counts of districts take the
nearest place in the sentence, else the article's home place (the entity of 全市/我市/本市 …);
other figures take the nearest mention in their own clause, else the nearest organisation or
place of the clauses before (any candidate if a clause has none), else of the paragraph's earlier
sentences, else ``default_subject``. A figure with no subject at all is dropped.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from kexie_graph.extract.numbers import (
    APPROX_PREFIXES,
    CN_NUMERAL_CHARS,
    PREFIX_COMPARATORS,
    SUFFIX_COMPARATORS,
    canonical,
    parse_fraction,
    parse_number,
)

from .candidates import record
from .clauses import MentionRef  # the mentions the relation rules read, shared (re-exported)
from .patterns import finditer_from, words_pattern

__all__ = [
    "FIGURE_KINDS",
    "FIGURE_UNITS",
    "FigureHit",
    "MentionRef",
    "find_figures",
]

#: the unit names a hit may carry (the keys of ``kexie_graph.graph.vocab.UNITS``)
FIGURE_UNITS: tuple[str, ...] = (
    "percent",
    "percentage-points",
    "persons",
    "person-times",
    "count",
    "rank",
    "year",
    "years",
    "yuan",
)

#: the kind names a hit may carry
FIGURE_KINDS: tuple[str, ...] = ("actual", "target", "change", "rank")


@record
class FigureHit:
    """One figure found in the cleaned text; offsets are into that text."""

    indicator: str
    subject: str
    value: Decimal
    unit: str
    kind: str
    year: str | None
    comparator: str | None
    begin: int  # evidence clause
    end: int
    number_begin: int
    number_end: int
    rule: str
    measure: str | None = (
        None  # the measure word of a count (个, 家, 项 …) or person count (名, 位, 人)
    )
    approximate: bool = False  # 约, 近, 左右 …


# --------------------------------------------------------------------------------------- patterns

_CN = CN_NUMERAL_CHARS
_CN_DIGITS = "一二两三四五六七八九"
_SUBJECT_CLASSES = frozenset({"Organization", "Place", "Event", "Platform", "Program"})
_ACTOR_CLASSES = frozenset({"Organization", "Place"})
_HOME_WORDS = frozenset(
    {"全市", "我市", "本市", "全省", "我省", "本省", "全区", "我区", "本区", "全县", "我县", "本县"}
    | {"全州", "我州", "本州", "全盟", "全旗"}
)

_HOME_WORDS_IN_ORDER = tuple(_HOME_WORDS)  # (a set's order, fixed once in a process)

# Units, longest first, each with the look-aheads that keep it from being the first character of
# an ordinary word (人才, 家庭, 项目, 部署 …).
_UNIT_PATTERN = (
    r"个百分点|百分点|%|人次|周年|部门|场次|"
    r"元(?![素旦首宵器件])|"
    r"名(?![单称义誉片牌言列胜额字号录流嘴次])|"
    r"位(?![于置列居次数])|"
    r"人(?![才民员口类们士选物生工力事均文心性格权情间大气体身数手际群脉])|"
    r"个(?![人体性别案例税])|"
    r"家(?![庭长乡园族属居用电具务风教政书])|"
    r"项(?![目])|"
    r"场(?![所景地馆合域面站镇次])|"
    r"所(?![属在有以长得谓需为])|"
    r"批(?![准示复评判次])|"
    r"次(?![要序级生日年])|"
    r"部(?![署分长委属级队门位件落])|"
    r"篇(?![章])|件|册|座(?![谈])|处(?![理于长室置])|条(?![例件])|"
    r"台(?![湾阶])|套|支(?![持撑部出付])|种(?![类子植])|类(?![型别])|份(?![额])|"
    r"款(?![项])|期(?![间待刊限望末货])|户(?![籍外口])|辆|轮|层(?![次面级])|"
    r"大(?![会学型力幅量厦楼道街众赛使队专中小家概约都多于师奖批部])|岁|"
    r"市(?![场民级区县委政长内属直])"
)

_PERSON_UNITS = frozenset({"名", "位", "人"})

_QTY = re.compile(
    rf"(?P<pct>百分之(?P<pnum>[{_CN}点]+))"
    r"|(?P<frac>[零〇一二两三四五六七八九十百千]+分之[零〇一二两三四五六七八九十百点]+|一半)"
    rf"|(?P<num>\d+(?:,\d{{3}})*(?:\.\d+)?|[{_CN}]+(?:点[零〇一二三四五六七八九]+)?)"
    r"(?P<mid>余|多)?(?P<mag>万亿|千万|百万|万|亿|千)?(?P<post>余|多)?"
    rf"(?P<unit>{_UNIT_PATTERN})"
)

#: the characters a quantity starts with (a digit or a Chinese numeral: 百分之, 四分之三, 一半 too)
_QTY_STARTS = re.compile(rf"[\d{_CN}]")

# A duration: 连续三年, 为期5年 (a bare N年 is a year or a name part, never a duration by itself).
_DURATION = re.compile(
    rf"(?:连续|为期|长达|历时|坚持|持续)(?P<num>\d{{1,2}}|[{_CN}]{{1,3}})(?:个)?年(?![级代度前后底初末])"
)

_GROUP = (
    r"(?:全国|全省|全市|全区|全球|世界|国内|省内|市内|西部|东部|中部|东北|西南|西北|华东|华南|华北|"
    r"华中|中西部|同类城市|副省级城市|省会城市|计划单列市|直辖市)"
)
_STRONG_RANK_VERBS = frozenset(
    {"排名", "排在", "排行", "位居", "居于", "位列", "名列", "跃居", "跃升至", "跃升到"}
    | {"上升至", "上升到", "提升至", "提升到", "位次", "进入", "跻身"}
)
# A rank is found by its core (第N位, 首位, 前N) and then the words before it (its lead): a verb
# (排名, 位居 …) and/or the group it is taken in (全国, 西部 …). Matching the core first keeps the
# scan fast; the lead is matched backwards from the core.
_RANK_CORE = re.compile(
    r"第(?P<n>\d+|[一二两三四五六七八九十]+)(?P<pos>位|名)?"
    r"|(?P<first>首位|榜首)"
    r"|前(?P<top>\d+|[一二三四五六七八九十]+)(?P<toppos>位|名|强)?"
)
_RANK_LEAD = re.compile(
    r"(?P<verb>排名|排在|排行|位居|居于|位列|名列|跃居|跃升至|跃升到|上升至|上升到|提升至|提升到|"
    r"位次为?|进入|跻身|居|列|排)?"
    rf"(?P<grp>{_GROUP}(?:地区|省份|城市|各省份?|各地|各城市)?)?(?P<pm>排名)?$"
)

# A target year: the year (core), then the words before it (预计到, 力争, 到 …) matched backwards.
_TARGET_YEAR = re.compile(r"(?P<y>(?:19|20)\d\d)年(?:底|末|前|左右|时)?")
_TARGET_YEAR_LEAD = re.compile(
    r"(?:(?:预计|力争|争取|计划|确保|预期|目标是)(?:在|于)?(?:到|至)?|(?<![截直])(?:到|至))$"
)
_COMPLETION = re.compile(
    r"基本建成|全面建成|建设成为|建设成|打造成为|打造成|建成|成为|基本形成|形成|全面实现|实现|完成|"
    r"迈入|进入|跻身|达到"
)

_ANCHOR_PRE = re.compile(r"(?:较|比|与|同|相比|对比|自|从|到|至)$")
_YEAR_ANCHOR = re.compile(
    r"(?:(?P<y1>(?:19|20)\d\d)(?:[-—~至到](?P<y2>(?:19|20)\d\d))?年(?P<suf>底|末|初|前|以来)?"
    r"|(?P<rel>今年|去年|上年|明年|前年|目前|当前|至此|眼下|现阶段)(?P<relsuf>以来)?"
    r"|“?(?P<fyp>十一五|十二五|十三五|十四五|十五五)”?)"
)
#: the characters a time anchor starts with
_YEAR_ANCHOR_STARTS = re.compile(r"[12今去上明前目当至眼现“十]")
_FYP_YEARS: dict[str, tuple[int, int]] = {
    "十一五": (2006, 2010),
    "十二五": (2011, 2015),
    "十三五": (2016, 2020),
    "十四五": (2021, 2025),
    "十五五": (2026, 2030),
}

_TARGET_CUE = re.compile(
    r"预计|预期|力争|争取|确保|目标|计划(?=到|在|于|用|\d)|拟|有望|届时|"
    r"将(?![近其之军领士帅来])|要(?=达到|实现|突破|超过|力争|确保|建成)|"
    r"(?<![升高长加少低大降])(?:到|至)(?:19|20)\d\d年"  # (not 提升到2024年的: a change's end)
)
_ACTUAL_CUE = re.compile(r"已经|已|累计|截至|截止|先后|共计|此前|过去|以来|目前|现有")
_BA_VERBS = re.compile(r"作为|纳入|列入|列为|视为|当作|当成")

_CHANGE_VERBS = r"提高|增长|提升|增加|上升|下降|减少|降低|回落|增幅|降幅|增|降|扩大|缩小|高出|低于"
_CHANGE_TAIL = re.compile(
    r"(?P<base>(?:较|比|与)(?:(?:19|20)\d\d年|上年|去年|上一年|前一年|上年同期|去年同期|同期|上届|"
    r"上一届)(?:相比|同期)?,?)?"
    rf"(?P<rel>同比|环比)?(?P<verb>{_CHANGE_VERBS})"
    r"了?(?:约|近|超过|逾|达)?$"
)
#: the verbs of _CHANGE_TAIL (every change names one: without them, no search for the tail)
_CHANGE_VERB = re.compile(_CHANGE_VERBS)
_BASELINE = re.compile(
    r"(?:较|比|与)(?P<y>(?:19|20)\d\d年|上年|去年|上一年|前一年|上年同期|去年同期|同期|上届|上一届)"
    r"(?:相比)?"
)
# the units of a level figure whose indicator a change of the given unit takes over
_CHANGE_BASE: dict[str, frozenset[str]] = {
    "percentage-points": frozenset({"percent"}),
    "percent": frozenset({"percent", "count", "persons", "person-times", "yuan"}),
    "count": frozenset({"count"}),
    "persons": frozenset({"persons"}),
    "person-times": frozenset({"person-times"}),
    "yuan": frozenset({"yuan"}),
    "years": frozenset(),
}
_HAS_VERB = re.compile(
    r"设有|设立|开设|建有|已建成|累计建成|建成|已建立|建立了?|拥有|共有|举办|组建|推出|引进|培育|认定|"
    r"命名|评选出|吸纳|设|有"
)
_RISES_TO = re.compile(
    r"(?:提高|提升|增长|增加|上升|下降|降低|减少)(?:到|至)|[增升降]至|降到|达到|到"
)
_FALLS = frozenset({"下降", "减少", "降低", "回落", "降幅", "降", "缩小", "低于"})

_PREFIX = re.compile(
    r"(?P<w>不少于|不低于|不超过|不高于|不到|不足|超过|突破|高于|多于|大于|少于|低于|小于|未满|至少|最多|"
    r"将近|接近|大约|逾|约|近|超|上)了?$"
)
_SUFFIX = re.compile(r"及以上|及以下|以上|以下|以内|左右|上下")

#: slogans and idioms whose numerals are no figures (classes such as [三四五]位一体 spelled out, so
#: that the list is a grouped pattern of words: see .patterns)
_BLOCKED = re.compile(
    words_pattern(
        [
            "一带一路",
            "一区两群",
            "三位一体",
            "四位一体",
            "五位一体",
            "两个维护",
            "四个意识",
            "四个自信",
            "四个全面",
            "三个面向",
            "四个面向",
            "两个确立",
            "两个一百年",
            "三个代表",
            "两学一做",
            "三严三实",
            "八项规定",
            "百人计划",
            "千人计划",
            "万人计划",
            "百千万人才工程",
            "千家万户",
            "万家灯火",
            "百家争鸣",
            "一家一户",
            "五个一工程",
            "十个一",
            "三个一",
            "千方百计",
            "成千上万",
            "万人空巷",
            "千军万马",
            "三会一课",
            "最多跑一次",
            "一次性",
            "三下乡",
            "一网通办",
            "两个一",
            "三个确保",
            "十六大",
            "十七大",
            "十八大",
            "十九大",
            "二十大",
            "十六届",
            "十七届",
            "十八届",
            "十九届",
            "二十届",
        ]
    )
)
_OBJECT_BEFORE = re.compile(
    r"(?:与|和|同|跟|及|联合|会同|携手|向|对|从|在|给|助力|推动|支持|指导|帮助|帮扶|带动|面向|围绕|"
    r"赴|到|至|落户|协助|配合|服务|为|由|获得|获|经|依托|通过|按照|根据|邀请|颁发|捐建|捐赠|来自|除)$"
)
_LOCATIVE = re.compile(r"(?:^|[,;:。!?\n])(?:在|于)[^,;:。!?\n设建举开召成推是有将]{0,14}$")
_NOT_SUBJECT_AFTER = re.compile(r"记者|讯|报道|通讯员|客户端")
_PHONE_BEFORE = re.compile(r"(?:电话|热线|传真|邮编|手机|号码|QQ|微信)[::]?$")

_LEAD_STRIP = re.compile(
    r"^(?:本报讯\s*|[^\s,，。]{1,12}讯\s+|为了|为|同时|此外|另外|其中|并且|并|而且|确保|力争|争取|预计|计划|推动|推进|使|让|到|至|截至|截止|"
    r"在|于|已经|已|共有|共|累计|目前|现有|还|也|都|是|有|全年|其中|设有|设)"
)
_TIME_STRIP = re.compile(
    r"(?:(?:19|20)\d\d(?:[-—~至到](?:19|20)\d\d)?年(?:底|末|初|前|以来)?|今年(?:以来)?|去年|上年|明年|"
    r"“?十[一二三四五]五”?(?:时期|期间|以来|末|期末)?)"
)
_TRAIL_VERBS = re.compile(
    r"(?:达到了?|达|超过了?|突破|为|是|提高到|提升到|提高至|提升至|增长到|增至|增长至|上升到|上升至|"
    r"保持在|稳定在|不少于|不低于|至少|不到|不足|约|近|有|共有|共|累计|已经|已|将|吸纳了?|聘请了?|"
    r"培训了?|举办了?|开展了?|建成了?|建设了?|新增了?|新建了?|推进|推动|抓好|完成了?|组织了|"
    r"发展了?|拥有|覆盖了?|惠及|服务了?|带动了?|吸引了?|举行了?|打造了?|设立了?|成立了?|获得了?|"
    r"入选了?|评选出?|表彰了?|重点|同步|全力|积极|进一步|大力|已建|遴选|从|由|自|的|"
    r"要|需要|须|必须|应当|应|力争|争取|预计|确保|有望|可望)$"
)
_NOUN_STOP = re.compile(
    r"担任|参加|参与|成为|入选|获得|获评|荣获|走进|深入|开展|进行|参观|受益|覆盖|接受|完成|实现|带动|"
    r"服务于|聘任|聘请|加入|来自|共同|联合|组成|组建|建成|开设|设立|落户|发布|举办|提供|通过|颂|"
    r"带来|同步|当选|签约|揭牌|分布|全部|分别|领衔|牵头|参会|出席|到场|亮相|汇聚|集聚|聚焦|围绕|"
    r"助力|支持|建立|签订|签署|达成|推动|推进|组织|召开|启动|发起|获批|入驻|进驻|受聘|落地|挂牌|"
    r"等|被|将|已|在|为|于|"
    rf"[和与及、](?=\d|[{_CN_DIGITS}十百千])"
)
_HEAD_DE = re.compile(r"的(比例|比重|占比|数量|人数|规模|总数|总量|水平|覆盖率|普及率)$")
_BARE_TIME = re.compile(
    r"(?:预计|力争|到|至|截至|截止|在)?"
    r"(?:(?:19|20)\d\d年(?:底|末|初|前|以来|上半年|下半年|全年)?|今年(?:以来)?|去年|上年|"
    r"“?十[一二三四五]五”?(?:时期|期间|以来|末)?)"
)
_PLACE_HEADS = re.compile(
    r"(?:比例|比率|率|比重|占比|区县|县|区|乡镇|街道|村|社区|城市|省份|地市|市)$"
)
#: counts of divisions (区县, 地市 …): about the place that contains them, not one of them
_DIVISION_COUNT = re.compile(r"(?:区县|县|区|乡镇|街道|城市|省份|地市|市)(?:数量|数)?$")
#: a count of designated units of a level (省级…工作站, 全省…基地): about the place of that level
_LEVEL_UNITS = re.compile(
    r"(?:[^,，。；、]{0,8}的)?(?:省级|市级|县级|区级|全省|全市|省|市)[\u4e00-\u9fff]{0,8}(?:工作站|基地|站|中心|平台)"
)
#: terms of a scheme (每人每年15万元, 32岁以下, 连续三年): not dated
_STANDING = re.compile(r"每人|每年|每月|每项")

_TOPIC_LEAD = re.compile(
    # (a reporting clause may come first: 记者从省科协获悉，2023年…; 据统计，“十四五”以来…)
    r"[\s“]*(?:(?:据(?:统计|了解|介绍|悉)|[^，,。；;]{0,20}(?:获悉|了解到|介绍))[，,]\s*)?"
    r"(?:在|自|从|截至|截止|到|至|预计|力争)?"
)
_SENTENCE = re.compile(r"[^。!?\n]+[。!?]?")
_CONNECTIVE = re.compile(r"(?:为了|同时|此外|另外|而且|并且)")
_OWN_YEAR = re.compile(r"((?:19|20)\d\d)年的$")
_COUNTED_NOUN = re.compile(
    r"(?:项目|单位|企业|团体|机构|人才|专家|院士|站|基地|名额)[\d一二两三四五六七八九十百]"
)
_COMPOSED = re.compile(r"[\u4e00-\u9fff]{1,4}组成的")
_RATE_LEAD = re.compile(r"(?:平均|均为|约|达|为)*")
_PER_THOUSAND = re.compile(r"每[百千万]人中?有?$")
_RANKING_AFTER = re.compile(r"排名|排位|名次")
_SESSION_AFTER = re.compile(r"(?:全会|全体会议|会议|常委会|代表大会)")
_CLAUSE_BOUNDS = frozenset(",;。!?:\n—")
_CLAUSE_MARKS = re.compile("[" + re.escape("".join(sorted(_CLAUSE_BOUNDS | {"(", ")"}))) + "]")
_CLAUSE_MARKS_ENUM = re.compile(
    "[" + re.escape("".join(sorted(_CLAUSE_BOUNDS | {"(", ")", "、"}))) + "]"
)
_SENTENCE_END = frozenset("。!?\n")
_PARA_END = frozenset('。!?”"):;…')


# --------------------------------------------------------------------------------------- context


@dataclass(frozen=True, slots=True)
class _Anchor:
    begin: int
    end: int
    label: str | None  # "2020", "2015-2020", "十三五"
    start_year: int | None
    end_year: int | None
    baseline: bool  # 较2015年: a base of comparison, not the figure's own time


@dataclass(slots=True)
class _Figure:
    """A hit under construction (mutable while subject and indicator are settled)."""

    indicator: str
    value: Decimal
    unit: str
    kind: str
    year: str | None
    comparator: str | None
    begin: int
    end: int
    number_begin: int
    number_end: int
    rule: str
    measure: str | None
    approximate: bool
    subject: str | None
    sentence: int


class _Article:
    """Everything about the text that every hit looks up: masks, anchors, sentences, mentions."""

    def __init__(
        self,
        text: str,
        sentences: Sequence[tuple[int, int]],
        mentions: Sequence[MentionRef],
        default_subject: str | None,
        article_year: int | None,
    ) -> None:
        self.text = text
        self.article_year = article_year
        self.default_subject = default_subject
        self.topic_subject: str | None = None  # what the headline is about (an event, a programme)
        self.last_change_span: str | None = None  # the base..year span of the last change stated
        self.all_mentions = sorted(mentions, key=lambda m: (m.begin, m.end))
        if not sentences:  # split here, once, rather than per figure
            sentences = [(m.start(), m.end()) for m in _SENTENCE.finditer(text)]
        self.sentences = sorted((b, e) for b, e in sentences if 0 <= b < e <= len(text))
        self.sentence_begins = [b for b, _ in self.sentences]
        self.titles = _title_spans(text)
        self.quotes = _quote_spans(text)
        self.paragraphs = _paragraph_starts(text)
        self.anchors = self._anchors()
        self.anchor_begins = [a.begin for a in self.anchors]
        self.mentions = sorted(
            (
                m
                for m in mentions
                if m.cls in _SUBJECT_CLASSES and 0 <= m.begin < m.end <= len(text)
            ),
            key=lambda m: (m.begin, m.end),
        )
        self.mention_begins = [m.begin for m in self.mentions]
        self._eligible: dict[int, bool] = {}  # index in self.mentions -> eligible(mention)
        self.home = _home_place(text, mentions)

    # -- spans
    def in_title(self, pos: int) -> bool:
        return _inside(self.titles, pos)

    def quote_at(self, pos: int) -> tuple[int, int] | None:
        i = bisect.bisect_right(self.quotes, (pos, len(self.text) + 1)) - 1
        if i >= 0 and self.quotes[i][0] <= pos < self.quotes[i][1]:
            return self.quotes[i]
        return None

    def is_blocked(self, pos: int) -> bool:
        """Whether ``pos`` lies inside a slogan or idiom (一带一路, 三位一体 …)."""
        # Searched in a window around each candidate only: one scan of the whole text for the
        # alternation would cost more than all candidates together.
        lo = max(0, pos - 8)
        return any(m.start() <= pos < m.end() for m in _BLOCKED.finditer(self.text, lo, pos + 9))

    def sentence_of(self, pos: int) -> tuple[int, int]:
        i = bisect.bisect_right(self.sentence_begins, pos) - 1
        if i >= 0 and self.sentences[i][0] <= pos < self.sentences[i][1]:
            return self.sentences[i]
        # A position no sentence covers (a headline, a caption): its own line-or-sentence.
        lo = pos
        while lo > 0 and self.text[lo - 1] not in _SENTENCE_END:
            lo -= 1
        hi = pos
        while hi < len(self.text) and self.text[hi] not in _SENTENCE_END:
            hi += 1
        return lo, min(hi + 1, len(self.text))

    def paragraph_start(self, pos: int) -> int:
        i = bisect.bisect_right(self.paragraphs, pos) - 1
        return self.paragraphs[i] if i >= 0 else 0

    # -- time
    def _anchors(self) -> list[_Anchor]:
        anchors: list[_Anchor] = []
        year = self.article_year
        for m in finditer_from(_YEAR_ANCHOR, _YEAR_ANCHOR_STARTS, self.text):
            if self.in_title(m.start()):
                continue
            pre_match = _ANCHOR_PRE.search(self.text, max(0, m.start() - 2), m.start())
            pre = pre_match.group() if pre_match else ""
            baseline = pre in {"较", "比", "与", "同", "相比", "对比"}
            begin = m.start()
            if m.group("y1"):
                y1 = int(m.group("y1"))
                if m.group("y2"):
                    y2 = int(m.group("y2"))
                    label, start, end = f"{y1}-{y2}", y1, y2
                elif m.group("suf") == "以来" or (
                    pre in {"自", "从"} and not self.text.startswith("的", m.end())
                ):
                    end = year if year and year > y1 else y1
                    label, start = (f"{y1}-{end}" if end != y1 else str(y1)), y1
                else:
                    label, start, end = str(y1), y1, y1
            elif m.group("rel"):
                if year is None:
                    anchors.append(_Anchor(begin, m.end(), None, None, None, baseline))
                    continue
                shift = {"去年": -1, "上年": -1, "明年": 1, "前年": -2}.get(m.group("rel"), 0)
                label, start, end = str(year + shift), year + shift, year + shift
            else:
                fyp = m.group("fyp")
                start, end = _FYP_YEARS[fyp]
                label = fyp
            anchors.append(_Anchor(begin, m.end(), label, start, end, baseline))
        return anchors

    def anchor_before(
        self, lo: int, hi: int, *, baseline: bool = False, topic: bool = False
    ) -> _Anchor | None:
        """The last anchor inside ``[lo, hi)`` (time anchors, or base-of-comparison anchors).

        With ``topic``, only an anchor that opens its sentence (“十三五”时期, …; 2020年, …) counts:
        it sets the time of the sentences after it, where a year in passing does not.
        """
        i = bisect.bisect_left(self.anchor_begins, hi) - 1
        while i >= 0 and self.anchors[i].begin >= lo:
            anchor = self.anchors[i]
            if (
                anchor.end <= hi
                and anchor.baseline == baseline
                and anchor.label is not None
                and (not topic or self.opens_sentence(anchor))
            ):
                return anchor
            i -= 1
        return None

    def anchor_after(self, lo: int, hi: int) -> _Anchor | None:
        """An anchor inside ``[lo, hi)`` introduced by 于/在 (…35个团体于2003年共同发起)."""
        i = bisect.bisect_left(self.anchor_begins, lo)
        while i < len(self.anchors) and self.anchors[i].begin < hi:
            anchor = self.anchors[i]
            if (
                anchor.label is not None
                and not anchor.baseline
                and anchor.begin > 0
                and self.text[anchor.begin - 1] in "于在"
                and anchor.end <= hi
            ):
                return anchor
            i += 1
        return None

    def opens_sentence(self, anchor: _Anchor) -> bool:
        s_lo, _ = self.sentence_of(anchor.begin)
        return bool(_TOPIC_LEAD.fullmatch(self.text, s_lo, anchor.begin))

    # -- subjects
    def eligible(self, m: MentionRef) -> bool:
        text = self.text
        if self.in_title(m.begin):
            return False
        quote = self.quote_at(m.begin)
        if quote is not None and not (m.begin <= quote[0] and m.end >= quote[1]):
            return False  # a word inside a quoted name, not the quoted name itself
        if _OBJECT_BEFORE.search(text, max(0, m.begin - 2), m.begin):
            return False
        if _LOCATIVE.search(text, max(0, m.begin - 16), m.begin):
            return False  # 在西部(重庆)科学城大创谷园区设立…: a place where, not who
        return not _NOT_SUBJECT_AFTER.match(text, m.end)

    def mentions_in(self, lo: int, hi: int) -> list[MentionRef]:
        """Eligible mentions lying inside ``[lo, hi)``, nearest to ``hi`` first."""
        i = bisect.bisect_left(self.mention_begins, lo)
        found = []
        while i < len(self.mentions) and self.mentions[i].begin < hi:
            m = self.mentions[i]
            if m.end <= hi:
                ok = self._eligible.get(i)
                if ok is None:  # decided once per mention: it depends on the text alone
                    ok = self._eligible[i] = self.eligible(m)
                if ok:
                    found.append(m)
            i += 1
        found.reverse()
        return found


def _inside(spans: list[tuple[int, int]], pos: int) -> bool:
    i = bisect.bisect_right(spans, (pos, 1 << 62)) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


def _title_spans(text: str) -> list[tuple[int, int]]:
    """《…》 spans; a title the page layout broke may run over lines (at most 300 characters)."""
    spans: list[tuple[int, int]] = []
    pos = text.find("《")
    while pos >= 0:
        close = text.find("》", pos + 1, pos + 300)
        reopen = text.find("《", pos + 1, close if close >= 0 else pos + 300)
        if close < 0 or reopen >= 0:
            line_end = text.find("\n", pos)
            end = line_end if line_end >= 0 else len(text)
            if reopen >= 0:
                end = min(end, reopen)
        else:
            end = close + 1
        spans.append((pos, end))
        pos = text.find("《", max(end, pos + 1))
    return spans


def _quote_spans(text: str) -> list[tuple[int, int]]:
    """Interiors “…” of quotations that are names (no sentence punctuation inside)."""
    spans: list[tuple[int, int]] = []
    for m in re.finditer(r"“([^“”\n]{1,80})”", text):
        inner = m.group(1)
        if any(c in inner for c in ",。;!?"):
            continue  # quoted speech, not a name: its numbers are ordinary figures
        spans.append((m.start(1), m.end(1)))
    return spans


def _paragraph_starts(text: str) -> list[int]:
    """Starts of paragraphs, not trusting line breaks that cut a sentence (page-layout breaks)."""
    starts = [0]
    previous = ""
    pos = 0
    for line in text.splitlines(keepends=True):
        stripped = line.strip()
        if stripped:
            if previous and (previous[-1] in _PARA_END or len(previous) <= 24):
                starts.append(pos)
            previous = stripped
        pos += len(line)
    return starts


def _home_place(text: str, mentions: Sequence[MentionRef]) -> str | None:
    counts = Counter(
        m.key
        for m in mentions
        if m.cls == "Place"
        and 0 <= m.begin < m.end <= len(text)
        and text[m.begin : m.end] in _HOME_WORDS
    )
    return counts.most_common(1)[0][0] if counts else None


# --------------------------------------------------------------------------------------- clauses


def _clause(text: str, pos: int, lo: int, hi: int, *, enum_comma: bool = False) -> tuple[int, int]:
    """The clause around ``pos`` in ``[lo, hi)``: split at , ; : 。 and dashes, not in brackets."""
    marks = _CLAUSE_MARKS_ENUM if enum_comma else _CLAUSE_MARKS  # the bounds and brackets
    depth = 0
    b = lo if pos > lo else pos
    for at in reversed([m.start() for m in marks.finditer(text, lo, pos)]):
        c = text[at]
        if c == ")":
            depth += 1
        elif c == "(":
            depth = max(0, depth - 1)
        elif depth == 0:
            b = at + 1
            break
    depth = 0
    e = hi if pos < hi else pos
    for m in marks.finditer(text, pos, hi):
        c = m.group()
        if c == "(":
            depth += 1
        elif c == ")":
            depth = max(0, depth - 1)
        elif depth == 0:
            e = m.start()
            break
    while b < e and text[b].isspace():
        b += 1
    while e > b and text[e - 1].isspace():
        e -= 1
    return b, e


def _trim_lead(text: str, begin: int, end: int) -> int:
    m = _CONNECTIVE.match(text[begin:end])
    return begin + m.end() if m and begin + m.end() < end else begin


def _strip_noun(phrase: str, mentions: Sequence[str] = ()) -> str:
    """Reduce the words before a number to the noun phrase measured."""
    phrase = _TIME_STRIP.sub("", phrase)
    words = tuple(word for word in mentions if word) + _HOME_WORDS_IN_ORDER
    for _ in range(6):
        before = phrase
        phrase = phrase.strip(" ,、“”\"'")
        phrase = _LEAD_STRIP.sub("", phrase)
        if phrase.startswith(words):  # (mostly none does: then the loop would change nothing)
            for word in words:
                if phrase.startswith(word) and len(phrase) > len(word):  # (a name counted stays)
                    phrase = phrase[len(word) :]
        phrase = _TRAIL_VERBS.sub("", phrase)
        if phrase == before:
            break
    head = _HEAD_DE.search(phrase)  # (one match at most: it ends the phrase)
    if head is not None:
        phrase = phrase[: head.start()] + head.group(1) + phrase[head.end() :]
    return phrase[-40:]


# --------------------------------------------------------------------------------------- finder


def find_figures(
    text: str,
    sentences: Sequence[tuple[int, int]],
    mentions: Sequence[MentionRef],
    *,
    default_subject: str | None,
    article_year: int | None,
    topic_subject: str | None = None,
) -> list[FigureHit]:
    """Return the figures ``text`` states, in text order.

    ``sentences`` are ``(begin, end)`` offsets into ``text``; ``mentions`` are the entity mentions
    found in it (with 全市/我市 … resolved to the home place); ``default_subject`` is the key of the
    entity a figure is about when its sentence and paragraph name none (the 科协 or the place);
    ``article_year`` resolves 今年/去年 and tells targets from actuals.
    """
    art = _Article(text, sentences, mentions, default_subject, article_year)
    art.topic_subject = topic_subject
    figures: list[_Figure] = []
    used: list[tuple[int, int]] = []
    for rank in _ranks(art):
        figures.append(rank)
        used.append((rank.number_begin, rank.number_end))
    for figure in [*_target_years(art), *_durations(art)]:
        figures.append(figure)
        used.append((figure.number_begin, figure.number_end))
    used.sort()
    for figure in _quantities(art):
        if not _overlaps(used, figure.number_begin, figure.number_end):
            figures.append(figure)
    figures.sort(key=lambda f: (f.number_begin, f.number_end))
    _settle(art, figures)
    figures = _drop_thresholds(art, figures)
    figures = _shared_by_list(art, figures)
    figures = _drop_headline_repeats(art, figures)
    return [
        FigureHit(
            indicator=f.indicator,
            subject=f.subject,
            value=f.value,
            unit=f.unit,
            kind=f.kind,
            year=f.year,
            comparator=f.comparator,
            begin=f.begin,
            end=f.end,
            number_begin=f.number_begin,
            number_end=f.number_end,
            rule=f.rule,
            measure=f.measure,
            approximate=f.approximate,
        )
        for f in figures
        if f.subject is not None
    ]


def _drop_thresholds(art: _Article, figures: list[_Figure]) -> list[_Figure]:
    """等9市达到或超过10%, 首次迈过10%门槛: the bar the counted places pass, no one's value."""
    text = art.text
    out = []
    for f in figures:
        if f.unit == "percent":
            if text.startswith(("门槛", "大关", "关口"), f.number_end + 1):
                continue
            lo = max(
                f.sentence,
                text.rfind("，", 0, f.number_begin) + 1,
                text.rfind(",", 0, f.number_begin) + 1,
            )
            if any(
                g is not f
                and g.unit == "count"
                and lo <= g.number_begin < f.number_begin
                and g.subject == art.home
                for g in figures
            ):
                continue
        out.append(f)
    return out


def _shared_by_list(art: _Article, figures: list[_Figure]) -> list[_Figure]:
    """安庆、黄山(均为12.5%), 合肥、芜湖两市…均提高3个百分点: one value, each place of the list."""
    text = art.text
    out = []
    for f in figures:
        out.append(f)
        if f.subject is None or not f.subject.startswith("Place/"):
            continue
        lo = max(f.sentence, text.rfind("。", 0, f.number_begin) + 1)
        if "均" not in text[max(lo, f.number_begin - 12) : f.number_begin]:
            continue
        places = [
            m for m in art.all_mentions if m.cls == "Place" and lo <= m.begin < f.number_begin
        ]
        subject = next((m for m in reversed(places) if m.key == f.subject), None)
        if subject is None:
            continue
        i = j = places.index(subject)
        while i > 0 and text[places[i - 1].end : places[i].begin] in {"、", "和", "及", "与"}:
            i -= 1
        while j + 1 < len(places) and text[places[j].end : places[j + 1].begin] in {
            "、",
            "和",
            "及",
            "与",
        }:
            j += 1
        listed = places[i : j + 1]
        if len(listed) < 2:
            continue
        out.pop()
        end = max(f.number_end + 1, text.find(")", f.number_begin, f.number_begin + 8) + 1)
        for other in listed:
            # each place its own evidence, from its name to the value (安庆、黄山(均为12.5%) / 黄
            # 山(均为12.5%))
            copy = _copy(f, other.key)
            copy.begin, copy.end = other.begin, end
            out.append(copy)
    return out


def _bracketed(text: str, pos: int) -> bool:
    """Whether ``pos`` lies inside round brackets (an aside: 在中部地区(平均11.97%)排第2位)."""
    open_at = text.rfind("(", max(0, pos - 8), pos)
    return open_at >= 0 and ")" not in text[open_at:pos]


def _copy(f: _Figure, subject: str) -> _Figure:
    return _Figure(
        f.indicator,
        f.value,
        f.unit,
        f.kind,
        f.year,
        f.comparator,
        f.begin,
        f.end,
        f.number_begin,
        f.number_end,
        f.rule,
        f.measure,
        f.approximate,
        subject,
        f.sentence,
    )


def _in_headline(text: str, pos: int) -> bool:
    """A short line without sentence punctuation: a headline, kicker or caption."""
    lo = text.rfind("\n", 0, pos) + 1
    hi = text.find("\n", pos)
    line = text[lo : hi if hi >= 0 else len(text)].strip()
    # headlines separate their parts with spaces; a line with a comma is a broken body line
    return len(line) <= 40 and not any(c in line for c in "。!?;,:")


def _drop_headline_repeats(art: _Article, figures: list[_Figure]) -> list[_Figure]:
    """A headline figure the body states again is one fact: keep the body's statement."""

    def key(f: _Figure) -> tuple[Decimal, str]:
        return (f.value, f.unit)

    headline = [_in_headline(art.text, f.number_begin) for f in figures]
    stated = {key(f) for f, head in zip(figures, headline, strict=True) if not head}
    return [f for f, head in zip(figures, headline, strict=True) if not (head and key(f) in stated)]


def _overlaps(spans: list[tuple[int, int]], begin: int, end: int) -> bool:
    i = bisect.bisect_left(spans, (end, -1)) - 1  # the last span that starts before ``end``
    return i >= 0 and spans[i][1] > begin


# -- numbers with units


def _quantities(art: _Article) -> list[_Figure]:
    text = art.text
    found: list[_Figure] = []
    for m in finditer_from(_QTY, _QTY_STARTS, text):
        start = m.start()
        if m.group("frac"):
            figure = _fraction(art, m)
            if figure is not None:
                found.append(figure)
            continue
        if m.group("pct"):
            num_begin, num_end = m.start("pnum"), m.end("pnum")
            numeral, unit_word, unit_end = m.group("pnum"), "%", m.end()
        else:
            num_begin, num_end = m.start("num"), m.end("num")
            numeral, unit_word, unit_end = m.group("num"), m.group("unit"), m.end("unit")
        if _rejected(art, m, start, numeral, unit_word):
            continue
        try:
            value = parse_number(numeral)
        except ValueError:
            continue
        if m.group("mag"):
            value = canonical(value * parse_number("1" + m.group("mag")))
            num_end = m.end("mag")
        comparator: str | None = None
        approximate = False
        pre = _PREFIX.search(text, max(0, start - 4), start)
        if pre:
            word = pre.group("w")
            if word == "上" and not _bare_magnitude(numeral):
                word = ""
            if word in APPROX_PREFIXES:
                approximate = True
            elif word:
                comparator = PREFIX_COMPARATORS.get(word)
        if m.group("mid") or m.group("post"):
            comparator = SUFFIX_COMPARATORS[m.group("mid") or m.group("post")]
        suffix = _SUFFIX.match(text, unit_end)
        if suffix:
            if suffix.group() in APPROX_PREFIXES:
                approximate = True
            else:
                comparator = SUFFIX_COMPARATORS[suffix.group()]
        unit, measure, rule = _unit(unit_word)
        found.append(
            _Figure(
                indicator="",
                value=value,
                unit=unit,
                kind="",
                year=None,
                comparator=comparator,
                begin=num_begin,
                end=unit_end,
                number_begin=num_begin,
                number_end=num_end,
                rule=rule,
                measure=measure,
                approximate=approximate,
                subject=None,
                sentence=-1,
            )
        )
    return found


def _durations(art: _Article) -> list[_Figure]:
    found = []
    for m in _DURATION.finditer(art.text):
        if art.in_title(m.start()) or art.quote_at(m.start()) is not None:
            continue
        try:
            value = parse_number(m.group("num"))
        except ValueError:
            continue
        found.append(
            _Figure(
                indicator="",
                value=value,
                unit="years",
                kind="",
                year=None,
                comparator=None,
                begin=m.start(),
                end=m.end(),
                number_begin=m.start("num"),
                number_end=m.end("num"),
                rule="figure-duration",
                measure="年",
                approximate=False,
                subject=None,
                sentence=-1,
            )
        )
    return found


def _fraction(art: _Article, m: re.Match[str]) -> _Figure | None:
    """四分之三, 一半: a share, as a percentage."""
    text = art.text
    start, end = m.start(), m.end()
    if art.in_title(start) or art.is_blocked(start) or art.quote_at(start) is not None:
        return None
    pre = _PREFIX.search(text, max(0, start - 4), start)
    suffix = _SUFFIX.match(text, end)
    # 一半 is a share only where the text weighs it (占…的一半, 超过一半, 一半以上).
    if m.group() == "一半" and not (pre or suffix or (start > 0 and text[start - 1] in "的占")):
        return None
    try:
        value = parse_fraction(m.group())
    except ValueError:
        return None
    comparator: str | None = None
    approximate = False
    for word in (pre.group("w") if pre else "", suffix.group() if suffix else ""):
        if word in APPROX_PREFIXES:
            approximate = True
        elif word in PREFIX_COMPARATORS:
            comparator = PREFIX_COMPARATORS[word]
        elif word in SUFFIX_COMPARATORS:
            comparator = SUFFIX_COMPARATORS[word]
    return _Figure(
        indicator="",
        value=value,
        unit="percent",
        kind="",
        year=None,
        comparator=comparator,
        begin=start,
        end=suffix.end() if suffix else end,
        number_begin=start,
        number_end=end,
        rule="figure-fraction",
        measure=None,
        approximate=approximate,
        subject=None,
        sentence=-1,
    )


def _unit(word: str) -> tuple[str, str | None, str]:
    if word in {"个百分点", "百分点"}:
        return "percentage-points", None, "figure-percentage-points"
    if word == "%":
        return "percent", None, "figure-percent"
    if word == "人次":
        return "person-times", "人次", "figure-person-times"
    if word == "周年":
        return "years", "周年", "figure-anniversary"
    if word == "岁":
        return "years", "岁", "figure-age"
    if word == "元":
        return "yuan", "元", "figure-yuan"
    if word in _PERSON_UNITS:
        return "persons", word, "figure-persons"
    return "count", word, "figure-count"


def _bare_magnitude(numeral: str) -> bool:
    return numeral[0] in "百千万亿佰仟"


def _rejected(art: _Article, m: re.Match[str], start: int, numeral: str, unit: str) -> bool:
    """True when the number at ``m`` is an ordinal, a date part, a name, a slogan or vague."""
    text = art.text
    prev = text[start - 1] if start > 0 else ""
    if prev == "第" or prev == "届" or (prev == "前" and unit in {"名", "位"}):
        return True
    if art.in_title(start) or art.is_blocked(start) or art.is_blocked(m.end() - 1):
        return True
    if prev == "每" or _PER_THOUSAND.search(text[max(0, start - 5) : start]):
        return True  # 每千人中有128人: a rate per thousand (the article states it as a percentage)
    if _RANKING_AFTER.match(text[m.end() : m.end() + 2]):
        return True  # 两项排名均持平: the rankings stated before, not a count
    quote = art.quote_at(start)
    if quote is not None:
        inner = quote[1] - quote[0]
        # A short quoted name (“三长”, “四个面向”) is a name; a long one (a campaign title) may
        # state a head count, which is a figure.
        if inner <= 6 or unit not in _PERSON_UNITS:
            return True
    if numeral[0].isdigit():
        if prev.isdigit() or prev == "." or ("A" <= prev <= "z"):
            return True
        if numeral[0] == "0" and len(numeral) > 1 and numeral[1].isdigit():
            return True  # 023…: a phone or code
        if (
            prev
            and prev in "-~～至到"
            and start >= 2
            and (text[start - 2].isdigit() or text[start - 2] in _CN)
        ):
            return True  # the upper end of a range (3-5个)
        return bool(_PHONE_BEFORE.search(text, max(0, start - 4), start))
    # Chinese numerals
    if unit == "市":
        return True  # 两市: "both cities"; a count of cities is written in digits (等9市)
    if prev and (prev in "数几成若" or prev in _CN):
        return True
    if numeral in {"一", "壹", "单"}:
        return True  # 一批, 一个, 一次: "a", not a count
    if any(a in _CN_DIGITS and b in _CN_DIGITS for a, b in itertools.pairwise(numeral)):
        return True  # 三五家, 两三个, 二〇二一: approximate ranges or digit strings
    if _bare_magnitude(numeral):
        if numeral in {"千万", "万千", "万万", "亿万"}:
            return True
        if unit not in {"名", "位", "人", "人次", "场", "家", "个", "项", "所"}:
            return True
    if unit == "次" and _SESSION_AFTER.match(text[m.end() : m.end() + 4]):
        return True  # 八次全会: a session's ordinal
    return prev == "星" or prev == "周"


# -- ranks


def _ranks(art: _Article) -> list[_Figure]:
    text = art.text
    found: list[_Figure] = []
    for m in _RANK_CORE.finditer(text):
        lead = _RANK_LEAD.search(text, max(0, m.start() - 14), m.start())
        verb = lead.group("verb") if lead else None
        grp = lead.group("grp") if lead else None
        if not verb and not grp and not (lead and lead.group("pm")):
            continue
        strong = (bool(verb) and verb in _STRONG_RANK_VERBS) or bool(lead and lead.group("pm"))
        start = lead.start() if lead else m.start()
        if m.group("n") is not None:
            if not strong and not m.group("pos"):
                continue
            numeral, num_begin, num_end = m.group("n"), m.start("n"), m.end("n")
            comparator = None
        elif m.group("first"):
            numeral, num_begin, num_end = "1", m.start("first"), m.end("first")
            comparator = None
        else:
            if not strong and not m.group("toppos"):
                continue
            numeral, num_begin, num_end = m.group("top"), m.start("top"), m.end("top")
            comparator = "<="
        if art.in_title(num_begin) or art.quote_at(num_begin) is not None:
            continue
        try:
            value = parse_number(numeral)
        except ValueError:
            continue
        found.append(
            _Figure(
                indicator=grp or "",  # the group; the indicator is completed in _settle
                value=value,
                unit="rank",
                kind="rank",
                year=None,
                comparator=comparator,
                begin=start,
                end=m.end(),
                number_begin=num_begin,
                number_end=num_end,
                rule="figure-rank",
                measure=None,
                approximate=False,
                subject=None,
                sentence=-1,
            )
        )
    return found


# -- target years


def _target_years(art: _Article) -> list[_Figure]:
    text = art.text
    found: list[_Figure] = []
    for m in _TARGET_YEAR.finditer(text):
        lead = _TARGET_YEAR_LEAD.search(text, max(0, m.start() - 6), m.start())
        if lead is None or art.in_title(m.start()) or art.quote_at(m.start()) is not None:
            continue
        s_lo, s_hi = art.sentence_of(m.start("y"))
        # The clause after the year (the year may close its own clause: 预计到2025年,重庆将…).
        after = m.end()
        while after < s_hi and text[after] in ", ":
            after += 1
        if after >= s_hi:
            continue
        c_lo, c_hi = _clause(text, after, s_lo, s_hi)
        if c_lo < after:
            c_lo = after
        clause = text[c_lo:c_hi]
        verb = _COMPLETION.search(clause)
        if verb is None or _QTY.search(clause) or re.search(r"\d", clause):
            continue
        indicator = clause[verb.start() :].rstrip("。,;") + "的目标年份"
        figure = _Figure(
            indicator=indicator,
            value=Decimal(m.group("y")),
            unit="year",
            kind="target",
            year=m.group("y"),
            comparator=None,
            begin=lead.start(),
            end=c_hi,
            number_begin=m.start("y"),
            number_end=m.end("y"),
            rule="figure-target-year",
            measure=None,
            approximate=False,
            subject=None,
            sentence=-1,
        )
        subjects = art.mentions_in(c_lo, c_lo + verb.start())
        if subjects:
            figure.subject = subjects[-1].key  # the first one after the year
        found.append(figure)
    return found


# -- context: evidence, year, kind, indicator, subject


def _settle(art: _Article, figures: list[_Figure]) -> None:
    text = art.text
    previous: _Figure | None = None
    # the last rate or count of the sentence: the base of a change or a rank after it
    level: _Figure | None = None
    for figure in figures:
        s_lo, s_hi = art.sentence_of(figure.number_begin)
        figure.sentence = s_lo
        match_begin, unit_end = figure.begin, figure.end
        same_sentence = previous if previous is not None and previous.sentence == s_lo else None
        if level is not None and level.sentence != s_lo:
            level = None
        if figure.rule == "figure-target-year":
            _settle_subject(art, figure, s_lo, figure.begin, figure.begin, prefer_place=True)
            previous = figure
            continue
        rank = figure.unit == "rank"
        c_lo, c_hi = _clause(text, figure.number_begin, s_lo, s_hi, enum_comma=rank)
        quote = art.quote_at(figure.number_begin)
        if quote is not None:
            c_lo, c_hi = max(c_lo, quote[0]), min(c_hi, quote[1])
        # Evidence: the clause, with a bare time clause before it (2020年, …).
        begin = _trim_lead(text, c_lo, figure.number_begin)
        if c_lo > s_lo and quote is None:
            p_lo, p_hi = _clause(text, c_lo - 1, s_lo, s_hi)
            if p_hi > p_lo and _BARE_TIME.fullmatch(text[p_lo:p_hi]):
                begin = p_lo
        figure.begin, figure.end = begin, max(c_hi, figure.end)
        before = text[c_lo : figure.number_begin]
        if quote is None:
            pre = _PREFIX.search(before)
            if pre:
                before = before[: pre.start()]
        mention_words = [text[m.begin : m.end] for m in art.mentions_in(c_lo, figure.number_begin)]

        # year and kind
        anchor = art.anchor_after(figure.number_end, c_hi) or art.anchor_before(
            s_lo, figure.number_begin
        )
        para_anchor = None
        if anchor is None:
            para_anchor = art.anchor_before(art.paragraph_start(s_lo), s_lo, topic=True)
        chosen = anchor or para_anchor
        figure.year = (
            chosen.label if chosen else (str(art.article_year) if art.article_year else None)
        )
        own_year = _OWN_YEAR.search(text, max(0, figure.number_begin - 8), figure.number_begin)
        if own_year:
            figure.year = own_year.group(1)  # 较2020年的10.80%: the base value is of its own year
        if figure.measure == "岁" or _STANDING.search(text[c_lo:c_hi]):
            figure.year = None  # the terms of a scheme hold at no particular time

        change = (
            _CHANGE_TAIL.search(before)
            if figure.rule != "figure-fraction" and _CHANGE_VERB.search(before)
            else None
        )
        # a count or amount is a change only against a base (较上届增加300人, 同比增长2亿元)
        if (
            change is not None
            and figure.unit not in {"percentage-points", "percent"}
            and not (change.group("base") or change.group("rel"))
        ):
            change = None
        if figure.unit == "percentage-points" or change is not None:
            base_level = (
                level if level is not None and level.unit in _CHANGE_BASE[figure.unit] else None
            )
            _settle_change(art, figure, change, before, s_lo, base_level, chosen)
        elif rank:
            figure.kind = "rank"
            group = figure.indicator or _rank_group(text[c_lo:match_begin])
            base = (
                level.indicator if level is not None and level.unit in {"percent", "yuan"} else ""
            )
            if not base:
                base = _strip_noun(re.sub(r"在.*$", "", text[c_lo:match_begin]), mention_words)
            figure.indicator = f"{base}在{group}中的排名" if group else f"{base}排名"
        else:
            figure.kind = _kind(art, figure.number_begin, s_lo, anchor, para_anchor)
            if (
                level is not None
                and level.number_begin >= c_lo
                and level.unit == figure.unit
                and _RISES_TO.search(text, level.number_end, figure.number_begin)
            ):
                # 从2015年的8.3%提高到2022年的15.6%: the second value measures the same thing
                figure.indicator = level.indicator
            else:
                figure.indicator = _indicator(text, figure, before, unit_end, c_hi, mention_words)

        # a change or rank with no name of its own is about what the figure before it is about
        if (
            (figure.unit in {"percentage-points", "rank"} or figure.kind == "change")
            and same_sentence is not None
            and same_sentence.subject
            and not art.mentions_in(c_lo, figure.number_begin)
            and not _bracketed(text, same_sentence.number_begin)
        ):
            figure.subject = same_sentence.subject
        if figure.subject is None:
            exclude_from = figure.number_begin
            if rank:
                # the group a rank is taken in (在全国…中, 全省第一) is not what is ranked
                group_at = text.rfind("在", c_lo, match_begin)
                exclude_from = group_at if group_at >= 0 else match_begin
            prefer_place = bool(_PLACE_HEADS.search(figure.indicator.removesuffix("数量")))
            if rank and level is not None:
                prefer_place = prefer_place or bool(_PLACE_HEADS.search(level.indicator))
            if (
                figure.unit == "count"
                and art.home
                and (
                    _DIVISION_COUNT.search(figure.indicator)
                    or figure.measure in {"市", "县", "区"}
                    or re.match(
                        r"(?:市|县|区县|地市|城市|乡镇|区)(?![\u4e00-\u9fff]{0,2}(?:科协|政府|委))",
                        text[figure.number_end + len(figure.measure or "") :],
                    )
                    or _LEVEL_UNITS.match(
                        text, figure.end - 1 if figure.measure else figure.number_end
                    )
                    or _LEVEL_UNITS.match(text, figure.number_end + len(figure.measure or ""))
                    or re.match(
                        r"(?:全省|全市|全区|全县|我省|我市)",
                        text[_lead_of(text, c_lo) : figure.number_begin],
                    )
                )
            ):
                figure.subject = art.home  # 其余15个市, 16家省级…工作站, 全省…工作站已达145家
            _settle_subject(
                art, figure, s_lo, c_lo, exclude_from, prefer_place=prefer_place, previous=previous
            )
        if _bracketed(text, figure.number_begin):
            continue  # an aside in brackets neither sets the level nor the subject of what follows
        if figure.kind in {"actual", "target"}:
            level = figure
        previous = figure


def _settle_change(
    art: _Article,
    figure: _Figure,
    change: re.Match[str] | None,
    before: str,
    s_lo: int,
    level: _Figure | None,
    anchor: _Anchor | None,
) -> None:
    text = art.text
    figure.kind = "change"
    figure.rule = "figure-change-" + {"percentage-points": "points"}.get(figure.unit, figure.unit)
    verb = change.group("verb") if change else ""
    if verb in _FALLS:
        figure.value = -figure.value
    base_anchor = art.anchor_before(s_lo, figure.number_begin, baseline=True)
    baseline = (
        _BASELINE.search(text, base_anchor.begin - 2, base_anchor.end) if base_anchor else None
    )
    own = art.anchor_before(s_lo, base_anchor.begin if base_anchor else figure.number_begin)
    end_year = own.end_year if own else art.article_year
    if base_anchor is not None and base_anchor.start_year is not None:
        figure.year = f"{base_anchor.start_year}-{end_year}" if end_year else base_anchor.label
    elif (
        baseline is not None
        and baseline.group("y") in {"上年", "去年", "上一年", "前一年"}
        and end_year
    ):
        figure.year = f"{end_year - 1}-{end_year}"
    elif art.last_change_span is not None:
        figure.year = art.last_change_span  # 均提高约3个百分点: against the base the report uses
    elif own is not None:
        figure.year = own.label
    elif anchor is not None:
        figure.year = anchor.label
    if figure.year and "-" in figure.year:
        art.last_change_span = figure.year
    noun = before[: change.start()] if change else before
    noun = _strip_noun(_BASELINE.sub("", noun))
    if not noun and level is not None:
        noun = level.indicator
    phrase = change.group("base") if change and change.group("base") else ""
    if not phrase and baseline is not None:
        phrase = baseline.group(0)
    phrase = phrase.rstrip(",").removesuffix("相比")
    rel = change.group("rel") if change and change.group("rel") else ""
    figure.indicator = f"{noun}{phrase}{rel}{verb or '变化'}幅度"


def _rank_group(before: str) -> str:
    m = re.search(r"在(.+?)(?:之中|中|内|里)?(?:排名|排在|位居|位列|名列|居)?$", before)
    return m.group(1) if m else ""


def _kind(
    art: _Article, pos: int, s_lo: int, anchor: _Anchor | None, para_anchor: _Anchor | None
) -> str:
    year = art.article_year
    if anchor is not None and year is not None and anchor.start_year is not None:
        if anchor.start_year > year:
            return "target"
        if anchor.end_year is not None and anchor.end_year < year:
            return "actual"
    cue = _last_cue(art, s_lo, pos)
    if cue is not None:
        return cue
    if (
        anchor is None
        and para_anchor is not None
        and year is not None
        and para_anchor.start_year is not None
        and para_anchor.start_year > year
    ):
        return "target"
    return "actual"


def _last_cue(art: _Article, lo: int, hi: int) -> str | None:
    text = art.text
    best: tuple[int, str] | None = None
    for pattern, kind in ((_TARGET_CUE, "target"), (_ACTUAL_CUE, "actual")):
        for m in pattern.finditer(text, lo, hi):
            if art.in_title(m.start()) or art.quote_at(m.start()) is not None:
                continue
            if m.group() == "将":
                _, c_hi = _clause(text, m.start(), lo, len(text))
                if _BA_VERBS.search(text, m.end(), c_hi):
                    continue  # 将X作为Y: the 把-construction, not the future
            if best is None or m.start() > best[0]:
                best = (m.start(), kind)
    return best[1] if best else None


def _indicator(
    text: str, figure: _Figure, before: str, unit_end: int, c_hi: int, mentions: list[str]
) -> str:
    unit = figure.unit
    if figure.rule in {"figure-duration", "figure-age"}:
        after = text[unit_end:c_hi].removeprefix("的")
        suffix = _SUFFIX.match(after)
        if suffix:
            after = after[suffix.end() :]
        noun = after[: _noun_end(after)].strip(" ,、“”")[:40]
        return f"{noun}{'年龄' if figure.rule == 'figure-age' else '年限'}"
    if unit == "years":
        # the event whose anniversary it is, verb included: 中国共产党成立 (100周年)
        m = re.search(r"(?:是|为|迎来|迎接|庆祝|纪念)([^是为]*)$", before)
        noun = _TIME_STRIP.sub("", m.group(1) if m else before).strip(" ,、“”")
        return f"{noun}周年数"
    noun_before = _strip_noun(before, mentions)
    if figure.rule == "figure-fraction":
        share = re.search(r"占(.+?)的?$", before)
        if share:
            return f"占{share.group(1)}的比例"
        after = text[figure.end : c_hi].removeprefix("的")
        stop = _NOUN_STOP.search(after)
        return f"{after[: stop.start()] if stop else after}占比"
    if unit in {"percent", "yuan"}:
        if before.endswith("占") or before.endswith("占了"):
            return f"{noun_before}占比"
        if noun_before:
            return noun_before
        return "比例" if unit == "percent" else "金额"
    # counts of persons, person-times and things: the counted noun after the unit, else before it
    after = text[unit_end:c_hi]
    suffix = _SUFFIX.match(after)
    if suffix:
        after = after[suffix.end() :]
    # 主论坛1个、分论坛12个: a unit closing a list item counts the noun before it
    noun = "" if after[:1] in {"、", "", ",", "("} else after[: _noun_end(after)]
    noun = noun.strip(" ,、“”")[:40]
    if len(noun) > 4 and noun.endswith("工作"):
        noun = noun[:-2]
    if not noun:
        # the noun before: the last list item, after the verb that introduces it (年会设主论坛1个)
        item = _HAS_VERB.split(re.split(r"[、]", before)[-1])[-1] or before
        noun = _strip_noun(item, mentions)
    if not noun and figure.unit in {"persons", "person-times"}:
        acted = _PEOPLE_VERB.match(after.lstrip())  # 共有28人入选: how many were selected
        noun = acted.group(0) if acted else ""
    if unit == "count" and "名额" in noun:
        figure.unit, figure.rule = "persons", "figure-persons"  # N个名额: places for N people
    head = {"persons": "人数", "person-times": "人次"}.get(figure.unit, "数量")
    if noun.endswith(("数量", "人数", "人次", "数")):
        return noun
    return f"{noun}{head}"


#: what people counted did, when no noun names them (28人入选, 300余人参会)
_PEOPLE_VERB = re.compile(
    r"入选|当选|获奖|获评|获表彰|受表彰|参会|参赛|参训|参加|参与|出席|受益|到场"
)


def _noun_end(after: str) -> int:
    """Where the counted noun after a measure word ends: at a verb (not one that only modifies the
    noun, as in 新设立的工作站) or at the next counted item (…和10家…)."""
    for stop in _NOUN_STOP.finditer(after):
        if stop.group().startswith(("和", "与", "及", "、")):
            return stop.start()
        following = after[stop.end() : stop.end() + 10]
        modifier = following.find("的")
        if (
            stop.start() <= 1
            and modifier >= 0
            and not any(c in following[:modifier] for c in ",;。:")
        ):
            continue  # 新设立的…, 来自全国的…: a relative clause before the noun it counts
        return _before_de(after, stop.start())
    return _before_de(after, len(after))


def _before_de(after: str, end: int) -> int:
    """试点城市的能源转型: a 的 after the counted noun starts what is said of it."""
    de = after.find("的", 0, end)
    if de >= 2 and not _NOUN_STOP.search(after, 0, de):
        return de
    return end


def _settle_subject(
    art: _Article,
    figure: _Figure,
    s_lo: int,
    c_lo: int,
    hi: int,
    *,
    prefer_place: bool,
    previous: _Figure | None = None,
) -> None:
    """Give ``figure`` its subject from the mentions before ``hi`` (see the module docstring)."""
    if figure.subject is not None:
        return
    text = art.text
    hi = _enumeration_start(art, c_lo, hi)
    bracket = _bracketed_place(art, figure)
    if bracket is not None:
        figure.subject = bracket
        return
    # 院士项目…占签约项目总数的一半以上: a share of what the sentence counts, not a place's rate
    if (
        prefer_place
        and previous is not None
        and previous.sentence == s_lo
        and previous.subject
        and not [m for m in art.mentions_in(c_lo, hi) if m.cls == "Place"]
    ):
        prefer_place = False
    if prefer_place:
        places = [m for m in art.mentions_in(s_lo, hi) if m.cls == "Place"]
        if places:
            figure.subject = places[0].key
            return
        if art.home:
            figure.subject = art.home
            return
    described = _described(art, figure)  # 总投资2.3亿元、建筑面积3.6万平方米的宜宾市科技馆
    if described is not None:
        figure.subject = described
        return
    composed = _composed_of(art, figure)  # 由86名理事组成的…理事会
    if composed is not None:
        figure.subject = composed
        return
    # The figure's own clause: the nearest mention of any kind (科技馆共上下2层), or the entity a
    # bare head noun opening the clause refers back to (仪式现场共有…, 工程自…启动).
    own = [
        m for m in art.mentions_in(c_lo, hi) if not _counted_modifier(text, m, figure.number_begin)
    ]
    if own:
        figure.subject = own[0].key
        return
    back = _anaphor(art, c_lo, hi)
    if back is not None:
        figure.subject = back
        return
    if previous is not None and previous.sentence == s_lo and previous.subject:
        figure.subject = previous.subject  # …共48家,资助名额共200名: the same subject goes on
        return
    # Earlier clauses of the sentence, from its start: its topic (an organisation or place first).
    for lo, c_hi in _clauses(text, s_lo, min(c_lo, hi)):
        if _REPORTING.search(text, lo, c_hi):
            continue  # 会议指出，…: who says it is not what the figure is about
        found = [m for m in art.mentions_in(lo, c_hi) if not _modifies(text, m)]
        referent = _anaphor(art, lo, c_hi) if found else None
        if referent is not None:
            figure.subject = referent  # 学会围绕“科创中国”…: the clause opens with its topic
            return
        if found:
            found.reverse()  # from the clause's start
            actors = [m for m in found if m.cls in _ACTOR_CLASSES]
            topic = found[0] if found[0].begin == _skip_lead(text, lo) else None
            figure.subject = _body_of(art, (topic or (actors or found)[0]).key)
            return
        back = _anaphor(art, lo, c_hi)
        if back is not None:
            figure.subject = back
            return
    para = art.paragraph_start(s_lo)
    if previous is not None and previous.subject and previous.number_begin >= para:
        figure.subject = (
            previous.subject
        )  # the paragraph goes on about what its last figure was about
        return
    if para < s_lo:
        # the topic of the nearest earlier sentence of the paragraph that opens with a name
        for b, _ in reversed([x for x in art.sentences if para <= x[0] < s_lo]):
            lead = _skip_lead(text, b)
            opening = [
                m
                for m in art.mentions_in(b, lead + 40)
                if m.begin == lead and not _modifies(text, m)
            ]
            if opening:
                figure.subject = _body_of(art, opening[0].key)
                return
        earlier = [m for m in art.mentions_in(para, s_lo) if not _modifies(text, m)]
        actors = [m for m in earlier if m.cls in _ACTOR_CLASSES]
        if earlier:
            figure.subject = _body_of(art, (actors or earlier)[0].key)
            return
    figure.subject = art.topic_subject or art.default_subject or art.home


#: a clause that only reports who says what follows (会议指出, 会上强调, 记者从省科协获悉)
_REPORTING = re.compile(
    r"(?:指出|强调|要求|认为|提出|表示|透露|介绍|获悉|了解到|宣布|说|称)[:：,，]?\s*$"
)

#: words after a name that show it is the clause's own noun phrase, not a modifier of a noun
_AFTER_HEAD = "是由在将于已和与及、的等共为从对向把被还也都均以所之其并或正近日今当届先"


def _modifies(text: str, m: MentionRef) -> bool:
    """A name that modifies the noun after it (“双减”展区, 两江新区科技成果展区): not a subject."""
    if m.cls == "Place":
        return False
    pos = m.end
    while pos < len(text) and text[pos] in "”》":
        pos += 1
    if pos >= len(text) or not re.match(r"[\u4e00-\u9fff]", text[pos]) or text[pos] in _AFTER_HEAD:
        return False
    from .grammar import tokens  # the dictionary tells the noun after a name from a verb

    _tok, tag = tokens(text[pos : pos + 6])[0]
    return tag in {"n", "nz", "ng"}


#: a figure inside a modifier before a name: …2.3亿元、…3.6万平方米的 + the name
_DESCRIBES = re.compile(r"[^,，。;；:：!?的]{0,24}的")


def _described(art: _Article, figure: _Figure) -> str | None:
    """The name a figure describes when it stands in the modifier before it (总投资2.3亿元的X)."""
    m = _DESCRIBES.match(art.text, figure.number_end)
    if m is None:
        return None
    at = m.end()
    for x in art.mentions_in(at, min(len(art.text), at + 30)):
        if x.begin == at and x.cls in _SUBJECT_CLASSES:
            return x.key
    return None


def _body_of(art: _Article, key: str) -> str:
    """A term's elected body (省科协第九届委员会) stands for its association as a subject."""
    m = re.match(r"Organization/(.+?)第[一二三四五六七八九十百\d]{1,4}届(?:委员会|理事会)$", key)
    if m is None:
        return key
    parent = f"Organization/{m.group(1)}"
    return parent if any(x.key == parent for x in art.all_mentions) else key


def _lead_of(text: str, pos: int) -> int:
    return _skip_lead(text, pos)


_ANAPHOR_HEADS = re.compile(
    r"仪式|大会|会议|年会|论坛|活动|展览|科技馆|博物馆|工程|计划|服务团|工作站|基地|项目|学会|协会|科协|"
    r"集团|公司"
)
#: the endings a bare head noun refers back to, where they differ from the noun (集团: 有限公司)
_ANAPHOR_ENDINGS = {"集团": ("集团", "公司"), "公司": ("公司", "集团")}
_DETERMINERS = ("该", "本", "此", "这", "这一", "本届", "本次", "此次", "这座", "这个", "这一项目")
_DETERMINERS_LONGEST_FIRST = tuple(sorted(_DETERMINERS, key=len, reverse=True))


_LEAD = re.compile(
    r"[\s“]*(?:(?:19|20)\d\d年)?(?:\d{1,2}月(?:\d{1,2}日)?)?(?:上午|下午|晚)?"
    r"(?:今年|目前|截至目前|近年来|近日|日前)?[\s,，]*"
)


def _skip_lead(text: str, pos: int) -> int:
    """Where a clause's words start, after spaces, quotes and a time lead (2017年, 今年)."""
    m = _LEAD.match(text, pos)
    return m.end() if m else pos


def _anaphor(art: _Article, lo: int, hi: int) -> str | None:
    """The entity a bare head noun at the start of ``text[lo:hi]`` refers back to (仪式现场…)."""
    text = art.text
    start = _skip_lead(text, lo)
    for det in _DETERMINERS_LONGEST_FIRST:
        if text.startswith(det, start):
            start += len(det)
            break
    m = _ANAPHOR_HEADS.match(text, start)
    if m is None or m.end() > hi:
        return None
    if any(x.begin <= m.start() < x.end for x in art.all_mentions):
        return None  # the word is part of a name said here
    word = m.group(0)
    endings = _ANAPHOR_ENDINGS.get(word, (word,))
    for x in reversed(art.all_mentions):
        if x.end <= lo and x.cls in _SUBJECT_CLASSES and x.key.split("/", 1)[-1].endswith(endings):
            return x.key
    return None


def _counted_modifier(text: str, m: MentionRef, number: int) -> bool:
    """A name right before the counted noun and its number names what is counted (X项目9个)."""
    if m.end == number or (m.end < number and text[m.end : number] in {"”", "》"}):
        return True  # 院士专家示范工作站20家: the name is the counted noun itself
    return bool(_COUNTED_NOUN.match(text[m.end : number + 1]))


def _composed_of(art: _Article, figure: _Figure) -> str | None:
    """由86名理事组成的…第十一届理事会: the body the counted members make up."""
    m = _COMPOSED.match(art.text, figure.number_end)
    if m is None:
        return None
    after = [x for x in art.all_mentions if m.end() <= x.begin <= m.end() + 12]
    return after[0].key if after else None


def _bracketed_place(art: _Article, figure: _Figure) -> str | None:
    """合肥(17.5%): a rate in brackets right after a place is the place's."""
    text = art.text
    open_at = text.rfind("(", max(0, figure.number_begin - 4), figure.number_begin)
    if open_at < 0 or not _RATE_LEAD.fullmatch(text[open_at + 1 : figure.number_begin]):
        return None
    before = [x for x in art.all_mentions if x.end == open_at and x.cls == "Place"]
    return before[0].key if before else None


def _enumeration_start(art: _Article, lo: int, hi: int) -> int:
    """Before ``A、B、C等20家单位`` the names are what is counted, not the subject: return where
    such a list starts (``hi`` when the number does not close a list)."""
    text = art.text
    pos = hi
    while pos > lo and text[pos - 1] in "共计约近超过逾了 ":
        pos -= 1
    if pos <= lo or text[pos - 1] != "等":
        return hi
    pos -= 1
    i = bisect.bisect_left(art.mention_begins, pos) - 1
    while pos > lo:
        if text[pos - 1] in "、和与及":
            pos -= 1
            continue
        while i >= 0 and art.mentions[i].end > pos:
            i -= 1
        if i >= 0 and art.mentions[i].end == pos:
            pos = art.mentions[i].begin
            i -= 1
            continue
        break
    return pos


def _clauses(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """The clauses of ``text[lo:hi]``, split at clause punctuation outside brackets."""
    spans = []
    depth = 0
    start = lo
    for pos in range(lo, hi):
        c = text[pos]
        if c == "(":
            depth += 1
        elif c == ")":
            depth = max(0, depth - 1)
        elif depth == 0 and c in _CLAUSE_BOUNDS:
            if pos > start:
                spans.append((start, pos))
            start = pos + 1
    if hi > start:
        spans.append((start, hi))
    return spans
