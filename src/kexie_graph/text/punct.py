"""Punctuation classes shared by the layout repair and the sentence splitter.

Both half- and full-width forms are listed: the reading text has been through NFKC (so ``，`` is
``,``), but :meth:`ReadingText.identity` texts and callers of :func:`sentences` on raw text have
not.
"""

from __future__ import annotations

import re

__all__ = [
    "BRACKET_PAIRS",
    "BRACKET_RE",
    "CLAUSE_END",
    "CLOSERS",
    "CONTINUATION_START",
    "LABEL_END",
    "LINE_FINAL",
    "OPENERS",
    "OPENER_OF",
    "SENTENCE_END",
    "open_brackets",
]

#: Paired brackets and quotation marks, opener -> closer. ASCII ``"`` and ``'`` are not paired:
#: they are the same character on both sides and are as often apostrophes or inch marks.
BRACKET_PAIRS: dict[str, str] = {
    "“": "”",
    "‘": "’",
    "《": "》",
    "〈": "〉",
    "(": ")",
    "（": "）",
    "[": "]",
    "［": "］",
    "【": "】",
    "「": "」",
    "『": "』",
    "〔": "〕",
    "〖": "〗",
    "{": "}",
}
OPENERS = frozenset(BRACKET_PAIRS)
CLOSERS = frozenset(BRACKET_PAIRS.values())
#: Closer -> opener.
OPENER_OF: dict[str, str] = {closer: opener for opener, closer in BRACKET_PAIRS.items()}
#: Finds any bracket or quotation mark of BRACKET_PAIRS.
BRACKET_RE = re.compile("[" + re.escape("".join(sorted(OPENERS | CLOSERS))) + "]")

#: Characters that end a sentence (the sentence splitter splits after them).
SENTENCE_END = frozenset("。!?！？;；")
#: Characters after which a line is finished: a sentence end, an ellipsis, or a full stop (a
#: Latin sentence; in Chinese text "." is a decimal point, which never ends a line).
LINE_FINAL = SENTENCE_END | {"…", "."}
#: Characters after which a sentence goes on: a line ending with one was cut by the layout.
CLAUSE_END = frozenset(",，、")
#: A line ending with a colon introduces what follows (a list, a quotation): never joined.
LABEL_END = frozenset(":：")
#: A line starting with one of these continues the line before it: no paragraph starts so.
CONTINUATION_START = CLAUSE_END | SENTENCE_END | LABEL_END | CLOSERS | {"。", "."}


def open_brackets(text: str, stack: list[str] | None = None) -> list[str]:
    """Return the stack of brackets left open at the end of ``text`` (innermost last).

    ``stack`` is the state carried over from text before (it is updated in place and returned). A
    closer that matches no open bracket is ignored: an apostrophe ``’`` or a stray ``)`` must not
    undo the stack; a closer that matches a deeper opener closes it and the unmatched openers
    inside it.
    """
    if stack is None:
        stack = []
    # Only the bracket characters are visited: the regex skips the rest at C speed.
    for char in BRACKET_RE.findall(text):
        if char in OPENERS:
            stack.append(char)
        elif char in CLOSERS and stack:
            for depth in range(len(stack) - 1, -1, -1):
                if BRACKET_PAIRS[stack[depth]] == char:
                    del stack[depth:]
                    break
    return stack
