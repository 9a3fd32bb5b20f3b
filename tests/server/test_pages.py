"""The query page, its assets, the example list and the entity pages (without a browser)."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import quote

import httpx
import pytest
from server_support import Server

from kexie_graph.server.ui import load_examples, static_dir

KXR = "https://w3id.org/kexie-graph/id/"
INSTITUTE = f"{KXR}organization/中国科学院成都分院"


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []
        self.scripts_inline: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        for key in ("src", "href"):
            if found.get(key):
                self.urls.append(str(found[key]))
        self._in_script = tag == "script" and not found.get("src")

    def handle_data(self, data: str) -> None:
        if self._in_script and data.strip():
            self.scripts_inline.append(data)

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False


def _parse(html: str) -> _Links:
    links = _Links()
    links.feed(html)
    return links


def test_the_page_loads_only_its_own_assets(server: Server) -> None:
    reply = httpx.get(server.base + "/")
    assert reply.status_code == 200
    assert reply.headers["content-type"].startswith("text/html")
    page = _parse(reply.text)
    assert page.scripts_inline == []  # the CSP allows no inline script
    local = [u for u in page.urls if u.startswith("/")]
    assert "/static/vendor/yasgui/yasgui.min.js" in local
    assert all(not re.match(r"(?i)^(https?:)?//", u) for u in page.urls)
    for url in local:
        assert httpx.get(server.base + url).status_code == 200, url


@pytest.mark.parametrize(
    ("path", "media"),
    [
        ("/static/vendor/yasgui/yasgui.min.js", "javascript"),
        ("/static/vendor/yasgui/yasgui.min.css", "text/css"),
        ("/static/queryui.js", "javascript"),
        ("/static/queryui.css", "text/css"),
    ],
)
def test_assets_are_served(server: Server, path: str, media: str) -> None:
    reply = httpx.get(server.base + path)
    assert reply.status_code == 200
    assert media in reply.headers["content-type"]


def test_every_bundled_asset_has_its_licence_beside_it() -> None:
    folder = static_dir()
    readme = (folder / "README.md").read_text(encoding="utf-8")
    licences = folder / "vendor" / "yasgui" / "licenses"
    named = set(re.findall(r"`([\w.@-]+\.txt)`", readme))
    assert named, "README.md lists no licence file"
    assert named == {p.name for p in licences.iterdir()}
    for path in licences.iterdir():
        assert path.stat().st_size > 200, path


def test_examples_are_served_as_json(server: Server) -> None:
    examples = httpx.get(server.base + "/api/examples").json()
    assert examples and all({"name", "title", "query"} <= set(e) for e in examples)
    assert [e["name"] for e in examples] == [e.name for e in load_examples()]


def test_examples_are_the_competency_queries_when_present(tmp_path: Path) -> None:
    (tmp_path / "cq02.rq").write_text(
        "# Who chairs it?\nSELECT ?answer WHERE { ?x rdfs:label ?answer }"
    )
    (tmp_path / "cq01.rq").write_text(
        "PREFIX kx: <urn:x#>\nSELECT ?answer WHERE { ?answer a kx:A }"
    )
    (tmp_path / "notes.txt").write_text("not a query")
    examples = load_examples(tmp_path)
    assert [e.name for e in examples] == ["cq01", "cq02"]
    assert examples[1].title == "cq02: Who chairs it?"
    assert examples[1].query.startswith("PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n")
    assert examples[0].query.count("PREFIX kx:") == 1  # a declared prefix is left alone


def test_starter_examples_when_no_competency_query_exists(tmp_path: Path) -> None:
    examples = load_examples(tmp_path)
    assert examples and all("SELECT" in e.query for e in examples)


def test_prefixes_are_served_for_the_editor(server: Server) -> None:
    prefixes = httpx.get(server.base + "/api/prefixes").json()
    assert prefixes["kx"] == "https://w3id.org/kexie-graph/ontology#"
    assert prefixes["nif"].startswith("http://persistence.uni-leipzig.org/")


def test_entity_page_lists_labels_classes_facts_and_evidence(server: Server) -> None:
    reply = httpx.get(server.base + "/entity", params={"iri": INSTITUTE})
    assert reply.status_code == 200
    html = reply.text
    assert "<h1>中国科学院成都分院</h1>" in html
    assert "中科院成都分院" in html  # the alternative label and the mention's words
    assert "kx:ResearchInstitute" in html
    assert "加强与四川省科协、中科院成都分院合作。" in html  # the evidence of the partnership
    assert f'href="/entity?iri={quote(f"{KXR}organization/重庆市科学技术协会", safe="")}"' in html


def test_entity_page_escapes_what_the_graph_holds(server: Server) -> None:
    html = httpx.get(server.base + "/entity", params={"iri": INSTITUTE}).text
    assert "<script>" not in html
    assert (
        "&lt;script&gt;document.title=&#x27;pwned&#x27;&lt;/script&gt; &amp; &quot;quotes&quot;"
        in html
    )
    assert _parse(html).scripts_inline == []


@pytest.mark.parametrize(
    ("params", "status"),
    [
        ({}, 400),
        ({"iri": "not an iri"}, 400),
        ({"iri": "<script>"}, 400),
        ({"iri": "urn:kexie:nothing-here"}, 404),
    ],
)
def test_entity_page_refusals(server: Server, params: dict[str, str], status: int) -> None:
    reply = httpx.get(server.base + "/entity", params=params)
    assert reply.status_code == status
    if reply.headers["content-type"].startswith("text/html"):
        assert "<script" not in reply.text
    else:  # an echo of the input is harmless in plain text that may not be sniffed
        assert reply.headers["content-type"].startswith("text/plain")
        assert reply.headers["x-content-type-options"] == "nosniff"


def test_unknown_paths_answer_404_in_plain_text(server: Server) -> None:
    reply = httpx.get(server.base + "/nothing/here")
    assert reply.status_code == 404
    assert reply.headers["content-type"].startswith("text/plain")
