"""Score readings against gold readings (``data/reference/*.yaml``, READING-FORMAT.md).

Entities match when their top-level classes are equal and their names meet: the predicted canonical
name or an alias equals (after normalisation: NFKC, traditional -> simplified, no quotation marks or
《》) the gold canonical name, a gold mention or a gold alias. Matching is one-to-one. Relations are
typed links between matched entities (direction ignored for symmetric predicates); posts are
(person, organisation, post); figures are (subject, value, unit, kind, year). Precision counts
everything predicted that the gold lacks; a baseline row runs jieba's part-of-speech tagger
(nt/ns/nr) over the same texts.

Conventions of the comparison (each documented where it is applied):

* **Predicate names.** The development readings name two organising roles ``organizes`` (主办)
  and ``undertakes`` (承办), where the seed's reading (the contract the extractor follows) says
  ``runs`` and ``hosts``. :data:`PREDICATE_ALIASES` maps the former onto the latter before
  comparing; the meaning is the same, only the name differs.
* **The article's own year.** A figure the text dates only by the article itself (今年, or no
  date at all) has the article's year. Gold readings take that year from the source report when
  the text has none; the extractor cannot, and leaves the year empty. Years are therefore compared
  relative to the article: a gold year equal to the gold article's year and a predicted year equal
  to the predicted article's year (or empty, when the extractor knows no year for the article) both
  read "the article's year". :attr:`Scores.figures_strict` keeps the literal comparison too.
* **Academicians.** A title held in an academy (院士) is an ``org:Post`` by CONTRACT.md and
  ``member_of`` in the readings; posts named 院士 are left out of the post score.

Articles are paired with gold readings by :func:`pair_golds`: the gold file's stem equals the
article's id, else the gold's ``article.id`` equals it, else the gold whose mentions the article's
text contains best (at least half of them). The last rule is for the seed, whose reading is called
``seed-reading.yaml`` and whose ``article.id`` is a digest, not the file's stem.

Readings come from the extractor (articles given as files) or back from a store built earlier
(:func:`readings_from_store`: SPARQL over each article's named graph), so a build is scored
exactly as it was written, curation included.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from .errors import InputError
from .graph.vocab import SYMMETRIC
from .records import TOP_CLASSES, Article, Entity, Figure, Post, Reading, Relation, Span

__all__ = [
    "PREDICATE_ALIASES",
    "Gold",
    "Report",
    "Score",
    "Scores",
    "baseline_entities",
    "baseline_reading",
    "evaluate",
    "evaluate_reading",
    "find_gold_files",
    "load_gold",
    "match_entities",
    "norm",
    "pair_golds",
    "readings_from_store",
    "write_json",
]

#: gold predicate name -> the name the seed's reading (and so the extractor) gives the same relation
PREDICATE_ALIASES: dict[str, str] = {"organizes": "runs", "undertakes": "hosts"}

_ARTICLE_YEAR = "@article"


@lru_cache(maxsize=1)
def _t2s() -> Callable[[str], str]:
    try:
        import opencc
    except ImportError:  # pragma: no cover - OpenCC is a dependency; fall back to identity
        return lambda s: s
    return opencc.OpenCC("t2s").convert


def norm(name: str) -> str:
    """Normalise a name for comparison: NFKC, simplified characters, no quotes, 《》 or spaces."""
    s = unicodedata.normalize("NFKC", name)
    s = _t2s()(s)
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
    figures_strict: Score = field(default_factory=Score)
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
        self.figures_strict.add(other.figures_strict)

    def as_dict(self) -> dict[str, Any]:
        """The scores as a JSON-ready dict."""
        return {
            "article": self.article,
            "entities": {c: s.as_dict() for c, s in self.entities.items()},
            "entities_all": self.entities_all.as_dict(),
            "relations": self.relations.as_dict(),
            "posts": self.posts.as_dict(),
            "figures": self.figures.as_dict(),
            "figures_strict": self.figures_strict.as_dict(),
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
    date: str | None = None

    @property
    def stem(self) -> str:
        """The gold file's name without its suffix."""
        return Path(self.path).stem


