"""networkx → vis-network → one self-contained, offline HTML file.

The page inlines the vis-network library, our stylesheet and script, and the graph as a JSON
block; it fetches nothing (a Content-Security-Policy of ``default-src 'none'`` says so to the
browser too). The vis-network build is the one pyvis ships in its package; we do not use pyvis's
own page template, which loads Bootstrap and tom-select from CDNs, nor its ``Network`` class,
whose ``add_edge`` scans the node list for every edge (quadratic at thousands of nodes).

Every string from the news text is data: it goes into the JSON block with ``<``, ``>``, ``&``
and the line separators escaped (so ``</script>`` or ``<!--`` inside a name cannot end the
block), and the page script shows it with ``textContent`` or as canvas text only.
"""

from __future__ import annotations

import importlib.util
import json
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

import networkx as nx
from jinja2 import Environment, select_autoescape
from markupsafe import Markup
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from kg.errors import GraphError, UsageError
from kg.gcpause import collector_paused
from kg.graph.export import literal_parts
from kg.io import write_text_atomic
from kg.view.network import NODE_TYPES, READ_PREDICATES, components, to_networkx

if TYPE_CHECKING:
    from kg.graph.rdf import KnowledgeGraph

# Type → (colour, border, vis shape). Colours from a colour-blind-safe palette (Okabe–Ito).
TYPE_STYLES: dict[str, tuple[str, str, str]] = {
    "person": ("#E69F00", "#9a6a00", "dot"),
    "body": ("#56B4E9", "#2a7fb0", "square"),
    "place": ("#009E73", "#006b4e", "triangle"),
    "event": ("#CC79A7", "#94507a", "diamond"),
    "article": ("#BBBBBB", "#888888", "dot"),
}
TYPE_ALIASES = {"official": "person", "officials": "person", "org": "body", "organization": "body"}
FONT_FACE = '"Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif'
# Label font sizes (min, max) by type, before zooming; vis draws none below its drawThreshold.
LABEL_SIZES = {"person": (24, 32), "event": (19, 26), "body": (13, 30), "place": (13, 32), "article": (11, 18)}
LABEL_CHARS = 14  # the label drawn on the canvas; the tooltip has the full name
LARGE_GRAPH = 1500  # beyond this many nodes: edges hide while dragging or zooming, fewer labels, fit-all opening


def _vis_asset(name: str) -> str:
    """A file of the newest vis-network build that pyvis ships in its package."""
    # find_spec locates the package without importing it (pyvis's __init__ pulls in IPython: 0.25 s)
    spec = importlib.util.find_spec("pyvis")
    if spec is None or not spec.submodule_search_locations:
        raise GraphError("the pyvis package (which ships vis-network) is not installed")
    lib = Path(next(iter(spec.submodule_search_locations))) / "templates" / "lib"
    builds = sorted(
        (entry for entry in lib.iterdir() if entry.name.startswith("vis-")),
        key=lambda entry: tuple(int(p) for p in entry.name[4:].split(".") if p.isdigit()),
    )
    for build in reversed(builds):
        candidate = build / name
        if candidate.is_file():
            return candidate.read_text(encoding="utf-8")
    raise GraphError(f"the vis-network file {name} is missing from the installed pyvis package")


@cache
def _assets() -> dict[str, str]:
    own = resources.files("kg.view") / "assets"
    return {
        "page": (own / "page.html").read_text(encoding="utf-8"),
        "page_css": (own / "page.css").read_text(encoding="utf-8"),
        "app_js": (own / "app.js").read_text(encoding="utf-8"),
        "vis_js": _vis_asset("vis-network.min.js"),
        "vis_css": _vis_asset("vis-network.css"),
    }


def _inline(code: str, tag: str) -> Markup:
    """Library code placed inside a <script> or <style> element as it is."""
    if f"</{tag}" in code.lower():
        raise GraphError(f"an inlined asset contains </{tag}> and would end its element early")
    return Markup(code)


def script_json(value: object) -> str:
    """JSON that is safe inside a <script> element: no ``<``, ``>`` or ``&`` left in it at all."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    for char, escape in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"),
                         ("\u2029", "\\u2029")):
        text = text.replace(char, escape)
    return text


_OXIGRAPH_FORMATS = {".nt": "N_TRIPLES", ".jsonld": "JSON_LD", ".json": "JSON_LD", ".rdf": "RDF_XML", ".xml": "RDF_XML"}
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"


def _rdflib_term(term: object) -> Node:
    """A pyoxigraph term as the rdflib term rdflib's own parser would have made."""
    import pyoxigraph

    if isinstance(term, pyoxigraph.NamedNode):
        return URIRef(term.value)
    if isinstance(term, pyoxigraph.BlankNode):
        return BNode(term.value)
    assert isinstance(term, pyoxigraph.Literal)
    if term.language:
        return Literal(term.value, lang=term.language)
    datatype = term.datatype.value
    return Literal(term.value, datatype=None if datatype in (_XSD_STRING, _RDF_LANG_STRING) else URIRef(datatype))


