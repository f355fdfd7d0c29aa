"""Precomputed positions: deterministic, spread out, islands packed apart, fast path for big parts."""

from __future__ import annotations

import math

import networkx as nx
import numpy as np
from scipy.spatial import cKDTree

from kg.view import layout as layout_module
from kg.view.layout import EDGE_LENGTH, MIN_GAP, SPRING_LIMIT, layout


def named(graph: nx.Graph, prefix: str) -> nx.Graph:
    return nx.relabel_nodes(graph, {n: f"{prefix}{n}" for n in graph})


def closest_pair(positions: dict[str, tuple[float, float]]) -> float:
    points = np.array(list(positions.values()))
    distance, _ = cKDTree(points).query(points, k=2)
    return float(distance[:, 1].min())


def test_same_graph_same_positions() -> None:
    graph = named(nx.barabasi_albert_graph(80, 2, seed=3), "n")
    assert layout(graph) == layout(graph.copy())


def test_every_node_placed_apart_and_islands_do_not_overlap() -> None:
    graph = nx.union_all([named(nx.star_graph(30), "hub"), named(nx.path_graph(6), "path"),
                          named(nx.empty_graph(25), "loose")])
    positions = layout(graph)
    assert set(positions) == set(graph)
    assert all(math.isfinite(x) and math.isfinite(y) for x, y in positions.values())
    assert closest_pair(positions) >= MIN_GAP * EDGE_LENGTH * 0.5
    star = [positions[n] for n in graph if n.startswith("hub")]
    path = [positions[n] for n in graph if n.startswith("path")]
    star_box = (min(x for x, _ in star), max(x for x, _ in star), min(y for _, y in star), max(y for _, y in star))
    assert not any(star_box[0] <= x <= star_box[1] and star_box[2] <= y <= star_box[3] for x, y in path)
    # Loose nodes (no edges) sit in a grid below everything that has edges.
    lowest_connected = max(y for n, (_, y) in positions.items() if not n.startswith("loose"))
    assert all(positions[f"loose{i}"][1] > lowest_connected for i in range(25))


def with_leaves(graph: nx.Graph, every: int, count: int) -> nx.Graph:
    """``graph`` with ``count`` degree-1 nodes hung on every ``every``-th node."""
    grown = graph.copy()
    for number, node in enumerate(sorted(graph)):
        if number % every == 0:
            grown.add_edges_from((node, f"{node}-leaf{i}") for i in range(count))
    return grown


def test_large_component_takes_the_linear_path_without_its_leaves(monkeypatch) -> None:
    calls: list[int] = []
    original = layout_module._grid_force

    def spy(component: nx.Graph) -> np.ndarray:
        calls.append(component.number_of_nodes())
        return original(component)

    monkeypatch.setattr(layout_module, "_grid_force", spy)
    core = nx.convert_node_labels_to_integers(nx.grid_2d_graph(19, 19))  # 361 nodes, none of degree 1
    assert core.number_of_nodes() > SPRING_LIMIT
    graph = with_leaves(named(core, "n"), every=5, count=3)
    positions = layout(graph)
    assert calls == [361]  # the 219 leaves are placed, not simulated
    assert closest_pair(positions) >= MIN_GAP * EDGE_LENGTH * 0.5
    # Neighbours end up near each other: the median edge is about one edge length.
    lengths = [math.dist(positions[u], positions[v]) for u, v in graph.edges()]
    assert 0.5 * EDGE_LENGTH <= float(np.median(lengths)) <= 2.0 * EDGE_LENGTH
    # Each leaf stays close to its node: within the rings (and what separation moved).
    leaf_lengths = [math.dist(positions[u], positions[v]) for u, v in graph.edges() if "leaf" in u + v]
    assert max(leaf_lengths) <= 3.0 * EDGE_LENGTH


