"""A layout kept from one build to the next: the picture a user knows, with new nodes placed in it.

Dynamic graph drawing calls this mental-map preservation: after an update, every node that was
drawn stays where it was, and what is new is placed among its neighbours. Only the new nodes
move: they start next to the mean of their placed neighbours (on golden-angle fans, breadth
first from the placed part) and are relaxed for a few rounds (springs to their neighbours,
repulsion from every node nearby, looked up in a grid of cells). Nodes that reach no placed node
(new islands, new loose nodes) are laid out by :func:`kg.view.layout.layout` and set below.

Pure Python: a rebuild moves a few dozen nodes, and numpy's import alone (0.3 s) would cost more.
"""

from __future__ import annotations

import math
from collections import defaultdict

import networkx as nx

from kg.view.scale import EDGE_LENGTH, LEAF_RADIUS, MIN_GAP

RELAX_ROUNDS = 40  # rounds of forces on the nodes placed anew
RELAX_BUDGET = 40_000  # at most this many node-rounds: fewer rounds when many nodes are new (at least 8)
REACH = 2.0  # a new node is pushed away by nodes within this many edge lengths
GOLDEN_ANGLE = 2.399963


def _neighbours(graph: nx.Graph, node: str) -> set[str]:
    # The adjacency dictionaries themselves: networkx's views cost more than the search.
    directed = graph.is_directed()
    found = set(graph._succ[node]) | set(graph._pred[node]) if directed else set(graph._adj[node])  # type: ignore[attr-defined]
    found.discard(node)
    return found


Point = tuple[float, float]


class _Cells:
    """Points in square cells REACH wide, for the nodes near a point."""

    def __init__(self, points: dict[str, Point]) -> None:
        self.cells: dict[tuple[int, int], list[str]] = defaultdict(list)
        self.points = points
        for node, point in points.items():
            self.cells[self._cell(point)].append(node)

    @staticmethod
    def _cell(point: Point) -> tuple[int, int]:
        return math.floor(point[0] / REACH), math.floor(point[1] / REACH)

    def near(self, point: Point) -> list[str]:
        cx, cy = self._cell(point)
        return [n for dx in (-1, 0, 1) for dy in (-1, 0, 1) for n in self.cells.get((cx + dx, cy + dy), ())]


def _relax(positions: dict[str, Point], free: list[str], links: dict[str, list[str]]) -> None:
    """Move the ``free`` nodes (in edge lengths, in place): springs to unit length along
    ``links``, repulsion from fixed and free nodes within REACH; the step cools each round."""
    fixed = _Cells({n: p for n, p in positions.items() if n not in links})
    rounds = max(8, min(RELAX_ROUNDS, RELAX_BUDGET // max(len(free), 1)))
    temperature = 0.5
    cooling = 0.93 ** (RELAX_ROUNDS / rounds)  # the same final step in fewer rounds
    for _ in range(rounds):
        moves: list[Point] = []
        moving = _Cells({n: positions[n] for n in free})  # the free nodes where this round starts
        for node in free:
            x, y = positions[node]
            fx = fy = 0.0
            for other in fixed.near((x, y)) + moving.near((x, y)):
                if other == node:
                    continue
                ox, oy = positions[other]
                dx, dy = x - ox, y - oy
                distance2 = max(dx * dx + dy * dy, 1e-4)
                if distance2 < REACH * REACH:
                    fx += dx / distance2 * MIN_GAP * MIN_GAP
                    fy += dy / distance2 * MIN_GAP * MIN_GAP
            for other in links[node]:
                ox, oy = positions[other]
                dx, dy = ox - x, oy - y
                length = max(math.hypot(dx, dy), 1e-6)
                fx += dx * (length - 1.0) / length
                fy += dy * (length - 1.0) / length
            size = max(math.hypot(fx, fy), 1e-9)
            step = min(size, temperature) / size
            moves.append((x + fx * step, y + fy * step))
        for node, point in zip(free, moves, strict=True):
            positions[node] = point
        temperature *= cooling


def update_layout(
    graph: nx.Graph, previous: dict[str, Point], moved: set[str] | frozenset[str] = frozenset()
) -> dict[str, Point]:
    """Pixel positions for ``graph`` that keep ``previous`` (the last layout's, in pixels).

    Every node of ``previous`` keeps its position exactly, but those in ``moved`` (nodes that had
    no edge and have some now), which are placed like new ones.
    """
    result: dict[str, Point] = {n: previous[n] for n in graph if n in previous and n not in moved}
    positions: dict[str, Point] = {n: (p[0] / EDGE_LENGTH, p[1] / EDGE_LENGTH) for n, p in result.items()}
    missing = sorted(n for n in graph if n not in result)
    placed: list[str] = []
    frontier = sorted({n for n in missing if any(m in positions for m in _neighbours(graph, n))})
    while frontier:
        for node in frontier:
            anchors = sorted(m for m in _neighbours(graph, node) if m in positions)
            cx = sum(positions[m][0] for m in anchors) / len(anchors)
            cy = sum(positions[m][1] for m in anchors) / len(anchors)
            angle = len(placed) * GOLDEN_ANGLE  # fans that do not line up
            positions[node] = (cx + LEAF_RADIUS * math.cos(angle), cy + LEAF_RADIUS * math.sin(angle))
            placed.append(node)
        frontier = sorted({m for n in frontier for m in _neighbours(graph, n) if m not in positions})
    if placed:
        links = {n: sorted(m for m in _neighbours(graph, n) if m in positions) for n in placed}
        _relax(positions, placed, links)
        for node in placed:
            x, y = positions[node]
            result[node] = (round(x * EDGE_LENGTH, 1), round(y * EDGE_LENGTH, 1))
    rest = [n for n in missing if n not in result]
    if rest:  # islands of their own: laid out apart and set below the picture, at its left edge
        from kg.view.layout import layout

        island = layout(graph.subgraph(rest))
        top = max((p[1] for p in result.values()), default=-1.5 * EDGE_LENGTH) + 1.5 * EDGE_LENGTH
        left = min((p[0] for p in result.values()), default=0.0)
        low_x = min(p[0] for p in island.values())
        low_y = min(p[1] for p in island.values())
        for node, (x, y) in island.items():
            result[node] = (round(x - low_x + left, 1), round(y - low_y + top, 1))
    return {n: result[n] for n in sorted(graph)}