def _iri(value: str) -> URIRef:
    """``URIRef(value)`` without its validity check, for an IRI pyoxigraph has parsed (checked) already."""
    return str.__new__(URIRef, value)


def _key(term: Node) -> str:
    """An rdflib subject or IRI as a plain string key (hashing rdflib terms runs Python code)."""
    return f"_:{term}" if isinstance(term, BNode) else str(term)


class TermIndex:
    """The two lookups the view makes of a graph, as an rdflib Graph would answer them.

    ``objects(subject, predicate)`` and ``subjects(predicate, object)`` (an IRI object) with both
    terms given are all :mod:`kg.view.network` asks. Two dictionaries keyed by plain strings answer
    them many times faster than rdflib's in-memory store, which also costs most of the view's time
    just to fill. It holds only the predicates :data:`READ_PREDICATES` names and refuses a question
    about any other (it would silently answer nothing).
    """

    def __init__(self) -> None:
        self._objects: dict[tuple[str, str], list[Node]] = {}
        self._subjects: dict[tuple[str, str], list[Node]] = {}

    def add(self, subject: Node, subject_key: str, predicate_key: str, obj: Node, object_key: str | None) -> None:
        """One triple; ``object_key`` is None for a literal object (never asked for its subjects)."""
        self._objects.setdefault((subject_key, predicate_key), []).append(obj)
        if object_key is not None:
            self._subjects.setdefault((predicate_key, object_key), []).append(subject)

    @staticmethod
    def _predicate(predicate: Node) -> str:
        key = str(predicate)
        if key not in READ_PREDICATES:
            raise GraphError(f"the view's graph index holds no triples of the predicate {key}")
        return key

    # Both are asked about a quarter of a million times for a large graph: IRIs take a fast path.
    def objects(self, subject: Node, predicate: Node) -> Iterator[Node]:
        key = str(subject) if type(subject) is URIRef else _key(subject)
        return iter(self._objects.get((key, self._predicate(predicate)), ()))

    def subjects(self, predicate: Node, obj: Node) -> Iterator[Node]:
        key = str(obj) if type(obj) is URIRef else _key(obj)
        return iter(self._subjects.get((self._predicate(predicate), key), ()))


class IndexFiller:
    """Adds parsed pyoxigraph triples to a :class:`TermIndex`, only those the view reads.

    Terms are keyed by strings (pyoxigraph formats them in Rust; hashing its terms or rdflib's is
    slow): each distinct term is made once as an rdflib term, not once per triple.
    """

    def __init__(self, index: TermIndex) -> None:
        self.index = index
        self.subjects: dict[str, Node] = {}
        self.objects: dict[str, tuple[Node, str | None]] = {}  # N-Triples form → (term, key; None: a literal)
        self.seen: set[tuple[str, str, str]] = set()  # a file may state a triple twice; an rdflib Graph keeps one

    def add(self, triples: Iterable[object]) -> None:
        import pyoxigraph

        named_node = pyoxigraph.NamedNode
        subjects, objects, seen, index = self.subjects, self.objects, self.seen, self.index
        for triple in triples:
            predicate = triple.predicate.value  # type: ignore[attr-defined]
            if predicate not in READ_PREDICATES:
                continue
            subject, obj = triple.subject, triple.object  # type: ignore[attr-defined]
            subject_key = subject.value if type(subject) is named_node else f"_:{subject.value}"
            object_text = str(obj)
            key = (subject_key, predicate, object_text)
            if key in seen:
                continue
            seen.add(key)
            subject_node = subjects.get(subject_key)
            if subject_node is None:
                made_subject = _iri(subject.value) if type(subject) is named_node else _rdflib_term(subject)
                subject_node = subjects[subject_key] = made_subject
            made = objects.get(object_text)
            if made is None:
                node = _iri(obj.value) if type(obj) is named_node else _rdflib_term(obj)
                made = objects[object_text] = (node, None if isinstance(node, Literal) else _key(node))
            index.add(subject_node, subject_key, predicate, made[0], made[1])