def load_gold(path: str | Path) -> Gold:
    """Load a gold reading (READING-FORMAT.md)."""
    p = Path(path)
    try:
        data = yaml.safe_load(p.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError, UnicodeDecodeError) as error:
        raise InputError(
            f"{p}: not a readable YAML gold reading ({type(error).__name__}); fix the file"
        ) from None
    if (
        not isinstance(data, dict)
        or not isinstance(data.get("article"), dict)
        or "entities" not in data
    ):
        raise InputError(
            f"{p}: not a gold reading (needs 'article' and 'entities'); see READING-FORMAT.md"
        )
    date = data["article"].get("date")
    return Gold(
        article_id=str(data["article"].get("id", p.stem)),
        entities=list(data.get("entities") or []),
        relations=list(data.get("relations") or []),
        observations=list(data.get("observations") or []),
        path=str(p),
        date=str(date) if date is not None else None,
    )


def find_gold_files(paths: Sequence[str | Path]) -> list[Path]:
    """Expand files and folders into the gold readings they hold (``*.yaml``/``*.yml``)."""
    found: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            found += sorted(q for q in p.iterdir() if q.suffix in {".yaml", ".yml"} and q.is_file())
        elif p.is_file():
            found.append(p)
        else:
            raise InputError(
                f"{p}: no such gold file or folder; give data/reference or a gold .yaml file"
            )
    if not found:
        raise InputError(
            f"{', '.join(map(str, paths))}: no gold readings (*.yaml) found; see READING-FORMAT.md"
        )
    return found


# ----------------------------------------------------------------------------- entity matching


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
    pred_names = {e.key: _pred_names(e) for e in pred}
    for exact in (True, False):
        for g in gold:
            if g["id"] in out:
                continue
            gnames = _gold_names(g)
            gzh = norm(str(g["zh"]))
            for e in pred:
                if e.key in used or e.cls != g["type"]:
                    continue
                hit = norm(e.zh) == gzh if exact else bool(gnames & pred_names[e.key])
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
    return norm(str(value or "")).replace("年", "").replace("–", "-").replace("None", "")


def _date_year(date: str | None) -> str | None:
    return date[:4] if date and date[:4].isdigit() else None


# ----------------------------------------------------------------------------- one article


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
    scores.missing["entities"] = [
        f"{e['type']}:{e['zh']}" for e in gold.entities if e["id"] not in ids
    ]
    scores.extra["entities"] = [
        f"{e.cls}:{e.zh}" for e in reading.entities if e.key not in matched_keys
    ]

    def canon(s: str, p: str, o: str) -> tuple[str, str, str]:
        p = PREDICATE_ALIASES.get(p, p)
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
    judged = {
        t for t in pred_rel if t[0] in matched_keys and (t[2] in matched_keys or t[2] == "ARTICLE")
    }
    scores.relations = Score(len(gold_rel & pred_rel), len(judged), len(gold_rel))
    scores.missing["relations"] = sorted(" ".join(t) for t in gold_rel - pred_rel)
    scores.extra["relations"] = sorted(" ".join(t) for t in judged - gold_rel)
    # a title held in an academy (院士) is an org:Post by CONTRACT.md and member_of in the readings
    pred_posts = {(p.person, p.organization, p.role) for p in reading.posts if p.role != "院士"}
    scores.posts = Score(len(gold_posts & pred_posts), len(pred_posts), len(gold_posts))
    scores.missing["posts"] = sorted(" ".join(t) for t in gold_posts - pred_posts)
    scores.extra["posts"] = sorted(" ".join(t) for t in pred_posts - gold_posts)

    gold_year = _date_year(gold.date)
    pred_year = _date_year(reading.article.date)

    def gold_key(o: dict[str, Any], relative: bool) -> tuple[object, ...]:
        year = _year(o.get("year"))
        if relative and ((gold_year and year == gold_year) or (not gold_year and not year)):
            year = _ARTICLE_YEAR  # as for predictions: no year in an undated article is its own
        return (
            ids.get(str(o.get("subject")), "?"),
            _decimal(o.get("value")),
            str(o.get("unit")),
            str(o.get("kind")),
            year,
        )

    def pred_key(f: Figure, relative: bool) -> tuple[object, ...]:
        year = _year(f.year)
        if relative and ((pred_year and year == pred_year) or (not pred_year and not year)):
            year = _ARTICLE_YEAR
        return (f.subject, Decimal(f.value), f.unit, f.kind, year)

    for relative in (True, False):
        gold_fig = Counter(gold_key(o, relative) for o in gold.observations)
        pred_fig = Counter(pred_key(f, relative) for f in reading.figures)
        tp = sum((gold_fig & pred_fig).values())
        score = Score(tp, sum(pred_fig.values()), sum(gold_fig.values()))
        if relative:
            scores.figures = score
            scores.missing["figures"] = sorted(str(k) for k in (gold_fig - pred_fig))
            scores.extra["figures"] = sorted(str(k) for k in (pred_fig - gold_fig))
        else:
            scores.figures_strict = score
    return scores


