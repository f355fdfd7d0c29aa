"""Node positions computed once in Python, so the page opens settled with physics off.

Each connected component is laid out on its own and the components are packed in rows, largest
first: news graphs are one big cluster around the local bodies and places plus many small
islands, and a single force layout would fling the islands to the rim.

Small components use networkx's Fruchterman–Reingold (``spring_layout``). Its cost grows with the
square of the node count (measured here: 14 s at 2,000 nodes, 79 s at 5,000), so larger
components use the grid variant of the same algorithm from Fruchterman and Reingold's paper:
exact repulsion only from the nearest few nodes within a few ideal edge lengths (a k-d tree),
plus a far field from the centroids of a coarse grid's cells, so each iteration costs about
O(n log n); it starts from a pivot embedding (Harel and Koren) that gives the global shape.
Only a large component's core (its nodes of degree 2 or more) is simulated: the leaves are then
placed in the free arcs around their nodes, which costs next to nothing.

Every step is seeded, so the same graph always gets the same positions.
"""

from __future__ import annotations

import math

import networkx as nx
import numpy as np

from kg.view.network import components
from kg.view.scale import EDGE_LENGTH, LEAF_RADIUS, MIN_GAP

SEED = 7
SPRING_LIMIT = 300  # components up to this size use networkx's spring_layout
GRID_ITERATIONS = 90
GRID_RADIUS = 3.0  # repulsion reaches this many ideal edge lengths
NEIGHBOURS = 12  # and at most this many nearest nodes
NEIGHBOUR_REFRESH = 6  # the nearest nodes are looked up again every this many iterations
FAR_CELLS = 12  # the far field: repulsion from the cells of a FAR_CELLS × FAR_CELLS grid
LEAF_RINGS = 4  # a crowded fan of leaves alternates between at most this many rings
LEAF_RING_STEP = 0.4  # this many edge lengths apart
BRUTE_PAIRS = 1000  # up to this many nodes close pairs come from all distances, beyond it from a k-d tree


def _spring(component: nx.Graph) -> np.ndarray:
    nodes = list(component)
    positions = nx.spring_layout(component, seed=SEED, iterations=150)
    return np.array([positions[n] for n in nodes], dtype=float)


def _scatter(index: np.ndarray, vectors: np.ndarray, count: int) -> np.ndarray:
    """Sum ``vectors`` into ``count`` rows by ``index`` (np.bincount is far faster than np.add.at)."""
    return np.stack([np.bincount(index, vectors[:, axis], minlength=count) for axis in (0, 1)], axis=1)


def _far_repulsion(pos: np.ndarray, cells: int = FAR_CELLS) -> np.ndarray:
    """Repulsion from the rest of the graph, each grid cell acting as one mass at its centroid.

    Local forces alone let long edges crush a graph into a knot: this pressure keeps the overall
    density even. The field is smooth at the scale of a cell, so it is computed at the cells'
    corners only and interpolated bilinearly at each node: cost (cells + 1)² × occupied cells plus
    a few operations per node, instead of nodes × occupied cells.
    """
    low = pos.min(axis=0)
    size = max(float(np.ptp(pos, axis=0).max()) / cells, 1e-6)
    scaled = (pos - low) / size
    cell = np.minimum(scaled.astype(np.int64), cells - 1)
    index = cell[:, 0] * cells + cell[:, 1]
    mass = np.bincount(index, minlength=cells * cells).astype(float)
    occupied = mass > 0
    centroid = np.stack([np.bincount(index, pos[:, axis], minlength=cells * cells) for axis in (0, 1)], axis=1)
    centroid = centroid[occupied] / mass[occupied, None]
    corner = np.arange(cells + 1) * size
    grid_x, grid_y = np.meshgrid(corner + low[0], corner + low[1], indexing="ij")
    dx = grid_x.reshape(-1, 1) - centroid[None, :, 0]
    dy = grid_y.reshape(-1, 1) - centroid[None, :, 1]
    weight = mass[occupied][None, :] / np.maximum(dx * dx + dy * dy, size * size)
    field = np.stack([(dx * weight).sum(axis=1), (dy * weight).sum(axis=1)], axis=1).reshape(cells + 1, cells + 1, 2)
    fraction = scaled - cell  # where in its cell each node is, 0..1 on each axis
    fx, fy = fraction[:, 0, None], fraction[:, 1, None]
    i, j = cell[:, 0], cell[:, 1]
    return (
        field[i, j] * (1 - fx) * (1 - fy)
        + field[i + 1, j] * fx * (1 - fy)
        + field[i, j + 1] * (1 - fx) * fy
        + field[i + 1, j + 1] * fx * fy
    )


