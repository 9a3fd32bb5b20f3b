"""SHACL shapes: the hand-written valid graph conforms; each hand-broken variant fails."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF, RDFS, SKOS, XSD

from kexie_graph.errors import ValidationError
from kexie_graph.graph.validate import ValidationResult, raise_for, validate
from kexie_graph.namespaces import ITSRDF, KX, KXR, NIF, ORG

DATA = Path(__file__).parent / "data"

ORG_CQ = KXR["organization/重庆市科学技术协会"]
PERSON = KXR["person/潘复生"]
PLACE = KXR["place/重庆市"]
CONTEXT = KXR["article/test/text"]
MENTION = KXR["article/test/mention/0-3"]
EVIDENCE = KXR["article/test/evidence/0-8"]
POST = KXR["article/test/post/0-8/1a2b3c4d"]
FIGURE = KXR["article/test/figure/10-35/2b3c4d5e"]
ASSERTION = KXR["article/test/assertion/36-49/0a1b2c3d"]
PARTNER = KXR["organization/四川省科学技术协会"]


def valid_graph() -> Graph:
    return Graph().parse(DATA / "valid.ttl", format="turtle")


@pytest.fixture(scope="module")
def valid_result() -> ValidationResult:
    return validate(valid_graph())


def test_valid_graph_conforms(valid_result: ValidationResult) -> None:
    assert valid_result.messages == ()
    assert valid_result.conforms
    assert (valid_result.violations, valid_result.warnings) == (0, 0)


def test_valid_graph_is_not_modified() -> None:
    graph = valid_graph()
    before = set(graph)
    validate(graph)
    assert set(graph) == before


def test_dataset_is_validated_as_the_union() -> None:
    ds = Dataset()
    named = ds.graph(KXR["graph/article/test"])
    for triple in valid_graph():
        named.add(triple)
    assert validate(ds).conforms
    named.remove((MENTION, NIF.anchorOf, None))
    assert not validate(ds).conforms


# Each breaker changes the valid graph in one way; the expected text is a shape (or check) name
# that must appear in a violation line.
def _drop(s: URIRef, p: URIRef) -> Callable[[Graph], object]:
    return lambda g: g.remove((s, p, None))


def _set(s: URIRef, p: URIRef, o: object) -> Callable[[Graph], object]:
    return lambda g: g.set((s, p, o))  # type: ignore[arg-type]


def _add(s: object, p: URIRef, o: object) -> Callable[[Graph], object]:
    return lambda g: g.add((s, p, o))  # type: ignore[arg-type]


def _both(*fs: Callable[[Graph], object]) -> Callable[[Graph], object]:
    def run(g: Graph) -> None:
        for f in fs:
            f(g)

    return run


BROKEN: dict[str, tuple[Callable[[Graph], object], str]] = {
    "mention without offsets": (
        _both(_drop(MENTION, NIF.beginIndex), _drop(MENTION, NIF.endIndex)),
        "kxsh:span-beginIndex",
    ),
    "mention whose anchor is not the slice": (
        _set(MENTION, NIF.anchorOf, Literal("重庆市")),
        "kxsh:AnchorShape",
    ),
    "mention off by one": (
        _set(MENTION, NIF.endIndex, Literal(4, datatype=XSD.nonNegativeInteger)),
        "kxsh:AnchorShape",
    ),
    "mention past the end of the text": (
        _both(
            _set(MENTION, NIF.beginIndex, Literal(48, datatype=XSD.nonNegativeInteger)),
            _set(MENTION, NIF.endIndex, Literal(51, datatype=XSD.nonNegativeInteger)),
        ),
        "kxsh:AnchorShape",
    ),
    "mention with begin after end": (
        _set(MENTION, NIF.beginIndex, Literal(5, datatype=XSD.nonNegativeInteger)),
        "kxsh:span-beginIndex",
    ),
    "mention offsets as plain integers": (
        _set(MENTION, NIF.beginIndex, Literal(0)),
        "kxsh:span-beginIndex",
    ),
    "mention without context": (_drop(MENTION, NIF.referenceContext), "kxsh:span-referenceContext"),
    "entity with two zh labels": (
        _add(ORG_CQ, RDFS.label, Literal("市科协", lang="zh")),
        "kxsh:EntityLabelShape",
    ),
    "entity with no zh label": (
        lambda g: g.remove((PERSON, RDFS.label, Literal("潘复生", lang="zh"))),
        "kxsh:EntityLabelShape",
    ),
    "entity with two en labels": (
        _add(PERSON, RDFS.label, Literal("F. Pan", lang="en")),
        "kxsh:EntityLabelShape",
    ),
    "entity with an untagged label": (
        _add(PLACE, RDFS.label, Literal("Chongqing City")),
        "kxsh:EntityLabelShape",
    ),
    "entity with an English alias": (
        _add(PLACE, SKOS.altLabel, Literal("CQ", lang="en")),
        "kxsh:EntityLabelShape",
    ),
    "post without role": (_drop(POST, ORG.role), "kxsh:post-role"),
    "post with two holders": (_add(POST, ORG.heldBy, ORG_CQ), "kxsh:post-heldBy"),
    "role without a zh label": (
        lambda g: g.remove((KXR["role/主席"], RDFS.label, Literal("主席", lang="zh"))),
        "kxsh:RoleLabelShape",
    ),
    "evidence span with taIdentRef": (
        _add(EVIDENCE, ITSRDF.taIdentRef, PERSON),
        "kxsh:evidence-noTaIdentRef",
    ),
    "evidence span with a wrong anchor": (
        _set(EVIDENCE, NIF.anchorOf, Literal("主席潘复生")),
        "kxsh:AnchorShape",
    ),
    "figure without unit": (_drop(FIGURE, KX.unit), "kxsh:figure-unit"),
    "figure with an unknown unit": (_set(FIGURE, KX.unit, KX.Furlong), "kxsh:figure-unit"),
    "figure with a float value": (_set(FIGURE, RDF.value, Literal(10.2)), "kxsh:figure-value"),
    "figure without evidence": (_drop(FIGURE, PROV.wasDerivedFrom), "kxsh:derivedFromEvidence"),
    "figure with a bad comparator": (
        _add(FIGURE, KX.comparator, Literal("about")),
        "kxsh:figure-comparator",
    ),
    "assertion without evidence": (
        _drop(ASSERTION, PROV.wasDerivedFrom),
        "kxsh:derivedFromEvidence",
    ),
    "assertion derived from a non-span": (
        _set(ASSERTION, PROV.wasDerivedFrom, KXR["article/test"]),
        "kxsh:derivedFromEvidence",
    ),
    "assertion with two objects": (_add(ASSERTION, RDF.object, PERSON), "kxsh:assertion-object"),
    "assertion whose triple is missing": (
        lambda g: g.remove((ORG_CQ, KX.partnerOf, PARTNER)),
        "kxsh:DirectTripleShape",
    ),
    "assertion during a non-period": (_set(ASSERTION, KX.during, PLACE), "kxsh:assertion-during"),
    "context whose end is not its length": (
        _set(CONTEXT, NIF.endIndex, Literal(49, datatype=XSD.nonNegativeInteger)),
        "kxsh:ContextBoundsShape",
    ),
    "blank node": (_add(BNode(), RDFS.label, Literal("x", lang="zh")), "[blank node]"),
    "entity pointing at a blank node": (_add(ORG_CQ, KX.locatedIn, BNode()), "[blank node]"),
}


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_broken_variant_fails(name: str) -> None:
    breaker, expected = BROKEN[name]
    graph = valid_graph()
    breaker(graph)
    result = validate(graph)
    assert not result.conforms
    assert result.violations >= 1
    assert any(line.startswith("Violation") and expected in line for line in result.messages), (
        result.messages
    )


def test_figure_value_missing_from_evidence_is_only_a_warning() -> None:
    graph = valid_graph()
    graph.set((FIGURE, RDF.value, Literal("99.9", datatype=XSD.decimal)))
    result = validate(graph)
    assert result.conforms
    assert (result.violations, result.warnings) == (0, 1)
    assert "kxsh:FigureEvidenceShape" in result.messages[0]


def test_figure_value_in_chinese_numerals_is_accepted() -> None:
    # The evidence 市科协与四川省科协开展合作 has no Arabic digits but a Chinese numeral (四), which
    # the check cannot compare with the value, so it stays silent.
    graph = valid_graph()
    graph.set((FIGURE, RDF.value, Literal("4", datatype=XSD.decimal)))
    graph.set((FIGURE, PROV.wasDerivedFrom, KXR["article/test/evidence/36-49"]))
    result = validate(graph)
    assert (result.violations, result.warnings) == (0, 0)


def test_raise_for_gives_one_line_naming_the_source() -> None:
    graph = valid_graph()
    graph.remove((POST, ORG.role, None))
    result = validate(graph)
    with pytest.raises(ValidationError) as info:
        raise_for(result, "seed.txt")
    message = str(info.value)
    assert "\n" not in message
    assert message.startswith("seed.txt: ")
    assert "kxsh:post-role" in message
    assert "kxsh:post-role" in info.value.report


def test_raise_for_passes_a_conforming_result(valid_result: ValidationResult) -> None:
    raise_for(valid_result, "seed.txt")


def test_first_lines(valid_result: ValidationResult) -> None:
    graph = valid_graph()
    graph.remove((FIGURE, KX.unit, None))
    graph.remove((POST, ORG.role, None))
    lines = validate(graph).first_lines(1).splitlines()
    assert lines[0] == "SHACL: 2 violation(s), 0 warning(s)"
    assert len(lines) == 2
    assert valid_result.first_lines().splitlines() == ["SHACL: 0 violation(s), 0 warning(s)"]
