"""Project a kexie-graph RDF dataset onto a networkx graph of entities and their relations.

A node is an entity (a resource typed with one of the seven top-level classes); an edge is a direct
``kx:`` / ``org:`` triple between two entities, or a post (a person's ``org:Post`` in an
organization). Only what the article graphs and the lexicon graph state is projected: the ontology
graph supplies labels of predicates and kinds, and the entailments graph is left out, so a view
shows what the texts say.

The work is done by a handful of SPARQL SELECT queries over a :class:`pyoxigraph.Store` (the fast
path). An rdflib graph or dataset is copied into an in-memory Oxigraph store first, unless it is
already backed by one (oxrdflib), so both inputs go through the same queries.

Node attributes: ``iri, cls, kind, label_zh, label_en, label, aliases, articles, evidence, facts``;
edge attributes (the edge key is the predicate's local name): ``predicate, name, label_zh, label_en,
articles, evidence, during``. An evidence item is a dict ``{article, begin, end, anchor, sentence,
sentence_begin}``."""

from __future__ import annotations

import difflib
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeAlias

import networkx as nx
import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID, ConjunctiveGraph

from ..errors import QuerySyntaxError, ViewError
from ..graph.iris import ENTAILMENT_GRAPH, ONTOLOGY_GRAPH
from ..namespaces import KX, KXR, ORG, PREFIXES, RDFS, SKOS, SPARQL_PREFIXES
from ..records import TOP_CLASSES

__all__ = [
    "OTHER_CLASS",
    "Source",
    "as_store",
    "focus",
    "from_query",
    "node_names",
    "project",
]

#: the class given to a node of a query result that is not typed with a top-level class
OTHER_CLASS = "Other"
#: the name an edge made from an ``org:Post`` gets (a person holds a post in an organization)
POST_EDGE = "holdsPost"
#: graph name given to triples that sat in a default graph, so GRAPH ?g patterns see them
INPUT_DEFAULT_GRAPH = "urn:x-kexie-graph:default-graph"

_ARTICLE_GRAPH = f"{KXR}graph/article/"
_ARTICLE = f"{KXR}article/"
_SKIPPED_GRAPHS = (str(ONTOLOGY_GRAPH), str(ENTAILMENT_GRAPH))
_TOPS = " ".join(f"kx:{c}" for c in TOP_CLASSES)
_TOP_IRIS = {f"{KX}{c}": c for c in TOP_CLASSES}
_EVIDENCE_LIMIT = 200  # sentence context is cut to this many characters around the anchor
_SENTENCE_END = "。！？!?；;\n"

Source: TypeAlias = "ox.Store | Graph | Any"
Term: TypeAlias = "ox.NamedNode | ox.BlankNode | ox.Literal | ox.DefaultGraph | None"

# ---- queries ------------------------------------------------------------------------------------

_GRAPH_FILTER = "FILTER(?g NOT IN (<{}>, <{}>))".format(*_SKIPPED_GRAPHS)

_Q_ENTITIES = f"""
SELECT ?g ?e ?p ?o WHERE {{
  VALUES ?top {{ {_TOPS} }}
  VALUES ?p {{ rdf:type rdfs:label skos:altLabel }}
  GRAPH ?g {{ ?e a ?top . ?e ?p ?o }}
  {_GRAPH_FILTER}
}}"""

_Q_MENTIONS = f"""
SELECT ?g ?e ?b ?end ?anchor ?ctx WHERE {{
  GRAPH ?g {{
    ?m itsrdf:taIdentRef ?e ; nif:beginIndex ?b ; nif:endIndex ?end .
    OPTIONAL {{ ?m nif:anchorOf ?anchor }}
    OPTIONAL {{ ?m nif:referenceContext ?ctx }}
  }}
  {_GRAPH_FILTER}
}}"""

_Q_RELATIONS = f"""
SELECT DISTINCT ?g ?s ?p ?o WHERE {{
  VALUES ?t1 {{ {_TOPS} }}
  VALUES ?t2 {{ {_TOPS} }}
  ?s a ?t1 .
  GRAPH ?g {{ ?s ?p ?o }}
  FILTER(isIRI(?o) && (STRSTARTS(STR(?p), "{KX}") || STRSTARTS(STR(?p), "{ORG}")))
  ?o a ?t2 .
  {_GRAPH_FILTER}
}}"""

_EVIDENCE = """
    OPTIONAL {{ {node} prov:wasDerivedFrom ?ev . ?ev nif:beginIndex ?b ; nif:endIndex ?end .
               OPTIONAL {{ ?ev nif:anchorOf ?anchor }}
               OPTIONAL {{ ?ev nif:referenceContext ?ctx }} }}"""

