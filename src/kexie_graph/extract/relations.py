"""Relations by patterns over clause templates (see :mod:`.clauses`).

Two kinds of rules:

* verb frames (:data:`VERBS`): a governing verb followed by a list of entities of the right classes,
  whose subject is the nearest agent on the left that no preposition governs, or, when the text
  leaves
  it out, the paragraph's actor;
* construction rules: 与A、B合作, 在<place>设立X, 在<org>开展X, X(A、B、C), 在巩固X成果的基础上…Y,
  A对B帮扶, X结对, 争取X落户, an organisation directly before its program (中国科协“科创中国”).

Every hit carries its evidence span (reading offsets) and the rule's name.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator, Sequence

from .candidates import record
from .clauses import MentionRef, Template, cls_re, make_template
from .patterns import finditer_from, words_pattern

__all__ = ["VERBS", "RelHit", "find_relations", "period_markers"]


@record
class RelHit:
    """A relation found in the reading text."""

    subject: str
    predicate: str
    object: str
    begin: int
    end: int
    rule: str
    when: str | None = None
    role: str | None = None


# verb -> {object class code -> predicate}; "*" marks build verbs whose predicate depends on tense
_RUN = {"E": "runs", "G": "runs"}
VERBS: dict[str, dict[str, str]] = {}


def _verbs(words: str, table: dict[str, str]) -> None:
    for w in words.split():
        VERBS[w] = table


_verbs(
    "联办 合办 共同举办 联合举办 协办 共同主办 联合主办 参与筹办 参与举办 协助举办 合作举办",
    {"E": "co_organizes", "G": "co_organizes"},
)
_verbs(
    "联建 共建 合建 共同建设 联合建设 共同打造 联合共建",
    {"F": "co_builds", "G": "co_builds", "L": "co_builds", "O": "co_builds"},
)
_verbs("承办", {"E": "hosts", "G": "hosts"})
_verbs(
    "举办 主办 组织开展 组织召开 召开 办好 开展 举行 组织 策划举办 发起 启动 深入开展 持续开展 广泛"
    "开展 筹办",
    _RUN,
)
_verbs("探索出 探索 完善 推广 运营 管理", {"G": "runs", "F": "runs"})
_verbs("做好", {"G": "runs", "E": "participates_in", "D": "implements", "F": "runs"})
_verbs("实施 实施好 落实 贯彻落实 贯彻 执行 推进实施", {"G": "implements", "D": "implements"})
_verbs("印发 出台 发布 颁布 公布", {"D": "issues"})
_verbs("制定 制定出台 起草 编制 形成 研究制定 修订 研究出台", {"D": "plans_to_issue"})
_verbs(
    "建设 打造 创建 谋划建设 设立 建立 搭建 筹建 新建 培育 争创 申建",
    {"F": "*", "G": "*", "L": "*", "O": "*"},
)
_verbs(
    "建成 落成 揭牌 启用 开通 上线 挂牌 成立",
    {"F": "builds", "G": "builds", "L": "builds", "O": "builds"},
)
_verbs("助力 支持 帮扶 指导 帮助 服务于 支撑", {"O": "supports", "L": "supports", "P": "supports"})
_verbs("参与 参加 加入 融入", {"E": "participates_in", "G": "participates_in"})
_verbs("纳入", {"G": "participates_in"})
_SELECTED = (
    "入选 获批 被确定为 被列为 被评为 被命名为 成功入选 获评 入围 成功获批 被认定为 被授予 荣获 "
    "获授"
)
_verbs(_SELECTED, {"G": "selected_for"})
_verbs("联合 会同 携手 联手", {"O": "partner_of"})

_SELECTED_VERBS = frozenset(_SELECTED.split())
_VERB_RE = re.compile(words_pattern(sorted(VERBS, key=len, reverse=True)))  # longest first
_FILLER = (
    r"(?:好|了|出|一批|一系列|一个|一支|新一批|首批|一流|进一步|全面|深入|积极|大力|高水平|"
    r"重点|[《“])*"
)
_SEP = r"(?:[、,，]|和|及|与|以及|暨)"
_FILLER_RE = re.compile(_FILLER)
_SEP_RE = re.compile(_SEP)
#: a post title right after a name: the name is the holder's organisation, not an agent
_TITLE_AFTER_RE = re.compile(
    r"(?:常务)?副?(?:院士|主席|书记|会长|理事长|院长|校长|主任|记者|部长|局长|厅长|省长|市长|"
    r"区长|县长|秘书长|常委|党组|党委|总经理|董事长)"
)
_CLAUSE_MARK_RE = re.compile(r"[,，；;]")
#: a placeholder (any character of their plane) or a mark that ends the opening of a sentence
_NAME_OR_MARK = re.compile("[\U000f0000-\U000fffff，,。；]")
_PIVOTS = ("助力", "推动", "支持", "指导", "帮助", "带动", "引导", "鼓励", "组织", "动员", "促进")
_PREPOSITIONS = (
    "与",
    "同",
    "跟",
    "在",
    "对",
    "向",
    "从",
    "以",
    "于",
    "联合",
    "围绕",
    "会同",
    "携手",
    "比",
    "为",
    "由",
    "被",
)
_OBJECT_VERBS = ("落户", "位于", "坐落于", "来到", "走进", "赴", "前往", "到", "覆盖", "辐射")
_FUTURE = re.compile(r"将|拟|计划|要|力争|争取|预计|即将|谋划|年内|今后|未来|确保|到20\d\d年")
_PAST = re.compile(r"已经|已|先后|累计|建成了|成立了|去年|此前|曾")
_AGENT = "OLS"


_FIVE_YEAR_PLAN = re.compile(r"“?(十[二三四五六]五)”?(?:时期|期间|以来|规划|开局|末|初)")
_FIVE_YEAR_PLAN_STARTS = re.compile("[“十]")
_THIS_YEAR = re.compile(r"今年|本年度|年内")
_LAST_YEAR = re.compile(r"去年")
#: a year and what makes it a period marker; whether it opens a sentence is checked apart (a
#: pattern that starts with that check, (?:^|(?<=[\n。；;]))\s*, makes re try every position)
_OPENING_YEAR = re.compile(r"(20\d\d)年(?:[,，是]|以来)")


def period_markers(text: str, article_year: int | None) -> list[tuple[int, str]]:
    """Return (position, period) markers in reading order: “十三五”时期, 今年, 2020年, …"""
    out: list[tuple[int, str]] = []
    for m in finditer_from(_FIVE_YEAR_PLAN, _FIVE_YEAR_PLAN_STARTS, text):
        out.append((m.start(), m.group(1)))
    if article_year:
        for m in _THIS_YEAR.finditer(text):
            out.append((m.start(), str(article_year)))
        for m in _LAST_YEAR.finditer(text):
            out.append((m.start(), str(article_year - 1)))
    for m in _OPENING_YEAR.finditer(text):
        # the year opens its sentence or line: only spaces between it and the text's start, a
        # line end or 。；;
        lead = m.start()
        while lead > 0 and text[lead - 1].isspace():
            lead -= 1
        if lead == 0 or text[lead - 1] in "。；;" or "\n" in text[lead : m.start()]:
            out.append((m.start(1), m.group(1)))
    return sorted(out)


class _Sentence:
    """One sentence's template and the state rules need: subjects, period, tense."""

    def __init__(self, text: str, begin: int, end: int, mentions: list[MentionRef]) -> None:
        self.reading = text
        self.begin = begin
        self.t: Template = make_template(text, begin, end, mentions)
        self.s = self.t.text

    def code(self, i: int) -> str | None:
        return self.t.code(i) if 0 <= i < len(self.s) else None

    def list_at(self, i: int, codes: str) -> tuple[list[int], int]:
        """Parse a list of placeholders at ``i`` (after fillers); return indices and end."""
        j = i
        m = _FILLER_RE.match(self.s, j)
        j = m.end() if m else j
        items: list[int] = []
        while j < len(self.s):
            code = self.code(j)
            nxt = self.code(j + 1)
            if code == "O" and nxt is not None and nxt in codes and nxt != "O":
                j += 1  # a possessor: 中国科协“科创中国”试点城市 -> the program
                continue
            if code is None and self.s[j] in "“《”》":
                j += 1
                continue
            if code is None or code not in codes:
                break
            items.append(j)
            j += 1
            while j < len(self.s) and self.s[j] in "”》":
                j += 1
            sep = _SEP_RE.match(self.s, j)
            if sep and j < len(self.s) and self.code(sep.end()) in set(codes) | {"O"}:
                j = sep.end()
                continue
            if (
                sep
                and sep.end() < len(self.s)
                and self.s[sep.end()] in "“《"
                and self.code(sep.end() + 1) in set(codes)
            ):
                j = sep.end() + 1
                continue
            break
        return items, j

    def list_ending_at(self, i: int, codes: str) -> tuple[list[int], int]:
        """Parse a list of placeholders ending just before ``i``; return indices and its start."""
        items: list[int] = []
        j = i - 1
        while j >= 0 and self.s[j] in "”》":
            j -= 1
        while j >= 0 and (cj := self.code(j)) is not None and cj in codes:
            items.insert(0, j)
            k = j - 1
            while k >= 0 and self.s[k] in "“《":
                k -= 1
            if k >= 0 and self.s[k] in "、,，和及" and k - 1 >= 0:
                k2 = k - 1
                while k2 >= 0 and self.s[k2] in "”》":
                    k2 -= 1
                if (c2 := self.code(k2)) is not None and c2 in codes:
                    j = k2
                    continue
            return items, k + 1
        return items, i

    def first_subject(self) -> str | None:
        """The organisation a sentence opens with, before any verb or preposition (its topic)."""
        at = 0
        while True:
            # the first placeholder or clause mark (the text itself may hold characters of the
            # placeholders' plane: those are no placeholders)
            found = _NAME_OR_MARK.search(self.s, at)
            if found is None:
                return None
            i = found.start()
            ref = self.t.mentions[i]
            if ref is None and found.group() not in "，,。；":
                at = i + 1
                continue
            if ref is None or ref.cls != "Organization":
                return None
            prefix = self.s[:i]
            if _VERB_RE.search(prefix) or any(p in prefix for p in _PREPOSITIONS + _PIVOTS):
                return None
            if _TITLE_AFTER_RE.match(self.s, i + 1, i + 6):
                return None
            return ref.key

    def subject_before(self, i: int) -> tuple[list[int], int] | None:
        """Return the explicit subject list of a verb at ``i`` (placeholders of agents), if any."""
        j = i
        while j > 0:
            j -= 1
            if (cj := self.code(j)) is not None and cj in _AGENT:
                items, start = self.list_ending_at(j + 1, _AGENT)
                while start > 0 and self.code(start - 1) == "L":
                    start -= 1  # a place inside a place: 在<city><park>
                before = self.s[max(0, start - 4) : start].rstrip("“《")
                after = self.s[j + 1 : j + 3]
                if before.endswith(_PREPOSITIONS) and not before.endswith(_PIVOTS):
                    j = start
                    continue
                if before.endswith(_OBJECT_VERBS) or (
                    _VERB_RE.search(before[-2:]) and not before.endswith(_PIVOTS)
                ):
                    j = start  # the object of a verb before it (落户重庆, 举办X), not a subject
                    continue
                if before.endswith(_PIVOTS) and _CLAUSE_MARK_RE.search(self.s, j, i):
                    j = start  # a pivot's object is the subject only inside its own clause
                    continue
                if _TITLE_AFTER_RE.match(after):
                    j = start
                    continue
                return items, start
        return None


