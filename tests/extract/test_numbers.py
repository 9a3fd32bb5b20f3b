"""Numerals of the genre: Arabic, Chinese and mixed, with 万/亿, fractions and qualifying words."""

from __future__ import annotations

from decimal import Decimal

import pytest

from kexie_graph.extract.numbers import (
    Quantity,
    canonical,
    parse_fraction,
    parse_number,
    parse_quantity,
)


@pytest.mark.parametrize(
    ("token", "value"),
    [
        ("3100", "3100"),
        ("1,200", "1200"),
        ("10.2", "10.2"),
        ("0.50", "0.5"),
        ("1.2万", "12000"),
        ("1.23万", "12300"),
        ("3.5亿", "350000000"),
        ("2千", "2000"),
        ("七", "7"),
        ("十二", "12"),
        ("三十", "30"),
        ("两千", "2000"),
        ("百", "100"),
        ("千", "1000"),
        ("十万", "100000"),
        ("两万五", "25000"),
        ("一千二百万", "12000000"),
        ("一亿二千万", "120000000"),
        ("一百零五", "105"),
        ("二〇二五", "2025"),
        ("一点五", "1.5"),
    ],
)
def test_parse_number(token: str, value: str) -> None:
    parsed = parse_number(token)
    assert parsed == Decimal(value)
    assert str(parsed) == value  # no exponent, no trailing zeros


@pytest.mark.parametrize("token", ["", "abc", "十三五", "名", "3.5.1", "第一"])
def test_parse_number_rejects(token: str) -> None:
    with pytest.raises(ValueError):
        parse_number(token)


@pytest.mark.parametrize(
    ("text", "quantity"),
    [
        ("15", Quantity(Decimal(15))),
        ("超过15", Quantity(Decimal(15), ">")),
        ("逾200", Quantity(Decimal(200), ">")),
        ("三十余", Quantity(Decimal(30), ">")),
        ("两千余", Quantity(Decimal(2000), ">")),
        ("100多", Quantity(Decimal(100), ">")),
        ("10余万", Quantity(Decimal(100000), ">")),
        ("十余万", Quantity(Decimal(100000), ">")),
        ("上千", Quantity(Decimal(1000), ">")),
        ("不少于3", Quantity(Decimal(3), ">=")),
        ("至少5", Quantity(Decimal(5), ">=")),
        ("3000及以上", Quantity(Decimal(3000), ">=")),
        ("3000以上", Quantity(Decimal(3000), ">")),
        ("不到5", Quantity(Decimal(5), "<")),
        ("不足八成", None),  # 成 is not part of a numeral
        ("近百", Quantity(Decimal(100), "<")),
        ("将近40", Quantity(Decimal(40), "<")),
        ("不超过30", Quantity(Decimal(30), "<=")),
        ("32以下", Quantity(Decimal(32), "<=")),
        ("约2000", Quantity(Decimal(2000), None, approximate=True)),
        ("500左右", Quantity(Decimal(500), None, approximate=True)),
        ("1.2万", Quantity(Decimal(12000))),
    ],
)
def test_parse_quantity(text: str, quantity: Quantity | None) -> None:
    if quantity is None:
        with pytest.raises(ValueError):
            parse_quantity(text)
    else:
        assert parse_quantity(text) == quantity


@pytest.mark.parametrize(
    ("text", "percent"),
    [
        ("四分之三", "75"),
        ("三分之一", "33.33"),
        ("十分之一", "10"),
        ("一半", "50"),
        ("五分之二", "40"),
    ],
)
def test_parse_fraction(text: str, percent: str) -> None:
    assert parse_fraction(text) == Decimal(percent)


@pytest.mark.parametrize("text", ["零分之一", "三分", "一半多", ""])
def test_parse_fraction_rejects(text: str) -> None:
    with pytest.raises(ValueError):
        parse_fraction(text)


@pytest.mark.parametrize(
    ("value", "text"), [("12000.0", "12000"), ("1.50", "1.5"), ("1E+4", "10000"), ("0.05", "0.05")]
)
def test_canonical(value: str, text: str) -> None:
    assert str(canonical(Decimal(value))) == text
