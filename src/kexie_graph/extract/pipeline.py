"""extract(article) -> Reading: the whole extractor, stage by stage.

1. the reading text (:mod:`kexie_graph.text`): NFKC, traditional -> simplified, page layout
repaired;
2. the article's home place (dateline, publisher, places named), so 市科协 resolves in context;
3. candidates: lexicon and gazetteer, relative abbreviations, titles, quotes, sessions, head nouns,
   people; the longest, most certain candidates win where they overlap (flat annotation);
4. entities: candidates grouped by class and canonical name, short forms merged into their full
names;
5. facts: posts and bylines, relations by clause patterns, figures;
6. every span mapped back to the ORIGINAL text.
"""

from __future__ import annotations

import hashlib
import itertools
import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import replace
from decimal import Decimal

from ..records import Article, Entity, Figure, Mention, Post, Reading, Relation, Span, entity_key
from ..text import paragraphs, prepare, sentences
from ..text.normalize import ReadingText
from . import grammar
from .candidates import Candidate, record
from .clauses import MentionRef
from .context import Context, build_context
from .figures import find_figures
from .heads import HEADS
from .people import (
    HEADS_OF_GOVERNMENT,
    Byline,
    PostHit,
    find_bylines,
    find_named_people,
    find_posts,
    split_title,
)
from .relations import RelHit, find_relations

__all__ = ["extract", "extract_text"]


def extract_text(text: str, article_id: str = "article", **meta: str | None) -> Reading:
    """Extract from a string (a convenience for notebooks and tests)."""
    return extract(Article(id=article_id, text=text, **meta))  # type: ignore[arg-type]


