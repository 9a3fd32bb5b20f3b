"""Reading text: NFKC, line ends, invisible characters, traditional -> simplified, offset maps."""

from __future__ import annotations

import pytest

from kexie_graph.records import Span
from kexie_graph.text import ReadingText, is_traditional, prepare
from kexie_graph.text import convert as convert_module
from kexie_graph.text.chars import normalized_char
from kexie_graph.text.convert import t2s, to_simplified
from kexie_graph.text.offsets import OffsetMap


def assert_maps_back(reading: ReadingText) -> None:
    """Every reading character comes from an original character that normalises to it."""
    for i, char in enumerate(reading.text):
        source = reading.original[reading.original_index(i)]
        candidates = normalized_char(source)
        candidates += t2s(candidates)
        if char.isspace():
            assert source.isspace(), (i, char, source)
        else:
            assert char in candidates, (i, char, source)


# ---------------------------------------------------------------- NFKC and characters


@pytest.mark.parametrize(
    ("original", "reading"),
    [
        pytest.param(
            "２０２１年，科协（筹）：召开；", "2021年,科协(筹):召开;", id="full-width-punct-digits"
        ),
        pytest.param(
            "“科创中国”《纲要》、“三长”。", "“科创中国”《纲要》、“三长”。", id="quotes-kept"
        ),
        pytest.param("年会！真好？", "年会!真好?", id="marks"),
        pytest.param("ＳＣＩＥＮＣＥ　ｄａｙ", "SCIENCE day", id="full-width-latin-and-space"),
        pytest.param("气温２５℃", "气温25°C", id="expansion"),
        pytest.param("①2020年加强组织", "①2020年加强组织", id="circled-digit-kept"),
        pytest.param(
            "面积10²平方千米,3½倍", "面积10²平方千米,3½倍", id="superscript-fraction-kept"
        ),
        pytest.param("科普……活动", "科普……活动", id="ellipsis-kept"),
        pytest.param("\uf918\uf937\uf934", "落路老", id="compatibility-ideographs"),
        pytest.param("科\u200b学\u00ad技\ufeff术", "科学技术", id="invisible-removed"),
        pytest.param("ｈｔｔｐ：／／ｗｗｗ", "http://www", id="url"),
    ],
)
def test_character_normalisation(original: str, reading: str) -> None:
    prepared = prepare(original)
    assert prepared.text == reading
    assert_maps_back(prepared)


def test_an_expanded_character_maps_to_its_one_original() -> None:
    prepared = prepare("达到２５℃以上")
    at = prepared.text.index("°C")
    assert prepared.original_index(at) == prepared.original_index(at + 1) == 4
    assert prepared.to_original(at, at + 2) == (Span(4, 5),)
    assert prepared.to_original(0, len(prepared.text)) == (Span(0, 7),)


def test_removed_invisible_characters_stay_inside_one_piece() -> None:
    original = "中国科\u200b学技术协会"
    prepared = prepare(original)
    assert prepared.text == "中国科学技术协会"
    assert prepared.to_original(0, 8) == (Span(0, 9),)


@pytest.mark.parametrize("newline", ["\r\n", "\r", "\n", "\u2028", "\x0c"])
def test_line_ends_become_newlines_and_map_to_the_original_line_end(newline: str) -> None:
    original = f"科协召开年会。{newline}{newline}学会揭牌。{newline}"
    prepared = prepare(original)
    assert prepared.text == "科协召开年会。\n学会揭牌。"
    separator = prepared.original_index(prepared.text.index("\n"))
    assert original[separator] in "\r\n\u2028\x0c"
    (piece,) = prepared.to_original(0, len(prepared.text))
    assert piece.slice(original) == original.rstrip()


def test_indentation_and_trailing_spaces_are_not_read() -> None:
    original = "\u3000\u3000本报讯 科协召开年会。  \n\n\t学会揭牌。\n"
    prepared = prepare(original)
    assert prepared.text == "本报讯 科协召开年会。\n学会揭牌。"
    assert prepared.original_index(0) == 2


# ---------------------------------------------------------------- traditional -> simplified

SIMPLIFIED_TWIN = (
    "香港科学会与广州市科学技术协会联合举办青少年科技节，吸引了两万名学生参观。\n\n"
    "广州市科协主席表示，明年将继续扩大活动规模，并在《关于推进科普工作的意见》中写入相关内容。\n"
)
TRADITIONAL_TWIN = (
    "香港科學會與廣州市科學技術協會聯合舉辦青少年科技節，吸引了兩萬名學生參觀。\n\n"
    "廣州市科協主席表示，明年將繼續擴大活動規模，並在《關於推進科普工作的意見》中寫入相關內容。\n"
)