_Q_ASSERTIONS = f"""
SELECT ?g ?s ?p ?o ?b ?end ?anchor ?ctx ?during WHERE {{
  GRAPH ?g {{
    ?a a kx:Assertion ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o .
    {_EVIDENCE.format(node="?a")}
    OPTIONAL {{ ?a kx:during ?during }}
  }}
  {_GRAPH_FILTER}
}}"""

_Q_POSTS = f"""
SELECT ?g ?person ?org ?role ?b ?end ?anchor ?ctx WHERE {{
  GRAPH ?g {{
    ?post a org:Post ; org:heldBy ?person ; org:postIn ?org .
    OPTIONAL {{ ?post org:role ?role }}
    {_EVIDENCE.format(node="?post")}
  }}
  {_GRAPH_FILTER}
}}"""

_Q_FIGURES = f"""
SELECT ?g ?about ?indicator ?value ?unit ?kind ?comparator ?year ?b ?end ?anchor ?ctx WHERE {{
  GRAPH ?g {{
    ?f a kx:Figure ; kx:about ?about .
    OPTIONAL {{ ?f kx:indicator ?indicator }}
    OPTIONAL {{ ?f rdf:value ?value }}
    OPTIONAL {{ ?f kx:unit ?unit }}
    OPTIONAL {{ ?f kx:figureKind ?kind }}
    OPTIONAL {{ ?f kx:comparator ?comparator }}
    OPTIONAL {{ ?f kx:year ?year }}
    {_EVIDENCE.format(node="?f")}
  }}
  {_GRAPH_FILTER}
}}"""

_Q_ARTICLES = f"""
SELECT ?g ?a ?title ?date ?ctx ?text WHERE {{
  GRAPH ?g {{
    ?a a schema:NewsArticle .
    OPTIONAL {{ ?a dcterms:title ?title }}
    OPTIONAL {{ ?a dcterms:date ?date }}
    OPTIONAL {{ ?a kx:text ?ctx . OPTIONAL {{ ?ctx nif:isString ?text }} }}
  }}
  {_GRAPH_FILTER}
}}"""

_Q_LABELS = """
SELECT ?x ?l ?sym WHERE {{
  VALUES ?x {{ {iris} }}
  OPTIONAL {{ ?x rdfs:label ?l }}
  BIND(EXISTS {{ ?x a owl:SymmetricProperty }} AS ?sym)
}}"""

_Q_SUBCLASS = """
SELECT ?a ?b WHERE {{ VALUES ?a {{ {iris} }} VALUES ?b {{ {iris} }} ?a rdfs:subClassOf+ ?b }}"""


# ---- input -------------------------------------------------------------------------------------


def _to_ox(term: Any) -> Any:
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise ViewError(
        f"cannot read RDF term {term!r}: only IRIs, blank nodes and literals are supported"
    )


def _rdflib_quads(graph: Graph) -> list[ox.Quad]:
    """Return the quads of ``graph``: its named graphs', or, if it has none, its default graph's."""
    named: list[ox.Quad] = []
    unnamed: list[ox.Quad] = []
    default = ox.NamedNode(INPUT_DEFAULT_GRAPH)
    quads: Iterable[tuple[Any, Any, Any, Any]]
    if isinstance(graph, ConjunctiveGraph):  # a Dataset too
        quads = graph.quads((None, None, None, None))
    else:
        quads = ((s, p, o, None) for s, p, o in graph)
    for s, p, o, ctx in quads:
        name = getattr(ctx, "identifier", ctx)
        if name is None or name == DATASET_DEFAULT_GRAPH_ID or not isinstance(name, URIRef):
            unnamed.append(ox.Quad(_to_ox(s), _to_ox(p), _to_ox(o), default))
        else:
            named.append(ox.Quad(_to_ox(s), _to_ox(p), _to_ox(o), _to_ox(name)))
    return named or unnamed


def _only_default_graph(store: ox.Store) -> bool:
    """Say whether all of ``store``'s data is in its default graph (and so none in named graphs).

    A store with named graphs is read through them alone: its default graph, if it has one, is taken
    to repeat them (kexie-graph's store keeps such a copy) or to hold nothing of the articles.
    """
    if next(iter(store.named_graphs()), None) is not None:
        return False
    return (
        next(iter(store.quads_for_pattern(None, None, None, ox.DefaultGraph())), None) is not None
    )