def extract(article: Article) -> Reading:
    """Read one article and return everything it states, with offsets into its original text."""
    rt = prepare(article.text)
    text = rt.text
    ctx = build_context(text, article)
    chosen = _select(_base_candidates(text, ctx))
    chosen = _select(chosen + _second_pass(text, chosen, ctx))
    chosen = _select(chosen + _events_after_short_forms(text, chosen))
    hosts = _ending_at_any(chosen, ("Organization", "Place", "Platform"))
    posts = find_posts(text, hosts, [c for c in chosen if c.cls == "Organization"])
    bylines = find_bylines(text, _ending_at(chosen, "Organization"))
    plans, bodies = _plan_posts(posts, ctx)
    people = [p.person for p in posts] + [b.person for b in bylines] + find_named_people(text)
    chosen = _select(chosen + people + bodies)
    chosen = _company_relatives(_adopt_classes(chosen))
    chosen, brands = _inner_brands(_declared_short_forms(chosen, ctx), ctx)
    entities, key_of = _resolve(chosen, ctx, rt)
    entities += _place_word_entities(ctx, {e.key for e in entities})
    parents_named = _parents_of_terms(chosen, key_of, entities, text)
    entities += [entity for entity, _, _ in parents_named]
    ents_by_key = {e.key: e for e in entities}

    mentions_r = [
        MentionRef(c.begin, c.end, key_of[id(c)], c.cls) for c in chosen if id(c) in key_of
    ]
    mentions_r.sort(key=lambda m: m.begin)
    if ctx.dateline is not None:  # the dateline's paper and city state nothing of the news
        db, de = ctx.dateline
        mentions_r = [m for m in mentions_r if not (db <= m.begin and m.end <= de)]
    sents = sentences(text)
    hits: list[RelHit] = []
    hits += _name_relations(chosen, key_of, ents_by_key, ctx)
    for outer, inner in brands:
        if id(outer) in key_of and id(inner) in key_of:
            hits.append(
                RelHit(
                    key_of[id(outer)],
                    "part_of",
                    key_of[id(inner)],
                    outer.begin,
                    outer.end,
                    "name.inner-brand",
                )
            )
    brand_of = {
        key_of[id(o)]: key_of[id(i)] for o, i in brands if id(o) in key_of and id(i) in key_of
    }
    subject_refs = [
        MentionRef(b, e, ctx.home_association, "Subject")
        for b, e in ctx.subject_phrases
        if ctx.home_association
    ]
    taken = [(m.begin, m.end) for m in mentions_r]
    subject_refs = [s for s in subject_refs if not any(b < s.end and s.begin < e for b, e in taken)]
    hits += find_relations(
        text,
        sents,
        sorted(mentions_r + subject_refs, key=lambda m: m.begin),
        main_actor=ctx.main_actor or _main_actor(mentions_r),
        article_year=ctx.year,
        kind_of=lambda k: ents_by_key[k].kind if k in ents_by_key else None,
        parts_of=lambda k: _parts(k, hits),
    )
    # an organisation that runs a program named after its brand runs the brand too (中国科协“科创中
    # 国”试点城市)
    hits += [
        RelHit(h.subject, "runs", brand_of[h.object], h.begin, h.end, h.rule, h.when)
        for h in hits
        if h.rule == "construction.org-program" and h.object in brand_of
    ]
    hits += _attendance(text, sents, mentions_r)
    relations = [
        _relation(rt, h) for h in hits if h.subject in ents_by_key and h.object in ents_by_key
    ]
    post_records: list[Post] = []
    # a person found twice at one place (南昌大学校长刘耀彬当选为…: by the chain and by the
    # election) is one mention; either finding's posts are the mention's
    person_at = {
        (c.begin, c.end): key_of[id(c)] for c in chosen if c.cls == "Person" and id(c) in key_of
    }
    for plan in plans:
        person = key_of.get(id(plan.person)) or person_at.get((plan.person.begin, plan.person.end))
        org = key_of.get(id(plan.org)) or _known(ents_by_key, plan.org)
        if person is None or org is None:
            continue
        ev = rt.to_original(plan.begin, plan.end)
        post_records.append(Post(person, org, plan.role, ev, plan.rule))
        if plan.role == "院士":
            relations.append(
                Relation(person, "member_of", org, ev, role="院士", rule="post.academician")
            )
    for b in bylines:
        if id(b.person) not in key_of:
            continue
        person = key_of[id(b.person)]
        ev = rt.to_original(b.begin, b.end)
        relations.append(Relation(person, "reports", article.id, ev, role=b.role, rule="byline"))
        for paper in _byline_papers(b, chosen, key_of, ctx):
            post_records.append(
                Post(person, paper, "记者" if b.role == "摄影" else b.role, ev, "byline")
            )
    if ctx.publisher_key and ctx.publisher_key in ents_by_key and ctx.publisher_evidence:
        pb, pe = ctx.publisher_evidence
        relations.append(
            Relation(
                ctx.publisher_key, "publishes", article.id, rt.to_original(pb, pe), rule="dateline"
            )
        )

    # 4人当选为专职副主席: a count of the people appointed is about the body they are appointed in
    appointed = [
        (p.begin, p.end, key_of.get(id(p.org)) or _known(ents_by_key, p.org))
        for p in plans
        if p.rule in {"post.appointment", "post.election"}
    ]
    figures = _figures(rt, sents, mentions_r, ctx, ents_by_key, [a for a in appointed if a[2]])
    mentions = [
        Mention(key_of[id(c)], rt.to_original(c.begin, c.end), c.rule)
        for c in chosen
        if id(c) in key_of
    ]
    for wb, we, key in ctx.place_words:
        if key in ents_by_key and not any(c.begin < we and wb < c.end for c in chosen):
            mentions.append(Mention(key, rt.to_original(wb, we), "context.home-place-word"))
    for entity, pb, pe in parents_named:
        mentions.append(Mention(entity.key, rt.to_original(pb, pe), "name.parent-of-term"))
    used = {m.entity for m in mentions}
    entities = [e for e in entities if e.key in used]
    meta = replace(
        article,
        title=article.title or ctx.title,
        date=article.date or ctx.date,
        source=article.source or ctx.source,
        sha256=article.sha256 or hashlib.sha256(article.text.encode("utf-8")).hexdigest(),
    )
    keys = {e.key for e in entities}
    relations = _unique(
        r for r in relations if r.subject in keys and (r.object in keys or r.object == article.id)
    )
    return Reading(
        article=meta,
        entities=tuple(sorted(entities, key=lambda e: e.key)),
        mentions=tuple(sorted(mentions, key=lambda m: (m.spans[0].begin, m.entity))),
        relations=tuple(relations),
        posts=tuple(
            _unique(p for p in post_records if p.person in keys and p.organization in keys)
        ),
        figures=tuple(f for f in figures if f.subject in keys),
    )


# ----------------------------------------------------------------------------- candidates


def _base_candidates(text: str, ctx: Context) -> list[Candidate]:
    # 中共 + 安吉县委: the party's short name opens the committee's name; it names no party there
    committees = {c.begin for c in ctx.abbreviation_candidates if c.name.startswith("中共")}
    out = [
        c
        for c in ctx.lexicon_candidates
        if not (c.name == "中国共产党" and c.end in committees and text[c.begin : c.end] == "中共")
    ]
    out += ctx.abbreviation_candidates
    out += grammar.find_titles(text)
    out += grammar.find_quoted(text)
    for c in grammar.find_paren_places(text):
        inside = c.name[c.name.find("(") + 1 : c.name.find(")")]
        place = ctx.gazetteer.resolve(inside, ctx.home.places)
        out.append(replace(c, located_in=place.zh) if place is not None else c)
    return out


