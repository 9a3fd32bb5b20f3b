"""The query guard: what a query may do before it runs.

Every query is parsed with rdflib's SPARQL 1.1 parser (a real grammar: case, comments, strings,
``\\u`` escapes and nesting are the parser's business, not ours) and its parse tree is walked for

* ``SERVICE`` (anywhere: subqueries, ``EXISTS``, ``OPTIONAL``, with an IRI or a variable),
* ``LOAD`` (updates),
* ``FROM`` / ``FROM NAMED`` and an update's ``USING`` / ``USING NAMED``,
* any update operation at all.

A query that would fetch from elsewhere is refused unless the caller allows it (``allow_unsafe``,
for local use): ``SERVICE`` and ``LOAD`` always, ``FROM`` whenever its IRI is not a graph of the
store. pyoxigraph's wheels do send ``SERVICE`` and ``LOAD`` requests over HTTP, and rdflib fetches
``FROM`` IRIs, so this check is the barrier, not a courtesy. Updates are refused on read-only
stores.

The walk is over the parse tree rather than rdflib's algebra translation: the tree holds every
syntactic occurrence, and the translation can fail on queries that Oxigraph runs. Unknown prefixes
(the one thing the translation would catch that matters here) are checked on the tree too.

The analysis of a text is cached (``functools.lru_cache``), errors included, so a repeated query
costs a dictionary lookup and a few set tests: microseconds (``benchmarks/bench_store.py``).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Literal
from urllib.parse import urljoin

from ..errors import QueryRefusedError, QuerySyntaxError
from ..namespaces import PREFIXES

__all__ = [
    "ANY_GRAPH",
    "Analysis",
    "CheckedQuery",
    "QueryForm",
    "analyse",
    "check_query",
]

QueryForm = Literal["SELECT", "ASK", "CONSTRUCT", "DESCRIBE", "UPDATE"]

_FORMS: dict[str, QueryForm] = {
    "SelectQuery": "SELECT",
    "AskQuery": "ASK",
    "ConstructQuery": "CONSTRUCT",
    "DescribeQuery": "DESCRIBE",
}
_UPDATE_OPS = frozenset(
    [
        "Load",
        "Clear",
        "Drop",
        "Create",
        "Add",
        "Move",
        "Copy",
        "InsertData",
        "DeleteData",
        "DeleteWhere",
        "Modify",
    ]
)
_CACHE_SIZE = 2048
_SNIPPET = 30


class _Everything(Collection[str]):
    """A graph collection that contains every IRI (for endpoints whose graphs we cannot list)."""

    def __contains__(self, item: object) -> bool:
        return True

    def __iter__(self) -> Iterator[str]:
        return iter(())

    def __len__(self) -> int:
        return 0


#: Pass as ``allowed_graphs`` to let ``FROM`` name any graph (queries sent to a remote endpoint).
ANY_GRAPH: Collection[str] = _Everything()


@dataclass(frozen=True, slots=True)
class CheckedQuery:
    """A query that passed the parser and the guard.

    ``source`` is the text as given (what Oxigraph runs, with the project prefixes passed to it);
    ``text`` is the same with the ``PREFIX`` lines it lacks prepended (for other endpoints).
    """

    source: str
    text: str
    form: QueryForm
    from_default: tuple[str, ...] = ()
    from_named: tuple[str, ...] = ()
    #: offset in ``source`` of the ``{`` that opens the top-level WHERE group (None: no group;
    #: -1: the short ``CONSTRUCT WHERE { … }``, whose group may hold triples only)
    where_at: int | None = None

    @property
    def is_update(self) -> bool:
        """Whether this is a SPARQL Update request."""
        return self.form == "UPDATE"

    @property
    def result_kind(self) -> Literal["select", "ask", "construct", "update"]:
        """The kind of :class:`~kexie_graph.query.Result` it gives (DESCRIBE gives a graph)."""
        if self.form == "SELECT":
            return "select"
        if self.form == "ASK":
            return "ask"
        if self.form == "UPDATE":
            return "update"
        return "construct"

    @property
    def has_dataset(self) -> bool:
        """Whether the query chooses its own dataset with FROM / FROM NAMED."""
        return bool(self.from_default or self.from_named)


@dataclass(frozen=True, slots=True)
class Analysis:
    """What the guard needs to know about a query text (cached per text)."""

    checked: CheckedQuery
    services: tuple[str, ...]
    loads: tuple[str, ...]
    update_ops: tuple[str, ...]


def check_query(
    sparql: str,
    *,
    allowed_graphs: Collection[str] | None = None,
    allow_unsafe: bool = False,
    read_only: bool = True,
) -> CheckedQuery:
    """Parse ``sparql`` and apply the guard; return the :class:`CheckedQuery` to run.

    ``allowed_graphs`` are the graph IRIs that ``FROM``/``FROM NAMED``/``USING`` may name (the
    store's graphs; None allows none, :data:`ANY_GRAPH` allows all). Raises
    :class:`~kexie_graph.errors.QuerySyntaxError` (with line and column) or
    :class:`~kexie_graph.errors.QueryRefusedError`.
    """
    analysis = analyse(sparql)
    checked = analysis.checked
    if checked.is_update and read_only:
        op = analysis.update_ops[0] if analysis.update_ops else "update"
        raise QueryRefusedError(
            f"SPARQL update ({_op_name(op)}) refused: the store is open read-only; "
            "a store changes only by a build (kexie-graph build or load)"
        )
    if allow_unsafe:
        return checked
    if analysis.services:
        raise QueryRefusedError(
            f"SERVICE {analysis.services[0]} refused: kexie-graph never sends queries to other "
            "endpoints; query that endpoint directly (kexie-graph query --endpoint URL)"
        )
    if analysis.loads:
        raise QueryRefusedError(
            f"LOAD <{analysis.loads[0]}> refused: kexie-graph never fetches data from the web; "
            "download the file and build or load it into the store"
        )
    for iri in (*checked.from_default, *checked.from_named):
        if allowed_graphs is None or iri not in allowed_graphs:
            raise QueryRefusedError(
                f"FROM <{iri}> refused: it is not a graph of this store and kexie-graph never "
                "fetches graphs from the web; name one of the store's graphs (kxr:graph/…) or "
                "drop FROM"
            )
    return checked


def _op_name(op: str) -> str:
    return re.sub(r"(?<=[a-z])(?=[A-Z])", " ", op).upper()


@lru_cache(maxsize=_CACHE_SIZE)
def _analyse_cached(sparql: str) -> Analysis | QuerySyntaxError:
    try:
        return _analyse(sparql)
    except QuerySyntaxError as error:
        # cached too: a client repeating a malformed query must not cost a parse each time
        return error


def analyse(sparql: str) -> Analysis:
    """Parse ``sparql`` (cached) and return what it does; raise :class:`QuerySyntaxError`."""
    if not isinstance(sparql, str):
        raise QuerySyntaxError(f"a SPARQL query must be text, not {type(sparql).__name__}")
    found = _analyse_cached(sparql)
    if isinstance(found, QuerySyntaxError):
        raise QuerySyntaxError(str(found))
    return found


def _parse(sparql: str) -> tuple[bool, Any]:
    """Parse as a query, else as an update; the error reported is the one that got further."""
    from pyparsing import ParseBaseException
    from rdflib.plugins.sparql.parser import parseQuery, parseUpdate

    if not sparql.strip():
        raise QuerySyntaxError(
            "empty query: give a SPARQL query (SELECT, ASK, CONSTRUCT or DESCRIBE)"
        )
    _check_escapes(sparql)
    # Oxigraph ends a comment at a lone CR, rdflib's rest_of_line only at LF: parse with every
    # CR read as LF (same length, so positions hold), or "# x\rSERVICE <…>" hides SERVICE.
    text = sparql.replace("\r", "\n")
    try:
        return False, parseQuery(text)
    except ParseBaseException as query_error:
        try:
            return True, parseUpdate(text)
        except ParseBaseException as update_error:
            best = query_error if query_error.loc >= update_error.loc else update_error
            raise QuerySyntaxError(_syntax_message(sparql, best.loc, best.msg)) from None
        except Exception as update_error:  # rdflib raises plain exceptions for bad escapes, IRIs
            raise QuerySyntaxError(
                _syntax_message(sparql, query_error.loc, query_error.msg)
            ) from update_error
    except Exception as error:
        raise QuerySyntaxError(f"malformed SPARQL: {_one_line(str(error))}") from None


#: rdflib's own pattern (rdflib.plugins.sparql.parser.expandUnicodeEscapes_re): 4 or 8 hex digits
_ESCAPE = re.compile(r"\\u([0-9a-f]{4}(?:[0-9a-f]{4})?)", flags=re.I)


def _check_escapes(sparql: str) -> None:
    """Refuse codepoint escapes that stand for characters with a role in the grammar.

    rdflib expands ``\\uXXXX`` everywhere before parsing (SPARQL 1.1, section 19.2); Oxigraph only
    inside IRIs and strings, and there takes the character as content. ``"x\\u0022 # " . SERVICE``
    is then a string and a comment to rdflib but a string and a SERVICE to Oxigraph. Escapes of
    letters, digits and other visible non-ASCII characters read the same to both; others are
    refused.
    """
    for match in _ESCAPE.finditer(sparql):
        try:
            char = chr(int(match.group(1), 16))
        except (ValueError, OverflowError):
            char = ""
        if char.isalnum() or (char > "\x7f" and char.isprintable() and not char.isspace()):
            continue
        line, col = _line_col(sparql, match.start())
        raise QuerySyntaxError(
            f"malformed SPARQL at line {line}, column {col}: the escape {match.group()} does not "
            "stand for a letter, digit or visible non-ASCII character; write the character itself "
            '(inside a string, \\" \\\\ \\n …)'
        )


def _line_col(text: str, loc: int) -> tuple[int, int]:
    loc = max(0, min(loc, len(text)))
    line = text.count("\n", 0, loc) + 1
    col = loc - (text.rfind("\n", 0, loc) + 1) + 1
    return line, col


def _syntax_message(text: str, loc: int, msg: str) -> str:
    line, col = _line_col(text, loc)
    near = text[loc : loc + _SNIPPET].split("\n", 1)[0]
    where = (
        f"near {near!r}"
        if near.strip()
        else "at the end of the query"
        if loc >= len(text.rstrip())
        else ""
    )
    tail = f" ({where})" if where else ""
    return f"malformed SPARQL at line {line}, column {col}: {_one_line(msg)}{tail}"


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _field(node: Any, key: str) -> Any:
    # CompValue.get() answers a missing key with the key itself; read the mapping directly
    return dict.get(node, key)


def _walk(root: Any) -> Iterator[Any]:
    """Every CompValue in a parse tree, depth first, each once."""
    from pyparsing import ParseResults
    from rdflib.plugins.sparql.parserutils import CompValue

    stack = [root]
    seen: set[int] = set()
    while stack:
        node = stack.pop()
        if isinstance(node, CompValue):
            if id(node) in seen:
                continue
            seen.add(id(node))
            yield node
            stack.extend(dict.values(node))
        elif isinstance(node, ParseResults | list | tuple):
            stack.extend(node)
        elif isinstance(node, dict):
            stack.extend(node.values())


class _Resolver:
    """Turns the parse tree's IRIs and prefixed names into absolute IRIs."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.prefixes: dict[str, str] = dict(PREFIXES)
        self.declared: set[str] = set()
        self.base: str | None = None

    def declare(self, node: Any) -> None:
        if node.name == "PrefixDecl":
            prefix = str(_field(node, "prefix") or "")
            self.prefixes[prefix] = self.iri(_field(node, "iri"))
            self.declared.add(prefix)
        elif node.name == "Base":
            self.base = self.iri(_field(node, "iri"))

    def check_prefix(self, node: Any) -> None:
        prefix = str(_field(node, "prefix") or "")
        if prefix not in self.prefixes:
            where = re.search(rf"(?<![\w.-]){re.escape(prefix)}:", self.text)
            at = ""
            if where is not None:
                line, col = _line_col(self.text, where.start())
                at = f" at line {line}, column {col}"
            raise QuerySyntaxError(
                f"malformed SPARQL{at}: unknown prefix '{prefix}:'; declare it with "
                f"PREFIX {prefix}: <…> (the predeclared ones are {', '.join(PREFIXES)})"
            )

    def iri(self, term: Any) -> str:
        from rdflib.plugins.sparql.parserutils import CompValue
        from rdflib.term import Variable

        if isinstance(term, CompValue) and term.name == "pname":
            self.check_prefix(term)
            prefix = str(_field(term, "prefix") or "")
            local = str(_field(term, "localname") or "")
            return self.prefixes[prefix] + re.sub(r"\\(.)", r"\1", local)
        if isinstance(term, Variable):
            return f"?{term}"
        value = str(term)
        if self.base is not None and not re.match(r"[A-Za-z][A-Za-z0-9+.-]*:", value):
            return urljoin(self.base, value)
        return value


def _analyse(sparql: str) -> Analysis:
    is_update, tree = _parse(sparql)
    resolver = _Resolver(sparql)
    # the prologue comes first in the text; declare its prefixes before resolving anything
    prologue = _field(tree, "prologue") if is_update else tree[0]
    for node in _walk(prologue):
        resolver.declare(node)
    services: list[str] = []
    loads: list[str] = []
    from_default: list[str] = []
    from_named: list[str] = []
    ops: list[str] = []
    form: QueryForm = "UPDATE"
    for node in _walk(tree):
        name = node.name
        if name in _FORMS:
            form = _FORMS[name]
        elif name == "pname":
            resolver.check_prefix(node)
        elif name == "ServiceGraphPattern":
            iri = resolver.iri(_field(node, "term"))
            services.append(iri if iri.startswith("?") else f"<{iri}>")
        elif name in ("DatasetClause", "UsingClause"):
            if _field(node, "default") is not None:
                from_default.append(resolver.iri(_field(node, "default")))
            if _field(node, "named") is not None:
                from_named.append(resolver.iri(_field(node, "named")))
        elif name in _UPDATE_OPS:
            ops.append(name)
            if name == "Load":
                loads.append(resolver.iri(_field(node, "iri")))
    if is_update and not ops:
        raise QuerySyntaxError(
            "no query: the text has only PREFIX/BASE declarations or comments; give a SELECT, ASK, "
            "CONSTRUCT or DESCRIBE query"
        )
    missing = [p for p in PREFIXES if p not in resolver.declared]
    header = "".join(f"PREFIX {p}: <{PREFIXES[p]}>\n" for p in missing)
    checked = CheckedQuery(
        source=sparql,
        text=header + sparql,
        form=form,
        from_default=tuple(from_default),
        from_named=tuple(from_named),
        where_at=None if is_update else _where_brace(sparql, form),
    )
    return Analysis(
        checked=checked, services=tuple(services), loads=tuple(loads), update_ops=tuple(ops)
    )


_IRIREF = re.compile(r'<[^<>"{}|^`\\\x00-\x20]*>')
_WORD = re.compile(r"[\w?$:.\-]+")


def _where_brace(text: str, form: QueryForm) -> int | None:
    """Offset of the ``{`` opening the top-level WHERE group of a query the parser accepted.

    This only finds a place to put bound values (see :mod:`.bind`); the guard's decisions never
    depend on it. A small lexer skips comments, strings and IRIs and counts braces; the group is
    the first top-level ``{`` after the keyword WHERE, or, when WHERE is left out, the first
    top-level ``{`` (the second for a CONSTRUCT, whose template comes first).
    """
    depth = 0
    top: list[int] = []
    after_where: int | None = None
    where_seen = False
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c == "#":  # a comment ends at LF or at a lone CR, as Oxigraph reads it
            ends = [e for e in (text.find("\n", i), text.find("\r", i)) if e >= 0]
            i = min(ends) + 1 if ends else n
            continue
        if c in "\"'":
            i = _skip_string(text, i)
            continue
        if c == "<":
            match = _IRIREF.match(text, i)
            if match:
                i = match.end()
                continue
        elif c == "{":
            if depth == 0:
                top.append(i)
                if where_seen and after_where is None:
                    after_where = i
            depth += 1
        elif c == "}":
            depth -= 1
        elif depth == 0 and (c.isalnum() or c in "_?$"):
            match = _WORD.match(text, i)
            assert match is not None
            if match.group().lower() == "where":
                where_seen = True
            i = match.end()
            continue
        i += 1
    if after_where is not None:
        if form == "CONSTRUCT" and top and after_where == top[0]:
            return -1  # CONSTRUCT WHERE { triples }: nothing else may go in that group
        return after_where
    if form == "CONSTRUCT":
        return top[1] if len(top) > 1 else None
    return top[0] if top else None


def _skip_string(text: str, i: int) -> int:
    quote = text[i]
    long = text.startswith(quote * 3, i)
    j = i + (3 if long else 1)
    while j < len(text):
        if text[j] == "\\":
            j += 2
            continue
        if long and text.startswith(quote * 3, j):
            return j + 3
        if not long and text[j] == quote:
            return j + 1
        j += 1
    return len(text)
