"""Templates: placeholders for mentions, and every template character's span in the reading text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from kexie_graph.extract.clauses import MentionRef, make_template


def _reference(
    text: str, begin: int, end: int, mentions: list[MentionRef]
) -> tuple[list[tuple[int, int]], list[MentionRef | None]]:
    """The span of every template character, table by table, as the template promises them."""
    spans: list[tuple[int, int]] = []
    refs: list[MentionRef | None] = []
    pos = begin
    for ref in mentions:
        if ref.begin < pos or ref.end > end:
            continue  # overlapping the one before, or past the end: no placeholder
        spans += [(k, k + 1) for k in range(pos, ref.begin)]
        refs += [None] * (ref.begin - pos)
        spans.append((ref.begin, ref.end))
        refs.append(ref)
        pos = ref.end
    spans += [(k, k + 1) for k in range(pos, end)]
    refs += [None] * (end - pos)
    return spans, refs


@st.composite
def _sentences(draw: st.DrawFn) -> tuple[str, int, int, list[MentionRef]]:
    text = draw(st.text(alphabet="科协学会在市的。，", min_size=1, max_size=30))
    begin = draw(st.integers(0, len(text) - 1))
    end = draw(st.integers(begin + 1, len(text)))
    spans = draw(st.lists(st.tuples(st.integers(0, len(text) - 1), st.integers(1, 5)), max_size=6))
    classes = st.sampled_from(["Organization", "Place", "Person", "Event"])
    mentions = sorted(
        (MentionRef(b, min(b + n, len(text)), f"k{b}", draw(classes)) for b, n in spans),
        key=lambda m: m.begin,
    )
    return text, begin, end, mentions


@settings(deadline=None)
@given(_sentences())
def test_every_template_character_maps_to_its_span(
    case: tuple[str, int, int, list[MentionRef]],
) -> None:
    text, begin, end, mentions = case
    template = make_template(text, begin, end, mentions)
    spans, refs = _reference(text, begin, end, mentions)
    assert list(template.mentions) == refs
    assert len(template.text) == len(spans)
    for i, (b, e) in enumerate(spans):
        assert (template.start(i), template.end(i)) == (b, e)
        assert template.start(i - len(spans)) == b  # indexed from the end, as a tuple is
        assert template.span(i, len(spans)) == (b, spans[-1][1])
        if refs[i] is None:
            assert template.text[i] == text[b]
        else:
            assert template.code(i) is not None
