"""Checks of the development set: the articles in data/articles and their gold readings.

Every gold reading in data/reference (format: data/reference/READING-FORMAT.md) must be
well formed and must agree with its article text: every mention and every evidence string
occurs verbatim in the decoded text (UTF-8 or GBK), every relation links entities the
reading declares, every figure is a number with a known unit and kind. The collection as a
whole must keep the properties the development set was written for (a traditional-character
article, a GBK file, a Qingdao and a Chongqing article whose 市科协 are different bodies).
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

__all__: list[str] = []

ROOT = Path(__file__).resolve().parents[2]
ARTICLES = ROOT / "data" / "articles"
REFERENCE = ROOT / "data" / "reference"
FORMAT = REFERENCE / "READING-FORMAT.md"

# The seed reading keeps its historical name and article id; every other reading is named
# after its article's file stem.
SEED_READING = "seed-reading"
SEED_ARTICLE = "chongqing-daily-2021-03-19-kexie-plenary"

ENTITY_TYPES = {"Organization", "Person", "Place", "Program", "Platform", "Document", "Event"}
PREDICATES = {
    "sub_organization_of",
    "holds_post",
    "member_of",
    "partner_of",
    "co_organizes",
    "co_builds",
    "co_issues",
    "issues",
    "plans_to_issue",
    "runs",
    "participates_in",
    "selected_for",
    "located_in",
    "hosts",
    "plans_to_build",
    "implements",
    "pairs_with",
    "part_of",
    "publishes",
    "reports",
}
ARTICLE_OBJECT_PREDICATES = {"publishes", "reports"}
# docs/ARCHITECTURE.md: kx:Percent kx:PercentagePoint kx:PersonCount kx:PersonTimes kx:Count
# kx:Rank kx:YearUnit kx:YearCount kx:Yuan, and the four figure kinds. The graph vocabulary, where
# it exists, is the authority (so that a unit added there is accepted here).
UNITS = {
    "percent",
    "percentage-points",
    "persons",
    "person-times",
    "count",
    "rank",
    "year",
    "years",
    "yuan",
}
KINDS = {"actual", "target", "change", "rank"}
try:
    _vocab = importlib.import_module("kexie_graph.graph.vocab")
    UNITS = set(getattr(_vocab, "UNITS", UNITS))
    KINDS = set(getattr(_vocab, "FIGURE_KINDS", KINDS))
except ImportError:
    pass
COMPARATORS = {">", ">=", "<", "<=", "="}
ARTICLE_KEYS = {"id", "title", "source", "date"}
ENTITY_KEYS = {"id", "type", "zh", "en", "mentions", "aliases"}
RELATION_KEYS = {"subject", "predicate", "object", "evidence"}
OBSERVATION_KEYS = {"indicator", "subject", "value", "unit", "kind", "evidence"}
META_KEYS = {"title", "date", "source", "url"}
MIN_CHARS, MAX_CHARS = 500, 1500
# A name split by the page layout: its two pieces lie at most this far apart.
SPLIT_WINDOW = 400


def _fallback_decode(data: bytes) -> str:
    """Decode an article file: UTF-8 (a BOM removed), else GBK (GB 18030), else Big5."""
    for encoding in ("utf-8-sig", "gb18030", "big5"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise UnicodeDecodeError("utf-8", data, 0, 1, "neither UTF-8, GBK nor Big5")


def _project_reader() -> Callable[[Path], str] | None:
    """The project's own decoder, kexie_graph.text.decode.read_article_text, if it exists."""
    try:
        module = importlib.import_module("kexie_graph.text.decode")
    except ImportError:
        return None
    reader = getattr(module, "read_article_text", None)
    return reader if callable(reader) else None


def read_text(path: Path) -> str:
    """The article's original text, decoded as the project decodes it."""
    reader = _project_reader()
    if reader is not None:
        text = reader(path)
        if isinstance(text, str):
            return text
        # A reader that returns a record: take its text attribute.
        return str(getattr(text, "text", text))
    return _fallback_decode(path.read_bytes())


def reading_paths() -> list[Path]:
    return sorted(REFERENCE.glob("*.yaml"))


def article_path(reading: Path) -> Path:
    stem = SEED_ARTICLE if reading.stem == SEED_READING else reading.stem
    return ARTICLES / f"{stem}.txt"


def dev_readings() -> list[Path]:
    return [p for p in reading_paths() if p.stem != SEED_READING]