def _key(sent: _Sentence, i: int) -> str:
    return sent.t.mention(i).key


def find_relations(
    text: str,
    sentences: Sequence[tuple[int, int]],
    mentions: Sequence[MentionRef],
    *,
    main_actor: str | None,
    article_year: int | None,
    kind_of: Callable[[str], str | None],
    parts_of: Callable[[str], list[str]],
) -> list[RelHit]:
    """Find the relations the text states between the mentioned entities.

    ``kind_of(key)`` gives an entity's kind (Brand programs are implemented, not built);
    ``parts_of(key)`` the keys of entities that are parts of it (for 结对).
    """
    markers = period_markers(text, article_year)
    cls_of = {m.key: m.cls for m in mentions}
    hits: list[RelHit] = []
    actor = main_actor
    ordered = sorted(mentions, key=lambda m: m.begin)
    begins = [m.begin for m in ordered]
    events = [m for m in ordered if m.cls == "Event"]
    event_begins = [m.begin for m in events]

    def last_event(pos: int, word: str) -> str | None:
        """What 活动, 仪式 or 大会 before ``pos`` stands for: the last event named so that ends
        with that word, else the first event of the article (its topic)."""
        k = bisect_left(event_begins, pos)
        for m in reversed(events[:k]):
            if m.key.endswith(word):
                return m.key
        return events[0].key if k > 0 else None

    for sb, se in sentences:
        inside = []
        for k in range(bisect_left(begins, sb), bisect_right(begins, se)):
            if ordered[k].end <= se:
                inside.append(ordered[k])
        if not inside:
            continue  # every rule reads a name: a sentence without one states no relation
        sent = _Sentence(text, sb, se, inside)

        def when_at(pos: int) -> str | None:
            period = None
            for mpos, value in markers:
                if mpos <= pos:
                    period = value
            return period

        def emit(
            subj: str,
            pred: str,
            obj: str,
            i0: int,
            i1: int,
            rule: str,
            at: int,
            sent: _Sentence = sent,
        ) -> None:
            if subj == obj:
                return
            b, e = sent.t.span(i0, i1)
            while (
                e < len(text)
                and text[e] in "”》"
                and text[b:e].count("“") + text[b:e].count("《")
                > text[b:e].count("”") + text[b:e].count("》")
            ):
                e += 1
            hits.append(RelHit(subj, pred, obj, b, e, rule, when_at(sent.t.start(at))))

        s = sent.s
        first = sent.first_subject()
        if first is not None:
            actor = first
        # --- verb frames
        for m in _VERB_RE.finditer(s):
            verb = m.group(0)
            table = VERBS[verb]
            objs, _ = sent.list_at(m.end(), "".join(table))
            objs = [i for i in objs if sent.code(i) in table]
            if not objs:
                continue
            subj_found = sent.subject_before(m.start())
            if verb in _SELECTED_VERBS:
                items, start = sent.list_ending_at(m.start(), _AGENT)
                if not items:
                    continue
                subjects = [_key(sent, i) for i in items if sent.code(i) != "S"]
                span_start = start
            elif subj_found is not None:
                items, start = subj_found
                subjects = [_key(sent, i) for i in items]
                span_start = start
            elif actor is not None:
                subjects, span_start = [actor], m.start()
            else:
                continue
            clause = s[max(0, m.start() - 12) : m.start()]
            for o in objs:
                code = sent.code(o)
                assert code is not None
                pred = table[code]
                obj = _key(sent, o)
                if pred == "*":
                    if verb == "打造" and kind_of(obj) == "Brand":
                        pred = "implements"
                    elif verb == "谋划建设" or _FUTURE.search(clause) or not _PAST.search(clause):
                        period = when_at(sent.t.start(m.start()))
                        past = (
                            period is not None
                            and article_year is not None
                            and _is_past(period, article_year)
                        )
                        pred = "builds" if past and not _FUTURE.search(clause) else "plans_to_build"
                    else:
                        pred = "builds"
                if pred == "builds" and _FUTURE.search(clause):
                    pred = "plans_to_build"
                if pred == "issues" and _FUTURE.search(clause):
                    pred = "plans_to_issue"
                for subj in subjects:
                    p = pred
                    if p == "runs" and cls_of.get(subj) == "Place":
                        p = "participates_in"
                    emit(
                        subj, p, obj, min(span_start, m.start()), o + 1, f"frame.{verb}", m.start()
                    )
            if subj_found is not None:
                first = _key(sent, subj_found[0][0])
                if first.startswith("Organization/"):
                    actor = first
        _constructions(sent, emit, actor, kind_of, parts_of, last_event)
    return _dedupe(hits)


