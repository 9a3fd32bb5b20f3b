"""People and their posts: bylines, post chains in both orders, elections and appointments.

A person is recognised only next to a post title, in an election or appointment, or in a byline (the
genre names people that way), with a surname from the list of Chinese surnames; the name's length is
decided by what follows it.

A post title is ``[原][unit][modifier]base``: an internal body of the organisation (党组, 党委, 党工
委,
书记处, 管委会), a modifier (常务, 专职, 兼职, 名誉, 分管日常工作 …) and a base title (主席, 书记,
成员, 局长, 顾问 …). Titles chain leftwards with 、 and 兼 (中国科协党组成员、书记处书记兼中国科技馆
馆长),
each taking the organisation written before it or, failing that, the one of the title on its left;
a chain that opens with an internal body and no organisation (党委常委、副总经理孙子宇) continues
the
organisation of the chain before it in the sentence. One chain may end in a list of names
(书记处书记束为、吕昭平). Elections and appointments name people first: X当选为…主席, 选举X为理事长,
Y、Z为副理事长, 聘任X为秘书长, X被聘为…首席专家, 向X颁发名誉主席证书; an election that names no
organisation is held in the organisation named last before it in the paragraph (a 第N届委员会
stands for
its association).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from .candidates import Candidate, record
from .patterns import alternation, words_pattern

__all__ = [
    "HEADS_OF_GOVERNMENT",
    "TITLES",
    "TITLE_UNITS",
    "Byline",
    "PostHit",
    "find_bylines",
    "find_named_people",
    "find_posts",
    "name_at",
    "split_title",
]

# Single-character surnames in common use (the 百家姓 and today's frequency lists), and compound
# ones.
_SURNAMES_1 = set(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢"
    "姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施"
    "文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷"
    "盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷"
    "晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆"
    "乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平"
    "计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公"
    "哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由经傅阎赖洪习"
)
_SURNAMES_2 = {
    "欧阳",
    "司马",
    "诸葛",
    "上官",
    "东方",
    "皇甫",
    "尉迟",
    "公孙",
    "慕容",
    "令狐",
    "司徒",
    "夏侯",
    "宇文",
    "长孙",
    "轩辕",
    "端木",
    "西门",
    "独孤",
    "南宫",
    "呼延",
    "申屠",
    "澹台",
    "万俟",
    "闻人",
    "赫连",
    "钟离",
}

#: base titles (a post's name without the body it sits in or its modifier)
_BASES: tuple[str, ...] = tuple(
    sorted(
        [
            "主席",
            "副主席",
            "书记",
            "副书记",
            "第一书记",
            "成员",
            "秘书长",
            "副秘书长",
            "理事长",
            "副理事长",
            "常务理事",
            "理事",
            "监事长",
            "副监事长",
            "会长",
            "副会长",
            "院长",
            "副院长",
            "校长",
            "副校长",
            "所长",
            "副所长",
            "主任",
            "副主任",
            "局长",
            "副局长",
            "厅长",
            "副厅长",
            "部长",
            "副部长",
            "市长",
            "副市长",
            "省长",
            "副省长",
            "区长",
            "副区长",
            "县长",
            "副县长",
            "董事长",
            "副董事长",
            "总经理",
            "副总经理",
            "总工程师",
            "总裁",
            "副总裁",
            "首席科学家",
            "首席专家",
            "院士",
            "研究员",
            "副研究员",
            "教授",
            "副教授",
            "一级巡视员",
            "二级巡视员",
            "巡视员",
            "调研员",
            "委员",
            "常委",
            "主任委员",
            "副主任委员",
            "馆长",
            "副馆长",
            "站长",
            "社长",
            "总编辑",
            "顾问",
        ],
        key=len,
        reverse=True,
    )
)
#: bodies inside an organisation that a title may name first (党组书记, 书记处第一书记, 管委会主任)
TITLE_UNITS: tuple[str, ...] = ("党工委", "党组", "党委", "书记处", "管委会")
_MODIFIERS: tuple[str, ...] = ("分管日常工作", "常务", "专职", "兼职", "名誉", "执行", "驻会")
#: party departments whose head's title fuses with the department (统战部长 = 统战部部长)
_DEPARTMENTS: tuple[str, ...] = ("统战部", "组织部", "宣传部")

#: every title, longest first (kept for callers that want the flat list)
TITLES: tuple[str, ...] = _BASES

#: a title: [unit][modifier]base (党组书记, 常务副主席, 主席) or a fused department title
#: (统战部长). ``(?:units)?(?:modifiers)?(?:bases)|(?:departments)部长`` would match the same, in
#: the same order of trial ([unit][modifier]base, [modifier]base, base, department); spelled out
#: word by word and grouped by leading characters, the text is scanned many times faster
#: (see .patterns).
_MODIFIED_BASE = rf"(?:{words_pattern(_MODIFIERS)})?(?:{words_pattern(_BASES)})"
_TITLE_BRANCHES: list[tuple[str, str]] = [
    *((unit, _MODIFIED_BASE) for unit in TITLE_UNITS),
    *((modifier, words_pattern(_BASES)) for modifier in _MODIFIERS),
    *((base, "") for base in _BASES),
    *((department[:-1], "部长") for department in _DEPARTMENTS),
    *((department, "(?:副)?部长") for department in _DEPARTMENTS),  # 组织部部长, 宣传部副部长
]
_TITLE = alternation(_TITLE_BRANCHES)
_TITLE_RE = re.compile(_TITLE)
_TITLE_AFTER = re.compile(alternation([*_TITLE_BRANCHES, ("同志", ""), ("总书记", "")]))
_TITLE_AT_END = re.compile(rf"(?:{_TITLE})$")
_FOLLOW = [
    "总书记",
    "介绍",
    "表示",
    "说",
    "指出",
    "强调",
    "出席",
    "主持",
    "作",
    "在",
    "等",
    "一行",
    "同志",
    "摄",
    "认为",
    "透露",
    "告诉",
    "称",
    "也",
    "还",
    "和",
    "与",
    "及",
    "为",
    "对",
    "向",
    "带领",
    "率",
    "率队",
    "率领",
    "分别",
    "共同",
    "一起",
    "当选",
    "任",
    "担任",
    "获",
    "荣获",
    "代表",
    "讲话",
    "致辞",
    "宣布",
    "发表",
    "参加",
    "到",
    "来到",
    "走进",
    "调研",
    "就",
    "出任",
    "兼任",
    "被",
    "是",
    "现任",
    "牵头",
    "领衔",
    "解读",
    "回答",
    "答",
    "谈",
    "的",
    "报道",
    "院士",
    "见证",
    "签署",
    "主持",
    "颁发",
    "先后",
    "应邀",
    "共",
    "亦",
]
_NAME_CHARS = re.compile(r"[\u4e00-\u9fff]")
_NAME_RUN = re.compile(r"[\u4e00-\u9fff]+")  # every character of a name is one
_FOLLOWERS = tuple(_FOLLOW)
_NOT_IN_NAME = set("的和与在是了等将对从向及、，。")
_ACADEMY_RE = re.compile(r"(中国科学院|中国工程院|中科院|两院|中国社会科学院)院士")
_COUNT_TAIL = re.compile(r"(?:共|等)?(?:\d{1,3}|[一二两三四五六七八九十]{1,3})(?:人|名|位)")


def _follows(text: str, pos: int) -> bool:
    if pos >= len(text):
        return True
    ch = text[pos]
    if not _NAME_CHARS.match(ch):
        return True
    if _COUNT_TAIL.match(text, pos):
        return True
    return text.startswith(_FOLLOWERS, pos)


def name_at(text: str, pos: int) -> str | None:
    """The personal name that starts at ``pos``, decided by its surname and what follows it."""
    while pos < len(text) and text[pos] == " ":
        pos += 1
    if _TITLE_RE.match(text, pos):
        return None  # 常务副主席, 党组书记: a title, though it starts with a surname
    two = text[pos : pos + 2]
    surname_len = 2 if two in _SURNAMES_2 else 1 if text[pos : pos + 1] in _SURNAMES_1 else 0
    if not surname_len:
        return None
    for total in (surname_len + 1, surname_len + 2):
        cand = text[pos : pos + total]
        if len(cand) < total or not _NAME_RUN.fullmatch(cand):
            return None
        bad = {c for c in cand if c in _NOT_IN_NAME}
        if bad:
            # 和 is a conjunction, but also a given name's character (谢和平): only where a title
            # closes the name
            if bad == {"和"} and cand[-1] != "和" and _TITLE_AFTER.match(text, pos + total):
                return cand
            if bad != {"和"} or total == surname_len + 2:
                return None
            continue
        if _follows(text, pos + total):
            # prefer the shorter name only when the longer reading would swallow a follow word
            return cand
    return None


#: heads of a place's government: a post in the government, never in the chain's party committee
HEADS_OF_GOVERNMENT = ("市长", "省长", "区长", "县长", "州长", "旗长")


def split_title(title: str) -> tuple[str | None, str]:
    """Split a title into the internal body it names and the rest (党委书记 -> (党委, 书记))."""
    for dept in _DEPARTMENTS:
        if title == dept[:-1] + "部长":
            return dept, "部长"
        if title.startswith(dept) and title[len(dept) :] in {"部长", "副部长"}:
            return dept, title[len(dept) :]
    for unit in TITLE_UNITS:
        if title.startswith(unit) and len(title) > len(unit):
            return unit, title[len(unit) :]
    return None, title


@record
class PostHit:
    """A post held by a named person: title at organisation (reading offsets of the evidence)."""

    person: Candidate
    org: Candidate | None
    title: str
    begin: int
    end: int
    rule: str = "post.chain"
    title_at: int = -1  # reading offset of the title itself (of its internal body, if it names one)


@record
class Byline:
    """A reporter's or photographer's credit."""

    person: Candidate
    publisher: Candidate | None
    role: str  # 记者 | 通讯员 | 摄影
    begin: int
    end: int


def _person(text: str, pos: int, rule: str) -> Candidate | None:
    while pos < len(text) and text[pos] == " ":
        pos += 1
    name = name_at(text, pos)
    if name is None:
        return None
    return Candidate(pos, pos + len(name), "Person", name, rule, None, 85)


def _names_from(text: str, pos: int, rule: str) -> list[Candidate]:
    """The person at ``pos`` and those listed after it with 、 (束为、吕昭平)."""
    first = _person(text, pos, rule)
    if first is None:
        return []
    out = [first]
    while out[-1].end < len(text) and text[out[-1].end] == "、":
        nxt = _person(text, out[-1].end + 1, rule)
        if nxt is None:
            break
        out.append(nxt)
    return out


def _names_before(text: str, pos: int, rule: str) -> list[Candidate]:
    """The list of names that ends at ``pos`` (毛大付、赖静、经戈、周利平), first to last."""
    out: list[Candidate] = []
    end = pos
    while True:
        person = _person_ending_at(text, end, strict=False)
        if person is None:
            break
        out.insert(0, Candidate(person.begin, person.end, "Person", person.name, rule, None, 85))
        if person.begin > 0 and text[person.begin - 1] == "、":
            end = person.begin - 1
            continue
        break
    return out


def _title_ending_at(text: str, pos: int) -> str | None:
    m = _TITLE_AT_END.search(text, max(0, pos - 14), pos)
    return m.group(0) if m else None


_Link = tuple[Candidate | None, str, int, int]  # organisation, title, begin, title's own begin


def _chain(text: str, end: int, org_ending_at: Callable[[int], Candidate | None]) -> list[_Link]:
    """The titles that end at ``end``, right to left: (organisation, title, begin, title at)."""
    chain: list[_Link] = []
    pos = end
    while True:
        title = _title_ending_at(text, pos)
        if title is None:
            break
        unit, rest = split_title(title)
        if unit in _DEPARTMENTS and title.startswith(unit) and org_ending_at(pos - len(rest)):
            title = rest  # 市委宣传部 + 部长: the department is the organisation found, not a title
        begin = pos - len(title)
        if begin > 0 and text[begin - 1] in "原前":
            begin -= 1  # 原国家林业局局长: a former post is still reported as the post it was
        org = org_ending_at(begin)
        start = org.begin if org else begin
        chain.append((org, title, start, pos - len(title)))
        if start > 0 and text[start - 1] in "、兼":
            pos = start - 1
            continue
        break
    return chain


_NAME_THEN_TITLE = re.compile(
    r"(?<![\u4e00-\u9fff])([\u4e00-\u9fff]{2,4}?)(?=等\d+名|等[一二两三四五六七八九十]+名|总书记|院士|同志)"
)
_CLAUSE_LEAD = re.compile(r"(?:[，,。；;、:：\n]|^|由|向|对|在|与|和|及|贯彻|学习)$")


def find_named_people(text: str) -> list[Candidate]:
    """People named with a title after the name and no organisation (习近平总书记, 谢和平院士,
    汤广福等8名院士): persons, though no post can be recorded."""
    out = []
    for m in _NAMED_TITLE_RE.finditer(text):
        for length in (3, 2, 4):
            start = m.start() - length
            if start < 0:
                continue
            name = name_at(text, start)
            if name is None or start + len(name) != m.start() or name[-1] in "省市区县州国":
                continue  # 全省院士…: a place word, not a name
            lead = text[max(0, start - 6) : start]
            if _CLAUSE_LEAD.search(lead) or _TITLE_AT_END.search(lead):
                out.append(
                    Candidate(start, m.start(), "Person", name, "person.name-title", None, 80)
                )
                break
    return out


def find_posts(
    text: str,
    org_ending_at: Callable[[int], Candidate | None],
    orgs: Sequence[Candidate] = (),
) -> list[PostHit]:
    """Find posts: chains before names, elections and appointments after them.

    ``org_ending_at(pos)`` returns the organisation (or place, for a zone's 党工委) mention ending
    at
    ``pos``; ``orgs`` are all organisation mentions, for elections that name none.
    """
    hits: list[PostHit] = []
    seen_names: set[int] = set()
    previous: tuple[int, Candidate] | None = (
        None  # sentence start and organisation of the last chain
    )
    for m in _TITLE_RE.finditer(text):
        people = _names_from(text, m.end(), "post.name")
        if not people or people[0].begin in seen_names:
            continue
        chain = _chain(text, people[0].begin, org_ending_at)
        if not chain:
            continue
        seen_names.add(people[0].begin)
        sentence = _sentence_start(text, chain[-1][2])
        first_org, first_title, first_begin, first_at = chain[-1]
        unit = split_title(first_title)[0]
        opens = first_begin == 0 or text[first_begin - 1] in "，,；;、：:\n"
        if first_org is None and unit in {"党委", "党组", "党工委", "管委会"}:
            if opens and previous is not None and previous[0] == sentence:
                first_org = previous[
                    1
                ]  # 党委常委、副总经理孙子宇: the chain before names the organisation
            elif not opens:
                first_org = _org_before_body(text, first_begin, [t for _, t, _, _ in chain])
            chain[-1] = (
                first_org,
                first_title,
                first_org.begin if first_org else first_begin,
                first_at,
            )
        last_org: Candidate | None = None
        for org, title, begin, title_at in reversed(chain):
            if (
                org is None
                and title.endswith(HEADS_OF_GOVERNMENT)
                and last_org is not None
                and last_org.name.startswith("中共")
            ):
                last_org = None  # 省委副书记、省长: the governor is not the committee's
            org = org or last_org
            last_org = org
            if org is not None:
                previous = (sentence, org)
            academy = _ACADEMY_RE.search(text, begin, people[0].begin)
            if title == "院士" and org is None and academy is None:
                continue
            for person in people:
                hits.append(PostHit(person, org, title, begin, person.end, "post.chain", title_at))
    hits += _appointments(text, org_ending_at, orgs)
    return hits


_COMPANY_TITLES = frozenset(
    {"董事长", "副董事长", "总经理", "副总经理", "总裁", "副总裁", "总工程师"}
)


def _org_before_body(text: str, pos: int, titles: list[str]) -> Candidate | None:
    """An organisation the text names only by its short name before a body's title (中国海油党组书
    记).

    The words back to the clause's start are taken as the name when they are 2-8 characters with no
    function word in them; a chain with 董事长 or 总经理 makes it a company.
    """
    start = pos
    while start > 0 and pos - start < 8 and _NAME_CHARS.match(text[start - 1]):
        start -= 1
    if pos - start < 2 or (start > 0 and _NAME_CHARS.match(text[start - 1])):
        return None
    name = text[start:pos]
    if any(ch in _NOT_IN_NAME or ch in "由于把被让使" for ch in name):
        return None
    kind = "Company" if any(t in _COMPANY_TITLES for t in titles) else None
    return Candidate(start, pos, "Organization", name, "post.org-before-body", kind, 50)


def _sentence_start(text: str, pos: int) -> int:
    return max(text.rfind(c, 0, pos) for c in "。！？\n") + 1


_NAMED_TITLE_RE = re.compile(r"总书记|院士|同志|等(?:\d+|[一二两三四五六七八九十]+)名")
_COUNT_BEFORE = re.compile(r"(?:共|等)?(?:\d{1,3}|[一二两三四五六七八九十]{1,3})(?:人|名|位)$")
#: the verbs that put someone into a post (增补 and the like: between congresses)
_ELECTING_VERBS = "选举|聘任|聘请|任命|推选|增补|增选|补选"
_ELECTING = re.compile(_ELECTING_VERBS)
#: 选举X为…, and ，X为… (a comma, then names and 为); the comma as an alternative of its own
#: rather than in a class, so that every alternative starts with a literal and re skips ahead
_ELECTED_RE = re.compile(
    rf"(?:{_ELECTING_VERBS}|，|,)"
    r"(?P<names>[\u4e00-\u9fff]{2,4}(?:、[\u4e00-\u9fff]{2,4})*?)为"
)
_APPOINT_RE = re.compile(r"(?:被聘为|受聘为|聘为|当选为|当选|出任|兼任|担任|任)")
_ELECT_RE = re.compile(
    rf"(?:{_ELECTING_VERBS})?(?=[\u4e00-\u9fff]{{2,4}}(?:、[\u4e00-\u9fff]{{2,4}})*为)"
)
_CERTIFICATE_RE = re.compile(
    r"向(?P<name>[\u4e00-\u9fff]{2,4}?)(?:院士|教授|同志)?颁发(?:了)?(?P<title>[\u4e00-\u9fff]{2,8}?)(?:证书|聘书)"
)
_COMMITTEE_RE = re.compile(
    r"第[一二三四五六七八九十百\d]{1,4}届(?:委员会|理事会|常务委员会|常务理事会)$"
)


def _implicit_org(text: str, pos: int, orgs: Sequence[Candidate]) -> Candidate | None:
    """The organisation named last before ``pos`` in its paragraph (else the paragraph before);
    a term's body (第十一届理事会) named there first: who is elected after it is elected in it,
    whatever their own organisation (选举产生第十一届理事会，某大学教授张三当选为理事长)."""
    para = text.rfind("\n", 0, pos)
    before = [o for o in orgs if o.end <= pos and o.cls == "Organization"]
    if not before:
        return None
    inside = [o for o in before if o.begin > para]
    pool = inside or [o for o in before if o.begin > text.rfind("\n", 0, max(para, 0))]
    bodies = [o for o in pool if _COMMITTEE_RE.search(o.name)]
    return max(bodies or pool, key=lambda o: o.end) if pool else None


#: academic titles and professions before a name (not posts in an organisation)
_PROFESSION_BEFORE = re.compile(
    r"(?:教授|研究员|博士生导师|硕士生导师|导师|博导|工程师|主任医师|专家)$"
)


def _appointments(
    text: str, org_ending_at: Callable[[int], Candidate | None], orgs: Sequence[Candidate]
) -> list[PostHit]:
    hits: list[PostHit] = []
    # X(、Y…)(共N人)当选为/任/被聘为 [organisation] title
    for m in _APPOINT_RE.finditer(text):
        pre = m.start()
        count = _COUNT_BEFORE.search(text[max(0, pre - 6) : pre])
        end = pre - len(count.group(0)) if count else pre
        people = _names_before(text, end, "post.reverse")
        if not people:
            continue
        first = people[0]
        if (
            first.begin > 0
            and _NAME_CHARS.match(text[first.begin - 1])
            and not text.endswith(("是", "由"), 0, first.begin)
        ) and (
            _title_ending_at(text, first.begin) is None
            and not _PROFESSION_BEFORE.search(text, max(0, first.begin - 6), first.begin)
        ):
            continue  # the name must start a clause (or follow a title: 教授、博士生导师张三)
        # the organisations of the person's own titles (某公司董事长张三当选会长) elect no one
        own = {id(link[0]) for link in _chain(text, first.begin, org_ending_at) if link[0]}
        found = _title_after(text, m.end(), org_ending_at, [o for o in orgs if id(o) not in own])
        if found is None:
            continue
        org, title, t_end = found
        for person in people:
            hits.append(
                PostHit(
                    person, org, title, person.begin, t_end, "post.appointment", t_end - len(title)
                )
            )
    # 选举X为理事长, Y、Z为副理事长, 聘任X为秘书长
    for m in _ELECTED_RE.finditer(text):
        names = _names_from(text, m.start("names"), "post.election")
        if not names or names[-1].end != m.end("names"):
            continue
        if m.group(0)[0] in "，," and not _ELECTING.search(
            text[_sentence_start(text, m.start()) : m.start()]
        ):
            continue
        found = _title_after(text, m.end(), org_ending_at, orgs, whole=True)
        if found is None:
            continue
        org, title, t_end = found
        for person in names:
            hits.append(
                PostHit(
                    person, org, title, m.start("names"), t_end, "post.election", t_end - len(title)
                )
            )
    # 向X颁发名誉主席证书
    for m in _CERTIFICATE_RE.finditer(text):
        awarded = _person(text, m.start("name"), "post.certificate")
        title = m.group("title")
        if awarded is None or not _TITLE_RE.fullmatch(title):
            continue
        org = _implicit_org(text, m.start(), orgs)
        if org is not None:
            hits.append(
                PostHit(
                    awarded, _association(org, orgs), title, m.start(), m.end(), "post.certificate"
                )
            )
    return hits


def _title_after(
    text: str,
    pos: int,
    org_ending_at: Callable[[int], Candidate | None],
    orgs: Sequence[Candidate],
    whole: bool = False,
) -> tuple[Candidate | None, str, int] | None:
    """[organisation] title right after ``pos``; without an organisation, the paragraph's."""
    t = _TITLE_RE.match(text, pos)
    if t is not None and (not whole or _clause_end(text, t.end())):
        org = _implicit_org(text, pos, orgs)
        return (_association(org, orgs) if org else None), t.group(0), t.end()
    for end in range(pos + 2, min(len(text), pos + 30)):
        if text[end - 1] in "，。；,;":
            break
        org = org_ending_at(end)
        if org is not None and org.begin >= pos:
            t = _TITLE_RE.match(text, org.end)
            if t is not None and (not whole or _clause_end(text, t.end())):
                return org, t.group(0), t.end()
    return None