def _pivot_embedding(component: nx.Graph, nodes: list[str], pivots: int = 40) -> np.ndarray:
    """Harel and Koren's high-dimensional embedding: BFS distances to far-apart pivot nodes,
    projected on their two principal axes. Linear in the edges per pivot, and it keeps the
    global shape that local forces alone cannot untangle."""
    from scipy.sparse.csgraph import shortest_path

    adjacency = nx.to_scipy_sparse_array(component, nodelist=nodes, format="csr")
    chosen = [0]
    distances: list[np.ndarray] = []
    nearest = np.full(len(nodes), np.inf)
    for _ in range(min(pivots, len(nodes))):
        row = shortest_path(adjacency, directed=False, unweighted=True, indices=chosen[-1])
        distances.append(row)
        nearest = np.minimum(nearest, row)
        chosen.append(int(np.argmax(nearest)))
    matrix = np.array(distances).T
    matrix -= matrix.mean(axis=0)
    # Principal axes from the small pivots × pivots covariance matrix, largest variance first.
    _, vectors = np.linalg.eigh(matrix.T @ matrix)
    return matrix @ vectors[:, ::-1][:, :2]


def _grid_force(component: nx.Graph) -> np.ndarray:
    """Fruchterman–Reingold with local repulsion: k = 1, linear time per iteration."""
    nodes = list(component)
    index = {node: i for i, node in enumerate(nodes)}
    count = len(nodes)
    edges = np.array([(index[u], index[v]) for u, v in component.edges() if u != v], dtype=np.int64)
    side = math.sqrt(count)
    pos = _pivot_embedding(component, nodes)
    spread = np.abs(pos).max() or 1.0
    rng = np.random.default_rng(SEED)
    # The embedding puts nodes with the same distances on one spot: seeded jitter separates them.
    pos = pos / spread * side / 2 + rng.normal(scale=0.5, size=pos.shape)
    temperature = side / 8
    cooling = (0.05 / temperature) ** (1 / GRID_ITERATIONS) if temperature > 0.05 else 1.0
    from scipy.spatial import cKDTree  # imported here: 0.9 s, and only a big component needs it

    for iteration in range(GRID_ITERATIONS):
        displacement = _far_repulsion(pos)
        # Repulsion from the nearest neighbours only (within the radius): a bounded cost per node
        # even where the starting embedding piles many nodes onto one spot. The k-d tree query is
        # most of an iteration's cost and nodes move little between two, so the neighbour lists
        # are found again every NEIGHBOUR_REFRESH iterations only (distances are always current).
        if iteration % NEIGHBOUR_REFRESH == 0:
            neighbour = cKDTree(pos).query(pos, k=min(NEIGHBOURS + 1, count))[1][:, 1:]
        # x and y apart: numpy sums a long last axis much faster than a last axis of length 2.
        x, y = pos[:, 0], pos[:, 1]
        dx, dy = x[:, None] - x[neighbour], y[:, None] - y[neighbour]
        distance2 = np.maximum(dx * dx + dy * dy, 1e-6)
        weight = np.where(distance2 < GRID_RADIUS * GRID_RADIUS, 1.0 / distance2, 0.0)  # k² / d, unit vector
        displacement[:, 0] += (dx * weight).sum(axis=1)
        displacement[:, 1] += (dy * weight).sum(axis=1)
        if len(edges):
            delta = pos[edges[:, 0]] - pos[edges[:, 1]]
            pull = delta * np.hypot(delta[:, 0], delta[:, 1])[:, None]  # d² / k along the unit vector
            displacement += _scatter(edges[:, 1], pull, count) - _scatter(edges[:, 0], pull, count)
        displacement -= pos * 0.01  # weak gravity keeps loose ends from drifting
        length = np.maximum(np.hypot(displacement[:, 0], displacement[:, 1]), 1e-9)
        pos += displacement / length[:, None] * np.minimum(length, temperature)[:, None]
        temperature *= cooling
    return pos


