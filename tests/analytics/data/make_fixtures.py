"""Write the fixture datasets of the analytics and export tests (TriG, as ARCHITECTURE.md says).

``tests/analytics/data/corpus.trig``: three short articles about the Chongqing and Sichuan
science associations, written so that the network has a known shape: a Chongqing triangle
(市科协, 市委组织部, 重庆大学), a Sichuan cluster (四川省科协, 四川大学, 四川省计算机学会,
中国科协, and 教育部, which only the lexicon graph names), one bridge (重庆市科协 ↔
四川省科协, stated in two articles), a person with a post, an event, a program, a place with a
figure. Each article graph holds the article, its ``nif:Context``, the entities it names (types,
labels, aliases), one mention per surface form, evidence spans, direct triples, assertions, posts
and figures. An ontology graph (labels, one symmetric property) and an entailments graph (what
the projection must leave out) complete it.

``tests/export/data/corpus.trig``: the same dataset plus an article whose text and literals carry
what serialisers trip on (quotes, a backslash, a tab, line ends, an emoji, a ``}``), and an
entailments graph that repeats a triple of an article graph (the union must count it once).

Offsets are computed from the texts (``text[begin:end] == anchor`` by construction). Each
article's text is its sentences joined (a ``None`` item starts a new paragraph), so the tests
know which entities share a sentence. Run it again after changing anything here:

    .venv/bin/python tests/analytics/data/make_fixtures.py
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Dataset, Literal, URIRef
from rdflib.namespace import TIME, XSD

from kexie_graph.graph.iris import (
    ENTAILMENT_GRAPH,
    LEXICON_GRAPH,
    ONTOLOGY_GRAPH,
    article_graph,
    article_iri,
    context_iri,
    digest,
    encode_segment,
    entity_iri,
    rule_iri,
)
from kexie_graph.namespaces import (
    DCTERMS,
    ITSRDF,
    KX,
    KXR,
    NIF,
    ORG,
    OWL,
    PREFIXES,
    PROV,
    RDF,
    RDFS,
    SCHEMA,
    SKOS,
)

__all__ = [
    "ARTICLES",
    "ENTITIES",
    "EXPORT_ARTICLES",
    "ArticleSpec",
    "analytics_dataset",
    "export_dataset",
    "iri",
    "main",
    "sentence_spans",
]

HERE = Path(__file__).resolve().parent
ANALYTICS_OUT = HERE / "corpus.trig"
EXPORT_OUT = HERE.parent.parent / "export" / "data" / "corpus.trig"

#: key -> (top class, kind, zh, en or "", aliases)
ENTITIES: dict[str, tuple[str, str, str, str, tuple[str, ...]]] = {
    "cqast": (
        "Organization",
        "ScienceAssociation",
        "重庆市科学技术协会",
        "Chongqing Association for Science and Technology",
        ("重庆市科协", "市科协"),
    ),
    "orgdept": (
        "Organization",
        "PartyDepartment",
        "中共重庆市委组织部",
        "Organization Department of the CPC Chongqing Committee",
        ("市委组织部",),
    ),
    "cqu": ("Organization", "University", "重庆大学", "Chongqing University", ()),
    "scast": (
        "Organization",
        "ScienceAssociation",
        "四川省科学技术协会",
        "Sichuan Association for Science and Technology",
        ("四川省科协",),
    ),
    "scu": ("Organization", "University", "四川大学", "Sichuan University", ()),
    "sccs": ("Organization", "LearnedSociety", "四川省计算机学会", "Sichuan Computer Society", ()),
    "cast": (
        "Organization",
        "ScienceAssociation",
        "中国科学技术协会",
        "China Association for Science and Technology",
        ("中国科协",),
    ),
    "moe": (
        "Organization",
        "GovernmentBody",
        "中华人民共和国教育部",
        "Ministry of Education",
        ("教育部",),
    ),
    "pan": ("Person", "", "潘复生", "Pan Fusheng", ()),
    "conf": ("Event", "Conference", "川渝科技学术大会", "Sichuan-Chongqing Science Conference", ()),
    "kczg": ("Program", "Campaign", "科创中国", "Innovation China", ()),
    "chongqing": ("Place", "Municipality", "重庆市", "Chongqing", ("重庆",)),
}


@dataclass(frozen=True)
class ArticleSpec:
    """One fixture article: sentences (``None`` = paragraph break) and what each sentence states.

    ``mentions``: (sentence index, entity key, surface) — the surface is looked up in that sentence.
    ``relations``: (sentence index, subject, predicate, object, evidence fragment, period or "").
    ``posts``: (sentence index, person, organization, role zh, role en, evidence fragment).
    ``figures``: (sentence index, about, indicator, value, evidence fragment).
    """

    id: str
    title: str
    date: str
    sentences: tuple[str | None, ...]
    mentions: tuple[tuple[int, str, str], ...]
    relations: tuple[tuple[int, str, URIRef, str, str, str], ...] = ()
    posts: tuple[tuple[int, str, str, str, str, str], ...] = ()
    figures: tuple[tuple[int, str, str, str, str], ...] = ()
    extra_literals: tuple[tuple[str, str], ...] = field(default=())

    @property
    def text(self) -> str:
        """The article's original text."""
        return text_and_spans(self.sentences)[0]


