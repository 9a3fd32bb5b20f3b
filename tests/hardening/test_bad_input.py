"""The bad-input matrix: one table of what users hand to ``build``, ``query``, ``view``, ``export``
and ``serve``, and what must happen.

Every row either succeeds with the right result (text in any encoding we can detect is decoded, not
refused; an article that names nothing gives an empty, valid article graph) or exits 1 with ONE line
on stderr that names the input and says what to do: no traceback, no partial output file, and the
earlier build in the same folder byte for byte intact (every file hashed before and after).

Most rows run ``kexie_graph.cli.main`` in process; rows marked ``installed`` run the installed
``kexie-graph`` in a subprocess (``serve`` always: it must exit by itself on a bad store, and is
otherwise started on a free loopback port and polled, bounded). Sizes are small: the size cap is
tested with ``--max-bytes``; large inputs are measured in benchmarks/, not here.

Related tables elsewhere (not repeated here): tests/cli/test_build_cli.py (build: usage errors,
reuse of unchanged articles), tests/store/test_store.py::test_bad_store_folders_get_one_line_errors
(the store API), tests/text/test_text_decode.py (the decoder on many more byte sequences).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest

from tests.support import LoopbackTrap as Trap
from tests.support import stop_process, wait_until_answers

from .inputs import (
    HOSTILE_LABEL,
    damaged_store,
    hidden_files_folder,
    hostile_article,
    hostile_trig,
    mixed_folder,
    png_bytes,
    saved_web_page,
)
from .support import (
    EXE,
    NIF,
    SHORT_TEXT,
    SHORT_TRADITIONAL,
    Outcome,
    article_texts,
    assert_one_line_error,
    copy_build,
    folder_digest,
    free_port,
    run_inproc,
    run_installed,
    zh_labels,
)

ORGS = {"重庆市科学技术协会", "四川省科学技术协会", "中国科学技术协会"}
LONG_LINE = 200_000
#: what a store error must offer: build a store there, or rebuild it from the dump
STORE_FIX = r"kexie-graph (build|load)|give the build folder"


@dataclass
class Ctx:
    """What a row's setup works with."""

    tmp: Path
    earlier: Path  # a complete build of the seed: error rows write into it, so it must survive
    trap: Trap


@dataclass
class Setup:
    """What a row runs: the arguments after the command, the input its error must name, and the
    output path that must not exist after an error."""

    argv: list[str]
    names: str
    out: Path | None = None
    obey_file_modes: bool = False


Check = Callable[[Ctx, Setup, Outcome], None]


@dataclass(frozen=True)
class Row:
    command: str
    case: str
    setup: Callable[[Ctx], Setup]
    ok: bool
    fix: str = ""  # a regular expression the one-line error must match (what to do)
    check: Check | None = None
    installed: bool = False
    bug: str = ""  # a known bug: the row is a strict xfail until it is fixed

    @property
    def id(self) -> str:
        return f"{self.command}-{self.case}"


# -- setups ----------------------------------------------------------------------------------------


def _file(
    name: str, data: bytes | str, *extra: str, fresh_out: bool = False
) -> Callable[[Ctx], Setup]:
    def setup(ctx: Ctx) -> Setup:
        path = ctx.tmp / name
        if isinstance(data, str):
            path.write_text(data, encoding="utf-8", newline="")
        else:
            path.write_bytes(data)
        out = ctx.tmp / "out" if fresh_out else ctx.earlier
        return Setup(["build", str(path), "--out", str(out), "--quiet", *extra], str(path), out)

    return setup


def _build_ok(name: str, data: bytes | str) -> Callable[[Ctx], Setup]:
    return _file(name, data, fresh_out=True)


def _missing(ctx: Ctx) -> Setup:
    path = ctx.tmp / "no-such-article.txt"
    return Setup(["build", str(path), "--out", str(ctx.earlier), "--quiet"], str(path))


def _fifo(ctx: Ctx) -> Setup:
    path = ctx.tmp / "pipe.txt"
    os.mkfifo(path)
    return Setup(["build", str(path), "--out", str(ctx.earlier), "--quiet"], str(path))


def _folder_named_txt(ctx: Ctx) -> Setup:
    path = ctx.tmp / "articles.txt"
    path.mkdir()
    return Setup(["build", str(path), "--out", str(ctx.earlier), "--quiet"], str(path))


