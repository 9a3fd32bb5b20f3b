"""Turn one :class:`~kexie_graph.records.Reading` into the RDF of its article's named graph.

The shape written here is documented in docs/ARCHITECTURE.md; IRIs come from :mod:`.iris`. No blank
nodes are made: every resource has a minted IRI.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from rdflib import Graph, Literal, URIRef

from ..errors import GraphError
from ..namespaces import (
    DCTERMS,
    ITSRDF,
    KX,
    KXR,
    NIF,
    ORG,
    PREFIXES,
    PROV,
    RDF,
    RDFS,
    SCHEMA,
    SKOS,
    TIME,
    XSD,
)
from ..records import TOP_CLASSES, Entity, Reading, Span
from . import iris
from .vocab import FIGURE_KINDS, PREDICATES, ROLE_EN, UNITS

__all__ = ["article_graph", "bind_prefixes", "entity_triples", "period_triples"]

_NNI = XSD.nonNegativeInteger


def bind_prefixes(graph: Graph) -> Graph:
    """Bind the project's prefixes on ``graph`` and return it."""
    for prefix, ns in PREFIXES.items():
        graph.bind(prefix, ns, override=True, replace=True)
    return graph


def _zh(text: str) -> Literal:
    return Literal(text, lang="zh")


def entity_triples(entity: Entity) -> Iterable[tuple[URIRef, URIRef, object]]:
    """Yield the triples that describe an entity: types, labels, aliases, parent and place."""
    if entity.cls not in TOP_CLASSES:
        raise GraphError(
            f"entity {entity.zh!r}: unknown class {entity.cls!r}; use one of {TOP_CLASSES}"
        )
    node = iris.entity_iri(entity.cls, entity.zh)
    yield node, RDF.type, KX[entity.cls]
    if entity.kind:
        yield node, RDF.type, KX[entity.kind]
    yield node, RDFS.label, _zh(entity.zh)
    if entity.en:
        yield node, RDFS.label, Literal(entity.en, lang="en")
    for alias in sorted(set(entity.aliases) - {entity.zh}):
        yield node, SKOS.altLabel, _zh(alias)
    if entity.source == "curated":
        yield node, KX.curated, Literal(True)


def period_triples(period: str) -> Iterable[tuple[URIRef, URIRef, object]]:
    """Yield the description of a year or year range period (Five-Year Plans live in the
    ontology)."""
    node = iris.period_iri(period)
    if str(node).startswith(str(KX)):
        return
    yield node, RDF.type, TIME.ProperInterval
    yield node, RDFS.label, _zh(period)
    years = [p for p in period.replace("–", "-").split("-") if p.isdigit() and len(p) == 4]
    if years:
        yield node, RDF.type, KX.Year
        yield node, KX.startYear, Literal(int(years[0]))
        yield node, KX.endYear, Literal(int(years[-1]))


