"""The evaluation: matching, scoring conventions, pairing, store read-back and the CLI."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
import yaml

from kexie_graph.evaluate import (
    Gold,
    evaluate,
    evaluate_reading,
    find_gold_files,
    load_gold,
    norm,
    pair_golds,
    readings_from_store,
)
from kexie_graph.records import Article, Entity, Figure, Post, Reading, Relation, Span

TEXT = "本报讯 安平市科协主办科普节，安平市图书馆承办。市科协主席林青出席。全市科普基地达到12个。"


def _gold(**over: object) -> Gold:
    base = dict(
        article_id="anping",
        entities=[
            {
                "id": "ast",
                "type": "Organization",
                "zh": "安平市科学技术协会",
                "mentions": ["安平市科协", "市科协"],
            },
            {
                "id": "lib",
                "type": "Organization",
                "zh": "安平市图书馆",
                "mentions": ["安平市图书馆"],
            },
            {"id": "fest", "type": "Event", "zh": "科普节", "mentions": ["科普节"]},
            {"id": "lin", "type": "Person", "zh": "林青", "mentions": ["林青"]},
            {"id": "city", "type": "Place", "zh": "安平市", "mentions": ["全市"]},
        ],
        relations=[
            {
                "subject": "ast",
                "predicate": "organizes",
                "object": "fest",
                "evidence": "安平市科协主办科普节",
            },
            {
                "subject": "lib",
                "predicate": "undertakes",
                "object": "fest",
                "evidence": "安平市图书馆承办",
            },
            {
                "subject": "lin",
                "predicate": "holds_post",
                "object": "ast",
                "role": "主席",
                "evidence": "x",
            },
        ],
        observations=[
            {
                "subject": "city",
                "value": 12,
                "unit": "count",
                "kind": "actual",
                "year": "2020",
                "evidence": "x",
            },
        ],
        path="/gold/anping.yaml",
        date="2020-05-01",
    )
    base.update(over)
    return Gold(**base)  # type: ignore[arg-type]


def _reading(date: str | None = None, fig_year: str | None = None, **over: object) -> Reading:
    ev = (Span(0, 2),)
    ents = (
        Entity("Organization", "安平市科学技术协会", aliases=("安平市科协",)),
        Entity("Organization", "安平市图书馆"),
        Entity("Event", "科普节"),
        Entity("Person", "林青"),
        Entity("Place", "安平市", aliases=("全市",)),
    )
    base = dict(
        article=Article(id="anping", text=TEXT, date=date),
        entities=ents,
        relations=(
            Relation("Organization/安平市科学技术协会", "runs", "Event/科普节", ev),
            Relation("Organization/安平市图书馆", "hosts", "Event/科普节", ev),
        ),
        posts=(Post("Person/林青", "Organization/安平市科学技术协会", "主席", ev),),
        figures=(
            Figure("科普基地数", "Place/安平市", Decimal(12), "count", "actual", ev, fig_year),
        ),
    )
    base.update(over)
    return Reading(**base)  # type: ignore[arg-type]


def test_naming_only_predicates_are_mapped() -> None:
    s = evaluate_reading(_reading(date="2020-05-01", fig_year="2020"), _gold())
    assert (s.relations.tp, s.relations.gold, s.relations.predicted) == (2, 2, 2)
    assert s.posts.f1 == 1.0 and s.entities_all.f1 == 1.0


def test_a_different_predicate_is_still_wrong() -> None:
    wrong = (
        Relation("Organization/安平市科学技术协会", "supports", "Event/科普节", (Span(0, 1),)),
    )
    s = evaluate_reading(_reading(relations=wrong), _gold())
    assert s.relations.tp == 0 and s.relations.predicted == 1


@pytest.mark.parametrize(
    ("date", "fig_year", "relative", "strict"),
    [
        ("2020-05-01", "2020", 1, 1),  # both know the year
        (None, None, 1, 0),  # the text gives no year: "the article's year" on both sides
        ("2020-05-01", None, 0, 0),  # the extractor knew the year and left it out: wrong
        (None, "2019", 0, 0),  # a different year is wrong either way
    ],
)
def test_figure_years_relative_to_the_article(
    date: str | None, fig_year: str | None, relative: int, strict: int
) -> None:
    s = evaluate_reading(_reading(date=date, fig_year=fig_year), _gold())
    assert s.figures.tp == relative
    assert s.figures_strict.tp == strict


def test_names_compare_across_scripts() -> None:
    assert norm("無錫市人民政府") == norm("无锡市人民政府")
    assert norm("《科普法》") == "科普法"


def test_pairing_by_stem_then_id_then_mentions() -> None:
    g_stem = _gold(path="/g/anping.yaml", article_id="other")
    g_id = _gold(path="/g/b-reading.yaml", article_id="beta")
    g_text = _gold(path="/g/seed-reading.yaml", article_id="000_digest")
    arts = [
        Article(id="anping", text="无关"),
        Article(id="beta", text="无关"),
        Article(id="gamma", text=TEXT.replace("市科协主席", "科协主席")),
        Article(id="delta", text="毫不相干的一段文字"),
    ]
    pairs = pair_golds([g_text, g_id, g_stem], arts)
    assert [(g.path, a.id) for g, a in pairs] == [
        ("/g/anping.yaml", "anping"),
        ("/g/b-reading.yaml", "beta"),
        ("/g/seed-reading.yaml", "gamma"),
    ]
    report = evaluate([g_text, g_id, g_stem], [_reading()], [Article(id="delta", text="毫不相干")])
    assert report.rows == [] and report.unmatched_articles == ["delta"]


def test_baseline_row_is_computed_over_the_same_texts() -> None:
    report = evaluate([_gold()], [_reading(date="2020-05-01", fig_year="2020")])
    assert report.total.entities_all.f1 == 1.0
    assert report.baseline.posts.predicted == 0 and report.baseline.figures.predicted == 0
    assert report.baseline.entities_all.gold == 5


def test_load_gold_rejects_other_yaml(tmp_path: Path) -> None:
    from kexie_graph.errors import InputError

    bad = tmp_path / "x.yaml"
    bad.write_text("just: a mapping\n", encoding="utf-8")
    with pytest.raises(InputError, match="not a gold reading"):
        load_gold(bad)
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(InputError, match="no gold readings"):
        find_gold_files([empty])


ARTICLE = """本报讯 5月3日，安顺市科学技术协会主办的科普节开幕。市科协主席林青出席开幕式。
截至目前，全市科普基地达到12个。
"""


@pytest.fixture(scope="module")
def tiny_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    from kexie_graph.corpus import build

    root = tmp_path_factory.mktemp("tiny")
    art = root / "articles" / "anping-festival.txt"
    art.parent.mkdir()
    art.write_text(ARTICLE, encoding="utf-8")
    gold = root / "gold" / "anping-festival.yaml"
    gold.parent.mkdir()
    gold.write_text(
        yaml.safe_dump(
            {
                "article": {"id": "anping-festival", "title": "x", "date": None},
                "entities": [
                    {
                        "id": "ast",
                        "type": "Organization",
                        "zh": "安顺市科学技术协会",
                        "mentions": ["市科协"],
                    },
                    {"id": "lin", "type": "Person", "zh": "林青", "mentions": ["林青"]},
                ],
                "relations": [
                    {
                        "subject": "lin",
                        "predicate": "holds_post",
                        "object": "ast",
                        "role": "主席",
                        "evidence": "x",
                    }
                ],
            },
            allow_unicode=True,
        ),
        encoding="utf-8",
    )
    build([art], root / "build", validate=False)
    return root, gold


def test_store_readings_score_like_the_extractor(tiny_build: tuple[Path, Path]) -> None:
    from kexie_graph.articles import load_article
    from kexie_graph.extract import extract

    root, gold_path = tiny_build
    gold = load_gold(gold_path)
    direct = extract(load_article(root / "articles" / "anping-festival.txt"))
    (stored,) = readings_from_store(root / "build")
    assert stored.article.id == direct.article.id
    assert {e.key for e in stored.entities} == {e.key for e in direct.entities}
    assert {(p.person, p.organization, p.role) for p in stored.posts} == {
        (p.person, p.organization, p.role) for p in direct.posts
    }
    a, b = evaluate_reading(direct, gold), evaluate_reading(stored, gold)
    assert a.as_dict() == b.as_dict()
    assert a.posts.tp == 1


def test_cli_writes_json(tiny_build: tuple[Path, Path], tmp_path: Path) -> None:
    from kexie_graph.cli import main

    root, gold_path = tiny_build
    out = tmp_path / "scores.json"
    assert (
        main(
            [
                "evaluate",
                "--gold",
                str(gold_path.parent),
                str(root / "articles"),
                "--json",
                str(out),
            ]
        )
        == 0
    )
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["articles"][0]["article"] == "anping-festival"
    assert data["baseline"]["article"] == "baseline"
    assert main(["evaluate", "--gold", str(gold_path.parent), "--store", str(root / "build")]) == 0
    assert main(["evaluate", "--gold", str(gold_path.parent)]) == 2  # neither articles nor a store


@pytest.mark.parametrize(
    ("fig_year", "relative"),
    [(None, 1), ("2020", 0)],
)
def test_an_undated_gold_without_a_year_is_the_articles_year_too(
    fig_year: str | None, relative: int
) -> None:
    figure = {"subject": "city", "value": 12, "unit": "count", "kind": "actual", "evidence": "x"}
    gold = _gold(date=None, observations=[figure])
    s = evaluate_reading(_reading(date=None, fig_year=fig_year), gold)
    assert s.figures.tp == relative