# ----------------------------------------------------------------------------- the baseline

_BASELINE_TAGS = {"nt": "Organization", "ns": "Place", "nr": "Person"}


def baseline_entities(text: str) -> list[Entity]:
    """The obvious alternative: jieba's tagger, nt/ns/nr as organisations, places, people."""
    import jieba
    import jieba.posseg as pseg

    jieba.setLogLevel(60)
    seen: dict[tuple[str, str], Entity] = {}
    for word, flag in pseg.cut(text):
        cls = _BASELINE_TAGS.get(flag)
        if cls and len(word) > 1:
            seen.setdefault((cls, word), Entity(cls=cls, zh=word))
    return list(seen.values())


def baseline_reading(article: Article) -> Reading:
    """A reading of ``article`` made of the baseline's entities only (no facts)."""
    return Reading(article=article, entities=tuple(baseline_entities(article.text)))


# ----------------------------------------------------------------------------- pairing


def _mention_share(gold: Gold, text: str) -> float:
    reading_text = norm(text)
    names = {norm(str(m)) for e in gold.entities for m in (e.get("mentions") or [])}
    names = {n for n in names if len(n) >= 2}
    if not names:
        return 0.0
    return sum(1 for n in names if n in reading_text) / len(names)


def pair_golds(golds: Sequence[Gold], articles: Sequence[Article]) -> list[tuple[Gold, Article]]:
    """Pair each article with its gold reading (see the module docstring for the three rules)."""
    pairs: list[tuple[Gold, Article]] = []
    free = list(golds)
    rest: list[Article] = []
    for article in articles:
        gold = next((g for g in free if g.stem == article.id), None)
        gold = gold or next((g for g in free if g.article_id == article.id), None)
        if gold is None:
            rest.append(article)
            continue
        free.remove(gold)
        pairs.append((gold, article))
    for article in rest:
        scored = sorted(
            ((_mention_share(g, article.text), i) for i, g in enumerate(free)), reverse=True
        )
        if scored and scored[0][0] >= 0.5:
            gold = free.pop(scored[0][1])
            pairs.append((gold, article))
    order = {a.id: i for i, a in enumerate(articles)}
    return sorted(pairs, key=lambda p: order[p[1].id])


# ----------------------------------------------------------------------------- a corpus


@dataclass
class Report:
    """The scores of a corpus: one row per article, their sum, and the baseline's sum."""

    rows: list[Scores]
    total: Scores
    baseline: Scores
    baseline_rows: list[Scores]
    unmatched_articles: list[str] = field(default_factory=list)
    unmatched_golds: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        """The report as a JSON-ready dict."""
        return {
            "conventions": {
                "predicate_aliases": PREDICATE_ALIASES,
                "figure_years": (
                    "relative to the article's year (see kexie_graph.evaluate); "
                    "figures_strict compares them literally"
                ),
                "posts": "posts named 院士 are scored as member_of relations, not posts",
            },
            "articles": [r.as_dict() for r in self.rows],
            "total": self.total.as_dict(),
            "baseline": _baseline_dict(self.baseline),
            "baseline_articles": [_baseline_dict(r) for r in self.baseline_rows],
            "unmatched_articles": self.unmatched_articles,
            "unmatched_golds": self.unmatched_golds,
        }


