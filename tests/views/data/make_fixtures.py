"""Write ``corpus.trig``, the small two-article dataset the view tests project.

The dataset follows docs/ARCHITECTURE.md: one named graph per article (entities, mentions, evidence
spans, direct triples, assertions, posts, a figure), a lexicon graph, a small ontology graph
(predicate labels, one symmetric property, kind labels) and an entailments graph holding a triple
that no article states (the projection must leave it out). Offsets are computed from the texts, so
``text[begin:end] == anchor`` holds by construction. Run it again after changing the texts:

    .venv/bin/python tests/views/data/make_fixtures.py
"""

from __future__ import annotations

from pathlib import Path

from rdflib import Dataset, Literal, URIRef
from rdflib.namespace import XSD

from kexie_graph.graph.iris import (
    ENTAILMENT_GRAPH,
    LEXICON_GRAPH,
    ONTOLOGY_GRAPH,
    article_graph,
    article_iri,
    context_iri,
    digest,
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
    PROV,
    RDF,
    RDFS,
    SCHEMA,
    SKOS,
)

__all__ = ["ARTICLES", "ENTITIES", "build_dataset", "main"]

OUT = Path(__file__).with_name("corpus.trig")

#: key -> (top class, kind, zh, en or "", aliases)
ENTITIES: dict[str, tuple[str, str, str, str, tuple[str, ...]]] = {
    "cqast": (
        "Organization",
        "ScienceAssociation",
        "重庆市科学技术协会",
        "Chongqing Association for Science and Technology",
        ("市科协", "重庆市科协"),
    ),
    "orgdept": ("Organization", "PartyDepartment", "中共重庆市委组织部", "", ("市委组织部",)),
    "scast": (
        "Organization",
        "ScienceAssociation",
        "四川省科学技术协会",
        "Sichuan Association for Science and Technology",
        ("四川省科协",),
    ),
    "cae": ("Organization", "Academy", "中国工程院", "Chinese Academy of Engineering", ()),
    "cast": (
        "Organization",
        "ScienceAssociation",
        "中国科学技术协会",
        "China Association for Science and Technology",
        ("中国科协",),
    ),
    "conf": ("Event", "Conference", "川渝科技学术大会", "", ()),
    "plenary": ("Event", "Meeting", "重庆市科学技术协会五届八次全会", "", ("市科协五届八次全会",)),
    "pan": ("Person", "", "潘复生", "Pan Fusheng", ()),
    "kczg": ("Program", "Campaign", "科创中国", "Innovation China", ()),
    "chongqing": ("Place", "Municipality", "重庆市", "Chongqing", ("重庆",)),
}

#: article id -> (title, date, text, mentions [(entity key, surface)], relations, posts, figures)
ARTICLES: dict[str, dict[str, object]] = {
    "a1": {
        "title": "市科协五届八次全会召开",
        "date": "2021-03-18",
        "text": (
            "市科协五届八次全会召开。市科协联合市委组织部出台相关文件。"
            "加强与四川省科协合作,联办川渝科技学术大会。"
            "中国工程院院士、市科协主席潘复生介绍,全市公民具备科学素质比例达到10.2%。"
        ),
        "mentions": [
            ("plenary", "市科协五届八次全会"),
            ("cqast", "市科协联合"),
            ("orgdept", "市委组织部"),
            ("scast", "四川省科协"),
            ("conf", "川渝科技学术大会"),
            ("cae", "中国工程院"),
            ("cqast", "市科协主席"),
            ("pan", "潘复生"),
        ],
        # (subject, predicate, object, evidence sentence fragment, during)
        "relations": [
            ("cqast", KX.partnerOf, "scast", "加强与四川省科协合作", "FYP13"),
            ("cqast", KX.coOrganizes, "conf", "联办川渝科技学术大会", ""),
            ("cqast", KX.partnerOf, "orgdept", "市科协联合市委组织部出台相关文件", ""),
        ],
        # (person, org, role zh, role en, evidence)
        "posts": [
            ("pan", "cqast", "主席", "Chair", "市科协主席潘复生"),
            ("pan", "cae", "院士", "Academician", "中国工程院院士"),
        ],
        # (about, indicator, value, evidence)
        "figures": [
            ("chongqing", "公民具备科学素质比例", "10.2", "全市公民具备科学素质比例达到10.2%")
        ],
    },
    "a2": {
        "title": "川渝科协签署合作协议",
        "date": "2021-04-02",
        "text": "四川省科协与重庆市科协签署合作协议。中国科协主办科创中国活动。",
        "mentions": [
            ("scast", "四川省科协"),
            ("cqast", "重庆市科协"),
            ("cast", "中国科协"),
            ("kczg", "科创中国"),
        ],
        "relations": [
            ("scast", KX.partnerOf, "cqast", "四川省科协与重庆市科协签署合作协议", ""),
            ("cast", KX.organizes, "kczg", "中国科协主办科创中国活动", ""),
        ],
        "posts": [],
        "figures": [],
    },
}

