"""The entity page, ``/entity?iri=…``: what the graph says about one resource, and where it says it.

It lists the resource's labels and classes, its other statements, the resources that point at it,
each mention of it in an article (the exact words and their character offsets), and the evidence
text of every assertion it takes part in. Every value is HTML-escaped; every IRI links to its own
entity page. The queries are fixed and receive the IRI as a binding, never spliced into the text.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from html import escape
from urllib.parse import quote

from ..namespaces import PREFIXES
from .executor import Term

__all__ = ["QUERIES", "EntityView", "compact", "entity_href", "render_entity", "render_missing"]

_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
_RDFS = "http://www.w3.org/2000/01/rdf-schema#"
_SKOS = "http://www.w3.org/2004/02/skos/core#"
_LABELS = (f"{_RDFS}label", f"{_SKOS}prefLabel", f"{_SKOS}altLabel")
_TYPE = f"{_RDF}type"
_LIMIT = 500

#: name -> SELECT run with ``?iri`` bound to the resource (projected too: Oxigraph substitutes
#: only projected variables)
QUERIES: dict[str, str] = {
    "facts": f"SELECT ?iri ?p ?o WHERE {{ ?iri ?p ?o }} ORDER BY ?p ?o LIMIT {_LIMIT}",
    "incoming": f"SELECT ?iri ?s ?p WHERE {{ ?s ?p ?iri }} ORDER BY ?p ?s LIMIT {_LIMIT}",
    "mentions": (
        "SELECT ?iri ?mention ?anchor ?begin ?end ?article WHERE {"
        " ?mention itsrdf:taIdentRef ?iri ; nif:anchorOf ?anchor ;"
        " nif:beginIndex ?begin ; nif:endIndex ?end ."
        " OPTIONAL { ?mention nif:referenceContext ?context . ?context nif:sourceUrl ?article } }"
        f" ORDER BY ?article ?begin LIMIT {_LIMIT}"
    ),
    # anything that points at the resource (an assertion, a post, a figure) or the resource itself,
    # with the words of the article it was derived from
    "evidence": (
        "SELECT DISTINCT ?iri ?statement ?s ?p ?o ?anchor ?begin ?end WHERE {"
        " { ?statement ?link ?iri } UNION { BIND(?iri AS ?statement) }"
        " ?statement prov:wasDerivedFrom ?evidence ."
        " ?evidence nif:anchorOf ?anchor ; nif:beginIndex ?begin ; nif:endIndex ?end ."
        " OPTIONAL { ?statement rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o } }"
        f" ORDER BY ?statement LIMIT {_LIMIT}"
    ),
}


@dataclass(frozen=True)
class EntityView:
    """The rows of each query in :data:`QUERIES` for one resource."""

    iri: str
    rows: Mapping[str, Sequence[Mapping[str, Term]]]

    @property
    def empty(self) -> bool:
        """Whether the graph says nothing about the resource."""
        return not any(self.rows.get(name) for name in ("facts", "incoming"))


def entity_href(iri: str) -> str:
    """The entity page's address for ``iri``."""
    return "/entity?iri=" + quote(iri, safe="")


def compact(iri: str) -> str:
    """``kx:Organization`` for a known namespace, else the IRI itself."""
    best = ""
    for prefix, namespace in PREFIXES.items():
        if iri.startswith(namespace) and len(namespace) > len(best):
            best, name = namespace, prefix
    return f"{name}:{iri[len(best) :]}" if best else iri


def _iri_link(iri: str) -> str:
    return (
        f'<a class="iri" href="{escape(entity_href(iri))}" title="{escape(iri)}">'
        f"{escape(compact(iri))}</a>"
    )