def _term_of_ntriples(term: str) -> Node:
    """An N-Triples term (as :class:`~kg.graph.rdf.KnowledgeGraph` holds them) as the rdflib term a parser makes."""
    if term.startswith("<"):
        return _iri(term[1:-1])
    if term.startswith("_:"):
        return BNode(term[2:])
    lexical, language, datatype = literal_parts(term)
    if language is not None:
        return Literal(lexical, lang=language)
    return Literal(lexical, datatype=None if datatype in (None, _XSD_STRING, _RDF_LANG_STRING) else URIRef(datatype))


def index_of_graph(graph: KnowledgeGraph) -> TermIndex:
    """:func:`load_index` of a graph held in memory, without writing and parsing it: the same lookups, in the
    order of its Turtle (subjects sorted, then their triples), which is the order a parse of that file gives."""
    index = TermIndex()
    subjects: dict[str, tuple[Node, str]] = {}
    objects: dict[str, tuple[Node, str | None]] = {}
    for subject, predicate, obj in graph.sorted_triples():
        predicate_key = predicate[1:-1]
        if predicate_key not in READ_PREDICATES:
            continue
        made_subject = subjects.get(subject)
        if made_subject is None:
            node = _term_of_ntriples(subject)
            made_subject = subjects[subject] = (node, _key(node))
        made = objects.get(obj)
        if made is None:
            node = _term_of_ntriples(obj)
            made = objects[obj] = (node, None if isinstance(node, Literal) else _key(node))
        index.add(made_subject[0], made_subject[1], predicate_key, made[0], made[1])
    return index


def load_index(source: Path | str) -> TermIndex:
    """The triples of the file ``source`` that the view reads, as a :class:`TermIndex`."""
    import pyoxigraph

    path = Path(source)
    if not path.is_file():
        raise GraphError("no such graph file (run `kg build` first)", str(path))
    name = _OXIGRAPH_FORMATS.get(path.suffix.lower(), "TURTLE")
    index = TermIndex()
    try:
        IndexFiller(index).add(pyoxigraph.parse(path=str(path), format=getattr(pyoxigraph.RdfFormat, name)))
    except (SyntaxError, ValueError, OSError) as error:
        fmt = name.lower().replace("_", "-")
        message = f"cannot parse as {fmt}: {type(error).__name__}: {error}".splitlines()[0]
        raise GraphError(message, str(path)) from error
    return index


def index_of_turtle(turtle: bytes) -> TermIndex:
    """:func:`load_index` of Turtle held in memory (a build's own output: no error is expected)."""
    import pyoxigraph

    index = TermIndex()
    IndexFiller(index).add(pyoxigraph.parse(turtle, format=pyoxigraph.RdfFormat.TURTLE))
    return index


def _types(types: Sequence[str] | None) -> list[str]:
    if not types:
        return list(NODE_TYPES)
    chosen = []
    for name in types:
        key = TYPE_ALIASES.get(name.strip().lower(), name.strip().lower())
        if key not in NODE_TYPES:
            raise UsageError(f"unknown node type {name!r}; choose from {', '.join(NODE_TYPES)}")
        chosen.append(key)
    return [t for t in NODE_TYPES if t in chosen]


def _find_focus(network: nx.MultiDiGraph, focus: str) -> str:
    """The node named ``focus``: an exact name (the busiest if several), else a unique substring."""
    exact = [n for n, d in network.nodes(data=True) if d["label"] == focus]
    if not exact:
        exact = [n for n, d in network.nodes(data=True) if focus in d["label"]]
        names = sorted({network.nodes[n]["label"] for n in exact})
        if len(names) > 1:
            shown = "、".join(names[:10]) + (" …" if len(names) > 10 else "")
            raise UsageError(f"--focus {focus!r} matches {len(names)} names: {shown}")
    if not exact:
        raise UsageError(f"--focus {focus!r}: no node has that name")
    return max(exact, key=lambda n: (network.degree(n), n))