def _out_is_a_file(ctx: Ctx) -> Setup:
    article = ctx.tmp / "a.txt"
    article.write_text(SHORT_TEXT, encoding="utf-8")
    out = ctx.tmp / "kg.trig"
    out.write_text("not a folder", encoding="utf-8")
    return Setup(["build", str(article), "--out", str(out), "--quiet"], str(out))


def _bad_metadata(ctx: Ctx) -> Setup:
    article = ctx.tmp / "a.txt"
    article.write_text(SHORT_TEXT, encoding="utf-8")
    sidecar = ctx.tmp / "a.meta.yaml"
    sidecar.write_text("title: [unclosed\n", encoding="utf-8")
    return Setup(["build", str(article), "--out", str(ctx.earlier), "--quiet"], str(sidecar))


def _mixed(bad: bool) -> Callable[[Ctx], Setup]:
    def setup(ctx: Ctx) -> Setup:
        folder = ctx.tmp / "articles"
        mixed_folder(folder, bad=bad)
        out = ctx.earlier if bad else ctx.tmp / "out"
        names = "z-scan.txt" if bad else str(folder)
        return Setup(["build", str(folder), "--out", str(out), "--quiet"], names, out)

    return setup


def _hidden(ctx: Ctx) -> Setup:
    folder = ctx.tmp / "articles"
    hidden_files_folder(folder)
    out = ctx.tmp / "out"
    return Setup(["build", str(folder), "--out", str(out), "--quiet"], str(folder), out)


def _unreadable(ctx: Ctx) -> Setup:
    """A file its reader may not open (mode 000). Tests run as root, who reads anything: the
    installed command then runs without the capabilities that bypass file modes."""
    path = ctx.tmp / "locked.txt"
    path.write_text(SHORT_TEXT, encoding="utf-8")
    os.chmod(path, 0)
    out = ctx.tmp / "out"
    return Setup(["build", str(path), "--out", str(out), "--quiet"], str(path), out, True)


def _store(how: str, command: str, *extra: str) -> Callable[[Ctx], Setup]:
    """``command`` on a store folder broken in the way ``how`` names."""

    def setup(ctx: Ctx) -> Setup:
        folder = damaged_store(ctx.earlier, ctx.tmp / "store", how)
        out: Path | None = ctx.tmp / "out.file"
        if command == "query":
            argv = ["query", "--store", str(folder), "cq02"]
            out = None
        elif command == "view":
            argv = ["view", "--store", str(folder), "--out", str(out)]
        elif command == "export":
            argv = ["export", "--store", str(folder), "--format", "trig", "--out", str(out)]
        else:
            argv = ["serve", "--store", str(folder), "--port", str(free_port())]
            out = None
        return Setup([*argv, *extra], str(folder), out)

    return setup


def _query(text: str, *extra: str, names: str = "SPARQL") -> Callable[[Ctx], Setup]:
    def setup(ctx: Ctx) -> Setup:
        query = text.replace("TRAP", ctx.trap.url)
        return Setup(["query", "--store", str(ctx.earlier), query, *extra], names)

    return setup


def _query_file(name: str, data: bytes | None) -> Callable[[Ctx], Setup]:
    def setup(ctx: Ctx) -> Setup:
        path = ctx.tmp / name
        if data is not None:
            path.write_bytes(data)
        return Setup(["query", "--store", str(ctx.earlier), f"@{path}"], str(path))

    return setup


def _view_query(text: str) -> Callable[[Ctx], Setup]:
    def setup(ctx: Ctx) -> Setup:
        path = ctx.tmp / "view.rq"
        path.write_text(text, encoding="utf-8")
        out = ctx.tmp / "view.html"
        argv = ["view", "--store", str(ctx.earlier), "--out", str(out), "--query", str(path)]
        return Setup(argv, "SPARQL", out)

    return setup


def _view_hostile_trig(ctx: Ctx) -> Setup:
    trig = hostile_trig(ctx.earlier / "kg.trig", ctx.tmp / "hostile.trig", "重庆市科学技术协会")
    out = ctx.tmp / "view.html"
    return Setup(["view", "--store", str(trig), "--out", str(out)], str(trig), out)


def _view_hostile_article(ctx: Ctx) -> Setup:
    built = ctx.tmp / "hostile-build"
    article = hostile_article(ctx.tmp / "hostile.txt")
    from kexie_graph.cli import main

    assert main(["build", str(article), "--out", str(built), "--quiet"]) == 0
    assert any(HOSTILE_LABEL in label for label in zh_labels(built / "kg.trig"))
    out = ctx.tmp / "view.html"
    return Setup(["view", "--store", str(built), "--out", str(out)], str(built), out)