def _clause_end(text: str, pos: int) -> bool:
    return pos >= len(text) or text[pos] in "，。；、,;\n"


def _association(org: Candidate, orgs: Sequence[Candidate]) -> Candidate:
    """A 第N届委员会 elects for its association: the organisation its name starts with."""
    if _COMMITTEE_RE.search(org.name) and org.parent:
        parent = next((o for o in orgs if o.name == org.parent), None)
        if parent is not None:
            return parent
        return Candidate(
            org.begin, org.end, "Organization", org.parent, org.rule, None, org.priority
        )
    return org


def _person_ending_at(text: str, pos: int, strict: bool = True) -> Candidate | None:
    for length in (3, 2, 4):
        start = pos - length
        if start < 0:
            continue
        # the name must start a clause: the character before it is punctuation or a post title
        if (
            strict
            and start > 0
            and _NAME_CHARS.match(text[start - 1])
            and text[start - 1] not in "、，。"
            and not _title_ending_at(text, start)
        ):
            continue
        name = name_at(text, start)
        if name is not None and start + len(name) == pos:
            return Candidate(start, pos, "Person", name, "post.reverse", None, 85)
    return None


_BYLINE_RE = re.compile(
    r"(?P<role>特约记者|见习记者|记者|通讯员)[ \u3000]*"
    r"(?P<names>[\u4e00-\u9fff]{2,4}(?:[ \u3000、]+(?!特约|见习|记者|通讯员)[\u4e00-\u9fff]{2,4})*)"
)
_PHOTO_RE = re.compile(r"[(（]\s*(?P<name>[\u4e00-\u9fff]{2,4}?)\s*摄\s*[)）]")