def _is_past(period: str, article_year: int) -> bool:
    if period.startswith("十"):
        return {"十二五": 2015, "十三五": 2020, "十四五": 2025, "十五五": 2030}.get(
            period, 9999
        ) < article_year
    return period.isdigit() and int(period) < article_year


# ----------------------------------------------------------------------------- constructions
# The construction rules' patterns over templates, compiled once (placeholder classes by code).
_AGENT_C, _ANY_C = cls_re("OLS"), cls_re("OPLGFDE")
_ORG_C, _PLACE_C, _PROG_C, _EVENT_C = cls_re("O"), cls_re("L"), cls_re("GE"), cls_re("E")
_WITH_RE = re.compile(rf"(?:与|同|跟)[“《]?({cls_re('OL')})")
_COOPERATE_RE = re.compile(
    r"(?:等[^，。；]{0,4})?[^，。；]{0,8}?(?:合作|联合|携手|共同|共建|联建|联办|合办|签约|签署|协作|联手)"
)
_HELD_AT_RE = re.compile(
    rf"({_EVENT_C})[”]?[^，。；,;]{{0,4}}?在[“]?((?:{cls_re('LO')}[”·]?)+)[^，。；,;]{{0,3}}?"
    r"(?:召开|举行|开幕|闭幕|启幕|拉开帷幕|开营|落幕|举办)"
)
_AT_PLACE_BUILD_RE = re.compile(
    rf"在[“]?((?:{_PLACE_C}[”]?)+)[^，。；]{{0,6}}?"
    r"(?:设立|建设|谋划建设|建立|揭牌|挂牌|启用|落成|建成|打造|布局)"
)
_AT_ORG_RUN_RE = re.compile(rf"在({_ORG_C})[^，。；]{{0,8}}?开展")
_MEMBERS_RE = re.compile(rf"({_PROG_C})[”]?[(（]")
_BUILDS_ON_RE = re.compile(
    rf"在(?:巩固|深化|总结|推广)[“]?({_PROG_C})[^，。；]{{0,8}}?基础上[,，]?[^。；]{{0,12}}?"
    rf"(?:开展|推进|实施|启动|探索)[“]?({_PROG_C})"
)
_HELPS_RE = re.compile(
    rf"[“]?({_AGENT_C})[”]?[^，。；“]{{0,3}}?对[“]?({_AGENT_C})[”]?[^，。；]{{0,3}}?"
    r"(?:帮扶|带动|支持|指导|帮助|援助)"
)
_PAIRING_RE = re.compile(rf"({_ANY_C})[”]?结对")
_SEEK_RE = re.compile(rf"争取[“]?({_EVENT_C})[”]?[^，。；]{{0,6}}?(?:落户|在|来)")
_LOCATED_RE = re.compile(
    rf"[“《]?({cls_re('OFGE')})[”》]?[^，。；]{{0,4}}?(?:落户|位于|坐落于|坐落在|地处|落地)[“]?({_PLACE_C})"
)
_STRIVING_RE = re.compile(r"争取|力争|推动|积极")
_INCLUDED_RE = re.compile(rf"纳入[^，。；“]{{0,4}}[“]?({_PROG_C})")
_MAKE_LAND_RE = re.compile(rf"(?:推动|推进|做好|促进)[“《]?({cls_re('GD')})[”》]?落地")
_AROUND_RE = re.compile(rf"围绕[“]?({cls_re('LGO')})[”]?(?:建设|发展)")
_ORG_PROGRAM_RE = re.compile(rf"({_ORG_C})[“]?({_PROG_C})")


