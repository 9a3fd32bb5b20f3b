"""Checks of the held-out test set: data/heldout/articles and their gold readings.

The held-out set measures how the extractor reads articles its rules were never tuned on, so
it must be as well formed as the development set: the same structural checks as
test_readings.py (whose helpers and vocabularies are imported, not copied) are applied to
every reading in data/heldout/reference and its article. On top of that, the held-out set
must stay apart from the development set (no shared slugs or texts) and name its sources.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

# test_readings.py lives beside this file; pytest puts this folder on sys.path (rootdir-relative
# "prepend" import mode, no __init__.py here), so its helpers import by module name.
import test_readings
from test_readings import ARTICLES, MIN_CHARS, PREDICATES, load, read_text

__all__: list[str] = []

ROOT = Path(__file__).resolve().parents[2]
HELDOUT = ROOT / "data" / "heldout"
HELDOUT_ARTICLES = HELDOUT / "articles"
HELDOUT_REFERENCE = HELDOUT / "reference"
# The held-out articles are shorter news items than the longest development articles.
MAX_HELDOUT_CHARS = 1200
MIN_HELDOUT_ARTICLES = 6


def heldout_readings() -> list[Path]:
    return sorted(HELDOUT_REFERENCE.glob("*.yaml"))


def heldout_article(reading: Path) -> Path:
    return HELDOUT_ARTICLES / f"{reading.stem}.txt"


READINGS = heldout_readings()
IDS = [p.stem for p in READINGS]


@pytest.fixture(params=READINGS, ids=IDS)
def reading(request: pytest.FixtureRequest) -> tuple[Path, dict[str, Any], str]:
    path: Path = request.param
    return path, load(path), read_text(heldout_article(path))


def test_the_heldout_set_exists() -> None:
    assert len(READINGS) >= MIN_HELDOUT_ARTICLES, f"only {len(READINGS)} held-out readings"


def test_every_reading_has_an_article() -> None:
    missing = [p.name for p in READINGS if not heldout_article(p).is_file()]
    assert not missing, f"held-out readings without an article file: {missing}"


def test_every_article_has_a_reading() -> None:
    stems = {p.stem for p in READINGS}
    unread = [p.name for p in HELDOUT_ARTICLES.glob("*.txt") if p.stem not in stems]
    assert not unread, f"held-out articles without a gold reading: {unread}"


# The structural checks of the development set, run here over the held-out readings: each of
# these functions takes the `reading` fixture, which pytest resolves to the one defined in this
# module, so the same assertions apply to data/heldout without a second copy of them.
test_top_level_keys = test_readings.test_top_level_keys
test_entities = test_readings.test_entities
test_relations = test_readings.test_relations
test_new_predicates_are_described = test_readings.test_new_predicates_are_described
test_observations = test_readings.test_observations


def test_used_new_predicates_are_declared(reading: tuple[Path, dict[str, Any], str]) -> None:
    path, data, _ = reading
    declared = {p["name"] for p in data.get("new_predicates") or []}
    used = {r["predicate"] for r in data["relations"]} - PREDICATES
    assert used <= declared, f"{path.name}: undeclared predicates {sorted(used - declared)}"


@pytest.mark.parametrize("path", READINGS, ids=IDS)
def test_article_length(path: Path) -> None:
    size = len(read_text(heldout_article(path)))
    assert MIN_CHARS <= size <= MAX_HELDOUT_CHARS, f"{path.stem}: {size} characters"


def test_heldout_is_apart_from_the_development_set() -> None:
    dev_stems = {p.stem for p in ARTICLES.glob("*.txt")}
    shared = sorted(dev_stems & {p.stem for p in READINGS})
    assert not shared, f"slugs in both the development and held-out sets: {shared}"
    dev_texts = {read_text(p) for p in ARTICLES.glob("*.txt")}
    copied = [p.stem for p in READINGS if read_text(heldout_article(p)) in dev_texts]
    assert not copied, f"held-out articles identical to development articles: {copied}"


def test_sources_name_every_article() -> None:
    sources = (HELDOUT / "SOURCES.md").read_text(encoding="utf-8")
    missing = [p.stem for p in READINGS if p.stem not in sources]
    assert not missing, f"held-out articles not in data/heldout/SOURCES.md: {missing}"


def test_readme_explains_the_purpose() -> None:
    readme = (HELDOUT / "README.md").read_text(encoding="utf-8")
    assert "kexie-graph evaluate --gold data/heldout/reference" in readme
