"""The HTML view of a cached build (``kg build --cache``), redone only where the graph changed.

A full render keeps, besides the page, a :class:`ViewState`: the network, the node positions,
and a trace of the conversion (:class:`kg.view.network.Trace`): for each *item* (one builder
pass over one subject) the subjects it read and the nodes it touched, and for each node the
subjects its tooltip read. When the next build changes a few subjects of graph.ttl:

1. the subjects whose view triples differ are found from their old and new Turtle blocks;
2. the items that read one of them, or are new, run again; the nodes they touch (before or now),
   and those whose tooltip read a changed subject, are the *dirty* nodes;
3. every item that touches a dirty node runs, over an index of just the Turtle blocks it reads,
   which makes each dirty node and its edges exactly as a full conversion would (an item's
   output depends only on what it reads, and all of a node's items ran, in the full order);
4. the cached network takes the dirty nodes and their edges from that run, the rest is kept;
5. the layout keeps every old node where it was and places new ones among their neighbours
   (:func:`kg.view.layout.update_layout`): a user finds the picture they know.

The page therefore holds the same nodes, edges, labels, tooltips and colours as a full render's;
only new nodes' positions differ. Anything missing or inconsistent falls back to a full render.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Iterable, Iterator

import networkx as nx
from rdflib import URIRef
from rdflib.term import Node

from kg.view.network import (
    PHASES,
    RDF,
    READ_PREDICATES,
    REVERSE_PREDICATES,
    Item,
    Trace,
    partial_networkx,
    traced_networkx,
)

_RDF_TYPE = str(RDF.type)


class Snapshot:
    """A graph.ttl in memory with where each subject's block is (keys in N-Triples form, ``<iri>``)."""

    def __init__(self, data: bytes | memoryview, header: bytes, spans: dict[str, tuple[int, int]]) -> None:
        self.data, self.header, self.spans = data, header, spans  # spans: offsets into ``data``

    def block(self, subject: str) -> bytes | None:
        span = self.spans.get(subject)
        return None if span is None else bytes(self.data[span[0] : span[0] + span[1]])

    def parse(self, keys: Iterable[str]) -> Iterator[object]:
        """The triples of the blocks of these subject keys (IRIs), parsed together."""
        import pyoxigraph

        pieces = [b for key in keys if (b := self.block(f"<{key}>")) is not None]
        if not pieces:
            return iter(())
        return iter(pyoxigraph.parse(self.header + b"".join(pieces), format=pyoxigraph.RdfFormat.TURTLE))


class BlockIndex:
    """The two lookups the network builder makes, answered from the Turtle blocks it asks about.

    Blocks are parsed on first use (or ahead, :meth:`prefetch`); backward lookups come from the
    cached reverse map, which holds every subject of a :data:`REVERSE_PREDICATES` triple.
    """

    def __init__(self, snapshot: Snapshot, reverse: dict[str, list[str]]) -> None:
        from kg.view.html import IndexFiller, TermIndex

        self.snapshot, self.reverse = snapshot, reverse
        self.terms = TermIndex()
        self.filler = IndexFiller(self.terms)
        self.loaded: set[str] = set()

    def prefetch(self, keys: Iterable[str]) -> None:
        wanted = sorted({k for k in keys if k not in self.loaded and "\0" not in k})
        self.loaded.update(wanted)
        self.filler.add(self.snapshot.parse(wanted))

    def objects(self, subject: Node, predicate: Node) -> Iterator[Node]:
        key = str(subject)
        if key not in self.loaded:
            self.prefetch([key])
        return self.terms.objects(subject, predicate)

    def subjects(self, predicate: Node, obj: Node) -> Iterator[Node]:
        if str(predicate) not in REVERSE_PREDICATES:
            raise ValueError(f"no reverse map for {predicate}")
        return iter([str.__new__(URIRef, key) for key in self.reverse.get(f"{predicate}\0{obj}", ())])


@dataclasses.dataclass
class ViewState:
    """What the next build needs to redo the view of a changed graph only where it changed."""

    network: nx.MultiDiGraph
    positions: dict[str, tuple[float, float]]
    plan: dict[str, set[str]]  # phase → its subjects (every item of the graph)
    reads: dict[Item, set[str]]
    touches: dict[Item, set[str]]
    describe_reads: dict[str, set[str]]  # node → what its tooltip read
    reverse: dict[str, list[str]]  # "predicate\0object" → subjects, for REVERSE_PREDICATES