def _where(pattern: re.Pattern[str], s: str, *words: str) -> Iterator[re.Match[str]]:
    """``pattern.finditer(s)``, skipped when ``s`` holds none of ``words``, one of which every
    match of the pattern contains (most sentences state no such construction)."""
    for word in words:
        if word in s:
            return pattern.finditer(s)
    return iter(())


_AWARD_RE = re.compile(r"(?P<to>向|为|给)")
_PART_OF_RE = re.compile(
    r"(?:是|为|作为|系)(?:[“《])?(?P<whole>[\U000f0000-\U000fffff])[”》]?"
    r"(?:的)?(?:重要|主要|核心)?(?:组成部分|一部分|系列活动之一|重要活动之一|活动之一|之一)"
)
_AT_EVENT_RE = re.compile(r"(?:上|期间|现场)[,，]?")
#: 等 closing a list of bodies, with their count and kind: 等20家单位
_ETC_BODIES = r"等(?:[\d一二三四五六七八九十百多余]+(?:家|个))?(?:单位|部门|机构|企业|学校|高校)?"
_TAKE_PART_RE = re.compile(
    rf"(?:{_ETC_BODIES})?"
    r"(?:还|也|分别|纷纷)?(?:将)?(?:带来|展示|展出|参加|参与|亮相|参展|进行|表演|发布|现场)"
)
_AWARD_VERB_RE = re.compile(r"(?:正式)?(?:授予了?|颁发了?|授牌)")

