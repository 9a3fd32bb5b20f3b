"""Page-layout repair: put back together sentences that the newspaper page cut apart.

Text copied from a newspaper page (or from a PDF of one) carries the page's layout. A column or
page break cuts a paragraph in the middle of a sentence, even of a word (人才强 / 市); and the
headline, byline and photo caption of a neighbouring piece can land between the two halves. The
rules below look only at the shape of the lines, never at positions in a given file:

1. A paragraph that ends in the middle of a sentence is joined with its continuation. It ends there
   when its last line ends with a clause mark (``,`` ``，`` ``、``), or inside an open ``《`` ``“``
   ``(`` ... (*strong* break), or, being body text, without a sentence-final mark (*weak* break).
   Body text is any line that is not a heading (rule 2). A line ending with ``:`` introduces what
   follows and is never joined.
2. A heading (kicker, headline, subhead, column label such as 纵深) is a short line with no
   sentence mark inside or at its end, balanced brackets, no clause mark at its end, and, if it has
   commas, short parts between them (守正创新,服务大局 is a headline; 今年,省科协将组织实施青年
   科学家 is the start of a sentence). A heading is not joined to the paragraph after it, unless
   that paragraph cannot start a sentence (rule 4).
3. Between a break and its continuation there may be *interleaved* lines: bylines (重庆日报记者
   张亦筑, 本报记者 X 通讯员 Y), photo credits (… 郑宇摄, 摄影 X, (韩星 摄)), photo captions (a
   short line right before a credit) and headlines. They are skipped, and moved out of the
   sentence: each becomes its own paragraph right after the end of the joined paragraph, since they
   still name people and places. Headlines alone (with no byline, credit or caption among them) are
   taken for what they look like: after a weak break they are a real subhead and nothing is joined;
   after a strong break the line right after the break is the continuation.
4. The continuation is the first line after the interleaved lines, unless it is an item of a
   numbered list (一、 (一) 1. ①), which starts a paragraph of its own; a line that starts with a
   clause mark, a closing bracket or a closing quote, or with one ideograph and a clause mark
   (坛,组织…), or that closes the bracket left open by the break (创中国”… after 《“科), is the
   continuation wherever it stands, and even after a line that looks like a heading.

The result is a list of units (paragraphs of joined lines, and moved lines) in reading order; the
caller turns it into the reading text and its offset map.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .punct import (
    BRACKET_PAIRS,
    BRACKET_RE,
    CLAUSE_END,
    CLOSERS,
    CONTINUATION_START,
    LABEL_END,
    LINE_FINAL,
    OPENER_OF,
    SENTENCE_END,
    open_brackets,
)

__all__ = [
    "CAPTION_MAX",
    "HEADING_MAX",
    "MAX_INTERLEAVED",
    "Layout",
    "Line",
    "Unit",
    "ends_sentence",
    "is_byline",
    "is_credit",
    "is_folio",
    "is_heading",
    "repair",
    "split_lines",
]

#: A heading has at most this many characters (headlines of the genre have 5-30).
HEADING_MAX = 40
#: Each comma-separated part of a heading has at most this many characters.
HEADING_PART_MAX = 12
#: A photo caption has at most this many characters.
CAPTION_MAX = 120
#: At most this many interleaved lines are skipped between a break and its continuation.
MAX_INTERLEAVED = 8

_STRONG = "strong"
_WEAK = "weak"
_HEADING = "heading"
_COMMAS = re.compile("[,，]")

_HAN = "\u3400-\u4dbf\u4e00-\u9fff"
# One ideograph and a clause mark: the tail of a word cut by the layout (坛,组织… 会,联建…).
_WORD_TAIL = re.compile(rf"[{_HAN}][,，、]")
# An item of a numbered list starts a paragraph of its own: 一、 (一) 1. 1、 ① ⑴ ㈠ 第一,
_LIST_ITEM = re.compile(
    r"(?:[一二三四五六七八九十]{1,3}、|[(（][一二三四五六七八九十\d]{1,3}[)）]|\d{1,2}[.、](?!\d)"
    r"|[\u2460-\u24ff\u2776-\u2793\u3220-\u3243\u3251-\u325f\u32b1-\u32bf]"
    r"|第[一二三四五六七八九十]{1,3}[,，、])"
)
# A personal name: two to four ideographs, or a transcribed name with a middle dot (阿不都·热依木).
_NAME = rf"(?:[{_HAN}]{{2,4}}|[{_HAN}]{{1,8}}[·•・][{_HAN}·•・]{{1,12}})"
_NAMES = rf"{_NAME}(?:[\s、,，/]+{_NAME}){{0,5}}"
# The paper or agency before the role: 本报, 重庆日报, 新华社, 青岛日报/观海新闻 ...
_OUTLET = rf"[{_HAN}/]{{0,12}}?"
_ROLE = (
    rf"(?:首席|特约|见习|实习|驻[{_HAN}]{{1,4}})?"
    r"(?:记者|通讯员|实习生|撰稿人?|责任编辑|责编|编辑|校对|摄影记者|摄影师|摄影)"
)
_OPEN = r"[\(（\[［【]?"
_CLOSE = r"[\)）\]］】]?"
_BYLINE = re.compile(
    rf"{_OPEN}(?:{_OUTLET}{_ROLE}[\s:：]*{_NAMES})(?:\s*{_OUTLET}{_ROLE}[\s:：]*{_NAMES})*"
    rf"\s*(?:报道)?{_CLOSE}"
    rf"|(?:文|图|文图|文/图|图/文|撰文)(?:\s*[/|:：]\s*|\s+){_NAMES}"
)
_CREDIT = re.compile(
    rf"(?:.{{0,{CAPTION_MAX}}}?[。!?！？]\s*)?"  # a caption may share the credit's line
    rf"{_OPEN}(?:"
    rf"(?:{_OUTLET}{_ROLE}[\s:：]*)?{_NAMES}\s*/?\s*摄(?:影)?"  # 重庆日报记者 郑宇摄, 韩星 摄
    rf"|(?:摄影|图|图片|供图)(?:\s*[/|:：]\s*|\s+){_NAMES}"  # 摄影 郑宇, 图/郑宇
    rf"|(?:{_OUTLET}供图|新华社发|资料图片?)"  # 受访者供图, (资料图片)
    rf"){_CLOSE}"
)


#: a page's folio: paper, date, weekday, page (成都日报 2024年3月16日 第3版, A03 要闻, — 3 —)
_FOLIO = re.compile(
    rf"(?:{_OUTLET}\s*)?(?:\d{{4}}\s*年\s*\d{{1,2}}\s*月\s*\d{{1,2}}\s*日\s*)?"
    r"(?:星期[一二三四五六日天]\s*)?(?:周[一二三四五六日]\s*)?"
    r"(?:第\s*\d{1,3}\s*版|[A-H]\s?\d{1,2}(?:\s*版)?)"
    rf"(?:\s*[:：|/]?\s*[{_HAN}]{{0,6}})?"
    r"|[—\-－]{1,2}\s*\d{1,3}\s*[—\-－]{1,2}"
)


def is_folio(line: str) -> bool:
    """Whether ``line`` is a page's folio (paper, date, page number), set between two pages."""
    return len(line) <= HEADING_MAX + 10 and _FOLIO.fullmatch(line) is not None


