"""The article's context: its home place, publisher, date and year, and what follows from them.

Relative names only mean something in context: 市科协 is the science association of the article's
own city, 全市 is that city, 本报 is the paper that prints the article. This module finds the home
place
(from the publisher, the dateline and the places named), resolves such words against it, and hands
the
pipeline the lexicon's and gazetteer's candidates.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass, field, replace

from ..records import Article, Entity, entity_key
from .abbrev import ORGANIZATION_SUFFIXES, PlaceContext, home_place, resolve_relative
from .candidates import Candidate
from .gazetteer import Gazetteer, PlaceEntry, TextPlaces
from .heads import HEADS
from .lexicon import Lexicon
from .patterns import words_pattern

__all__ = ["Context", "build_context"]

#: relative organisation names (市科协, 省委, 市人大常委会 …): a level character and a suffix that
#: the relative-name rules of :mod:`.abbrev` write out; longest suffix first
_SUFFIX_WORDS = sorted(ORGANIZATION_SUFFIXES, key=len, reverse=True)
_SUFFIXES = "|".join(map(re.escape, _SUFFIX_WORDS))
# (the guards on the character before a match are written after its first character, as
# lookbehinds that span it: the pattern then starts with a literal, and re skips ahead to it)
_RELATIVE_RE = re.compile(rf"[市省区县](?<![区市县全].)(?:{words_pattern(_SUFFIX_WORDS)})(?!员)")
#: the same suffixes right after a named division (无锡市委, 重庆市政府): the rules apply to that
# place
_NAMED_RE = re.compile(rf"(?:市|省|区|县)(?:{_SUFFIXES})(?!员)")
_PLACE_WORD_RE = re.compile(r"全市|我市|本市|全省|我省|本省|全区|我区|全县|我县")
#: the country by deixis: 我国 always; 全国 where it names the country as a unit that is ranked,
#: averaged, counted or acts (居全国第十, 全国公民, 全国已建立), not in 全国各省 or 全国影响力
_COUNTRY_RE = re.compile(
    r"我国|全国(?:(?<=[居在列于]全国)(?!各|范围|性|影响)|(?=公民|平均|第\d|排|前\d|已|共有|累计|现有))"
)
#: the Party by its one-character name in the genre's fixed phrases (党的建设, 听党话、跟党走)
_PARTY_RE = re.compile(
    r"党(?:(?<![建入政共]党)(?=的(?:建设|领导|全面领导|周围|事业|号召|创新理论|方针|政策|声音|光辉|二十大|十九大|十八大))"
    r"|(?<=[听跟爱]党)(?=[话走])|(?<![建入政共]党)(?=和(?:国家|政府|人民)))"
)
#: literary names of provinces (八闽 is 福建): they tell an article's home when nothing else does
_PROVINCE_NAMES: dict[str, str] = {
    "八闽": "福建省",
    "三秦": "陕西省",
    "齐鲁": "山东省",
    "荆楚": "湖北省",
    "三湘": "湖南省",
    "八桂": "广西壮族自治区",
    "燕赵": "河北省",
    "三晋": "山西省",
    "赣鄱": "江西省",
    "陇原": "甘肃省",
    "龙江": "黑龙江省",
    "八闽大地": "福建省",
    "天府之国": "四川省",
}
_PROVINCE_NAME_RE = re.compile("|".join(sorted(_PROVINCE_NAMES, key=len, reverse=True)))
#: one-character names of cities in datelines and headlines: 在蓉闭幕, 在昌召开
_CITY_CHARS: dict[str, str] = {
    "蓉": "成都市",
    "昌": "南昌市",
    "渝": "重庆市",
    "京": "北京市",
    "沪": "上海市",
    "津": "天津市",
    "穗": "广州市",
    "榕": "福州市",
    "邕": "南宁市",
    "筑": "贵阳市",
    "甬": "宁波市",
    "锡": "无锡市",
    "汉": "武汉市",
    "杭": "杭州市",
    "厦": "厦门市",
    "并": "太原市",
    "哈": "哈尔滨市",
    "连": "大连市",
}
_CITY_CHAR_RE = re.compile(
    rf"(?<=[在赴抵来])([{''.join(_CITY_CHARS)}])(?=召开|举行|开幕|闭幕|举办|落幕|启幕|启动|揭牌|签约|开营)"
)
#: a level character that opens a name of a body of the home place (not 市级, 市民, 省长 …)
_RELATIVE_LEVEL = re.compile(r"[省市区县](?![级属内外民场长委])")
#: verbs that carry out a plan named without 《》 (it then works as a programme, not a text)
_CARRIED_OUT = re.compile(r"(?:实施|落实|贯彻|贯彻落实|推进|推动)$")
#: a head noun ending at the next character (学会|理事长, 协会|同…): a place name cannot start there
_HEAD_END_RE = re.compile(
    "(?:"
    + words_pattern(sorted({h.text for h in HEADS if len(h.text) >= 2}, key=len, reverse=True))
    + ")$"
)
#: the macro-regions of Chinese statistics (中部地区 ranks and averages)
_MACRO_REGION_RE = re.compile(r"(?:东部|中部|西部|东北|中西部)地区")
_SUBJECT_RE = re.compile(  # (?:全市|全省|全区|全县|各级)?科协系统|科协工作|…, spelled out
    r"全市科协系统|全省科协系统|全区科协系统|全县科协系统|各级科协系统|科协系统|科协工作|各级科协组织"
    r"|全市科协|全省科协"
)
#: 科协机关 at the text's start or after one of these characters
_BARE_SUBUNIT_RE = re.compile(r"科协(?<![^在和与及、的对向为把,，。；\s]科协)(机关)")
_IDEOGRAPH = re.compile(r"[\u4e00-\u9fff]")
_DATE_RE = re.compile(r"(?:(20\d\d|19\d\d)年)?(\d{1,2})月(\d{1,2})日")
_YEAR_RE = re.compile(r"(20\d\d|19\d\d)(?<![\d(（\-—]....)年")


@dataclass
class Context:
    """What the pipeline knows about an article beyond its sentences."""

    home: PlaceContext
    lexicon: Lexicon
    gazetteer: Gazetteer
    year: int | None = None
    date: str | None = None
    title: str | None = None
    source: str | None = None
    publisher_key: str | None = None
    publisher_evidence: tuple[int, int] | None = None
    home_association: str | None = None
    main_actor: str | None = None
    lexicon_candidates: list[Candidate] = field(default_factory=list)
    abbreviation_candidates: list[Candidate] = field(default_factory=list)
    subject_phrases: list[tuple[int, int]] = field(default_factory=list)
    place_words: list[tuple[int, int, str]] = field(default_factory=list)
    dateline: tuple[int, int] | None = None
    _surfaces: dict[int, str] = field(default_factory=dict)
    _places_in: dict[str, str | None] = field(default_factory=dict)  # place_in, per article
    text: str = ""

    # ------------------------------------------------------------------ helpers used by the
    # pipeline

    def surface(self, c: Candidate) -> str:
        """Return the text a candidate covers (its surface form)."""
        return self.text[c.begin : c.end]

    def short_name(self, c: Candidate) -> str:
        """Return the canonical name of an organisation candidate (for session names)."""
        return c.name

    def place_in(self, name: str) -> str | None:
        """Return the canonical administrative place a name starts with (重庆科技馆 -> 重庆市)."""
        if name in self._places_in:
            return self._places_in[name]
        found = None
        places = self.home.places
        for length in range(min(len(name) - 1, 8), 1, -1):
            place = self.gazetteer.resolve(name[:length], places)
            if place is not None and place.zh != name:
                found = place.zh
                break
        self._places_in[name] = found
        return found

    def expand(self, c: Candidate) -> Candidate:
        """Give a head-noun candidate its canonical name: an abbreviated parent written out, and a
        division's 科协 named after the division's canonical name (重庆两江新区科协 ->
        重庆市两江新区科学技术协会, as 区科协 in a 两江新区 article resolves)."""
        levels = {"省": self.home.province, "市": self.home.city}
        level = levels.get(c.name[:1]) or (self.home.district if c.name[:1] in "区县" else None)
        before = self.text[c.begin - 1] if c.begin > 0 else ""
        opens = not _IDEOGRAPH.match(before) or before in "、和与及在由向对为从将"
        if level and c.cls == "Organization" and opens and _RELATIVE_LEVEL.match(c.name):
            # 省林业局, 市全民科学素质纲要实施工作办公室: bodies of the home place written short
            return replace(
                c, name=level + c.name[1:], aliases=(*c.aliases, c.name), located_in=level
            )
        if c.kind == "ScienceAssociation" and c.name.endswith("科学技术协会"):
            prefix = c.name[: -len("科学技术协会")]
            hits = self.gazetteer.find(prefix, self.home.places)
            tiles = (
                bool(hits)
                and hits[0].begin == 0
                and hits[-1].end == len(prefix)
                and all(a.end == b.begin for a, b in itertools.pairwise(hits))
            )
            if tiles and hits[-1].place.zh + "科学技术协会" != c.name:
                zh = hits[-1].place.zh + "科学技术协会"
                return replace(
                    c,
                    name=zh,
                    aliases=tuple(dict.fromkeys((*c.aliases, c.name))),
                    located_in=hits[-1].place.zh,
                )
        name = c.name
        hit = self.lexicon.prefix(name)  # the lexicon's name that opens it (find()'s at 0)
        if hit is not None and hit.end < len(name) and hit.candidates:
            entry = hit.candidates[0]
            if entry.cls == "Organization":
                rest = name[hit.end :]
                if entry.kind == "Company" and "集团" in entry.zh:
                    # 中国电建集团科协: 中国电建 is the group already, 集团 says it again
                    rest = rest.removeprefix("集团")
                name = entry.zh + rest
                parent = c.parent and entry.zh
                return replace(
                    c, name=name, parent=parent or c.parent, aliases=(*c.aliases, c.name)
                )
        return c

    def bare_subunits(self, text: str, chosen: list[Candidate]) -> list[Candidate]:
        """科协机关 (no place before it) is the headquarters of the home association."""
        out: list[Candidate] = []
        if not self.home_association:
            return out
        home = self.home_association.split("/", 1)[1]
        short = self.home.short_association or home
        for m in _BARE_SUBUNIT_RE.finditer(text):
            if any(c.begin <= m.start() < c.end for c in chosen):
                continue
            out.append(
                Candidate(
                    m.start(),
                    m.end(),
                    "Organization",
                    short + m.group(1),
                    "head.subunit",
                    "OrganizationOffice",
                    45,
                    parent=home,
                )
            )
        return out

    def nearest_known_parent(self, parent: str, ents: dict[str, Entity]) -> str | None:
        """Climb the lexicon's parents from ``parent`` to the first entity the article names."""
        seen = set()
        name: str | None = parent
        while name and name not in seen:
            seen.add(name)
            key = entity_key("Organization", name)
            if key in ents:
                return key
            entry = self.lexicon.get(name)
            name = entry.parent if entry is not None else None
        return None


