"""The union stream a generation is loaded from: every statement, and each named triple again in
the default graph, whatever shape of N-Quads comes in."""

from __future__ import annotations

import io
from pathlib import Path

import pyoxigraph as ox
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kexie_graph.store import open_store, write_store
from kexie_graph.storeio import (
    NotCanonicalError,
    UnionReader,
    canonical_nquads,
    quads_nquads,
    union_block,
)

NQ = ox.RdfFormat.N_QUADS
DEFAULT = ox.DefaultGraph()


def expected(quads: list[ox.Quad]) -> set[ox.Quad]:
    """What a generation holds: the quads, and each triple once in the default graph."""
    return set(quads) | {ox.Quad(q.subject, q.predicate, q.object, DEFAULT) for q in quads}


def parsed(data: bytes) -> set[ox.Quad]:
    return set(ox.parse(data, format=NQ))


iris = st.sampled_from(
    [
        "http://ex.org/a",
        "http://ex.org/b#x",
        "https://w3id.org/kexie-graph/id/organization/重庆市科协",
    ]
).map(ox.NamedNode)
bnodes = st.sampled_from(["b0", "b1"]).map(ox.BlankNode)
text = st.text(alphabet=st.sampled_from(list(' "\\\t\r\n<>#.@^_:科协 abc')), max_size=12)
literals = st.one_of(
    text.map(ox.Literal),
    st.tuples(text, st.sampled_from(["zh", "en", "zh-Hans"])).map(
        lambda t: ox.Literal(t[0], language=t[1])
    ),
    st.integers(-5, 10**6).map(ox.Literal),
    st.tuples(text, iris).map(lambda t: ox.Literal(t[0], datatype=t[1])),
)
graphs = st.one_of(st.just(DEFAULT), iris, bnodes)
quads = st.lists(
    st.builds(ox.Quad, st.one_of(iris, bnodes), iris, st.one_of(iris, bnodes, literals), graphs),
    max_size=30,
)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(quads)
def test_the_stream_holds_each_quad_and_its_default_graph_copy(sample: list[ox.Quad]) -> None:
    data = quads_nquads(sample)
    assert parsed(union_block(data.rstrip(b"\n"))) == expected(sample)


@settings(max_examples=100, suppress_health_check=[HealthCheck.too_slow])
@given(quads, st.integers(1, 64))
def test_the_reader_gives_the_same_bytes_whatever_the_block_size(
    sample: list[ox.Quad], block: int
) -> None:
    data = quads_nquads(sample)
    streamed = UnionReader(io.BytesIO(data), block=block).read()
    assert streamed == union_block(data.rstrip(b"\n"))


@pytest.mark.parametrize(
    "line",
    [
        b"<http://a>\t<http://b> <http://c> <http://g> .",
        b"<http://a> <http://b> <http://c>\t<http://g> .",
        b"<http://a> <http://b> <http://c> <http://g> . # a comment",
        b"# a comment line",
        b"<http://a> <http://b> <http://c> <http://g> .\r",
        b"<http://a> <http://b> <<( <http://x> <http://y> <http://z> )>> <http://g> .",
        b"<http://a>  <http://b> <http://c> <http://g> .",
        b'<http://a> <http://b> "x"  <http://g> .',
    ],
)
def test_lines_it_cannot_split_are_refused_not_misread(line: bytes) -> None:
    with pytest.raises(NotCanonicalError):
        union_block(line)


def test_a_tab_inside_a_literal_is_canonical() -> None:
    line = b'<http://a> <http://b> "x\ty" <http://g> .'
    assert union_block(line) == line + b'\n<http://a> <http://b> "x\ty" .\n'


HAND_WRITTEN = """# a dump written by hand, not by Oxigraph
<http://ex.org/a>\t<http://ex.org/p>   "一 \\" 二"@zh    <http://ex.org/g1> .
 <http://ex.org/a> <http://ex.org/p> <http://ex.org/b>  .
<http://ex.org/b> <http://ex.org/p> <http://ex.org/c> <http://ex.org/g2> . # the end
<http://ex.org/c>  <http://ex.org/p> <http://ex.org/d> .
"""


@pytest.mark.parametrize("suffix", [".nq", ".trig"])
def test_any_valid_dump_loads_with_its_union(tmp_path: Path, suffix: str) -> None:
    source = tmp_path / f"dump{suffix}"
    if suffix == ".nq":
        source.write_text(HAND_WRITTEN, encoding="utf-8")
    else:
        scratch = ox.Store()
        scratch.load(HAND_WRITTEN, format=NQ)
        source.write_bytes(ox.serialize(scratch, format=ox.RdfFormat.TRIG) or b"")
    want = expected(list(ox.parse(HAND_WRITTEN, format=NQ)))
    with open_store(write_store(tmp_path / "store", source), read_only=True) as store:
        assert set(store.ox) == want
        assert len(store) == 2  # the named quads; the default graph is the union


def test_a_broken_dump_is_refused_with_its_line(tmp_path: Path) -> None:
    source = tmp_path / "dump.nq"
    source.write_text("<http://a> <http://b> <http://c> <http://g> .\n<http://a> <http://b> .\n")
    from kexie_graph.errors import StoreError

    with pytest.raises(StoreError, match=r"dump\.nq: not valid N-Quads: .*line 2 column 23"):
        write_store(tmp_path / "store", source)
    assert not (tmp_path / "store" / "store.json").exists()


def test_canonical_form_round_trips() -> None:
    sample = list(ox.parse(HAND_WRITTEN, format=NQ))
    canonical = canonical_nquads(HAND_WRITTEN.encode(), NQ)
    assert parsed(canonical) == set(sample)
    assert parsed(union_block(canonical.rstrip(b"\n"))) == expected(sample)


def test_quads_the_stream_cannot_split_still_load_with_their_union(tmp_path: Path) -> None:
    a, b, c, g = (ox.NamedNode(f"http://ex.org/{x}") for x in "abcg")
    quads = [ox.Quad(a, b, c, g), ox.Quad(a, b, ox.Triple(a, b, c), g)]  # an RDF 1.2 triple term
    with open_store(write_store(tmp_path / "store", quads), read_only=True) as store:
        assert set(store.ox) == expected(quads)
