"""Relative names and the article's home place: 市科协 in a Qingdao article is 青岛市科学技术协会.

News names the bodies of its own place by relative abbreviations — 市科协, 省科协, 区科协,
市委组织部, 市政府, 省科技厅 — and the place itself by 全市, 我市, 本省. Their referent depends
on the article's *home place*, which :func:`home_place` works out from the publisher (重庆日报
serves 重庆市), the dateline (本报青岛讯, 新华社重庆3月18日电) and, failing those, the places
the text names most. :func:`resolve_relative` then builds the canonical full name by rule from
the home place's canonical name — 省科协 + 四川省 -> 四川省科学技术协会, 市委组织部 + 重庆市 ->
中共重庆市委组织部 — rather than from a table of pairs.

A 直辖市 is province-level and city-level at once: in a Chongqing article 市科协 is
重庆市科学技术协会 and 省科协 names nothing.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

from ..records import Entity, entity_key
from .gazetteer import Gazetteer, PlaceEntry, TextPlaces
from .lexicon import Lexicon

__all__ = [
    "ORGANIZATION_SUFFIXES",
    "PLACE_WORDS",
    "PlaceContext",
    "ResolvedName",
    "home_place",
    "relative_entity",
    "resolve_relative",
]


@dataclass(frozen=True, slots=True)
class PlaceContext:
    """An article's own place: canonical names of its province, city and district (if known).

    For a 直辖市 ``province`` and ``city`` are the same (重庆市). ``places`` lists them most
    specific first, for disambiguating the places the article names. ``evidence`` says how it was
    found.
    """

    province: str | None = None
    city: str | None = None
    district: str | None = None
    evidence: str = ""

    @property
    def places(self) -> tuple[str, ...]:
        """The home places, most specific first, without repeats."""
        return tuple(dict.fromkeys(p for p in (self.district, self.city, self.province) if p))

    @property
    def short_association(self) -> str | None:
        """The short name of the home 科协: 重庆市科协 (city if known, else province)."""
        place = self.city or self.province
        return f"{place}科协" if place else None


class ResolvedName(str):
    """A resolved canonical name (it *is* the string) that also carries its class and kind."""

    __slots__ = ("cls", "en", "kind", "located_in", "parent", "surface")

    cls: str
    kind: str | None
    en: str | None
    located_in: str | None
    parent: str | None
    surface: str

    def __new__(
        cls,
        zh: str,
        *,
        entity_class: str,
        kind: str | None,
        en: str | None = None,
        located_in: str | None = None,
        parent: str | None = None,
        surface: str = "",
    ) -> ResolvedName:
        self = super().__new__(cls, zh)
        self.cls = entity_class
        self.kind = kind
        self.en = en
        self.located_in = located_in
        self.parent = parent
        self.surface = surface
        return self

    @property
    def zh(self) -> str:
        """The canonical name as a plain string."""
        return str.__str__(self)

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (self.zh, self.cls, self.kind, self.en, self.located_in, self.parent))


def _rebuild(
    zh: str, cls: str, kind: str | None, en: str | None, located: str | None, parent: str | None
) -> ResolvedName:
    return ResolvedName(zh, entity_class=cls, kind=kind, en=en, located_in=located, parent=parent)


@dataclass(frozen=True, slots=True)
class _Rule:
    template: str  # {p} is the place's canonical name
    kind: str
    en: str | None = None  # {e} English short name of the place, {a} its level adjective
    parent: str | None = None  # template of the parent organisation
    cls: str = "Organization"


_COMMITTEE = "中共{p}委员会"
_GOVERNMENT = "{p}人民政府"

#: Relative organisation names: what follows the level character (市/省/区/县 …) -> the rule that
#: writes the full name out. Longest suffix wins (委组织部 before 委).
ORGANIZATION_SUFFIXES: dict[str, _Rule] = {
    "科协": _Rule(
        "{p}科学技术协会", "ScienceAssociation", "{e} Association for Science and Technology"
    ),
    "科学技术协会": _Rule(
        "{p}科学技术协会", "ScienceAssociation", "{e} Association for Science and Technology"
    ),
    "委": _Rule(_COMMITTEE, "PartyOrganization", "CPC {e} {a} Committee"),
    "委组织部": _Rule(
        "中共{p}委组织部",
        "PartyDepartment",
        "Organization Department of the CPC {e} {a} Committee",
        _COMMITTEE,
    ),
    "委宣传部": _Rule(
        "中共{p}委宣传部",
        "PartyDepartment",
        "Publicity Department of the CPC {e} {a} Committee",
        _COMMITTEE,
    ),
    "委统战部": _Rule(
        "中共{p}委统战部",
        "PartyDepartment",
        "United Front Work Department of the CPC {e} {a} Committee",
        _COMMITTEE,
    ),
    "委办公厅": _Rule("中共{p}委办公厅", "OrganizationOffice", None, _COMMITTEE),
    "委办公室": _Rule("中共{p}委办公室", "OrganizationOffice", None, _COMMITTEE),
    "委网信办": _Rule(
        "中共{p}委网络安全和信息化委员会办公室",
        "OrganizationOffice",
        "Cyberspace Affairs Office of the CPC {e} {a} Committee",
        _COMMITTEE,
    ),
    "委党校": _Rule("中共{p}委党校", "School", None, _COMMITTEE),
    "政府": _Rule(_GOVERNMENT, "GovernmentBody", "{e} {a} People's Government"),
    "人民政府": _Rule(_GOVERNMENT, "GovernmentBody", "{e} {a} People's Government"),
    "政府办公厅": _Rule("{p}人民政府办公厅", "OrganizationOffice", None, _GOVERNMENT),
    "政府办公室": _Rule("{p}人民政府办公室", "OrganizationOffice", None, _GOVERNMENT),
    "人大": _Rule("{p}人民代表大会", "PeoplesCongress", "{e} {a} People's Congress"),
    "人大常委会": _Rule(
        "{p}人民代表大会常务委员会",
        "PeoplesCongress",
        "Standing Committee of the {e} {a} People's Congress",
    ),
    "政协": _Rule("中国人民政治协商会议{p}委员会", "Committee", "{e} {a} Committee of the CPPCC"),
    "科技局": _Rule("{p}科学技术局", "GovernmentBody", "{e} {a} Science and Technology Bureau"),
    "科技厅": _Rule(
        "{p}科学技术厅", "GovernmentBody", "{e} {a} Department of Science and Technology"
    ),
    "科委": _Rule(
        "{p}科学技术委员会", "GovernmentBody", "{e} {a} Science and Technology Commission"
    ),
    "教委": _Rule("{p}教育委员会", "GovernmentBody", "{e} {a} Education Commission"),
    "教育局": _Rule("{p}教育局", "GovernmentBody", "{e} {a} Education Bureau"),
    "教育厅": _Rule("{p}教育厅", "GovernmentBody", "{e} {a} Department of Education"),
    "发改委": _Rule(
        "{p}发展和改革委员会", "GovernmentBody", "{e} {a} Development and Reform Commission"
    ),
    "发展改革委": _Rule(
        "{p}发展和改革委员会", "GovernmentBody", "{e} {a} Development and Reform Commission"
    ),
    "经信委": _Rule("{p}经济和信息化委员会", "GovernmentBody"),
    "经信局": _Rule("{p}经济和信息化局", "GovernmentBody"),
    "工信厅": _Rule("{p}工业和信息化厅", "GovernmentBody"),
    "工信局": _Rule("{p}工业和信息化局", "GovernmentBody"),
    "工业和信息化局": _Rule("{p}工业和信息化局", "GovernmentBody"),
    "工业和信息化厅": _Rule("{p}工业和信息化厅", "GovernmentBody"),
    "经济和信息化局": _Rule("{p}经济和信息化局", "GovernmentBody"),
    "经济和信息化委员会": _Rule("{p}经济和信息化委员会", "GovernmentBody"),
    "人力资源和社会保障局": _Rule("{p}人力资源和社会保障局", "GovernmentBody"),
    "人力资源和社会保障厅": _Rule("{p}人力资源和社会保障厅", "GovernmentBody"),
    "发展和改革委员会": _Rule(
        "{p}发展和改革委员会", "GovernmentBody", "{e} {a} Development and Reform Commission"
    ),
    "财政局": _Rule("{p}财政局", "GovernmentBody", "{e} {a} Finance Bureau"),
    "财政厅": _Rule("{p}财政厅", "GovernmentBody", "{e} {a} Department of Finance"),
    "人社局": _Rule("{p}人力资源和社会保障局", "GovernmentBody"),
    "人社厅": _Rule("{p}人力资源和社会保障厅", "GovernmentBody"),
    "卫健委": _Rule("{p}卫生健康委员会", "GovernmentBody", "{e} {a} Health Commission"),
    "民政局": _Rule("{p}民政局", "GovernmentBody", "{e} {a} Civil Affairs Bureau"),
    "民政厅": _Rule("{p}民政厅", "GovernmentBody", "{e} {a} Department of Civil Affairs"),
    "农业农村局": _Rule("{p}农业农村局", "GovernmentBody"),
    "农业农村厅": _Rule("{p}农业农村厅", "GovernmentBody"),
    "农业农村委": _Rule("{p}农业农村委员会", "GovernmentBody"),
    "国资委": _Rule("{p}国有资产监督管理委员会", "GovernmentBody"),
    "总工会": _Rule("{p}总工会", "Association", "{e} {a} Federation of Trade Unions"),
    "妇联": _Rule("{p}妇女联合会", "Association", "{e} {a} Women's Federation"),
    "社科联": _Rule("{p}社会科学界联合会", "Association", "{e} {a} Federation of Social Sciences"),
    "文联": _Rule(
        "{p}文学艺术界联合会", "Association", "{e} {a} Federation of Literary and Art Circles"
    ),
    "侨联": _Rule(
        "{p}归国华侨联合会", "Association", "{e} {a} Federation of Returned Overseas Chinese"
    ),
}

#: Words for the home place itself (全市, 我省 …): the level character is the last one.
PLACE_WORDS: frozenset[str] = frozenset(
    prefix + level
    for prefix in ("全", "我", "本", "该")
    for level in ("省", "市", "区", "县", "州")
)

# Levels a relative prefix may name; 团市委 (the Youth League) puts 团 in front.
_LEVEL_CHARS = "省市区县州旗盟"
_YOUTH_LEAGUE = re.compile(rf"^团([{_LEVEL_CHARS}])委$")

# Level adjective for English names; kinds not listed get no English name built.
_ADJECTIVE = {
    ("Province", "省"): "Provincial",
    ("Municipality", "直辖市"): "Municipal",
    ("City", "地级市"): "Municipal",
    ("City", "县级市"): "Municipal",
    ("District", "市辖区"): "District",
    ("County", "县"): "County",
}


def _level_place(level: str, home: PlaceContext, gazetteer: Gazetteer) -> PlaceEntry | None:
    """The home division a level character names (市 -> the home city …), or None."""
    province = gazetteer.get(home.province) if home.province else None
    city = gazetteer.get(home.city) if home.city else None
    district = gazetteer.get(home.district) if home.district else None
    if level == "省":
        return province if province is not None and province.division == "省" else None
    if level == "市":
        if district is not None and district.division == "县级市":
            return district
        if city is not None and city.division in {"地级市", "直辖市"}:
            return city
        return None
    if level == "区":
        if district is not None and district.division == "市辖区":
            return district
        if district is None and city is None and province is not None:
            return province if province.division == "自治区" else None
        if district is None and city is not None and province is not None:
            # 区科协 in a Guangxi article about a city is ambiguous: district or region.
            return None
        return None
    if level == "县":
        return district if district is not None and district.division in {"县", "自治县"} else None
    if level == "州":
        return city if city is not None and city.division == "自治州" else None
    if level == "旗":
        return district if district is not None and district.division in {"旗", "自治旗"} else None
    if level == "盟":
        return city if city is not None and city.division == "盟" else None
    return None


def _english(template: str | None, place: PlaceEntry) -> str | None:
    if template is None or not place.en_short:
        return None
    if "{a}" in template:
        adjective = _ADJECTIVE.get((place.kind, place.division))
        if adjective is None:
            return None
        return template.format(e=place.en_short, a=adjective)
    return template.format(e=place.en_short)


def resolve_relative(
    surface: str, home: PlaceContext, gazetteer: Gazetteer | None = None
) -> ResolvedName | None:
    """The canonical full name a relative abbreviation stands for in an article at ``home``.

    ``surface`` is a relative organisation name (市科协, 省科协, 区科协, 县科协, 市委组织部, 市委,
    市政府, 市科技局, 省科技厅, 团市委 …) or a word for the place itself (本市, 全市, 我市, 全省,
    我省 …). The result is a :class:`ResolvedName`: the name as a ``str`` with ``cls``, ``kind``,
    ``en``, ``parent`` and ``located_in`` (canonical names). None when the home place has no
    division of that level (省科协 in a Chongqing article) or the surface is not relative.
    """
    gazetteer = gazetteer or Gazetteer.load()
    surface = surface.strip()
    if surface in PLACE_WORDS:
        place = _level_place(surface[-1], home, gazetteer)
        if place is None:
            return None
        return ResolvedName(
            place.zh,
            entity_class="Place",
            kind=place.kind,
            en=place.en or place.en_short,
            located_in=place.parent or None,
            surface=surface,
        )
    league = _YOUTH_LEAGUE.match(surface)
    if league:
        place = _level_place(league.group(1), home, gazetteer)
        if place is None:
            return None
        return ResolvedName(
            f"共青团{place.zh}委员会",
            entity_class="Organization",
            kind="Association",
            located_in=place.zh,
            surface=surface,
        )
    level, rest = surface[:1], surface[1:]
    if level not in _LEVEL_CHARS:
        return None
    rule = ORGANIZATION_SUFFIXES.get(rest)
    if rule is None:
        return None
    place = _level_place(level, home, gazetteer)
    if place is None:
        return None
    return ResolvedName(
        rule.template.format(p=place.zh),
        entity_class=rule.cls,
        kind=rule.kind,
        en=_english(rule.en, place),
        located_in=place.zh,
        parent=rule.parent.format(p=place.zh) if rule.parent else None,
        surface=surface,
    )


def relative_entity(
    surface: str,
    home: PlaceContext,
    gazetteer: Gazetteer | None = None,
    lexicon: Lexicon | None = None,
) -> Entity | None:
    """:func:`resolve_relative` as an entity; a lexicon entry of that name supplies its details."""
    resolved = resolve_relative(surface, home, gazetteer)
    if resolved is None:
        return None
    if lexicon is not None:
        entry = lexicon.get(resolved.zh)
        if entry is not None:
            entity = lexicon.to_entity(entry)
            aliases = tuple(dict.fromkeys((*entity.aliases, surface)))
            return Entity(
                cls=entity.cls,
                zh=entity.zh,
                en=entity.en,
                kind=entity.kind,
                aliases=aliases,
                parent=entity.parent,
                located_in=entity.located_in,
                source="lexicon",
            )
    return Entity(
        cls=resolved.cls,
        zh=resolved.zh,
        en=resolved.en,
        kind=resolved.kind,
        aliases=(surface,),
        parent=entity_key("Organization", resolved.parent) if resolved.parent else None,
        located_in=entity_key("Place", resolved.located_in) if resolved.located_in else None,
        source="extracted",
    )


# ---------------------------------------------------------------------- the home place

_NEWS_DATELINE = re.compile(
    r"(?:本报|新华社|中新社|中新网|人民网|新华网|央视网|光明网|科技日报|中国科技网)"
    r"([\u4e00-\u9fff]{2,8}?)(?:\d{1,2}月\d{1,2}日)?[电讯]"
)
_LOCAL_DATELINE = re.compile(r"^[\s【\[(（]*([\u4e00-\u9fff]{2,8}?)讯")
_BYLINE_PAPER = re.compile(
    r"[(（【]\s*([\u4e00-\u9fff]{2,10}?(?:日报|晚报|都市报|报|新闻网|融媒体中心))(?:记者|通讯员)"
)
_HEAD = 600  # datelines and bylines sit at the top
# 区科协, 县委, 全区, 我县 … as a word of its own (not 区县科协, 全区县: generic plurals).
_SPEAKS_AS_DISTRICT = re.compile(
    r"(?<![\u4e00-\u9fff区县市省])[区县旗](?:科协|委|政府)|[全我本该][区县旗](?![区县市])"
)


def _place_prefix(name: str, gazetteer: Gazetteer) -> PlaceEntry | None:
    """The division a name starts with (青岛日报 -> 青岛市), longest first, if unambiguous."""
    for length in range(min(len(name), 10), 1, -1):
        place = gazetteer.resolve(name[:length])
        if place is not None and place.current:
            return place
    return None


def _from_publisher(
    name: str, gazetteer: Gazetteer, lexicon: Lexicon
) -> tuple[PlaceEntry | None, bool]:
    """The place a publisher serves, and whether the publisher is known at all."""
    entries = [lexicon.get(name)] if lexicon.get(name) else lexicon.by_alias(name)
    for entry in entries:
        if entry is None:
            continue
        if entry.serves:
            return gazetteer.get(entry.serves) or gazetteer.resolve(entry.serves), True
        return None, True  # a national paper: it says nothing about the place
    if re.search(r"(?:日报|晚报|都市报|报|新闻网|融媒体中心|电视台|发布)$", name):
        return _place_prefix(name, gazetteer), False
    return None, False


def _context_of(place: PlaceEntry, gazetteer: Gazetteer, evidence: str) -> PlaceContext:
    province = gazetteer.province_of(place)
    city = gazetteer.city_of(place)
    district = place if place.level == 3 else None
    return PlaceContext(
        province=province.zh if province is not None else None,
        city=city.zh if city is not None else None,
        district=district.zh if district is not None else None,
        evidence=evidence,
    )


def _by_mentions(
    text: str,
    gazetteer: Gazetteer,
    base: PlaceContext | None,
    places: TextPlaces | None = None,
) -> PlaceContext:
    """Complete ``base`` from the places the text names, or find the home place from them.

    Without a base, the most named city is home if it lies in the most named province (a province
    counts every place named in it), is named more often than any other city and at least as
    often as that province by its own name; otherwise the province alone is.
    """
    cities: Counter[str] = Counter()
    provinces: Counter[str] = Counter()
    districts: Counter[str] = Counter()
    context = base.places if base else ()
    for hit in places.find(context) if places is not None else gazetteer.find(text, context):
        city = gazetteer.city_of(hit.place)
        province = gazetteer.province_of(hit.place)
        if city is not None:
            cities[city.zh] += 1
        if province is not None:
            provinces[province.zh] += 1
        if hit.place.level == 3:
            districts[hit.place.zh] += 1
    if base is not None:
        return _with_district(base, districts, cities, text, gazetteer)
    if not provinces:
        return PlaceContext(evidence="no place named")
    province_zh, province_count = provinces.most_common(1)[0]
    ranked = cities.most_common(2)
    if ranked:
        city_zh, count = ranked[0]
        runner_up = ranked[1][1] if len(ranked) > 1 else 0
        city = gazetteer.get(city_zh)
        province = gazetteer.province_of(city) if city is not None else None
        by_name = province_count - sum(n for zh, n in cities.items() if zh != province_zh)
        if (
            city is not None
            and province is not None
            and province.zh == province_zh
            and (city.is_municipality or (count > runner_up and count >= by_name))
        ):
            found = _context_of(city, gazetteer, f"most named: {city_zh} ({count}x)")
            return _with_district(found, districts, cities, text, gazetteer)
    place = gazetteer.get(province_zh)
    if place is None:  # the gazetteer names its own provinces: cannot happen with valid data
        return PlaceContext(evidence="no place named")
    return _context_of(place, gazetteer, f"most named: {province_zh} ({province_count}x)")


def _with_district(
    home: PlaceContext,
    districts: Counter[str],
    cities: Counter[str],
    text: str,
    gazetteer: Gazetteer,
) -> PlaceContext:
    """Add the home district: the one the text names most inside the home city, when the text
    speaks as a district (区科协, 全县) or that district takes at least half the city's mentions
    (合作市 in a 甘南州 story about 合作市)."""
    city = gazetteer.get(home.city) if home.city else None
    if home.district or city is None:
        return home
    inside = [(zh, n) for zh, n in districts.most_common() if gazetteer.city_of(zh) == city]
    if not inside:
        return home
    zh, count = inside[0]
    runner_up = inside[1][1] if len(inside) > 1 else 0
    dominant = count >= 2 and count > runner_up and 2 * count >= cities[city.zh]
    if not (dominant or _SPEAKS_AS_DISTRICT.search(text)):
        return home
    return PlaceContext(home.province, home.city, zh, f"{home.evidence}; district {zh} ({count}x)")


def home_place(
    text: str,
    gazetteer: Gazetteer | None = None,
    lexicon: Lexicon | None = None,
    source: str | None = None,
    *,
    places: TextPlaces | None = None,
) -> PlaceContext:
    """Work out the article's own place.

    In order: the publisher ``source`` (a local paper serves its place: 重庆日报 -> 重庆市; a
    national one says nothing); a dateline (本报青岛讯, 新华社重庆3月18日电); the paper of a byline
    ((重庆日报记者 张亦筑)); otherwise the city, or failing that the province, the text names most.
    ``places`` are the place names of ``text``, if the caller has matched them already.
    """
    gazetteer = gazetteer or Gazetteer.load()
    lexicon = lexicon or Lexicon.load()
    head = text[:_HEAD]
    if source:
        place, _known = _from_publisher(source.strip(), gazetteer, lexicon)
        if place is not None:
            return _by_mentions(
                text, gazetteer, _context_of(place, gazetteer, f"publisher {source}"), places
            )
    for match in _NEWS_DATELINE.finditer(head):
        place = _place_prefix(match.group(1), gazetteer)
        if place is not None:
            return _by_mentions(
                text, gazetteer, _context_of(place, gazetteer, f"dateline {match.group(0)}"), places
            )
    local = _LOCAL_DATELINE.match(head)
    if local:
        place = _place_prefix(local.group(1), gazetteer)
        if place is not None:
            return _by_mentions(
                text, gazetteer, _context_of(place, gazetteer, f"dateline {local.group(0)}"), places
            )
    for match in _BYLINE_PAPER.finditer(head):
        place, _known = _from_publisher(match.group(1), gazetteer, lexicon)
        if place is not None:
            return _by_mentions(
                text, gazetteer, _context_of(place, gazetteer, f"byline {match.group(1)}"), places
            )
    return _by_mentions(text, gazetteer, None, places)