def load(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict), f"{path.name}: top level is not a mapping"
    return data


def occurs_split(text: str, mention: str) -> bool:
    """True if the mention occurs as two pieces in order, at most SPLIT_WINDOW apart."""
    for k in range(1, len(mention)):
        head, tail = mention[:k], mention[k:]
        start = text.find(head)
        while start != -1:
            after = start + len(head)
            found = text.find(tail, after, after + SPLIT_WINDOW + len(tail))
            if found != -1:
                return True
            start = text.find(head, start + 1)
    return False


READINGS = reading_paths()
IDS = [p.stem for p in READINGS]


@pytest.fixture(params=READINGS, ids=IDS)
def reading(request: pytest.FixtureRequest) -> tuple[Path, dict[str, Any], str]:
    path: Path = request.param
    return path, load(path), read_text(article_path(path))


def test_reading_has_an_article_file() -> None:
    missing = [p.name for p in READINGS if not article_path(p).is_file()]
    assert not missing, f"readings without an article file: {missing}"


def test_every_article_has_a_reading() -> None:
    stems = {article_path(p).stem for p in READINGS}
    unread = [p.name for p in ARTICLES.glob("*.txt") if p.stem not in stems]
    assert not unread, f"articles without a gold reading: {unread}"


def test_top_level_keys(reading: tuple[Path, dict[str, Any], str]) -> None:
    path, data, _ = reading
    for key in ("article", "entities", "relations", "observations"):
        assert key in data, f"{path.name}: missing {key}"
    article = data["article"]
    assert set(article) >= ARTICLE_KEYS, f"{path.name}: article lacks {ARTICLE_KEYS - set(article)}"
    if path.stem != SEED_READING:
        assert article["id"] == path.stem, f"{path.name}: article id is not the file stem"
    assert re.fullmatch(r"[A-Za-z0-9_-]+", str(article["id"]))


def test_entities(reading: tuple[Path, dict[str, Any], str]) -> None:
    path, data, text = reading
    entities = data["entities"]
    assert entities, f"{path.name}: no entities"
    ids = [e["id"] for e in entities]
    assert len(ids) == len(set(ids)), f"{path.name}: duplicate entity ids"
    assert data["article"]["id"] not in ids
    for entity in entities:
        name = f"{path.name}:{entity.get('id')}"
        assert set(entity) >= ENTITY_KEYS, f"{name}: lacks {ENTITY_KEYS - set(entity)}"
        assert entity["type"] in ENTITY_TYPES, f"{name}: type {entity['type']!r}"
        assert isinstance(entity["zh"], str) and entity["zh"].strip(), f"{name}: empty zh"
        mentions = entity["mentions"]
        assert isinstance(mentions, list) and mentions, f"{name}: no mentions"
        assert len(mentions) == len(set(mentions)), f"{name}: repeated mention"
        assert isinstance(entity["aliases"], list), f"{name}: aliases is not a list"
        split_note = "split" in str(entity.get("note", "")).lower()
        for mention in mentions:
            assert isinstance(mention, str) and mention, f"{name}: empty mention"
            if mention in text:
                continue
            assert split_note and occurs_split(text, mention), (
                f"{name}: mention {mention!r} is not in the text "
                "(a name split by the layout needs a note saying so)"
            )


def test_relations(reading: tuple[Path, dict[str, Any], str]) -> None:
    path, data, text = reading
    article_id = data["article"]["id"]
    entity_ids = {e["id"] for e in data["entities"]}
    new = {p["name"] for p in data.get("new_predicates") or []}
    for index, relation in enumerate(data["relations"]):
        name = f"{path.name}: relation {index} ({relation.get('predicate')})"
        assert set(relation) >= RELATION_KEYS, f"{name}: lacks {RELATION_KEYS - set(relation)}"
        predicate = relation["predicate"]
        assert predicate in PREDICATES | new, f"{name}: unknown predicate"
        assert relation["subject"] in entity_ids, f"{name}: subject {relation['subject']!r}"
        if predicate in ARTICLE_OBJECT_PREDICATES:
            assert relation["object"] == article_id, f"{name}: object is not the article"
        else:
            assert relation["object"] in entity_ids, f"{name}: object {relation['object']!r}"
        if predicate == "holds_post":
            assert relation.get("role"), f"{name}: holds_post without a role"
        assert relation["evidence"] in text, f"{name}: evidence {relation['evidence']!r}"