#: the role verbs after the agents of 由 (由A主办、B承办的X)
_ROLE_RE = re.compile(r"(?:联合|共同)?(?:主办|承办|协办|举办|组织)")
#: between a role and the next agents, or before the event after the roles (2024年, 第五届 …)
_ROLE_GAP_RE = re.compile(r"[、,，]|[和及与]|以及")
_EVENT_LEAD_RE = re.compile(r"(?:(?:19|20)\d\d年度?|[“《])*")
_BY_RE = re.compile("由")
#: what may stand between the agents and the role: 等20家单位共同主办
_AGENTS_TAIL_RE = re.compile(_ETC_BODIES)
#: a word before 由 that stands for the event the article reports (活动由…主办)
_EVENT_WORD_RE = re.compile(
    r"(?:本届|本次|此次|这次|该|今年的?)?"
    r"(活动|大会|会议|年会|论坛|峰会|比赛|大赛|赛事|仪式|博览会|展览|科普日|活动周|科技周)$"
)


def _shared(pred: str | None, agents: list[int]) -> str | None:
    """主办 by several organisations together is co-organising (儀式由無錫市政府與澳門科協主辦)."""
    return "co_organizes" if pred == "runs" and len(agents) > 1 else pred


def _passive_roles(
    sent: _Sentence,
    emit: Callable[[str, str, str, int, int, str, int], None],
    last_event: Callable[[int, str], str | None],
) -> None:
    """由A主办、B承办的X and X由A主办，B承办: each agent's role in the event or programme.

    After 由, lists of organisations (or places) alternate with role verbs; the event is the name
    after 的, or the one the sentence names just before 由.
    """
    s = sent.s
    for at in _where(_BY_RE, s, "由"):
        j = at.end()
        roles: list[tuple[list[int], str]] = []
        while True:
            agents, end = sent.list_at(j, "OL")
            tail = _AGENTS_TAIL_RE.match(s, end)
            while tail is not None and tail.end() > end:
                end = tail.end()
                tail = _AGENTS_TAIL_RE.match(s, end)
            role = _ROLE_RE.match(s, end)
            if not agents or role is None:
                break
            roles.append((agents, role.group(0)))
            j = role.end()
            gap = _ROLE_GAP_RE.match(s, j)
            if gap is None:
                break
            j = gap.end()
        if not roles:
            continue
        objects: list[int] = []
        if s.startswith("的", j):
            lead = _EVENT_LEAD_RE.match(s, j + 1)
            objects, _ = sent.list_at(lead.end() if lead else j + 1, "EG")
        if not objects:
            objects, _ = sent.list_ending_at(at.start(), "EG")
        # (key, class code, where its evidence starts) of each event or programme
        targets: list[tuple[str, str, int]]
        if objects:
            # 全国科普日湖南主场活动: a programme's name before the event's is part of it
            objects = [
                o + 1 if sent.code(o) == "G" and sent.code(o + 1) == "E" else o for o in objects
            ]
            targets = [(_key(sent, o), sent.code(o) or "", o) for o in objects]
        else:  # 活动由…主办: the event the article reports (organisations only)
            reported = _event_named_before(sent, at.start(), last_event)
            if reported is None:
                continue
            targets = [(reported[0], "E", reported[1])]
        for agents, verb in roles:
            for key, code, o in targets:
                pred = _shared(VERBS[verb].get(code), agents)
                if pred is None:
                    continue
                for a in agents:
                    if sent.code(a) == "L" and not objects:
                        continue
                    p = "participates_in" if pred == "runs" and sent.code(a) == "L" else pred
                    begin, end = min(at.start(), o), max(a, o) + 1
                    emit(_key(sent, a), p, key, begin, end, f"passive.{verb}", a)