def build_context(text: str, article: Article) -> Context:
    """Work out the article's context from its reading text and metadata."""
    lexicon = Lexicon.load()
    gazetteer = Gazetteer.load()
    source = clean_source(article.source)
    places = TextPlaces(gazetteer, text)  # the place names of the text, matched once
    home = home_place(text, gazetteer, lexicon, source, places=places)
    if home.province is None:
        literary = _PROVINCE_NAME_RE.search(text)
        province = gazetteer.get(_PROVINCE_NAMES[literary.group(0)]) if literary else None
        if province is not None:
            home = PlaceContext(province=province.zh, evidence=f"literary name {literary.group(0)}")  # type: ignore[union-attr]
    ctx = Context(home=home, lexicon=lexicon, gazetteer=gazetteer, text=text)
    ctx.year = _year(text, article)
    ctx.date = _date(text, ctx.year)
    ctx.title = _title(text)
    ctx.lexicon_candidates = _lexicon_candidates(text, lexicon, home, places)
    ctx.lexicon_candidates += _deictic_candidates(text, lexicon)
    ctx.lexicon_candidates += _city_chars(text, gazetteer)
    ctx.abbreviation_candidates = _relatives(text, home, gazetteer)
    assoc = resolve_relative("市科协" if home.city else "省科协", home)
    if assoc is not None:
        ctx.home_association = entity_key("Organization", assoc.zh)
    ctx.subject_phrases = [(m.start(), m.end()) for m in _SUBJECT_RE.finditer(text)]
    ctx.place_words = _place_words(text, home)
    _publisher(ctx, text, source)
    counts = Counter(
        entity_key(c.cls, c.name)
        for c in ctx.abbreviation_candidates + ctx.lexicon_candidates
        if c.cls == "Organization" and c.kind == "ScienceAssociation"
    )
    ctx.main_actor = counts.most_common(1)[0][0] if counts else ctx.home_association
    return ctx


