"""The HTML page as a file: offline, escaped, deterministic, and the selection options."""

from __future__ import annotations

import json
import re
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph

from kg.cli import main
from kg.errors import GraphError, UsageError
from kg.view.html import render_html, script_json

FIXTURE = Path(__file__).parent / "fixtures" / "view" / "seed_small.ttl"


class TagCounter(HTMLParser):
    """Counts the elements an HTML parser sees: what a browser would build from the page."""

    def __init__(self) -> None:
        super().__init__()
        self.counts: Counter[str] = Counter()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.counts[tag] += 1


def page_data(html: str) -> dict:
    block = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', html, re.S)
    assert block, "the page has no data block"
    return json.loads(block.group(1))


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> str:
    out = render_html(FIXTURE, tmp_path_factory.mktemp("view") / "graph.html")
    return out.read_text(encoding="utf-8")


def test_page_fetches_nothing(page: str) -> None:
    assert not re.search(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", page, re.I)
    assert not re.search(r"""url\(\s*["']?\s*(?:https?:)?//""", page, re.I)
    assert not re.search(r"@import", page)
    assert "default-src 'none'" in page  # and the browser is told so
    assert "vis.Network" in page and "vis-network" in page  # the library is inlined


def test_chinese_is_written_as_utf8_text(page: str) -> None:
    assert '<meta charset="utf-8">' in page
    assert "惠济区委" in page and "胡荃" in page and "\\u80e1" not in page


def test_hostile_strings_never_appear_as_markup(page: str) -> None:
    assert "window.__pwned" in page  # the text is there ...
    assert "<script>window.__pwned" not in page  # ... but never as a tag
    assert "<img src=x" not in page
    tags = TagCounter()
    tags.feed(page)
    assert tags.counts["script"] == 3 and "img" not in tags.counts  # the data block, vis-network, our script
    data = page_data(page)
    names = {node["name"] for node in data["nodes"]}
    assert "<script>window.__pwned=1</script><img src=x onerror=window.__pwned=2>" in names


def test_script_json_escapes_everything_that_could_end_a_script() -> None:
    text = script_json({"a": "</script><!-- & \u2028"})
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    assert json.loads(text) == {"a": "</script><!-- & \u2028"}


def test_page_holds_the_whole_fixture(page: str) -> None:
    data = page_data(page)
    assert len(data["nodes"]) == 30 and len(data["edges"]) == 43
    assert {t["key"]: t["count"] for t in data["types"]} == {
        "person": 9, "body": 9, "place": 6, "event": 3, "article": 3
    }
    assert [d["text"] for d in data["dates"]] == ["4月8日", "4月9日", "4月13日"]
    assert data["options"]["physics"]["enabled"] is False
    assert all(isinstance(n["x"], float) and isinstance(n["y"], float) for n in data["nodes"])
    assert "人物 9 · 机构 9 · 地点 6 · 活动 3 · 报道 3 · 关系 43" in page


def test_same_graph_same_html(tmp_path: Path) -> None:
    first = render_html(FIXTURE, tmp_path / "a.html").read_bytes()
    second = render_html(Graph().parse(FIXTURE), tmp_path / "b.html").read_bytes()
    assert first == second


def test_focus_hops_types_and_min_degree(tmp_path: Path) -> None:
    one = page_data(render_html(FIXTURE, tmp_path / "one.html", focus="胡荃", hops=1).read_text("utf-8"))
    assert {n["name"] for n in one["nodes"]} == {"胡荃", "考察 黄河滩地公园", "郑州市人大常委会"}
    two = page_data(render_html(FIXTURE, tmp_path / "two.html", focus="胡荃", hops=2).read_text("utf-8"))
    assert {"蔡红", "阎红心", "黄河滩地公园", "郑州市"} <= {n["name"] for n in two["nodes"]}
    people = page_data(render_html(FIXTURE, tmp_path / "t.html", types=["official", "body"]).read_text("utf-8"))
    assert {n["type"] for n in people["nodes"]} == {"person", "body"} and len(people["nodes"]) == 18
    busy = page_data(render_html(FIXTURE, tmp_path / "d.html", min_degree=4).read_text("utf-8"))
    assert {n["name"] for n in busy["nodes"]} >= {"惠济区委", "惠济区", "考察 黄河滩地公园"}
    assert all(n["value"] >= 1 for n in busy["nodes"]) and "胡荃" not in {n["name"] for n in busy["nodes"]}


def test_user_errors_name_the_problem(tmp_path: Path) -> None:
    with pytest.raises(GraphError, match="no such graph file"):
        render_html(tmp_path / "missing.ttl", tmp_path / "x.html")
    broken = tmp_path / "broken.ttl"
    broken.write_text("this is not turtle <", encoding="utf-8")
    with pytest.raises(GraphError, match=r"broken\.ttl"):
        render_html(broken, tmp_path / "x.html")
    with pytest.raises(UsageError, match="no node has that name"):
        render_html(FIXTURE, tmp_path / "x.html", focus="不存在的人")
    with pytest.raises(UsageError, match="unknown node type"):
        render_html(FIXTURE, tmp_path / "x.html", types=["planet"])
    assert not (tmp_path / "x.html").exists()


def test_cli_view_writes_the_page(tmp_path: Path) -> None:
    out = tmp_path / "net.html"
    result = CliRunner().invoke(main, ["view", "--data", str(FIXTURE), "--out", str(out), "--focus", "丁文霞",
                                       "--hops", "1", "--types", "person,body,event"])
    assert result.exit_code == 0, result.output
    names = {n["name"] for n in page_data(out.read_text("utf-8"))["nodes"]}
    assert names == {"丁文霞", "惠济区委", "惠济区政府", "考察 黄河滩地公园", "检查调研 “一件事”改革"}


def test_cli_view_bad_input_is_one_line_exit_2(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["view", "--data", str(tmp_path / "none.ttl"), "--out", str(tmp_path / "o.html")])
    assert result.exit_code == 2
    assert "none.ttl" in result.output and "kg build" in result.output


def test_a_hostile_title_is_escaped(tmp_path: Path) -> None:
    hostile = "</title><script>window.__pwned=9</script>"
    html = render_html(FIXTURE, tmp_path / "t.html", title=hostile).read_text("utf-8")
    assert "<script>window.__pwned=9" not in html
    assert "&lt;/title&gt;&lt;script&gt;window.__pwned=9&lt;/script&gt;" in html


def test_page_script_never_parses_data_as_html() -> None:
    script = (Path(__file__).resolve().parent.parent / "kg" / "view" / "assets" / "app.js").read_text("utf-8")
    code = re.sub(r"/\*.*?\*/", "", script, flags=re.S)  # the header comment names what is not done
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"):
        assert sink not in code, sink
    assert "textContent" in code


def test_graph_index_keeps_only_what_the_view_reads(tmp_path: Path) -> None:
    """load_index skips the predicates the view never asks about, keeps a repeated triple once,
    and refuses a question about a predicate it did not keep (rather than answer nothing)."""
    from rdflib import URIRef

    from kg.view.html import load_index

    turtle = tmp_path / "g.ttl"
    turtle.write_text(
        "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
        "@prefix schema: <https://schema.org/> .\n"
        '<https://kg.example.org/id/person/胡荃> rdfs:label "胡荃"@zh , "胡荃"@zh ;\n'
        '    schema:articleBody "正文" .\n',
        encoding="utf-8",
    )
    index = load_index(turtle)
    person = URIRef("https://kg.example.org/id/person/胡荃")
    assert [str(v) for v in index.objects(person, URIRef("http://www.w3.org/2000/01/rdf-schema#label"))] == ["胡荃"]
    with pytest.raises(GraphError, match="articleBody"):
        list(index.objects(person, URIRef("https://schema.org/articleBody")))


def test_graph_index_reads_blank_nodes_as_rdflib_does(tmp_path: Path) -> None:
    """A participation written as a blank node links its agent to the event, as with rdflib's parser."""
    from kg.view.html import load_index
    from kg.view.network import to_networkx

    turtle = tmp_path / "b.ttl"
    turtle.write_text(
        "@prefix kg: <https://kg.example.org/ontology#> .\n"
        "@prefix schema: <https://schema.org/> .\n"
        "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
        '<https://kg.example.org/id/event/e1> a schema:Event ; rdfs:label "4月8日 考察"@zh ;\n'
        "    kg:participation [ kg:agent <https://kg.example.org/id/person/p1> ; kg:role kg:Inspector ] .\n"
        '<https://kg.example.org/id/person/p1> rdfs:label "胡荃"@zh .\n',
        encoding="utf-8",
    )
    from_index = to_networkx(load_index(turtle))
    from_rdflib = to_networkx(Graph().parse(turtle))
    assert [(u, v) for u, v in from_index.edges()] == [
        ("https://kg.example.org/id/person/p1", "https://kg.example.org/id/event/e1")
    ]
    assert sorted(from_index.edges(keys=True)) == sorted(from_rdflib.edges(keys=True))
    assert dict(from_index.nodes(data=True)) == dict(from_rdflib.nodes(data=True))