def test_leaves_fill_the_free_arcs_between_a_nodes_other_edges() -> None:
    # Edges leave east and west: three leaves go north and south, more to neither edge.
    slots = layout_module._leaf_slots([0.0, math.pi], 3)
    assert len(slots) == 3
    assert all(abs(math.sin(a)) > 0.8 for a in slots)  # well away from both edges
    north = [a for a in slots if math.sin(a) > 0]
    assert len(north) in (1, 2) and len(slots) - len(north) in (1, 2)
    # A narrow arc (a tenth of the circle) gets no leaf before the wide one has several.
    narrow = layout_module._leaf_slots([0.0, 0.2 * math.pi], 4)
    assert all(a % (2 * math.pi) > 0.2 * math.pi for a in narrow)
    # No other edge: evenly round the circle.
    assert layout_module._leaf_slots([], 4) == [0.0, math.pi / 2, math.pi, 3 * math.pi / 2]


def test_a_star_inside_a_large_component_fans_its_leaves_round_the_hub() -> None:
    core = nx.convert_node_labels_to_integers(nx.grid_2d_graph(19, 19))
    graph = with_leaves(named(core, "n"), every=400, count=40)  # n0, a corner, holds all 40
    positions = layout(graph)
    hub = positions["n0"]
    assert max(math.dist(hub, positions[f"n0-leaf{i}"]) for i in range(40)) < 4 * EDGE_LENGTH
    angles = sorted(math.atan2(positions[f"n0-leaf{i}"][1] - hub[1], positions[f"n0-leaf{i}"][0] - hub[0])
                    for i in range(40))
    # The fan spreads: its 40 leaves cover most directions, no two leaves on one spot.
    assert max(b - a for a, b in zip(angles, [*angles[1:], angles[0] + 2 * math.pi], strict=True)) < math.pi
    assert closest_pair({f"n0-leaf{i}": positions[f"n0-leaf{i}"] for i in range(40)}) >= MIN_GAP * EDGE_LENGTH * 0.5


def test_far_field_from_the_grid_corners_matches_the_direct_sum() -> None:
    """The far repulsion is interpolated from the grid's corners: close to summing every cell at every node."""
    points = np.random.default_rng(11).normal(scale=20.0, size=(3000, 2))
    cells = layout_module.FAR_CELLS
    low = points.min(axis=0)
    size = float(np.ptp(points, axis=0).max()) / cells
    cell = np.minimum(((points - low) / size).astype(np.int64), cells - 1)
    index = cell[:, 0] * cells + cell[:, 1]
    mass = np.bincount(index, minlength=cells * cells).astype(float)
    occupied = mass > 0
    centroid = np.stack([np.bincount(index, points[:, a], minlength=cells * cells) for a in (0, 1)], axis=1)
    centroid = centroid[occupied] / mass[occupied, None]
    delta = points[:, None, :] - centroid[None, :, :]
    weight = mass[occupied][None, :] / np.maximum((delta * delta).sum(axis=2), size * size)
    direct = (delta * weight[:, :, None]).sum(axis=1)
    interpolated = layout_module._far_repulsion(points)
    error = np.linalg.norm(interpolated - direct, axis=1)
    scale = np.linalg.norm(direct, axis=1).mean()
    assert float(np.median(error)) < 0.1 * scale
    # The field pushes outwards: nodes right of the centre are pushed right, left of it left.
    centre = points.mean(axis=0)
    far_right = points[:, 0] > centre[0] + 30
    far_left = points[:, 0] < centre[0] - 30
    assert (interpolated[far_right, 0] > 0).mean() > 0.9 and (interpolated[far_left, 0] < 0).mean() > 0.9


def test_large_component_same_positions_in_any_input_order() -> None:
    graph = with_leaves(named(nx.barabasi_albert_graph(SPRING_LIMIT + 100, 2, seed=8), "n"), every=7, count=2)
    shuffled = nx.Graph()
    order = list(graph.nodes)
    np.random.default_rng(2).shuffle(order)
    shuffled.add_nodes_from(order)
    shuffled.add_edges_from(reversed(list(graph.edges())))
    assert layout(graph) == layout(shuffled)