def as_store(source: Source) -> ox.Store:
    """Return a :class:`pyoxigraph.Store` holding ``source`` with every triple in a named graph.

    ``source`` is a pyoxigraph store, an object with an ``ox`` store (kexie-graph's store), or an
    rdflib ``Graph``/``Dataset`` (used directly when oxrdflib backs it). Data in named graphs is
    read through them; data with no named graph at all (a plain Turtle file, an rdflib ``Graph``) is
    copied into the named graph ``urn:x-kexie-graph:default-graph``, so that the queries' ``GRAPH
    ?g`` patterns see it.
    """
    store: ox.Store | None = None
    held = getattr(source, "ox", None)
    if isinstance(source, ox.Store):
        store = source
    elif isinstance(held, ox.Store):
        store = held
    elif isinstance(source, Graph):
        # oxrdflib's OxigraphStore keeps its pyoxigraph store there
        inner = getattr(source.store, "_inner", None)
        if isinstance(inner, ox.Store):
            store = inner
        else:
            copy = ox.Store()
            copy.bulk_extend(_rdflib_quads(source))
            return copy
    if store is None:
        raise ViewError(
            f"cannot draw a view of a {type(source).__name__}: "
            "give a store, a pyoxigraph.Store, an rdflib Graph or Dataset, or a networkx graph"
        )
    if _only_default_graph(store):
        copy = ox.Store()
        default = ox.NamedNode(INPUT_DEFAULT_GRAPH)
        copy.bulk_extend(ox.Quad(q.subject, q.predicate, q.object, default) for q in store)
        return copy
    return store


def _select(store: ox.Store, query: str) -> Iterator[tuple[Term, ...]]:
    solutions = store.query(SPARQL_PREFIXES + query, use_default_graph_as_union=True)
    assert isinstance(solutions, ox.QuerySolutions)
    for solution in solutions:
        yield tuple(solution)


# ---- small helpers -----------------------------------------------------------------------------


def _value(term: Term) -> str:
    return "" if term is None or isinstance(term, ox.DefaultGraph) else str(term.value)


def _int(term: Term) -> int | None:
    try:
        return int(_value(term))
    except ValueError:
        return None


def _local(iri: str) -> str:
    for sep in ("#", "/"):
        if sep in iri:
            iri = iri.rsplit(sep, 1)[1] or iri
    return iri


def _article_of_graph(graph: str) -> str:
    """Return the article IRI of an article graph, or "" for any other graph."""
    if graph.startswith(_ARTICLE_GRAPH):
        return _ARTICLE + graph[len(_ARTICLE_GRAPH) :]
    return ""


def _sentence(text: str, begin: int, end: int) -> tuple[str, int]:
    """Return the sentence around ``text[begin:end]`` (of bounded size) and where it starts."""
    lo = begin
    while lo > 0 and text[lo - 1] not in _SENTENCE_END and begin - lo < _EVIDENCE_LIMIT:
        lo -= 1
    hi = end
    while hi < len(text) and text[hi - 1 : hi] not in _SENTENCE_END and hi - end < _EVIDENCE_LIMIT:
        hi += 1
    while lo < begin and text[lo].isspace():
        lo += 1
    return text[lo:hi].rstrip(), lo


def _snake_to_camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part[:1].upper() + part[1:] for part in rest)


def _expand(name: str) -> str:
    """Return the IRI of a prefixed name (``kx:partnerOf``) or the name itself."""
    prefix, sep, local = name.partition(":")
    if sep and prefix in PREFIXES and not local.startswith("//"):
        return PREFIXES[prefix] + local
    return name


def _matcher(wanted: Iterable[str] | None, *, camel: bool) -> Callable[[str], bool] | None:
    """Return a test for IRIs that match any of ``wanted`` (IRIs, prefixed or local names)."""
    if wanted is None:
        return None
    names: set[str] = set()
    for item in wanted:
        for piece in str(item).split(","):
            piece = piece.strip()
            if not piece:
                continue
            full = _expand(piece)
            names.update({full, full.lower(), _local(full), _local(full).lower()})
            if camel:
                names.add(_snake_to_camel(_local(full)))
                names.add(_snake_to_camel(_local(full)).lower())
    return lambda iri: iri in names or _local(iri) in names or _local(iri).lower() in names


def _article_graphs(articles: Iterable[str] | None) -> set[str] | None:
    """Return the graph IRIs of articles given as IRIs, graph IRIs, ``kxr:article/ID`` or IDs."""
    if articles is None:
        return None
    graphs: set[str] = set()
    for item in articles:
        for piece in str(item).split(","):
            piece = _expand(piece.strip())
            if not piece:
                continue
            if piece.startswith(_ARTICLE_GRAPH):
                graphs.add(piece)
            elif piece.startswith(_ARTICLE):
                graphs.add(_ARTICLE_GRAPH + piece[len(_ARTICLE) :])
            elif "://" in piece or piece.startswith("urn:"):
                graphs.add(piece)
            else:
                graphs.add(_ARTICLE_GRAPH + piece)
    return graphs


# ---- the collection ----------------------------------------------------------------------------