@dataclass(frozen=True, slots=True)
class Line:
    """A non-blank line: ``text[start:end]`` is its content without surrounding whitespace."""

    start: int
    end: int
    newline: int  # index of the "\n" that ends it, or -1 for a last line without one


@dataclass(frozen=True, slots=True)
class Unit:
    """A paragraph of the reading text: lines joined in order, and what it is."""

    lines: tuple[int, ...]  # indices into Layout.lines
    kind: str  # "paragraph", or a moved line's: headline, byline, caption, credit, folio


@dataclass(frozen=True, slots=True)
class Layout:
    """The lines of a text and the units it reads as."""

    lines: tuple[Line, ...]
    units: tuple[Unit, ...]


# A line's content runs from its first to its last non-space character: matched greedily to the
# line end and back to that character (a lazy match would test for the line end at every one).
_LINE = re.compile(r"[^\S\n]*(\S(?:[^\n]*\S)?)[^\S\n]*(?:\n|\Z)")


def split_lines(text: str) -> list[Line]:
    """Return the non-blank lines of ``text`` (line ends must be ``\\n``)."""
    lines = []
    for match in _LINE.finditer(text):
        end = match.end()
        newline = end - 1 if end and text[end - 1] == "\n" else -1
        lines.append(Line(match.start(1), match.end(1), newline))
    return lines


def is_byline(line: str) -> bool:
    """A byline: 重庆日报记者 张亦筑, 本报记者 王某 通讯员 李某, (记者 X), 文/X."""
    return len(line) <= HEADING_MAX and _BYLINE.fullmatch(line) is not None


def is_credit(line: str) -> bool:
    """A photo credit, alone or after its caption: 记者 郑宇摄, (韩星 摄), 摄影 X, 资料图片."""
    return len(line) <= CAPTION_MAX + HEADING_MAX and _CREDIT.fullmatch(line) is not None