def clean_source(source: str | None) -> str | None:
    """The publisher's name in a metadata ``source`` field, without notes (``华龙网 (…)`` -> 华龙网)
    .

    A source that does not start with a Chinese name (a note in English, a URL) names no publisher.
    """
    if not source:
        return None
    name = re.split(r"\s*[(（\[]", source.strip(), maxsplit=1)[0].strip()
    if not re.fullmatch(r"[\u4e00-\u9fff·]{2,20}", name):
        return None
    return name


def _deictic_candidates(text: str, lexicon: Lexicon) -> list[Candidate]:
    """The country (我国, 全国 as a unit), the Party (党的建设), the macro-regions (中部地区)."""
    out: list[Candidate] = []
    for regex, zh in ((_COUNTRY_RE, "中华人民共和国"), (_PARTY_RE, "中国共产党")):
        entry = lexicon.get(zh)
        if entry is None:
            continue
        for m in regex.finditer(text):
            out.append(
                Candidate(
                    m.start(),
                    m.end(),
                    entry.cls,
                    entry.zh,
                    f"context.deictic-{entry.cls.lower()}",
                    entry.kind,
                    30,
                    en=entry.en,
                    aliases=(m.group(0),),
                )
            )
    for m in _MACRO_REGION_RE.finditer(text):
        out.append(
            Candidate(m.start(), m.end(), "Place", m.group(0), "context.macro-region", "Region", 70)
        )
    return out