class _Writer:
    """Accumulates the triples of one article graph."""

    def __init__(self, reading: Reading) -> None:
        self.reading = reading
        self.article = reading.article
        self.aid = reading.article.id
        self.text = reading.article.text
        self.graph = bind_prefixes(Graph(identifier=iris.article_graph(self.aid)))
        self.context = iris.context_iri(self.aid)
        self.article_node = iris.article_iri(self.aid)
        self.keys: dict[str, URIRef] = {
            e.key: iris.entity_iri(e.cls, e.zh) for e in reading.entities
        }
        self.rules: set[str] = set()

    def add(self, s: URIRef, p: URIRef, o: object) -> None:
        self.graph.add((s, p, o))  # type: ignore[arg-type]

    def node(self, key: str) -> URIRef:
        try:
            return self.keys[key]
        except KeyError:
            raise GraphError(
                f"article {self.aid}: a fact refers to {key!r}, which the reading does not define"
            ) from None

    def rule(self, subject: URIRef, rule: str) -> None:
        if rule:
            self.rules.add(rule)
            self.add(subject, PROV.wasGeneratedBy, iris.rule_iri(rule))
            if rule == "curation":  # a fact a user added by hand says so
                self.add(subject, KX.curated, Literal(True))

    def span(self, node: URIRef, span: Span) -> None:
        if span.end > len(self.text):
            raise GraphError(f"article {self.aid}: span {span} lies outside the text")
        self.add(node, NIF.referenceContext, self.context)
        self.add(node, NIF.beginIndex, Literal(span.begin, datatype=_NNI))
        self.add(node, NIF.endIndex, Literal(span.end, datatype=_NNI))
        self.add(node, NIF.anchorOf, Literal(span.slice(self.text)))

    def evidence(self, spans: tuple[Span, ...]) -> list[URIRef]:
        nodes = []
        for span in spans:
            node = iris.span_iri(self.aid, "evidence", [span])
            self.add(node, RDF.type, KX.EvidenceSpan)
            self.add(node, RDF.type, NIF.OffsetBasedString)
            self.span(node, span)
            nodes.append(node)
        return nodes

    def write(self) -> Graph:
        self.write_article()
        for entity in self.reading.entities:
            for triple in entity_triples(entity):
                self.add(*triple)
            if entity.parent and entity.parent in self.keys:
                self.add(self.keys[entity.key], ORG.subOrganizationOf, self.keys[entity.parent])
            if entity.located_in and entity.located_in in self.keys:
                self.add(self.keys[entity.key], KX.locatedIn, self.keys[entity.located_in])
        self.write_mentions()
        self.write_relations()
        self.write_posts()
        self.write_figures()
        for rule in sorted(self.rules):
            node = iris.rule_iri(rule)
            self.add(node, RDF.type, KX.ExtractionRule)
            self.add(node, RDFS.label, Literal(rule))
        return self.graph

    def write_article(self) -> None:
        art, a = self.article_node, self.article
        self.add(art, RDF.type, SCHEMA.NewsArticle)
        self.add(art, RDF.type, PROV.Entity)
        self.add(art, KX.text, self.context)
        if a.title:
            self.add(art, DCTERMS.title, _zh(a.title))
        if a.date:
            datatype = XSD.date if len(a.date) == 10 else XSD.gYear
            self.add(art, DCTERMS.date, Literal(a.date, datatype=datatype))
        if a.url:
            self.add(art, SCHEMA.url, Literal(a.url, datatype=XSD.anyURI))
        if a.path:
            self.add(art, KX.sourceFile, Literal(a.path))
        if a.sha256:
            self.add(art, KX.sha256, Literal(a.sha256))
        ctx = self.context
        self.add(ctx, RDF.type, NIF.Context)
        self.add(ctx, RDF.type, NIF.OffsetBasedString)
        self.add(ctx, NIF.isString, Literal(self.text))
        self.add(ctx, NIF.beginIndex, Literal(0, datatype=_NNI))
        self.add(ctx, NIF.endIndex, Literal(len(self.text), datatype=_NNI))
        self.add(ctx, NIF.sourceUrl, art)

    def write_mentions(self) -> None:
        for mention in self.reading.mentions:
            target = self.node(mention.entity)
            self.add(self.article_node, SCHEMA.mentions, target)
            for span in mention.spans:
                node = iris.span_iri(self.aid, "mention", [span])
                self.add(node, RDF.type, NIF.Phrase)
                self.add(node, RDF.type, NIF.OffsetBasedString)
                self.span(node, span)
                self.add(node, ITSRDF.taIdentRef, target)
                self.rule(node, mention.rule)

    def write_relations(self) -> None:
        for rel in self.reading.relations:
            if rel.predicate not in PREDICATES:
                raise GraphError(f"article {self.aid}: unknown predicate {rel.predicate!r}")
            s, p = self.node(rel.subject), PREDICATES[rel.predicate]
            if rel.predicate in {"publishes", "reports"} and rel.object == self.aid:
                o = self.article_node
                self.add(o, DCTERMS.publisher if rel.predicate == "publishes" else SCHEMA.author, s)
            else:
                o = self.node(rel.object)
            self.add(s, p, o)
            node = iris.span_iri(self.aid, "assertion", rel.evidence, s, p, o, rel.when, rel.role)
            self.add(node, RDF.type, KX.Assertion)
            self.add(node, RDF.subject, s)
            self.add(node, RDF.predicate, p)
            self.add(node, RDF.object, o)
            self.add(node, KX.inArticle, self.article_node)
            if rel.when:
                self.add(node, KX.during, iris.period_iri(rel.when))
                for triple in period_triples(rel.when):
                    self.add(*triple)
            if rel.role:
                self.add(node, KX.role, _zh(rel.role))
            for ev in self.evidence(rel.evidence):
                self.add(node, PROV.wasDerivedFrom, ev)
            self.rule(node, rel.rule)

    def write_posts(self) -> None:
        for post in self.reading.posts:
            person, org = self.node(post.person), self.node(post.organization)
            node = iris.span_iri(self.aid, "post", post.evidence, person, org, post.role)
            role = URIRef(f"{KXR}role/{iris.encode_segment(post.role)}")
            self.add(node, RDF.type, ORG.Post)
            self.add(node, ORG.postIn, org)
            self.add(node, ORG.heldBy, person)
            self.add(person, ORG.holds, node)
            self.add(node, ORG.role, role)
            self.add(node, RDFS.label, _zh(post.role))
            self.add(node, KX.inArticle, self.article_node)
            self.add(role, RDF.type, ORG.Role)
            self.add(role, RDFS.label, _zh(post.role))
            if post.role in ROLE_EN:
                self.add(role, RDFS.label, Literal(ROLE_EN[post.role], lang="en"))
            for ev in self.evidence(post.evidence):
                self.add(node, PROV.wasDerivedFrom, ev)
            self.rule(node, post.rule)

    def write_figures(self) -> None:
        for fig in self.reading.figures:
            about = self.node(fig.subject)
            value = Decimal(fig.value)
            node = iris.span_iri(
                self.aid, "figure", fig.evidence, fig.indicator, value, fig.unit, fig.kind, fig.year
            )
            if fig.unit not in UNITS or fig.kind not in FIGURE_KINDS:
                raise GraphError(
                    f"article {self.aid}: figure with unknown unit/kind {fig.unit}/{fig.kind}"
                )
            self.add(node, RDF.type, KX.Figure)
            self.add(node, KX.indicator, _zh(fig.indicator))
            self.add(node, RDF.value, Literal(value, datatype=XSD.decimal))
            self.add(node, KX.unit, UNITS[fig.unit])
            self.add(node, KX.figureKind, FIGURE_KINDS[fig.kind])
            self.add(node, KX.about, about)
            self.add(node, KX.inArticle, self.article_node)
            if fig.comparator:
                self.add(node, KX.comparator, Literal(fig.comparator))
            if fig.year:
                self.add(node, KX.year, Literal(fig.year))
                self.add(node, KX.refPeriod, iris.period_iri(fig.year))
                for triple in period_triples(fig.year):
                    self.add(*triple)
            for ev in self.evidence(fig.evidence):
                self.add(node, PROV.wasDerivedFrom, ev)
            self.rule(node, fig.rule)


def article_graph(reading: Reading) -> Graph:
    """Return the named graph (identifier ``kxr:graph/article/<id>``) of what the article states."""
    return _Writer(reading).write()
