"""Initial bindings: ``query(store, q, bindings={"org": …})`` as a VALUES block in the query.

Oxigraph's own substitutions accept only variables of the SELECT projection, and other endpoints
have none, so bound values are put at the start of the top-level WHERE group instead::

    SELECT ?label WHERE { ?org rdfs:label ?label }
    SELECT ?label WHERE { VALUES (?org) { (<https://…>) } ?org rdfs:label ?label }

Joined first, the values restrict the whole group (OPTIONAL, FILTER EXISTS, GROUP BY), which is
what a pre-bound variable means. The values are written in N-Triples syntax by pyoxigraph, which
escapes them, so a bound value cannot change what the query does.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from ..errors import QueryError
from .guard import CheckedQuery
from .terms import python_to_ox

__all__ = ["bind_values", "values_clause"]

_VARNAME = re.compile(r"[A-Za-z_\u00C0-\uFFFF0-9][A-Za-z_\u00B7\u00C0-\uFFFF0-9]*")


def values_clause(bindings: Mapping[str, Any]) -> str:
    """``VALUES (?a ?b) { (t1 t2) }`` for ``bindings`` (names with or without ``?``/``$``)."""
    names = []
    terms = []
    for name, value in bindings.items():
        key = name[1:] if name[:1] in "?$" else name
        if not _VARNAME.fullmatch(key):
            raise QueryError(f"binding {name!r}: not a SPARQL variable name")
        try:
            term = python_to_ox(value)
        except (TypeError, ValueError) as error:
            raise QueryError(f"binding ?{key}: {error}") from None
        names.append(f"?{key}")
        terms.append(str(term))
    return f"VALUES ({' '.join(names)}) {{ ({' '.join(terms)}) }}"


def bind_values(
    checked: CheckedQuery, bindings: Mapping[str, Any] | None, *, text: str | None = None
) -> str:
    """The query text with ``bindings`` joined at the start of its WHERE group.

    ``text`` is ``checked.source`` (default) or ``checked.text`` (with prefixes prepended).
    """
    base = checked.source if text is None else text
    if not bindings:
        return base
    if checked.is_update:
        raise QueryError("bindings apply to queries, not to updates")
    if checked.where_at is None:
        raise QueryError("bindings need a WHERE clause in the query; add WHERE { … }")
    if checked.where_at < 0:
        raise QueryError(
            "bindings need the full form CONSTRUCT { template } WHERE { … }, not CONSTRUCT WHERE"
        )
    at = checked.where_at + 1 + (len(base) - len(checked.source))
    return f"{base[:at]} {values_clause(bindings)} {base[at:]}"
