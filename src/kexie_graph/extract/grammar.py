"""Name grammars over the reading text: titles in 《》, quoted names, session names, names by head
noun.

Each finder returns :class:`~.candidates.Candidate` records in reading-text offsets. The finders
know
the genre's shapes, never a particular article: a name is found by its head noun (…学会, …论坛,
…工作站), its quotation marks, or its brackets, and bounded on the left by the words that govern it.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from functools import lru_cache
from itertools import accumulate

from .candidates import Candidate
from .heads import (
    COMPOUND_TAILS,
    GENERIC_HEADS,
    GENERIC_MODIFIERS,
    GOVERNING,
    HEAD_RE,
    HEADS,
    SUBUNIT_HEADS,
    Head,
    head_expansion,
)
from .patterns import finditer_from
from .people import TITLES

__all__ = [
    "find_headed",
    "find_paren_places",
    "find_quoted",
    "find_sessions",
    "find_titles",
    "is_relative_name",
    "tokens",
]

_CJK = "\u4e00-\u9fff"
_PUNCT = set("，。、；：！？,.;:!?()（）《》“”\"'‘’[]【】\n\r\t —-·/")
_HEAD_BY_TEXT: dict[str, Head] = {}
for _head in HEADS:
    _HEAD_BY_TEXT.setdefault(_head.text, _head)

_STOP_TAGS = frozenset(
    {"p", "u", "uj", "ul", "uz", "ug", "uv", "ud", "d", "ad", "m", "q", "r", "c", "y", "e"}
)
_CONJUNCTIONS = frozenset({"与", "和", "及", "暨"})
_YEAR_RE = re.compile(r"\d{4}年")
_YEAR_WORD_RE = re.compile(r"\d{4}年?")
_NUMBER_RE = re.compile(r"[\d.]+")
_IDEOGRAPH_RE = re.compile(r"[\u4e00-\u9fff]")
#: what may follow a national name that is not a modifier of the noun after it
_NATIONAL_OBJECT_RE = re.compile(r"[和与及、的]|建设|实施")
_DEICTIC_RE = re.compile(r"全省|全市|全区|全县|我省|我市|本省|本市|各级|各地")
#: ordinals that open an event's name (首届…, 第十三届…), kept in it
_ORDINAL_RE = re.compile(r"首届|第[一二三四五六七八九十百零〇两\d]{1,4}[届次期]")
#: a level character opening a name of the home place's body (省林业局, 市全民科学素质…办公室)
_RELATIVE_LEVEL = re.compile(r"[省市区县](?![级属内外民场长委])")
#: common nouns ending in a one-character head (格局 is no bureau, 展厅 no department)
_NOT_BODIES = tuple(
    [
        "格局",
        "布局",
        "结局",
        "大局",
        "全局",
        "当局",
        "开局",
        "时局",
        "政局",
        "僵局",
        "残局",
        "变局",
        "新局",
        "棋局",
        "饭局",
        "餐厅",
        "客厅",
        "大厅",
        "展厅",
        "门厅",
        "营业厅",
        "报告厅",
        "演播厅",
        "会议厅",
        "舞厅",
        "办事大厅",
    ]
)
#: characters that end the words before a company's name (在青岛天汇食品有限公司)
_COMPANY_BOUNDS = frozenset("在与和及、由向对为把将从到")
#: heads of company names, whose brand words are any words (天汇, 德迈仕)
_COMPANY_HEADS = frozenset({"有限公司", "股份有限公司", "有限责任公司", "公司", "集团"})
_CONSTRUCTIVE = (
    "设立",
    "建立",
    "建设",
    "搭建",
    "创建",
    "建成",
    "上线",
    "启用",
    "开通",
    "打造",
    "成立",
)
_ISSUING = ("制定", "印发", "出台", "发布", "起草", "编制", "修订", "颁布", "制定出台", "研究制定")
_PROPER_PREFIXES = (
    "国家",
    "中国",
    "全国",
    "国际",
    "世界",
    "亚太",
    "西部",
    "东部",
    "中部",
    "长江",
    "粤港澳",
)


#: compounds jieba's dictionary splits wrongly in this genre (线上线下 is not 线/上线/下)
_GENRE_WORDS = ("线上线下", "院士专家", "科技工作者", "科普基地", "学术年会", "全民科学素质")


@lru_cache(maxsize=1)
def _tagger() -> tuple[Callable[[str], list[str]], dict[str, str]]:
    import jieba
    import jieba.posseg

    from .segment import Segmenter

    jieba.setLogLevel(60)
    # our own tokenizer instance, so the genre words we add do not change jieba for anyone else
    tk = jieba.Tokenizer()
    tk.initialize()
    for word in _GENRE_WORDS:
        tk.add_word(word, tag="n")
    # the words of tk.lcut(s, HMM=False), found faster (see .segment)
    return Segmenter(tk).cut, jieba.posseg.dt.word_tag_tab


#: the ends of governing words (a word the dictionary splits ends with one of these)
_GOVERNING_TAILS = frozenset(word[i:] for word in GOVERNING for i in range(1, len(word)))


#: the tags of the words met so far: jieba's table has hundreds of thousands of entries, whose
#: lookups miss the processor's caches; the words of the genre are a few thousand (remembered up
#: to a bound, so that a long run over new text cannot grow it without end)
_TAGS_SEEN: dict[str, str | None] = {}
_TAGS_REMEMBERED = 100_000
_UNTAGGED = ""  # no tag is empty


def tokens(text: str) -> list[tuple[str, str | None]]:
    """Segment ``text`` with jieba's dictionary (no HMM) and tag each token from the dictionary."""
    cut, tags = _tagger()
    out: list[tuple[str, str | None]] = []
    for tok in cut(text):
        if tok == "年" and out and out[-1][0].isdigit():
            out[-1] = (out[-1][0] + tok, "t")  # 2021 + 年 -> one year token
        elif out and (
            (tok in _GOVERNING_TAILS and out[-1][0] + tok in GOVERNING)
            or (out[-1][0][0] in "首第" and _ORDINAL_RE.fullmatch(out[-1][0] + tok))
        ):
            out[-1] = (
                out[-1][0] + tok,
                out[-1][1],
            )  # 赋+能, 第二+十一届: one word the dictionary splits
        else:
            tag = _TAGS_SEEN.get(tok, _UNTAGGED)
            if tag == _UNTAGGED:
                tag = tags.get(tok)
                if len(_TAGS_SEEN) < _TAGS_REMEMBERED:
                    _TAGS_SEEN[tok] = tag
            out.append((tok, tag))
    return out


