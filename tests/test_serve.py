"""`kg serve` answers SPARQL over HTTP on loopback, and `kg load` pushes graphs to a Graph Store.

Every server here is started by the test on a free 127.0.0.1 port and stopped by it; requests
are few and time-limited.
"""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph
import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.serve import SparqlApp, negotiate, open_store, push_graph, running_server

# A small graph in the project's vocabulary about people and bodies of the seed pages.
SEED_GRAPH = """\
@prefix org: <http://www.w3.org/ns/org#> .
@prefix foaf: <http://xmlns.com/foaf/0.1/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix id: <https://kg.example.org/id/> .

id:person\\/丁文霞 a foaf:Person ; foaf:name "丁文霞"@zh ; rdfs:label "丁文霞"@zh ;
    org:holds <https://kg.example.org/id/post/丁文霞/惠济区政府/区长> .
<https://kg.example.org/id/post/丁文霞/惠济区政府/区长> a org:Post ; rdfs:label "惠济区政府区长"@zh ;
    org:heldBy id:person\\/丁文霞 ; org:postIn id:org\\/惠济区政府 .
id:person\\/胡荃 a foaf:Person ; foaf:name "胡荃"@zh ; rdfs:label "胡荃"@zh ;
    org:holds <https://kg.example.org/id/post/胡荃/郑州市人大常委会/主任> .
<https://kg.example.org/id/post/胡荃/郑州市人大常委会/主任> a org:Post ; rdfs:label "郑州市人大常委会主任"@zh ;
    org:heldBy id:person\\/胡荃 ; org:postIn id:org\\/郑州市人大常委会 .
id:org\\/惠济区政府 a org:Organization ; rdfs:label "惠济区政府"@zh .
id:org\\/郑州市人大常委会 a org:Organization ; rdfs:label "郑州市人大常委会"@zh .
"""
EXTRA_GRAPH = """\
@prefix foaf: <http://xmlns.com/foaf/0.1/> .
<https://kg.example.org/id/person/刘满仓> a foaf:Person ; foaf:name "刘满仓"@zh .
"""
NAMES_QUERY = """
PREFIX foaf: <http://xmlns.com/foaf/0.1/>
SELECT ?name WHERE { ?p a foaf:Person ; foaf:name ?name } ORDER BY ?name
"""
TIMEOUT = 10.0


@pytest.fixture(scope="module")
def graph_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("graph") / "graph.ttl"
    path.write_text(SEED_GRAPH, encoding="utf-8")
    return path