def _export_ok(ctx: Ctx) -> Setup:
    out = ctx.tmp / "export.nq"
    return Setup(
        ["export", "--store", str(ctx.earlier), "--format", "nt", "--out", str(out)], "", out
    )


def _serve_ok(ctx: Ctx) -> Setup:
    return Setup(["serve", "--store", str(ctx.earlier), "--port", str(free_port())], "")


# -- checks of rows that succeed -------------------------------------------------------------------


def _only_article(setup: Setup) -> tuple[str, str]:
    assert setup.out is not None
    texts = article_texts(setup.out / "kg.trig")
    assert len(texts) == 1, texts.keys()
    return next(iter(texts.items()))


def decoded(expected: str) -> Check:
    """The article's text is exactly ``expected`` (BOM gone, line ends kept) and names the three
    associations by their simplified canonical names."""

    def check(ctx: Ctx, setup: Setup, outcome: Outcome) -> None:
        _, text = _only_article(setup)
        assert text == expected
        assert setup.out is not None
        assert zh_labels(setup.out / "kg.trig") >= ORGS

    return check


def _web_page(ctx: Ctx, setup: Setup, outcome: Outcome) -> None:
    _, text = _only_article(setup)
    for line in SHORT_TEXT.splitlines():
        assert line in text
    for chrome in ("首页", "登录", "当前位置", "热点新闻", "版权所有", "网站地图", "_hmt", "<p>"):
        assert chrome not in text, f"page chrome {chrome!r} in the article text"
    assert setup.out is not None
    assert zh_labels(setup.out / "kg.trig") >= ORGS


def _empty_article_graph(ctx: Ctx, setup: Setup, outcome: Outcome) -> None:
    article, _ = _only_article(setup)
    assert setup.out is not None
    quads = list(ox.parse(path=str(setup.out / "kg.trig"), format=ox.RdfFormat.TRIG))
    graph = f"https://w3id.org/kexie-graph/id/graph/article/{article}"
    mine = [q for q in quads if q.graph_name == ox.NamedNode(graph)]
    predicates = {q.predicate.value.rsplit("#", 1)[-1].rsplit("/", 1)[-1] for q in mine}
    assert {"isString", "sourceFile", "sha256"} <= predicates
    assert not predicates & {"mentions", "taIdentRef", "anchorOf"}, predicates
    report = json.loads((setup.out / "build.json").read_text(encoding="utf-8"))
    assert report["conforms"] is True and report["articles"][0]["mentions"] == 0


def _long_line(ctx: Ctx, setup: Setup, outcome: Outcome) -> None:
    _, text = _only_article(setup)
    assert len(text) == LONG_LINE and "\n" not in text
    assert setup.out is not None
    begins = {}
    for quad in ox.parse(path=str(setup.out / "kg.trig"), format=ox.RdfFormat.TRIG):
        if quad.predicate.value == f"{NIF}beginIndex":
            begins[quad.subject.value] = int(quad.object.value)
    anchors = {
        q.subject.value: q.object.value
        for q in ox.parse(path=str(setup.out / "kg.trig"), format=ox.RdfFormat.TRIG)
        if q.predicate.value == f"{NIF}anchorOf"
    }
    late = [iri for iri, begin in begins.items() if begin > LONG_LINE - 100 and iri in anchors]
    assert late, "the names at the end of the long line were not found"
    for iri in late:
        begin = begins[iri]
        assert text[begin : begin + len(anchors[iri])] == anchors[iri]


def _mixed_ok(ctx: Ctx, setup: Setup, outcome: Outcome) -> None:
    assert setup.out is not None
    texts = article_texts(setup.out / "kg.trig")
    expected = {"a-utf8", "b-gbk", "c-big5", "d-utf16", "e-page", "f-nested", "g-meta"}
    assert set(texts) == expected
    for stem in ("a-utf8", "b-gbk", "d-utf16", "f-nested", "g-meta"):
        assert texts[stem] == SHORT_TEXT, stem
    assert texts["c-big5"] == SHORT_TRADITIONAL
    trig = (setup.out / "kg.trig").read_text(encoding="utf-8")
    assert "重庆市科协与四川省科协签署合作协议" in trig  # the sidecar's title