def _unit_edges(component: nx.Graph, pos: np.ndarray) -> np.ndarray:
    """Scale so that the median edge is one unit long, centred on the origin."""
    pos = pos - pos.mean(axis=0)
    index = {node: i for i, node in enumerate(component)}
    ends = np.array([(index[u], index[v]) for u, v in component.edges() if u != v], dtype=np.int64).reshape(-1, 2)
    lengths = np.hypot(*(pos[ends[:, 0]] - pos[ends[:, 1]]).T)
    median = float(np.median(lengths)) if len(lengths) else 1.0
    return pos / (median if median > 1e-9 else 1.0)


def _close_pairs(pos: np.ndarray, minimum: float) -> np.ndarray:
    """Index pairs (i < j) of nodes closer than ``minimum``, in (i, j) order."""
    if len(pos) <= BRUTE_PAIRS:  # all distances at once: no scipy import for a news page's graph
        first, second = np.triu_indices(len(pos), k=1)
        delta = pos[first] - pos[second]
        close = np.sqrt((delta * delta).sum(axis=1)) < minimum
        return np.stack([first[close], second[close]], axis=1)
    from scipy.spatial import cKDTree

    pairs = cKDTree(pos).query_pairs(minimum, output_type="ndarray")
    return pairs[np.lexsort((pairs[:, 1], pairs[:, 0]))] if len(pairs) else pairs.reshape(0, 2)


def _separate(pos: np.ndarray, minimum: float = MIN_GAP, rounds: int = 40) -> np.ndarray:
    """Push apart nodes closer than ``minimum`` (in edge lengths), so that a hub's many leaves and
    their labels do not pile up; the overall shape stays as the force layout left it."""
    pos = pos.copy()
    count = len(pos)
    for _ in range(rounds):
        pairs = _close_pairs(pos, minimum)
        if not len(pairs):
            break
        delta = pos[pairs[:, 0]] - pos[pairs[:, 1]]
        distance = np.sqrt((delta * delta).sum(axis=1))
        # Coincident nodes get a direction from their indices: deterministic, never NaN.
        angle = pairs[:, 0] * 2.399963 + pairs[:, 1]
        fallback = np.stack([np.cos(angle), np.sin(angle)], axis=1)
        direction = np.where(distance[:, None] > 1e-9, delta / np.maximum(distance, 1e-9)[:, None], fallback)
        shift = direction * ((minimum - distance) / 2)[:, None] * 0.9
        pos += _scatter(pairs[:, 0], shift, count) - _scatter(pairs[:, 1], shift, count)
    return pos


def _leaf_slots(core_angles: list[float], count: int) -> list[float]:
    """``count`` directions around a node whose other edges leave at ``core_angles``: the free
    arcs between those edges get leaves in proportion (each next leaf goes to the arc where it
    would have the widest spacing; ties to the first arc), spread evenly inside each arc."""
    if not core_angles:
        return [2 * math.pi * i / count for i in range(count)]
    edges = sorted(core_angles)
    arcs = [(edges[i], (edges[(i + 1) % len(edges)] - edges[i]) % (2 * math.pi) or 2 * math.pi)
            for i in range(len(edges))]
    given = [0] * len(arcs)
    for _ in range(count):
        best = max(range(len(arcs)), key=lambda a: (arcs[a][1] / (given[a] + 1), -a))
        given[best] += 1
    slots = []
    for (start, width), number in zip(arcs, given, strict=True):
        slots.extend(start + width * (i + 1) / (number + 1) for i in range(number))
    return slots


def _place_leaves(component: nx.Graph, core: list[str], core_pos: np.ndarray) -> np.ndarray:
    """Positions for the whole component from its core's: each node's leaves (degree-1
    neighbours) on a fan around it, in name order, LEAF_RADIUS out; where a fan is too
    crowded for MIN_GAP between neighbours, consecutive leaves alternate between a few rings."""
    at = dict(zip(core, core_pos, strict=True))
    placed = dict(at)
    for node in core:
        leaves = [n for n in component[node] if n not in at]
        if not leaves:
            continue
        centre = at[node]
        angles = [math.atan2(at[n][1] - centre[1], at[n][0] - centre[0]) for n in component[node] if n in at]
        slots = _leaf_slots(angles, len(leaves))
        spacing = min((b - a) % (2 * math.pi) for a, b in zip(slots, slots[1:] + slots[:1], strict=True)) \
            if len(slots) > 1 else 2 * math.pi
        rings = min(LEAF_RINGS, max(1, math.ceil(MIN_GAP / max(spacing, 1e-9))))
        for i, (leaf, angle) in enumerate(zip(sorted(leaves), slots, strict=True)):
            radius = LEAF_RADIUS + (i % rings) * LEAF_RING_STEP
            placed[leaf] = centre + radius * np.array([math.cos(angle), math.sin(angle)])
    return np.array([placed[n] for n in component], dtype=float)


