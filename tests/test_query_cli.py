"""`kg query`, `kg validate` and `kg stats` through the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from test_graph_samples import sample_extractions

from kg.cli import main
from kg.graph.export import write_outputs
from kg.graph.rdf import build_graph
from kg.settings import Settings


@pytest.fixture(scope="module")
def graph_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("graph")
    return write_outputs(build_graph(sample_extractions(), Settings()), out, ["ttl"], store=out / "store")["ttl"]


def test_query_table_with_a_parameter(graph_file: Path) -> None:
    result = CliRunner().invoke(main, ["query", "--data", str(graph_file), "--param", "name=王新亭", "person-events"])
    assert result.exit_code == 0, result.output
    assert "王新亭" in result.output and "11月1日上午" in result.output and "(1 row)" in result.output


def test_query_json_from_the_store(graph_file: Path) -> None:
    store = graph_file.parent / "store"
    result = CliRunner().invoke(
        main, ["query", "--store", str(store), "--format", "json", "--param", "name=丁文霞", "officials"]
    )
    assert result.exit_code == 0, result.output
    assert {row["title"] for row in json.loads(result.output)} == {"副书记", "区长"}


def test_update_without_permission_exits_2(graph_file: Path) -> None:
    result = CliRunner().invoke(main, ["query", "--data", str(graph_file), "CLEAR ALL"])
    assert result.exit_code == 2
    assert "--allow-update" in result.output


def test_bad_param_syntax_exits_2(graph_file: Path) -> None:
    result = CliRunner().invoke(main, ["query", "--data", str(graph_file), "--param", "name", "officials"])
    assert result.exit_code == 2
    assert "name=value" in result.output


def test_query_list_shows_bundled_queries() -> None:
    result = CliRunner().invoke(main, ["query", "--list"])
    assert result.exit_code == 0
    assert "district-timeline" in result.output and "district" in result.output


def test_validate_exit_codes(graph_file: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["validate", str(graph_file)])
    assert result.exit_code == 0, result.output
    assert "Conforms" in result.output
    broken = tmp_path / "broken.ttl"
    broken.write_text(
        graph_file.read_text(encoding="utf-8").replace("kg:evidenceStart", "kg:evidenceBegin"), encoding="utf-8"
    )
    result = CliRunner().invoke(main, ["validate", str(broken)])
    assert result.exit_code == 2
    assert "Does not conform" in result.output and "kg:evidenceStart MinCount" in result.output
    garbage = tmp_path / "garbage.ttl"
    garbage.write_text("this is not turtle", encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", str(garbage)])
    assert result.exit_code == 2 and "garbage.ttl" in result.output


def test_stats_table_and_json(graph_file: Path) -> None:
    result = CliRunner().invoke(main, ["stats", "--data", str(graph_file), "--format", "json"])
    assert result.exit_code == 0, result.output
    stats = json.loads(result.output)
    assert stats["counts"]["events"] == 3
    assert stats["counts"]["officials"] == 6
    table = CliRunner().invoke(main, ["stats", "--data", str(graph_file)])
    assert "Betweenness centrality" in table.output and "Communities" in table.output


def test_stats_from_the_store(graph_file: Path) -> None:
    result = CliRunner().invoke(main, ["stats", "--store", str(graph_file.parent / "store"), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["officials"][0]["name"] == "丁文霞"
