"""What ``make demo`` prints about a build: counts per class, facts, SHACL, competency answers.

Every figure comes from SPARQL over the built store, so the summary shows what users will query.
"""

from __future__ import annotations

import re
from pathlib import Path

from rich.table import Table

from .query import query, saved_queries
from .records import TOP_CLASSES
from .store import open_store

__all__ = ["competency_answers", "competency_table", "counts"]

_PATTERNS: list[tuple[str, str]] = [
    *[(f"entities: {cls}", f"?x a kx:{cls}") for cls in TOP_CLASSES],
    ("articles", "?x a schema:NewsArticle"),
    ("mentions", "?x itsrdf:taIdentRef ?e"),
    ("relations (assertions)", "?x a kx:Assertion"),
    ("posts", "?x a org:Post"),
    ("figures", "?x a kx:Figure"),
]


def counts(build: str | Path) -> list[tuple[str, int]]:
    """Return (label, count) rows for a build: entities per class, articles, mentions, facts."""
    out = []
    with open_store(build, read_only=True) as store:
        for label, pattern in _PATTERNS:
            sparql = (
                "SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE { GRAPH ?g { " + pattern + " } "
                'FILTER(STRSTARTS(STR(?g), "https://w3id.org/kexie-graph/id/graph/article/")) }'
            )
            out.append((label, int(query(store, sparql).rows[0]["n"])))
    return out


def competency_answers(build: str | Path) -> list[tuple[str, str, list[str], list[str]]]:
    """Run every saved competency query; return (name, question, answers, evidence) per query."""
    rows = []
    with open_store(build, read_only=True) as store:
        for name, path in sorted(saved_queries().items()):
            if not re.fullmatch(r"cq\d\d", name):
                continue
            text = path.read_text(encoding="utf-8")
            question = next(
                (ln[2:].strip() for ln in text.splitlines() if ln.startswith("# ")), name
            )
            question = re.sub(r"^CQ\d\d:\s*", "", question)
            result = query(store, text)
            answers = [str(r.get("answer")) for r in result.rows]
            evidence = [str(r["evidence"]) for r in result.rows if r.get("evidence") is not None]
            rows.append((name, question, answers, evidence))
    return rows


def competency_table(build: str | Path) -> Table:
    """The competency answers as a rich table (one row per question, with evidence)."""
    table = Table(title="competency questions (seed article)", show_lines=True)
    table.add_column("cq")
    table.add_column("question", max_width=40)
    table.add_column("answers", max_width=50)
    table.add_column("evidence", max_width=50)
    for name, question, answers, evidence in competency_answers(build):
        table.add_row(
            name, question, "\n".join(answers) or "(none)", "\n".join(dict.fromkeys(evidence))
        )
    return table