def _baseline_dict(s: Scores) -> dict[str, Any]:
    d = s.as_dict()
    return {
        k: d[k] for k in ("article", "entities", "entities_all", "relations", "posts", "figures")
    }


def evaluate(
    golds: Sequence[Gold],
    readings: Iterable[Reading],
    articles: Sequence[Article] | None = None,
) -> Report:
    """Score ``readings`` against ``golds`` (paired by :func:`pair_golds`), with the baseline row.

    ``articles`` are the texts the baseline reads (defaults to each reading's own article).
    """
    readings = list(readings)
    by_id = {r.article.id: r for r in readings}
    texts = list(articles) if articles is not None else [r.article for r in readings]
    pairs = pair_golds(golds, texts)
    rows, base_rows = [], []
    total, base = Scores("total"), Scores("baseline")
    for gold, article in pairs:
        reading = by_id[article.id]
        row = evaluate_reading(reading, gold)
        row.article = article.id
        rows.append(row)
        total.add(row)
        b = evaluate_reading(baseline_reading(reading.article), gold)
        b.article = article.id
        base_rows.append(b)
        base.add(b)
    paired = {a.id for _, a in pairs}
    return Report(
        rows=rows,
        total=total,
        baseline=base,
        baseline_rows=base_rows,
        unmatched_articles=[a.id for a in texts if a.id not in paired],
        unmatched_golds=[g.path for g in golds if all(g is not p for p, _ in pairs)],
    )


def write_json(path: str | Path, report: Report) -> None:
    """Write a report as JSON (atomically)."""
    from .fsutil import atomic_write_text

    atomic_write_text(path, json.dumps(report.as_dict(), ensure_ascii=False, indent=2) + "\n")


# ------------------------------------------------------------------------- readings from a store

_Q_ARTICLES = """
SELECT ?g ?article ?text ?date WHERE {
  GRAPH ?g { ?article a schema:NewsArticle ; kx:text ?ctx . ?ctx nif:isString ?text .
             OPTIONAL { ?article dcterms:date ?date } }
}"""
_Q_ENTITIES = """
SELECT ?e ?cls ?zh ?alias WHERE {
  GRAPH ?g { ?article schema:mentions ?e . ?e a ?cls ; rdfs:label ?zh .
             FILTER(langMatches(lang(?zh), "zh"))
             OPTIONAL { ?e skos:altLabel ?alias } }
}"""
_Q_RELATIONS = """
SELECT ?s ?p ?o ?when ?role ?b ?end WHERE {
  GRAPH ?g { ?a a kx:Assertion ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o .
             OPTIONAL { ?a kx:role ?role }
             OPTIONAL { ?a kx:during ?period . ?period rdfs:label ?when }
             OPTIONAL { ?a prov:wasDerivedFrom ?ev . ?ev nif:beginIndex ?b ; nif:endIndex ?end } }
}"""
_Q_POSTS = """
SELECT ?person ?org ?role ?b ?end WHERE {
  GRAPH ?g { ?post a org:Post ; org:heldBy ?person ; org:postIn ?org ; rdfs:label ?role .
             OPTIONAL { ?post prov:wasDerivedFrom ?ev .
                        ?ev nif:beginIndex ?b ; nif:endIndex ?end } }
}"""
_Q_FIGURES = """
SELECT ?f ?ind ?value ?unit ?kind ?about ?year ?cmp ?b ?end WHERE {
  GRAPH ?g { ?f a kx:Figure ; kx:indicator ?ind ; rdf:value ?value ; kx:unit ?unit ;
                kx:figureKind ?kind ; kx:about ?about .
             OPTIONAL { ?f kx:year ?year } OPTIONAL { ?f kx:comparator ?cmp }
             OPTIONAL { ?f prov:wasDerivedFrom ?ev . ?ev nif:beginIndex ?b ; nif:endIndex ?end } }
}"""