def _second_pass(text: str, chosen: list[Candidate], ctx: Context) -> list[Candidate]:
    ends = _index_by_end(chosen)

    def org_before(pos: int) -> tuple[int, str] | None:
        c = ends.get(pos)
        return (c.begin, ctx.short_name(c)) if c is not None and c.cls == "Organization" else None

    # schemes a quoted brand names (“科创中国”产业科技服务团): unquoted bodies of that kind are its
    # members
    schemes = {
        c.name[c.name.rfind("”") + 1 :]: c.inner[0]
        for c in chosen
        if c.rule == "quoted.head.scheme" and c.inner
    }
    headed = [ctx.expand(c) for c in grammar.find_headed(text, ends.get, schemes)]
    # sessions and congresses of organisations the head grammar found too (江西省林学会第十一次…)
    ends = _index_by_end(chosen + [h for h in headed if h.cls == "Organization"])
    out = grammar.find_sessions(text, org_before)
    out += headed
    out += ctx.bare_subunits(text, chosen)
    return out


_EVENT_AFTER_SHORT = re.compile(
    r"[(（](?:以下)?简称[“\"]?[^”\"()（）]{1,12}[”\"]?[)）]"
    r"(?P<head>成立大会|代表大会|会员代表大会|揭牌仪式|启动仪式|成立仪式|年会|大会|论坛)"
)


def _events_after_short_forms(text: str, chosen: list[Candidate]) -> list[Candidate]:
    """X（简称“Y”）成立大会: the event of X, its name cut by the declaration of the short form.

    The event's mention is its head (the organisation keeps its own); its name is X's and the head.
    """
    out = []
    for c in chosen:
        if c.cls != "Organization":
            continue
        m = _EVENT_AFTER_SHORT.match(text, c.end)
        if m is not None:
            head = m.group("head")
            out.append(
                Candidate(
                    m.start("head"),
                    m.end("head"),
                    "Event",
                    c.name + head,
                    "head.event-after-short-form",
                    "Meeting",
                    95,
                    parent=c.name,
                )
            )
    return out


def _index_by_end(cands: Iterable[Candidate]) -> dict[int, Candidate]:
    out: dict[int, Candidate] = {}
    for c in cands:
        if c.end not in out or out[c.end].length < c.length:
            out[c.end] = c
    return out


def _ending_at(cands: list[Candidate], cls: str):  # type: ignore[no-untyped-def]
    ends = _index_by_end(c for c in cands if c.cls == cls)
    return ends.get


def _precedence(c: Candidate) -> tuple[int, int, int]:
    """Higher priority first, then longer, then earlier."""
    return (-c.priority, c.begin - c.end, c.begin)


def _select(cands: Sequence[Candidate]) -> list[Candidate]:
    """Keep non-overlapping candidates: higher priority first, then longer, then earlier.

    A longer grammar name that strictly contains kept names wins over them (flat annotation).
    """
    # the kept candidates, disjoint, in text order: those a new one overlaps are consecutive
    kept: list[Candidate] = []
    begins: list[int] = []
    for c in sorted(cands, key=_precedence):
        size = c.end - c.begin
        if size <= 0:
            continue
        last = bisect_left(begins, c.end)  # kept[:last] begin before c ends
        first = last
        while first > 0 and kept[first - 1].end > c.begin:
            first -= 1
        if first < last:
            if all(
                c.begin <= k.begin and k.end <= c.end and (k.end - k.begin) < size
                for k in kept[first:last]
            ) and c.rule.startswith(("head.", "session", "paren.", "quoted.head", "title.")):
                del kept[first:last]
                del begins[first:last]
            else:
                continue
        kept.insert(first, c)
        begins.insert(first, c.begin)
    return kept


# ----------------------------------------------------------------------------- entities


def _inner_brands(
    chosen: list[Candidate], ctx: Context
) -> tuple[list[Candidate], list[tuple[Candidate, Candidate]]]:
    """Add the brand quoted inside a name (科创中国 in “科创中国”试点城市) as a nested mention.

    Flat annotation has one exception: a quoted brand the lexicon knows, which ties the names built
    on it together. It becomes its own mention, nested inside the outer name's span.
    """
    out = list(chosen)
    pairs: list[tuple[Candidate, Candidate]] = []
    for c in chosen:
        for name in c.inner:
            entry = ctx.lexicon.get(name) or next(iter(ctx.lexicon.by_alias(name)), None)
            if entry is None or entry.cls != "Program":
                continue
            begin = ctx.text.find(name, c.begin, c.end)
            if begin < 0:
                continue
            inner = Candidate(
                begin,
                begin + len(name),
                "Program",
                entry.zh,
                "lexicon.inner-brand",
                entry.kind,
                0,
                en=entry.en,
                aliases=tuple(entry.aliases),
            )
            out.append(inner)
            pairs.append((c, inner))
    return sorted(out, key=lambda c: (c.begin, -c.end)), pairs


_COMPANY_RELATIVE = re.compile(r"(?:集团|公司)(?:科协|科学技术协会)(?P<body>第.+)?")


