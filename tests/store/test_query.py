"""Queries from Python: typed rows, DataFrames, bindings, saved queries, formats, datasets."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Literal, URIRef

from kexie_graph.errors import QueryError, QueryRefusedError
from kexie_graph.query import check_query, execute, query, saved_queries, saved_query
from kexie_graph.store import Store

from .conftest import A1, A2, KXR, LEXICON, SMALL, SMALL_TRIPLES

RDFS = "http://www.w3.org/2000/01/rdf-schema#"

ORG = "https://w3id.org/kexie-graph/id/organization/"
FIGURES = """
SELECT ?article ?value ?date ?indicator ?year ?comparator WHERE {
  ?f a kx:Figure ; rdf:value ?value ; kx:indicator ?indicator ; kx:inArticle ?article .
  ?article dcterms:date ?date .
  OPTIONAL { ?f kx:refPeriod/kx:startYear ?year }
  OPTIONAL { ?f kx:comparator ?comparator }
} ORDER BY ?date
"""


def test_rows_hold_typed_python_values(shared_store: Store) -> None:
    result = query(shared_store, FIGURES)
    assert result.kind == "select"
    assert result.variables == ["article", "value", "date", "indicator", "year", "comparator"]
    first, second = result.rows
    assert first == {
        "article": "https://w3id.org/kexie-graph/id/article/a1",
        "value": Decimal("10.2"),
        "date": dt.date(2021, 3, 18),
        "indicator": "公民具备科学素质比例",
        "year": 2020,
        "comparator": ">",
    }
    assert second["value"] == 1200 and isinstance(second["value"], int)
    assert second["year"] is None and second["comparator"] is None
    assert len(result) == 2 and list(result) == result.rows


def test_terms_keep_language_tags_and_datatypes(shared_store: Store) -> None:
    result = query(shared_store, FIGURES)
    terms = result.terms[0]
    assert terms["indicator"] == Literal("公民具备科学素质比例", lang="zh")
    assert terms["value"] == Literal(
        "10.2", datatype=URIRef("http://www.w3.org/2001/XMLSchema#decimal")
    )
    assert terms["article"] == URIRef("https://w3id.org/kexie-graph/id/article/a1")


def test_to_df(shared_store: Store) -> None:
    df = query(shared_store, FIGURES).to_df()
    assert list(df.columns) == ["article", "value", "date", "indicator", "year", "comparator"]
    assert df.shape == (2, 6)
    assert df.loc[1, "indicator"] == "参与人数"
    graph_df = query(shared_store, "CONSTRUCT WHERE { ?s rdfs:label ?o } LIMIT 3").to_df()
    assert list(graph_df.columns) == ["s", "p", "o"]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (f"{ORG}大连市科学技术协会", ["大连市科学技术协会"]),
        (
            URIRef(f"{ORG}重庆市科学技术协会"),
            ["Chongqing Association for Science and Technology", "重庆市科学技术协会"],
        ),
        (
            ox.NamedNode(f"{ORG}中国科学技术协会"),
            ["China Association for Science and Technology", "中国科学技术协会"],
        ),
        ("not an IRI", []),
    ],
)
def test_bindings(shared_store: Store, value: object, expected: list[str]) -> None:
    sparql = "SELECT DISTINCT ?label WHERE { ?org rdfs:label ?label } ORDER BY ?label"
    assert [
        r["label"] for r in query(shared_store, sparql, bindings={"org": value}).rows
    ] == expected
    in_worker = query(shared_store, sparql, bindings={"?org": value}, timeout=10)
    assert [r["label"] for r in in_worker.rows] == expected


@pytest.mark.parametrize(
    ("value", "count"),
    [
        (Literal("大连市科协", lang="zh"), 1),
        ("大连市科协", 0),  # a plain string is xsd:string, which is not the tagged literal
        (1200, 1),
        (Decimal("10.2"), 1),
    ],
)
def test_literal_bindings(shared_store: Store, value: object, count: int) -> None:
    sparql = "SELECT ?s WHERE { ?s ?p ?v }"
    assert len(query(shared_store, sparql, bindings={"v": value}).rows) == count


def test_saved_queries_by_name(shared_store: Store, tmp_path: Path) -> None:
    (tmp_path / "orgs.rq").write_text(
        "# organisations and their zh labels\n"
        "SELECT DISTINCT ?answer WHERE { ?o a kx:Organization ; rdfs:label ?answer\n"
        "  FILTER(lang(?answer) = 'zh') } ORDER BY ?answer\n",
        encoding="utf-8",
    )
    (tmp_path / "labels-of.rq").write_text(
        "SELECT ?answer WHERE { ?org rdfs:label ?answer }", encoding="utf-8"
    )
    assert saved_queries(tmp_path)["orgs"] == tmp_path / "orgs.rq"
    assert "organisations" in saved_query("orgs", tmp_path)
    result = query(shared_store, "orgs", queries_dir=tmp_path)
    assert [r["answer"] for r in result.rows] == [
        "中国科学技术协会",
        "大连市科学技术协会",
        "重庆市科学技术协会",
    ]
    bound = query(
        shared_store,
        "labels-of.rq",
        queries_dir=tmp_path,
        bindings={"org": f"{ORG}大连市科学技术协会"},
    )
    assert [r["answer"] for r in bound.rows] == ["大连市科学技术协会"]
    by_file = query(shared_store, f"@{tmp_path / 'orgs.rq'}")
    assert by_file.rows == result.rows


def test_the_packaged_competency_queries_are_callable_by_name(shared_store: Store) -> None:
    names = saved_queries()
    assert {"cq01", "cq14"} <= set(names)
    result = query(shared_store, "cq01")  # about the seed article, which this store lacks
    assert result.kind == "select" and "answer" in result.variables


@pytest.mark.parametrize(
    ("name", "message"),
    [("cq99", "no saved query named 'cq99'"), ("@/nonexistent/q.rq", "no such query file")],
)
def test_unknown_saved_queries(shared_store: Store, name: str, message: str) -> None:
    with pytest.raises(QueryError, match=message):
        query(shared_store, name)


def test_user_folder_that_does_not_exist(shared_store: Store, tmp_path: Path) -> None:
    with pytest.raises(QueryError, match="no such folder of saved queries"):
        query(shared_store, "cq01", queries_dir=tmp_path / "missing")


SELECT_ALL_KINDS = """
SELECT ?iri ?lang ?plain ?int ?dec ?none WHERE {
  VALUES (?iri ?lang ?plain ?int ?dec) {
    (kxr:x "中文"@zh "tab\\tquote\\"comma,new\\nline" 42 1.5)
    (kxr:y "en"@en "" -1 0.0)
  }
  OPTIONAL { ?iri kx:nothing ?none }
}
"""


@pytest.mark.parametrize("fmt", ["json", "xml", "tsv"])
@pytest.mark.parametrize("timeout", [None, 10.0])
def test_result_formats_parse_back_to_the_same_terms(
    shared_store: Store, fmt: str, timeout: float | None
) -> None:
    reference = query(shared_store, SELECT_ALL_KINDS)
    for result in (reference, query(shared_store, SELECT_ALL_KINDS, fmt=fmt, timeout=timeout)):
        data = result.serialize(fmt)
        parsed = ox.parse_query_results(data, format=getattr(ox.QueryResultsFormat, fmt.upper()))
        assert [v.value for v in parsed.variables] == reference.variables
        assert [tuple(s) for s in parsed] == _ox_rows(reference)


def _ox_rows(result: object) -> list[tuple[object, ...]]:
    from kexie_graph.query.terms import cell_to_ox

    return [tuple(cell_to_ox(c) for c in row) for row in result.cells]  # type: ignore[attr-defined]


def test_csv_follows_the_sparql_csv_format(shared_store: Store) -> None:
    data = query(shared_store, SELECT_ALL_KINDS).serialize("csv").decode("utf-8")
    lines = data.split("\r\n")
    assert lines[0] == "iri,lang,plain,int,dec,none"
    assert lines[1].startswith("https://w3id.org/kexie-graph/id/x,中文,")
    assert '"tab\tquote""comma,new\nline"' in data


def test_json_is_sparql_results_json(shared_store: Store) -> None:
    doc = json.loads(query(shared_store, SELECT_ALL_KINDS).serialize("json"))
    assert doc["head"]["vars"] == ["iri", "lang", "plain", "int", "dec", "none"]
    first = doc["results"]["bindings"][0]
    assert first["iri"] == {"type": "uri", "value": "https://w3id.org/kexie-graph/id/x"}
    assert first["lang"] == {"type": "literal", "value": "中文", "xml:lang": "zh"}
    assert first["int"]["datatype"] == "http://www.w3.org/2001/XMLSchema#integer"
    assert "none" not in first
    assert json.loads(query(shared_store, "ASK { ?s ?p ?o }").serialize("json")) == {
        "head": {},
        "boolean": True,
    }


@pytest.mark.parametrize("fmt", ["turtle", "ntriples", "trig", "jsonld", "xml"])
@pytest.mark.parametrize("timeout", [None, 10.0])
def test_graph_formats_parse_back(shared_store: Store, fmt: str, timeout: float | None) -> None:
    sparql = f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{A2}> {{ ?s ?p ?o }} }}"
    reference = set(query(shared_store, sparql).ox_triples)
    result = query(shared_store, sparql, fmt=fmt, timeout=timeout)
    rdf = {
        "turtle": "TURTLE",
        "ntriples": "N_TRIPLES",
        "trig": "TRIG",
        "jsonld": "JSON_LD",
        "xml": "RDF_XML",
    }[fmt]
    parsed = {q.triple for q in ox.parse(result.serialize(fmt), format=getattr(ox.RdfFormat, rdf))}
    assert parsed == reference and len(reference) > 20
    assert set(result.ox_triples) == reference


@pytest.mark.parametrize("timeout", [None, 10.0])
def test_max_rows_cuts_and_says_so(shared_store: Store, timeout: float | None) -> None:
    result = query(
        shared_store, "SELECT * WHERE { ?s ?p ?o }", max_rows=5, timeout=timeout, fmt="json"
    )
    assert result.truncated and len(result.rows) == 5
    assert len(json.loads(result.serialize("json"))["results"]["bindings"]) == 5
    whole = query(shared_store, "SELECT * WHERE { ?s ?p ?o } LIMIT 5", max_rows=5, timeout=timeout)
    assert not whole.truncated and len(whole.rows) == 5


@pytest.mark.parametrize("timeout", [None, 10.0])
def test_protocol_dataset_replaces_the_union_default_graph(
    shared_store: Store, timeout: float | None
) -> None:
    sparql = "SELECT DISTINCT ?s WHERE { ?s ?p ?o }"
    lexicon_only = query(shared_store, sparql, default_graphs=[LEXICON], timeout=timeout)
    assert [r["s"] for r in lexicon_only.rows] == [f"{ORG}中国科学技术协会"]
    named = query(
        shared_store,
        "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }",
        named_graphs=[A1, A2],
        timeout=timeout,
    )
    assert sorted(r["g"] for r in named.rows) == [A1, A2]
    with pytest.raises(QueryRefusedError, match="not a graph of this store"):
        query(shared_store, sparql, default_graphs=["http://127.0.0.1:9/evil"], timeout=timeout)


def test_the_default_graph_is_the_union_of_the_named_graphs(shared_store: Store) -> None:
    # a set: a triple stated in two graphs (the lexicon and an article) is there once
    result = query(shared_store, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    assert result.rows == [{"n": SMALL_TRIPLES}]
    label = (
        "SELECT ?l WHERE { kxr:organization\\/中国科学技术协会 rdfs:label ?l "
        "FILTER(lang(?l) = 'zh') }"
    )
    assert query(shared_store, label).rows == [{"l": "中国科学技术协会"}]
    raw = ox.Store()
    raw.load(path=str(SMALL), format=ox.RdfFormat.TRIG)
    flag = list(
        raw.query(label, prefixes={"kxr": KXR, "rdfs": RDFS}, use_default_graph_as_union=True)
    )
    assert len(flag) == 2  # Oxigraph's own union flag counts it once per graph
    assert len(query(raw, label).rows) == 2  # and so does query() on a plain pyoxigraph store


def test_execute_runs_a_checked_query(shared_store: Store) -> None:
    checked = check_query(
        "SELECT ?l WHERE { ?o rdfs:label ?l } LIMIT 1",
        allowed_graphs=frozenset(shared_store.graphs()),
    )
    assert checked.form == "SELECT" and checked.result_kind == "select"
    assert len(execute(shared_store, checked).rows) == 1
    update = check_query("CLEAR ALL", read_only=False)
    with pytest.raises(QueryRefusedError, match="read-only"):
        execute(shared_store, update)


@pytest.mark.parametrize(
    ("fmt", "message"),
    [("turtle", "cannot carry a SELECT answer"), ("bogus", "cannot carry")],
)
def test_wrong_formats(shared_store: Store, fmt: str, message: str) -> None:
    with pytest.raises(QueryError, match=message):
        query(shared_store, "SELECT * WHERE { ?s ?p ?o } LIMIT 1", fmt=fmt)


def test_queries_on_a_plain_pyoxigraph_store_and_an_rdflib_dataset(shared_store: Store) -> None:
    from rdflib import Dataset

    raw = ox.Store()
    raw.load(path=str(SMALL), format=ox.RdfFormat.TRIG)
    ds = Dataset(default_union=True)
    ds.parse(SMALL, format="trig")
    expected = query(shared_store, FIGURES).rows
    assert query(raw, FIGURES).rows == expected
    assert query(ds, FIGURES).rows == expected
    assert query(shared_store.dataset, FIGURES).rows == expected


def test_sparql_that_rdflib_parses_but_oxigraph_rejects_is_a_syntax_error(
    shared_store: Store,
) -> None:
    from kexie_graph.errors import QuerySyntaxError

    # GROUP BY without aggregating a projected variable: rdflib's parser takes it, Oxigraph does not
    with pytest.raises(QuerySyntaxError):
        query(shared_store, "SELECT ?s ?o WHERE { ?s ?p ?o } GROUP BY ?s")


def test_tables_shorten_iris_with_the_prefixes(shared_store: Store) -> None:
    from rich.console import Console

    console = Console(width=200, record=True)
    console.print(
        query(shared_store, f"SELECT ?g WHERE {{ GRAPH ?g {{ }} FILTER(?g = <{A1}>) }}").to_table()
    )
    assert "kxr:graph/article/a1" in console.export_text()


@pytest.mark.parametrize(
    "sparql",
    [
        "SELECT ?l WHERE { ?org rdfs:label ?l }",
        "select ?l where{?org rdfs:label ?l}",
        "SELECT ?l { ?org rdfs:label ?l }",
        "SELECT ?l # a { comment } where\nWHERE { ?org rdfs:label ?l FILTER(?l != '{ where }') }",
        "PREFIX w: <http://where/x#> SELECT ?l WHERE { ?org rdfs:label ?l }",
        "SELECT ?l WHERE { ?org rdfs:label ?l } VALUES ?x { 1 }",
        "SELECT ?l (COUNT(*) AS ?n) WHERE { ?org rdfs:label ?l } GROUP BY ?l",
        "SELECT ?l WHERE { { SELECT ?org ?l WHERE { ?org rdfs:label ?l } } }",
        "CONSTRUCT { ?org rdfs:label ?l } WHERE { ?org rdfs:label ?l }",
        "CONSTRUCT { ?org rdfs:label ?l } { ?org rdfs:label ?l }",
        "ASK { ?org rdfs:label '大连市科学技术协会'@zh }",
        "DESCRIBE ?org WHERE { ?org rdfs:label ?l }",
    ],
)
def test_bindings_find_the_where_group_of_every_query_form(
    shared_store: Store, sparql: str
) -> None:
    org = f"{ORG}大连市科学技术协会"
    result = query(shared_store, sparql, bindings={"org": org})
    if result.kind == "ask":
        assert result.boolean is True
    elif result.kind == "construct":
        assert {str(t[0]) for t in result.triples} == {org}
    else:
        assert {r["l"] for r in result.rows} == {"大连市科学技术协会"}


def test_bindings_need_a_where_group(shared_store: Store) -> None:
    with pytest.raises(QueryError, match="bindings need a WHERE clause"):
        query(shared_store, f"DESCRIBE <{ORG}x>", bindings={"org": "x"})
    with pytest.raises(QueryError, match="full form CONSTRUCT"):
        query(shared_store, "CONSTRUCT WHERE { ?org rdfs:label ?l }", bindings={"org": "x"})
    with pytest.raises(QueryError, match="not a SPARQL variable name"):
        query(shared_store, "SELECT * WHERE { ?s ?p ?o }", bindings={"bad name": 1})


def test_bindings_after_a_comment_ended_by_a_lone_cr(shared_store: Store) -> None:
    sparql = "SELECT ?l # { not here\rWHERE { ?org rdfs:label ?l }"
    result = query(shared_store, sparql, bindings={"org": f"{ORG}大连市科学技术协会"})
    assert [r["l"] for r in result.rows] == ["大连市科学技术协会"]
