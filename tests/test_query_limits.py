"""`kg query --limit` and @page evaluation over the built seeds: the first rows, the same as a full run."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

import kg.query
from kg.cli import main
from kg.errors import UsageError
from kg.query import bundled_queries, run_query

PAGED = ("person-events", "body-events", "officials")


def test_paged_queries_declare_a_pattern_for_their_optional_parameter() -> None:
    queries = bundled_queries()
    for name in PAGED:
        (parameter,) = queries[name].pages
        assert parameter in queries[name].params and parameter not in queries[name].required
        assert f"?{parameter}_zh" in queries[name].pages[parameter]
    assert not queries["met"].pages  # ordered by the count of shared events first: cannot be paged by name


@pytest.mark.parametrize("name", PAGED)
def test_paged_rows_are_the_first_rows_of_the_full_result(
    built_seeds: Path, name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = built_seeds / "store"
    full = run_query(name, store=store, timeout=0)
    assert len(full.rows) > 20 and not full.truncated
    monkeypatch.setattr(kg.query, "FIRST_BATCH", 2)  # many small batches, to cross batch boundaries
    for limit in (1, 3, 7, len(full.rows) - 1, len(full.rows), len(full.rows) + 1, 100_000):
        paged = run_query(name, store=store, timeout=0, limit=limit)
        assert paged.columns == full.columns
        assert paged.rows == full.rows[:limit], (name, limit)
        assert paged.truncated == (len(full.rows) > limit), (name, limit)


def test_paging_keeps_the_other_parameters_and_the_data_file(built_seeds: Path) -> None:
    graph = built_seeds / "graph.ttl"
    full = run_query("person-events", data=graph, timeout=0)
    paged = run_query("person-events", data=graph, timeout=0, limit=4)
    assert paged.rows == full.rows[:4] and paged.truncated
    bound = run_query("person-events", data=graph, params={"name": "王新亭"}, timeout=0, limit=4)
    assert bound.rows == run_query("person-events", data=graph, params={"name": "王新亭"}, timeout=0).rows
    assert {str(row[0]) for row in bound.rows} == {"王新亭"} and not bound.truncated


def test_kinds_and_roles_are_shown_by_their_chinese_labels(built_seeds: Path) -> None:
    result = run_query("person-events", store=built_seeds / "store", timeout=0)
    kinds = {str(row[result.columns.index("kind")]) for row in result.rows}
    roles = {str(row[result.columns.index("role")]) for row in result.rows}
    assert "考察检查" in kinds and "Inspection" not in kinds  # kg:Inspection's zh label
    assert {"陪同", "带队"} <= roles  # kg:Accompanied, kg:Led


def test_limit_cuts_unpaged_queries_too(built_seeds: Path) -> None:
    full = run_query("met", store=built_seeds / "store", timeout=0)
    cut = run_query("met", store=built_seeds / "store", timeout=0, limit=5)
    assert cut.rows == full.rows[:5] and cut.truncated and not full.truncated
    triples = run_query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", store=built_seeds / "store", timeout=0, limit=3)
    assert len(triples.rows) == 3 and triples.truncated


def test_a_page_pattern_must_bind_the_parameter(tmp_path: Path, built_seeds: Path) -> None:
    query = tmp_path / "broken.rq"
    query.write_text(
        "# Names.\n# @param name: optional, a name\n# @page name: ?p <http://xmlns.com/foaf/0.1/name> ?other .\n"
        "SELECT ?name_zh WHERE { ?p <http://xmlns.com/foaf/0.1/name> ?name_zh } ORDER BY ?name_zh\n",
        encoding="utf-8",
    )
    with pytest.raises(UsageError, match="must bind"):
        run_query(str(query), store=built_seeds / "store", timeout=0, limit=5)


def test_negative_limit_is_refused(built_seeds: Path) -> None:
    with pytest.raises(UsageError, match="--limit"):
        run_query("officials", store=built_seeds / "store", timeout=0, limit=-1)


def test_command_line_limit_note_and_limit_zero(built_seeds: Path) -> None:
    """Through a real process (the forked worker of a single-threaded kg query) and through CliRunner."""
    store = str(built_seeds / "store")
    command = [sys.executable, "-c", "from kg.cli import main; main()", "query", "person-events", "--store", store]
    done = subprocess.run([*command, "--limit", "2", "--format", "csv"], capture_output=True, text=True, check=True)
    assert len(done.stdout.strip().splitlines()) == 3  # header and two rows
    assert "first 2 rows shown" in done.stderr and "--limit 0" in done.stderr
    every = CliRunner().invoke(main, ["query", "person-events", "--store", store, "--limit", "0", "--format", "csv"])
    assert every.exit_code == 0, every.output
    assert len(every.stdout.strip().splitlines()) == 1 + len(run_query("person-events", store=store, timeout=0).rows)
    assert "were cut" not in every.stderr
    refused = CliRunner().invoke(main, ["query", "officials", "--store", store, "--limit", "-3"])
    assert refused.exit_code == 2