def _event_named_before(
    sent: _Sentence, pos: int, last_event: Callable[[int, str], str | None]
) -> tuple[str, int] | None:
    """The event a word just before ``pos`` stands for (本次活动, 本届年会), and where the word
    starts; None when no such word stands there or no event ends with it."""
    word = _EVENT_WORD_RE.search(sent.s, max(0, pos - 6), pos)
    if word is None:
        return None
    event = last_event(sent.t.start(pos), word.group(1))
    return (event, word.start()) if event is not None else None


def _constructions(
    sent: _Sentence,
    emit: Callable[[str, str, str, int, int, str, int], None],
    actor: str | None,
    kind_of: Callable[[str], str | None],
    parts_of: Callable[[str], list[str]],
    last_event: Callable[[int, str], str | None] = lambda pos, word: None,
) -> None:
    """Apply the construction rules to one sentence, reporting hits through ``emit``."""
    s = sent.s

    def subject_of(pos: int) -> tuple[list[str], int]:
        found = sent.subject_before(pos)
        if found is not None:
            return [_key(sent, i) for i in found[0]], found[1]
        return ([actor] if actor else []), pos

    _passive_roles(sent, emit, last_event)
    # X是Y(的)(重要)组成部分 / 系列活动之一: X is part of Y (本次活动: the event reported)
    for m in _where(_PART_OF_RE, s, "之一", "组成部分", "一部分"):
        whole = m.start("whole")
        if sent.code(whole) not in ("E", "G"):
            continue
        part_at = m.start() - 1
        while part_at >= 0 and s[part_at] in "”》":
            part_at -= 1
        if sent.code(part_at) in ("E", "G"):
            part = _key(sent, part_at)
        else:
            reported = _event_named_before(sent, m.start(), last_event)
            if reported is None:
                continue
            part = reported[0]
        emit(
            part,
            "part_of",
            _key(sent, whole),
            max(part_at, 0),
            m.end(),
            "construction.part-of",
            m.start(),
        )
    # X上，A、B等单位将带来…: those who take part in the event named first
    for m in _where(_AT_EVENT_RE, s, "上", "期间", "现场"):
        at = m.start()
        while at > 0 and s[at - 1] in "”》":
            at -= 1
        event = at - 1
        if sent.code(event) != "E":
            continue
        takers, end = sent.list_at(m.end(), "OG")
        if not takers or not _TAKE_PART_RE.match(s, end):
            continue
        for t in takers:
            emit(
                _key(sent, t),
                "participates_in",
                _key(sent, event),
                event,
                t + 1,
                "construction.at-event",
                m.start(),
            )
    # A向B授予(了)“X”(称号/牌匾): B is selected for X
    for m in _where(_AWARD_RE, s, "授予", "颁发", "授牌"):
        recipients, end = sent.list_at(m.end("to"), "OLS")
        verb = _AWARD_VERB_RE.match(s, end)
        if not recipients or verb is None:
            continue
        schemes, _ = sent.list_at(verb.end(), "G")
        for recipient in recipients:
            for x in schemes:
                emit(
                    _key(sent, recipient),
                    "selected_for",
                    _key(sent, x),
                    m.start(),
                    x + 1,
                    "construction.awarded",
                    m.start(),
                )
    # 与A、B(等单位)…合作
    for m in _where(_WITH_RE, s, "与", "同", "跟"):
        items, end = sent.list_at(m.start(1), "OL")
        tail = s[end : end + 14]
        if not items or not _COOPERATE_RE.match(tail):
            continue
        subjects, start = subject_of(m.start())
        for subj in subjects:
            for i in items:
                emit(
                    subj,
                    "partner_of",
                    _key(sent, i),
                    min(start, m.start()),
                    i + 1,
                    "construction.with-cooperate",
                    m.start(),
                )
    # X(暨Y)在<place or venue>召开/举行/开幕 -> the place hosts the events
    for m in _where(_HELD_AT_RE, s, "在"):
        hosts = [i for i in range(m.start(2), m.end(2)) if sent.code(i) in {"L", "O"}]
        events, _ = sent.list_ending_at(m.start(1) + 1, "E")
        for e_at in events or [m.start(1)]:
            emit(
                _key(sent, hosts[-1]),
                "hosts",
                _key(sent, e_at),
                e_at,
                m.end(),
                "construction.held-at",
                m.start(),
            )
    # 在<place>(<place>)…设立/建设 X  -> X located in the innermost place
    for m in _where(_AT_PLACE_BUILD_RE, s, "在"):
        places = [i for i in range(m.start(1), m.end(1)) if sent.code(i) == "L"]
        objs, _ = sent.list_at(m.end(), "FGOLE")
        for o in objs:
            emit(
                _key(sent, o),
                "located_in",
                _key(sent, places[-1]),
                m.start(),
                o + 1,
                "construction.at-place-build",
                m.start(),
            )
    # 在<org>(和…)开展 X -> org participates in X
    for m in _where(_AT_ORG_RUN_RE, s, "开展"):
        objs, _ = sent.list_at(m.end(), "GE")
        for o in objs:
            emit(
                _key(sent, m.start(1)),
                "participates_in",
                _key(sent, o),
                m.start(1),
                o + 1,
                "construction.at-org-run",
                m.start(),
            )
    # X(A、B、C) -> A participates in X
    for m in _where(_MEMBERS_RE, s, "(", "（"):
        items, end = sent.list_at(m.end(), "O")
        if items and end < len(s) and s[end] in ")）":
            for i in items:
                emit(
                    _key(sent, i),
                    "participates_in",
                    _key(sent, m.start(1)),
                    m.start(1),
                    end + 1,
                    "construction.members-in-brackets",
                    m.start(),
                )
    # 在巩固X成果的基础上，开展Y -> Y builds on X
    for m in _where(_BUILDS_ON_RE, s, "基础上"):
        emit(
            _key(sent, m.start(2)),
            "builds_on",
            _key(sent, m.start(1)),
            m.start(),
            m.end(),
            "construction.builds-on",
            m.start(),
        )
    # A对B帮扶/带动/支持/指导 -> A supports B
    for m in _where(_HELPS_RE, s, "对"):
        emit(
            _key(sent, m.start(1)),
            "supports",
            _key(sent, m.start(2)),
            m.start(),
            m.end(),
            "construction.a-helps-b",
            m.start(),
        )
    # X结对 -> the parts of X pair with each other
    for m in _where(_PAIRING_RE, s, "结对"):
        parts = parts_of(_key(sent, m.start(1)))
        for a, b in itertools.pairwise(parts):
            emit(a, "pairs_with", b, m.start(), m.end(), "construction.pairing", m.start())
    # 争取X落户/在…举办 -> seeks to host
    for m in _where(_SEEK_RE, s, "争取"):
        subjects, start = subject_of(m.start())
        for subj in subjects:
            emit(
                subj,
                "seeks_to_host",
                _key(sent, m.start(1)),
                min(start, m.start()),
                m.end(),
                "construction.seek-to-host",
                m.start(),
            )
    # X落户/位于/坐落于 <place> -> located in
    for m in _where(_LOCATED_RE, s, "落户", "位于", "坐落", "地处", "落地"):
        if _STRIVING_RE.search(s, max(0, m.start() - 8), m.start()):
            continue
        emit(
            _key(sent, m.start(1)),
            "located_in",
            _key(sent, m.start(2)),
            m.start(),
            m.end(),
            "construction.located",
            m.start(),
        )
    # 被纳入…X(的考核) -> participates in X
    for m in _where(_INCLUDED_RE, s, "纳入"):
        subjects, start = subject_of(m.start())
        for subj in subjects:
            emit(
                subj,
                "participates_in",
                _key(sent, m.start(1)),
                m.start(),
                m.end(),
                "construction.included-in",
                m.start(),
            )
    # 推动/推进/做好 X 落地 -> implements
    for m in _where(_MAKE_LAND_RE, s, "落地"):
        subjects, start = subject_of(m.start())
        for subj in subjects:
            emit(
                subj,
                "implements",
                _key(sent, m.start(1)),
                m.start(),
                m.end(),
                "construction.make-land",
                m.start(),
            )
    # 围绕X建设/发展 -> supports X
    for m in _where(_AROUND_RE, s, "围绕"):
        subjects, start = subject_of(m.start())
        for subj in subjects:
            emit(
                subj,
                "supports",
                _key(sent, m.start(1)),
                m.start(),
                m.end(),
                "construction.around-building",
                m.start(),
            )
    # an organisation directly before its program or event: 中国科协“科创中国”试点城市
    for m in _ORG_PROGRAM_RE.finditer(s):
        if (
            s[m.start(1) - 1 : m.start(1)] in ("与", "在", "对")
            or kind_of(_key(sent, m.start(2))) == "Meeting"
        ):
            continue
        emit(
            _key(sent, m.start(1)),
            "runs",
            _key(sent, m.start(2)),
            m.start(),
            m.end(),
            "construction.org-program",
            m.start(),
        )


def _dedupe(hits: list[RelHit]) -> list[RelHit]:
    seen: set[tuple[str, str, str, int, int]] = set()
    out = []
    for h in hits:
        k = (h.subject, h.predicate, h.object, h.begin, h.end)
        if k not in seen:
            seen.add(k)
            out.append(h)
    return out
