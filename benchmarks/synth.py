"""Synthetic corpora shaped like kexie-graph's output, for the store benchmark.

Each article has its own named graph holding what ARCHITECTURE.md says an article states: the
article with its nif:Context (a few hundred characters of text), the entities it names (types,
zh/en labels, an alias, parents) restated in every article that names them, a mention per name,
evidence spans, relation triples with their kx:Assertion, posts held by people, and figures.
Entity popularity is skewed (a few organisations appear in most articles, as 中国科协 does), the
lexicon graph holds the entities, and an entailment graph holds superclass types, inverse
sub-organisation links and symmetric partners, as a build materialises them.

    python benchmarks/synth.py --triples 1000000 --out benchmarks/work/synth-1M.nq

Output is N-Quads (the generator writes lines directly, so 3M triples take seconds). The same
seed gives the same file.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections.abc import Iterator
from pathlib import Path

__all__ = ["generate", "main"]

KX = "https://w3id.org/kexie-graph/ontology#"
KXR = "https://w3id.org/kexie-graph/id/"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
XSD = "http://www.w3.org/2001/XMLSchema#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
ORG = "http://www.w3.org/ns/org#"
SCHEMA = "https://schema.org/"
PROV = "http://www.w3.org/ns/prov#"
DCT = "http://purl.org/dc/terms/"
NIF = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"
ITS = "http://www.w3.org/2005/11/its/rdf#"

PLACES = [
    *("北京", "上海", "天津", "重庆", "大连", "青岛", "宁波", "厦门", "深圳", "成都"),
    *("武汉", "西安", "南京", "杭州", "长沙", "郑州", "济南", "沈阳", "哈尔滨", "昆明"),
]
ORG_KINDS = [
    ("ScienceAssociation", "科学技术协会"),
    ("LearnedSociety", "学会"),
    ("University", "大学"),
    ("ResearchInstitute", "研究院"),
    ("GovernmentBody", "科学技术局"),
    ("Company", "科技有限公司"),
    ("Museum", "科技馆"),
]
FIELDS = [
    *("林学", "物理", "化学", "医学", "农业", "机械", "电子", "计算机"),
    *("气象", "海洋", "地质", "生物", "材料", "能源", "环境"),
]
PROGRAMS = [
    *("科普中国", "院士专家工作站", "全国科技工作者日", "科技活动周"),
    *("创新驱动助力工程", "科普示范社区", "青少年科技创新大赛"),
]
ROLES = ["主席", "副主席", "党组书记", "秘书长", "院士", "理事长", "记者"]
RELATIONS = ["partnerOf", "coOrganizes", "organizes", "undertakes", "supports", "participatesIn"]
INDICATORS = ["公民具备科学素质比例", "科普场馆数量", "参与人数", "学会数量", "科技工作者人数"]
SURNAMES = list("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗")
GIVEN = list("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华")
FILLER = (
    "会议强调，要深入学习贯彻党的精神，推动科技创新和科学普及两翼齐飞，服务经济社会高质量发展。"
)


def _iri(path: str) -> str:
    return f"<{KXR}{path}>"


def _lit(text: str, lang: str | None = None, datatype: str | None = None) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    if lang:
        return f'"{escaped}"@{lang}'
    if datatype:
        return f'"{escaped}"^^<{datatype}>'
    return f'"{escaped}"'


def _int(n: int, datatype: str = "integer") -> str:
    return f'"{n}"^^<{XSD}{datatype}>'


class _Entities:
    """The entity pool: organisations with parents, people, programs; names are unique."""

    def __init__(self, rng: random.Random, scale: int) -> None:
        self.orgs: list[tuple[str, str, str, str | None]] = []  # (iri, kind, zh, parent iri)
        national = _iri("organization/中国科学技术协会")
        self.orgs.append((national, "ScienceAssociation", "中国科学技术协会", None))
        n_orgs = max(50, scale // 40)
        for i in range(n_orgs):
            kind, suffix = ORG_KINDS[i % len(ORG_KINDS)]
            place = PLACES[i % len(PLACES)]
            field = FIELDS[(i // len(PLACES)) % len(FIELDS)]
            name = f"{place}市{field}{suffix}{i // (len(PLACES) * len(FIELDS)) or ''}"
            parent = national if kind == "ScienceAssociation" else rng.choice(self.orgs)[0]
            self.orgs.append((_iri(f"organization/{name}"), kind, name, parent))
        # a name per person: surname x given name, then a number once those run out
        combos = len(SURNAMES) * len(GIVEN)
        self.people = [
            (_iri(f"person/{name}"), name)
            for name in (
                f"{SURNAMES[i % len(SURNAMES)]}{GIVEN[(i // len(SURNAMES)) % len(GIVEN)]}"
                f"{i // combos or ''}"
                for i in range(max(30, scale // 60))
            )
        ]
        self.programs = [
            (_iri(f"program/{name}{i // len(PROGRAMS) or ''}"), f"{name}{i // len(PROGRAMS) or ''}")
            for i, name in enumerate(PROGRAMS * max(1, scale // 2000))
        ]
        # Zipf-like popularity: a few entities appear in most articles
        self.org_weights = [1.0 / (rank + 1) for rank in range(len(self.orgs))]


def _article(rng: random.Random, pool: _Entities, n: int) -> Iterator[str]:
    art = f"article/a{n:07d}"
    graph = _iri(f"graph/{art}")
    a = _iri(art)
    ctx = _iri(f"{art}/text")
    orgs = rng.choices(pool.orgs, weights=pool.org_weights, k=rng.randint(3, 7))
    orgs = list(dict.fromkeys(orgs))
    people = rng.sample(pool.people, k=rng.randint(1, 3))
    programs = rng.sample(pool.programs, k=rng.randint(0, 2))
    names = [o[2] for o in orgs] + [p[1] for p in people] + [p[1] for p in programs]
    text = "".join(f"{name}{FILLER[: rng.randint(10, len(FILLER))]}" for name in names)
    year = rng.randint(2016, 2024)

    def q(s: str, p: str, o: str) -> str:
        return f"{s} <{p}> {o} {graph} .\n"

    yield q(a, RDF + "type", f"<{SCHEMA}NewsArticle>")
    yield q(a, RDF + "type", f"<{PROV}Entity>")
    yield q(a, DCT + "title", _lit(f"{names[0]}召开会议{n}", "zh"))
    yield q(
        a,
        DCT + "date",
        _lit(f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}", datatype=XSD + "date"),
    )
    yield q(a, KX + "sourceFile", _lit(f"a{n:07d}.txt"))
    yield q(a, KX + "text", ctx)
    yield q(ctx, RDF + "type", f"<{NIF}Context>")
    yield q(ctx, NIF + "isString", _lit(text))
    yield q(ctx, NIF + "beginIndex", _int(0, "nonNegativeInteger"))
    yield q(ctx, NIF + "endIndex", _int(len(text), "nonNegativeInteger"))
    yield q(ctx, NIF + "sourceUrl", a)
    offset = 0
    entities = (
        [(o[0], o[2]) for o in orgs]
        + [(p[0], p[1]) for p in people]
        + [(p[0], p[1]) for p in programs]
    )
    for iri, name in entities:
        begin = text.index(name, offset)
        end = begin + len(name)
        offset = end
        m = _iri(f"{art}/mention/{begin}-{end}")
        yield q(a, SCHEMA + "mentions", iri)
        yield q(m, RDF + "type", f"<{NIF}Phrase>")
        yield q(m, NIF + "referenceContext", ctx)
        yield q(m, NIF + "beginIndex", _int(begin, "nonNegativeInteger"))
        yield q(m, NIF + "endIndex", _int(end, "nonNegativeInteger"))
        yield q(m, NIF + "anchorOf", _lit(name))
        yield q(m, ITS + "taIdentRef", iri)
        yield q(m, PROV + "wasGeneratedBy", _iri("rule/lexicon"))
    for iri, kind, name, parent in orgs:
        yield q(iri, RDF + "type", f"<{KX}{kind}>")
        yield q(iri, RDF + "type", f"<{KX}Organization>")
        yield q(iri, RDFS + "label", _lit(name, "zh"))
        yield q(iri, SKOS + "altLabel", _lit(name.replace("科学技术协会", "科协"), "zh"))
        if parent is not None:
            yield q(iri, ORG + "subOrganizationOf", parent)
    for iri, name in people:
        yield q(iri, RDF + "type", f"<{KX}Person>")
        yield q(iri, RDFS + "label", _lit(name, "zh"))
        post = _iri(f"{art}/post/{n}/{name}")
        role = ROLES[rng.randrange(len(ROLES))]
        yield q(post, RDF + "type", f"<{ORG}Post>")
        yield q(post, ORG + "postIn", orgs[0][0])
        yield q(post, ORG + "heldBy", iri)
        yield q(post, ORG + "role", _iri(f"role/{role}"))
        yield q(post, KX + "inArticle", a)
        yield q(iri, ORG + "holds", post)
    for iri, name in programs:
        yield q(iri, RDF + "type", f"<{KX}Program>")
        yield q(iri, RDFS + "label", _lit(name, "zh"))
    for i in range(rng.randint(1, 4)):
        s, o = rng.sample(entities, 2) if len(entities) > 1 else (entities[0], entities[0])
        rel = RELATIONS[rng.randrange(len(RELATIONS))]
        ev = _iri(f"{art}/evidence/{i * 10}-{i * 10 + 20}")
        asr = _iri(f"{art}/assertion/{i * 10}-{i * 10 + 20}/{rel}")
        yield q(s[0], KX + rel, o[0])
        yield q(ev, RDF + "type", f"<{KX}EvidenceSpan>")
        yield q(ev, NIF + "referenceContext", ctx)
        yield q(ev, NIF + "beginIndex", _int(i * 10, "nonNegativeInteger"))
        yield q(ev, NIF + "endIndex", _int(i * 10 + 20, "nonNegativeInteger"))
        yield q(ev, NIF + "anchorOf", _lit(text[i * 10 : i * 10 + 20]))
        yield q(asr, RDF + "type", f"<{KX}Assertion>")
        yield q(asr, RDF + "subject", s[0])
        yield q(asr, RDF + "predicate", f"<{KX}{rel}>")
        yield q(asr, RDF + "object", o[0])
        if rng.random() < 0.3:
            yield q(asr, KX + "during", f"<{KX}FYP13>")
        yield q(asr, PROV + "wasDerivedFrom", ev)
        yield q(asr, KX + "inArticle", a)
    for i in range(rng.randint(0, 3)):
        fig = _iri(f"{art}/figure/{i}/{n}")
        yield q(fig, RDF + "type", f"<{KX}Figure>")
        yield q(fig, KX + "indicator", _lit(INDICATORS[rng.randrange(len(INDICATORS))], "zh"))
        yield q(
            fig, RDF + "value", _lit(f"{rng.randint(1, 9999) / 10:.1f}", datatype=XSD + "decimal")
        )
        yield q(fig, KX + "unit", f"<{KX}{rng.choice(['Percent', 'PersonCount', 'Count'])}>")
        yield q(fig, KX + "figureKind", f"<{KX}{rng.choice(['Actual', 'Target', 'Change'])}>")
        yield q(fig, KX + "year", _lit(str(year)))
        yield q(fig, KX + "about", orgs[0][0])
        yield q(fig, KX + "inArticle", a)


def _shared(pool: _Entities) -> Iterator[str]:
    lexicon = _iri("graph/lexicon")
    entail = _iri("graph/entailments")
    for iri, kind, name, parent in pool.orgs:
        yield f"{iri} <{RDF}type> <{KX}{kind}> {lexicon} .\n"
        yield f"{iri} <{RDFS}label> {_lit(name, 'zh')} {lexicon} .\n"
        yield f"{iri} <{RDF}type> <{ORG}Organization> {entail} .\n"
        if parent is not None:
            yield f"{parent} <{ORG}hasSubOrganization> {iri} {entail} .\n"
    for iri, _ in pool.people:
        yield f"{iri} <{RDF}type> <http://xmlns.com/foaf/0.1/Person> {entail} .\n"
    for role in ROLES:
        yield f"{_iri('role/' + role)} <{RDFS}label> {_lit(role, 'zh')} {lexicon} .\n"


def generate(triples: int, seed: int = 7) -> Iterator[str]:
    """N-Quads lines, about ``triples`` of them (articles are added until the count is reached)."""
    rng = random.Random(seed)
    pool = _Entities(rng, triples // 60)
    count = 0
    for line in _shared(pool):
        count += 1
        yield line
    n = 0
    while count < triples:
        for line in _article(rng, pool, n):
            count += 1
            yield line
        n += 1


def main(argv: list[str] | None = None) -> int:
    """Write a synthetic corpus as N-Quads."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--triples", type=int, required=True, help="about how many quads to write")
    parser.add_argument("--out", type=Path, required=True, help="the .nq file to write")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8") as fh:
        fh.writelines(generate(args.triples, args.seed))
    return 0


if __name__ == "__main__":
    sys.exit(main())
