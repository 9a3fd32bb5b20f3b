"""RDF terms in the query layer: Oxigraph and rdflib terms, compact cells, typed Python values.

A *cell* is the compact, library-free form of one RDF term, made of ``str``, ``tuple`` and ``None``
only, so that :mod:`marshal` ships result rows between processes quickly:

=======================  ====================================================
``None``                 unbound
``"http://…"``           an IRI
``("lex",)``             an ``xsd:string`` literal
``("lex", "@zh")``       a language-tagged literal
``("lex", "http://…")``  a literal of another datatype
``(None, "b0")``         a blank node
``(None, None, s, p, o)``  a quoted triple (RDF-star), its parts as cells
=======================  ====================================================

*Values* are what :attr:`Result.rows` hands to Python code: IRIs as ``str``, strings (with or
without a language tag) as ``str``, ``xsd:integer`` and its subtypes as ``int``, ``xsd:decimal`` as
``Decimal``, ``xsd:double``/``xsd:float`` as ``float``, ``xsd:boolean`` as ``bool``, ``xsd:date`` as
``datetime.date``, ``xsd:dateTime`` as ``datetime.datetime``; a blank node as ``"_:id"``; any
other datatype, or a lexical form that is not valid for its datatype, as its lexical ``str``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from typing import Any

import pyoxigraph as ox

from ._oxrun import cell_to_ox, ox_to_cell

__all__ = [
    "Cell",
    "cell_to_ox",
    "cell_to_rdflib",
    "cell_value",
    "ox_to_cell",
    "ox_value",
    "python_to_ox",
    "rdflib_to_cell",
    "rdflib_to_ox",
]

Cell = None | str | tuple[Any, ...]

_XSD = "http://www.w3.org/2001/XMLSchema#"
_XSD_STRING = _XSD + "string"
_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
_IRI_LIKE = re.compile(r"(?:https?|urn|file|mailto|tag):[^\s<>\"{}|\\^`]*")


def _boolean(lex: str) -> bool | str:
    if lex in ("true", "1"):
        return True
    if lex in ("false", "0"):
        return False
    return lex


def _decimal(lex: str) -> Decimal | str:
    try:
        return Decimal(lex)
    except InvalidOperation:
        return lex


def _date(lex: str) -> dt.date | str:
    try:
        return dt.date.fromisoformat(lex)
    except ValueError:  # e.g. a time zone suffix, which datetime.date cannot hold
        return lex


def _datetime(lex: str) -> dt.datetime | str:
    try:
        return dt.datetime.fromisoformat(lex)
    except ValueError:
        return lex


def _integer(lex: str) -> int | str:
    try:
        return int(lex)
    except ValueError:
        return lex


def _double(lex: str) -> float | str:
    try:
        return float(lex)
    except ValueError:
        return lex


_CONVERT: dict[str, Callable[[str], Any]] = {
    _XSD + name: _integer
    for name in (
        "integer",
        "long",
        "int",
        "short",
        "byte",
        "nonNegativeInteger",
        "positiveInteger",
        "negativeInteger",
        "nonPositiveInteger",
        "unsignedLong",
        "unsignedInt",
        "unsignedShort",
        "unsignedByte",
    )
}
_CONVERT.update(
    {
        _XSD + "decimal": _decimal,
        _XSD + "double": _double,
        _XSD + "float": _double,
        _XSD + "boolean": _boolean,
        _XSD + "date": _date,
        _XSD + "dateTime": _datetime,
    }
)

_NamedNode = ox.NamedNode
_Literal = ox.Literal
_BlankNode = ox.BlankNode


def ox_value(term: Any) -> Any:
    """The typed Python value of a pyoxigraph term (see the module docstring)."""
    cls = type(term)
    if cls is _NamedNode:
        return term.value
    if cls is _Literal:
        if term.language is not None:
            return term.value
        convert = _CONVERT.get(term.datatype.value)
        return term.value if convert is None else convert(term.value)
    if term is None:
        return None
    if cls is _BlankNode:
        return "_:" + term.value
    return str(term)


def cell_value(cell: Cell) -> Any:
    """The typed Python value of a cell (see the module docstring)."""
    if cell is None or type(cell) is str:
        return cell
    assert isinstance(cell, tuple)
    lex = cell[0]
    if lex is None:
        if len(cell) == 2:
            return "_:" + cell[1]
        return str(cell_to_ox(cell))
    if len(cell) == 1:
        return lex
    convert = _CONVERT.get(cell[1])
    return lex if convert is None else convert(lex)


def cell_to_rdflib(cell: Cell) -> Any:
    """The rdflib term of a cell (None for unbound)."""
    from rdflib import BNode, Literal, URIRef

    if cell is None:
        return None
    if type(cell) is str:
        return URIRef(cell)
    assert isinstance(cell, tuple)
    lex = cell[0]
    if lex is None:
        if len(cell) == 2:
            return BNode(cell[1])
        raise ValueError("rdflib has no quoted triples; use Result.cells or the pyoxigraph terms")
    if len(cell) == 1:
        return Literal(lex)
    tag = cell[1]
    if tag.startswith("@"):
        return Literal(lex, lang=tag[1:])
    return Literal(lex, datatype=URIRef(tag))


def rdflib_to_cell(term: Any) -> Cell:
    """The cell of an rdflib term (None for unbound)."""
    from rdflib import BNode, Literal, URIRef

    if term is None:
        return None
    if isinstance(term, URIRef):
        return str(term)
    if isinstance(term, Literal):
        lex = str(term)
        if term.language:
            return (lex, "@" + term.language)
        if term.datatype is None or str(term.datatype) == _XSD_STRING:
            return (lex,)
        return (lex, str(term.datatype))
    if isinstance(term, BNode):
        return (None, str(term))
    raise ValueError(f"cannot represent {term!r} as an RDF term")


def rdflib_to_ox(term: Any) -> Any:
    """The pyoxigraph term of an rdflib term."""
    return cell_to_ox(rdflib_to_cell(term))


def python_to_ox(value: Any) -> Any:
    """The pyoxigraph term for a binding given as a Python value.

    pyoxigraph and rdflib terms are taken as they are. A ``str`` that looks like an absolute IRI
    (``http:``, ``https:``, ``urn:`` …, no spaces) is an IRI, any other ``str`` an ``xsd:string``
    (pass ``rdflib.Literal("http://…")`` for a string that looks like an IRI, or
    ``rdflib.Literal("中国科协", lang="zh")`` for a tagged one); ``bool``, ``int``, ``float``,
    ``Decimal``, ``datetime.date`` and ``datetime.datetime`` get their XSD datatypes.
    """
    if isinstance(value, _NamedNode | _Literal | _BlankNode | ox.Triple):
        return value
    module = type(value).__module__
    if module.startswith("rdflib"):
        return rdflib_to_ox(value)
    if isinstance(value, bool):
        return _Literal("true" if value else "false", datatype=_NamedNode(_XSD + "boolean"))
    if isinstance(value, int):
        return _Literal(str(value), datatype=_NamedNode(_XSD + "integer"))
    if isinstance(value, float):
        return _Literal(repr(value), datatype=_NamedNode(_XSD + "double"))
    if isinstance(value, Decimal):
        return _Literal(str(value), datatype=_NamedNode(_XSD + "decimal"))
    if isinstance(value, dt.datetime):
        return _Literal(value.isoformat(), datatype=_NamedNode(_XSD + "dateTime"))
    if isinstance(value, dt.date):
        return _Literal(value.isoformat(), datatype=_NamedNode(_XSD + "date"))
    if isinstance(value, str):
        if _IRI_LIKE.fullmatch(value):
            return _NamedNode(value)
        return _Literal(value)
    raise TypeError(
        f"cannot bind a {type(value).__name__}; give a str, number, date or rdflib term"
    )
