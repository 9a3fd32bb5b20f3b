"""Property tests of the offset map: any text, every reading character maps back to its source.

Examples per test: 200 by default; ``KEXIE_HYPOTHESIS_PROFILE=fuzz`` (``make fuzz``) runs 5,000.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kexie_graph.text import prepare, sentences
from kexie_graph.text.chars import REMOVED, normalized_char
from kexie_graph.text.convert import t2s
from kexie_graph.text.sentences import paragraphs

settings.register_profile(
    "kexie-text-default",
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "kexie-text-fuzz",
    max_examples=5000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
PROFILE = settings(
    settings.get_profile(
        "kexie-text-fuzz"
        if os.environ.get("KEXIE_HYPOTHESIS_PROFILE") == "fuzz"
        else "kexie-text-default"
    )
)

# Pieces the texts are made of: simplified and traditional ideographs and phrases (OpenCC converts
# 憑藉 and keeps 乾隆 as phrases), full- and half-width punctuation, brackets, line ends of every
# kind, characters NFKC expands or that are removed, and layout material (bylines, credits).
TOKENS = [
    *"科学技术协会学术年会市省中国重庆青岛大创新发展计划行动的了是在",
    *"學會臺灣廣舉辦協會參觀兩萬與關於見術乾隆憑藉燥",
    "憑藉",
    "乾隆",
    "乾燥",
    *"，。、；：！？（）【】《》“”‘’,.;:!?()[]\"'·—…",
    "\n",
    "\n\n",
    "\r\n",
    "\r",
    "\u2028",
    "\x0c",
    " ",
    "\u3000",
    "\t",
    *"\u200b\u00ad\ufeff",
    *"℃①㎡ﬁ２０ＡＢ\uf918",
    "本报记者 李明",
    "重庆日报记者 郑宇摄",
    "(韩星 摄)",
    "纵深",
    "《“科",
    "创中国”",
    "2021-2023年",
    "abc ",
]
texts = st.lists(
    st.one_of(st.sampled_from(TOKENS), st.characters(exclude_categories=["Cs"])),
    max_size=80,
).map("".join)


def _allowed(original: str, traditional: bool) -> list[set[str]]:
    """For each original character, the reading characters it may become (an independent oracle)."""
    chars: list[str] = []
    owners: list[int] = []
    for index, char in enumerate(original):
        for piece in normalized_char(char):
            chars.append(piece)
            owners.append(index)
    allowed = [set(normalized_char(c)) | set(t2s(normalized_char(c))) for c in original]
    if traditional:
        converted = t2s("".join(chars))
        if len(converted) == len(chars):  # phrase conversions: 藉 -> 借 only inside 憑藉
            for position, owner in enumerate(owners):
                allowed[owner].add(converted[position])
    return allowed


@PROFILE
@given(texts)
def test_every_reading_character_comes_from_an_original_one(original: str) -> None:
    reading = prepare(original)
    allowed = _allowed(original, reading.traditional)
    for i, char in enumerate(reading.text):
        source = reading.original_index(i)
        assert 0 <= source < len(original)
        if char not in allowed[source]:
            # A paragraph separator or the space of a join: made of the original's whitespace.
            assert char.isspace() and original[source].isspace(), (i, char, original[source])


_INVISIBLE = REMOVED | {"\r"}


@PROFILE
@given(texts, st.data())
def test_to_original_pieces_are_in_bounds_ordered_and_exact(
    original: str, data: st.DataObject
) -> None:
    reading = prepare(original)
    size = len(reading.text)
    begin = data.draw(st.integers(0, size), label="begin")
    end = data.draw(st.integers(begin, size), label="end")
    pieces = reading.to_original(begin, end)
    assert bool(pieces) == (begin < end)
    sources = {reading.original_index(i) for i in range(begin, end)}
    last_end = -1
    for piece in pieces:
        assert 0 <= piece.begin < piece.end <= len(original)
        assert piece.begin > last_end
        last_end = piece.end
        assert piece.begin in sources and piece.end - 1 in sources
        for position in range(piece.begin, piece.end):
            # Inside a piece: the sources of the span, and only whitespace or removed characters.
            assert (
                position in sources
                or original[position].isspace()
                or original[position] in _INVISIBLE
            )
    for source in sources:
        assert any(piece.begin <= source < piece.end for piece in pieces)


@PROFILE
@given(texts)
def test_sentences_and_paragraphs_are_ordered_spans(original: str) -> None:
    text = prepare(original).text
    for spans in (sentences(text), paragraphs(text)):
        last = 0
        for begin, end in spans:
            assert last <= begin < end <= len(text)
            assert not text[begin].isspace() and not text[end - 1].isspace()
            last = end
