"""Query results: typed rows for Python, DataFrames, tables, and the standard serializations.

A :class:`Result` is filled either with pyoxigraph terms (a query run in this process) or with
cells (:mod:`.terms`; a query run in a worker or on rdflib); both give the same rows and the same
bytes. Rows are converted to Python values only when first asked for, so a caller that only wants
the serialized bytes (the server) never pays for them.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any, Literal
from xml.sax.saxutils import escape, quoteattr

import pyoxigraph as ox

from ..errors import QueryError
from ..namespaces import PREFIXES
from .terms import Cell, cell_to_ox, cell_to_rdflib, cell_value, ox_to_cell, ox_value

if TYPE_CHECKING:
    import pandas
    import rich.table

__all__ = [
    "GRAPH_FORMATS",
    "MEDIA_TYPES",
    "RDF_FORMATS",
    "RESULT_FORMATS",
    "Result",
    "ResultKind",
]

ResultKind = Literal["select", "ask", "construct", "update"]

#: formats of SELECT/ASK answers, and of CONSTRUCT/DESCRIBE answers
RESULT_FORMATS = ("json", "xml", "csv", "tsv")
GRAPH_FORMATS = ("turtle", "ntriples", "trig", "jsonld", "xml")

#: (kind, format) -> media type, for HTTP
MEDIA_TYPES: dict[tuple[str, str], str] = {
    ("results", "json"): "application/sparql-results+json",
    ("results", "xml"): "application/sparql-results+xml",
    ("results", "csv"): "text/csv; charset=utf-8",
    ("results", "tsv"): "text/tab-separated-values; charset=utf-8",
    ("graph", "turtle"): "text/turtle",
    ("graph", "ntriples"): "application/n-triples",
    ("graph", "trig"): "application/trig",
    ("graph", "jsonld"): "application/ld+json",
    ("graph", "xml"): "application/rdf+xml",
}

#: graph format name -> the pyoxigraph format that writes it (also the server's service description)
RDF_FORMATS: dict[str, ox.RdfFormat] = {
    "turtle": ox.RdfFormat.TURTLE,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "trig": ox.RdfFormat.TRIG,
    "jsonld": ox.RdfFormat.JSON_LD,
    "xml": ox.RdfFormat.RDF_XML,
}


class Result:
    """The answer to a query.

    * ``kind``: ``"select"``, ``"ask"``, ``"construct"`` (also DESCRIBE) or ``"update"``;
    * ``variables``: the projected variable names (SELECT);
    * :attr:`rows`: one ``dict`` per solution, variable -> typed Python value, None when unbound
      (IRIs and strings are ``str``; see :mod:`kexie_graph.query.terms` for every type);
    * :attr:`terms`: the same rows as rdflib terms (language tags and datatypes kept);
    * ``boolean``: the answer of an ASK;
    * :attr:`triples`: the triples of a CONSTRUCT / DESCRIBE, as rdflib terms;
    * ``truncated``: the rows were cut at the caller's ``max_rows``.
    """

    def __init__(
        self,
        kind: ResultKind,
        *,
        variables: Sequence[str] = (),
        ox_rows: list[tuple[Any, ...]] | None = None,
        cells: list[tuple[Cell, ...]] | None = None,
        boolean: bool | None = None,
        ox_triples: list[ox.Triple] | None = None,
        truncated: bool = False,
        body: tuple[str, bytes] | None = None,
    ) -> None:
        self.kind: ResultKind = kind
        self.variables: list[str] = list(variables)
        self.boolean = boolean
        self.truncated = truncated
        self._ox_rows = ox_rows
        self._cells = cells
        self._ox_triples = ox_triples if ox_triples is not None else []
        self._rows: list[dict[str, Any]] | None = None
        self._body = body

    # -- Python values -------------------------------------------------------------------------

    @property
    def rows(self) -> list[dict[str, Any]]:
        """The solutions as dicts of typed Python values (computed once, on first use)."""
        if self._rows is None:
            names = self.variables
            if self._ox_rows is not None:
                self._rows = [
                    {name: ox_value(term) for name, term in zip(names, row, strict=True)}
                    for row in self._ox_rows
                ]
            else:
                self._rows = [
                    {name: cell_value(cell) for name, cell in zip(names, row, strict=True)}
                    for row in self._cells or ()
                ]
        return self._rows

    @property
    def cells(self) -> list[tuple[Cell, ...]]:
        """The solutions as cells (compact, library-free terms), in variable order."""
        if self._cells is None:
            self._cells = [tuple(ox_to_cell(t) for t in row) for row in self._ox_rows or ()]
        return self._cells

    @property
    def terms(self) -> list[dict[str, Any]]:
        """The solutions as dicts of rdflib terms (None when unbound)."""
        names = self.variables
        return [
            {name: cell_to_rdflib(cell) for name, cell in zip(names, row, strict=True)}
            for row in self.cells
        ]

    @property
    def triples(self) -> list[tuple[Any, Any, Any]]:
        """The triples of a CONSTRUCT or DESCRIBE answer, as rdflib terms."""
        return [
            (
                cell_to_rdflib(ox_to_cell(t.subject)),
                cell_to_rdflib(ox_to_cell(t.predicate)),
                cell_to_rdflib(ox_to_cell(t.object)),
            )
            for t in self._ox_triples
        ]

    @property
    def ox_triples(self) -> list[ox.Triple]:
        """The triples of a CONSTRUCT or DESCRIBE answer, as pyoxigraph terms."""
        return list(self._ox_triples)

    def graph(self) -> Any:
        """The CONSTRUCT / DESCRIBE answer as an rdflib ``Graph`` (project prefixes bound)."""
        from rdflib import Graph

        graph = Graph()
        for prefix, namespace in PREFIXES.items():
            graph.bind(prefix, namespace)
        for triple in self.triples:
            graph.add(triple)
        return graph

    def __len__(self) -> int:
        if self.kind == "construct":
            return len(self._ox_triples)
        if self.kind == "select":
            return len(self._ox_rows if self._ox_rows is not None else self._cells or ())
        return 1 if self.kind == "ask" else 0

    def __iter__(self) -> Iterator[dict[str, Any]]:
        return iter(self.rows)

    def __repr__(self) -> str:
        if self.kind == "ask":
            return f"<Result ask {self.boolean}>"
        if self.kind == "construct":
            return f"<Result construct {len(self)} triples>"
        if self.kind == "update":
            return "<Result update>"
        cut = " truncated" if self.truncated else ""
        return f"<Result select {len(self)} rows ?{' ?'.join(self.variables)}{cut}>"

    def to_df(self) -> pandas.DataFrame:
        """The rows as a pandas DataFrame (columns in variable order; s, p, o for graphs)."""
        import pandas

        if self.kind == "construct":
            return pandas.DataFrame(
                [
                    [ox_value(t.subject), ox_value(t.predicate), ox_value(t.object)]
                    for t in self._ox_triples
                ],
                columns=["s", "p", "o"],
            )
        if self.kind == "ask":
            return pandas.DataFrame({"boolean": [self.boolean]})
        return pandas.DataFrame(self.rows, columns=self.variables)

    def to_table(self, *, max_width: int = 60) -> rich.table.Table:
        """A rich table for the terminal; IRIs are shortened with the project prefixes."""
        from rich.table import Table

        table = Table(show_lines=False, header_style="bold")
        if self.kind == "ask":
            table.add_column("boolean")
            table.add_row(str(bool(self.boolean)).lower())
            return table
        if self.kind == "construct":
            columns = ["subject", "predicate", "object"]
            rows: list[tuple[Cell, ...]] = [
                (ox_to_cell(t.subject), ox_to_cell(t.predicate), ox_to_cell(t.object))
                for t in self._ox_triples
            ]
        else:
            columns = self.variables
            rows = self.cells
        for name in columns:
            table.add_column(name, overflow="fold", max_width=max_width)
        for row in rows:
            table.add_row(*(_display(cell) for cell in row))
        if self.truncated:
            table.caption = "(cut at the row limit)"
        return table

    # -- bytes ---------------------------------------------------------------------------------

    def serialize(self, fmt: str = "json") -> bytes:
        """The answer in ``fmt``: json, xml, csv, tsv (SELECT/ASK); turtle, ntriples, trig,
        jsonld, xml (CONSTRUCT/DESCRIBE). ``json`` is the SPARQL 1.1 Query Results JSON format."""
        if self._body is not None and self._body[0] == fmt:
            return self._body[1]
        if self.kind == "construct":
            rdf = RDF_FORMATS.get(fmt)
            if rdf is None:
                raise QueryError(
                    f"unknown graph format {fmt!r}; use one of {', '.join(GRAPH_FORMATS)}"
                )
            data: Any = self._ox_triples
            if rdf is ox.RdfFormat.TRIG:
                data = [
                    ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph())
                    for t in self._ox_triples
                ]
            prefixes = (
                PREFIXES
                if rdf in (ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG, ox.RdfFormat.RDF_XML)
                else None
            )
            return ox.serialize(data, format=rdf, prefixes=prefixes) or b""
        if self.kind == "update":
            raise QueryError("an update has no answer to serialize")
        writer = _WRITERS.get(fmt)
        if writer is None:
            raise QueryError(
                f"unknown results format {fmt!r}; use one of {', '.join(RESULT_FORMATS)}"
            )
        return writer(self)


def _display(cell: Cell) -> str:
    if cell is None:
        return ""
    if type(cell) is str:
        for prefix, namespace in PREFIXES.items():
            if cell.startswith(namespace) and len(cell) > len(namespace):
                return f"{prefix}:{cell[len(namespace) :]}"
        return f"<{cell}>"
    assert isinstance(cell, tuple)
    if cell[0] is None:
        return f"_:{cell[1]}" if len(cell) == 2 else str(cell_to_ox(cell))
    if len(cell) == 2 and cell[1].startswith("@"):
        return f"{cell[0]}{cell[1]}"
    return str(cell[0])


# -- SPARQL 1.1 results formats (https://www.w3.org/TR/sparql11-results-json/ and siblings) -------


def _json_term(cell: Cell) -> dict[str, Any]:
    if type(cell) is str:
        return {"type": "uri", "value": cell}
    assert isinstance(cell, tuple)
    lex = cell[0]
    if lex is None:
        if len(cell) == 2:
            return {"type": "bnode", "value": cell[1]}
        return {
            "type": "triple",
            "value": {
                "subject": _json_term(cell[2]),
                "predicate": _json_term(cell[3]),
                "object": _json_term(cell[4]),
            },
        }
    if len(cell) == 1:
        return {"type": "literal", "value": lex}
    tag = cell[1]
    if tag.startswith("@"):
        return {"type": "literal", "value": lex, "xml:lang": tag[1:]}
    return {"type": "literal", "value": lex, "datatype": tag}


def _write_json(result: Result) -> bytes:
    if result.kind == "ask":
        doc: dict[str, Any] = {"head": {}, "boolean": bool(result.boolean)}
    else:
        names = result.variables
        doc = {
            "head": {"vars": names},
            "results": {
                "bindings": [
                    {
                        name: _json_term(cell)
                        for name, cell in zip(names, row, strict=True)
                        if cell is not None
                    }
                    for row in result.cells
                ]
            },
        }
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _xml_term(cell: Cell) -> str:
    if type(cell) is str:
        return f"<uri>{escape(cell)}</uri>"
    assert isinstance(cell, tuple)
    lex = cell[0]
    if lex is None:
        if len(cell) == 2:
            return f"<bnode>{escape(cell[1])}</bnode>"
        return (
            f"<triple><subject>{_xml_term(cell[2])}</subject><predicate>{_xml_term(cell[3])}"
            f"</predicate><object>{_xml_term(cell[4])}</object></triple>"
        )
    if len(cell) == 1:
        return f"<literal>{escape(lex)}</literal>"
    tag = cell[1]
    if tag.startswith("@"):
        return f"<literal xml:lang={quoteattr(tag[1:])}>{escape(lex)}</literal>"
    return f"<literal datatype={quoteattr(tag)}>{escape(lex)}</literal>"


def _write_xml(result: Result) -> bytes:
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">'
    ]
    if result.kind == "ask":
        out.append(f"<head/><boolean>{str(bool(result.boolean)).lower()}</boolean>")
    else:
        names = result.variables
        out.append(
            "<head>"
            + "".join(f"<variable name={quoteattr(n)}/>" for n in names)
            + "</head><results>"
        )
        for row in result.cells:
            out.append("<result>")
            out.extend(
                f"<binding name={quoteattr(name)}>{_xml_term(cell)}</binding>"
                for name, cell in zip(names, row, strict=True)
                if cell is not None
            )
            out.append("</result>")
        out.append("</results>")
    out.append("</sparql>\n")
    return "".join(out).encode("utf-8")


def _csv_value(cell: Cell) -> str:
    if cell is None:
        return ""
    if type(cell) is str:
        return cell
    assert isinstance(cell, tuple)
    if cell[0] is None:
        return f"_:{cell[1]}" if len(cell) == 2 else str(cell_to_ox(cell))
    return str(cell[0])


def _write_csv(result: Result) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    if result.kind == "ask":
        writer.writerow(["boolean"])
        writer.writerow([str(bool(result.boolean)).lower()])
    else:
        writer.writerow(result.variables)
        writer.writerows([_csv_value(cell) for cell in row] for row in result.cells)
    return buffer.getvalue().encode("utf-8")


def _tsv_term(cell: Cell) -> str:
    if cell is None:
        return ""
    # N-Triples syntax, as the TSV results format asks; pyoxigraph writes it with correct escapes
    return str(cell_to_ox(cell))


def _write_tsv(result: Result) -> bytes:
    if result.kind == "ask":
        return f"?boolean\n{str(bool(result.boolean)).lower()}\n".encode()
    lines = ["\t".join(f"?{name}" for name in result.variables)]
    lines.extend("\t".join(_tsv_term(cell) for cell in row) for row in result.cells)
    return ("\n".join(lines) + "\n").encode("utf-8")


_WRITERS = {"json": _write_json, "xml": _write_xml, "csv": _write_csv, "tsv": _write_tsv}
