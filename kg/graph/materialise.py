"""Materialised views: a bundled query's rows over the whole graph, kept in a named graph of the store.

A bundled query may declare ``# @view NAME`` in its header: run without parameters it is an
aggregate over the whole graph that the engine cannot page (``met``: every pair of co-attendees
ranked by their shared events), so ``kg build --store`` runs it once and keeps its rows in the
named graph ``<https://kg.example.org/id/derived/NAME>``, one node per row:

* ``<…/derived/NAME/row/I> view:position I`` (0, 1, … in the query's order) and one triple per
  bound cell, ``<…/row/I> <https://kg.example.org/ontology/view/column#COLUMN> value``, with the
  very term the query returned (a count keeps its ``xsd:integer``);
* ``<…/derived/NAME> view:source "sha256 of the query file's text"``, ``view:columns "a b c"``,
  ``view:rows N`` and ``view:quads Q``, written last: a view without them is not used.

``kg query --store`` then reads the first rows by position (one index lookup per row and cell)
instead of evaluating the query, but only when the view was made from the query text it is
asked to run; otherwise, with a parameter, or over a ``--data`` file it evaluates the query.
The store's other queries never see these triples: SPARQL without ``GRAPH`` reads the default
graph only. Whatever writes a store must call ``materialise_views`` afterwards (``kg build
--store`` and ``kg query --allow-update`` do) or ``invalidate_views`` (``kg serve --writable``
does after each write: the view is kept but marked retired), or the views go stale. ``view:`` is ``https://kg.example.org/ontology/view#``.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from kg.errors import GraphError

if TYPE_CHECKING:
    from kg.query import BundledQuery

# Fixed, not the build's base IRI: kg query finds a view without knowing the settings it was built with.
DERIVED = "https://kg.example.org/id/derived/"
VIEW = "https://kg.example.org/ontology/view#"
COLUMN = "https://kg.example.org/ontology/view/column#"
XSD_INTEGER = "http://www.w3.org/2001/XMLSchema#integer"


@dataclass(frozen=True)
class MaterialisedView:
    """What materialising one view did (for build and benchmark reports)."""

    name: str
    query: str  # the bundled query's name
    rows: int
    quads: int
    seconds: float


def view_graph_iri(name: str) -> str:
    return f"{DERIVED}{name}"


def source_digest(text: str) -> str:
    """What a view records of the query it holds the rows of: a changed query file is not answered from it."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def declared_views(queries: Iterable[BundledQuery] | None = None) -> list[BundledQuery]:
    """The bundled queries that declare ``@view`` (every bundled query when ``queries`` is None)."""
    if queries is None:
        from kg.query import bundled_queries

        queries = bundled_queries().values()
    declared = [query for query in queries if query.view is not None]
    names = [query.view for query in declared]
    for query in declared:
        if names.count(query.view) > 1:  # one would overwrite the other's rows
            raise GraphError(f"@view {query.view} is declared by more than one query", str(query.path))
    return declared


def materialise_views(store: Any, queries: Iterable[BundledQuery] | None = None) -> list[MaterialisedView]:
    """Evaluate every declared view's query over ``store`` (writable) and keep its rows there, replacing old ones."""
    return [materialise_view(store, query) for query in declared_views(queries)]