def _shape(component: nx.Graph) -> np.ndarray:
    """Force-layout positions scaled to unit edges (small components: networkx's spring layout)."""
    count = component.number_of_nodes()
    if count == 1:
        return np.zeros((1, 2))
    if count == 2:
        return np.array([[-0.5, 0.0], [0.5, 0.0]])
    raw = _spring(component) if count <= SPRING_LIMIT else _grid_force(component)
    return _unit_edges(component, raw)


def _component_positions(component: nx.Graph) -> np.ndarray:
    count = component.number_of_nodes()
    if count <= SPRING_LIMIT:
        positions = _shape(component)
    else:
        # Leaves (degree 1; 40% of the nodes of a large news graph) add nothing to the shape but
        # cost as much to simulate as any node: the core is laid out alone, the leaves placed after.
        core = [n for n in component if component.degree(n) > 1]
        if len(core) < 3:
            positions = _unit_edges(component, _grid_force(component))
        else:
            core_graph = nx.Graph()
            core_graph.add_nodes_from(core)
            core_graph.add_edges_from((u, v) for u, v in component.edges(core) if u < v and v in core_graph)
            # The core spread out to the area the whole component needs: room for the leaves.
            room = math.sqrt(count / len(core))
            positions = _unit_edges(component, _place_leaves(component, core, _shape(core_graph) * room))
    # Most overlaps go in the first rounds; a big component stops sooner (each round costs a k-d tree query).
    return _separate(positions, rounds=40 if count <= BRUTE_PAIRS else 20)


def _pack(placed: list[tuple[list[str], np.ndarray]], gap: float) -> dict[str, np.ndarray]:
    """Shelf packing: rows of components, the row width about that of a square holding them all."""
    sizes = [(float(np.ptp(p[:, 0])) + gap, float(np.ptp(p[:, 1])) + gap) for _, p in placed]
    row_width = max(max(w for w, _ in sizes), math.sqrt(sum(w * h for w, h in sizes)) * 1.2)
    positions: dict[str, np.ndarray] = {}
    x = y = row_height = 0.0
    for (nodes, pos), (width, height) in zip(placed, sizes, strict=True):
        if x > 0 and x + width > row_width:
            x, y, row_height = 0.0, y + row_height, 0.0
        origin = np.array([x - pos[:, 0].min() + gap / 2, y - pos[:, 1].min() + gap / 2])
        for node, point in zip(nodes, pos + origin, strict=True):
            positions[node] = point
        x += width
        row_height = max(row_height, height)
    return positions


def layout(graph: nx.Graph) -> dict[str, tuple[float, float]]:
    """Pixel positions for every node of ``graph`` (direction and parallel edges are ignored).

    The components with edges are packed first, largest first; nodes without any edge follow as
    one tight grid below them, so that a few hundred loose mentions do not take most of the page.
    """
    simple = nx.Graph()
    simple.add_nodes_from(sorted(graph.nodes))
    simple.add_edges_from(sorted((min(u, v), max(u, v)) for u, v in graph.edges() if u != v))
    placed: list[tuple[list[str], np.ndarray]] = []
    loose: list[str] = []
    for members in components(simple):
        if len(members) == 1:
            loose.append(members[0])
            continue
        # Built in sorted node order: a subgraph view of a small component would iterate a set,
        # whose order changes from one process to the next (and the layout with it).
        component = nx.Graph()
        component.add_nodes_from(members)
        component.add_edges_from((u, v) for u in members for v in simple[u] if u < v)  # each edge once
        placed.append((list(component), _component_positions(component)))
    points = _pack(placed, gap=1.5) if placed else {}
    if loose:
        top = max((p[1] for p in points.values()), default=-1.0) + 1.5
        width = max((p[0] for p in points.values()), default=0.0)
        columns = max(int(width / 0.8), int(math.sqrt(len(loose))), 1)
        for i, node in enumerate(loose):
            points[node] = np.array([(i % columns) * 0.8, top + (i // columns) * 0.8])
    return {
        node: (round(float(point[0]) * EDGE_LENGTH, 1), round(float(point[1]) * EDGE_LENGTH, 1))
        for node, point in points.items()
    }