def text_and_spans(sentences: tuple[str | None, ...]) -> tuple[str, list[tuple[int, int]]]:
    """Return the text of ``sentences`` and the span of each (``None`` items get an empty span)."""
    text = ""
    spans: list[tuple[int, int]] = []
    for item in sentences:
        if item is None:
            text += "\n"
            spans.append((len(text), len(text)))
            continue
        spans.append((len(text), len(text) + len(item)))
        text += item
    return text, spans


def sentence_spans(spec: ArticleSpec) -> list[tuple[int, int]]:
    """Return the span of each sentence of ``spec`` (as given, one per item of ``sentences``)."""
    return text_and_spans(spec.sentences)[1]


ARTICLES: tuple[ArticleSpec, ...] = (
    ArticleSpec(
        id="a1",
        title="重庆市科协五届八次全会召开",
        date="2021-03-18",
        sentences=(
            "重庆市科协五届八次全会召开。",
            "市科协与市委组织部、重庆大学共同推进人才工作。",
            "市委组织部支持重庆大学建设人才平台。",
            "市科协主席潘复生表示，将加强与四川省科协合作。",
            None,
            "重庆市公民具备科学素质比例达到10.2%。",
            "川渝科技学术大会由重庆市科协和四川省科协联合举办。",
        ),
        mentions=(
            (0, "cqast", "重庆市科协"),
            (1, "cqast", "市科协"),
            (1, "orgdept", "市委组织部"),
            (1, "cqu", "重庆大学"),
            (2, "orgdept", "市委组织部"),
            (2, "cqu", "重庆大学"),
            (3, "cqast", "市科协"),
            (3, "pan", "潘复生"),
            (3, "scast", "四川省科协"),
            (5, "chongqing", "重庆市"),
            (6, "conf", "川渝科技学术大会"),
            (6, "cqast", "重庆市科协"),
            (6, "scast", "四川省科协"),
        ),
        relations=(
            (
                1,
                "cqast",
                KX.partnerOf,
                "orgdept",
                "市科协与市委组织部、重庆大学共同推进人才工作",
                "",
            ),
            (1, "cqast", KX.partnerOf, "cqu", "市科协与市委组织部、重庆大学共同推进人才工作", ""),
            (2, "orgdept", KX.supports, "cqu", "市委组织部支持重庆大学建设人才平台", ""),
            (3, "cqast", KX.partnerOf, "scast", "加强与四川省科协合作", "FYP14"),
            (
                6,
                "cqast",
                KX.coOrganizes,
                "conf",
                "川渝科技学术大会由重庆市科协和四川省科协联合举办",
                "",
            ),
            (
                6,
                "scast",
                KX.coOrganizes,
                "conf",
                "川渝科技学术大会由重庆市科协和四川省科协联合举办",
                "",
            ),
        ),
        posts=((3, "pan", "cqast", "主席", "Chair", "市科协主席潘复生"),),
        figures=(
            (5, "chongqing", "公民具备科学素质比例", "10.2", "重庆市公民具备科学素质比例达到10.2%"),
        ),
    ),
    ArticleSpec(
        id="a2",
        title="四川省科协与四川大学签署合作协议",
        date="2021-04-02",
        sentences=(
            "四川省科协与四川大学签署合作协议。",
            "四川大学与四川省计算机学会共建实验室。",
            "四川省科协指导四川省计算机学会开展学术交流。",
            None,
            "四川省科协与重庆市科协签署川渝合作协议。",
            "中国科协支持四川省科协工作。",
        ),
        mentions=(
            (0, "scast", "四川省科协"),
            (0, "scu", "四川大学"),
            (1, "scu", "四川大学"),
            (1, "sccs", "四川省计算机学会"),
            (2, "scast", "四川省科协"),
            (2, "sccs", "四川省计算机学会"),
            (4, "scast", "四川省科协"),
            (4, "cqast", "重庆市科协"),
            (5, "cast", "中国科协"),
            (5, "scast", "四川省科协"),
        ),
        relations=(
            (0, "scast", KX.partnerOf, "scu", "四川省科协与四川大学签署合作协议", ""),
            (1, "scu", KX.partnerOf, "sccs", "四川大学与四川省计算机学会共建实验室", ""),
            (2, "scast", KX.supports, "sccs", "四川省科协指导四川省计算机学会开展学术交流", ""),
            (4, "scast", KX.partnerOf, "cqast", "四川省科协与重庆市科协签署川渝合作协议", ""),
            (5, "cast", KX.supports, "scast", "中国科协支持四川省科协工作", ""),
        ),
    ),
    ArticleSpec(
        id="a3",
        title="中国科协主办科创中国活动",
        date="2023-09-01",
        sentences=(
            "中国科协主办科创中国活动。",
            "科创中国在四川大学设立服务站。",
            "活动吸引了众多科技工作者。",
        ),
        mentions=(
            (0, "cast", "中国科协"),
            (0, "kczg", "科创中国"),
            (1, "kczg", "科创中国"),
            (1, "scu", "四川大学"),
        ),
        relations=((0, "cast", KX.organizes, "kczg", "中国科协主办科创中国活动", ""),),
    ),
)