def select(
    network: nx.MultiDiGraph,
    *,
    focus: str | None = None,
    hops: int = 1,
    types: Sequence[str] | None = None,
    min_degree: int = 0,
) -> nx.MultiDiGraph:
    """The part of ``network`` to draw: node types, then a focus neighbourhood, then min degree."""
    if hops < 0:
        raise UsageError(f"--hops must be 0 or more, not {hops}")
    if min_degree < 0:
        raise UsageError(f"--min-degree must be 0 or more, not {min_degree}")
    wanted = set(_types(types))
    if not focus and not min_degree and wanted == set(NODE_TYPES):
        return network  # everything: no copy (0.5 s on a 13,000-node network)
    chosen = network.subgraph(n for n, d in network.nodes(data=True) if d["type"] in wanted)
    centre = None
    if focus:
        centre = _find_focus(network, focus)
        if centre not in chosen:
            raise UsageError(f"--focus {focus!r} is a {network.nodes[centre]['type']}, which --types leaves out")
        reach = nx.single_source_shortest_path_length(chosen.to_undirected(as_view=True), centre, cutoff=hops)
        chosen = chosen.subgraph(reach)
    if min_degree:
        chosen = chosen.subgraph(n for n in chosen if chosen.degree(n) >= min_degree or n == centre)
    return chosen.copy()


def _sort_dates(network: nx.MultiDiGraph) -> dict[str, str]:
    """Sortable ``YYYY-MM-DD`` for each dated event; a date without a year takes the usual year."""
    # Nodes in name order: a network updated in place (kg.view.incremental) holds them in another
    # order than a fresh one, and the most common year's ties go to the first one counted.
    ordered = sorted(network)
    dates = [(node, network.nodes[node].get("date", "")) for node in ordered]
    years = Counter(date[:4] for _, date in dates if date[:4].isdigit())
    usual = years.most_common(1)[0][0] if years else "0000"
    keys = {}
    for node, date in dates:
        if date.startswith("--") and len(date) >= 7:
            keys[node] = usual + date[1:7]
        elif len(date) >= 10 and date[:4].isdigit():
            keys[node] = date[:10]
    return keys


def _date_text(date: str) -> str:
    if date.startswith("--"):
        return f"{int(date[2:4])}月{int(date[5:7])}日"
    return f"{int(date[:4])}年{int(date[5:7])}月{int(date[8:10])}日"


def _short(label: str) -> str:
    return label if len(label) <= LABEL_CHARS else label[: LABEL_CHARS - 1] + "…"


def page_data(
    network: nx.MultiDiGraph,
    whole: nx.MultiDiGraph | None = None,
    positions: dict[str, tuple[float, float]] | None = None,
) -> dict[str, object]:
    """Everything the page script needs, as plain JSON-ready values, in a deterministic order.

    ``positions`` (every node's) are used as given; without them the network is laid out.
    """
    if positions is None:
        from kg.view.layout import layout  # numpy: not needed when the positions are known

        positions = layout(network)
    sort_dates = _sort_dates(network)
    # The edges straight from the adjacency: networkx's edge and degree views cost 0.5 s at 26,000 edges.
    rows = sorted(
        (source, target, key, data)
        for source, targets in network._succ.items()  # type: ignore[attr-defined]
        for target, keyed in targets.items()
        for key, data in keyed.items()
    )
    degree: Counter[str] = Counter()
    for source, target, _, _ in rows:
        degree[source] += 1
        degree[target] += 1
    parts = components(network)
    component = {node: number for number, members in enumerate(parts) for node in members}
    nodes = []
    for node in sorted(network):
        data = network.nodes[node]
        x, y = positions[node]
        nodes.append({
            "id": node, "name": data["label"], "label": _short(data.get("display") or data["label"]),
            "type": data["type"], "kind": data.get("kind", ""), "date": data.get("date", ""),
            "sortDate": sort_dates.get(node, ""), "tip": list(data.get("tip", [])), "value": degree.get(node, 0),
            "x": x, "y": y, "c": component[node],
        })
    edges = []
    for number, (source, target, key, data) in enumerate(rows):
        edges.append({"id": f"e{number}", "from": source, "to": target, "relation": data.get("relation", key),
                      "label": data.get("label", key)})
    counts = Counter(network.nodes[n]["type"] for n in network)
    types = [{"key": key, "label": name, "color": TYPE_STYLES[key][0], "border": TYPE_STYLES[key][1],
              "shape": TYPE_STYLES[key][2], "count": counts.get(key, 0)} for key, name in NODE_TYPES.items()]
    dates = {}
    for node, key in sort_dates.items():
        dates.setdefault(key, _date_text(network.nodes[node]["date"]))
    large = len(nodes) > LARGE_GRAPH
    options = {
        "autoResize": True,
        "physics": {"enabled": False},
        "layout": {"improvedLayout": False, "randomSeed": 7},
        "interaction": {"hover": True, "tooltipDelay": 120, "hideEdgesOnDrag": large, "hideEdgesOnZoom": large,
                        "multiselect": False},
        # Labels grow with degree; people and events keep readable labels when zoomed out.
        "groups": {
            key: {"shape": style[2], "scaling": {"min": 8, "max": 34, "label": {
                # In a large graph only the busiest nodes are labelled until the user zooms in.
                "enabled": True, "min": 10 if large else LABEL_SIZES[key][0], "max": LABEL_SIZES[key][1],
                "drawThreshold": 8,
                "maxVisible": 30}}}
            for key, style in TYPE_STYLES.items()
        },
        "nodes": {
            "borderWidth": 1,
            "scaling": {"min": 8, "max": 34,
                        "label": {"enabled": True, "min": 13, "max": 26, "drawThreshold": 7, "maxVisible": 30}},
            "font": {"size": 14, "face": FONT_FACE, "strokeWidth": 2, "strokeColor": "#ffffff"},
        },
        "edges": {
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.45}},
            "smooth": False,
            "width": 1,
            "color": {"color": "#b5b5b5", "highlight": "#333333", "hover": "#666666", "inherit": False},
            "font": {"size": 10, "face": FONT_FACE, "color": "#555555", "strokeWidth": 3, "strokeColor": "#ffffff",
                     "align": "middle"},
            "scaling": {"label": {"enabled": True, "drawThreshold": 8}},
            "selectionWidth": 1.5,
        },
    }
    # Open on the largest cluster when the rest is scattered small pieces: they are a zoom away.
    fit_main = len(parts) > 1 and len(parts[0]) >= 10
    # The opening zoom never goes below this: person labels stay about 10 px high.
    min_scale = 0.0 if large else round(10 / LABEL_SIZES["person"][0], 3)
    return {"nodes": nodes, "edges": edges, "types": types, "options": options, "fitMain": fit_main,
            "minScale": min_scale,
            "dates": [{"key": k, "text": dates[k]} for k in sorted(dates)],
            "whole": {"nodes": whole.number_of_nodes(), "edges": whole.number_of_edges()} if whole else None}