#: titles that bound a name on its left; 院士, 专家 and the like also modify names (院士带培计划)
_TITLE_TAIL = tuple(
    t
    for t in TITLES
    if len(t) >= 2 and t not in {"院士", "委员", "成员", "理事", "研究员", "教授", "顾问", "常委"}
)
_TITLE_LAST = frozenset(t[-1] for t in _TITLE_TAIL)
#: a post title starting here (局长, 院长 …): what looks like a head is part of it
_TITLE_START = re.compile("|".join(t for t in TITLES if len(t) >= 2))


class _Segments:
    """The text's words, found once per stretch between punctuation marks and reused by every walk.

    A walk to the left of a head reads the words of ``text[lo:start]``: the words of the stretch
    that holds it, clipped at ``lo`` and ``start`` (a word cut there is looked up again).
    """

    def __init__(self, text: str) -> None:
        self.text = text
        # per stretch (by its start): where each of its words starts, and the words
        self.cache: dict[int, tuple[list[int], list[tuple[str, str | None]]]] = {}
        # the stretches between punctuation marks, found once: (begin, end) in text order
        spans = [m.span() for m in _STRETCH_RE.finditer(text)]
        self.begins = [b for b, _ in spans]
        self.ends = [e for _, e in spans]

    def stretch_begin(self, end: int) -> int:
        """Where the stretch of words that ends at ``end`` (exclusive) begins (``end`` itself when
        punctuation stands before ``end``)."""
        k = bisect_right(self.begins, end - 1) - 1
        return self.begins[k] if k >= 0 and end <= self.ends[k] else end

    def _stretch(self, pos: int) -> tuple[list[int], list[tuple[str, str | None]]]:
        """The starts and the words of the stretch that holds ``text[pos]`` (no punctuation)."""
        k = bisect_right(self.begins, pos) - 1
        lo = self.begins[k]
        found = self.cache.get(lo)
        if found is None:
            words = tokens(self.text[lo : self.ends[k]])
            starts = list(accumulate((len(tok) for tok, _ in words[:-1]), initial=lo))
            found = self.cache[lo] = (starts, words)
        return found

    def tokens(self, lo: int, hi: int) -> list[tuple[str, str | None]]:
        """The words of ``text[lo:hi]`` (which holds no punctuation)."""
        if lo >= hi:
            return []
        starts, words = self._stretch(lo)
        first = bisect_right(starts, lo) - 1  # the word that holds text[lo]
        last = bisect_left(starts, hi) - 1  # the word that holds text[hi - 1]
        out = words[first : last + 1]
        for index in {first, last}:  # a word cut at lo or hi is looked up again
            at = starts[index]
            end = at + len(words[index][0])
            if at < lo or end > hi:
                _, tags = _tagger()
                piece = self.text[max(at, lo) : min(end, hi)]
                out[index - first] = (piece, tags.get(piece))
        return out


#: a stretch of text between punctuation marks
_STRETCH_RE = re.compile("[^" + re.escape("".join(sorted(_PUNCT))) + "]+")