#: the extra article of the export fixture: text and literals that serialisers must escape
EXPORT_ARTICLES: tuple[ArticleSpec, ...] = (
    ArticleSpec(
        id="x1",
        title='引号"与反斜杠\\ 以及 {大括号}',
        date="2024-01-05",
        sentences=(
            '四川大学发布"科普\\之窗"计划\t😀。',
            None,
            "中国科协\r\n表示支持。",
        ),
        mentions=((0, "scu", "四川大学"), (2, "cast", "中国科协")),
        extra_literals=(("note", 'a "quoted" note with a \\ and a\nnew line'), ("@value", "@type")),
    ),
)

#: which entities only the lexicon graph describes, and the lexicon's own triples
LEXICON_ONLY = ("moe",)
LEXICON_TRIPLES = (("scu", ORG.subOrganizationOf, "moe"),)

PREDICATE_LABELS: dict[URIRef, tuple[str, str]] = {
    KX.partnerOf: ("合作伙伴", "partner of"),
    KX.coOrganizes: ("联合举办", "co-organizes"),
    KX.organizes: ("主办", "organizes"),
    KX.supports: ("支持", "supports"),
    ORG.subOrganizationOf: ("下属机构", "sub-organization of"),
}

NNI = XSD.nonNegativeInteger


def iri(key: str) -> URIRef:
    """Return the IRI of the fixture entity ``key``."""
    cls, _kind, zh, _en, _aliases = ENTITIES[key]
    return entity_iri(cls, zh)


def _describe(ds: Dataset, graph: URIRef, key: str) -> None:
    g = ds.graph(graph)
    cls, kind, zh, en, aliases = ENTITIES[key]
    node = iri(key)
    g.add((node, RDF.type, KX[cls]))
    if kind:
        g.add((node, RDF.type, KX[kind]))
    g.add((node, RDFS.label, Literal(zh, lang="zh")))
    if en:
        g.add((node, RDFS.label, Literal(en, lang="en")))
    for alias in aliases:
        g.add((node, SKOS.altLabel, Literal(alias, lang="zh")))