def _city_chars(text: str, gazetteer: Gazetteer) -> list[Candidate]:
    """Cities named by their one-character name where an event takes place (在蓉闭幕, 在昌召开)."""
    out = []
    for m in _CITY_CHAR_RE.finditer(text):
        place = gazetteer.get(_CITY_CHARS[m.group(1)])
        if place is not None:
            out.append(
                Candidate(
                    m.start(1),
                    m.end(1),
                    "Place",
                    place.zh,
                    "context.city-character",
                    place.kind,
                    70,
                    en=place.en,
                    aliases=(m.group(1),),
                    located_in=place.parent or None,
                    admin=True,
                )
            )
    return out


def _lexicon_candidates(
    text: str,
    lexicon: Lexicon,
    home: PlaceContext,
    places: TextPlaces,
) -> list[Candidate]:
    out = []
    for hit in lexicon.find(text):
        if not hit.candidates:
            continue
        entry = hit.candidates[0]
        if entry.cls == "Document" and _CARRIED_OUT.search(text, max(0, hit.begin - 6), hit.begin):
            # 深入实施全民科学素质行动计划纲要: an outline carried out, not in 《》, is a programme
            entry = replace(entry, cls="Program", kind="ActionPlan")
        out.append(
            Candidate(
                hit.begin,
                hit.end,
                entry.cls,
                entry.zh,
                f"lexicon.{entry.cls.lower()}",
                entry.kind,
                80,
                en=entry.en,
                aliases=tuple(entry.aliases),
                parent=entry.parent,
                located_in=entry.located_in,
            )
        )
    for place_hit in places.find(home.places):
        place = place_hit.place
        if _HEAD_END_RE.search(text, max(0, place_hit.begin - 4), place_hit.begin + 1):
            continue  # 学会理事长: 会理 is no place where 会 ends a name's head
        out.append(
            Candidate(
                place_hit.begin,
                place_hit.end,
                "Place",
                place.zh,
                "gazetteer.place",
                place.kind,
                75,
                en=place.en,
                aliases=(place_hit.surface,) if place_hit.surface != place.zh else (),
                located_in=place.parent or None,
                admin=True,
            )
        )
    return out