@dataclass
class _Node:
    iri: str
    types: set[str] = field(default_factory=set)
    labels: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    aliases: list[str] = field(default_factory=list)
    graphs: set[str] = field(default_factory=set)
    evidence: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    facts: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class _Edge:
    graphs: set[str] = field(default_factory=set)
    evidence: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    during: set[str] = field(default_factory=set)
    label_zh: str = ""
    label_en: str = ""


class _Projection:
    """Runs the queries once and keeps what they found, keyed by IRI."""

    def __init__(self, store: ox.Store) -> None:
        self.store = store
        self.nodes: dict[str, _Node] = {}
        self.edges: dict[tuple[str, str, str], _Edge] = {}
        self.articles: dict[str, dict[str, str]] = {}
        self.texts: dict[str, tuple[str, str]] = {}  # context IRI -> (article IRI, text)
        self.labels: dict[str, dict[str, str]] = {}
        self.symmetric: set[str] = set()
        self.post_roles: dict[tuple[str, str, str], str] = {}  # post edge -> role IRI

    # -- evidence ---------------------------------------------------------------------------------

    def evidence(
        self, graph: str, b: Term, end: Term, anchor: Term, ctx: Term
    ) -> dict[str, Any] | None:
        begin_i, end_i = _int(b), _int(end)
        if begin_i is None or end_i is None:
            return None
        article, text = self.texts.get(_value(ctx), ("", ""))
        item: dict[str, Any] = {
            "article": article or _article_of_graph(graph),
            "begin": begin_i,
            "end": end_i,
            "anchor": _value(anchor) or text[begin_i:end_i],
        }
        if text:
            item["sentence"], item["sentence_begin"] = _sentence(text, begin_i, end_i)
        return item

    # -- the queries ------------------------------------------------------------------------------

    def load_articles(self) -> None:
        for g, a, title, date, ctx, text in _select(self.store, _Q_ARTICLES):
            iri = _value(a)
            info = self.articles.setdefault(
                iri, {"iri": iri, "title": "", "date": "", "graph": _value(g)}
            )
            info["title"] = info["title"] or _value(title)
            info["date"] = info["date"] or _value(date)
            if ctx is not None and text is not None:
                self.texts[_value(ctx)] = (iri, _value(text))

    def load_entities(self, only: set[str] | None = None) -> None:
        for g, e, p, o in _select(self.store, _Q_ENTITIES):
            iri = _value(e)
            if only is not None and iri not in only:
                continue
            node = self.nodes.get(iri)
            if node is None:
                node = self.nodes[iri] = _Node(iri)
            node.graphs.add(_value(g))
            pred = _value(p)
            if isinstance(o, ox.Literal):
                if pred.endswith("altLabel"):
                    node.aliases.append(o.value)
                else:
                    node.labels[(o.language or "").lower()].append(o.value)
            elif isinstance(o, ox.NamedNode):
                node.types.add(o.value)

    def load_mentions(self) -> None:
        for g, e, b, end, anchor, ctx in _select(self.store, _Q_MENTIONS):
            node = self.nodes.get(_value(e))
            if node is None:
                continue
            graph = _value(g)
            item = self.evidence(graph, b, end, anchor, ctx)
            if item is not None:
                node.evidence.append((graph, item))
                node.graphs.add(graph)

    def load_relations(self) -> None:
        for g, s, p, o in _select(self.store, _Q_RELATIONS):
            subj, pred, obj = _value(s), _value(p), _value(o)
            if subj not in self.nodes or obj not in self.nodes:
                continue
            edge = self.edges.get((subj, pred, obj))
            if edge is None:
                edge = self.edges[(subj, pred, obj)] = _Edge()
            edge.graphs.add(_value(g))
        for g, s, p, o, b, end, anchor, ctx, during in _select(self.store, _Q_ASSERTIONS):
            key = (_value(s), _value(p), _value(o))
            edge = self.edges.get(key)
            if edge is None:
                continue
            graph = _value(g)
            item = self.evidence(graph, b, end, anchor, ctx)
            if item is not None:
                edge.evidence.append((graph, item))
            if during is not None:
                edge.during.add(_value(during))

    def load_posts(self) -> None:
        for g, person, org, role, b, end, anchor, ctx in _select(self.store, _Q_POSTS):
            subj, obj = _value(person), _value(org)
            if subj not in self.nodes or obj not in self.nodes:
                continue
            role_iri = _value(role)
            pred = f"{ORG}Post#{role_iri}" if role_iri else f"{ORG}Post"
            key = (subj, pred, obj)
            edge = self.edges.get(key)
            if edge is None:
                edge = self.edges[key] = _Edge()
            self.post_roles[key] = role_iri
            graph = _value(g)
            edge.graphs.add(graph)
            item = self.evidence(graph, b, end, anchor, ctx)
            if item is not None:
                edge.evidence.append((graph, item))

    def load_figures(self) -> None:
        for row in _select(self.store, _Q_FIGURES):
            g, about, indicator, value, unit, kind, comparator, year, b, end, anchor, ctx = row
            node = self.nodes.get(_value(about))
            if node is None:
                continue
            graph = _value(g)
            fact: dict[str, Any] = {
                "type": "figure",
                "graph": graph,
                "indicator": _value(indicator),
                "value": _value(value),
                "unit": _value(unit),
                "kind": _value(kind),
                "comparator": _value(comparator),
                "year": _value(year),
            }
            item = self.evidence(graph, b, end, anchor, ctx)
            if item is not None:
                fact["evidence"] = item
            node.facts.append(fact)

    def load_labels(self, iris: Iterable[str]) -> None:
        wanted = sorted({i for i in iris if i and "://" in i})
        for start in range(0, len(wanted), 500):
            chunk = " ".join(f"<{i}>" for i in wanted[start : start + 500])
            for x, label, sym in _select(self.store, _Q_LABELS.format(iris=chunk)):
                iri = _value(x)
                entry = self.labels.setdefault(iri, {})
                if isinstance(label, ox.Literal):
                    lang = "en" if (label.language or "").lower().startswith("en") else "zh"
                    if label.language is None:
                        lang = "plain"
                    entry.setdefault(lang, label.value)
                if _value(sym) == "true":
                    self.symmetric.add(iri)

    def label(self, iri: str, lang: str) -> str:
        entry = self.labels.get(iri, {})
        return entry.get(lang) or entry.get("plain") or ""

    def most_specific(self, kinds: dict[str, set[str]]) -> dict[str, str]:
        """Return, for each node with several candidate kinds, the most specific one."""
        several = sorted({k for ks in kinds.values() if len(ks) > 1 for k in ks})
        supers: dict[str, set[str]] = defaultdict(set)
        if several:
            iris = " ".join(f"<{k}>" for k in several)
            for a, b in _select(self.store, _Q_SUBCLASS.format(iris=iris)):
                supers[_value(a)].add(_value(b))
        chosen: dict[str, str] = {}
        for iri, ks in kinds.items():
            leaves = [k for k in ks if not any(k in supers[other] for other in ks if other != k)]
            chosen[iri] = sorted(leaves or ks)[0]
        return chosen


