"""Extraction: from an article's text to a :class:`~kexie_graph.records.Reading` of what it states.

The stages live in small modules (names, people, relations, figures, context); :func:`extract` runs
them all. Everything works offline with no model download: lexicons, gazetteers, name grammars and
clause patterns over the repaired reading text.
"""

from __future__ import annotations

from .pipeline import extract, extract_text

__all__ = ["extract", "extract_text"]