def ends_sentence(line: str) -> bool:
    """Whether ``line`` ends a sentence.

    It does with a final mark, possibly followed by closing quotes or brackets, or by a bracketed
    remark after the final mark (……。(记者 张三)).
    """
    core = line.rstrip("".join(CLOSERS))
    if core and core[-1] in LINE_FINAL:
        return True
    if core != line:  # ends with a closer: look before the bracketed group it closes
        at = line.rfind(OPENER_OF[line[-1]])
        before = line[:at].rstrip() if at > 0 else ""
        return bool(before) and before[-1] in LINE_FINAL
    return False


def is_heading(line: str) -> bool:
    """A heading (rule 2): short, no sentence mark, balanced brackets, short parts."""
    return (
        len(line) <= HEADING_MAX
        and line[-1] not in CLAUSE_END
        and SENTENCE_END.isdisjoint(line)
        and not ends_sentence(line)
        and not open_brackets(line)
        and _short_parts(_COMMAS.split(line))
    )


def _short_parts(parts: list[str]) -> bool:
    """A line without commas is one part; with commas, every part must be short."""
    return len(parts) == 1 or all(len(part) <= HEADING_PART_MAX for part in parts)


def _continues(line: str, stack: list[str]) -> bool:
    """Whether ``line`` can only be the continuation of a sentence (rule 4)."""
    if line[0] in CONTINUATION_START:
        return True
    if _WORD_TAIL.match(line) and not _LIST_ITEM.match(line):
        return True
    if stack:
        match = BRACKET_RE.search(line)
        if match is not None and match.group() == BRACKET_PAIRS[stack[-1]]:
            return True
    return False


class _Repair:
    """The state of one repair: the text, its lines, and what each interleaved line is."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.lines = split_lines(text)

    def content(self, j: int) -> str:
        """The text of line ``j``."""
        line = self.lines[j]
        return self.text[line.start : line.end]

    def interleaved(self, j: int) -> str | None:
        """What line ``j`` is if it may stand between a break and its continuation (rule 3)."""
        line = self.content(j)
        if is_folio(line):
            return "folio"
        if is_credit(line):
            return "credit"
        if is_byline(line):
            return "byline"
        if len(line) <= CAPTION_MAX and j + 1 < len(self.lines) and is_credit(self.content(j + 1)):
            return "caption"
        if is_heading(line):
            return "headline"
        return None

    def break_after(self, paragraph: list[int], stack: list[str]) -> str | None:
        """How the paragraph made of ``paragraph`` ends (rules 1, 2); None when it is finished."""
        line = self.content(paragraph[-1])
        if line[-1] in CLAUSE_END:
            return _STRONG
        if line[-1] in LABEL_END or ends_sentence(line):
            return None
        if stack:
            return _STRONG
        if len(paragraph) == 1 and is_heading(line):
            return _HEADING
        return _WEAK

    def continuation(
        self, start: int, strength: str, stack: list[str]
    ) -> tuple[int, list[tuple[int, str]]] | None:
        """Find the continuation at or after line ``start``: its index and the lines skipped."""
        gap: list[tuple[int, str]] = []
        noise = False
        for j in range(start, min(len(self.lines), start + MAX_INTERLEAVED + 1)):
            if _LIST_ITEM.match(self.content(j)):
                return None
            if _continues(self.content(j), stack):
                return j, gap
            kind = self.interleaved(j)
            if kind is None:
                if gap and not noise:  # only headings in between: they are real (rule 3)
                    return (start, []) if strength == _STRONG else None
                return j, gap
            gap.append((j, kind))
            noise = noise or kind != "headline"
        if gap and not noise and strength == _STRONG:
            return start, []
        return None

    def run(self) -> Layout:
        """Walk the lines once, joining each paragraph with its continuations (rules 1-4)."""
        units: list[Unit] = []
        count = len(self.lines)
        i = 0
        while i < count:
            paragraph = [i]
            moved: list[tuple[int, str]] = []
            stack = open_brackets(self.content(i))
            while paragraph[-1] + 1 < count:
                strength = self.break_after(paragraph, stack)
                if strength is None:
                    break
                found: tuple[int, list[tuple[int, str]]] | None = None
                if strength == _HEADING:  # joined only to a line that cannot start a sentence
                    following = paragraph[-1] + 1
                    if _continues(self.content(following), stack):
                        found = (following, [])
                else:
                    found = self.continuation(paragraph[-1] + 1, strength, stack)
                if found is None:
                    break
                j, gap = found
                moved.extend(gap)
                paragraph.append(j)
                open_brackets(self.content(j), stack)
            units.append(Unit(tuple(paragraph), "paragraph"))
            units.extend(Unit((j,), kind) for j, kind in moved)
            i = paragraph[-1] + 1
        return Layout(tuple(self.lines), tuple(units))


def repair(text: str) -> Layout:
    """Read ``text`` (line ends ``\\n``) into paragraphs, repairing the page layout."""
    return _Repair(text).run()