def _relatives(text: str, home: PlaceContext, gazetteer: Gazetteer) -> list[Candidate]:
    """Relative names (市科协, 省委) resolved at the home place; after a named division
    (无锡市委, 新吴区委) the same rules resolve them at that division instead."""
    out = []
    places = home.places
    for m in _RELATIVE_RE.finditer(text):
        window = text[max(0, m.start() - 8) : m.start() + 1]
        named = [h for h in gazetteer.find(window, places) if h.end == len(window)]
        if named:
            hit = named[0]
            place = _place_context(hit.place, gazetteer)
            resolved = resolve_relative(m.group(0), place)
            if resolved is None:
                continue
            begin = m.start() + 1 - (len(window) - hit.begin)
            out.append(
                Candidate(
                    begin,
                    m.end(),
                    resolved.cls,
                    resolved.zh,
                    "abbrev.named-place",
                    resolved.kind,
                    78,
                    en=resolved.en,
                    aliases=(text[begin : m.end()],),
                    located_in=resolved.located_in,
                )
            )
            continue
        resolved = resolve_relative(m.group(0), home)
        if resolved is None:
            continue
        out.append(
            Candidate(
                m.start(),
                m.end(),
                resolved.cls,
                resolved.zh,
                "abbrev.relative",
                resolved.kind,
                85,
                en=resolved.en,
                aliases=(m.group(0),),
                located_in=resolved.located_in,
            )
        )
    return out


def _place_context(place: PlaceEntry, gazetteer: Gazetteer) -> PlaceContext:
    province = gazetteer.province_of(place)
    city = gazetteer.city_of(place)
    return PlaceContext(
        province=province.zh if province is not None else None,
        city=city.zh if city is not None else None,
        district=place.zh if place.level == 3 else None,
        evidence=f"named {place.zh}",
    )


def _place_words(text: str, home: PlaceContext) -> list[tuple[int, int, str]]:
    out = []
    for m in _PLACE_WORD_RE.finditer(text):
        word = m.group(0)
        level = {"市": home.city, "省": home.province, "区": home.district, "县": home.district}[
            word[-1]
        ]
        if level:
            out.append((m.start(), m.end(), entity_key("Place", level)))
    return out


def _year(text: str, article: Article) -> int | None:
    if article.date and article.date[:4].isdigit():
        return int(article.date[:4])
    m = _DATE_RE.search(text[:400])
    if m and m.group(1):
        return int(m.group(1))
    years: Counter[int] = Counter()
    for y in _YEAR_RE.finditer(text):
        before = text[max(0, y.start() - 3) : y.start()]
        if re.search(r"到|至|较|比|确保|力争|预计|《", before):
            continue
        years[int(y.group(1))] += 1
    if "今年" in text and years:
        return years.most_common(1)[0][0]
    return years.most_common(1)[0][0] if years else None


def _date(text: str, year: int | None) -> str | None:
    m = _DATE_RE.search(text[:600])
    if not m:
        return None
    y = int(m.group(1)) if m.group(1) else year
    if y is None:
        return None
    return f"{y:04d}-{int(m.group(2)):02d}-{int(m.group(3)):02d}"


def _title(text: str) -> str | None:
    lines = []
    for line in text.split("\n"):
        line = line.strip()
        if not line:
            continue
        if len(line) > 60 or line.startswith("本报讯") or re.search(r"[。]", line):
            break
        lines.append(line)
    return max(lines, key=len) if lines else None