@pytest.fixture
def extra_file(tmp_path: Path) -> Path:
    path = tmp_path / "extra.ttl"
    path.write_text(EXTRA_GRAPH, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def endpoint(graph_file: Path) -> Iterator[str]:
    with running_server(SparqlApp(open_store(data=graph_file))) as url:
        yield url


def request(url: str, data: bytes | None = None, headers: dict[str, str] | None = None, method: str | None = None):
    req = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(req, timeout=TIMEOUT) as response:
            return response.status, response.headers.get("Content-Type", ""), response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("Content-Type", ""), error.read()


def query_url(base: str, query: str) -> str:
    return f"{base}/query?{urllib.parse.urlencode({'query': query})}"


def test_get_query_answers_sparql_json(endpoint: str) -> None:
    status, media, body = request(
        query_url(endpoint, NAMES_QUERY), headers={"Accept": "application/sparql-results+json"}
    )
    assert status == 200 and media.startswith("application/sparql-results+json")
    names = [b["name"]["value"] for b in json.loads(body)["results"]["bindings"]]
    assert sorted(names) == ["丁文霞", "胡荃"]


def test_post_form_negotiates_csv_and_tsv(endpoint: str) -> None:
    form = urllib.parse.urlencode({"query": NAMES_QUERY}).encode()
    status, media, body = request(
        f"{endpoint}/query",
        data=form,
        headers={"Content-Type": "application/x-www-form-urlencoded", "Accept": "text/csv;q=0.9, text/html;q=0.1"},
    )
    assert status == 200 and media.startswith("text/csv")
    rows = list(csv.reader(io.StringIO(body.decode("utf-8"))))
    assert rows[0] == ["name"] and sorted(r[0] for r in rows[1:]) == ["丁文霞", "胡荃"]

    status, media, body = request(
        f"{endpoint}/query",
        data=NAMES_QUERY.encode(),
        headers={"Content-Type": "application/sparql-query", "Accept": "text/tab-separated-values"},
    )
    assert status == 200 and media.startswith("text/tab-separated-values")
    assert '"丁文霞"@zh' in body.decode("utf-8")


def test_construct_returns_turtle_and_ask_a_boolean(endpoint: str) -> None:
    construct = "PREFIX org: <http://www.w3.org/ns/org#> CONSTRUCT { ?p org:postIn ?b } WHERE { ?p org:postIn ?b }"
    status, media, body = request(query_url(endpoint, construct), headers={"Accept": "text/turtle"})
    assert status == 200 and media.startswith("text/turtle")
    triples = list(pyoxigraph.parse(body, format=pyoxigraph.RdfFormat.TURTLE))
    assert {t.object.value for t in triples} == {
        "https://kg.example.org/id/org/惠济区政府",
        "https://kg.example.org/id/org/郑州市人大常委会",
    }
    ask = 'PREFIX foaf: <http://xmlns.com/foaf/0.1/> ASK { ?p foaf:name "丁文霞"@zh }'
    status, _, body = request(query_url(endpoint, ask) + "&format=json")
    assert status == 200 and json.loads(body)["boolean"] is True


def test_errors_are_http_errors(endpoint: str) -> None:
    assert request(query_url(endpoint, "SELECT WHERE {"))[0] == 400
    assert request(f"{endpoint}/query")[0] == 400
    assert request(query_url(endpoint, NAMES_QUERY), headers={"Accept": "image/png"})[0] == 406
    update = b"INSERT DATA { <urn:a> <urn:b> <urn:c> }"
    status, _, body = request(f"{endpoint}/update", data=update, headers={"Content-Type": "application/sparql-update"})
    assert status == 403 and b"read-only" in body
    status, _, _ = request(f"{endpoint}/store?default", data=b"", headers={"Content-Type": "text/turtle"}, method="PUT")
    assert status == 403
    assert request(f"{endpoint}/nowhere")[0] == 404


def test_graph_store_get_dumps_the_default_graph(endpoint: str) -> None:
    status, media, body = request(f"{endpoint}/store?default", headers={"Accept": "application/n-triples"})
    assert status == 200 and media.startswith("application/n-triples")
    assert len(list(pyoxigraph.parse(body, format=pyoxigraph.RdfFormat.N_TRIPLES))) == 20


def test_negotiation_respects_quality_and_wildcards() -> None:
    offered = {"text/csv": "CSV", "application/sparql-results+json": "JSON"}
    assert negotiate("text/csv;q=0.5, application/sparql-results+json", offered, "text/csv") == (
        "application/sparql-results+json"
    )
    assert negotiate("*/*", offered, "application/sparql-results+json") == "application/sparql-results+json"
    assert negotiate("", offered, "text/csv") == "text/csv"
    assert negotiate("image/png", offered, "text/csv") is None


def test_push_graph_into_a_writable_endpoint(graph_file: Path, extra_file: Path) -> None:
    with running_server(SparqlApp(pyoxigraph.Store(), writable=True)) as base:
        result = push_graph(graph_file, f"{base}/store", graph="https://kg.example.org/graph/seeds")
        assert (result.triples, result.status) == (20, 201)
        push_graph(extra_file, f"{base}/store", graph="https://kg.example.org/graph/seeds", replace=False)
        count = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <https://kg.example.org/graph/seeds> { ?s ?p ?o } }"
        _, _, body = request(query_url(base, count), headers={"Accept": "application/sparql-results+json"})
        assert json.loads(body)["results"]["bindings"][0]["n"]["value"] == "22"
        push_graph(extra_file, f"{base}/store", graph="https://kg.example.org/graph/seeds")  # PUT replaces
        _, _, body = request(query_url(base, count), headers={"Accept": "application/sparql-results+json"})
        assert json.loads(body)["results"]["bindings"][0]["n"]["value"] == "2"


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_until_up(url: str, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"the server exited with {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=1):
                return
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.1)
    raise AssertionError(f"no server at {url} after 20 s")


def _stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=10)


def test_kg_serve_command_serves_a_graph_file(graph_file: Path) -> None:
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "kg", "serve", "--data", str(graph_file), "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        _wait_until_up(f"{base}/", process)
        status, media, body = request(query_url(base, NAMES_QUERY), headers={"Accept": "text/csv"})
        assert status == 200 and media.startswith("text/csv")
        assert "胡荃" in body.decode("utf-8")
    finally:
        _stop(process)


