"""Dictionary segmentation: jieba's word split without its HMM, computed in one pass per block.

The name grammars read the words before a head noun with jieba's dictionary (``cut(text,
HMM=False)``). This module gives the same words, token for token, from the same dictionary (the
tokenizer's ``FREQ`` and ``total``), about three times as fast: jieba builds a graph of every word
starting at each character, then scores the routes through it with a generator per character;
here the words starting at a character are scored as they are found, from the end of the block
back to its start, keeping only the best route, and each dictionary entry's score is worked out
once. The arithmetic and the ties are jieba's: a word's score is ``log(freq) - log(total)`` plus
the best score after it, a character no word starts at scores ``log(1) - log(total)``, and of
equal scores the longer word wins. The blocks are jieba's (:data:`jieba.re_han_default`), and
single ASCII letters and digits are run together as jieba runs them. A test compares both on the
development texts and on random strings.
"""

from __future__ import annotations

import string
from math import inf, log
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import jieba

__all__ = ["Segmenter"]

_UNSEEN = inf  # not a score: a score is the logarithm of a frequency over the total, at most 0
_ABSENT = -inf  # not a score either: the fragment is no dictionary entry, not even a prefix
#: what jieba's re_eng matches, [a-zA-Z0-9]: single letters and digits are run together
_ASCII_LETTERS_AND_DIGITS = frozenset(string.ascii_letters + string.digits)
#: fragments remembered at most (dictionary entries and others)
_REMEMBERED = 200_000


class Segmenter:
    """Words of a text by a jieba tokenizer's dictionary, exactly as its ``lcut(HMM=False)``."""

    def __init__(self, tokenizer: jieba.Tokenizer) -> None:
        import jieba

        tokenizer.check_initialized()
        self._freq: dict[str, int] = tokenizer.FREQ
        self._logtotal = log(tokenizer.total)
        # what the dictionary says of each fragment met so far: its score, log(freq) - log(total)
        # (None for a prefix that is no word), or _ABSENT. Looked up here, a fragment costs
        # neither a logarithm nor a lookup in the whole dictionary, whose hundreds of thousands
        # of entries miss the processor's caches. Fragments are remembered up to a bound, so that
        # a long run over new text cannot grow it without end.
        self._scores: dict[str, float | None] = {}
        self._block = jieba.re_han_default
        self._skip = jieba.re_skip_default

    def cut(self, text: str) -> list[str]:
        """The words of ``text``: blocks of ideographs and word characters by the dictionary, the
        rest character by character (whitespace runs whole), as jieba cuts it."""
        out: list[str] = []
        for block in self._block.split(text):
            if not block:
                continue
            if self._block.match(block):
                out += self._words(block)
                continue
            for piece in self._skip.split(block):
                if self._skip.match(piece):
                    out.append(piece)
                else:
                    out.extend(piece)
        return out

    def _words(self, block: str) -> list[str]:
        """The best route through ``block`` (a run of jieba's word characters), as words."""
        freq, logtotal, scores = self._freq, self._logtotal, self._scores
        size = len(block)
        score = [0.0] * (size + 1)  # score[i]: the best route's score from character i on
        step = [0] * (size + 1)  # step[i]: the end of the first word of that route
        for start in range(size - 1, -1, -1):
            best: float | None = None
            end = start + 1
            stop = start + 1
            frag = block[start]
            # every prefix of a dictionary word is in FREQ (with 0 when it is no word itself)
            while True:
                word_score = scores.get(frag, _UNSEEN)
                if word_score is _UNSEEN:
                    if frag in freq:
                        count = freq[frag]
                        word_score = log(count) - logtotal if count else None
                    else:
                        word_score = _ABSENT
                    if len(scores) < _REMEMBERED:
                        scores[frag] = word_score
                if word_score is _ABSENT:
                    break
                if word_score is not None:
                    value = word_score + score[stop]
                    if best is None or value >= best:  # a tie goes to the longer word
                        best, end = value, stop
                if stop == size:
                    break
                stop += 1
                frag = block[start:stop]
            if best is None:  # no word starts here: the character alone
                best = log(freq.get(block[start]) or 1) - logtotal + score[start + 1]
            score[start], step[start] = best, end
        words: list[str] = []
        letters = ""  # single ASCII letters and digits, run together
        at = 0
        while at < size:
            word = block[at : step[at]]
            if word in _ASCII_LETTERS_AND_DIGITS:  # (one character: jieba's re_eng)
                letters += word
            else:
                if letters:
                    words.append(letters)
                    letters = ""
                words.append(word)
            at = step[at]
        if letters:
            words.append(letters)
        return words
