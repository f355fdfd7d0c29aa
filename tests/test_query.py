"""SPARQL: bundled queries, safe parameters, refused updates, timeouts, output formats."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from test_graph_samples import sample_extractions

from kg.errors import GraphError, UsageError
from kg.graph.export import write_outputs
from kg.graph.rdf import build_graph
from kg.query import (
    QueryTimeout,
    UpdateRefused,
    bind_parameters,
    bundled_queries,
    format_result,
    is_update,
    run_query,
    sparql_literal,
)
from kg.settings import Settings


@pytest.fixture(scope="module")
def graph_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("graph")
    return write_outputs(build_graph(sample_extractions(), Settings()), out, ["ttl"])["ttl"]


def column(result, name: str) -> list[str]:
    return [str(row[result.columns.index(name)]) for row in result.rows]


def test_bundled_queries_document_their_parameters() -> None:
    queries = bundled_queries()
    assert {"officials", "person-events", "met", "body-events", "place-events", "district-timeline"} <= set(queries)
    assert "name" in queries["person-events"].params
    assert queries["district-timeline"].required == {"district"}
    assert all(q.description for q in queries.values())


def test_officials_with_posts_and_bodies(graph_file: Path) -> None:
    result = run_query("officials", data=graph_file, params={"name": "丁文霞"}, timeout=0)
    assert sorted(zip(column(result, "title"), column(result, "body"), strict=True)) == [
        ("副书记", "惠济区委"),
        ("区长", "惠济区政府"),
    ]
    # 区长 is reported by two articles
    assert dict(zip(column(result, "title"), column(result, "articles"), strict=True))["区长"] == "2"


def test_person_events_with_dates_places_and_roles(graph_file: Path) -> None:
    result = run_query("person-events", data=graph_file, params={"name": "王新亭"}, timeout=0)
    assert column(result, "date") == ["--11-01"]
    assert column(result, "when") == ["11月1日上午"]
    assert column(result, "role") == ["带队"]
    assert column(result, "places") == ["高新区"]


def test_who_met_whom(graph_file: Path) -> None:
    result = run_query("met", data=graph_file, params={"name": "胡荃"}, timeout=0)
    partners = {
        a if b == "胡荃" else b for a, b in zip(column(result, "person1"), column(result, "person2"), strict=True)
    }
    assert partners == {"丁文霞", "蔡红", "阎红心"}


def test_place_events_include_the_places_under_it(graph_file: Path) -> None:
    result = run_query("place-events", data=graph_file, params={"place": "惠济区"}, timeout=0)
    assert column(result, "when") == ["4月8日上午", "4月9日下午"]
    # the inspection took place at 黄河滩地公园, which is in 惠济区
    park = run_query("place-events", data=graph_file, params={"place": "黄河滩地公园"}, timeout=0)
    assert column(park, "when") == ["4月8日上午"]


def test_district_timeline_and_body_events(graph_file: Path) -> None:
    timeline = run_query("district-timeline", data=graph_file, params={"district": "高新区"}, timeout=0)
    assert column(timeline, "when") == ["11月1日上午"]
    body = run_query("body-events", data=graph_file, params={"body": "郑州市人大常委会"}, timeout=0)
    assert set(column(body, "via")) == {"胡荃", "蔡红"}


def test_required_parameter_is_asked_for(graph_file: Path) -> None:
    with pytest.raises(UsageError, match="needs --param district"):
        run_query("district-timeline", data=graph_file, timeout=0)


def test_parameters_cannot_inject_sparql(graph_file: Path) -> None:
    hostile = '丁文霞" || true || "'
    result = run_query("officials", data=graph_file, params={"name": hostile}, timeout=0)
    assert result.rows == []
    bound = bind_parameters("SELECT * WHERE { ?s ?p ?name }", {"name": 'a"} DROP ALL #'})
    assert 'VALUES (?name) { ("a\\"} DROP ALL #") }' in bound
    assert sparql_literal("a\\b\n") == '"a\\\\b\\n"'
    with pytest.raises(UsageError, match="no variable"):
        bind_parameters("SELECT * WHERE { ?s ?p ?o }", {"name": "x"})
    with pytest.raises(UsageError, match="variable name"):
        bind_parameters("SELECT * WHERE { ?s ?p ?o }", {"o } DROP ALL": "x"})
    with pytest.raises(UsageError, match="valid IRI"):
        bind_parameters("SELECT * WHERE { ?s ?p ?o }", {"o": "<a b>"})


def test_zh_variant_of_a_parameter_is_a_language_tagged_literal() -> None:
    bound = bind_parameters("SELECT ?p WHERE { ?p ?label ?name_zh }", {"name": "丁文霞"})
    assert 'VALUES (?name_zh) { ("丁文霞"@zh) }' in bound
    both = bind_parameters("SELECT ?p WHERE { ?p ?x ?name_zh FILTER(?name != '') }", {"name": "丁文霞"})
    assert 'VALUES (?name ?name_zh) { ("丁文霞" "丁文霞"@zh) }' in both


def test_parameters_go_into_the_where_group_not_a_construct_template() -> None:
    text = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"
    assert bind_parameters(text, {"s": "<http://x/y>"}).endswith("WHERE { VALUES (?s) { (<http://x/y>) }  ?s ?p ?o }")


def test_updates_are_recognised() -> None:
    assert is_update("PREFIX x: <http://x/> # a comment\nINSERT DATA { x:a x:b x:c }")
    assert is_update("delete where { ?s ?p ?o }")
    assert not is_update("# DELETE in a comment\nSELECT * WHERE { ?s ?p 'DROP' }")


def test_update_is_refused_and_the_file_is_unchanged(graph_file: Path) -> None:
    before = graph_file.read_bytes()
    with pytest.raises(UpdateRefused, match="--allow-update"):
        run_query("DELETE WHERE { ?s ?p ?o }", data=graph_file, timeout=0)
    assert graph_file.read_bytes() == before


def test_allowed_update_rewrites_the_data_file(graph_file: Path, tmp_path: Path) -> None:
    copy = tmp_path / "graph.ttl"
    copy.write_bytes(graph_file.read_bytes())
    update = 'DELETE WHERE { ?p <http://xmlns.com/foaf/0.1/name> "王新亭"@zh }'
    result = run_query(update, data=copy, allow_update=True, timeout=30)
    assert "→" in result.message
    assert copy.read_text(encoding="utf-8").startswith("@prefix rdf:")
    names = run_query("SELECT ?n WHERE { ?p <http://xmlns.com/foaf/0.1/name> ?n }", data=copy, timeout=0)
    assert "王新亭" not in column(names, "n")
    assert "丁文霞" in column(names, "n")


def test_a_query_past_the_timeout_is_stopped(graph_file: Path) -> None:
    slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
    with pytest.raises(QueryTimeout, match="stopped after 1 s"):
        run_query(slow, data=graph_file, timeout=1)


def test_worker_process_returns_results_and_errors(graph_file: Path) -> None:
    result = run_query("officials", data=graph_file, params={"name": "王新"}, timeout=30)
    assert set(column(result, "title")) == {"党组书记", "主任"}
    with pytest.raises(GraphError, match="syntax"):
        run_query("SELECT ?x WHERE { ?x ?y }", data=graph_file, timeout=30)


def test_missing_data_and_unknown_query(tmp_path: Path, graph_file: Path) -> None:
    with pytest.raises(GraphError, match="no such graph file"):
        run_query("officials", data=tmp_path / "missing.ttl")
    with pytest.raises(UsageError, match="bundled queries"):
        run_query("no-such-query", data=graph_file)


def test_output_formats(graph_file: Path) -> None:
    result = run_query("officials", data=graph_file, params={"name": "丁文霞"}, timeout=0)
    table = format_result(result, "table").splitlines()
    assert table[0].split() == ["official", "person", "title", "body", "kind", "articles"]
    assert "person:丁文霞" in table[2]
    # CJK is two columns wide: the cells after a Chinese cell line up with the header
    assert table[2].index("post") > 0
    rows = list(csv.DictReader(io.StringIO(format_result(result, "csv"))))
    assert rows[0]["official"] == "https://kg.example.org/id/person/丁文霞"
    assert json.loads(format_result(result, "json"))[0]["person"] == "丁文霞"
    assert format_result(result, "tsv").splitlines()[0] == "official\tperson\ttitle\tbody\tkind\tarticles"


def test_table_alignment_counts_chinese_as_double_width() -> None:
    from wcwidth import wcswidth

    from kg.query import format_table

    lines = format_table(["a", "b"], [["丁文霞", "x"], ["ab", "y"]]).splitlines()
    assert wcswidth(lines[2].split("x")[0]) == wcswidth(lines[3].split("y")[0])