#: which entities the lexicon graph describes (those no article names, or parents)
LEXICON_ONLY = ("chongqing",)

PREDICATE_LABELS: dict[URIRef, tuple[str, str]] = {
    KX.partnerOf: ("合作伙伴", "partner of"),
    KX.coOrganizes: ("联合举办", "co-organizes"),
    KX.organizes: ("主办", "organizes"),
    KX.locatedIn: ("位于", "located in"),
}


def _iri(key: str) -> URIRef:
    cls, _kind, zh, _en, _aliases = ENTITIES[key]
    return entity_iri(cls, zh)


def _describe(ds: Dataset, graph: URIRef, key: str) -> None:
    g = ds.graph(graph)
    cls, kind, zh, en, aliases = ENTITIES[key]
    node = _iri(key)
    g.add((node, RDF.type, KX[cls]))
    if kind:
        g.add((node, RDF.type, KX[kind]))
    g.add((node, RDFS.label, Literal(zh, lang="zh")))
    if en:
        g.add((node, RDFS.label, Literal(en, lang="en")))
    for alias in aliases:
        g.add((node, SKOS.altLabel, Literal(alias, lang="zh")))


def _span(
    ds: Dataset, graph: URIRef, aid: str, kind: str, begin: int, end: int, text: str
) -> URIRef:
    g = ds.graph(graph)
    node = URIRef(f"{KXR}article/{aid}/{kind}/{begin}-{end}")
    g.add((node, RDF.type, KX.EvidenceSpan if kind == "evidence" else NIF.Phrase))
    g.add((node, RDF.type, NIF.OffsetBasedString))
    g.add((node, NIF.referenceContext, context_iri(aid)))
    g.add((node, NIF.beginIndex, Literal(begin, datatype=XSD.nonNegativeInteger)))
    g.add((node, NIF.endIndex, Literal(end, datatype=XSD.nonNegativeInteger)))
    g.add((node, NIF.anchorOf, Literal(text[begin:end])))
    return node


def _find(text: str, fragment: str, start: int = 0) -> tuple[int, int]:
    begin = text.index(fragment, start)
    return begin, begin + len(fragment)


