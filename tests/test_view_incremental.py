"""The view of a cached build (kg.view.incremental, kg.view.relayout): redone only where the graph
changed, with the same nodes, edges, labels, tooltips and colours as a clean render, and the last
layout kept (new nodes placed among their neighbours)."""

from __future__ import annotations

import math
import shutil
from pathlib import Path

import networkx as nx
import pytest

from kg.build import build
from kg.view import layout as layout_module
from kg.view import relayout
from kg.view.html import index_of_turtle
from kg.view.incremental import Snapshot, full_view, render, turtle_spans, update_view
from kg.view.network import to_networkx
from tests.test_incremental import PAGES, edit, outputs, positions, view_content
from tests.test_view_html import page_data

EDGE = relayout.EDGE_LENGTH


def view_build(pages: Path, out: Path, cache: Path | None = None) -> dict[str, bytes]:
    build([pages], out=out, formats=("ttl", "html"), jobs=1, cache_dir=cache)
    return outputs(out)


def network_facts(network: nx.MultiDiGraph) -> tuple[dict, list]:
    return dict(network.nodes(data=True)), sorted(network.edges(keys=True, data=True))


def snapshot(turtle: bytes) -> Snapshot:
    spans = turtle_spans(turtle)
    return Snapshot(turtle, turtle[: min(start for start, _ in spans.values())], spans)


@pytest.mark.parametrize("direction", ["grow", "shrink"])
def test_updated_network_is_the_clean_conversion(
    built_seeds: Path, pages: Path, tmp_path: Path, direction: str
) -> None:
    """From the view of two seed pages to that of all five (most subjects new) and back."""
    small = view_build(pages, tmp_path / "small")["graph.ttl"]
    large = (built_seeds / "graph.ttl").read_bytes()
    old, new = (small, large) if direction == "grow" else (large, small)
    before, after = snapshot(old), snapshot(new)
    _, state = full_view(old, before.spans)
    assert state is not None
    candidates = before.spans.keys() | after.spans.keys()
    dirty, _ = update_view(state, before, after, candidates)
    assert dirty
    assert network_facts(state.network) == network_facts(to_networkx(index_of_turtle(new)))
    # The updated trace serves the next update as a fresh one would: back again, and equal again.
    update_view(state, after, before, candidates)
    assert network_facts(state.network) == network_facts(to_networkx(index_of_turtle(old)))


def test_changed_added_and_removed_pages_keep_the_picture(
    seeds_dir: Path, pages: Path, tmp_path: Path
) -> None:
    cache = tmp_path / "cache"
    last = view_build(pages, tmp_path / "0", cache)
    steps = [
        lambda: edit(pages / PAGES[1]),
        lambda: shutil.copy(seeds_dir / "004_4991a681cbad826b.txt", pages / "004_4991a681cbad826b.txt"),
        lambda: (pages / PAGES[0]).unlink(),
    ]
    for number, step in enumerate(steps, 1):
        step()
        got = view_build(pages, tmp_path / str(number), cache)
        clean = view_build(pages, tmp_path / f"clean{number}")
        assert got["graph.ttl"] == clean["graph.ttl"]
        assert view_content(got["graph.html"]) == view_content(clean["graph.html"])
        old, new = positions(last["graph.html"]), positions(got["graph.html"])
        # Nobody who was drawn with an edge moved (a node alone in the loose grid that has an edge
        # now is placed by its neighbours).
        alone = {node["id"] for node in page_data(last["graph.html"].decode("utf-8"))["nodes"] if node["value"] == 0}
        assert all(new[n] == old[n] for n in new.keys() & old.keys() - alone)
        assert new.keys() != old.keys()
        last = got


def test_new_nodes_are_placed_near_their_neighbours() -> None:
    graph = nx.MultiDiGraph()
    graph.add_edges_from([("a", "b", "r"), ("b", "c", "r"), ("c", "a", "r")])
    previous = {"a": (0.0, 0.0), "b": (150.0, 0.0), "c": (75.0, 130.0)}
    graph.add_edges_from([("d", "a", "r"), ("e", "d", "r"), ("x", "y", "r")])
    graph.add_node("z")
    placed = relayout.update_layout(graph, previous)
    assert all(placed[n] == previous[n] for n in previous)
    assert math.dist(placed["d"], placed["a"]) < 2 * EDGE and math.dist(placed["e"], placed["d"]) < 2 * EDGE
    assert min(math.dist(placed["d"], previous[n]) for n in previous) > 0.3 * EDGE  # not on top of anyone
    top = max(p[1] for p in previous.values())
    assert all(placed[n][1] > top for n in ("x", "y", "z"))  # islands go below the picture
    assert placed == relayout.update_layout(graph, previous)  # deterministic
    # A node that had no edge and has one now is placed anew, by its neighbour.
    moved = relayout.update_layout(graph, {**placed, "z": (5000.0, 5000.0)}, moved={"z"})
    assert moved["z"] == placed["z"]


def test_the_relayout_scale_is_the_layout_scale() -> None:
    assert (relayout.EDGE_LENGTH, relayout.MIN_GAP, relayout.LEAF_RADIUS) == (
        layout_module.EDGE_LENGTH, layout_module.MIN_GAP, layout_module.LEAF_RADIUS
    )


@pytest.mark.parametrize("damage", ["missing", "truncated", "other graph"])
def test_a_damaged_or_missing_state_renders_the_view_in_full(
    pages: Path, tmp_path: Path, damage: str
) -> None:
    cache = tmp_path / "cache"
    view_build(pages, tmp_path / "a", cache)
    state = next((cache / "build").glob("v*/view/state.pkl"))
    if damage == "missing":
        state.unlink()
    elif damage == "truncated":
        state.write_bytes(state.read_bytes()[:-1000])
    else:
        data = state.read_bytes()
        state.write_bytes(bytes(16) + data[16:])  # the state of some other graph
    edit(pages / PAGES[0])
    got = view_build(pages, tmp_path / "b", cache)
    assert got == view_build(pages, tmp_path / "clean")  # a full render: the clean build's bytes
    assert next((cache / "build").glob("v*/view/state.pkl")).exists()  # and a state for the next build


def test_same_inputs_and_cache_give_the_same_bytes(pages: Path, tmp_path: Path) -> None:
    view_build(pages, tmp_path / "a", tmp_path / "cache")
    shutil.copytree(tmp_path / "cache", tmp_path / "cache2")
    edit(pages / PAGES[0])
    first = view_build(pages, tmp_path / "b", tmp_path / "cache")
    second = view_build(pages, tmp_path / "c", tmp_path / "cache2")
    assert first == second


def test_render_without_a_state_is_the_full_view(built_seeds: Path) -> None:
    from kg.view.html import render_html

    turtle = (built_seeds / "graph.ttl").read_bytes()
    page, state = render(turtle, turtle_spans(turtle))
    assert state is not None and set(state.positions) == set(state.network)
    out = built_seeds.parent / "full-view.html"
    render_html(built_seeds / "graph.ttl", out)
    assert page.encode("utf-8") == out.read_bytes()