def _only_a(ctx: Ctx, setup: Setup, outcome: Outcome) -> None:
    assert setup.out is not None
    assert article_texts(setup.out / "kg.trig") == {"a": SHORT_TEXT}


def _query_rows(ctx: Ctx, setup: Setup, outcome: Outcome) -> None:
    data = json.loads(outcome.out)
    assert data["head"]["vars"] == ["answer"] or "answer" in data["head"]["vars"]
    assert data["results"]["bindings"], "cq02 found nothing on the seed"


def _safe_page(ctx: Ctx, setup: Setup, outcome: Outcome) -> None:
    """The hostile label is in the page's data, but nowhere as markup: exactly as many script
    elements as the page of a clean build, and no raw payload outside the JSON data element."""
    assert setup.out is not None
    page = setup.out.read_text(encoding="utf-8")
    clean_page = ctx.tmp / "clean.html"
    from kexie_graph.cli import main

    assert main(["view", "--store", str(ctx.earlier), "--out", str(clean_page)]) == 0
    clean = clean_page.read_text(encoding="utf-8")
    assert page.count("<script") == clean.count("<script")
    assert page.lower().count("</script") == clean.lower().count("</script")
    assert HOSTILE_LABEL not in page
    assert "<img" not in page and "onerror=" not in page.replace("onerror=\\", "")
    data = re.search(r'<script type="application/json"[^>]*>(.*?)</script>', page, re.S)
    assert data is not None, "no data element in the page"
    assert any(HOSTILE_LABEL in text for text in _strings(json.loads(data.group(1))))


