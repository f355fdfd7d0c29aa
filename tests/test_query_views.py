"""Materialised views (kg/graph/materialise.py): `kg build --store` keeps met's rows, `kg query --store` reads them."""

from __future__ import annotations

import csv
import io
import shutil
import urllib.request
from pathlib import Path

import pyoxigraph
import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.graph.materialise import COLUMN, VIEW, source_digest, view_graph_iri, view_reading_query
from kg.query import bundled_queries, run_query
from kg.serve import SparqlApp, open_store, running_server

MET_VIEW = pyoxigraph.NamedNode(view_graph_iri("met"))


def _query(*args: str) -> tuple[list[list[str]], str]:
    """`kg query … --format csv` through the CLI: the rows (header first) and what it said on stderr."""
    result = CliRunner().invoke(main, ["query", *args, "--format", "csv"])
    assert result.exit_code == 0, result.output
    return list(csv.reader(io.StringIO(result.stdout))), result.stderr


def _copy(store: Path, target: Path) -> Path:
    shutil.copytree(store, target)
    return target


def _without_view(store: Path, target: Path) -> Path:
    """A copy of ``store`` whose view graph was removed, as a store built before views existed."""
    database = pyoxigraph.Store(str(_copy(store, target)))
    database.remove_graph(MET_VIEW)
    database.flush()
    del database
    return target


def _view_rows(store: Path) -> list[tuple[str, ...]]:
    """The (person1, person2) cells the view holds, in position order, read straight from the store."""
    database = pyoxigraph.Store.read_only(str(store))
    query = (
        f"SELECT ?a ?b WHERE {{ GRAPH <{MET_VIEW.value}> {{ ?row <{VIEW}position> ?i ; "
        f"<{COLUMN}person1> ?a ; <{COLUMN}person2> ?b }} }} ORDER BY ?i"
    )
    return [(solution[0].value, solution[1].value) for solution in database.query(query)]


def test_met_declares_its_view() -> None:
    queries = bundled_queries()
    assert queries["met"].view == "met"
    assert [name for name, query in queries.items() if query.view] == ["met"]


def test_build_store_holds_the_view_of_met_without_a_name(built_seeds: Path) -> None:
    store = built_seeds / "store"
    database = pyoxigraph.Store.read_only(str(store))
    assert MET_VIEW in set(database.named_graphs())
    evaluated = run_query("met", store=store, timeout=0, use_views=False)
    assert len(evaluated.rows) > 20
    assert _view_rows(store) == [(str(row[0]), str(row[1])) for row in evaluated.rows]
    # Queries without GRAPH read the default graph: the view's nodes are not in it.
    assert not bool(database.query(f"ASK {{ ?row <{VIEW}position> ?i }}"))


@pytest.mark.parametrize("limit", ["0", "1", "7", "1000"])
def test_rows_from_the_view_equal_the_evaluated_query(built_seeds: Path, tmp_path: Path, limit: str) -> None:
    store = built_seeds / "store"
    plain = _without_view(store, tmp_path / "plain")
    viewed, viewed_note = _query("met", "--store", str(store), "--limit", limit)
    evaluated, evaluated_note = _query("met", "--store", str(plain), "--limit", limit)
    from_file, _ = _query("met", "--data", str(built_seeds / "graph.ttl"), "--limit", limit)
    assert viewed[0] == ["person1", "person2", "events", "dates"]
    assert viewed == evaluated == from_file
    assert len(viewed) - 1 == (int(limit) if limit in {"1", "7"} else 38)
    assert ("more were cut" in viewed_note) == ("more were cut" in evaluated_note) == (limit in {"1", "7"})


def test_query_is_answered_from_the_view(built_seeds: Path, tmp_path: Path) -> None:
    """A view whose first row says 99 shared events is what kg query prints: the rows come from it."""
    store = _copy(built_seeds / "store", tmp_path / "edited")
    database = pyoxigraph.Store(str(store))
    first = pyoxigraph.NamedNode(f"{MET_VIEW.value}/row/0")
    events = pyoxigraph.NamedNode(COLUMN + "events")
    (old,) = list(database.quads_for_pattern(first, events, None, MET_VIEW))
    database.remove(old)
    database.add(pyoxigraph.Quad(first, events, pyoxigraph.Literal("99", datatype=old.object.datatype), MET_VIEW))
    database.flush()
    del database
    rows, _ = _query("met", "--store", str(store), "--limit", "3")
    assert rows[1][2] == "99"
    evaluated = run_query("met", store=store, timeout=0, limit=3, use_views=False)
    assert str(evaluated.rows[0][2]) != "99"


def test_with_a_name_or_without_the_view_the_query_is_evaluated(built_seeds: Path, tmp_path: Path) -> None:
    store = built_seeds / "store"
    named, _ = _query("met", "--store", str(store), "--param", "name=丁文霞")
    assert named == _query("met", "--data", str(built_seeds / "graph.ttl"), "--param", "name=丁文霞")[0]
    assert len(named) > 1 and all("丁文霞" in row[:2] for row in named[1:])
    plain = _without_view(store, tmp_path / "plain")
    database = pyoxigraph.Store.read_only(str(plain))
    text = bundled_queries()["met"].path.read_text(encoding="utf-8")
    assert view_reading_query(database, "met", source_digest(text), 10) is None
    assert len(_query("met", "--store", str(plain), "--limit", "0")[0]) == 39
    # A view made from another text of the query is not used either.
    database = pyoxigraph.Store.read_only(str(store))
    assert view_reading_query(database, "met", source_digest(text + "\n# edited"), 10) is None
    assert view_reading_query(database, "met", source_digest(text), 10) is not None