def _is_stop(tok: str, tag: str | None) -> bool:
    # (each test is tried only where it can succeed: a title's last character, a digit)
    if tok[-1:] in _TITLE_LAST and tok.endswith(_TITLE_TAIL):
        return True  # 书记处书记兼中国科技馆: a post title bounds the name after it
    if tok in GOVERNING or (len(tok) > 2 and (tok[-2:] in GOVERNING or tok[:2] in GOVERNING)):
        return True
    if tok[:1].isdigit() and _YEAR_WORD_RE.fullmatch(tok):
        return True
    if tok.endswith("好") and len(tok) <= 3:
        return True
    return tag is not None and tag in _STOP_TAGS and tok not in _CONJUNCTIONS


# ---------------------------------------------------------------- titles 《…》

_TITLE_RE = re.compile(r"《([^《》\n]{1,100})》")
_DOC_KINDS: tuple[tuple[str, str], ...] = (
    ("实施方案", "ImplementationPlan"),
    ("方案", "PlanDocument"),
    ("意见", "OpinionDocument"),
    ("建议", "Recommendations"),
    ("通知", "Notice"),
    ("条例", "Law"),
    ("办法", "Law"),
    ("法", "Law"),
    ("规划", "PlanDocument"),
    ("纲要", "PlanDocument"),
    ("计划", "PlanDocument"),
    ("报告", "Report"),
)


def document_kind(title: str) -> str | None:
    """Return the Document kind of a title by its head (…实施方案 -> ImplementationPlan)."""
    core = re.sub(r"[(（][^()（）]*[)）]$", "", title)
    for suffix, kind in _DOC_KINDS:
        if core.endswith(suffix):
            return kind
    return None


def find_titles(text: str) -> list[Candidate]:
    """Find titles in 《》: documents, or newspapers when the title is a paper's name."""
    out = []
    for m in _TITLE_RE.finditer(text):
        inner = m.group(1).strip()
        if not inner:
            continue
        if re.search(r"(日报|晚报|报|杂志|周刊)$", inner):
            out.append(
                Candidate(
                    m.start(1), m.end(1), "Organization", inner, "title.newspaper", "Newspaper", 90
                )
            )
            continue
        out.append(
            Candidate(
                m.start(1), m.end(1), "Document", inner, "title.document", document_kind(inner), 100
            )
        )
    return out


# ---------------------------------------------------------------- quoted names “…”

_QUOTE = r"“[^“”\n，。！？,!?]{1,40}”"
_QUOTED_RUN_RE = re.compile(rf"{_QUOTE}(?:(?:带|与|和|\+|、|促|联)?{_QUOTE})*")
_PLACE_AFTER_QUOTE_RE = re.compile(r"(?:科协|区县|地区|片区|城市|各区县)")
_PERIOD_RE = re.compile(r"^十[一二三四五六七八九]五$")


def _continuation(text: str, pos: int) -> str:
    """Return up to 24 name characters after ``pos`` (a closing quote), cut at punctuation."""
    end = pos
    while end < len(text) and end - pos < 24 and text[end] not in _PUNCT and text[end] != "“":
        end += 1
    return text[pos:end]


def _head_prefix(window: str) -> tuple[int, Head] | None:
    """The longest prefix of ``window`` that ends in a head (and that head), before any governing
    word."""
    limit = 0
    for tok, tag in tokens(window):
        if limit and (_is_stop(tok, tag) or tok == "的"):
            break
        if not limit and (tok in GOVERNING or tok == "的"):
            return None
        limit += len(tok)
    # the longest prefix that ends in a head: look up each prefix's endings of the heads' lengths
    for end in range(limit, 0, -1):
        for size in _QUOTED_HEAD_SIZES:
            if size <= end:
                head = _QUOTED_HEAD_BY_TEXT.get(window[end - size : end])
                if head is not None:
                    return end, head
    return None


#: heads that end a quoted name by their text, and their lengths, longest first; 局, 厅 end too
#: many common nouns (工作格局, 展厅) to end a quoted name
_QUOTED_HEAD_BY_TEXT: dict[str, Head] = {}
for _head in HEADS:
    if not (len(_head.text) == 1 and _head.needs_prefix):
        _QUOTED_HEAD_BY_TEXT.setdefault(_head.text, _head)
_QUOTED_HEAD_SIZES = sorted({len(t) for t in _QUOTED_HEAD_BY_TEXT}, reverse=True)


_GENERIC_LONGEST_FIRST = sorted(GENERIC_HEADS, key=len, reverse=True)
_THEME_AFTER = re.compile(r"(?:为|作为)(?:主题|题)|这一主题|的主题|主题(?=[,，。；、])")
_THEME_BEFORE = re.compile(r"(?:主题是|主题为|主题:|口号是|以|围绕)$")
_FIGURE_OF_SPEECH = re.compile(r"(?:称为|称作|誉为|看作|视为|比作|喻为)[^,，。；;“]{0,20}$")
_NUMERAL = re.compile(r"[一二三四五六七八九十百千两]")