def _reverse_map(index: object) -> dict[str, list[str]]:
    reverse: dict[str, list[str]] = {}
    for (predicate, obj), subjects in index._subjects.items():  # type: ignore[attr-defined]
        if predicate in REVERSE_PREDICATES:
            reverse[f"{predicate}\0{obj}"] = sorted(str(s) for s in subjects)
    return reverse


def full_view(turtle: bytes, spans: dict[str, tuple[int, int]]) -> tuple[nx.MultiDiGraph, ViewState | None]:
    """The network of ``turtle`` (as :func:`kg.view.network.to_networkx` makes it) and its state.

    The state is None when a subject of the graph has no block under its plain ``<iri>`` key
    (the blocks could not then be found again): the next build renders in full.
    """
    from kg.view.html import index_of_turtle

    index = index_of_turtle(turtle)
    network, trace = traced_networkx(index)  # type: ignore[arg-type]
    subjects = {subject for subject, _ in index._objects}
    if any(f"<{s}>" not in spans for s in subjects):
        return network, None
    plan: dict[str, set[str]] = defaultdict(set)
    for phase, key in trace.reads:
        if phase != "describe":
            plan[phase].add(key)
    state = ViewState(
        network=network,
        positions={},
        plan=dict(plan),
        reads={i: r for i, r in trace.reads.items() if i[0] != "describe"},
        touches={i: t for i, t in trace.touches.items() if i[0] != "describe"},
        describe_reads={i[1]: r for i, r in trace.reads.items() if i[0] == "describe"},
        reverse=_reverse_map(index),
    )
    return network, state


def _view_triples(snapshot: Snapshot, keys: list[str]) -> dict[str, set[tuple[str, str]]]:
    """The view's (predicate, object) pairs of each subject (IRI) in ``keys``."""
    triples: dict[str, set[tuple[str, str]]] = {key: set() for key in keys}
    for triple in snapshot.parse(keys):
        predicate = triple.predicate.value  # type: ignore[attr-defined]
        if predicate in READ_PREDICATES:
            subject = triple.subject.value  # type: ignore[attr-defined]
            if subject not in triples:
                raise ValueError(f"a block holds the triples of another subject, {subject}")
            triples[subject].add((predicate, str(triple.object)))  # type: ignore[attr-defined]
    return triples


def _object_key(term: str) -> str | None:
    return term[1:-1] if term.startswith("<") else None


def update_view(
    state: ViewState, old: Snapshot, new: Snapshot, candidates: Iterable[str]
) -> tuple[set[str], set[str]]:
    """Bring ``state``'s network (the view of ``old``) to the view of ``new``.

    Returns the nodes redone, and the nodes that had no edge and have some now (the layout moves them).

    ``candidates``: the subjects (``<iri>``) whose blocks may differ between the two (the others
    must be byte for byte the same). Raises KeyError or ValueError on an inconsistent state.
    """
    keys = sorted(c[1:-1] for c in candidates if c.startswith("<") and old.block(c) != new.block(c))
    before, after = _view_triples(old, keys), _view_triples(new, keys)
    changed = {k for k in keys if before[k] != after[k]}
    if not changed:
        return set(), set()
    # What changed, as the trace names reads: subjects, and "predicate\0object" for backward lookups.
    touched_keys = set(changed)
    for key in changed:
        for predicate, obj in before[key] ^ after[key]:
            target = _object_key(obj)
            if predicate in REVERSE_PREDICATES and target is not None:
                touched_keys.add(f"{predicate}\0{target}")
                entries = state.reverse.setdefault(f"{predicate}\0{target}", [])
                if (predicate, obj) in after[key] and key not in entries:
                    entries.append(key)
                    entries.sort()
                elif (predicate, obj) not in after[key] and key in entries:
                    entries.remove(key)
    # Items: each phase's subjects by their rdf:type now.
    new_items: set[Item] = set()
    removed_items: set[Item] = set()
    for phase, cls in PHASES:
        members = state.plan.setdefault(phase, set())
        for key in changed:
            typed = (_RDF_TYPE, f"<{cls}>") in after[key]
            if typed and key not in members:
                members.add(key)
                new_items.add((phase, key))
            elif not typed and key in members:
                members.discard(key)
                removed_items.add((phase, key))
    stale = {item for item, reads in state.reads.items() if not reads.isdisjoint(touched_keys)}
    rerun = (stale - removed_items) | new_items  # items that exist now and may act differently

    index = BlockIndex(new, state.reverse)
    scratch = Trace()
    partial_networkx(index, _plan(rerun), set(), scratch)  # type: ignore[arg-type]
    dirty: set[str] = set()
    for item in stale:
        dirty |= state.touches.get(item, set())
    for item in rerun:
        dirty |= scratch.touches.get(item, set())
    dirty |= {node for node, reads in state.describe_reads.items() if not reads.isdisjoint(touched_keys)}

    contributors: dict[str, set[Item]] = defaultdict(set)
    for item, nodes in state.touches.items():
        if item not in stale:
            for node in nodes & dirty:
                contributors[node].add(item)
    run = set(rerun)
    for node in dirty:
        run |= contributors.get(node, set())
    index.prefetch(k for item in run for k in scratch.reads.get(item) or state.reads.get(item, ()))
    index.prefetch(k for node in dirty for k in state.describe_reads.get(node, ()))
    trace = Trace()
    partial = partial_networkx(index, _plan(run), dirty, trace)  # type: ignore[arg-type]

    network = state.network
    alone_before = {n for n in dirty if n in network and network.degree(n) == 0}
    network.remove_nodes_from([n for n in dirty if n in network])
    for node in sorted(dirty):
        if node in partial:
            network.add_node(node, **partial.nodes[node])
    for node in sorted(dirty):
        if node not in partial:
            continue
        for source, target, relation, data in [*partial.out_edges(node, keys=True, data=True),
                                               *partial.in_edges(node, keys=True, data=True)]:
            if source not in network or target not in network:
                raise KeyError(f"an edge of a redone node ends at an unknown node: {source} → {target}")
            if not network.has_edge(source, target, key=relation):
                network.add_edge(source, target, key=relation, **data)

    for item in stale | removed_items:
        state.reads.pop(item, None)
        state.touches.pop(item, None)
    for item in run:
        state.reads[item] = trace.reads[item]
        state.touches[item] = trace.touches[item]
    for node in dirty:
        state.describe_reads.pop(node, None)
        if ("describe", node) in trace.reads:
            state.describe_reads[node] = trace.reads[("describe", node)]
    return dirty, {n for n in alone_before if n in network and network.degree(n) > 0}