def build_dataset() -> Dataset:
    """Return the fixture dataset."""
    ds = Dataset()
    rule = rule_iri("fixture")
    for aid, art in ARTICLES.items():
        graph = article_graph(aid)
        g = ds.graph(graph)
        text = str(art["text"])
        article = article_iri(aid)
        ctx = context_iri(aid)
        g.add((article, RDF.type, SCHEMA.NewsArticle))
        g.add((article, RDF.type, PROV.Entity))
        g.add((article, DCTERMS.title, Literal(str(art["title"]), lang="zh")))
        g.add((article, DCTERMS.date, Literal(str(art["date"]), datatype=XSD.date)))
        g.add((article, KX.text, ctx))
        g.add((ctx, RDF.type, NIF.Context))
        g.add((ctx, NIF.isString, Literal(text)))
        g.add((ctx, NIF.beginIndex, Literal(0, datatype=XSD.nonNegativeInteger)))
        g.add((ctx, NIF.endIndex, Literal(len(text), datatype=XSD.nonNegativeInteger)))
        g.add((ctx, NIF.sourceUrl, article))
        cursor = 0
        for key, surface in art["mentions"]:  # type: ignore[attr-defined]
            begin, end = _find(text, surface, cursor)
            cursor = begin + 1
            if key == "cqast" and surface.startswith("市科协"):
                end = begin + 3  # the name only, not the verb or title after it
            _describe(ds, graph, key)
            g.add((article, SCHEMA.mentions, _iri(key)))
            mention = _span(ds, graph, aid, "mention", begin, end, text)
            g.remove((mention, RDF.type, KX.EvidenceSpan))
            g.add((mention, ITSRDF.taIdentRef, _iri(key)))
            g.add((mention, PROV.wasGeneratedBy, rule))
        for subj, pred, obj, fragment, during in art["relations"]:  # type: ignore[attr-defined]
            begin, end = _find(text, fragment)
            evidence = _span(ds, graph, aid, "evidence", begin, end, text)
            g.add((_iri(subj), pred, _iri(obj)))
            assertion = URIRef(
                f"{KXR}article/{aid}/assertion/{begin}-{end}/{digest(subj, pred, obj)}"
            )
            g.add((assertion, RDF.type, KX.Assertion))
            g.add((assertion, RDF.subject, _iri(subj)))
            g.add((assertion, RDF.predicate, pred))
            g.add((assertion, RDF.object, _iri(obj)))
            g.add((assertion, PROV.wasDerivedFrom, evidence))
            g.add((assertion, PROV.wasGeneratedBy, rule))
            g.add((assertion, KX.inArticle, article))
            if during:
                g.add((assertion, KX.during, KX[during]))
        for person, org, role_zh, role_en, fragment in art["posts"]:  # type: ignore[attr-defined]
            begin, end = _find(text, fragment)
            evidence = _span(ds, graph, aid, "evidence", begin, end, text)
            post = URIRef(f"{KXR}article/{aid}/post/{begin}-{end}/{digest(person, org, role_zh)}")
            role = URIRef(f"{KXR}role/{role_zh}")
            g.add((post, RDF.type, ORG.Post))
            g.add((post, ORG.postIn, _iri(org)))
            g.add((post, ORG.heldBy, _iri(person)))
            g.add((post, ORG.role, role))
            g.add((post, PROV.wasDerivedFrom, evidence))
            g.add((post, KX.inArticle, article))
            g.add((_iri(person), ORG.holds, post))
            g.add((role, RDF.type, ORG.Role))
            g.add((role, RDFS.label, Literal(role_zh, lang="zh")))
            g.add((role, RDFS.label, Literal(role_en, lang="en")))
        for about, indicator, value, fragment in art["figures"]:  # type: ignore[attr-defined]
            begin, end = _find(text, fragment)
            evidence = _span(ds, graph, aid, "evidence", begin, end, text)
            fig = URIRef(f"{KXR}article/{aid}/figure/{begin}-{end}/{digest(about, value)}")
            g.add((fig, RDF.type, KX.Figure))
            g.add((fig, KX.indicator, Literal(indicator, lang="zh")))
            g.add((fig, RDF.value, Literal(value, datatype=XSD.decimal)))
            g.add((fig, KX.unit, KX.Percent))
            g.add((fig, KX.figureKind, KX.Actual))
            g.add((fig, KX.year, Literal("2020")))
            g.add((fig, KX.about, _iri(about)))
            g.add((fig, PROV.wasDerivedFrom, evidence))
            g.add((fig, KX.inArticle, article))
    lex = ds.graph(LEXICON_GRAPH)
    for key in LEXICON_ONLY:
        _describe(ds, LEXICON_GRAPH, key)
    lex.add((_iri("cqast"), KX.locatedIn, _iri("chongqing")))
    onto = ds.graph(ONTOLOGY_GRAPH)
    for pred, (zh, en) in PREDICATE_LABELS.items():
        onto.add((pred, RDF.type, OWL.ObjectProperty))
        onto.add((pred, RDFS.label, Literal(zh, lang="zh")))
        onto.add((pred, RDFS.label, Literal(en, lang="en")))
    onto.add((KX.partnerOf, RDF.type, OWL.SymmetricProperty))
    onto.add((KX.ScienceAssociation, RDFS.subClassOf, KX.Organization))
    onto.add((KX.ScienceAssociation, RDFS.label, Literal("科学技术协会", lang="zh")))
    onto.add((KX.ScienceAssociation, RDFS.label, Literal("science association", lang="en")))
    onto.add((KX.Percent, RDFS.label, Literal("%", lang="zh")))
    ent = ds.graph(ENTAILMENT_GRAPH)
    # what the entailment step would add; none of it is an article's statement
    ent.add((_iri("scast"), KX.partnerOf, _iri("cqast")))
    ent.add((_iri("orgdept"), KX.partnerOf, _iri("cqast")))
    ent.add((_iri("cqast"), RDF.type, ORG.Organization))
    ent.add((_iri("cqast"), RDF.type, KX.Organization))
    ent.add((_iri("cqast"), RDF.type, KX.Association))
    return ds


def main() -> None:
    """Write the fixture next to this script."""
    ds = build_dataset()
    for prefix, ns in (("kx", KX), ("kxr", KXR), ("nif", NIF), ("org", ORG), ("itsrdf", ITSRDF)):
        ds.bind(prefix, ns)
    OUT.write_text(ds.serialize(format="trig"), encoding="utf-8")


if __name__ == "__main__":
    main()