_NUMBERED = re.compile(r"[强去增树抓促]?[一二三四五六七八九十两]个?[\u4e00-\u9fff]{1,3}")


def _theme_or_figure(text: str, m: re.Match[str]) -> bool:
    """A quotation that is a theme or a figure of speech, not a name: “创新驱动·科技引领”为主题,
    被看作…的“雪中送炭”工程."""
    before = text[max(0, m.start() - 24) : m.start()]
    return bool(_THEME_AFTER.match(text, m.end()) or _FIGURE_OF_SPEECH.search(before))


def _slogan(text: str, m: re.Match[str], run: str) -> bool:
    """A numbered slogan said once (增强“四个意识”, “强三性”“去四化”); “一会一品”, “一区两群”, with
    two numbers, are models and places, and a run joined by 带/与 (“三长”带“三师”) is a model."""
    parts = re.findall(r"“([^”]*)”", run)
    unjoined = not re.search(r"”[带与和+促联]“", run)
    once = text.count(run) == 1  # a slogan is said once; a name the text comes back to is a name
    return (
        once
        and bool(parts)
        and unjoined
        and all(_NUMBERED.fullmatch(p) and len(_NUMERAL.findall(p)) == 1 for p in parts)
    )


#: the head noun a quoted name ends with (organisations, platforms, events: the classes whose
#: names the genre quotes as proper names)
_HEAD_AT_END = re.compile(
    "(?:"
    + "|".join(
        re.escape(h.text)
        for h in HEADS
        if h.cls in {"Organization", "Platform", "Event"} and len(h.text) >= 2
    )
    + ")$"
)


def find_quoted(text: str) -> list[Candidate]:
    """Find names in quotation marks, with the head noun that may follow (“巴蜀科技云服务”平台)."""
    out = []
    for m in _QUOTED_RUN_RE.finditer(text):
        run = m.group(0)
        inner = run[1:-1] if run.count("“") == 1 else None
        if inner is not None and _PERIOD_RE.match(inner):
            continue
        if _theme_or_figure(text, m):
            continue
        after = text[m.end() : m.end() + 4]
        if inner is not None and _PLACE_AFTER_QUOTE_RE.match(after):
            out.append(
                Candidate(m.start() + 1, m.end() - 1, "Place", inner, "quoted.place", "Region", 60)
            )
            continue
        window = _continuation(text, m.end())
        # strip a generic trailing head (活动, 工作 …) before looking for a real one
        stripped = window
        for generic in _GENERIC_LONGEST_FIRST:
            if stripped.endswith(generic):
                stripped = stripped[: -len(generic)]
                break
        found = _head_prefix(window) if window else None
        if found is None and stripped:
            found = _head_prefix(stripped)
        if found is not None:
            end, head = found
            name = run + window[:end]
            aliases: tuple[str, ...] = ()
            team = head.cls == "Organization" and head.text.endswith("团")
            if team and window[:end] == head.text:
                # “科创中国”产业科技服务团: a brand and a kind of body, no body's own name: the
                # scheme
                # under which such bodies are formed (its members add their own words)
                out.append(
                    Candidate(
                        m.start(),
                        m.end() + end,
                        "Program",
                        name,
                        "quoted.head.scheme",
                        None,
                        70,
                        inner=(inner,) if inner else (),
                    )
                )
                continue
            if head.cls in {"Platform", "Organization"}:
                # a facility's or body's proper name carries no quotation marks (巴蜀科技云服务平台)
                name, aliases = name.replace("“", "").replace("”", ""), (name,)
            out.append(
                Candidate(
                    m.start(),
                    m.end() + end,
                    head.cls,
                    name,
                    "quoted.head",
                    head.kind,
                    70,
                    aliases=aliases,
                    inner=(inner,) if inner else (),
                )
            )
            continue
        if _slogan(text, m, run):
            continue
        if inner is None:  # a run of several quotes with no head: “三长”带“三师”
            out.append(Candidate(m.start(), m.end(), "Program", run, "quoted.run", "Model", 65))
            continue
        if len(inner) > 12:
            continue  # a long quotation without a head is speech or a slogan, not a name
        generic = next((g for g in GENERIC_HEADS if window.startswith(g) or window.endswith(g)), "")
        cls, kind = GENERIC_HEADS.get(generic or "", ("Program", None))
        own = _HEAD_AT_END.search(inner) if not generic else None
        if own is not None and len(inner) > len(own.group(0)):
            head = _HEAD_BY_TEXT[own.group(0)]  # “深港科普联盟”: the name's own head types it
            cls, kind = head.cls, head.kind
        out.append(Candidate(m.start() + 1, m.end() - 1, cls, inner, "quoted.bare", kind, 60))
    return out


# ---------------------------------------------------------------- sessions 五届八次全会