def summary_line(network: nx.MultiDiGraph, whole: nx.MultiDiGraph) -> str:
    counts = Counter(network.nodes[n]["type"] for n in network)
    parts = [f"{name} {counts.get(key, 0)}" for key, name in NODE_TYPES.items()]
    line = " · ".join(parts) + f" · 关系 {network.number_of_edges()}"
    if network.number_of_nodes() != whole.number_of_nodes():
        line += f"(全图 {whole.number_of_nodes()} 个节点、{whole.number_of_edges()} 条关系)"
    return line + "。悬停看详情,点击节点突出其相邻节点。"


def render_html(
    source: Path | Graph | TermIndex | str,
    out: Path,
    *,
    focus: str | None = None,
    hops: int = 1,
    types: Sequence[str] | None = None,
    min_degree: int = 0,
    title: str | None = None,
) -> Path:
    """Write the interactive network of ``source`` (a graph file, an rdflib Graph or a :class:`TermIndex`) to
    ``out``."""
    with collector_paused():
        return _render_html(source, out, focus=focus, hops=hops, types=types, min_degree=min_degree, title=title)


def _render_html(
    source: Path | Graph | TermIndex | str,
    out: Path,
    *,
    focus: str | None,
    hops: int,
    types: Sequence[str] | None,
    min_degree: int,
    title: str | None,
) -> Path:
    whole = to_networkx(source if isinstance(source, Graph | TermIndex) else load_index(source))  # type: ignore[arg-type]
    network = select(whole, focus=focus, hops=hops, types=types, min_degree=min_degree)
    if title is None:
        title = "知识图谱:人物、机构、地点与活动"
        if focus:
            title += f"({focus} 周围 {hops} 步)"
    out = Path(out)
    write_text_atomic(out, page_html(network, whole, title))
    return out


def page_html(
    network: nx.MultiDiGraph,
    whole: nx.MultiDiGraph,
    title: str = "知识图谱:人物、机构、地点与活动",
    positions: dict[str, tuple[float, float]] | None = None,
) -> str:
    """The page of ``network`` (a selection of ``whole``), laid out unless ``positions`` are given."""
    assets = _assets()
    environment = Environment(autoescape=select_autoescape(default=True, default_for_string=True))
    page = environment.from_string(assets["page"]).render(
        title=title,
        summary=summary_line(network, whole),
        data_json=Markup(script_json(page_data(network, whole, positions))),
        vis_js=_inline(assets["vis_js"], "script"),
        vis_css=_inline(assets["vis_css"], "style"),
        page_css=_inline(assets["page_css"], "style"),
        app_js=_inline(assets["app_js"], "script"),
    )
    return page