def _term(term: Term | None) -> str:
    if term is None:
        return ""
    if term.kind == "iri":
        return _iri_link(term.value)
    if term.kind == "bnode":
        return f"<span class=bnode>_:{escape(term.value)}</span>"
    text = f'<span class="literal">{escape(term.value)}</span>'
    if term.language:
        return f'{text}<sup class="lang">@{escape(term.language)}</sup>'
    if term.datatype and term.datatype != "http://www.w3.org/2001/XMLSchema#string":
        return f'{text}<sup class="datatype">^^{escape(compact(term.datatype))}</sup>'
    return text


def _table(headers: Sequence[str], rows: Iterable[Sequence[str]], css: str) -> str:
    body = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in rows)
    if not body:
        return '<p class="none">none</p>'
    head = "".join(f"<th>{escape(h)}</th>" for h in headers)
    return f'<table class="{css}"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def _page(title: str, body: str) -> str:
    return (
        "<!DOCTYPE html>\n"
        '<html lang="zh"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)} · kexie-graph</title>"
        '<link rel="stylesheet" href="/static/queryui.css"></head>'
        '<body class="entity-page"><header><a href="/">kexie-graph query</a></header>'
        f"<main>{body}</main></body></html>\n"
    )


def _label_of(view: EntityView) -> str:
    labels = [r["o"] for r in view.rows.get("facts", ()) if r["p"].value in _LABELS and "o" in r]
    for lang in ("zh", "en", None):
        for label in labels:
            if label.language == lang or lang is None:
                return label.value
    return compact(view.iri)


def render_entity(view: EntityView) -> str:
    """Return the HTML page for one resource."""
    facts = view.rows.get("facts", ())
    labels = [r for r in facts if r["p"].value in _LABELS]
    classes = [r for r in facts if r["p"].value == _TYPE]
    others = [r for r in facts if r["p"].value not in _LABELS and r["p"].value != _TYPE]
    describe = "/sparql?format=turtle&query=" + quote(f"DESCRIBE <{view.iri}>", safe="")
    parts = [
        f"<h1>{escape(_label_of(view))}</h1>",
        f'<p class="subject"><code>{escape(view.iri)}</code> · '
        f'<a href="{escape(describe)}">Turtle</a></p>',
        "<h2>Labels</h2>",
        _table(
            ("property", "label"), ((_term(r["p"]), _term(r.get("o"))) for r in labels), "labels"
        ),
        "<h2>Classes</h2>",
        _table(("class",), ((_term(r.get("o")),) for r in classes), "classes"),
        "<h2>Statements</h2>",
        _table(
            ("property", "value"), ((_term(r["p"]), _term(r.get("o"))) for r in others), "facts"
        ),
        "<h2>Referred to by</h2>",
        _table(
            ("subject", "property"),
            ((_term(r.get("s")), _term(r.get("p"))) for r in view.rows.get("incoming", ())),
            "incoming",
        ),
        "<h2>Mentions</h2>",
        _table(
            ("words", "begin", "end", "article"),
            (
                (
                    _term(r.get("anchor")),
                    _term(r.get("begin")),
                    _term(r.get("end")),
                    _term(r.get("article")),
                )
                for r in view.rows.get("mentions", ())
            ),
            "mentions",
        ),
        "<h2>Evidence</h2>",
        _table(
            ("statement", "subject", "property", "object", "words", "begin", "end"),
            (
                tuple(
                    _term(r.get(k)) for k in ("statement", "s", "p", "o", "anchor", "begin", "end")
                )
                for r in view.rows.get("evidence", ())
            ),
            "evidence",
        ),
    ]
    if any(len(rows) >= _LIMIT for rows in view.rows.values()):
        parts.append(f'<p class="note">Each list shows at most {_LIMIT} rows.</p>')
    return _page(_label_of(view), "".join(parts))


def render_missing(iri: str) -> str:
    """Return the page for a resource the graph says nothing about."""
    return _page(
        compact(iri),
        "<h1>Not in the graph</h1>"
        f"<p>The graph has no statement about <code>{escape(iri)}</code>.</p>",
    )
