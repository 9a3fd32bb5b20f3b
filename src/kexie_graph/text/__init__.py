"""The text layer: article bytes -> original text -> reading text with a map back to the original.

- :func:`read_article_text` / :func:`decode_bytes`: detect the encoding, keep line ends
  (decode.py).
- :func:`prepare`: NFKC, traditional -> simplified, page-layout repair, as a :class:`ReadingText`
  whose :meth:`~ReadingText.to_original` turns reading spans into original spans (normalize.py).
- :func:`sentences`, :func:`paragraphs`: spans of a reading text (sentences.py).
"""

from __future__ import annotations

from .convert import is_traditional
from .decode import DEFAULT_MAX_BYTES, decode_bytes, read_article_text
from .normalize import MovedLine, ReadingText, prepare
from .sentences import paragraphs, sentences

__all__ = [
    "DEFAULT_MAX_BYTES",
    "MovedLine",
    "ReadingText",
    "decode_bytes",
    "is_traditional",
    "paragraphs",
    "prepare",
    "read_article_text",
    "sentences",
]
