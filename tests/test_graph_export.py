"""Turtle, N-Triples, JSON-LD and the Oxigraph store: complete, deterministic, atomic; SHACL."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph
import pytest
import rdflib
from rdflib.compare import isomorphic
from test_graph_samples import sample_extractions

from kg.errors import UsageError
from kg.graph.export import turtle_bytes, write_outputs, write_store
from kg.graph.namespaces import KG
from kg.graph.rdf import KnowledgeGraph, build_graph, nt_iri
from kg.graph.validate import validate
from kg.settings import Settings


@pytest.fixture(scope="module")
def graph():
    return build_graph(sample_extractions(), Settings())


def test_turtle_is_pretty_complete_and_parses_in_rdflib_and_oxigraph(graph, tmp_path: Path) -> None:
    written = write_outputs(graph, tmp_path, ["ttl", "nt"])
    text = written["ttl"].read_text(encoding="utf-8")
    assert text.startswith("@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .")
    assert "person:丁文霞 a foaf:Person ;" in text
    assert "_:" not in text  # no blank nodes
    from_turtle = rdflib.Graph().parse(written["ttl"], format="turtle")
    from_nt = rdflib.Graph().parse(written["nt"], format="nt")
    assert len(from_turtle) == len(graph)
    assert isomorphic(from_turtle, from_nt)
    assert len(list(pyoxigraph.parse(path=str(written["ttl"])))) == len(graph)


def test_two_builds_write_byte_identical_files(tmp_path: Path) -> None:
    first = write_outputs(build_graph(sample_extractions(), Settings()), tmp_path / "a", ["ttl", "nt", "jsonld"])
    second = write_outputs(build_graph(sample_extractions(), Settings()), tmp_path / "b", ["ttl", "nt", "jsonld"])
    for fmt in ("ttl", "nt", "jsonld"):
        assert first[fmt].read_bytes() == second[fmt].read_bytes()
    assert not list((tmp_path / "a").glob(".*"))  # no temporary files left behind


def test_jsonld_is_the_same_graph(graph, tmp_path: Path) -> None:
    written = write_outputs(graph, tmp_path, ["jsonld", "nt"])
    from_jsonld = rdflib.Graph().parse(written["jsonld"], format="json-ld")
    assert isomorphic(from_jsonld, rdflib.Graph().parse(written["nt"], format="nt"))


def test_store_is_loaded_and_replaced(graph, tmp_path: Path) -> None:
    store_dir = tmp_path / "store"
    write_outputs(graph, tmp_path / "out", ["ttl"], store=store_dir)
    write_store(graph, store_dir)  # a second load replaces, it does not add
    store = pyoxigraph.Store.read_only(str(store_dir))
    assert len(list(store.quads_for_pattern(None, None, None, pyoxigraph.DefaultGraph()))) == len(graph)
    rows = list(store.query(f"SELECT ?p WHERE {{ ?p <{KG}role> <{KG}Led> }}"))
    assert len(rows) == 3
    del store
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out", "store"]


def test_store_refuses_to_replace_a_directory_that_is_not_a_store(graph, tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("keep me")
    with pytest.raises(UsageError, match="not an Oxigraph store"):
        write_store(graph, tmp_path)
    assert (tmp_path / "notes.txt").read_text() == "keep me"


def test_unknown_format_is_refused(graph, tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="unknown format"):
        write_outputs(graph, tmp_path, ["xml"])


def test_built_graph_conforms_to_the_shapes(graph) -> None:
    report = validate(graph)
    assert report.conforms, report.summary()


def test_a_broken_graph_does_not_conform_and_the_report_says_why(graph) -> None:
    complete = build_graph(sample_extractions(), Settings())
    broken = KnowledgeGraph(complete.prefixes)
    broken.update(t for t in complete if t[1] != nt_iri(KG + "evidence"))
    report = validate(broken)
    assert not report.conforms
    assert "kg:evidence MinCount" in report.summary()


def test_turtle_prefix_header_is_fixed(graph) -> None:
    header = [line for line in turtle_bytes(graph).decode().splitlines() if line.startswith("@prefix")]
    assert [line.split()[1] for line in header][:3] == ["rdf:", "rdfs:", "owl:"]
    assert "@prefix person: <https://kg.example.org/id/person/> ." in header


def test_jsonld_keeps_escaped_text_and_typed_literals(tmp_path: Path) -> None:
    from kg.graph.namespaces import RDFS_LABEL, XSD, all_prefixes
    from kg.graph.rdf import nt_text, nt_typed

    graph = KnowledgeGraph(all_prefixes("https://kg.example.org/id/"))
    node = nt_iri("https://kg.example.org/id/post/甲/乙/丙")
    graph.add(node, nt_iri(RDFS_LABEL), nt_text('他说"好"\\n\t\x01'))
    graph.add(node, nt_iri(KG + "evidenceStart"), nt_typed("12", XSD + "integer"))
    graph.add(node, nt_iri(KG + "extractor"), nt_text("rule", None))
    written = write_outputs(graph, tmp_path, ["jsonld", "nt"])
    assert '"@id": "post:甲/乙/丙"' in written["jsonld"].read_text(encoding="utf-8")
    from_jsonld = rdflib.Graph().parse(written["jsonld"], format="json-ld")
    assert isomorphic(from_jsonld, rdflib.Graph().parse(written["nt"], format="nt"))


def test_html_alone_is_drawn_from_the_graph_and_leaves_no_other_file(graph, tmp_path: Path) -> None:
    written = write_outputs(graph, tmp_path, ["html"])
    assert [p.name for p in tmp_path.iterdir()] == ["graph.html"]
    assert "丁文霞" in written["html"].read_text(encoding="utf-8")


# Where render_view_noting_its_process notes the process that drew the view.
VIEW_PID = "view-pid.txt"


def test_the_view_is_drawn_beside_the_other_outputs_with_the_same_bytes(
    graph, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With two processes the view is drawn in a forked copy while this process writes Turtle; the page is the
    page drawn in one process and the page `kg view` draws from the Turtle."""
    import os

    from kg.forked import fork_is_safe
    from kg.graph import export
    from kg.view.html import render_html

    original = export.render_view

    def render_view_noting_its_process(view_graph: KnowledgeGraph, path: Path) -> None:
        (tmp_path / VIEW_PID).write_text(str(os.getpid()), encoding="utf-8")
        original(view_graph, path)

    monkeypatch.setattr(export, "render_view", render_view_noting_its_process)
    one = write_outputs(graph, tmp_path / "one", ["ttl", "html"], processes=1)
    assert int((tmp_path / VIEW_PID).read_text(encoding="utf-8")) == os.getpid()
    two = write_outputs(graph, tmp_path / "two", ["ttl", "html"], processes=2)
    drawn_by = int((tmp_path / VIEW_PID).read_text(encoding="utf-8"))
    assert (drawn_by != os.getpid()) == fork_is_safe()
    assert two["html"].read_bytes() == one["html"].read_bytes()
    assert two["ttl"].read_bytes() == one["ttl"].read_bytes()
    from_turtle = render_html(one["ttl"], tmp_path / "view.html")
    assert from_turtle.read_bytes() == one["html"].read_bytes()
    assert sorted(p.name for p in (tmp_path / "two").iterdir()) == ["graph.html", "graph.ttl"]


def _broken_view(view_graph: KnowledgeGraph, path: Path) -> None:
    raise RuntimeError("the view broke")


@pytest.mark.parametrize("processes", [1, 2])
def test_a_failing_view_keeps_the_previous_page_and_leaves_no_temporary_file(
    graph, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, processes: int
) -> None:
    from kg.graph import export

    write_outputs(graph, tmp_path, ["html"])
    before = (tmp_path / "graph.html").read_bytes()
    monkeypatch.setattr(export, "render_view", _broken_view)
    with pytest.raises(RuntimeError, match="the view broke"):
        write_outputs(graph, tmp_path, ["ttl", "html"], processes=processes)
    assert (tmp_path / "graph.html").read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph.html", "graph.ttl"]