def _strings(value: object) -> Iterator[str]:
    """Every string in a JSON value."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def _nt_parses(ctx: Ctx, setup: Setup, outcome: Outcome) -> None:
    assert setup.out is not None
    triples = list(ox.parse(path=str(setup.out), format=ox.RdfFormat.N_TRIPLES))
    assert len(triples) > 1000


def _trap_untouched(ctx: Ctx, setup: Setup, outcome: Outcome) -> None:
    time.sleep(0.05)
    assert ctx.trap.connections == []


# -- the table -------------------------------------------------------------------------------------

_FILLER = "今天天气很好，大家一起散步"
_LONG = (_FILLER * (LONG_LINE // len(_FILLER) + 1))[
    : LONG_LINE - 26
] + "重庆市科学技术协会与四川省科学技术协会签署合作协议。"
assert len(_LONG) == LONG_LINE

ROWS: list[Row] = [
    # build: files that are not articles
    Row("build", "empty", _file("empty.txt", b""), False, "give an article with text"),
    Row("build", "whitespace", _file("blank.txt", " \n\t\u3000\r\n  "), False, "give an article"),
    Row("build", "image-as-txt", _file("scan.txt", png_bytes()), False, "PNG image.*plain-text"),
    Row("build", "image", _file("photo.png", png_bytes()), False, "PNG image.*plain-text"),
    Row(
        "build",
        "invalid-utf8",
        _file("broken.txt", SHORT_TEXT.encode() + b"\xff\xfe\xfd" + SHORT_TEXT.encode()),
        False,
        "UTF-8",
    ),
    Row(
        "build",
        "over-the-cap",
        _file("big.txt", SHORT_TEXT * 4, "--max-bytes", "100"),
        False,
        "over the limit of 100 bytes.*split",
    ),
    Row(
        "build",
        "html-over-the-cap",
        _file("big.html", saved_web_page(), "--max-bytes", "100"),
        False,
        "cap.*(split|raise)",
    ),
    Row("build", "missing", _missing, False, "no such file.*give article files"),
    Row("build", "fifo", _fifo, False, "not a regular file.*give"),
    Row(
        "build",
        "folder-named-txt",
        _folder_named_txt,
        False,
        "no article files.*put articles there",
    ),
    Row("build", "out-is-a-file", _out_is_a_file, False, "give --out a folder"),
    Row("build", "bad-metadata", _bad_metadata, False, "fix or remove"),
    Row("build", "mixed-folder-with-an-image", _mixed(bad=True), False, "PNG image"),
    Row("build", "unreadable", _unreadable, False, "permission", installed=True),
    # build: text in other encodings and shapes is read, not refused
    Row(
        "build",
        "utf16-bom",
        _build_ok("u16.txt", SHORT_TEXT.encode("utf-16")),
        True,
        check=decoded(SHORT_TEXT),
    ),
    Row(
        "build",
        "utf16le-no-bom",
        _build_ok("u16le.txt", SHORT_TEXT.encode("utf-16-le")),
        True,
        check=decoded(SHORT_TEXT),
    ),
    Row(
        "build",
        "utf16be-no-bom",
        _build_ok("u16be.txt", SHORT_TEXT.encode("utf-16-be")),
        True,
        check=decoded(SHORT_TEXT),
    ),
    Row(
        "build",
        "utf8-bom-crlf",
        _build_ok("bom.txt", "\ufeff" + SHORT_TEXT.replace("\n", "\r\n")),
        True,
        check=decoded(SHORT_TEXT.replace("\n", "\r\n")),
    ),
    Row(
        "build",
        "gbk",
        _build_ok("gbk.txt", SHORT_TEXT.encode("gbk")),
        True,
        check=decoded(SHORT_TEXT),
    ),
    Row(
        "build",
        "big5",
        _build_ok("big5.txt", SHORT_TRADITIONAL.encode("big5")),
        True,
        check=decoded(SHORT_TRADITIONAL),
    ),
    Row(
        "build",
        "traditional",
        _build_ok("trad.txt", SHORT_TRADITIONAL),
        True,
        check=decoded(SHORT_TRADITIONAL),
    ),
    Row("build", "saved-web-page", _build_ok("page.html", saved_web_page()), True, check=_web_page),
    Row(
        "build",
        "saved-web-page-gbk",
        _build_ok("page-gbk.html", saved_web_page("gbk")),
        True,
        check=_web_page,
    ),
    Row(
        "build",
        "no-entities",
        _build_ok("weather.txt", "今天天气很好，我们去公园散步，看见了很多花。\n"),
        True,
        check=_empty_article_graph,
    ),
    Row("build", "one-long-line", _build_ok("long.txt", _LONG), True, check=_long_line),
    Row("build", "mixed-folder", _mixed(bad=False), True, check=_mixed_ok, installed=True),
    Row("build", "hidden-files-in-a-folder", _hidden, True, check=_only_a),
    # query
    Row(
        "query", "cq02", _query("cq02", "--format", "json"), True, check=_query_rows, installed=True
    ),
    Row(
        "query",
        "malformed-sparql",
        _query("SELECT ?s WHERE {\n  ?s ?p ?o ]\n}"),
        False,
        "line 2, column",
    ),
    Row(
        "query",
        "unknown-prefix",
        _query("SELECT * WHERE { ?s nope:p ?o }"),
        False,
        "line 1, column 21.*PREFIX nope:",
    ),
    Row(
        "query",
        "smuggled-service-cr",
        _query("SELECT * WHERE { ?s ?p ?o # note\rSERVICE <TRAP> { ?a ?b ?c }\n}", names="SERVICE"),
        False,
        "refused.*query that endpoint directly",
        check=_trap_untouched,
    ),
    Row(
        "query",
        "smuggled-service-escape",
        _query(
            'SELECT * WHERE { BIND("x\\u0022 = " AS ?a) SERVICE <TRAP> { ?b ?c ?d } '
            'BIND(" AS ?a) # " AS ?e)\n}'
        ),
        False,
        "line 1, column 25.*escape",
        check=_trap_untouched,
    ),
    Row(
        "query", "update", _query("CLEAR ALL", names="CLEAR"), False, "read-only.*kexie-graph build"
    ),
    Row(
        "query", "query-file-missing", _query_file("nothing.rq", None), False, "no such query file"
    ),
    Row(
        "query",
        "query-file-utf16",
        _query_file("q.rq", "SELECT * WHERE { ?s ?p ?o }".encode("utf-16")),
        False,
        "UTF-8",
    ),
    # view
    Row("view", "hostile-labels-in-a-trig-file", _view_hostile_trig, True, check=_safe_page),
    Row("view", "hostile-labels-from-an-article", _view_hostile_article, True, check=_safe_page),
    Row(
        "view",
        "malformed-sparql",
        _view_query("CONSTRUCT { ?s ?p ?o } WHERE {\n ?s ?p\n}"),
        False,
        "line 3, column",
    ),
    # export
    Row("export", "nt", _export_ok, True, check=_nt_parses),
    # serve on the seed build: starts and answers on loopback
    Row("serve", "seed", _serve_ok, True, installed=True),
]

# every command that reads a store, on every kind of folder that is not one
_STORE_CASES = (
    "missing",
    "empty",
    "articles",
    "file",
    "damaged-json",
    "version",
    "no-generation",
    "corrupt-db",
)
for _command in ("query", "view", "export", "serve"):
    for _how in _STORE_CASES:
        ROWS.append(
            Row(
                _command,
                f"store-{_how}",
                _store(_how, _command),
                False,
                STORE_FIX,
                installed=_command == "serve",
            )
        )


# -- running a row ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def earlier(seed_build: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A complete build of the seed that error rows aim at (a copy: the session's stays clean)."""
    return copy_build(seed_build, tmp_path_factory.mktemp("hardening-earlier") / "build")