_NUM = r"[一二三四五六七八九十百零〇两\d]{1,4}"
_SESSION_RE = re.compile(
    # the full form first: 第十届委员会第三次全体会议, 第八届理事会第二次常务理事会议
    rf"第(?P<fn>{_NUM})届(?P<fbody>全国委员会|委员会|常务委员会|常委会|理事会)"
    rf"第(?P<fm>{_NUM})次(?P<fkind>全体会议|全体委员会议|常务理事会议|常务理事会|会议)"
    rf"|(?:第)?(?P<n>{_NUM})届(?:(?:第)?(?P<m>{_NUM})次)?(?P<kind>全会|全委会|全体会议|全体委员会议|常委会议|常委会|理事会议|理事会|委员会)"
    rf"|第(?P<c>{_NUM})次(?P<ckind>会员代表大会|代表大会)"
)


#: the characters a session's name starts with: 第 or a numeral
_SESSION_STARTS = re.compile(r"[第一二三四五六七八九十百零〇两\d]")


def _full_session(term: str, body: str, number: str, kind: str) -> str:
    """The canonical name of a session written out (第十届全国委员会第三次全体会议), the one its
    short form (十届三次全会) is given, so that both name one event."""
    if body in {"委员会", "全国委员会"}:
        meeting = "全体会议" if kind.startswith("全体") else kind
        return f"第{_cn(term)}届委员会第{_cn(number)}次{meeting}"
    if body in {"常务委员会", "常委会"}:
        return f"第{_cn(term)}届常务委员会第{_cn(number)}次会议"
    meeting = "常务理事会议" if kind.startswith("常务理事") else "会议"
    return f"第{_cn(term)}届理事会第{_cn(number)}次{meeting}"


def _cn(num: str) -> str:
    if num.isdigit():
        import cn2an

        return str(cn2an.an2cn(num))
    return num


def find_sessions(
    text: str, org_before: Callable[[int], tuple[int, str] | None]
) -> list[Candidate]:
    """Find plenary sessions and congresses (五届八次全会, 第十次代表大会) of the organisation
    before
    them, and the elected bodies of a term (省科协第九届委员会, 第十届理事会).

    ``org_before(pos)`` returns ``(begin, canonical name)`` of an organisation mention ending at
    ``pos``.
    A term's body named without its organisation (第十届理事会) is the one of the organisation whose
    session or body the text named last.
    """
    out = []
    last_org: str | None = None
    for m in finditer_from(_SESSION_RE, _SESSION_STARTS, text):
        org = org_before(m.start())
        body = m.group("kind") in {"理事会", "委员会"} and not m.group("m")
        full = m.group("fn") is not None  # written out: 第十届委员会第三次全体会议
        if org is None:
            if not ((body or full) and m.group(0).startswith("第") and last_org):
                continue
            begin, org_name = m.start(), last_org
        else:
            begin, org_name = org
        last_org = org_name
        if body:
            name = f"{org_name}第{_cn(m.group('n'))}届{m.group('kind')}"
            out.append(
                Candidate(
                    begin,
                    m.end(),
                    "Organization",
                    name,
                    "session.body",
                    "Committee",
                    95,
                    parent=org_name,
                )
            )
            continue
        rule = "session"
        if full:
            name = org_name + _full_session(
                m.group("fn"), m.group("fbody"), m.group("fm"), m.group("fkind")
            )
            rule = "session.full"
        elif m.group("c"):
            name = f"{org_name}第{_cn(m.group('c'))}次{m.group('ckind')}"
        elif m.group("kind").startswith("理事"):
            name = f"{org_name}第{_cn(m.group('n'))}届理事会" + (
                f"第{_cn(m.group('m'))}次会议" if m.group("m") else ""
            )
        elif m.group("kind").startswith("常委"):
            name = f"{org_name}第{_cn(m.group('n'))}届常务委员会" + (
                f"第{_cn(m.group('m'))}次会议" if m.group("m") else ""
            )
        else:
            name = f"{org_name}第{_cn(m.group('n'))}届委员会" + (
                f"第{_cn(m.group('m'))}次全体会议" if m.group("m") else "全体会议"
            )
        out.append(Candidate(begin, m.end(), "Event", name, rule, "Meeting", 95, parent=org_name))
    return out


# ---------------------------------------------------------------- 西部(重庆)科学城

_PAREN_PLACE_RE = re.compile(
    rf"[{_CJK}]{{2,4}}\([{_CJK}]{{2,4}}\)[{_CJK}]{{0,6}}?(?:科学城|自由贸易试验区|自贸试验区|自贸区|新区|高新区|园区)"
)