#: a dateline at the start of a line: 华龙网讯, 奔流新闻·兰州晨报讯, 本报北京3月10日电,
#: 新华社海口12月6日电, 【本报消息】
_DATELINE_RE = re.compile(
    r"^[\s【\[(（]*(?P<head>[\u4e00-\u9fff]{2,10}(?:[·・/][\u4e00-\u9fff]{2,10})*?)"
    r"(?P<date>\d{1,2}月\d{1,2}日)?(?:讯|电|消息)(?=[\s\u3000（(【】\]：:，,]|$)",
    re.M,
)
#: the paper of a byline: (重庆日报记者 张亦筑), 青岛日报/观海新闻记者 耿婷婷, 兰州晨报记者 武永明
_BYLINE_PAPERS_RE = re.compile(
    r"(?P<names>[\u4e00-\u9fff]{2,8}?(?:日报|晚报|都市报|报|新闻网|网|新闻|电视台|客户端)"
    r"(?:[/·・][\u4e00-\u9fff]{2,8}?(?:日报|晚报|都市报|报|新闻网|网|新闻|电视台|客户端))*)"
    r"(?=(?:特约|见习)?记者|通讯员)"
)
_AGENCY_PREFIX_RE = re.compile(r"本报|新华社|中新社|中新网|人民网|新华网|央视网|光明网")


def _publisher(ctx: Context, text: str, source: str | None) -> None:
    """The publisher and the papers the dateline and bylines name.

    The publisher is the metadata's source, else the paper of the dateline (华龙网讯; of several,
    奔流新闻·兰州晨报讯, the newspaper), else the paper of the byline next to 本报讯. Every paper so
    named becomes a candidate (本报 stands for the publisher).
    """
    head = text[:600]
    papers: list[tuple[int, int, str]] = []  # reading offsets and surface of each paper named
    this_paper: tuple[int, int] | None = None
    dateline: tuple[int, int] | None = None
    for m in _DATELINE_RE.finditer(head):
        names = m.group("head")
        agency = _AGENCY_PREFIX_RE.match(names)
        if agency is not None:
            if agency.group(0) == "本报":
                this_paper = (m.start("head"), m.start("head") + 2)
            else:
                papers.append((m.start("head"), m.start("head") + agency.end(), agency.group(0)))
        elif m.group("date") is None and not all(
            ctx.gazetteer.resolve(part) for part in re.split(r"[·・/]", names)
        ):  # 兰州晨报讯 names a paper; 青岛讯 only a place
            pos = m.start("head")
            for part in re.split(r"[·・/]", names):
                papers.append((pos, pos + len(part), part))
                pos += len(part) + 1
        else:
            continue
        dateline = (m.start("head"), m.end())
        break
    # (a byline's paper stands before 记者 or 通讯员: without them the scan finds nothing)
    bylines = _BYLINE_PAPERS_RE.finditer(head) if "记者" in head or "通讯员" in head else ()
    for m in bylines:
        pos = m.start("names")
        for part in re.split(r"[/·・]", m.group("names")):
            papers.append((pos, pos + len(part), part))
            pos += len(part) + 1
    ctx.dateline = dateline
    name = source
    if name is None and papers:
        in_dateline = [p for p in papers if dateline and dateline[0] <= p[0] < dateline[1]]
        pool = in_dateline or papers
        name = next((p[2] for p in pool if re.search(r"报|社$", p[2])), pool[0][2])
    for b, e, surface in papers:
        ctx.lexicon_candidates.append(_paper(ctx, b, e, surface, "dateline.paper"))
    if name is None:
        return
    ctx.source = name
    paper = _paper(ctx, 0, 0, name, "")
    ctx.publisher_key = entity_key("Organization", paper.name)
    if this_paper is not None:
        ctx.publisher_evidence = this_paper
        ctx.lexicon_candidates.append(_paper(ctx, *this_paper, name, "dateline.this-paper"))
    elif dateline is not None:
        ctx.publisher_evidence = dateline


def _paper(ctx: Context, begin: int, end: int, surface: str, rule: str) -> Candidate:
    entry = ctx.lexicon.get(surface) or next(iter(ctx.lexicon.by_alias(surface)), None)
    zh = entry.zh if entry is not None else surface
    return Candidate(
        begin,
        end,
        "Organization",
        zh,
        rule,
        entry.kind if entry else "Newspaper",
        90,
        en=entry.en if entry else None,
    )