def _pick(values: Sequence[str]) -> str:
    """Return the most frequent of ``values`` (ties: the first in sorted order), or ""."""
    if not values:
        return ""
    counts: dict[str, int] = defaultdict(int)
    for v in values:
        counts[v] += 1
    return sorted(counts, key=lambda v: (-counts[v], v))[0]


def _in_graphs(
    items: list[tuple[str, dict[str, Any]]], graphs: set[str] | None
) -> list[dict[str, Any]]:
    """Return the evidence items found in ``graphs`` (all of them when ``graphs`` is None)."""
    return [item for graph, item in items if graphs is None or graph in graphs]


def _evidence_key(item: dict[str, Any]) -> tuple[str, int, int]:
    return (item["article"], item["begin"], item["end"])


def _top_class(types: set[str]) -> str:
    return next((c for c in TOP_CLASSES if f"{KX}{c}" in types), OTHER_CLASS)


def _node_attrs(p: _Projection, node: _Node, kind: str, graphs: set[str] | None) -> dict[str, Any]:
    cls = _top_class(node.types)
    zh = _pick(
        node.labels.get("zh", [])
        or [v for k, vs in node.labels.items() if k.startswith("zh") for v in vs]
    )
    en = _pick([v for k, vs in node.labels.items() if k.startswith("en") for v in vs])
    fallback = _pick([v for vs in node.labels.values() for v in vs]) or _local(node.iri)
    label = zh or fallback
    aliases = sorted({a for a in node.aliases if a and a not in (label, en)})
    chosen = node.graphs if graphs is None else node.graphs & graphs
    articles = sorted({a for a in map(_article_of_graph, chosen) if a})
    facts = []
    for fact in node.facts:
        if graphs is None or fact["graph"] in graphs:
            fact = {k: v for k, v in fact.items() if k != "graph"}
            fact["unit_label"] = p.label(fact.get("unit", ""), "zh") or _local(fact.get("unit", ""))
            facts.append(fact)
    evidence = sorted(
        {_evidence_key(i): i for i in _in_graphs(node.evidence, graphs)}.values(), key=_evidence_key
    )
    return {
        "iri": node.iri,
        "cls": cls,
        "kind": _local(kind) if kind else "",
        "kind_zh": p.label(kind, "zh") if kind else "",
        "kind_en": p.label(kind, "en") if kind else "",
        "label_zh": zh,
        "label_en": en,
        "label": label,
        "aliases": aliases,
        "articles": articles,
        "evidence": evidence,
        "facts": facts,
    }