def find_paren_places(text: str) -> list[Candidate]:
    """Find place names with a place in brackets (西部(重庆)科学城, 中国(四川)自由贸易试验区)."""
    out: list[Candidate] = []
    if "(" not in text:
        return out  # (every such name has its bracket: the scan would find nothing)
    for m in _PAREN_PLACE_RE.finditer(text):
        pre = m.group(0).split("(", 1)[0]
        cut = 0
        pos = 0
        for tok, tag in tokens(pre):
            pos += len(tok)
            if _is_stop(tok, tag) or tok in "在于从到由对向":
                cut = pos
        name = m.group(0)[cut:]
        kind = (
            "ScienceCity"
            if name.endswith("科学城")
            else "HighTechZone"
            if "区" in name[-3:]
            else "Park"
        )
        start = m.start() + cut  # governing words swallowed on the left (在西部(重庆)科学城)
        out.append(
            Candidate(start, m.end(), "Place", text[start : m.end()], "paren.place", kind, 80)
        )
    return out


# ---------------------------------------------------------------- names by head noun


def is_relative_name(name: str) -> bool:
    """Whether ``name`` is a body named relative to the article's place (省林学会, 市科协)."""
    return _RELATIVE_LEVEL.match(name) is not None


def find_headed(
    text: str,
    barrier_at: Callable[[int], Candidate | None],
    schemes: dict[str, str] | None = None,
) -> list[Candidate]:
    """Find unquoted names by their head noun, bounded on the left by governing words.

    ``barrier_at(pos)`` returns the already-found candidate that ends at ``pos`` (or None). An
    administrative place is absorbed into the name (重庆科技馆), except before a national name
    (服务海南创新驱动发展战略: the place is a possessor); an organisation is absorbed into the name
    of an organisation (中国科协创新战略研究院重庆分院, 中国科技馆发展基金会) and of an unquoted
    programme named after it (中国科协青年人才托举工程); any other found name stops it. Names found
    earlier in the text are barriers for later ones (中国交通建设集团有限公司 | 科学技术协会).
    """
    out: list[Candidate] = []
    found: dict[int, Candidate] = {}
    segments = _Segments(text)

    def barrier(pos: int) -> Candidate | None:
        return found.get(pos) or barrier_at(pos)

    for m in HEAD_RE.finditer(text):
        head = _HEAD_BY_TEXT[m.group(0)]
        hb, he = m.start(), m.end()
        if _TITLE_START.match(text, hb):
            continue  # 局 of 局长, 院 of 院长: a post title, not a name's head
        nxt = HEAD_RE.match(text, he)
        if (
            text.startswith(COMPOUND_TAILS, he)
            or (text.startswith("师", he) and not text.startswith("师生", he))  # 总工程师
        ) or (
            nxt is not None
            and not _TITLE_START.match(text, he)
            and not (
                (head.text in _COMPANY_HEADS or head.cls == "Place")
                and _HEAD_BY_TEXT[nxt.group(0)].cls == "Organization"
            )  # a company's or a zone's body (…有限公司科学技术协会, 重庆高新区管委会)
            and not (
                head.kind == "ScienceAssociation"
                and _HEAD_BY_TEXT[nxt.group(0)].cls == "Event"
                and nxt.group(0).startswith(("成立", "会员代表", "代表"))
            )  # an association's founding congress (…科学技术协会成立大会) names the association
        ):
            continue  # 科协机关干部队伍, 科协 + 机关: the head is part of a longer noun
        if (
            head.national
            and he < len(text)
            and _IDEOGRAPH_RE.match(text[he])
            and not _NATIONAL_OBJECT_RE.match(text, he)
        ):
            continue  # 国家战略科技力量: 战略 modifies the noun after it
        known = barrier_at(he)
        if known is not None and known.begin < hb and known.cls == head.cls == "Organization":
            continue  # 引进中国科学院院士: the head ends a name already found, which bounds it
        start, modifiers, absorbed, prefix_verb = _expand_left(text, hb, head, barrier, segments)
        if start >= hb:
            continue
        deictic = _DEICTIC_RE.match(text[start:hb])
        if deictic and deictic.end() < hb - start and head.cls in {"Program", "Platform"}:
            start += deictic.end()  # 全省院士专家工作站: the place word is not part of the name
            modifiers = (
                modifiers[:-1] if modifiers and modifiers[-1] == deictic.group(0) else modifiers
            )
        name = text[start:he]
        if "的" in name or not modifiers or name.endswith(_NOT_BODIES):
            continue
        if all(
            mod in GENERIC_MODIFIERS or _NUMBER_RE.fullmatch(mod) or _ORDINAL_RE.fullmatch(mod)
            for mod in modifiers
        ):
            continue
        scheme = (schemes or {}).get(head.text)
        relative = _RELATIVE_LEVEL.match(name)  # 省林科院: the home province's, resolved later
        if head.needs_prefix and not (
            absorbed
            or name.startswith(_PROPER_PREFIXES)
            or prefix_verb in _CONSTRUCTIVE
            or scheme
            or relative
        ):
            continue
        if head.needs_verb and prefix_verb not in _ISSUING:
            continue
        if head.kind == "Election" and not _YEAR_RE.match(name):
            continue
        located = next((c.name for c in absorbed if c.cls == "Place" and c.admin), None)
        parent = next((c.name for c in absorbed if c.cls == "Organization"), None)
        is_subunit = head.text in SUBUNIT_HEADS or name.endswith(SUBUNIT_HEADS)
        if parent is not None and head.cls == "Organization" and not is_subunit:
            parent = None  # 中国科技馆发展基金会 is named after the museum, not part of it
        expand = (
            head.cls == "Place"
            or head.kind == "GovernmentBody"
            or (head.kind == "ScienceAssociation" and (located is not None or parent is not None))
        )
        canonical = head_expansion(name) if expand else name
        for zone in sorted(
            (c for c in absorbed if c.cls == "Place" and not c.admin), key=lambda c: -c.begin
        ):
            # a zone named short inside a body's name (重庆高新区管委会): the zone's canonical name
            surface = text[zone.begin : zone.end]
            at = zone.begin - start
            if canonical[at : at + len(surface)] == surface:
                canonical = canonical[:at] + zone.name + canonical[at + len(surface) :]
        places = [c for c in absorbed if c.cls == "Place" and c.admin]
        opened = bool(places) and start == min(c.begin for c in places)
        only_places = all(c.cls == "Place" and c.admin for c in absorbed)
        if (
            head.kind == "ScienceAssociation"
            and opened
            and only_places
            and len(absorbed) == len(modifiers)
        ):
            # 重庆两江新区科协 and 两江新区科协 are one body: the division's canonical name and
            # 科学技术协会, as the relative-name rules write it (区科协 in a 两江新区 article)
            canonical = places[0].name + "科学技术协会"
        if scheme and not absorbed and not name.startswith(_PROPER_PREFIXES):
            canonical = (
                scheme + canonical
            )  # 绿色纺织产业科技服务团 of the “科创中国” scheme named before
        cand = Candidate(
            start,
            he,
            head.cls,
            canonical,
            f"head.{head.cls.lower()}",
            head.kind,
            40,
            aliases=(name,) if canonical != name else (),
            located_in=located,
            parent=parent if is_subunit else None,
        )
        out.append(cand)
        found[he] = cand
    return out


