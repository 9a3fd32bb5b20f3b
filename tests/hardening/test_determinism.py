"""Determinism: the same articles give byte-identical ``kg.trig``, whatever the order in which they
are found or given, whatever the folder they sit in, in this process or another (another hash seed),
serially or in the process pool, fresh or reused from the cache; and the dump holds no timestamp.

Article ids come from file stems and ``kx:sourceFile`` from the path below the common folder, so the
copies keep their names; folder names, creation order and argument order differ.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
from pathlib import Path

import pyoxigraph as ox
import pytest

from kexie_graph.corpus import build
from kexie_graph.store import open_store

from ..conftest import ARTICLES, SEED
from .support import EXE, named_quads

#: the seed, and four short articles of the development set (three with metadata sidecars): five,
#: so that a build with two jobs uses the process pool
STEMS = [
    SEED.stem,
    "qingdao-2023-05-academic-annual-meeting",
    "fujian-2015-06-academician-workstations",
    "hainan-2017-12-haizhi-workstations",
    "shanghai-2023-12-ecust-youth-talent-lift",
]


def _copy(stems: list[str], folder: Path) -> list[Path]:
    """Copy the articles (and their sidecars) into ``folder`` in the order given."""
    folder.mkdir(parents=True)
    copied = []
    for stem in stems:
        for source in sorted(ARTICLES.glob(f"{stem}.*")):
            shutil.copy2(source, folder / source.name)
        copied.append(folder / f"{stem}.txt")
    return copied


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The same five articles built four ways; name -> build folder."""
    for stem in STEMS:
        assert (ARTICLES / f"{stem}.txt").exists(), stem
    root = tmp_path_factory.mktemp("determinism")
    first = _copy(STEMS, root / "inputs-a" / "articles")
    second = _copy(list(reversed(STEMS)), root / "elsewhere" / "zz-other-name")
    out: dict[str, Path] = {}
    # a folder, two jobs (the process pool)
    out["folder-pool"] = root / "folder-pool"
    build([first[0].parent], out["folder-pool"], jobs=2)
    # the files one by one in reverse order, from another folder, serially
    out["files-serial"] = root / "files-serial"
    build(list(reversed(second)), out["files-serial"], jobs=1)
    # another process with another hash seed (set and dict order of strings change with it)
    out["subprocess"] = root / "subprocess"
    env = {**os.environ, "PYTHONHASHSEED": "4242"}
    done = subprocess.run(
        [str(EXE), "build", str(second[0].parent), "--out", str(out["subprocess"]), "--quiet"],
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    # the first folder again, in shuffled argument order, into the first build: all reused
    out["reused"] = root / "reused"
    shutil.copytree(out["folder-pool"], out["reused"])
    report = build([first[2], first[0], first[4], first[1], first[3]], out["reused"], jobs=2)
    assert all(a.reused for a in report.articles)
    return out


@pytest.mark.parametrize("other", ["files-serial", "subprocess", "reused"])
def test_same_articles_give_byte_identical_kg_trig(builds: dict[str, Path], other: str) -> None:
    reference = (builds["folder-pool"] / "kg.trig").read_bytes()
    assert (builds[other] / "kg.trig").read_bytes() == reference


@pytest.mark.parametrize("other", ["files-serial", "subprocess"])
def test_same_articles_give_the_same_store(builds: dict[str, Path], other: str) -> None:
    with (
        open_store(builds["folder-pool"], read_only=True) as a,
        open_store(builds[other], read_only=True) as b,
    ):
        assert named_quads(a.ox) == named_quads(b.ox)


def test_the_dump_holds_every_article_and_no_timestamp(builds: dict[str, Path]) -> None:
    data = (builds["folder-pool"] / "kg.trig").read_text(encoding="utf-8")
    quads = list(ox.parse(data, format=ox.RdfFormat.TRIG))
    graphs = {q.graph_name.value for q in quads if isinstance(q.graph_name, ox.NamedNode)}
    for stem in STEMS:
        assert f"https://w3id.org/kexie-graph/id/graph/article/{stem}" in graphs
    # the ontology's own dcterms:created/modified are fixed in ontology/kexie.ttl, not build times
    ontology = ox.NamedNode("https://w3id.org/kexie-graph/id/graph/ontology")
    built = [q for q in quads if q.graph_name != ontology]
    today = dt.datetime.now(dt.UTC).date().isoformat()
    assert not [q for q in built if today in str(q)], "a quad holds today's date: a build time?"
    date_times = [
        q
        for q in built
        if isinstance(q.object, ox.Literal)
        and q.object.datatype.value.endswith(("#dateTime", "#dateTimeStamp"))
    ]
    assert date_times == [], date_times[:3]
    assert not re.search(r"\d{4}-\d\d-\d\dT\d\d:\d\d", data), "a time of day in the dump"