def _kinds_and_labels(p: _Projection, extra: Iterable[str] = ()) -> dict[str, str]:
    """Pick each entity's kind and load the labels of kinds, predicates, roles and units."""
    kinds: dict[str, set[str]] = {}
    for iri, node in p.nodes.items():
        ks = {t for t in node.types if t.startswith(str(KX)) and t not in _TOP_IRIS}
        if ks:
            kinds[iri] = ks
    chosen_kind = p.most_specific(kinds)
    preds = {pred for (_s, pred, _o) in p.edges if not pred.startswith(f"{ORG}Post")}
    p.load_labels(
        [
            *chosen_kind.values(),
            *preds,
            *p.post_roles.values(),
            *(f.get("unit", "") for n in p.nodes.values() for f in n.facts),
            *extra,
        ]
    )
    return chosen_kind


def _build(
    p: _Projection,
    *,
    classes: Callable[[str], bool] | None,
    predicates: Callable[[str], bool] | None,
    graphs: set[str] | None,
) -> nx.MultiDiGraph:
    chosen_kind = _kinds_and_labels(p)

    g = nx.MultiDiGraph()
    g.graph["articles"] = {
        a: {k: v for k, v in info.items() if k != "graph"}
        for a, info in sorted(p.articles.items())
        if graphs is None or info["graph"] in graphs
    }
    g.graph["predicates"] = {}

    kept_classes = {
        c for c in (*TOP_CLASSES, OTHER_CLASS) if classes is None or classes(f"{KX}{c}")
    }
    class_of = {iri: _top_class(node.types) for iri, node in p.nodes.items()}

    def keep_node(iri: str) -> bool:
        return class_of[iri] in kept_classes

    edges: list[tuple[str, str, str, dict[str, Any]]] = []
    for (subj, pred, obj), edge in p.edges.items():
        if graphs is not None and not edge.graphs & graphs:
            continue
        if not (keep_node(subj) and keep_node(obj)):
            continue
        if pred.startswith(f"{ORG}Post"):
            role = p.post_roles.get((subj, pred, obj), "")
            name = POST_EDGE
            label_zh = p.label(role, "zh") or _local(role) or "任职"
            label_en = p.label(role, "en") or label_zh
            iri = f"{ORG}Post"
        else:
            name, iri = _local(pred), pred
            label_zh = p.label(pred, "zh") or name
            label_en = p.label(pred, "en") or name
        if predicates is not None and not (predicates(iri) or predicates(name)):
            continue
        chosen = edge.graphs if graphs is None else edge.graphs & graphs
        g.graph["predicates"].setdefault(
            name,
            {
                "iri": iri,
                "label_zh": label_zh if name != POST_EDGE else "任职",
                "label_en": label_en if name != POST_EDGE else "holds post",
                "symmetric": pred in p.symmetric,
            },
        )
        evidence = sorted(
            {_evidence_key(i): i for i in _in_graphs(edge.evidence, graphs)}.values(),
            key=_evidence_key,
        )
        attrs = {
            "predicate": iri,
            "name": name,
            "label_zh": label_zh,
            "label_en": label_en,
            "articles": sorted({a for a in map(_article_of_graph, chosen) if a}),
            "evidence": evidence,
            "during": sorted(edge.during),
        }
        edges.append((subj, obj, name if name != POST_EDGE else f"{name}:{label_zh}", attrs))

    wanted: set[str] = set()
    for iri, node in p.nodes.items():
        if not keep_node(iri):
            continue
        if graphs is not None and not node.graphs & graphs:
            continue
        wanted.add(iri)
    if predicates is not None:
        wanted = set()  # with a predicate filter, a node is shown for the edges it has
    for subj, obj, _key, _attrs in edges:
        wanted.update((subj, obj))
    for iri in sorted(wanted):
        g.add_node(iri, **_node_attrs(p, p.nodes[iri], chosen_kind.get(iri, ""), graphs))
    for subj, obj, key, attrs in sorted(edges, key=lambda e: (e[0], e[2], e[1])):
        g.add_edge(subj, obj, key=key, **attrs)
    return g


def _collect(store: ox.Store, only: set[str] | None = None) -> _Projection:
    p = _Projection(store)
    p.load_articles()
    p.load_entities(only)
    p.load_mentions()
    p.load_relations()
    p.load_posts()
    p.load_figures()
    return p