def test_traditional_reads_as_its_simplified_twin() -> None:
    traditional = prepare(TRADITIONAL_TWIN)
    simplified = prepare(SIMPLIFIED_TWIN)
    assert traditional.traditional and not simplified.traditional
    assert traditional.text == simplified.text
    assert_maps_back(traditional)


@pytest.mark.parametrize(
    ("name", "original_name"),
    [
        ("广州市科学技术协会", "廣州市科學技術協會"),
        ("《关于推进科普工作的意见》", "《關於推進科普工作的意見》"),
        ("广州市科协主席", "廣州市科協主席"),
    ],
)
def test_traditional_offsets_point_into_the_traditional_original(
    name: str, original_name: str
) -> None:
    prepared = prepare(TRADITIONAL_TWIN)
    at = prepared.text.index(name)
    (piece,) = prepared.to_original(at, at + len(name))
    assert piece.slice(TRADITIONAL_TWIN) == original_name
    assert piece.begin == TRADITIONAL_TWIN.index(original_name)


def test_conversion_can_be_turned_off() -> None:
    prepared = prepare(TRADITIONAL_TWIN, convert_traditional=False)
    assert not prepared.traditional
    assert "廣州市科學技術協會" in prepared.text


def test_opencc_phrases_are_used() -> None:
    # 乾隆 keeps 乾 (a phrase) while 乾燥 becomes 干燥; 憑藉 is a phrase too.
    prepared = prepare("乾隆年間的學會憑藉乾燥的氣候保存古籍。")
    assert prepared.text == "乾隆年间的学会凭借干燥的气候保存古籍。"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (SIMPLIFIED_TWIN, False),
        (TRADITIONAL_TWIN, True),
        ("臺灣", True),
        ("中文", False),  # the same in both scripts
        ("", False),
        ("ASCII only 2021", False),
        ("市科协与香港的“科學館”合作举办科普活动，吸引了很多中小学生和家长参观学习。", False),
        ("中国科学技术协会今年将在北京召开第十次全国代表大会，" * 500 + "澳門科學館", False),
        ("澳門科學館舉辦科普講座，" * 500 + "中国科学技术协会", True),
    ],
    ids=[
        "simplified",
        "traditional",
        "short",
        "shared",
        "empty",
        "ascii",
        "quotes-one",
        "long-s",
        "long-t",
    ],
)
def test_is_traditional(text: str, expected: bool) -> None:
    assert is_traditional(text) is expected


def _shrinking(text: str) -> str:
    """A converter that, like a phrase table could, turns the two-character 臺灣 into one."""
    if len(text) > 1:
        return text.replace("臺灣", "台")
    return {"臺": "台", "灣": "湾", "噹": "叮当"}.get(text, text)


def _growing(text: str) -> str:
    """A converter that writes one character as two."""
    return text.replace("噹", "叮当")


@pytest.mark.parametrize(
    ("converter", "source", "expected", "origins"),
    [
        (_shrinking, "在臺灣舉辦, ok 臺灣", "在台湾舉辦, ok 台湾", list(range(12))),
        (_growing, "鐘聲噹噹響", "鐘聲叮当叮当響", [0, 1, 2, 2, 3, 3, 4]),
        (t2s, "學會", "学会", [0, 1]),
    ],
    ids=["shrinking-phrase", "growing-character", "opencc"],
)
def test_conversion_that_changes_length_keeps_an_exact_map(
    converter: object, source: str, expected: str, origins: list[int]
) -> None:
    text, offsets = to_simplified(source, converter)  # type: ignore[arg-type]
    assert text == expected
    assert [offsets.index(i) for i in range(len(text))] == origins