def find_bylines(text: str, org_ending_at: Callable[[int], Candidate | None]) -> list[Byline]:
    """Find credits: (重庆日报记者 张亦筑), 记者 X 通讯员 Y, 重庆日报记者 郑宇摄, (韩星 摄)."""
    out: list[Byline] = []
    for m in _BYLINE_RE.finditer(text):
        publisher = org_ending_at(m.start())
        pos = m.start("names")
        while pos < m.end("names"):
            while pos < len(text) and text[pos] in " \u3000、":
                pos += 1
            name = name_at(text, pos)
            if name is None:
                break
            photo = text.startswith("摄", pos + len(name))
            role = "摄影" if photo else m.group("role")
            person = Candidate(pos, pos + len(name), "Person", name, "byline", None, 88)
            begin = publisher.begin if publisher else m.start()
            out.append(
                Byline(person, publisher, role, begin, pos + len(name) + (1 if photo else 0))
            )
            pos += len(name)
    for m in _PHOTO_RE.finditer(text):
        name = name_at(text, m.start("name"))
        if name is None or len(name) != len(m.group("name")):
            continue
        person = Candidate(m.start("name"), m.end("name"), "Person", name, "byline.photo", None, 88)
        out.append(Byline(person, None, "摄影", m.start(), m.end()))
    return out
