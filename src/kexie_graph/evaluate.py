"""Score readings against gold readings (``data/reference/*.yaml``, READING-FORMAT.md).

Entities match when their top-level classes are equal and their names meet: the predicted canonical
name or an alias equals (after normalisation: NFKC, no quotation marks or 《》) the gold canonical
name, a gold mention or a gold alias. Matching is one-to-one. Relations are typed links between
matched entities (direction ignored for symmetric predicates); posts are (person, organisation, post);
figures are (subject, value, unit, kind, year). Precision counts everything predicted that the gold
lacks; a baseline row runs jieba's part-of-speech tagger (nt/ns/nr) over the same texts.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import yaml

from .errors import InputError
from .graph.vocab import SYMMETRIC
from .records import TOP_CLASSES, Entity, Reading

__all__ = [
    "Gold",
    "Score",
    "Scores",
    "baseline_entities",
    "evaluate_reading",
    "load_gold",
    "norm",
]


def norm(name: str) -> str:
    """Normalise a name for comparison: NFKC, no quotation marks, brackets of titles, or spaces."""
    s = unicodedata.normalize("NFKC", name)
    return re.sub(r"[“”\"'‘’《》\s]", "", s)


@dataclass
class Score:
    """True positives, predictions and gold items, with precision, recall and F1."""

    tp: int = 0
    predicted: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        """tp / predicted (1.0 when nothing was predicted)."""
        return self.tp / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        """tp / gold (1.0 when the gold has nothing)."""
        return self.tp / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        """The harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Score) -> None:
        """Add another score's counts to this one."""
        self.tp += other.tp
        self.predicted += other.predicted
        self.gold += other.gold

    def as_dict(self) -> dict[str, float | int]:
        """Counts and rates, rounded, for JSON."""
        return {
            "tp": self.tp,
            "predicted": self.predicted,
            "gold": self.gold,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


@dataclass
class Scores:
    """All the scores of one article (or a sum over articles)."""

    article: str
    entities: dict[str, Score] = field(default_factory=lambda: {c: Score() for c in TOP_CLASSES})
    relations: Score = field(default_factory=Score)
    posts: Score = field(default_factory=Score)
    figures: Score = field(default_factory=Score)
    missing: dict[str, list[str]] = field(default_factory=dict)
    extra: dict[str, list[str]] = field(default_factory=dict)

    @property
    def entities_all(self) -> Score:
        """Entities over all classes."""
        total = Score()
        for s in self.entities.values():
            total.add(s)
        return total

    def add(self, other: Scores) -> None:
        """Add another article's counts."""
        for c in TOP_CLASSES:
            self.entities[c].add(other.entities[c])
        self.relations.add(other.relations)
        self.posts.add(other.posts)
        self.figures.add(other.figures)

    def as_dict(self) -> dict[str, Any]:
        """The scores as a JSON-ready dict."""
        return {
            "article": self.article,
            "entities": {c: s.as_dict() for c, s in self.entities.items()},
            "entities_all": self.entities_all.as_dict(),
            "relations": self.relations.as_dict(),
            "posts": self.posts.as_dict(),
            "figures": self.figures.as_dict(),
            "missing": self.missing,
            "extra": self.extra,
        }


@dataclass
class Gold:
    """A gold reading, loaded from YAML."""

    article_id: str
    entities: list[dict[str, Any]]
    relations: list[dict[str, Any]]
    observations: list[dict[str, Any]]
    path: str = ""


def load_gold(path: str | Path) -> Gold:
    """Load a gold reading (READING-FORMAT.md)."""
    p = Path(path)
    try:
        data = yaml.safe_load(p.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError, UnicodeDecodeError) as error:
        raise InputError(f"{p}: not a readable YAML gold reading ({type(error).__name__}); fix the file") from None
    if not isinstance(data, dict) or "article" not in data or "entities" not in data:
        raise InputError(f"{p}: not a gold reading (needs 'article' and 'entities'); see READING-FORMAT.md")
    return Gold(
        article_id=str(data["article"].get("id", p.stem)),
        entities=list(data.get("entities") or []),
        relations=list(data.get("relations") or []),
        observations=list(data.get("observations") or []),
        path=str(p),
    )


def _gold_names(e: dict[str, Any]) -> set[str]:
    names = {norm(str(e["zh"]))}
    names |= {norm(str(m)) for m in e.get("mentions") or []}
    names |= {norm(str(a)) for a in e.get("aliases") or []}
    return {n for n in names if n}


def _pred_names(e: Entity) -> set[str]:
    return {norm(e.zh), *(norm(a) for a in e.aliases)}


def match_entities(gold: Sequence[dict[str, Any]], pred: Sequence[Entity]) -> dict[str, str]:
    """Match gold entity ids to predicted entity keys, one to one (exact canonical names first)."""
    out: dict[str, str] = {}
    used: set[str] = set()
    for exact in (True, False):
        for g in gold:
            if g["id"] in out:
                continue
            gnames = _gold_names(g)
            for e in pred:
                if e.key in used or e.cls != g["type"]:
                    continue
                hit = norm(e.zh) == norm(str(g["zh"])) if exact else bool(gnames & _pred_names(e))
                if hit:
                    out[g["id"]] = e.key
                    used.add(e.key)
                    break
    return out


def _decimal(value: object) -> Decimal | None:
    try:
        return Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None


def _year(value: object) -> str:
    return norm(str(value or "")).replace("年", "").replace("–", "-")


def evaluate_reading(reading: Reading, gold: Gold) -> Scores:
    """Score one article's reading against its gold reading."""
    scores = Scores(article=gold.article_id)
    ids = match_entities(gold.entities, reading.entities)
    matched_keys = set(ids.values())
    for c in TOP_CLASSES:
        g = [e for e in gold.entities if e["type"] == c]
        p = [e for e in reading.entities if e.cls == c]
        tp = sum(1 for e in g if e["id"] in ids)
        scores.entities[c] = Score(tp, len(p), len(g))
    scores.missing["entities"] = [f"{e['type']}:{e['zh']}" for e in gold.entities if e["id"] not in ids]
    scores.extra["entities"] = [f"{e.cls}:{e.zh}" for e in reading.entities if e.key not in matched_keys]

    def canon(s: str, p: str, o: str) -> tuple[str, str, str]:
        return (min(s, o), p, max(s, o)) if p in SYMMETRIC else (s, p, o)

    gold_rel: set[tuple[str, str, str]] = set()
    gold_posts: set[tuple[str, str, str]] = set()
    for r in gold.relations:
        s, o = ids.get(r["subject"], f"?{r['subject']}"), r["object"]
        if r["predicate"] == "holds_post":
            gold_posts.add((s, ids.get(o, f"?{o}"), str(r.get("role", ""))))
            continue
        o = "ARTICLE" if o == gold.article_id else ids.get(o, f"?{o}")
        gold_rel.add(canon(s, r["predicate"], o))
    pred_rel = {
        canon(r.subject, r.predicate, "ARTICLE" if r.object == reading.article.id else r.object)
        for r in reading.relations
    }
    # precision counts links between entities the gold also has (extra entities are scored above)
    judged = {t for t in pred_rel if t[0] in matched_keys and (t[2] in matched_keys or t[2] == "ARTICLE")}
    scores.relations = Score(len(gold_rel & pred_rel), len(judged), len(gold_rel))
    scores.missing["relations"] = sorted(" ".join(t) for t in gold_rel - pred_rel)
    scores.extra["relations"] = sorted(" ".join(t) for t in judged - gold_rel)
    # a title held in an academy (院士) is an org:Post by CONTRACT.md and member_of in the readings
    pred_posts = {(p.person, p.organization, p.role) for p in reading.posts if p.role != "院士"}
    scores.posts = Score(len(gold_posts & pred_posts), len(pred_posts), len(gold_posts))
    scores.missing["posts"] = sorted(" ".join(t) for t in gold_posts - pred_posts)
    scores.extra["posts"] = sorted(" ".join(t) for t in pred_posts - gold_posts)

    gold_fig = Counter(
        (ids.get(str(o.get("subject")), "?"), _decimal(o.get("value")), str(o.get("unit")), str(o.get("kind")), _year(o.get("year")))
        for o in gold.observations
    )
    pred_fig = Counter((f.subject, Decimal(f.value), f.unit, f.kind, _year(f.year)) for f in reading.figures)
    tp = sum((gold_fig & pred_fig).values())
    scores.figures = Score(tp, sum(pred_fig.values()), sum(gold_fig.values()))
    scores.missing["figures"] = sorted(str(k) for k in (gold_fig - pred_fig))
    scores.extra["figures"] = sorted(str(k) for k in (pred_fig - gold_fig))
    return scores


_BASELINE_TAGS = {"nt": "Organization", "ns": "Place", "nr": "Person"}


def baseline_entities(text: str) -> list[Entity]:
    """The obvious alternative: jieba's part-of-speech tagger, nt/ns/nr as organisations, places, people."""
    import jieba
    import jieba.posseg as pseg

    jieba.setLogLevel(60)
    seen: dict[tuple[str, str], Entity] = {}
    for word, flag in pseg.cut(text):
        cls = _BASELINE_TAGS.get(flag)
        if cls and len(word) > 1:
            seen.setdefault((cls, word), Entity(cls=cls, zh=word))
    return list(seen.values())


def write_json(path: str | Path, rows: Iterable[Scores], total: Scores, baseline: Scores | None) -> None:
    """Write the scores as JSON (atomically)."""
    from .fsutil import atomic_write_text

    data = {
        "articles": [r.as_dict() for r in rows],
        "total": total.as_dict(),
        "baseline": baseline.as_dict() if baseline else None,
    }
    atomic_write_text(path, json.dumps(data, ensure_ascii=False, indent=2))