def _company_start(
    text: str, lo: int, hb: int, barrier_at: Callable[[int], Candidate | None]
) -> int | None:
    """Where a company's name starts: at the place or 中国 that opens it, within its clause.

    Company names are brand words that no dictionary knows (青岛天汇食品有限公司, 中国交通建设集团
    有限公司), so the name is bounded by the division or the country it starts with, not by words.
    """
    bound = lo
    for pos in range(lo, hb):
        if text[pos] in _COMPANY_BOUNDS or text.startswith(("分别", "则在", "以及"), pos):
            bound = pos + 1
    for pos in range(bound, hb):
        if text.startswith(("中国", "中华"), pos):
            return pos
        for end in range(pos + 2, min(hb, pos + 10) + 1):
            c = barrier_at(end)
            if c is not None and c.begin == pos and c.cls == "Place" and c.admin:
                return pos
    return None


#: what may stand between a programme's name and the event held for it
_EVENT_LINKS = frozenset({"", "建设", "工作", "发展", "建设工作", "创新发展", "高质量发展"})
_EVENT_LINKS_LONGEST_FIRST = sorted(_EVENT_LINKS - {""}, key=len, reverse=True)


def _expand_left(
    text: str,
    hb: int,
    head: Head,
    barrier_at: Callable[[int], Candidate | None],
    segments: _Segments,
) -> tuple[int, list[str], list[Candidate], str | None]:
    """Walk left from a head; return (start, modifiers, absorbed candidates, governing verb)."""
    start = hb
    modifiers: list[str] = []
    absorbed: list[Candidate] = []
    conj_at: int | None = None
    if head.cls == "Event":
        for link in _EVENT_LINKS_LONGEST_FIRST:
            named = barrier_at(hb - len(link)) if text.endswith(link, 0, hb) else None
            if named is not None and named.cls in {"Program", "Organization"}:
                start = hb - len(link)  # 院士专家工作站 + 建设 + 推进会
                modifiers.append(link)
                break
    if head.text in _COMPANY_HEADS:
        lo = hb
        while lo > 0 and hb - lo < 20 and text[lo - 1] not in _PUNCT:
            lo -= 1
        begin = _company_start(text, lo, hb, barrier_at)
        if begin is not None and begin < hb:
            inside = [
                c
                for c in (barrier_at(e) for e in range(begin + 1, hb + 1))
                if c is not None and begin <= c.begin
            ]
            return (
                begin,
                [text[begin:hb]],
                [c for c in inside if c.cls == "Place" and c.admin],
                None,
            )
    while True:
        barrier = barrier_at(start)
        if barrier is not None:
            absorb = (
                (barrier.cls == "Place" and barrier.admin and not head.national)
                or (
                    barrier.cls == "Place"
                    and head.cls == "Organization"  # a zone's body (某高新区促进中心)
                )
                or (
                    # an event named after a programme or body (全国科普日主场活动, 某联盟开放日)
                    head.cls == "Event"
                    and barrier.cls in {"Program", "Organization"}
                    and text[barrier.end : hb] in _EVENT_LINKS  # 院士专家工作站建设推进会
                )
                or (
                    barrier.cls == "Organization"
                    and head.cls in {"Organization", "Program"}
                    and not (head.cls == "Program" and "“" in barrier.name)
                )
            )
            if absorb:
                absorbed.append(barrier)
                modifiers.append(text[barrier.begin : barrier.end])
                start = barrier.begin
                continue
            return _conj_checked(text, start, hb, conj_at, modifiers, absorbed, None)
        # the words before ``start`` back to punctuation, 24 characters or a found name's end
        floor = max(start - 24, segments.stretch_begin(start))
        lo = start
        while lo > floor and barrier_at(lo) is None:
            lo -= 1
        if lo == start:
            return _conj_checked(text, start, hb, conj_at, modifiers, absorbed, None)
        toks = segments.tokens(lo, start)
        pos = start
        for i in range(len(toks) - 1, -1, -1):
            tok, tag = toks[i]
            if tok in _CONJUNCTIONS:
                left = toks[i - 1] if i > 0 else None
                joined = barrier_at(pos - len(tok)) if left is None else None
                if (
                    tok == "暨"
                    and head.cls == "Event"
                    and joined is not None
                    and joined.cls in {"Event", "Program"}
                ):
                    pos -= len(tok)  # A暨B: one event under two names; A is absorbed below
                    modifiers.append(tok)
                    absorbed.append(joined)
                    modifiers.append(text[joined.begin : joined.end])
                    start = joined.begin
                    break
                inside_org = (
                    head.cls == "Organization"
                    and tok in {"与", "及"}
                    and modifiers
                    and not absorbed
                )
                if (
                    left is None
                    or _is_stop(*left)
                    or left[0] in GENERIC_HEADS
                    or (head.cls not in {"Event", "Program"} and not inside_org)
                ):
                    return pos, modifiers, absorbed, tok
                if inside_org:
                    conj_at = pos  # 澳门经济及科技发展局: kept only if a proper name opens it
                pos -= len(tok)
                modifiers.append(tok)
                continue
            if head.cls == "Event" and (_YEAR_RE.fullmatch(tok) or _ORDINAL_RE.fullmatch(tok)):
                pos -= len(tok)
                modifiers.append(tok)
                left_word = toks[i - 1][0] if i > 0 else ""
                if left_word in _CONJUNCTIONS:
                    continue  # 首届…邀请赛暨第六届…大赛: one event of two names
                return pos, modifiers, absorbed, None
            if _is_stop(tok, tag) and not (pos == hb and tag == "n" and tok in GOVERNING):
                # a governing word the dictionary calls a noun, right before the head, is part of
                # the name (创新驱动助力工程)
                return _conj_checked(text, pos, hb, conj_at, modifiers, absorbed, tok)
            pos -= len(tok)
            modifiers.append(tok)
        else:
            start = pos
            if head.cls in {"Event", "Program"} and start > 0 and text[start - 1] == "”":
                opening = text.rfind("“", max(0, start - 24), start)
                if opening >= 0 and not _PUNCT.intersection(text[opening + 1 : start - 1]) - {"·"}:
                    modifiers.append(text[opening:start])  # 第十三届“6·18”创新驱动…: a quoted part
                    start = opening
                    continue
            if barrier_at(start) is None:
                return _conj_checked(text, start, hb, conj_at, modifiers, absorbed, None)
            continue
        # a joined name was absorbed (A暨B): go on from its start


def _conj_checked(
    text: str,
    start: int,
    hb: int,
    conj_at: int | None,
    modifiers: list[str],
    absorbed: list[Candidate],
    verb: str | None,
) -> tuple[int, list[str], list[Candidate], str | None]:
    """Keep a conjunction inside an organisation's name only if a proper name opens it."""
    if conj_at is None:
        return start, modifiers, absorbed, verb
    opened = any(c.begin == start for c in absorbed) or text.startswith(_PROPER_PREFIXES, start)
    if opened:
        return start, modifiers, absorbed, verb
    kept = [m for m in modifiers]
    while kept and kept[-1] not in _CONJUNCTIONS:
        kept.pop()
    return conj_at, kept[:-1], [c for c in absorbed if c.begin >= conj_at], verb


def longest_first(cands: Sequence[Candidate]) -> list[Candidate]:
    """Candidates ordered by priority, then length, then position (for overlap resolution)."""
    return sorted(cands, key=lambda c: (-c.priority, -c.length, c.begin))