def _company_relatives(chosen: list[Candidate]) -> list[Candidate]:
    """集团科协, 公司科协 (and their 第N届委员会): the association of the one company the article
    names, as 市科协 is the association of the article's city. With no company, or several, the
    name is left as it is."""
    companies = {c.name for c in chosen if c.cls == "Organization" and c.kind == "Company"}
    if len(companies) != 1:
        return chosen
    company = next(iter(companies))
    out = []
    for c in chosen:
        m = _COMPANY_RELATIVE.fullmatch(c.name) if c.cls == "Organization" else None
        if m is None:
            out.append(c)
            continue
        association = company + "科学技术协会"
        name = association + (m.group("body") or "")
        parent = association if m.group("body") else company
        out.append(replace(c, name=name, parent=parent, aliases=(*c.aliases, c.name)))
    return out


#: a term's elected body at the end of a name (江西省林学会第九届理事会)
_TERM_BODY = re.compile(
    r"第[一二三四五六七八九十百零〇两\d]{1,4}届(?:全国)?(?:委员会|理事会|常务委员会|常务理事会)$"
)


def _parents_of_terms(
    chosen: list[Candidate], key_of: dict[int, str], entities: list[Entity], text: str
) -> list[tuple[Entity, int, int]]:
    """The associations whose term's body the article names, and nothing else of them
    (选举产生了江西省林学会第九届理事会): an entity each, mentioned by the name's first part.

    Returns (entity, begin, end) in the reading text, for organisations not otherwise named.
    """
    out: list[tuple[Entity, int, int]] = []
    seen = {e.key for e in entities}
    named = {name for e in entities for name in (e.zh, *e.aliases)}
    for c in chosen:
        if c.cls != "Organization" or not c.parent or id(c) not in key_of:
            continue
        if c.parent in named or grammar.is_relative_name(c.parent):
            continue  # named otherwise (省林学会 of 江西省林学会), or a relative name unresolved
        key = entity_key("Organization", c.parent)
        body = _TERM_BODY.search(text, c.begin, c.end)
        if key in seen or body is None or body.start() <= c.begin:
            continue
        seen.add(key)
        head = next(
            (h for h in HEADS if h.cls == "Organization" and c.parent.endswith(h.text)), None
        )
        entity = Entity("Organization", c.parent, kind=head.kind if head else None)
        out.append((entity, c.begin, body.start()))
    return out


def _adopt_classes(chosen: list[Candidate]) -> list[Candidate]:
    """A bare quoted name takes the class the article gives it elsewhere (“一区两群”区县: Place)."""
    known: dict[str, str] = {}
    for c in chosen:
        if not c.rule.startswith("quoted.bare"):
            known.setdefault(c.name, c.cls)
    return [
        replace(c, cls=known[c.name], kind=None)
        if c.rule.startswith("quoted.bare") and known.get(c.name, c.cls) != c.cls
        else c
        for c in chosen
    ]


_DECLARED_RE = re.compile(
    r"[”\"]?\s*[(（]\s*(?P<said>(?:以下|下文)?(?:简称|下称|又称|简称为))?\s*[“\"]?(?P<short>[^”\"()（）,，。;；]{2,12}?)[”\"]?\s*[)）]"
)


def _is_short_form(short: str, full: str) -> bool:
    """Whether ``short`` can abbreviate ``full``: same first character, its characters in order."""
    short, full = _strip(short), _strip(full)
    if not short or len(short) >= len(full) or short[0] != full[0]:
        return False
    it = iter(full)
    return all(ch in it for ch in short)


def _declared_short_forms(chosen: list[Candidate], ctx: Context) -> list[Candidate]:
    """Names the text declares short for a full name: X（简称“Y”）, X(Y).

    Every mention of Y then names X's entity. When Y and X end in the same head written short and
    long (中交集团科协 / 中国交通建设集团有限公司科学技术协会), what stands before the heads is
    declared
    too (中交集团 = 中国交通建设集团有限公司), and the full organisation is the parent of the unit.
    """
    ends = _index_by_end(chosen)
    declared: dict[str, Candidate] = {}
    for full in chosen:
        if full.cls not in {"Organization", "Program", "Event", "Platform", "Document"}:
            continue
        m = _DECLARED_RE.match(ctx.text, full.end)
        if m is None:
            continue
        short = m.group("short")
        surface = ctx.surface(full)
        if not (m.group("said") or _is_short_form(short, surface)):
            continue
        declared[short] = full
        for h_short, h_full in _HEAD_PAIRS:
            if (
                short.endswith(h_short)
                and full.name.endswith(h_full)
                and len(short) > len(h_short) + 1
            ):
                owner = full.name[: -len(h_full)]
                if owner.endswith(_COMPANY_TAILS) or owner.endswith(
                    tuple(h for h, _ in _HEAD_PAIRS)
                ):
                    kind = "Company" if owner.endswith(_COMPANY_TAILS) else None
                    declared[short[: -len(h_short)]] = replace(
                        full, name=owner, kind=kind, aliases=(), parent=None, rule="declared.owner"
                    )
                    if full.parent is None:
                        declared.setdefault(full.name, replace(full, parent=owner))
                break
    if not declared:
        return chosen
    del ends
    out = []
    for c in chosen:
        target = declared.get(ctx.surface(c)) or declared.get(c.name)
        if (
            target is not None
            and target is not c
            and (target.name != c.name or target.parent != c.parent)
        ):
            c = replace(
                c,
                cls=target.cls,
                name=target.name,
                kind=target.kind or c.kind,
                parent=target.parent,
                aliases=tuple(dict.fromkeys((*c.aliases, ctx.surface(c)))),
            )
        out.append(c)
    return out