def oxigraph_binary() -> str:
    found = shutil.which("oxigraph") or str(Path(sys.executable).with_name("oxigraph"))
    assert os.access(found, os.X_OK), "the oxigraph server (PyPI package `oxigraph`, a test extra) is missing"
    return found


@pytest.fixture
def oxigraph_server(tmp_path: Path) -> Iterator[str]:
    port = _free_port()
    process = subprocess.Popen(
        [oxigraph_binary(), "serve", "--location", str(tmp_path / "oxigraph"), "--bind", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(f"{base}/query?query=ASK%7B%7D", process)
        yield base
    finally:
        _stop(process)


def _count(base: str, graph: str | None) -> int:
    pattern = f"GRAPH <{graph}> {{ ?s ?p ?o }}" if graph else "?s ?p ?o"
    _, _, body = request(
        query_url(base, f"SELECT (COUNT(*) AS ?n) WHERE {{ {pattern} }}"),
        headers={"Accept": "application/sparql-results+json"},
    )
    return int(json.loads(body)["results"]["bindings"][0]["n"]["value"])


def test_kg_load_into_a_real_oxigraph_server(oxigraph_server: str, graph_file: Path, extra_file: Path) -> None:
    named = "https://kg.example.org/graph/seeds"
    runner = CliRunner()
    result = runner.invoke(main, ["load", str(graph_file), "--endpoint", f"{oxigraph_server}/store", "--graph", named])
    assert result.exit_code == 0, result.output
    assert "Loaded 20 triples" in result.output
    assert _count(oxigraph_server, named) == 20

    result = runner.invoke(
        main, ["load", str(extra_file), "--endpoint", f"{oxigraph_server}/store", "--graph", named, "--append"]
    )
    assert result.exit_code == 0, result.output
    assert _count(oxigraph_server, named) == 22

    result = runner.invoke(main, ["load", str(extra_file), "--endpoint", f"{oxigraph_server}/store"])
    assert result.exit_code == 0, result.output
    assert "the default graph" in result.output
    names = "SELECT ?n WHERE { ?p <http://xmlns.com/foaf/0.1/name> ?n }"
    _, _, body = request(query_url(oxigraph_server, names), headers={"Accept": "application/sparql-results+json"})
    assert [b["n"]["value"] for b in json.loads(body)["results"]["bindings"]] == ["刘满仓"]


def test_kg_load_reports_user_errors_in_one_line(tmp_path: Path, graph_file: Path) -> None:
    runner = CliRunner()
    port = _free_port()  # nothing listens there
    result = runner.invoke(main, ["load", str(graph_file), "--endpoint", f"http://127.0.0.1:{port}/store"])
    assert result.exit_code == 2 and "cannot reach the endpoint" in result.output
    assert len(result.output.strip().splitlines()) == 1

    broken = tmp_path / "broken.ttl"
    broken.write_text("<urn:a> <urn:b> .", encoding="utf-8")
    result = runner.invoke(main, ["load", str(broken), "--endpoint", "http://127.0.0.1:1/store"])
    assert result.exit_code == 2 and "broken.ttl" in result.output and "cannot parse" in result.output

    result = runner.invoke(main, ["load", str(graph_file), "--endpoint", "ftp://example/store"])
    assert result.exit_code == 2 and "http(s) URL" in result.output


def test_serve_a_store_built_from_the_seeds(built_seeds: Path) -> None:
    with running_server(SparqlApp(open_store(store=built_seeds / "store"))) as base:
        query = (
            "PREFIX foaf: <http://xmlns.com/foaf/0.1/> PREFIX org: <http://www.w3.org/ns/org#> "
            "SELECT DISTINCT ?name WHERE { ?p a foaf:Person ; foaf:name ?name ; org:holds ?post }"
        )
        status, _, body = request(query_url(base, query), headers={"Accept": "application/sparql-results+json"})
    assert status == 200
    names = {b["name"]["value"] for b in json.loads(body)["results"]["bindings"]}
    assert {"丁文霞", "胡荃"} <= names


def test_load_the_built_seed_graph_into_oxigraph(oxigraph_server: str, built_seeds: Path) -> None:
    graph = built_seeds / "graph.ttl"
    expected = len(list(pyoxigraph.parse(path=str(graph), format=pyoxigraph.RdfFormat.TURTLE)))
    result = CliRunner().invoke(main, ["load", str(graph), "--endpoint", f"{oxigraph_server}/store"])
    assert result.exit_code == 0, result.output
    assert f"Loaded {expected} triples" in result.output
    assert _count(oxigraph_server, None) == expected