def _rows(store: Any, query: str, graph: str) -> list[dict[str, Any]]:
    from .namespaces import SPARQL_PREFIXES

    q = SPARQL_PREFIXES + query.replace("GRAPH ?g", f"GRAPH <{graph}>")
    results = store.query(q)
    names = [v.value for v in results.variables]
    out = []
    for solution in results:
        out.append({n: (None if solution[n] is None else solution[n].value) for n in names})
    return out


def readings_from_store(path: str | Path) -> list[Reading]:
    """Read every article's reading back from a store built by ``kexie-graph build``."""
    from .graph.vocab import FIGURE_KINDS, PREDICATE_NAMES, UNITS
    from .namespaces import KX, KXR
    from .store import open_store

    unit_names = {str(v): k for k, v in UNITS.items()}
    kind_names = {str(v): k for k, v in FIGURE_KINDS.items()}
    prefix = f"{KXR}graph/article/"
    readings = []
    with open_store(path, read_only=True) as store:
        db = store.ox
        for graph in store.graphs():
            if not graph.startswith(prefix):
                continue
            arts = _rows(db, _Q_ARTICLES.replace("SELECT ?g", "SELECT"), graph)
            if not arts:
                continue
            art_iri = arts[0]["article"]
            aid = art_iri.rsplit("/", 1)[-1]
            article = Article(id=aid, text=arts[0]["text"], date=arts[0].get("date"))
            keys: dict[str, str] = {}
            labels: dict[str, tuple[str, str, set[str]]] = {}
            for row in _rows(db, _Q_ENTITIES, graph):
                cls = row["cls"].removeprefix(str(KX))
                if cls not in TOP_CLASSES:
                    continue
                _, _, aliases = labels.setdefault(row["e"], (cls, row["zh"], set()))
                if row.get("alias"):
                    aliases.add(row["alias"])
            entities = []
            for iri, (cls, zh, aliases) in labels.items():
                entity = Entity(cls=cls, zh=zh, aliases=tuple(sorted(aliases)))
                keys[iri] = entity.key
                entities.append(entity)
            keys[art_iri] = aid

            def span(row: dict[str, Any]) -> tuple[Span, ...]:
                return (Span(int(row["b"]), int(row["end"])),) if row.get("b") is not None else ()

            relations = [
                Relation(
                    keys[r["s"]],
                    PREDICATE_NAMES[_iri(r["p"])],
                    keys[r["o"]],
                    span(r),
                    r.get("when"),
                    r.get("role"),
                )
                for r in _rows(db, _Q_RELATIONS, graph)
                if r["s"] in keys and r["o"] in keys and _iri(r["p"]) in PREDICATE_NAMES
            ]
            posts = [
                Post(keys[r["person"]], keys[r["org"]], r["role"], span(r))
                for r in _rows(db, _Q_POSTS, graph)
                if r["person"] in keys and r["org"] in keys
            ]
            figures = [
                Figure(
                    r["ind"],
                    keys[r["about"]],
                    Decimal(r["value"]),
                    unit_names.get(r["unit"], r["unit"]),
                    kind_names.get(r["kind"], r["kind"]),
                    span(r),
                    r.get("year"),
                    r.get("cmp"),
                )
                for r in _rows(db, _Q_FIGURES, graph)
                if r["about"] in keys
            ]
            readings.append(
                Reading(
                    article=article,
                    entities=tuple(entities),
                    relations=tuple(dict.fromkeys(relations)),
                    posts=tuple(dict.fromkeys(posts)),
                    figures=tuple(dict.fromkeys(figures)),
                )
            )
    return readings


def _iri(value: str) -> Any:
    from rdflib import URIRef

    return URIRef(value)