def test_prepare_survives_a_converter_that_changes_length(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(convert_module, "t2s", _shrinking)
    original = "第一届臺灣科技節在臺灣舉辦。"
    prepared = prepare(original)
    assert prepared.traditional
    assert prepared.text == "第一届台湾科技节在台湾舉辦。".replace("节", "節")
    at = prepared.text.index("台湾科技")
    (piece,) = prepared.to_original(at, at + 4)
    assert piece.slice(original) == "臺灣科技"


# ---------------------------------------------------------------- the map itself


def test_identity_reading_text() -> None:
    reading = ReadingText.identity("科协\n\n学会")
    assert reading.text == reading.original == "科协\n\n学会"
    assert [reading.original_index(i) for i in range(6)] == list(range(6))
    assert reading.to_original(1, 5) == (Span(1, 5),)
    assert ReadingText.identity("").to_original(0, 0) == ()


@pytest.mark.parametrize(("begin", "end"), [(-1, 2), (3, 2), (0, 99)])
def test_to_original_refuses_spans_outside_the_text(begin: int, end: int) -> None:
    with pytest.raises(ValueError, match="outside"):
        prepare("科协召开年会。").to_original(begin, end)


@pytest.mark.parametrize("index", [-1, 7])
def test_original_index_refuses_offsets_outside_the_text(index: int) -> None:
    with pytest.raises(IndexError):
        prepare("科协召开年会。").original_index(index)


def test_empty_span_has_no_pieces_and_no_covering_span() -> None:
    prepared = prepare("科协召开年会。")
    assert prepared.to_original(3, 3) == ()
    with pytest.raises(ValueError, match="empty"):
        prepared.covering_span(3, 3)


def test_offset_map_composition() -> None:
    # inner: derived "acd" of source "abcd" (b deleted); outer: derived "dca" of "acd"
    inner = OffsetMap((0, 1), (0, 2), 3)
    outer = OffsetMap((0, 1, 2), (2, 1, 0), 3)
    composed = inner.then(outer)
    assert [composed.index(i) for i in range(3)] == [3, 2, 0]
    assert [inner.index(i) for i in range(3)] == [0, 2, 3]
    assert OffsetMap.identity(0).select([]) == OffsetMap((), (), 0)


def test_the_replacement_table_misses_no_code_point() -> None:
    # The table scans only the blocks where NFKC can change anything; check against all of Unicode.
    from kexie_graph.text.chars import _table

    table, _ = _table()
    everything = {}
    for code in range(0x110000):
        if not 0xD800 <= code <= 0xDFFF:
            char = chr(code)
            if normalized_char(char) != char:
                everything[char] = normalized_char(char)
    assert table == everything


def test_the_pattern_of_changed_characters_is_the_table() -> None:
    # normalize_chars finds what to change with one pattern: it must match every character of
    # the table and no other code point
    from kexie_graph.text.chars import _changed, _table

    table, _ = _table()
    every = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF)
    assert _changed().findall(every) == [char for char in every if char in table]


@pytest.mark.parametrize(
    ("original", "name", "surface"),
    [
        ("重慶市科學技術協會召開全會。", "重庆市科学技术协会", "重慶市科學技術協會"),  # t2s
        ("气温达３５℃以上。", "35°C", "３５℃"),  # NFKC: one original character for two
        ("会议由中国科\u200b协主办。", "中国科协", "中国科协"),  # a removed invisible character
        (
            # a name the page layout cut across lines: the pieces joined, no line break
            "本报讯 记者从有关方面获悉，第十三届学术年会开幕式在渝举行，本届年会由重庆市科学技\n"
            "术协会主办。",
            "重庆市科学技术协会",
            "重庆市科学技术协会",
        ),
    ],
    ids=["traditional", "expanded", "invisible", "split"],
)
def test_original_surface(original: str, name: str, surface: str) -> None:
    rt = prepare(original)
    begin = rt.text.index(name)
    assert rt.original_surface(begin, begin + len(name)) == surface


def test_original_surface_of_an_unchanged_text_is_its_slice() -> None:
    rt = ReadingText.identity("科协")
    assert rt.original_surface(0, 2) == "科协"
    assert rt.original_surface(1, 1) == ""
    with pytest.raises(ValueError, match="outside"):
        rt.original_surface(0, 3)


@pytest.mark.parametrize(
    ("original", "reading"),
    [
        ("共同建設「深港科普聯盟」", "共同建设“深港科普联盟”"),
        ("『科創中國』", "‘科创中国’"),
        ("｢科普之夜｣", "“科普之夜”"),
    ],
)
def test_corner_brackets_read_as_curly_quotes_one_for_one(original: str, reading: str) -> None:
    from kexie_graph.text import prepare

    prepared = prepare(original)
    assert prepared.text == reading
    for i in range(len(reading)):  # the map stays exact: one character for one
        (span,) = prepared.to_original(i, i + 1)
        assert span.end - span.begin == 1