@pytest.fixture(scope="module")
def trap() -> Iterator[Trap]:
    """A loopback trap posing as a SPARQL endpoint (it must record no connection)."""
    with Trap("/sparql") as found:
        yield found


def _serve(setup: Setup) -> Outcome:
    """Start ``serve``; a bad store must make it exit 1 by itself, a good one must answer."""
    port = int(setup.argv[setup.argv.index("--port") + 1])
    process = subprocess.Popen(
        [str(EXE), *setup.argv], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    url = f"http://127.0.0.1:{port}/sparql?query=ASK%7B%3Fs%20%3Fp%20%3Fo%7D"
    try:
        try:  # bounded: exit, or answer, within a minute
            body = wait_until_answers(
                process, url, seconds=60, headers={"Accept": "application/sparql-results+json"}
            )
        except TimeoutError:
            pytest.fail(f"serve neither exited nor answered within 60 s: {setup.argv}")
        if body is None:
            out, err = process.communicate(timeout=10)
            return Outcome(process.returncode, out, err)
        assert json.loads(body)["boolean"] is True
        return Outcome(0, "answered", "")
    finally:
        stop_process(process)


def _params() -> list[Any]:
    params: list[Any] = []
    for row in ROWS:
        marks = [pytest.mark.xfail(strict=True, reason=row.bug)] if row.bug else []
        params.append(pytest.param(row, id=row.id, marks=marks))
    return params


@pytest.mark.parametrize("row", _params())
def test_bad_input(
    row: Row,
    tmp_path: Path,
    earlier: Path,
    trap: Trap,
    capsys: pytest.CaptureFixture[str],
) -> None:
    ctx = Ctx(tmp_path, earlier, trap)
    before = folder_digest(earlier)
    setup = row.setup(ctx)
    if row.command == "serve":
        outcome = _serve(setup)
    elif row.installed:
        outcome = run_installed(setup.argv, obey_file_modes=setup.obey_file_modes)
    else:
        outcome = run_inproc(setup.argv, capsys)
    if row.ok:
        assert outcome.code == 0, f"exit {outcome.code}: {outcome.err}"
        assert "Traceback" not in outcome.err
        if row.check is not None:
            row.check(ctx, setup, outcome)
    else:
        err = assert_one_line_error(outcome, setup.names, "")
        assert re.search(row.fix, err, re.I), f"no fix matching {row.fix!r} in {err!r}"
        if setup.out is not None and setup.out != earlier:
            assert not setup.out.exists(), f"{setup.out} was written by a failed {row.command}"
        if row.check is not None:
            row.check(ctx, setup, outcome)
    leftovers = [p for p in tmp_path.rglob("*.tmp")] + [p for p in earlier.rglob("*.tmp")]
    assert leftovers == [], f"temporary files left behind: {leftovers}"
    assert folder_digest(earlier) == before, "the earlier build changed"


def test_the_table_covers_every_command_and_kind_of_input() -> None:
    """Guards the table itself: each command has rows that fail and (but query's store rows) rows
    that succeed, and the cases the hardening issue lists are all present."""
    commands = {row.command for row in ROWS}
    assert commands == {"build", "query", "view", "export", "serve"}
    for command in commands:
        assert any(not row.ok for row in ROWS if row.command == command), command
        assert any(row.ok for row in ROWS if row.command == command), command
    cases = {row.case for row in ROWS}
    for needed in (
        "empty",
        "whitespace",
        "image",
        "utf16-bom",
        "utf16le-no-bom",
        "gbk",
        "big5",
        "invalid-utf8",
        "over-the-cap",
        "saved-web-page",
        "traditional",
        "no-entities",
        "one-long-line",
        "mixed-folder",
        "unreadable",
        "missing",
        "store-empty",
        "malformed-sparql",
        "hostile-labels-from-an-article",
    ):
        assert needed in cases, needed
    assert len({row.id for row in ROWS}) == len(ROWS), "two rows share an id"
