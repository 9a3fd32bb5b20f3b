"""Curation: merge, rename, split, block, add and remove, each marked as curated in the graph."""

from __future__ import annotations

from pathlib import Path

import pytest

from kexie_graph.curation import apply_curation, load_curation
from kexie_graph.errors import CurationError
from kexie_graph.extract import extract_text
from kexie_graph.graph.build import article_graph
from kexie_graph.namespaces import KX
from kexie_graph.records import Reading

TEXT = "本报讯 今年,青岛市科协与山东省科协联合举办海洋科技论坛,青岛市科协主席王立新出席。"


def _curate(tmp_path: Path, yaml_text: str) -> tuple[Reading, Reading]:
    path = tmp_path / "curation.yaml"
    path.write_text(yaml_text, encoding="utf-8")
    reading = extract_text(TEXT, "qd", source="青岛日报")
    return reading, apply_curation(reading, load_curation(path))


def _keys(reading: Reading) -> set[str]:
    return {e.key for e in reading.entities}


def test_rename_keeps_the_old_name_as_alias(tmp_path: Path) -> None:
    before, after = _curate(
        tmp_path,
        "rename:\n  - entity: {class: Event, zh: 海洋科技论坛}\n"
        "    zh: 青岛海洋科技论坛\n    en: Qingdao Ocean Forum\n",
    )
    assert "Event/海洋科技论坛" in _keys(before)
    ent = next(e for e in after.entities if e.zh == "青岛海洋科技论坛")
    assert (
        "海洋科技论坛" in ent.aliases
        and ent.en == "Qingdao Ocean Forum"
        and ent.source == "curated"
    )
    assert any(r.object == ent.key for r in after.relations)
    graph = article_graph(after)
    assert (None, KX.curated, None) in graph


def test_block_removes_entity_and_facts(tmp_path: Path) -> None:
    _, after = _curate(tmp_path, "block:\n  - {class: Event, zh: 海洋科技论坛}\n")
    assert "Event/海洋科技论坛" not in _keys(after)
    assert not any("海洋科技论坛" in r.object for r in after.relations)


def test_merge(tmp_path: Path) -> None:
    _, after = _curate(
        tmp_path,
        "merge:\n  - into: {class: Event, zh: 海洋论坛}\n"
        "    from: [{class: Event, zh: 海洋科技论坛}]\n",
    )
    assert "Event/海洋论坛" in _keys(after) and "Event/海洋科技论坛" not in _keys(after)


def test_split_in_one_article(tmp_path: Path) -> None:
    _, after = _curate(
        tmp_path,
        "split:\n  - entity: {class: Event, zh: 海洋科技论坛}\n    article: qd\n"
        "    into: {class: Event, zh: 2023海洋科技论坛}\n",
    )
    assert "Event/2023海洋科技论坛" in _keys(after)


def test_add_and_remove(tmp_path: Path) -> None:
    before, after = _curate(
        tmp_path,
        "add:\n  - {article: qd, subject: {class: Organization, zh: 山东省科学技术协会},"
        " predicate: hosts, object: {class: Event, zh: 海洋科技论坛},"
        " evidence: 山东省科协联合举办海洋科技论坛}\n"
        "remove:\n  - {subject: {class: Organization, zh: 青岛市科学技术协会},"
        " predicate: partner_of, object: {class: Organization, zh: 山东省科学技术协会}}\n",
    )
    added = [r for r in after.relations if r.rule == "curation"]
    assert [(r.subject, r.predicate) for r in added] == [
        ("Organization/山东省科学技术协会", "hosts")
    ]
    assert (
        TEXT[added[0].evidence[0].begin : added[0].evidence[0].end]
        == "山东省科协联合举办海洋科技论坛"
    )
    assert any(r.predicate == "partner_of" for r in before.relations)
    assert not any(r.predicate == "partner_of" for r in after.relations)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("rename: [{entity: {class: Nope, zh: x}, zh: y}]", "class"),
        ("frobnicate: []", "top level"),
        ("add: [{article: qd, predicate: nope}]", "predicate"),
        ("rename: [{entity: {class: Event, zh: x}}]", "new zh"),
        ("\xff\xfe", "UTF-8"),
    ],
)
def test_malformed_files_are_refused(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "bad.yaml"
    path.write_bytes(
        content.encode("latin-1") if content.startswith("\xff") else content.encode("utf-8")
    )
    with pytest.raises(CurationError, match=message):
        load_curation(path)


def test_evidence_must_be_in_the_article(tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    path.write_text(
        "add:\n  - {article: qd, subject: {class: Organization, zh: 甲}, predicate: runs,"
        " object: {class: Event, zh: 乙}, evidence: 不在文中}\n",
        encoding="utf-8",
    )
    with pytest.raises(CurationError, match="not in article"):
        apply_curation(extract_text(TEXT, "qd"), load_curation(path))