#: a head written short and long (科协 / 科学技术协会), for declared short forms
_HEAD_PAIRS: tuple[tuple[str, str], ...] = (
    ("科协", "科学技术协会"),
    ("科协", "科协"),
    ("科学技术协会", "科学技术协会"),
    ("集团", "集团有限公司"),
    ("集团", "集团"),
    ("公司", "有限公司"),
)
_COMPANY_TAILS = ("有限公司", "集团", "公司", "有限责任公司")


def _family(c: Candidate) -> str | None:
    """Pilot names on the same brand are one program (“X”试点城市 = “X”国家级试点)."""
    if c.rule == "quoted.head" and c.kind == "PilotProgram" and c.inner:
        return f"pilot:{c.inner[0]}"
    return None


def _resolve(
    chosen: list[Candidate], ctx: Context, rt: ReadingText
) -> tuple[list[Entity], dict[int, str]]:
    """Group candidates into entities; merge short forms into the full names they abbreviate.

    Every surface form by which the article names an entity is one of its aliases (CONTRACT.md:
    an altLabel): as the reading text has it and as the original writes it (重庆市科学技术协会
    and 重慶市科學技術協會 in a traditional article; a name the page layout split, its pieces
    joined), unless it is the canonical name.
    """

    def surfaces(cands: list[Candidate]) -> set[str]:
        forms = {ctx.surface(c) for c in cands}
        return forms | {rt.original_surface(c.begin, c.end) for c in cands}

    groups: dict[str, list[Candidate]] = {}
    families: dict[str, str] = {}
    for c in chosen:
        key = entity_key(c.cls, c.name)
        fam = _family(c)
        if fam is not None:
            key = families.setdefault(fam, key)
        groups.setdefault(key, []).append(c)
    canon: dict[str, str] = {k: k for k in groups}
    names = {k: g[0].name for k, g in groups.items()}
    # a short form ends as its full name does (see _abbreviates): only names with the same last
    # two characters, once stripped, are compared, in the order of the groups
    tails: dict[str, list[str]] = {}
    for k, name in names.items():
        tails.setdefault(_strip(name)[-2:], []).append(k)
    for k, g in groups.items():
        c = g[0]
        if any(x.rule.startswith(("lexicon", "gazetteer", "abbrev", "declared")) for x in g):
            continue  # a name the lexicon knows, or the text declares, is no one's short form
        for k2 in tails[_strip(names[k])[-2:]]:
            if k2 == k or len(names[k2]) <= len(names[k]):
                continue
            if _abbreviates(names[k], names[k2], c.cls, groups[k2][0].cls):
                canon[k] = k2
                break
    entities: dict[str, Entity] = {}
    key_of: dict[int, str] = {}
    forms_of = {k: surfaces(g) for k, g in groups.items()}
    for k, g in groups.items():
        target = canon[k]
        while canon[target] != target:
            target = canon[target]
        c0 = groups[target][0]
        forms = forms_of[k] | forms_of[target]
        prev = entities.get(target)
        aliases = set(prev.aliases if prev else c0.aliases) | set(c0.aliases) | forms
        for c in g:
            aliases |= set(c.aliases)
        entities[target] = Entity(
            cls=c0.cls,
            zh=c0.name,
            en=c0.en,
            kind=c0.kind,
            aliases=tuple(sorted(a for a in aliases if a and a != c0.name)),
            parent=entity_key("Organization", c0.parent) if c0.parent else None,
            located_in=None,
            source="lexicon" if c0.rule.startswith(("lexicon", "gazetteer")) else "extracted",
        )
        for c in g:
            key_of[id(c)] = target
    return list(entities.values()), key_of


def _strip(name: str) -> str:
    return _UNNAMING.sub("", name)


#: what a comparison of names leaves out: quotes, title marks, brackets, dashes, digits, 年
_UNNAMING = re.compile(r"[“”《》\"'()（）\-\d年]")


