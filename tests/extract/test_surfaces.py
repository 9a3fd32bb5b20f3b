"""Every surface form by which an article names an entity is an alias (skos:altLabel): as the
reading text has it and as the original writes it (CONTRACT.md). Texts written for the purpose."""

from __future__ import annotations

import pytest
from rdflib import Literal
from rdflib.namespace import SKOS

from kexie_graph.extract import extract_text
from kexie_graph.graph.build import article_graph
from kexie_graph.graph.iris import entity_iri
from kexie_graph.text.convert import t2s

TRADITIONAL = (
    "重慶市科學技術協會召開九屆三次全會\n"
    "本報訊 3月18日，重慶市科學技術協會第九屆委員會第三次全體會議在渝召開。"
    "市科協主席潘復生出席會議並講話。重慶市科協將深入實施“科技創新”行動。\n"
)
#: a name the page layout cut in two (重慶市科學技 | 術協會), in a long body line
SPLIT = (
    "本報訊 3月18日上午，重慶市第十三屆學術年會開幕式在渝舉行，本屆年會由重慶市科學技\n"
    "術協會主辦，市科協主席潘復生出席會議並講話。\n"
)


def _aliases(text: str, key: str) -> tuple[str, ...]:
    return extract_text(text, "surfaces").entity(key).aliases


@pytest.mark.parametrize(
    ("text", "key", "surfaces"),
    [
        (
            TRADITIONAL,
            "Organization/重庆市科学技术协会",
            {"重慶市科學技術協會", "重慶市科協", "重庆市科协", "市科協", "市科协"},
        ),
        (TRADITIONAL, "Person/潘复生", {"潘復生"}),
        (TRADITIONAL, "Program/“科技创新”行动", {"“科技創新”行動"}),
        # the pieces joined, without the line break between them
        (SPLIT, "Organization/重庆市科学技术协会", {"重慶市科學技術協會", "市科協"}),
    ],
    ids=["association", "person", "programme", "split by the layout"],
)
def test_original_surfaces_are_aliases(text: str, key: str, surfaces: set[str]) -> None:
    aliases = _aliases(text, key)
    assert surfaces <= set(aliases)
    assert key.split("/", 1)[1] not in aliases  # the canonical name is the label, no alias
    assert not any("\n" in alias for alias in aliases)


def test_the_split_mention_still_spans_the_break() -> None:
    reading = extract_text(SPLIT, "surfaces")
    spans = [
        m.spans
        for m in reading.mentions
        if m.entity == "Organization/重庆市科学技术协会" and len(m.spans[0].slice(SPLIT)) > 6
    ]
    assert [[s.slice(SPLIT) for s in found] for found in spans] == [["重慶市科學技\n術協會"]]


def test_the_simplified_twin_names_the_same_entities_without_traditional_aliases() -> None:
    traditional = extract_text(TRADITIONAL, "t")
    simplified = extract_text(t2s(TRADITIONAL), "s")
    assert {e.key for e in traditional.entities} == {e.key for e in simplified.entities}
    association = simplified.entity("Organization/重庆市科学技术协会")
    assert "重慶市科學技術協會" not in association.aliases
    assert all(t2s(alias) == alias for e in simplified.entities for alias in e.aliases)


def test_the_traditional_surface_is_an_altlabel_in_the_graph() -> None:
    graph = article_graph(extract_text(TRADITIONAL, "surfaces"))
    node = entity_iri("Organization", "重庆市科学技术协会")
    labels = {str(o) for o in graph.objects(node, SKOS.altLabel)}
    assert {"重慶市科學技術協會", "重慶市科協"} <= labels
    assert Literal("重慶市科學技術協會", lang="zh") in set(graph.objects(node, SKOS.altLabel))
