"""Deterministic IRIs (the scheme is documented in README.md, section "IRIs").

* an entity: ``kxr:<class>/<name>``, where ``<class>`` is the lower-cased top-level class and
  ``<name>`` the canonical zh name with every character that is not a letter or digit
  percent-encoded (UTF-8). The same class and name always give the same IRI, in any article and
  build.
* an article: ``kxr:article/<id>``; its text (``nif:Context``): ``kxr:article/<id>/text``;
  its named graph: ``kxr:graph/article/<id>``.
* things found in an article carry its id and their original offsets:
  ``kxr:article/<id>/mention/<begin>-<end>``, ``.../evidence/<begin>-<end>``, and, with a short
  digest of what they state, ``.../assertion/<begin>-<end>/<digest>``, ``.../post/...``,
  ``.../figure/...``.
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Iterable

from rdflib import URIRef

from ..namespaces import KX, KXR
from ..records import Span

__all__ = [
    "ENTAILMENT_GRAPH",
    "LEXICON_GRAPH",
    "ONTOLOGY_GRAPH",
    "article_graph",
    "article_iri",
    "article_slug",
    "context_iri",
    "digest",
    "encode_segment",
    "entity_iri",
    "period_iri",
    "rule_iri",
    "span_iri",
]

ONTOLOGY_GRAPH = URIRef(f"{KXR}graph/ontology")
ENTAILMENT_GRAPH = URIRef(f"{KXR}graph/entailments")
LEXICON_GRAPH = URIRef(f"{KXR}graph/lexicon")

_SAFE_ASCII = frozenset("-._~")


def encode_segment(name: str) -> str:
    """Return ``name`` as one IRI path segment: letters and digits kept, all else percent-encoded.

    The mapping is injective, so two different names never share a segment.
    """
    if not name:
        raise ValueError("cannot mint an IRI segment from an empty name")
    out: list[str] = []
    for ch in name:
        if (ch.isascii() and (ch.isalnum() or ch in _SAFE_ASCII)) or (
            not ch.isascii()
            and ch.isalnum()
            and unicodedata.category(ch) in {"Lo", "Lu", "Ll", "Nd"}
        ):
            out.append(ch)
        else:
            out.extend(f"%{b:02X}" for b in ch.encode("utf-8"))
    return "".join(out)


def article_slug(stem: str) -> str:
    """Return the article id for a file stem: NFKC, lower-case ASCII, spaces to ``-``, then
    encoded."""
    norm = unicodedata.normalize("NFKC", stem).strip().lower().replace(" ", "-")
    return encode_segment(norm or "article")


def digest(*parts: object) -> str:
    """Return a short stable digest (8 hex digits) of ``parts``."""
    h = hashlib.sha256("\x1f".join(str(p) for p in parts).encode("utf-8"))
    return h.hexdigest()[:8]


def entity_iri(cls: str, zh: str) -> URIRef:
    """Return the IRI of the entity of top-level class ``cls`` named ``zh``."""
    return URIRef(f"{KXR}{cls.lower()}/{encode_segment(zh)}")


def article_iri(article_id: str) -> URIRef:
    """Return the IRI of the article resource."""
    return URIRef(f"{KXR}article/{article_id}")


def context_iri(article_id: str) -> URIRef:
    """Return the IRI of the article's ``nif:Context`` (its original text)."""
    return URIRef(f"{KXR}article/{article_id}/text")


def article_graph(article_id: str) -> URIRef:
    """Return the IRI of the named graph that holds what the article states."""
    return URIRef(f"{KXR}graph/article/{article_id}")


def span_iri(article_id: str, kind: str, spans: Iterable[Span], *extra: object) -> URIRef:
    """Return ``kxr:article/<id>/<kind>/<begin>-<end>[/<digest of extra>]`` for the spans."""
    spans = list(spans)
    begin = min(s.begin for s in spans)
    end = max(s.end for s in spans)
    tail = f"/{digest(*extra)}" if extra else ""
    return URIRef(f"{KXR}article/{article_id}/{kind}/{begin}-{end}{tail}")


def rule_iri(rule: str) -> URIRef:
    """Return the IRI of an extraction rule (a ``kx:ExtractionRule``, a ``prov:Activity``)."""
    return URIRef(f"{KXR}rule/{encode_segment(rule)}")


def period_iri(period: str) -> URIRef:
    """Return the IRI for a period: ``kx:FYP13`` / ``kx:FYP14`` for the plans, else
    ``kxr:year/<y>``."""
    fyp = {"十三五": "FYP13", "十四五": "FYP14", "十二五": "FYP12", "十五五": "FYP15"}
    if period in fyp:
        return KX[fyp[period]]
    return URIRef(f"{KXR}period/{encode_segment(period)}")