def _plan(items: Iterable[Item]) -> dict[str, list[str]]:
    plan: dict[str, list[str]] = defaultdict(list)
    for phase, key in items:
        plan[phase].append(key)
    return dict(plan)


def render(
    turtle: bytes,
    spans: dict[str, tuple[int, int]],
    previous: ViewState | None = None,
    old: Snapshot | None = None,
    candidates: Iterable[str] = (),
) -> tuple[str, ViewState | None]:
    """The page of ``turtle`` and the state for the next build.

    With ``previous`` (the state of the view of ``old``) only what changed is redone; else, or if
    the state proves inconsistent, the view is made in full (the page a build without a cache writes).
    """
    from kg.view.html import page_html
    from kg.view.relayout import update_layout

    header_length = min(spans.values(), key=lambda span: span[0])[0] if spans else len(turtle)
    new = Snapshot(turtle, turtle[:header_length], spans)
    if previous is not None and old is not None:
        try:
            _, moved = update_view(previous, old, new, candidates)
            network = previous.network
            previous.positions = update_layout(network, previous.positions, moved)
            return page_html(network, network, positions=previous.positions), previous
        except (KeyError, ValueError, TypeError, AttributeError, IndexError, SyntaxError):
            pass  # a damaged or foreign state: made again in full below
    from kg.view.layout import layout

    network, state = full_view(turtle, spans)
    positions = layout(network)
    if state is not None:
        state.positions = positions
    return page_html(network, network, positions=positions), state


def turtle_spans(turtle: bytes) -> dict[str, tuple[int, int]]:
    """Where each subject's block is in a graph.ttl written by kg (``<iri>`` → (offset, length)).

    A block is a line that does not start with a tab and the tab-indented lines after it; the
    parser's subjects, in the order they come, name the blocks in turn.
    """
    import pyoxigraph

    starts: list[int] = []
    offset = 0
    body = False
    for line in turtle.splitlines(keepends=True):
        if line.startswith(b"@prefix") or (not body and not line.strip()):
            offset += len(line)
            continue
        body = True
        if not line.startswith(b"\t") and line.strip():
            starts.append(offset)
        offset += len(line)
    subjects: list[str] = []
    for triple in pyoxigraph.parse(turtle, format=pyoxigraph.RdfFormat.TURTLE):
        name = f"<{triple.subject.value}>"
        if not subjects or subjects[-1] != name:
            subjects.append(name)
    if len(subjects) != len(starts) or len(set(subjects)) != len(subjects):
        raise ValueError(f"{len(starts)} blocks but {len(subjects)} subjects")
    ends = [*starts[1:], len(turtle)]
    return {s: (a, b - a) for s, a, b in zip(subjects, starts, ends, strict=True)}
