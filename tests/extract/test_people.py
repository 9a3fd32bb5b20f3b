"""People and posts on short sentences written for the purpose."""

from __future__ import annotations

import pytest

from kexie_graph.extract.candidates import Candidate
from kexie_graph.extract.people import find_bylines, find_posts, name_at


@pytest.mark.parametrize(
    ("text", "pos", "name"),
    [
        ("李明华介绍说", 0, "李明华"),
        ("王强表示", 0, "王强"),
        ("欧阳振华出席", 0, "欧阳振华"),
        ("记者 赵雪摄", 3, "赵雪"),
        ("(本报记者 钱程)", 6, "钱程"),
        ("发展战略", 0, None),  # no surname
        ("和平发展", 0, None),
    ],
)
def test_name_at(text: str, pos: int, name: str | None) -> None:
    assert name_at(text, pos) == name


def _orgs(*cands: Candidate):  # type: ignore[no-untyped-def]
    ends = {c.end: c for c in cands}
    return lambda pos: ends.get(pos)


def test_chain_of_posts_with_one_organisation() -> None:
    text = "省科协党组书记、常务副主席陈立新出席会议。"
    org = Candidate(0, 3, "Organization", "某省科学技术协会", "test")
    hits = find_posts(text, _orgs(org))
    assert {(h.person.name, h.org.name if h.org else None, h.title) for h in hits} == {
        ("陈立新", "某省科学技术协会", "常务副主席"),
        ("陈立新", "某省科学技术协会", "党组书记"),
    }


def test_academician_and_chair() -> None:
    text = "中国科学院院士、省科协主席周建平作报告。"
    cas = Candidate(0, 5, "Organization", "中国科学院", "test")
    sast = Candidate(8, 11, "Organization", "某省科学技术协会", "test")
    hits = find_posts(text, _orgs(cas, sast))
    assert {(h.person.name, h.org.name if h.org else None, h.title) for h in hits} == {
        ("周建平", "中国科学院", "院士"),
        ("周建平", "某省科学技术协会", "主席"),
    }


def test_reverse_order() -> None:
    text = "会议选举,刘思远任市科协主席。"
    org = Candidate(9, 12, "Organization", "某市科学技术协会", "test")
    hits = find_posts(text, _orgs(org))
    assert [(h.person.name, h.title) for h in hits] == [("刘思远", "主席")]


def test_no_post_without_a_name() -> None:
    assert find_posts("市科协主席团会议召开。", _orgs()) == []


def test_bylines() -> None:
    text = "(某某日报记者 孙悦 通讯员 黄河)"
    paper = Candidate(1, 5, "Organization", "某某日报", "test")
    hits = find_bylines(text, _orgs(paper))
    assert [(b.person.name, b.role, b.publisher.name if b.publisher else None) for b in hits] == [
        ("孙悦", "记者", "某某日报"),
        ("黄河", "通讯员", None),
    ]


def test_photo_credit() -> None:
    text = "某某日报记者 许诺摄"
    paper = Candidate(0, 4, "Organization", "某某日报", "test")
    (b,) = find_bylines(text, _orgs(paper))
    assert (b.person.name, b.role) == ("许诺", "摄影")