def test_new_predicates_are_described(reading: tuple[Path, dict[str, Any], str]) -> None:
    path, data, _ = reading
    for item in data.get("new_predicates") or []:
        assert re.fullmatch(r"[a-z_]+", item["name"]), f"{path.name}: {item}"
        assert item["name"] not in PREDICATES, f"{path.name}: {item['name']} is not new"
        assert str(item.get("description", "")).strip(), f"{path.name}: {item['name']}"


def test_observations(reading: tuple[Path, dict[str, Any], str]) -> None:
    path, data, text = reading
    entity_ids = {e["id"] for e in data["entities"]}
    for index, obs in enumerate(data["observations"]):
        name = f"{path.name}: observation {index} ({obs.get('indicator')})"
        assert set(obs) >= OBSERVATION_KEYS, f"{name}: lacks {OBSERVATION_KEYS - set(obs)}"
        value = obs["value"]
        assert isinstance(value, int | float) and not isinstance(value, bool), f"{name}: value"
        assert obs["unit"] in UNITS, f"{name}: unit {obs['unit']!r}"
        assert obs["kind"] in KINDS, f"{name}: kind {obs['kind']!r}"
        assert obs["subject"] in entity_ids, f"{name}: subject {obs['subject']!r}"
        if "comparator" in obs:
            assert obs["comparator"] in COMPARATORS, f"{name}: comparator"
        assert obs["evidence"] in text, f"{name}: evidence {obs['evidence']!r}"


def test_predicate_list_matches_the_format() -> None:
    described = FORMAT.read_text(encoding="utf-8")
    missing = [p for p in sorted(PREDICATES) if p not in described]
    assert not missing, f"predicates not in READING-FORMAT.md: {missing}"


@pytest.mark.parametrize("path", dev_readings(), ids=[p.stem for p in dev_readings()])
def test_article_length(path: Path) -> None:
    size = len(read_text(article_path(path)))
    assert MIN_CHARS <= size <= MAX_CHARS, f"{path.stem}: {size} characters"


@pytest.mark.parametrize("path", sorted(ARTICLES.glob("*.meta.yaml")), ids=lambda p: p.name)
def test_sidecar_metadata(path: Path) -> None:
    meta = load(path)
    assert set(meta) >= META_KEYS, f"{path.name}: lacks {META_KEYS - set(meta)}"
    stem = path.name.removesuffix(".meta.yaml")
    assert (ARTICLES / f"{stem}.txt").is_file(), f"{path.name}: no article {stem}.txt"


def test_the_set_is_large_enough() -> None:
    assert len(dev_readings()) >= 12


def test_some_articles_have_sidecars_and_some_not() -> None:
    stems = [article_path(p).stem for p in dev_readings()]
    with_meta = [s for s in stems if (ARTICLES / f"{s}.meta.yaml").is_file()]
    assert with_meta and len(with_meta) < len(stems)


def test_a_traditional_character_article_exists() -> None:
    opencc = pytest.importorskip("opencc")
    converter = opencc.OpenCC("t2s")
    traditional = []
    for path in dev_readings():
        text = read_text(article_path(path))
        changed = sum(a != b for a, b in zip(text, converter.convert(text), strict=True))
        if changed >= 0.05 * len(text):
            traditional.append(path.stem)
    assert traditional, "no article in traditional characters"


def test_a_gbk_article_exists() -> None:
    gbk = []
    for path in ARTICLES.glob("*.txt"):
        data = path.read_bytes()
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            data.decode("gbk")  # must decode as GBK, or the file is broken
            gbk.append(path.name)
    assert gbk, "no GBK-encoded article"


def _shi_kexie_names(prefix: str) -> set[str]:
    names: set[str] = set()
    for path in dev_readings():
        if not path.stem.startswith(prefix):
            continue
        for entity in load(path)["entities"]:
            if "市科协" in entity["mentions"]:
                names.add(entity["zh"])
    return names


def test_shi_kexie_resolves_by_place() -> None:
    qingdao = _shi_kexie_names("qingdao-")
    chongqing = _shi_kexie_names("chongqing-")
    assert qingdao == {"青岛市科学技术协会"}
    assert chongqing == {"重庆市科学技术协会"}


def test_sources_name_every_article() -> None:
    sources = (ARTICLES / "SOURCES.md").read_text(encoding="utf-8")
    missing = [p.stem for p in dev_readings() if p.stem not in sources]
    assert not missing, f"articles not in SOURCES.md: {missing}"