def _abbreviates(short: str, full: str, cls_short: str, cls_full: str) -> bool:
    """Whether ``short`` is a short form of ``full``: same head, its characters in order in it."""
    if cls_short != cls_full and not (cls_short == "Program" and cls_full == "Document"):
        return False
    s, f = _strip(short), _strip(full)
    if len(s) < 4 or s == f:
        return (
            s == f and short != full and cls_short == cls_full and len(s) >= 4 and "“" not in short
        )
    if s[-2:] != f[-2:]:
        return False
    if s.endswith(_SHARED_HEADS) and len(s) >= 4:
        return False  # 贵州大学 and 贵州医科大学: institutions of one place share its name
    if _ORDINALS.findall(s) != _ORDINALS.findall(f)[: len(_ORDINALS.findall(s))]:
        return False  # 第十届理事会 is no short form of 第十一届理事会: numbers are not shortened
    it = iter(f)
    return all(ch in it for ch in s) and s[:2] in f


#: heads of institutions that several of one place carry (a short form of them is never the
#: place and the head: 川大, 重医 …)
_SHARED_HEADS = ("大学", "学院", "医院", "中学", "小学", "学校")

#: the numbers of terms, sessions and editions in a name (第十一届, 第三次, 首届)
_ORDINALS = re.compile(r"第([一二三四五六七八九十百零〇两\d]+)[届次期批]|首届")


# ----------------------------------------------------------------------------- relations from names


def _name_relations(
    chosen: list[Candidate], key_of: dict[int, str], ents: dict[str, Entity], ctx: Context
) -> list[RelHit]:
    hits: list[RelHit] = []
    for c in chosen:
        if id(c) not in key_of:
            continue
        key = key_of[id(c)]
        ent = ents[key]
        parent = ent.parent
        if parent and parent not in ents and c.parent:
            parent = ctx.nearest_known_parent(c.parent, ents)
        if parent and parent in ents and parent != key:
            pred = "runs" if c.cls == "Event" else "sub_organization_of"
            hits.append(
                RelHit(parent, pred, key, c.begin, c.end, "name.session")
                if pred == "runs"
                else RelHit(key, pred, parent, c.begin, c.end, "name.parent")
            )
        place = c.located_in or ctx.place_in(c.name)
        if c.rule == "quoted.place" and not any(
            o is not c and o.rule == "quoted.place" and c.name in o.name and o.name != c.name
            for o in chosen
        ):
            place = (
                ctx.home.city or ctx.home.province
            )  # a region of the article's own place (“一区两群”)
        if place and (c.cls in {"Place", "Platform"} or c.kind in _VENUE_KINDS):
            pkey = entity_key("Place", place)
            if pkey in ents and pkey != key:
                hits.append(RelHit(key, "located_in", pkey, c.begin, c.end, "name.place"))
        for brand in c.inner:
            if brand in ents and brand != key:
                hits.append(RelHit(key, "part_of", brand, c.begin, c.end, "name.inner-brand"))
    # a part named inside a compound place (“一区” in “一区两群”), and places named side by side
    places = [c for c in chosen if c.cls == "Place" and id(c) in key_of]
    for a in places:
        for b in places:
            if a is b or a.admin or b.admin:
                continue
            ka, kb = key_of[id(a)], key_of[id(b)]
            if ka != kb and len(a.name) < len(b.name) and a.name in b.name:
                hits.append(RelHit(ka, "part_of", kb, b.begin, b.end, "name.part-of-compound"))
    for a, b in itertools.pairwise(chosen):
        if (
            a.cls == "Place"
            and b.cls == "Place"
            and b.begin - a.end <= 0
            and not b.admin
            and id(a) in key_of
            and id(b) in key_of
        ):
            hits.append(
                RelHit(
                    key_of[id(b)],
                    "located_in",
                    key_of[id(a)],
                    a.begin,
                    b.end,
                    "name.place-in-place",
                )
            )
    return hits


#: organisations that are venues, located where their name says; bodies of a place (its 科协, its
#: government, its paper) are not said to be located there
_VENUE_KINDS = frozenset({"Museum", "University", "School", "Hospital"})


def _parts(key: str, hits: list[RelHit]) -> list[str]:
    return sorted({h.subject for h in hits if h.predicate == "part_of" and h.object == key})


def _main_actor(mentions: list[MentionRef]) -> str | None:
    counts = Counter(m.key for m in mentions if m.cls == "Organization")
    return counts.most_common(1)[0][0] if counts else None


def _relation(rt: ReadingText, h: RelHit) -> Relation:
    return Relation(
        h.subject, h.predicate, h.object, rt.to_original(h.begin, h.end), h.when, h.role, h.rule
    )


def _unique(items: Iterable) -> list:
    seen = set()
    out = []
    for x in items:
        if x not in seen:
            seen.add(x)
            out.append(x)
    return out


# ----------------------------------------------------------------------------- attendance

_ATTEND = re.compile(
    r"出席|参加|主持|致辞|讲话|见证|到场|作(?:了)?(?:工作|学术|主题)?报告|揭牌|颁发|领衔|率领"
)
_EVENT_WORD = re.compile(r"会议|仪式|大会|开幕式|闭幕式|年会|论坛|活动")