def _span(g: object, aid: str, kind: str, begin: int, end: int, text: str) -> URIRef:
    node = URIRef(f"{KXR}article/{aid}/{kind}/{begin}-{end}")
    add = g.add  # type: ignore[attr-defined]
    if kind == "evidence":
        add((node, RDF.type, KX.EvidenceSpan))
    else:
        add((node, RDF.type, NIF.Phrase))
    add((node, RDF.type, NIF.OffsetBasedString))
    add((node, NIF.referenceContext, context_iri(aid)))
    add((node, NIF.beginIndex, Literal(begin, datatype=NNI)))
    add((node, NIF.endIndex, Literal(end, datatype=NNI)))
    add((node, NIF.anchorOf, Literal(text[begin:end])))
    return node


def _locate(spec: ArticleSpec, sentence: int, fragment: str) -> tuple[int, int]:
    text, spans = text_and_spans(spec.sentences)
    begin, end = spans[sentence]
    at = text.index(fragment, begin, end)
    return at, at + len(fragment)


def _add_article(ds: Dataset, spec: ArticleSpec) -> None:
    graph = article_graph(spec.id)
    g = ds.graph(graph)
    text = spec.text
    article = article_iri(spec.id)
    ctx = context_iri(spec.id)
    rule = rule_iri("fixture")
    g.add((rule, RDF.type, KX.ExtractionRule))
    g.add((rule, RDFS.label, Literal("fixture")))
    g.add((article, RDF.type, SCHEMA.NewsArticle))
    g.add((article, RDF.type, PROV.Entity))
    g.add((article, DCTERMS.title, Literal(spec.title, lang="zh")))
    g.add((article, DCTERMS.date, Literal(spec.date, datatype=XSD.date)))
    g.add((article, KX.sourceFile, Literal(f"{spec.id}.txt")))
    g.add((article, KX.sha256, Literal(hashlib.sha256(text.encode("utf-8")).hexdigest())))
    g.add((article, KX.text, ctx))
    for name, value in spec.extra_literals:
        g.add((article, KX[name] if name.isidentifier() else RDFS.comment, Literal(value)))
    g.add((ctx, RDF.type, NIF.Context))
    g.add((ctx, RDF.type, NIF.OffsetBasedString))
    g.add((ctx, NIF.isString, Literal(text)))
    g.add((ctx, NIF.beginIndex, Literal(0, datatype=NNI)))
    g.add((ctx, NIF.endIndex, Literal(len(text), datatype=NNI)))
    g.add((ctx, NIF.sourceUrl, article))
    for sentence, key, surface in spec.mentions:
        begin, end = _locate(spec, sentence, surface)
        _describe(ds, graph, key)
        g.add((article, SCHEMA.mentions, iri(key)))
        mention = _span(g, spec.id, "mention", begin, end, text)
        g.add((mention, ITSRDF.taIdentRef, iri(key)))
        g.add((mention, PROV.wasGeneratedBy, rule))
    for sentence, subj, pred, obj, fragment, during in spec.relations:
        begin, end = _locate(spec, sentence, fragment)
        evidence = _span(g, spec.id, "evidence", begin, end, text)
        g.add((iri(subj), pred, iri(obj)))
        assertion = URIRef(
            f"{KXR}article/{spec.id}/assertion/{begin}-{end}/{digest(subj, pred, obj)}"
        )
        g.add((assertion, RDF.type, KX.Assertion))
        g.add((assertion, RDF.subject, iri(subj)))
        g.add((assertion, RDF.predicate, pred))
        g.add((assertion, RDF.object, iri(obj)))
        g.add((assertion, PROV.wasDerivedFrom, evidence))
        g.add((assertion, PROV.wasGeneratedBy, rule))
        g.add((assertion, KX.inArticle, article))
        if during:
            g.add((assertion, KX.during, KX[during]))
    for sentence, person, org, role_zh, role_en, fragment in spec.posts:
        begin, end = _locate(spec, sentence, fragment)
        evidence = _span(g, spec.id, "evidence", begin, end, text)
        post = URIRef(f"{KXR}article/{spec.id}/post/{begin}-{end}/{digest(person, org, role_zh)}")
        role = URIRef(f"{KXR}role/{encode_segment(role_zh)}")
        g.add((post, RDF.type, ORG.Post))
        g.add((post, ORG.postIn, iri(org)))
        g.add((post, ORG.heldBy, iri(person)))
        g.add((post, ORG.role, role))
        g.add((post, PROV.wasDerivedFrom, evidence))
        g.add((post, PROV.wasGeneratedBy, rule))
        g.add((post, KX.inArticle, article))
        g.add((iri(person), ORG.holds, post))
        g.add((role, RDF.type, ORG.Role))
        g.add((role, RDFS.label, Literal(role_zh, lang="zh")))
        g.add((role, RDFS.label, Literal(role_en, lang="en")))
    for sentence, about, indicator, value, fragment in spec.figures:
        begin, end = _locate(spec, sentence, fragment)
        evidence = _span(g, spec.id, "evidence", begin, end, text)
        fig = URIRef(f"{KXR}article/{spec.id}/figure/{begin}-{end}/{digest(about, value)}")
        period = URIRef(f"{KXR}period/2020")
        g.add((fig, RDF.type, KX.Figure))
        g.add((fig, KX.indicator, Literal(indicator, lang="zh")))
        g.add((fig, RDF.value, Literal(value, datatype=XSD.decimal)))
        g.add((fig, KX.unit, KX.Percent))
        g.add((fig, KX.figureKind, KX.Actual))
        g.add((fig, KX.year, Literal("2020")))
        g.add((fig, KX.refPeriod, period))
        g.add((fig, KX.about, iri(about)))
        g.add((fig, PROV.wasDerivedFrom, evidence))
        g.add((fig, PROV.wasGeneratedBy, rule))
        g.add((fig, KX.inArticle, article))
        g.add((period, RDF.type, KX.Year))
        g.add((period, RDF.type, TIME.ProperInterval))
        g.add((period, RDFS.label, Literal("2020", lang="zh")))
        g.add((period, KX.startYear, Literal(2020)))
        g.add((period, KX.endYear, Literal(2020)))