def project(
    source: Source,
    *,
    classes: Iterable[str] | None = None,
    predicates: Iterable[str] | None = None,
    articles: Iterable[str] | None = None,
) -> nx.MultiDiGraph:
    """Return the entities of ``source`` and the relations between them as a networkx graph.

    ``classes`` keeps entities of those top-level classes (``Organization`` or ``kx:Organization``);
    ``predicates`` keeps relations with those predicates (``partnerOf``, ``kx:partnerOf``, an IRI,
    the reading name ``partner_of``, or ``holdsPost`` for posts) and the entities they link;
    ``articles`` (article IRIs, ``kxr:article/ID`` or IDs) keeps only what those articles' graphs
    state. Each option also takes comma-separated strings. ``graph.graph`` holds ``articles`` (IRI
    -> title, date) and ``predicates`` (edge name -> IRI, labels, whether symmetric) for the view.
    """
    store = as_store(source)
    return _build(
        _collect(store),
        classes=_matcher(classes, camel=False),
        predicates=_matcher(predicates, camel=True),
        graphs=_article_graphs(articles),
    )


# ---- focus -------------------------------------------------------------------------------------


def node_names(graph: nx.Graph, node: Any) -> list[str]:
    """Return every name of ``node``: its labels, its aliases and its IRI."""
    data = graph.nodes[node]
    names = [
        data.get("label_zh"),
        data.get("label_en"),
        data.get("label"),
        *data.get("aliases", ()),
    ]
    names.append(data.get("iri") or str(node))
    return [n for n in dict.fromkeys(names) if n]


def focus(graph: nx.Graph, name: str, hops: int = 1) -> nx.MultiDiGraph:
    """Return the neighbourhood of the entity called ``name``: everything within ``hops`` relations.

    ``name`` matches a zh or en label, an alias or an IRI (ignoring case and surrounding space);
    every entity of that name is a centre. If nothing matches, :class:`ViewError` lists the closest
    names.
    """
    if hops < 0:
        raise ViewError(f"--hops must be 0 or more, not {hops}")
    wanted = name.strip().casefold()
    index: dict[str, list[Any]] = defaultdict(list)
    for node in graph.nodes:
        for n in node_names(graph, node):
            index[n.casefold()].append(node)
    centres = index.get(wanted, [])
    if not centres:
        names = sorted({n for node in graph.nodes for n in node_names(graph, node)[:-1]})
        close = difflib.get_close_matches(name.strip(), names, n=5, cutoff=0.4)
        close += [n for n in names if wanted and wanted in n.casefold() and n not in close][
            : 5 - len(close)
        ]
        hint = f"; close matches: {', '.join(close)}" if close else "; no name is close to it"
        raise ViewError(
            f"no entity named {name!r} in the graph{hint} (give one of these to --focus)"
        )
    undirected = graph.to_undirected(as_view=True)
    keep: set[Any] = set()
    for centre in centres:
        keep.update(nx.single_source_shortest_path_length(undirected, centre, cutoff=hops))
    sub = graph.subgraph(keep).copy()
    sub.graph.update(graph.graph)
    sub.graph["focus"] = [graph.nodes[c].get("iri", str(c)) for c in centres]
    return nx.MultiDiGraph(sub)


# ---- query results -----------------------------------------------------------------------------


_PREFIX_LINES = SPARQL_PREFIXES.count("\n")


def _run(store: ox.Store, sparql: str) -> Any:
    try:
        return store.query(SPARQL_PREFIXES + sparql, use_default_graph_as_union=True)
    except SyntaxError as error:
        raise QuerySyntaxError(
            f"the view's query does not parse: {_syntax(str(error))}; fix the SPARQL"
        ) from None


def _syntax(message: str) -> str:
    """Return Oxigraph's parse error as one short line, with the position in the user's query."""
    text = " ".join(message.split())
    match = re.match(r"error at (\d+):(\d+): ?(.*)", text)
    if match:
        line = int(match.group(1)) - _PREFIX_LINES
        text = f"line {line}, column {match.group(2)}: {match.group(3)}"
    return text if len(text) <= 160 else text[:157] + "..."


