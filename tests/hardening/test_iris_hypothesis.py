"""Properties of IRI minting (``kexie_graph.graph.iris``): any name gives a valid IRI, the same one
every time, and different names give different IRIs.

"Valid" is checked by the tools that will read the IRIs: ``pyoxigraph.NamedNode`` (RFC 3987), and
the way a build writes them (an rdflib graph serialised as N-Triples, read by Oxigraph, written as
TriG with the project's prefixes by ``trig_bytes``) read back by pyoxigraph and by rdflib. The
number of examples comes from the Hypothesis profile (``KEXIE_HYPOTHESIS_PROFILE=fuzz`` for many).
"""

from __future__ import annotations

import io
from urllib.parse import unquote

import pyoxigraph as ox
import pytest
from hypothesis import given
from hypothesis import strategies as st
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDFS

from kexie_graph.graph import iris
from kexie_graph.graph.dataset import graph_quads, trig_bytes
from kexie_graph.namespaces import KXR
from kexie_graph.records import Span

CLASSES = ["Organization", "Person", "Place", "Program", "Platform", "Document", "Event"]

#: names as articles and files give them: CJK, full-width forms, punctuation of both scripts,
#: quotes and brackets, IRI delimiters, percent signs, controls, combining marks, astral characters
_AWKWARD = "《》“”‘’（）【】、。，：；·—…%/#?<>\"'{}|\\^` \t\n\u3000\u200b\ufeff\u0301"
_ALPHABET = st.characters(codec="utf-8") | st.sampled_from(
    [*_AWKWARD, "重", "庆", "科", "协", "Ⅲ", "ａ", "１", "\U00020000", "\U0001f600", "\u01c5"]
)
NAMES = st.text(alphabet=_ALPHABET, min_size=1, max_size=40)


def _round_trip(iri: str) -> tuple[str, str]:
    """Write ``iri`` as a build does and read it back with pyoxigraph and with rdflib."""
    graph = Graph()
    graph.add((URIRef(iri), RDFS.label, Literal("x", lang="zh")))
    quads = graph_quads(graph, f"{KXR}graph/article/a")
    data = trig_bytes(quads)
    (read,) = ox.parse(data, format=ox.RdfFormat.TRIG)
    back = Graph()
    ntriples = ox.serialize([read.triple], format=ox.RdfFormat.N_TRIPLES)
    assert ntriples is not None
    back.parse(io.BytesIO(ntriples), format="nt")
    ((subject, _, _),) = back
    return read.subject.value, str(subject)


@given(name=NAMES, cls=st.sampled_from(CLASSES))
def test_hypothesis_any_name_gives_a_valid_entity_iri(name: str, cls: str) -> None:
    iri = str(iris.entity_iri(cls, name))
    assert ox.NamedNode(iri).value == iri
    assert iri.startswith(f"{KXR}{cls.lower()}/")
    assert _round_trip(iri) == (iri, iri)


@given(name=NAMES)
def test_hypothesis_a_segment_decodes_back_to_its_name(name: str) -> None:
    """Percent-decoding gives the name back: so the mapping is injective (and stable)."""
    segment = iris.encode_segment(name)
    assert unquote(segment, errors="strict") == name
    assert iris.encode_segment(name) == segment
    assert "/" not in segment and "#" not in segment and "?" not in segment


@given(a=NAMES, b=NAMES, cls=st.sampled_from(CLASSES))
def test_hypothesis_different_names_give_different_iris(a: str, b: str, cls: str) -> None:
    assert (iris.entity_iri(cls, a) == iris.entity_iri(cls, b)) == (a == b)


@given(stem=st.text(alphabet=_ALPHABET, max_size=40))
def test_hypothesis_any_file_stem_gives_valid_article_iris(stem: str) -> None:
    article = iris.article_slug(stem)
    assert article and iris.article_slug(stem) == article
    for iri in (
        iris.article_iri(article),
        iris.context_iri(article),
        iris.article_graph(article),
        iris.span_iri(article, "mention", [Span(3, 9)]),
        iris.span_iri(article, "assertion", [Span(0, 2), Span(5, 8)], "kx:partnerOf", stem),
    ):
        assert ox.NamedNode(str(iri)).value == str(iri)
        assert _round_trip(str(iri)) == (str(iri), str(iri))


@given(name=NAMES)
def test_hypothesis_rules_roles_and_periods_give_valid_iris(name: str) -> None:
    for iri in (iris.rule_iri(name), iris.period_iri(name)):
        assert ox.NamedNode(str(iri)).value == str(iri)
        assert _round_trip(str(iri)) == (str(iri), str(iri))


@given(parts=st.lists(st.text(max_size=10), min_size=1, max_size=4))
def test_hypothesis_digests_are_eight_hex_digits_and_stable(parts: list[str]) -> None:
    value = iris.digest(*parts)
    assert len(value) == 8 and int(value, 16) >= 0
    assert iris.digest(*parts) == value


def test_an_empty_name_is_refused() -> None:
    with pytest.raises(ValueError, match="empty name"):
        iris.encode_segment("")


@pytest.mark.parametrize(
    ("cls", "name", "iri"),
    [
        ("Organization", "重庆市科学技术协会", f"{KXR}organization/重庆市科学技术协会"),
        (
            "Program",
            "“三长”带“三师”",
            f"{KXR}program/%E2%80%9C三长%E2%80%9D带%E2%80%9C三师%E2%80%9D",
        ),
        ("Document", "a/b #1", f"{KXR}document/a%2Fb%20%231"),
    ],
)
def test_iris_are_pinned(cls: str, name: str, iri: str) -> None:
    """The scheme of the README, pinned: a change here changes every published IRI."""
    assert str(iris.entity_iri(cls, name)) == iri
