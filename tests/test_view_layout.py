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


def test_large_component_takes_the_linear_path(monkeypatch) -> None:
    calls: list[int] = []
    original = layout_module._grid_force

    def spy(component: nx.Graph) -> np.ndarray:
        calls.append(component.number_of_nodes())
        return original(component)

    monkeypatch.setattr(layout_module, "_grid_force", spy)
    graph = named(nx.barabasi_albert_graph(SPRING_LIMIT + 200, 1, seed=5), "n")
    positions = layout(graph)
    assert calls == [SPRING_LIMIT + 200]
    assert closest_pair(positions) >= MIN_GAP * EDGE_LENGTH * 0.5
    # Neighbours end up near each other: the median edge is about one edge length.
    lengths = [math.dist(positions[u], positions[v]) for u, v in graph.edges()]
    assert 0.5 * EDGE_LENGTH <= float(np.median(lengths)) <= 2.0 * EDGE_LENGTH


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
    graph = named(nx.barabasi_albert_graph(SPRING_LIMIT + 100, 2, seed=8), "n")
    shuffled = nx.Graph()
    order = list(graph.nodes)
    np.random.default_rng(2).shuffle(order)
    shuffled.add_nodes_from(order)
    shuffled.add_edges_from(reversed(list(graph.edges())))
    assert layout(graph) == layout(shuffled)