def _attendance(
    text: str, sents: list[tuple[int, int]], mentions: list[MentionRef]
) -> list[RelHit]:
    """People who attend, chair, speak at or witness an event take part in it.

    张三出席会议并讲话, 会议由李四主持, 王五、赵六等出席开幕式: the people named before the
    verb (or after 由) take part in the event the sentence names, or the one its 会议/仪式
    refers back to (the last event named before), with the verb as their role.
    """
    hits: list[RelHit] = []
    events = [m for m in mentions if m.cls == "Event"]
    persons = [m for m in mentions if m.cls == "Person"]  # in text order, as the mentions
    starts = [m.begin for m in persons]
    for sb, se in sents:
        people = persons[bisect_left(starts, sb) : bisect_left(starts, se)]
        if not people:
            continue
        verbs = list(_ATTEND.finditer(text, sb, se))
        if not verbs:
            continue
        own = [e for e in events if sb <= e.begin < se]
        event = own[0] if own else None
        if event is None and _EVENT_WORD.search(text, sb, se):
            earlier = [e for e in events if e.end <= sb]
            event = earlier[-1] if earlier else None
        if event is None:
            continue
        for person in people:
            after = [v for v in verbs if v.start() >= person.end]
            led = text.rfind("由", sb, person.begin) >= 0
            if not after or (after[0].start() - person.end > 60 and not led):
                continue
            verb = after[0]
            hits.append(
                RelHit(
                    person.key,
                    "participates_in",
                    event.key,
                    person.begin,
                    verb.end(),
                    "attendance",
                    None,
                    verb.group(0),
                )
            )
    return hits


# ----------------------------------------------------------------------------- posts


@record
class _PostPlan:
    """A post to record once the candidates are resolved: who, where, which role, evidence."""

    person: Candidate
    org: Candidate
    role: str
    begin: int
    end: int
    rule: str


_COMMITTEE_RE = re.compile(
    r"第[一二三四五六七八九十百\d]{1,4}届(?:委员会|理事会|常务委员会|常务理事会)$"
)


def _plan_posts(hits: list[PostHit], ctx: Context) -> tuple[list[_PostPlan], list[Candidate]]:
    """Decide each post's organisation and role; name the internal bodies that titles name.

    A state company's 党委 or 党组 is a body of its own (中交集团党委书记: 书记 of 中交集团党委); a
    zone's 党工委 and 管委会 are the zone's party working committee and administrative committee; a
    fused department title (统战部长) is 部长 of that department of the party committee. In other
    organisations the body stays in the role (中国科协党组书记: 党组书记 of 中国科协). A post in a
    第N届委员会 is also a post in its association.
    """
    plans: list[_PostPlan] = []
    bodies: dict[tuple[int, str], Candidate] = {}
    for h in hits:
        org = h.org
        if org is None:
            continue
        if org.rule == "post.org-before-body":
            org = bodies.setdefault((org.begin, org.name), org)
        unit, rest = split_title(h.title)
        role = h.title
        surface = ctx.text[org.begin : org.end]
        body: Candidate | None = None
        if unit in {"党委", "党组"} and org.cls == "Organization" and org.kind == "Company":
            body = Candidate(
                h.title_at,
                h.title_at + len(unit),
                "Organization",
                org.name + unit,
                "post.party-body",
                "PartyOrganization",
                60,
                aliases=(surface + unit,),
                parent=org.name,
            )
        elif unit == "党工委":
            body = Candidate(
                h.title_at,
                h.title_at + len(unit),
                "Organization",
                f"中共{org.name}工作委员会",
                "post.party-body",
                "PartyOrganization",
                60,
                aliases=(surface + unit,),
                located_in=org.name if org.cls == "Place" else None,
            )
        elif unit == "管委会":
            body = Candidate(
                h.title_at,
                h.title_at + len(unit),
                "Organization",
                f"{org.name}管理委员会",
                "post.zone-committee",
                "GovernmentBody",
                60,
                aliases=(surface + unit,),
                located_in=org.name if org.cls == "Place" else None,
            )
        elif (
            unit is not None
            and unit.endswith("部")
            and org.name.startswith("中共")
            and org.name.endswith("委员会")
        ):
            body = Candidate(
                h.title_at,
                h.title_at + len(unit),
                "Organization",
                org.name[: -len("委员会")] + "委" + unit,
                "post.party-department",
                "PartyDepartment",
                60,
                aliases=(unit,),
                parent=org.name,
            )
        elif org.cls == "Place" and h.title.endswith(HEADS_OF_GOVERNMENT):
            # 副市长 of 无锡市: a post in the place's people's government
            body = Candidate(
                org.begin,
                org.end,
                "Organization",
                f"{org.name}人民政府",
                "post.government",
                "GovernmentBody",
                60,
                aliases=(surface + "政府",),
                located_in=org.name,
            )
            plans.append(_PostPlan(h.person, body, role, h.begin, h.end, h.rule))
            continue
        elif org.cls == "Platform":
            body = replace(org, cls="Organization", kind=None, rule="post.platform-as-body")
            body = bodies.setdefault((org.begin, body.name), body)
            plans.append(_PostPlan(h.person, body, role, h.begin, h.end, h.rule))
            continue
        elif org.cls != "Organization" or (unit is not None and unit.endswith("部")):
            continue
        if body is not None:
            body = bodies.setdefault((body.begin, body.name), body)
            org, role = body, rest
        plans.append(_PostPlan(h.person, org, role, h.begin, h.end, h.rule))
        if _COMMITTEE_RE.search(org.name) and org.parent:
            parent = Candidate(org.begin, org.end, "Organization", org.parent, org.rule)
            plans.append(_PostPlan(h.person, parent, role, h.begin, h.end, h.rule))
    return plans, list(bodies.values())


