"""Shared fixtures: paths of the project's data, and builds of the seed (module-scoped, built
once)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = ROOT / "data" / "articles"
REFERENCE = ROOT / "data" / "reference"
SEED = ARTICLES / "chongqing-daily-2021-03-19-kexie-plenary.txt"
SEED_GOLD = REFERENCE / "seed-reading.yaml"

settings.register_profile(
    "ci", max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "fuzz", max_examples=3000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("KEXIE_HYPOTHESIS_PROFILE", "ci"))


@pytest.fixture(scope="session")
def seed_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A build of the seed article alone."""
    from kexie_graph.corpus import build

    out = tmp_path_factory.mktemp("seed-build")
    build([SEED], out)
    return out


@pytest.fixture(scope="session")
def corpus_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A build of every article in data/articles (the seed and the development set)."""
    from kexie_graph.corpus import build

    out = tmp_path_factory.mktemp("corpus-build")
    build([ARTICLES], out)
    return out
