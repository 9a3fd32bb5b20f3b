"""The seed's 11 figures from a simple reading of its text (NFKC, mentions by plain search)."""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml

from kexie_graph.extract.figures import FigureHit, MentionRef, find_figures

DATA = Path(__file__).resolve().parents[2] / "data"
SEED = DATA / "articles" / "chongqing-daily-2021-03-19-kexie-plenary.txt"
GOLD = DATA / "reference" / "seed-reading.yaml"

# surface -> gold entity id; the pipeline's mentions are richer, the figures must not need them
SURFACES = {"市科协": "cqast", "全市": "chongqing", "我市": "chongqing", "重庆": "chongqing"}
SURFACES["中国共产党"] = "cpc"


@pytest.fixture(scope="module")
def gold() -> dict[str, Any]:
    with GOLD.open(encoding="utf-8") as handle:
        reading: dict[str, Any] = yaml.safe_load(handle)
    return reading


@pytest.fixture(scope="module")
def keys(gold: dict[str, Any]) -> dict[str, str]:
    return {e["id"]: f"{e['type']}/{e['zh']}" for e in gold["entities"]}


@pytest.fixture(scope="module")
def text() -> str:
    return unicodedata.normalize("NFKC", SEED.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def hits(text: str, keys: dict[str, str], gold: dict[str, Any]) -> list[FigureHit]:
    classes = {e["id"]: e["type"] for e in gold["entities"]}
    mentions = [
        MentionRef(m.start(), m.end(), keys[entity], classes[entity])
        for surface, entity in SURFACES.items()
        for m in re.finditer(surface, text)
    ]
    mentions.sort(key=lambda m: m.begin)
    sentences = [(m.start(), m.end()) for m in re.finditer(r"[^。!?\n]+[。!?]?", text)]
    return find_figures(text, sentences, mentions, default_subject=keys["cqast"], article_year=2021)


def _matching(
    observation: dict[str, Any], hits: list[FigureHit], text: str, keys: dict[str, str]
) -> list[FigureHit]:
    evidence = unicodedata.normalize("NFKC", observation["evidence"])
    at = text.find(evidence)
    assert at >= 0, evidence
    return [
        h
        for h in hits
        if at <= h.number_begin
        and h.number_end <= at + len(evidence)
        and h.value == Decimal(str(observation["value"]))
    ]


def test_every_gold_figure_is_found(
    gold: dict[str, Any], hits: list[FigureHit], text: str, keys: dict[str, str]
) -> None:
    observations = gold["observations"]
    assert len(observations) == 11
    for observation in observations:
        found = _matching(observation, hits, text, keys)
        assert len(found) == 1, (observation, hits)
        hit = found[0]
        assert (hit.unit, hit.kind, hit.year, hit.comparator, hit.subject) == (
            observation["unit"],
            observation["kind"],
            str(observation["year"]),
            observation.get("comparator"),
            keys[observation["subject"]],
        ), observation
        # the evidence is a clause of the text around the number
        assert hit.begin <= hit.number_begin < hit.number_end <= hit.end
        assert "\n" not in text[hit.begin : hit.end]


def test_few_extra_figures(
    gold: dict[str, Any], hits: list[FigureHit], text: str, keys: dict[str, str]
) -> None:
    matched = {id(h) for o in gold["observations"] for h in _matching(o, hits, text, keys)}
    extra = [h for h in hits if id(h) not in matched]
    assert len(extra) <= 2, extra
    print(f"seed: {len(hits) - len(extra)}/11 gold figures found, {len(extra)} extra")
