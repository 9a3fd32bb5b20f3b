"""Content negotiation for the SPARQL endpoint, driven by a table of formats.

The table maps each media type the endpoint can send to the name of the serializer the query layer
knows (``Result.serialize(name)``). Result sets (SELECT, ASK) and graphs (CONSTRUCT, DESCRIBE) have
separate tables because the same short name means different things: ``xml`` is SPARQL XML results
for a SELECT and RDF/XML for a CONSTRUCT.

A ``format=`` parameter, when given, wins over the ``Accept`` header (a browser address bar
cannot set headers). Among ``Accept`` ranges the highest ``q`` wins; at equal ``q`` an exact media
type beats a wildcard, then the range listed first, then the table's order (the first row is the
default).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

__all__ = [
    "GRAPH_FORMATS",
    "RESULT_FORMATS",
    "Format",
    "FormatKind",
    "NotAcceptable",
    "choose_format",
    "formats_for",
    "parse_accept",
]

FormatKind = Literal["results", "graph"]


@dataclass(frozen=True, slots=True)
class Format:
    """One way to write an answer: the serializer's name and the media types that select it."""

    name: str  #: the serializer name the query layer takes (``json``, ``turtle`` ...)
    media_type: str  #: the canonical media type, sent back in ``Content-Type``
    kind: FormatKind
    aliases: tuple[str, ...] = ()  #: other media types that select this format
    names: tuple[str, ...] = ()  #: short names accepted by ``format=`` (besides ``name``)
    text: bool = True  #: whether a ``charset=utf-8`` parameter belongs in ``Content-Type``

    @property
    def content_type(self) -> str:
        """The ``Content-Type`` header value for a body in this format."""
        return f"{self.media_type}; charset=utf-8" if self.text else self.media_type

    @property
    def media_types(self) -> tuple[str, ...]:
        """Every media type that selects this format, the canonical one first."""
        return (self.media_type, *self.aliases)


# The first row of each table is the default when the client states no preference.
RESULT_FORMATS: tuple[Format, ...] = (
    Format("json", "application/sparql-results+json", "results", ("application/json",), ("srj",)),
    Format(
        "xml",
        "application/sparql-results+xml",
        "results",
        ("application/xml", "text/xml"),
        ("srx",),
    ),
    Format("csv", "text/csv", "results"),
    Format("tsv", "text/tab-separated-values", "results"),
)

GRAPH_FORMATS: tuple[Format, ...] = (
    # Turtle is a subset of N3, so an N3 client reads it (SPARQLWrapper asks for n3 by default)
    Format(
        "turtle",
        "text/turtle",
        "graph",
        ("application/x-turtle", "text/n3", "text/rdf+n3"),
        ("ttl", "n3"),
    ),
    Format("ntriples", "application/n-triples", "graph", (), ("nt", "n-triples")),
    Format("trig", "application/trig", "graph"),
    Format("jsonld", "application/ld+json", "graph", ("application/json",), ("json-ld", "json")),
    Format(
        "xml",
        "application/rdf+xml",
        "graph",
        ("application/xml", "text/xml"),
        ("rdfxml", "rdf+xml", "rdf"),
    ),
)


class NotAcceptable(Exception):
    """No format of the table satisfies the request; the message says which ones exist."""


def formats_for(kind: FormatKind) -> tuple[Format, ...]:
    """Return the table for result sets or for graphs."""
    return RESULT_FORMATS if kind == "results" else GRAPH_FORMATS


@dataclass(frozen=True, slots=True)
class _Range:
    type: str
    subtype: str
    q: float
    position: int


@lru_cache(maxsize=256)
def parse_accept(header: str) -> tuple[_Range, ...]:
    """Parse an ``Accept`` header into its media ranges (cached: clients repeat the same header)."""
    ranges: list[_Range] = []
    for position, item in enumerate(header.split(",")):
        parts = item.split(";")
        media = parts[0].strip().lower()
        if not media:
            continue
        main, _, sub = media.partition("/")
        if not sub:  # a bare "*" is seen from some clients; read it as "*/*"
            main, sub = (main, "*") if main == "*" else (main, "")
            if not sub:
                continue
        q = 1.0
        for param in parts[1:]:
            key, _, value = param.partition("=")
            if key.strip().lower() == "q":
                try:
                    q = max(0.0, min(1.0, float(value.strip())))
                except ValueError:
                    q = 0.0
        ranges.append(_Range(main.strip(), sub.strip(), q, position))
    return tuple(ranges)


def _match(fmt: Format, ranges: Sequence[_Range]) -> tuple[float, int, int] | None:
    """Return (q, exactness, -position) of the most specific range matching ``fmt``, if any."""
    best: tuple[int, float, int] | None = None  # (specificity, q, position)
    for media in fmt.media_types:
        main, _, sub = media.partition("/")
        canonical = media == fmt.media_type
        for r in ranges:
            if r.type == main and r.subtype == sub:
                specificity = 2
            # a wildcard selects a format by its own media type only: text/* is CSV or TSV,
            # not SPARQL XML by way of its text/xml alias
            elif canonical and r.type == main and r.subtype == "*":
                specificity = 1
            elif canonical and r.type == "*" and r.subtype == "*":
                specificity = 0
            else:
                continue
            if best is None or specificity > best[0]:
                best = (specificity, r.q, r.position)
    if best is None or best[1] <= 0.0:
        return None
    return (best[1], best[0], -best[2])


def _describe(table: Iterable[Format]) -> str:
    return ", ".join(f"{f.media_type} (format={f.name})" for f in table)


@lru_cache(maxsize=512)
def _choose_cached(kind: FormatKind, accept: str | None, wanted: tuple[str, ...]) -> Format:
    table = formats_for(kind)
    what = "a result set (SELECT, ASK)" if kind == "results" else "a graph (CONSTRUCT, DESCRIBE)"
    if wanted:
        for value in wanted:
            key = value.strip().lower()
            for fmt in table:
                if key == fmt.name or key in fmt.names or key in fmt.media_types:
                    return fmt
        raise NotAcceptable(
            f"format={wanted[0]!r} cannot be sent for {what}; use one of: {_describe(table)}"
        )
    if not accept or not accept.strip():
        return table[0]
    ranges = parse_accept(accept)
    scored: list[tuple[tuple[float, int, int, int], Format]] = []
    for order, fmt in enumerate(table):
        score = _match(fmt, ranges)
        if score is not None:
            scored.append(((*score, -order), fmt))
    if not scored:
        raise NotAcceptable(
            f"no media type in Accept: {accept.strip()!r} can be sent for {what}; "
            f"accepted: {_describe(table)}"
        )
    return max(scored, key=lambda item: item[0])[1]


def choose_format(kind: FormatKind, accept: str | None, wanted: Sequence[str] = ()) -> Format:
    """Return the format to answer with: the first known ``format=`` value, else by ``Accept``.

    Raises :class:`NotAcceptable` when nothing fits (the endpoint answers 406).
    """
    return _choose_cached(kind, accept, tuple(wanted))