def materialise_view(store: Any, query: BundledQuery) -> MaterialisedView:
    """Replace the named graph of ``query``'s view with the query's rows over the default graph."""
    import pyoxigraph as ox

    assert query.view is not None
    where = str(query.path)
    if query.required:
        raise GraphError(f"@view {query.view}: a query with required parameters has no rows without them", where)
    start = time.perf_counter()
    text = query.path.read_text(encoding="utf-8")
    graph = ox.NamedNode(view_graph_iri(query.view))
    # The old rows go first and the header comes last: a store left half-written (a killed update) has
    # no view, never a wrong one.
    if store.contains_named_graph(graph):
        store.remove_graph(graph)
    try:
        solutions = store.query(text)
    except SyntaxError as error:
        raise GraphError(f"@view {query.view}: SPARQL syntax error: {error}".splitlines()[0], where) from error
    if not isinstance(solutions, ox.QuerySolutions):
        raise GraphError(f"@view {query.view}: only a SELECT query can be materialised", where)
    columns = [variable.value for variable in solutions.variables]
    cells = [ox.NamedNode(COLUMN + column) for column in columns]
    position = ox.NamedNode(VIEW + "position")
    integer = ox.NamedNode(XSD_INTEGER)
    quads = []
    rows = 0
    for solution in solutions:
        node = ox.NamedNode(f"{graph.value}/row/{rows}")
        quads.append(ox.Quad(node, position, ox.Literal(str(rows), datatype=integer), graph))
        rows += 1
        for index, cell in enumerate(cells):
            value = solution[index]
            if isinstance(value, ox.BlankNode):  # stored, it would be another node: say so, keep nothing
                raise GraphError(f"@view {query.view}: a row holds a blank node, which a view cannot keep", where)
            if value is not None:
                quads.append(ox.Quad(node, cell, value, graph))
    store.bulk_extend(quads)
    header = {
        "source": ox.Literal(source_digest(text)),
        "columns": ox.Literal(" ".join(columns)),
        "rows": ox.Literal(str(rows), datatype=integer),
    }
    header["quads"] = ox.Literal(str(len(quads) + len(header) + 1), datatype=integer)  # the rows' and the header's
    store.extend(ox.Quad(graph, ox.NamedNode(VIEW + key), value, graph) for key, value in header.items())
    store.flush()
    return MaterialisedView(query.view, query.name, rows, len(quads) + len(header), time.perf_counter() - start)


def _header(store: Any, name: str) -> dict[str, str]:
    import pyoxigraph as ox

    graph = ox.NamedNode(view_graph_iri(name))
    return {
        quad.predicate.value[len(VIEW) :]: quad.object.value
        for quad in store.quads_for_pattern(graph, None, None, graph)
        if quad.predicate.value.startswith(VIEW)
    }


def view_reading_query(store: Any, name: str, digest: str, limit: int | None) -> str | None:
    """SPARQL that reads the first ``limit`` rows of view ``name`` (one more, to tell a cut), all when None.

    None when the store has no such view or it was made from another query text than ``digest``'s.
    """
    header = _header(store, name)
    if header.get("source") != digest or "columns" not in header or "rows" not in header:
        return None
    columns = header["columns"].split()
    rows = int(header["rows"])
    graph = view_graph_iri(name)
    cells = " ".join(f"OPTIONAL {{ ?row_ <{COLUMN}{column}> ?{column} }}" for column in columns)
    # With a limit, the positions wanted are bound (a lookup each); the engine has no top-n to stop early.
    wanted = f"VALUES ?position_ {{ {' '.join(map(str, range(min(limit + 1, rows))))} }} " if limit is not None else ""
    return (
        f"SELECT {' '.join('?' + column for column in columns)} WHERE {{ {wanted}"
        f"GRAPH <{graph}> {{ ?row_ <{VIEW}position> ?position_ . {cells} }} }} ORDER BY ?position_"
    )


def invalidate_views(store: Any) -> None:
    """Retire every view: its header's source becomes ``retired``, which no query text hashes to, so ``kg query``
    evaluates the queries again until the views are made anew.

    For writers that change the graph but cannot afford to remake a view on each write (``kg serve --writable``).
    The rows and the rest of the header stay until the next ``materialise_views`` replaces them, so
    ``view_quads`` still counts them and ``kg stats`` still leaves them out of the graph's triples.
    """
    import pyoxigraph as ox

    source = ox.NamedNode(VIEW + "source")
    for query in declared_views():
        graph = ox.NamedNode(view_graph_iri(str(query.view)))
        for quad in list(store.quads_for_pattern(graph, source, None, graph)):
            store.remove(quad)
            store.add(ox.Quad(graph, source, ox.Literal("retired"), graph))


def view_quads(store: Any) -> int:
    """The quads the declared views hold in ``store`` (from their headers: no scan)."""
    return sum(int(_header(store, query.view).get("quads", 0)) for query in declared_views() if query.view)