def _place_word_entities(ctx: Context, have: set[str]) -> list[Entity]:
    """The home place named only by 全省, 我省 … (a 本报讯 article that never writes 福建)."""
    out = []
    for key in dict.fromkeys(k for _, _, k in ctx.place_words):
        if key in have:
            continue
        place = ctx.gazetteer.get(key.split("/", 1)[1])
        if place is not None:
            entity = ctx.gazetteer.to_entity(place)
            out.append(replace(entity, aliases=()))
    return out


def _known(ents: dict[str, Entity], c: Candidate) -> str | None:
    """The key of an entity the reading has under the candidate's name (a parent named by rule)."""
    key = entity_key(c.cls, c.name)
    if key in ents:
        return key
    return next((e.key for e in ents.values() if e.cls == c.cls and c.name in e.aliases), None)


def _byline_papers(
    b: Byline, chosen: list[Candidate], key_of: dict[int, str], ctx: Context
) -> list[str]:
    """The papers a byline credits: its own (青岛日报/观海新闻记者: both), else the dateline's."""
    papers: list[str] = []
    pub = b.publisher
    while pub is not None and id(pub) in key_of:
        papers.append(key_of[id(pub)])
        if pub.begin > 0 and ctx.text[pub.begin - 1] in "/·・":
            pub = next(
                (c for c in chosen if c.end == pub.begin - 1 and c.cls == "Organization"), None
            )
            continue
        break
    near = ctx.dateline is not None and ctx.dateline[0] <= b.begin <= ctx.dateline[1] + 30
    if not papers and near and ctx.publisher_key:
        papers.append(ctx.publisher_key)
    return papers


def _ending_at_any(cands: list[Candidate], classes: tuple[str, ...]):  # type: ignore[no-untyped-def]
    ends = _index_by_end(c for c in cands if c.cls in classes)
    return ends.get


# ----------------------------------------------------------------------------- figures


def _headline_topic(text: str, mentions: list[MentionRef]) -> str | None:
    """What the headline is about: the event it names, else the programme (the default subject of
    figures whose sentence and paragraph name nothing: 现场共分5个展区 in a report of the event)."""
    end = 0
    for line in text.split("\n"):
        if "。" in line or len(line.strip()) > 60:
            break
        end += len(line) + 1
    inside = [m for m in mentions if m.end <= end]
    for cls in ("Event", "Program"):
        found = [m for m in inside if m.cls == cls]
        if found:
            return found[0].key
    return None


#: words before a place word that make it the group a figure is compared with
_COMPARED_BEFORE = re.compile(r"(?:排名|排在|位居|位列|名列|居|列|高于|低于|超过|领先|在)$")


def _figures(
    rt: ReadingText,
    sents: list[tuple[int, int]],
    mentions: list[MentionRef],
    ctx: Context,
    ents: dict[str, Entity],
    appointed: Sequence[tuple[int, int, str | None]] = (),
) -> list[Figure]:
    refs = list(mentions)
    text = rt.text
    refs += [
        MentionRef(b, e, k, "Place")
        for b, e, k in ctx.place_words
        # 排名全国第8位, 高于全省平均水平: the group compared with, not what the figure is about
        if not _COMPARED_BEFORE.search(text, max(0, b - 3), b)
        and not text.startswith(("平均", "同类", "前列"), e)
    ]
    refs.sort(key=lambda r: r.begin)
    hits = find_figures(
        rt.text,
        sents,
        refs,
        default_subject=ctx.main_actor,
        article_year=ctx.year,
        topic_subject=_headline_topic(rt.text, mentions),
    )
    out = []
    for h in hits:
        body = next(
            (k for b, e, k in appointed if b <= h.number_begin < e and h.unit == "persons"), None
        )
        subject = body or h.subject
        if subject not in ents:
            continue
        out.append(
            Figure(
                indicator=h.indicator,
                subject=subject,
                value=Decimal(h.value),
                unit=h.unit,
                kind=h.kind,
                evidence=rt.to_original(h.begin, h.end),
                year=h.year,
                comparator=h.comparator,
                rule=h.rule,
            )
        )
    return out


_ = (Span, paragraphs)