def test_a_rebuilt_store_keeps_no_stale_pairs(built_seeds: Path, seed_files: list[Path], tmp_path: Path) -> None:
    store = _copy(built_seeds / "store", tmp_path / "store")
    before = _view_rows(store)
    result = CliRunner().invoke(
        main, ["build", str(seed_files[0]), "--out", str(tmp_path / "out"), "--format", "ttl", "--store", str(store)]
    )
    assert result.exit_code == 0, result.output
    after = _view_rows(store)
    evaluated = run_query("met", store=store, timeout=0, use_views=False)
    assert after == [(str(row[0]), str(row[1])) for row in evaluated.rows]
    assert 0 < len(after) < len(before) and set(before) - set(after)
    assert _query("met", "--store", str(store), "--limit", "0")[0][1:] == [
        [str(cell) for cell in row] for row in evaluated.rows
    ]


def test_an_update_of_the_store_makes_the_view_again(built_seeds: Path, tmp_path: Path) -> None:
    store = _copy(built_seeds / "store", tmp_path / "store")
    before = _view_rows(store)
    update = (
        "DELETE { ?event <https://schema.org/attendee> ?person } WHERE { ?event <https://schema.org/attendee> ?person ;"
        ' <https://kg.example.org/ontology#dateText> "4月8日上午"@zh }'
    )
    database = pyoxigraph.Store.read_only(str(store))
    triples = len(list(database.quads_for_pattern(None, None, None, pyoxigraph.DefaultGraph())))
    del database
    result = CliRunner().invoke(main, ["query", update, "--store", str(store), "--allow-update"])
    assert result.exit_code == 0, result.output
    assert f"{triples} → " in result.output  # the graph's triples, not the view's
    after = _view_rows(store)
    evaluated = run_query("met", store=store, timeout=0, use_views=False)
    assert after == [(str(row[0]), str(row[1])) for row in evaluated.rows]
    assert set(before) - set(after)  # the pairs that met on 4月8日 only are gone from the view too


def test_a_write_through_a_writable_endpoint_retires_the_view(built_seeds: Path, tmp_path: Path) -> None:
    """kg serve --writable does not remake the view on each write; it drops its header, so kg query evaluates."""
    store = _copy(built_seeds / "store", tmp_path / "served")
    update = (
        "DELETE { ?event <https://schema.org/attendee> ?person } WHERE { ?event <https://schema.org/attendee> ?person ;"
        ' <https://kg.example.org/ontology#dateText> "4月8日上午"@zh }'
    )
    database = open_store(store=store, writable=True)
    with running_server(SparqlApp(database, writable=True)) as base:
        posted = urllib.request.Request(
            f"{base}/update", data=update.encode("utf-8"), headers={"Content-Type": "application/sparql-update"}
        )
        with urllib.request.urlopen(posted) as response:
            assert response.status == 204
    database.flush()
    del database
    text = bundled_queries()["met"].path.read_text(encoding="utf-8")
    assert view_reading_query(pyoxigraph.Store.read_only(str(store)), "met", source_digest(text), 10) is None
    rows, _ = _query("met", "--store", str(store), "--limit", "0")
    evaluated = run_query("met", store=store, timeout=0, use_views=False)
    assert rows[1:] == [[str(cell) for cell in row] for row in evaluated.rows]
    assert len(rows) - 1 < len(_view_rows(built_seeds / "store"))  # the pairs of 4月8日 are gone, not read stale
    # The retired view's rows are still in the store, and still not counted as the graph's triples.
    from kg.stats import compute_stats

    database = pyoxigraph.Store.read_only(str(store))
    graph_only = len(list(database.quads_for_pattern(None, None, None, pyoxigraph.DefaultGraph())))
    del database
    assert compute_stats(store=store).triples == graph_only


def test_stats_count_the_graph_not_the_view(built_seeds: Path) -> None:
    from kg.stats import compute_stats

    from_store = compute_stats(store=built_seeds / "store")
    from_file = compute_stats(data=built_seeds / "graph.ttl")
    assert from_store.triples == from_file.triples


def test_a_graph_without_pairs_has_an_empty_view_with_the_query_columns() -> None:
    from kg.graph.materialise import materialise_views
    from kg.query import _evaluate

    store = pyoxigraph.Store()  # in memory: no events, so no pairs
    (made,) = materialise_views(store)
    assert (made.name, made.query, made.rows) == ("met", "met", 0)
    text = bundled_queries()["met"].path.read_text(encoding="utf-8")
    for limit in (None, 5):
        reading = view_reading_query(store, "met", source_digest(text), limit)
        assert reading is not None
        result = _evaluate(store, reading, limit)
        assert result.columns == ["person1", "person2", "events", "dates"]
        assert result.rows == [] and not result.truncated


def test_two_queries_cannot_declare_one_view(tmp_path: Path) -> None:
    from kg.errors import GraphError
    from kg.graph.materialise import declared_views
    from kg.query import describe_query

    met = bundled_queries()["met"]
    copy = tmp_path / "met-again.rq"
    copy.write_text(met.path.read_text(encoding="utf-8"), encoding="utf-8")
    with pytest.raises(GraphError, match="@view met is declared by more than one query"):
        declared_views([met, describe_query(copy)])