def _add_common(ds: Dataset) -> None:
    for key in LEXICON_ONLY:
        _describe(ds, LEXICON_GRAPH, key)
    lex = ds.graph(LEXICON_GRAPH)
    for subj, pred, obj in LEXICON_TRIPLES:
        lex.add((iri(subj), pred, iri(obj)))
    onto = ds.graph(ONTOLOGY_GRAPH)
    for pred, (zh, en) in PREDICATE_LABELS.items():
        onto.add((pred, RDF.type, OWL.ObjectProperty))
        onto.add((pred, RDFS.label, Literal(zh, lang="zh")))
        onto.add((pred, RDFS.label, Literal(en, lang="en")))
    onto.add((KX.partnerOf, RDF.type, OWL.SymmetricProperty))
    onto.add((KX.ScienceAssociation, RDFS.subClassOf, KX.Organization))
    onto.add((KX.ScienceAssociation, RDFS.label, Literal("科学技术协会", lang="zh")))
    onto.add((KX.University, RDFS.subClassOf, KX.Organization))
    ent = ds.graph(ENTAILMENT_GRAPH)
    # what the entailment step adds: no article states it, so the projection leaves it out
    ent.add((iri("orgdept"), KX.partnerOf, iri("cqast")))
    ent.add((iri("kczg"), KX.organizedBy, iri("cast")))
    ent.add((iri("cqast"), RDF.type, ORG.Organization))


def analytics_dataset() -> Dataset:
    """Return the analytics fixture."""
    ds = Dataset()
    for spec in ARTICLES:
        _add_article(ds, spec)
    _add_common(ds)
    return ds


def export_dataset() -> Dataset:
    """Return the export fixture: the analytics fixture, an awkward article, a repeated triple."""
    ds = analytics_dataset()
    for spec in EXPORT_ARTICLES:
        _add_article(ds, spec)
    # the same triple in an article graph and in the entailments graph (a union counts it once)
    ds.graph(ENTAILMENT_GRAPH).add((iri("cast"), KX.organizes, iri("kczg")))
    return ds


def _write(ds: Dataset, out: Path) -> None:
    for prefix, ns in PREFIXES.items():
        ds.bind(prefix, ns, replace=True)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(ds.serialize(format="trig"), encoding="utf-8", newline="\n")


def main() -> None:
    """Write both fixtures."""
    _write(analytics_dataset(), ANALYTICS_OUT)
    _write(export_dataset(), EXPORT_OUT)


if __name__ == "__main__":
    main()