def from_query(source: Source, sparql: str) -> nx.MultiDiGraph:
    """Return a graph of the result of a SPARQL CONSTRUCT or SELECT query over ``source``.

    CONSTRUCT: every triple whose subject and object are IRIs is an edge (labels and types in the
    result name and class the nodes). SELECT: with ``?s ?p ?o`` each row is such a triple; otherwise
    the first two IRI values of each row (in the order of the projected variables) make an edge
    named after the second variable. Nodes are described as :func:`project` describes them (labels,
    class, evidence); IRIs that are not entities get the class ``Other``; literal values become
    facts of their subject.
    """
    store = as_store(source)
    result = _run(store, sparql)
    triples: list[tuple[str, str, Any]] = []
    if isinstance(result, ox.QueryTriples):
        triples = [(_value(t.subject), _value(t.predicate), t.object) for t in result]
    elif isinstance(result, ox.QuerySolutions):
        names = [v.value for v in result.variables]
        spo = all(v in names for v in ("s", "p", "o"))
        for row in result:
            if spo:
                s, p_, o = row["s"], row["p"], row["o"]
                if s is not None and p_ is not None and o is not None:
                    triples.append((_value(s), _value(p_), o))
                continue
            iris = [(n, v) for n, v in zip(names, row, strict=True) if isinstance(v, ox.NamedNode)]
            if len(iris) >= 2:
                triples.append(
                    (iris[0][1].value, f"urn:x-kexie-graph:var:{iris[1][0]}", iris[1][1])
                )
            elif len(iris) == 1:
                triples.append((iris[0][1].value, "", None))
    else:
        raise ViewError("a view needs a CONSTRUCT or SELECT query, not ASK: rewrite the query")
    return _graph_of_triples(store, triples)


def _graph_of_triples(store: ox.Store, triples: list[tuple[str, str, Any]]) -> nx.MultiDiGraph:
    iris = {s for s, _p, _o in triples} | {
        o.value for _s, _p, o in triples if isinstance(o, ox.NamedNode)
    }
    p = _collect(store, only=iris)
    labels: dict[str, dict[str, str]] = defaultdict(dict)
    types: dict[str, set[str]] = defaultdict(set)
    literals: dict[str, list[dict[str, Any]]] = defaultdict(list)
    edge_rows: list[tuple[str, str, str]] = []
    for s, pred, o in triples:
        if isinstance(o, ox.NamedNode):
            if pred == f"{PREFIXES['rdf']}type":
                types[s].add(o.value)
                continue
            edge_rows.append((s, pred, o.value))
        elif isinstance(o, ox.Literal):
            if pred in (str(RDFS.label), str(SKOS.prefLabel)):
                lang = "en" if (o.language or "").startswith("en") else "zh"
                labels[s].setdefault(lang, o.value)
            else:
                literals[s].append({"type": "value", "predicate": _local(pred), "value": o.value})
        elif s and not pred:
            labels.setdefault(s, {})
    chosen_kind = _kinds_and_labels(p, (pred for _s, pred, _o in edge_rows))
    g = nx.MultiDiGraph()
    g.graph["articles"] = {
        a: {k: v for k, v in info.items() if k != "graph"} for a, info in sorted(p.articles.items())
    }
    g.graph["predicates"] = {}
    nodes = {s for s, _p, _o in triples if s} | {o for _s, _p, o in edge_rows}
    for iri in sorted(nodes):
        if iri in p.nodes:
            g.add_node(iri, **_node_attrs(p, p.nodes[iri], chosen_kind.get(iri, ""), None))
        else:
            g.add_node(iri, **_other_node(iri, types[iri]))
        data = g.nodes[iri]
        data["label_zh"] = data["label_zh"] or labels.get(iri, {}).get("zh", "")
        data["label_en"] = data["label_en"] or labels.get(iri, {}).get("en", "")
        if data["label"] == _local(iri) and (data["label_zh"] or data["label_en"]):
            data["label"] = data["label_zh"] or data["label_en"]
        data["facts"] = [*data["facts"], *literals.get(iri, [])]
    for s, pred, o in edge_rows:
        name = pred.rsplit(":", 1)[1] if pred.startswith("urn:x-kexie-graph:var:") else _local(pred)
        label_zh = p.label(pred, "zh") or name
        label_en = p.label(pred, "en") or name
        g.graph["predicates"].setdefault(
            name,
            {
                "iri": pred,
                "label_zh": label_zh,
                "label_en": label_en,
                "symmetric": pred in p.symmetric,
            },
        )
        if g.has_edge(s, o, key=name):
            continue
        edge = p.edges.get((s, pred, o))
        g.add_edge(
            s,
            o,
            key=name,
            predicate=pred,
            name=name,
            label_zh=label_zh,
            label_en=label_en,
            articles=sorted({a for a in map(_article_of_graph, edge.graphs) if a}) if edge else [],
            evidence=_in_graphs(edge.evidence, None) if edge else [],
            during=sorted(edge.during) if edge else [],
        )
    return g


def _other_node(iri: str, types: set[str]) -> dict[str, Any]:
    cls = next((c for c in TOP_CLASSES if f"{KX}{c}" in types), OTHER_CLASS)
    return {
        "iri": iri,
        "cls": cls,
        "kind": "",
        "kind_zh": "",
        "kind_en": "",
        "label_zh": "",
        "label_en": "",
        "label": _local(iri),
        "aliases": [],
        "articles": [],
        "evidence": [],
        "facts": [],
    }
