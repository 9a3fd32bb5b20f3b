"""Entity resolution across articles: one key (hence one IRI) per real-world entity.

Aliases, abbreviations and traditional forms of a name give the same canonical name in any article;
relative names (市科协) resolve to the body of each article's own place, so homonyms in different
places stay apart. Articles are short texts written for these tests.
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from kexie_graph.extract import extract_text
from kexie_graph.graph.iris import entity_iri
from kexie_graph.records import Reading


def _keys(text: str, article_id: str = "a", **meta: str) -> set[str]:
    return {e.key for e in extract_text(text, article_id, **meta).entities}


QINGDAO = (
    "本报讯（青岛日报记者 周一鸣）5月19日，市科协召开学术年会，"
    "中国科协有关负责人出席。市科协主席王大海致辞。"
)
CHONGQING = (
    "本报讯（重庆日报记者 李二平）3月18日，市科协召开全会，"
    "中国科协有关负责人出席。市科协主席潘小江讲话。"
)


def test_homonyms_in_different_places_stay_apart() -> None:
    qingdao, chongqing = _keys(QINGDAO), _keys(CHONGQING)
    assert "Organization/青岛市科学技术协会" in qingdao
    assert "Organization/重庆市科学技术协会" in chongqing
    shared = {k for k in qingdao & chongqing if k.startswith("Organization/")}
    assert shared == {"Organization/中国科学技术协会"}


@pytest.mark.parametrize(
    ("first", "second", "key"),
    [
        # an abbreviation the lexicon writes out
        (
            "本报讯 中科院成都分院与企业签约。",
            "新华社成都电 中国科学院成都分院与企业签约。",
            "Organization/中国科学院成都分院",
        ),
        # a division's 科协: short head, long head, relative name in an article of that division
        (
            "本报讯 绵阳市科协举办科普活动。",
            "本报讯 绵阳市科学技术协会举办科普活动。",
            "Organization/绵阳市科学技术协会",
        ),
        (
            "华龙网讯 重庆两江新区科协举办活动。",
            "本报讯 两江新区科协举办活动。",
            "Organization/重庆市两江新区科学技术协会",
        ),
        # a zone's abbreviated head
        (
            "本报讯 重庆高新区管委会发布通知。",
            "本报讯 重庆高新技术产业开发区管委会发布通知。",
            None,
        ),
        # a national body by its short name
        ("国网派员参加。", "国家电网派员参加。", "Organization/国家电网有限公司"),
    ],
)
def test_aliases_and_abbreviations_merge(first: str, second: str, key: str | None) -> None:
    a, b = _keys(first, "a"), _keys(second, "b")
    if key is not None:
        assert key in a and key in b
    else:  # the same set of organisations, whatever their canonical names
        assert {k for k in a if k.startswith("Organization/")} == {
            k for k in b if k.startswith("Organization/")
        }


SIMPLIFIED = "本报讯 无锡市人民政府与澳门科学技术协进会签署合作备忘录。无锡市副市长秦咏薪出席。"
TRADITIONAL = "本報訊 無錫市人民政府與澳門科學技術協進會簽署合作備忘錄。無錫市副市長秦詠薪出席。"


def _reading(text: str, article_id: str) -> Reading:
    return extract_text(text, article_id)


def test_a_traditional_article_gives_the_entities_of_its_simplified_twin() -> None:
    simplified, traditional = _reading(SIMPLIFIED, "s"), _reading(TRADITIONAL, "t")
    assert {e.key for e in traditional.entities} == {e.key for e in simplified.entities}
    assert "Organization/无锡市人民政府" in {e.key for e in traditional.entities}
    # offsets point into the traditional original
    for m in traditional.mentions:
        for span in m.spans:
            piece = TRADITIONAL[span.begin : span.end]
            assert piece and all(ch in TRADITIONAL for ch in piece)
    anchors = {TRADITIONAL[s.begin : s.end] for m in traditional.mentions for s in m.spans}
    assert "無錫市人民政府" in anchors


def test_a_declared_short_form_names_the_entity_of_the_full_name() -> None:
    first = _keys("本报讯 某某科学技术协进会（某某科协）举行年会。", "a")
    second = _keys("本报讯 某某科学技术协进会举行年会。", "b")
    orgs = {k for k in first if k.startswith("Organization/")}
    assert orgs and orgs == {k for k in second if k.startswith("Organization/")}


@pytest.fixture(scope="module")
def two_city_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from kexie_graph.corpus import build

    root = tmp_path_factory.mktemp("two-cities")
    (root / "articles").mkdir()
    (root / "articles" / "qingdao.txt").write_text(QINGDAO, encoding="utf-8")
    (root / "articles" / "chongqing.txt").write_text(CHONGQING, encoding="utf-8")
    build([root / "articles"], root / "build", validate=False)
    return root / "build"


def test_one_build_has_two_city_associations_and_one_national_one(two_city_build: Path) -> None:
    store = ox.Store()
    store.load(path=str(two_city_build / "kg.trig"), format=ox.RdfFormat.TRIG)
    q = """
    PREFIX schema: <https://schema.org/>
    SELECT ?e (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?a schema:mentions ?e } } GROUP BY ?e
    """
    counts = {str(row["e"].value): int(row["n"].value) for row in store.query(q)}
    cast = str(entity_iri("Organization", "中国科学技术协会"))
    qd = str(entity_iri("Organization", "青岛市科学技术协会"))
    cq = str(entity_iri("Organization", "重庆市科学技术协会"))
    assert counts[cast] == 2  # one node, named by both articles
    assert counts[qd] == 1 and counts[cq] == 1  # two 市科协 nodes, one per article
