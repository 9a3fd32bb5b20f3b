"""Numbers as the genre writes them: Arabic, Chinese and mixed, with 万/亿 and qualifying words.

``parse_number`` turns one numeral (``3100``, ``1,200``, ``10.2``, ``1.2万``, ``3.5亿``, ``七``,
``三十``, ``两千``, ``百``, ``一千二百万``, ``二〇二五``) into an exact :class:`~decimal.Decimal`.
Chinese numerals go through cn2an; a 万/亿 written after Arabic digits is applied here with
Decimal arithmetic, so ``1.23万`` is exactly ``12300`` (never a float artefact).
``parse_fraction`` reads ``四分之三`` and ``一半`` as percentages.

``parse_quantity`` adds the words around a numeral that qualify it. The comparator decisions:

* ``">"``: 余, 多 (after the numeral), 超过, 超, 逾, 突破, 高于, 多于, 大于, 上 (上千名), and
  以上 after the unit: in news usage 以上 reads "more than", as the team's gold readings take it;
* ``">="``: 不少于, 至少, 不低于, 及以上 (explicitly inclusive);
* ``"<"``: 不到, 不足, 少于, 低于, 小于, 未满, and 近, 将近, 接近: "nearly N" is a value
  approaching N from below (the gold readings write 近百家 as ``<`` 100);
* ``"<="``: 不超过, 不高于, 最多, 以内, 以下, 及以下 (32岁以下: at most 32, as the readings
  have it);
* ``None`` with ``approximate`` set: 约, 大约, 左右, 上下 (either side of N; the contract's
  comparators are ``> >= < <= =`` only, so no "~");
* ``None``: 达到, 达, 为, or nothing: the stated value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache

import cn2an

__all__ = [
    "APPROX_PREFIXES",
    "CN_NUMERAL_CHARS",
    "NUMERAL_PATTERN",
    "PREFIX_COMPARATORS",
    "SUFFIX_COMPARATORS",
    "Quantity",
    "canonical",
    "parse_fraction",
    "parse_number",
    "parse_quantity",
]

#: characters of a Chinese numeral (digits, 两, 〇, and the magnitudes up to 亿)
CN_NUMERAL_CHARS = "零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟廿"

#: one numeral, Arabic (with optional thousands commas and decimals) or Chinese (with 点 decimals);
#: an Arabic numeral may carry a trailing magnitude (万, 亿, 千万, 百万, 万亿)
NUMERAL_PATTERN = (
    r"(?:\d+(?:,\d{3})*(?:\.\d+)?(?:万亿|千万|百万|万|亿|千)?"
    rf"|[{CN_NUMERAL_CHARS}]+(?:点[零〇一二三四五六七八九]+)?)"
)

#: words before a numeral -> comparator
PREFIX_COMPARATORS: dict[str, str] = {
    "超过": ">",
    "逾": ">",
    "突破": ">",
    "高于": ">",
    "多于": ">",
    "大于": ">",
    "上": ">",
    "超": ">",
    "不少于": ">=",
    "至少": ">=",
    "不低于": ">=",
    "不到": "<",
    "不足": "<",
    "少于": "<",
    "低于": "<",
    "小于": "<",
    "未满": "<",
    "近": "<",
    "将近": "<",
    "接近": "<",
    "不超过": "<=",
    "不高于": "<=",
    "最多": "<=",
}

#: words after a numeral (余, 多) or after its unit (以上, 以下 ...) -> comparator
SUFFIX_COMPARATORS: dict[str, str] = {
    "余": ">",
    "多": ">",
    "以上": ">",
    "及以上": ">=",
    "以下": "<=",
    "及以下": "<=",
    "以内": "<=",
}

#: words that make a numeral approximate (no comparator)
APPROX_PREFIXES: frozenset[str] = frozenset({"约", "大约", "左右", "上下"})

_MAGNITUDES: dict[str, Decimal] = {
    "万亿": Decimal(10) ** 12,
    "千万": Decimal(10) ** 7,
    "百万": Decimal(10) ** 6,
    "亿": Decimal(10) ** 8,
    "万": Decimal(10) ** 4,
    "千": Decimal(10) ** 3,
}

_ARABIC = re.compile(r"(\d+(?:,\d{3})*(?:\.\d+)?)(万亿|千万|百万|万|亿|千)?")
_CHINESE = re.compile(rf"[{CN_NUMERAL_CHARS}]+(?:点[零〇一二三四五六七八九]+)?")
_DIGIT_ONLY = re.compile(r"[〇零一二三四五六七八九]{2,}")
_DIGIT_VALUE = {c: str(i) for i, c in enumerate("〇一二三四五六七八九")} | {"零": "0"}


def canonical(value: Decimal) -> Decimal:
    """Return ``value`` without exponent or trailing zeros (``12000.0`` -> ``12000``)."""
    if value == value.to_integral_value():
        return value.quantize(Decimal(1))
    return value.normalize()


@lru_cache(maxsize=4096)
def _chinese_value(token: str) -> Decimal:
    # A run of plain digits (二〇二五) is read digit by digit, as years are written.
    if _DIGIT_ONLY.fullmatch(token):
        return Decimal("".join(_DIGIT_VALUE[c] for c in token))
    # cn2an rejects a bare magnitude (百, 千万): it means one of it.
    if token[0] in "十百千万亿拾佰仟":
        token = "一" + token
    try:
        result = cn2an.cn2an(token, "normal")
    except (ValueError, KeyError, IndexError) as exc:
        raise ValueError(f"not a Chinese numeral: {token!r}") from exc
    return Decimal(str(result))


def parse_number(token: str) -> Decimal:
    """Return the exact value of one numeral; raise ValueError if ``token`` is not one.

    >>> parse_number("1.2万"), parse_number("三十"), parse_number("百")
    (Decimal('12000'), Decimal('30'), Decimal('100'))
    """
    token = token.strip()
    if not token:
        raise ValueError("empty numeral")
    match = _ARABIC.fullmatch(token)
    if match:
        try:
            value = Decimal(match.group(1).replace(",", ""))
        except InvalidOperation as exc:  # pragma: no cover - the pattern admits only digits
            raise ValueError(f"not a number: {token!r}") from exc
        if match.group(2):
            value *= _MAGNITUDES[match.group(2)]
        return canonical(value)
    if _CHINESE.fullmatch(token):
        return canonical(_chinese_value(token))
    raise ValueError(f"not a numeral: {token!r}")


_FRACTION = re.compile(
    r"([零〇一二两三四五六七八九十百千]+)分之([零〇一二两三四五六七八九十百点]+)"
)


def parse_fraction(text: str) -> Decimal:
    """Return a fraction as a percentage: ``四分之三`` -> 75, ``三分之一`` -> 33.33."""
    text = text.strip()
    if text == "一半":
        return Decimal(50)
    match = _FRACTION.fullmatch(text)
    if not match:
        raise ValueError(f"not a fraction: {text!r}")
    denominator = parse_number(match.group(1))
    if denominator == 0:
        raise ValueError(f"fraction with a zero denominator: {text!r}")
    percent = parse_number(match.group(2)) * 100 / denominator
    return canonical(percent.quantize(Decimal("0.01")))


@dataclass(frozen=True, slots=True)
class Quantity:
    """A numeral with the words that qualify it."""

    value: Decimal
    comparator: str | None = None
    approximate: bool = False


_QUANTITY = re.compile(
    r"^(?P<pre>不少于|不低于|不超过|不高于|不到|不足|超过|突破|高于|多于|大于|少于|低于|小于|未满|"
    r"至少|最多|将近|接近|大约|逾|约|近|超|上)?"
    rf"(?P<num>\d+(?:,\d{{3}})*(?:\.\d+)?|[{CN_NUMERAL_CHARS}]+(?:点[零〇一二三四五六七八九]+)?)"
    r"(?P<mid>余|多)?(?P<mag>万亿|千万|百万|万|亿|千)?(?P<post>余|多)?"
    r"(?P<suf>及以上|及以下|以上|以下|以内|左右|上下)?$"
)


def parse_quantity(text: str) -> Quantity:
    """Parse a numeral with its qualifiers: ``超过15``, ``三十余``, ``10余万``, ``约2000``.

    The unit is not part of ``text``; a multiplier (万, 亿) and a trailing 以上/左右 are.
    Raise ValueError when ``text`` is not a qualified numeral.
    """
    match = _QUANTITY.match(text.strip())
    if not match:
        raise ValueError(f"not a quantity: {text!r}")
    number = match.group("num")
    magnitude = match.group("mag") or ""
    # A Chinese numeral swallows its own magnitudes (两万五); one stands apart only after 余/多
    # (10余万, 三十余万) or after Arabic digits (1.2万).
    value = parse_number(number)
    if magnitude:
        value = canonical(value * _MAGNITUDES[magnitude])
    comparator: str | None = None
    approximate = False
    for word in (match.group("pre"), match.group("suf")):
        if word in APPROX_PREFIXES:
            approximate = True
        elif word:
            comparator = PREFIX_COMPARATORS.get(word) or SUFFIX_COMPARATORS.get(word)
    for word in (match.group("mid"), match.group("post")):
        if word:
            comparator = SUFFIX_COMPARATORS[word]
    return Quantity(value=value, comparator=comparator, approximate=approximate)
