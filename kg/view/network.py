"""RDF → networkx: the graph people look at, read through the core vocabulary only.

Nodes are persons (officials and others taking part in events), bodies, places, events and
articles; edges carry a relation in Chinese (``任职``, ``陪同``, ``位于``, ``隶属``, ``报道`` …).
Everything is read with rdflib triple patterns over the W3C / schema.org / FOAF / PROV terms and
our ``kg:`` terms of the vocabulary contract, so this module does not depend on how
``kg.graph`` builds the graph.

Persons who appear only as an article's reporters (``schema:author``) are not nodes: they are
named in the article's tooltip instead, so the network stays about officials and their work.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from urllib.parse import unquote

import networkx as nx
from rdflib import RDF as _RDF
from rdflib import RDFS as _RDFS
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.term import Node

from kg.graph import namespaces


class _Vocabulary:
    """A namespace whose terms are made once: rdflib's ``Namespace`` makes (and checks) a new
    URIRef on every attribute access, about 300,000 times while reading a large graph."""

    def __init__(self, base: str) -> None:
        self._namespace = Namespace(base)

    def __getattr__(self, name: str) -> URIRef:
        if name.startswith("_"):
            raise AttributeError(name)
        term = self._namespace[name]
        setattr(self, name, term)
        return term

    def __str__(self) -> str:
        return str(self._namespace)


RDF = _Vocabulary(str(_RDF))
RDFS = _Vocabulary(str(_RDFS))
ORG = _Vocabulary(namespaces.ORG)
SCHEMA = _Vocabulary(namespaces.SCHEMA)
FOAF = _Vocabulary(namespaces.FOAF)
PROV = _Vocabulary(namespaces.PROV)
KG = _Vocabulary(namespaces.KG)

# The node types of the view, in legend order, with their Chinese names.
NODE_TYPES: dict[str, str] = {
    "person": "人物",
    "body": "机构",
    "place": "地点",
    "event": "活动",
    "article": "报道",
}

# Event classes, body kinds and place levels (kg:) → their Chinese labels in ontology/kg.ttl,
# shown in tooltips (a built graph does not repeat the ontology's labels).
EVENT_KINDS: dict[str, str] = {
    "Inspection": "考察检查",
    "ResearchVisit": "调研",
    "Meeting": "会议",
    "StudySession": "学习",
    "SupervisionTour": "督导",
    "Campaign": "主题活动",
    "Ceremony": "仪式",
    "Drill": "演练",
    "OtherEvent": "其他活动",
}

BODY_KINDS: dict[str, str] = {
    "PartyCommittee": "党委",
    "Government": "政府",
    "PeoplesCongress": "人大",
    "CPPCC": "政协",
    "DisciplineInspection": "纪委监委",
    "CourtOrProcuratorate": "法院检察院",
    "MassOrganisation": "群团组织",
    "Enterprise": "企业",
    "Institution": "事业单位",
    "Department": "工作部门",
}

PLACE_LEVELS: dict[str, str] = {
    "Province": "省级",
    "City": "市级",
    "District": "区县级",
    "Town": "乡镇街道",
    "Village": "村社区",
    "Site": "地点",
}

# Every predicate this module reads: a reader of a graph file may skip all other triples (the
# article bodies, offsets and confidences are most of a built graph), as kg.view.html does.
READ_PREDICATES: frozenset[str] = frozenset(
    str(predicate)
    for predicate in (
        RDF.type, RDFS.label, FOAF.name, SCHEMA.name, SCHEMA.headline, ORG.heldBy, ORG.holds, ORG.postIn,
        ORG.role, ORG.member, ORG.organization, ORG.subOrganizationOf, KG.evidence, KG.participation,
        KG.agent, KG.role, KG.dateText, KG.trigger, KG.primaryLocation, KG.inPlace, KG.level, KG.file,
        SCHEMA.organizer, SCHEMA.attendee, SCHEMA.startDate, SCHEMA.location, SCHEMA.containedInPlace,
        SCHEMA.mentions, SCHEMA.author, SCHEMA.isPartOf, PROV.wasDerivedFrom,
    )
)

EVIDENCE_CHARS = 160  # a tooltip shows at most this much of an evidence sentence
TOOLTIP_ITEMS = 8  # and at most this many posts / events / participants


@dataclass
class _NodeInfo:
    """What the tooltip of one node says, gathered while the edges are read."""

    posts: list[str] = field(default_factory=list)
    events: list[tuple[str, str]] = field(default_factory=list)  # (sort key, line)
    members: list[str] = field(default_factory=list)
    evidence: list[str] = field(default_factory=list)


@cache
def _ontology_labels() -> dict[str, str]:
    """Chinese labels of our kg: terms from the bundled ontology, by local name."""
    from kg.graph.rdf import term_labels

    return {iri[len(str(KG)) :]: label for iri, label in term_labels().items()}


def _local_name(iri: Node) -> str:
    text = str(iri)
    return unquote(text.rstrip("/").rsplit("/", 1)[-1].rsplit("#", 1)[-1])


def _pick(values: Iterable[Node]) -> str | None:
    """One literal, deterministically: Chinese first, then any language, then the smallest."""
    literals = [v for v in values if isinstance(v, Literal)]
    if not literals:
        return None
    literals.sort(key=lambda v: (v.language != "zh", v.language is not None and v.language != "zh", str(v)))
    return str(literals[0])


def _label(graph: Graph, node: Node) -> str:
    for predicate in (RDFS.label, FOAF.name, SCHEMA.name, SCHEMA.headline):
        text = _pick(graph.objects(node, predicate))
        if text:
            return text
    return _local_name(node)


def _kinds(graph: Graph, node: Node, table: dict[str, str], predicate: URIRef = RDF.type) -> list[str]:
    """The Chinese names of a node's kg: classes (or levels) that ``table`` knows, as the ontology says them."""
    labels = _ontology_labels()
    names = {_local_name(t) for t in graph.objects(node, predicate)}
    return sorted(labels.get(name, table[name]) for name in names if name in table)


def _shorten(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


# The builder's passes, in order, each over the subjects of one class: an *item* is one pass over
# one subject. A cached view (kg.view.incremental) records what each item read and which nodes it
# touched, and on a rebuild runs again only the items of the nodes a change can reach.
PHASES: tuple[tuple[str, str], ...] = (
    ("body", str(ORG.Organization)),
    ("place", str(SCHEMA.Place)),
    ("event", str(SCHEMA.Event)),
    ("post", str(ORG.Post)),
    ("membership", str(ORG.Membership)),
    ("participation", str(SCHEMA.Event)),
    ("event_place", str(SCHEMA.Event)),
    ("place_parent", str(SCHEMA.Place)),
    ("body_parent", str(ORG.Organization)),
    ("article", str(SCHEMA.NewsArticle)),
)
# The predicates the builder looks up backwards (subjects of a predicate and object) besides rdf:type.
REVERSE_PREDICATES: tuple[str, ...] = (str(ORG.holds), str(PROV.wasDerivedFrom))

Item = tuple[str, str]  # (phase, subject key); ("describe", node) for a node's tooltip


class Trace:
    """What each item of a conversion read (subject keys; ``predicate\0object`` for a backward
    lookup) and which nodes it added or joined by an edge."""

    def __init__(self) -> None:
        self.reads: dict[Item, set[str]] = {}
        self.touches: dict[Item, set[str]] = {}
        self._reads: set[str] | None = None
        self._touches: set[str] | None = None

    def begin(self, phase: str, key: str) -> None:
        key = sys.intern(key)
        item = (phase, key)
        self._reads = self.reads.setdefault(item, set())
        self._touches = self.touches.setdefault(item, set())
        self._reads.add(key)

    def end(self) -> None:
        self._reads = self._touches = None

    # Keys are interned: the same node is named in many items, and the cached trace pickles each
    # distinct string object once.
    def read(self, key: str) -> None:
        if self._reads is not None:
            self._reads.add(sys.intern(key))

    def touch(self, node: str) -> None:
        if self._touches is not None:
            node = sys.intern(node)
            self._touches.add(node)
            self._reads.add(node)  # type: ignore[union-attr]


class _TracedGraph:
    """A graph whose lookups are recorded in a :class:`Trace`."""

    def __init__(self, graph: Graph, trace: Trace) -> None:
        self._graph, self._trace = graph, trace

    def objects(self, subject: Node, predicate: Node) -> Iterable[Node]:
        self._trace.read(f"_:{subject}" if isinstance(subject, BNode) else str(subject))
        return self._graph.objects(subject, predicate)

    def subjects(self, predicate: Node, obj: Node) -> Iterable[Node]:
        self._trace.read(f"{predicate}\0{f'_:{obj}' if isinstance(obj, BNode) else obj}")
        return self._graph.subjects(predicate, obj)


class _Builder:
    """Reads one rdflib graph into a MultiDiGraph; one instance per conversion.

    ``plan`` (phase → subjects) runs only those items, and describes only ``describe``'s nodes;
    ``trace`` records what each item read and touched.
    """

    def __init__(
        self,
        graph: Graph,
        plan: dict[str, list[str]] | None = None,
        describe: set[str] | None = None,
        trace: Trace | None = None,
    ) -> None:
        self.graph = graph if trace is None else _TracedGraph(graph, trace)  # type: ignore[assignment]
        self.plan, self.only, self.trace = plan, describe, trace
        self.net = nx.MultiDiGraph()
        self.info: dict[str, _NodeInfo] = defaultdict(_NodeInfo)
        self.event_lines: dict[str, str] = {}
        self._typed: dict[str, list[Node]] = {}

    def items(self, phase: str) -> Iterator[Node]:
        """The subjects of ``phase`` in order, each announced to the trace as it starts."""
        if self.plan is not None:
            subjects: list[Node] = [str.__new__(URIRef, key) for key in sorted(self.plan.get(phase, ()))]
        else:
            cls = dict(PHASES)[phase]
            if cls not in self._typed:
                self._typed[cls] = self.typed(URIRef(cls))
            subjects = self._typed[cls]
        trace = self.trace
        for subject in subjects:
            if trace is not None:
                trace.begin(phase, str(subject))
            yield subject
        if trace is not None:
            trace.end()

    # --- nodes ----------------------------------------------------------------------------
    def add_node(self, node: Node, kind: str) -> str:
        key = str(node)
        if self.trace is not None:
            self.trace.touch(key)
        if key not in self.net:
            label = _label(self.graph, node)
            self.net.add_node(key, label=label, display=label, type=kind, kind="", date="", date_text="", tip=[])
        return key

    def add_edge(self, source: str, target: str, relation: str, label: str | None = None) -> None:
        """One edge per (source, target, relation): a repeated fact is not a second line."""
        if self.trace is not None:
            self.trace.touch(source)
            self.trace.touch(target)
        if self.net.has_edge(source, target, key=relation):
            return
        self.net.add_edge(source, target, key=relation, relation=relation, label=label or relation)

    def typed(self, cls: URIRef) -> list[Node]:
        graph = self.graph._graph if isinstance(self.graph, _TracedGraph) else self.graph
        return sorted(set(graph.subjects(RDF.type, cls)), key=str)

    # --- reading --------------------------------------------------------------------------
    def read(self) -> nx.MultiDiGraph:
        for body in self.items("body"):
            self.add_node(body, "body")
        for place in self.items("place"):
            self.add_node(place, "place")
        for event in self.items("event"):
            self.add_node(event, "event")
        self.read_posts()
        self.read_memberships()
        self.read_participations()
        self.read_places_and_bodies()
        self.read_articles()
        # Persons typed but with neither posts nor events (reporters) are left out on purpose.
        if self.plan is not None:
            # A partial run meets neighbours whose own items did not run (an edge made them):
            # tooltips name them, and a node's label depends on its own triples alone.
            for node, data in self.net.nodes(data=True):
                if "label" not in data:
                    data["label"] = _label(self.graph, str.__new__(URIRef, node))
        self.describe()
        return self.net

    def read_posts(self) -> None:
        g = self.graph
        titles: dict[tuple[str, str], list[str]] = defaultdict(list)
        for post in self.items("post"):
            holders = sorted(set(g.objects(post, ORG.heldBy)) | set(g.subjects(ORG.holds, post)), key=str)
            bodies = sorted(set(g.objects(post, ORG.postIn)), key=str)
            title = self.role_title(post)
            post_label = _pick(g.objects(post, RDFS.label))
            for holder in holders:
                person = self.add_node(holder, "person")
                info = self.info[person]
                info.posts.append(post_label or title)
                info.evidence.extend(str(e) for e in g.objects(post, KG.evidence))
                for body_node in bodies:
                    body = self.add_node(body_node, "body")
                    titles[(person, body)].append(title)
                    self.info[body].members.append(f"{_label(g, holder)} {title}")
        for (person, body), names in sorted(titles.items()):
            joined = "、".join(dict.fromkeys(n for n in names if n))
            self.add_edge(person, body, "任职", joined or "任职")

    def role_title(self, post: Node) -> str:
        g = self.graph
        for role in sorted(g.objects(post, ORG.role), key=str):
            return _pick(g.objects(role, RDFS.label)) or _local_name(role)
        return ""

    def read_memberships(self) -> None:
        """Representatives (人大代表, 政协委员) are members of a body, shown as 任职 too."""
        g = self.graph
        for membership in self.items("membership"):
            title = self.role_title(membership)
            for member in sorted(g.objects(membership, ORG.member), key=str):
                person = self.add_node(member, "person")
                for body_node in sorted(g.objects(membership, ORG.organization), key=str):
                    body = self.add_node(body_node, "body")
                    self.add_edge(person, body, "任职", title or "成员")
                    self.info[person].posts.append(f"{_label(g, body_node)}{title}")
                    self.info[body].members.append(f"{_label(g, member)} {title}")

    def agent_kind(self, agent: Node) -> str:
        types = set(self.graph.objects(agent, RDF.type))
        return "body" if ORG.Organization in types else "person"

    def role_label(self, role: Node) -> str:
        label = _pick(v for v in self.graph.objects(role, RDFS.label) if getattr(v, "language", None) == "zh")
        name = _local_name(role)
        return label or _ontology_labels().get(name, name)

    def read_participations(self) -> None:
        g = self.graph
        for event_node in self.items("participation"):
            event = str(event_node)
            seen: set[str] = set()
            for part in sorted(g.objects(event_node, KG.participation), key=str):
                for agent in sorted(g.objects(part, KG.agent), key=str):
                    source = self.add_node(agent, self.agent_kind(agent))
                    seen.add(source)
                    for role in sorted(g.objects(part, KG.role), key=str):
                        relation = self.role_label(role)
                        self.add_edge(source, event, relation)
                        self.remember_event(source, event_node, relation)
                    self.info[source].evidence.extend(str(e) for e in g.objects(part, KG.evidence))
            # Organisers and attendees stated without a participation record still take part.
            for agent in sorted(g.objects(event_node, SCHEMA.organizer), key=str):
                source = self.add_node(agent, self.agent_kind(agent))
                if source not in seen:
                    seen.add(source)
                    self.add_edge(source, event, "主办")
                    self.remember_event(source, event_node, "主办")
            for agent in sorted(g.objects(event_node, SCHEMA.attendee), key=str):
                source = self.add_node(agent, self.agent_kind(agent))
                if source not in seen:
                    self.add_edge(source, event, "参加")
                    self.remember_event(source, event_node, "参加")

    def event_line(self, event: Node) -> tuple[str, str]:
        g = self.graph
        date = _pick(g.objects(event, SCHEMA.startDate)) or ""
        when = _pick(g.objects(event, KG.dateText)) or date
        label = _label(g, event)
        line = label if when and label.startswith(when) else f"{when} {label}".strip()
        return date or "~", line

    def remember_event(self, agent: str, event: Node, relation: str) -> None:
        key, line = self.event_line(event)
        self.info[agent].events.append((key, f"{line}({relation})"))

    def read_places_and_bodies(self) -> None:
        g = self.graph
        for event_node in self.items("event_place"):
            ordered = self.ordered_locations(event_node)
            for place_node in ordered:
                self.add_edge(str(event_node), self.add_node(place_node, "place"), "位于")
        for place_node in self.items("place_parent"):
            for parent in sorted(g.objects(place_node, SCHEMA.containedInPlace), key=str):
                self.add_edge(str(place_node), self.add_node(parent, "place"), "位于")
        for body_node in self.items("body_parent"):
            body = str(body_node)
            for parent in sorted(g.objects(body_node, ORG.subOrganizationOf), key=str):
                self.add_edge(body, self.add_node(parent, "body"), "隶属")
            for place_node in sorted(g.objects(body_node, KG.inPlace), key=str):
                self.add_edge(body, self.add_node(place_node, "place"), "位于")

    def ordered_locations(self, event: Node) -> list[Node]:
        """The event's places, its most specific one (kg:primaryLocation) first."""
        g = self.graph
        primary = set(g.objects(event, KG.primaryLocation))
        places = set(g.objects(event, SCHEMA.location)) | primary
        return sorted(places, key=lambda p: (p not in primary, str(p)))

    def read_articles(self) -> None:
        g = self.graph
        for article_node in self.items("article"):
            events = set(g.objects(article_node, SCHEMA.mentions)) | set(g.subjects(PROV.wasDerivedFrom, article_node))
            events = {e for e in events if SCHEMA.Event in set(g.objects(e, RDF.type))}
            article = self.add_node(article_node, "article")
            for event in sorted(events, key=str):
                self.add_edge(article, self.add_node(event, "event"), "报道")

    # --- tooltips and attributes ----------------------------------------------------------
    def describe(self) -> None:
        trace, net = self.trace, self.net
        for node, data in net.nodes(data=True):
            if self.only is not None and node not in self.only:
                continue
            if trace is not None:  # a tooltip also names the node's neighbours
                trace.begin("describe", node)
                trace.reads[("describe", node)].update(net.predecessors(node), net.successors(node))
            describe = getattr(self, f"describe_{data['type']}")
            data["tip"] = [line for line in describe(node, data) if line]
        if trace is not None:
            trace.end()

    def common(self, node: str) -> list[str]:
        info = self.info[node]
        lines: list[str] = []
        if info.events:
            events = [line for _, line in sorted(set(info.events))]
            lines.append("活动:" + ";".join(events[:TOOLTIP_ITEMS]) + (" …" if len(events) > TOOLTIP_ITEMS else ""))
        if info.evidence:
            lines.append("依据:" + _shorten(sorted(set(info.evidence), key=lambda s: (len(s), s))[0], EVIDENCE_CHARS))
        return lines

    def neighbours(self, node: str, relation: str, outgoing: bool = True) -> list[str]:
        edges = self.net.out_edges(node, keys=True) if outgoing else self.net.in_edges(node, keys=True)
        ends = [(v if outgoing else u) for u, v, key in edges if key == relation]
        return sorted({self.net.nodes[n]["label"] for n in ends})

    def describe_person(self, node: str, data: dict) -> list[str]:
        info = self.info[node]
        posts = sorted(set(info.posts))
        bodies = self.neighbours(node, "任职")
        return [
            "职务:" + "、".join(posts[:TOOLTIP_ITEMS]) if posts else "",
            "机构:" + "、".join(bodies[:TOOLTIP_ITEMS]) if bodies else "",
            *self.common(node),
        ]

    def describe_body(self, node: str, data: dict) -> list[str]:
        g = self.graph
        kinds = _kinds(g, URIRef(node), BODY_KINDS)
        data["kind"] = "、".join(kinds)
        members = sorted(set(self.info[node].members))
        parents = self.neighbours(node, "隶属")
        places = self.neighbours(node, "位于")
        return [
            "类别:" + data["kind"] if kinds else "",
            "上级:" + "、".join(parents) if parents else "",
            "所在:" + "、".join(places) if places else "",
            "人员:" + "、".join(members[:TOOLTIP_ITEMS]) + (" …" if len(members) > TOOLTIP_ITEMS else "")
            if members
            else "",
            *self.common(node),
        ]

    def describe_place(self, node: str, data: dict) -> list[str]:
        data["kind"] = "、".join(_kinds(self.graph, URIRef(node), PLACE_LEVELS, KG.level))
        parents = self.neighbours(node, "位于")
        return ["层级:" + data["kind"] if data["kind"] else "", "属于:" + "、".join(parents) if parents else ""]

    def describe_event(self, node: str, data: dict) -> list[str]:
        g = self.graph
        subject = URIRef(node)
        data["kind"] = "、".join(_kinds(g, subject, EVENT_KINDS))
        data["date"] = _pick(g.objects(subject, SCHEMA.startDate)) or ""
        data["date_text"] = _pick(g.objects(subject, KG.dateText)) or ""
        trigger_text = _pick(g.objects(subject, KG.trigger))
        if trigger_text:  # "4月8日上午 考察" reads better on the canvas than a long generated label
            data["display"] = f"{data['date_text']} {trigger_text}".strip()
        participants = sorted(
            f"{self.net.nodes[u]['label']}({key})"
            for u, _, key in self.net.in_edges(node, keys=True)
            if key != "报道"
        )
        places = [self.net.nodes[v]["label"] for _, v, key in self.net.out_edges(node, keys=True) if key == "位于"]
        trigger = _pick(g.objects(subject, KG.trigger))
        evidence = sorted(str(e) for e in g.objects(subject, KG.evidence))
        sources = [self.net.nodes[u]["label"] for u, _, key in self.net.in_edges(node, keys=True) if key == "报道"]
        return [
            "类别:" + data["kind"] + (f"(“{trigger}”)" if trigger else "") if data["kind"] or trigger else "",
            "时间:" + " ".join(t for t in (data["date_text"], data["date"]) if t) if data["date"] else "",
            "地点:" + "、".join(places) if places else "",
            "参与:" + "、".join(participants[: TOOLTIP_ITEMS * 2]) if participants else "",
            "依据:" + _shorten(evidence[0], EVIDENCE_CHARS) if evidence else "",
            "来源:" + "、".join(sorted(sources)) if sources else "",
        ]

    def describe_article(self, node: str, data: dict) -> list[str]:
        g = self.graph
        subject = URIRef(node)
        reporters = sorted({_label(g, a) for a in g.objects(subject, SCHEMA.author)})
        pages = g.objects(subject, SCHEMA.isPartOf)
        files = sorted({_pick(g.objects(page, KG.file)) or _local_name(page) for page in pages})
        events = [self.net.nodes[v]["label"] for _, v in self.net.out_edges(node)]
        return [
            "记者:" + "、".join(reporters) if reporters else "",
            "版面:" + "、".join(files) if files else "",
            "活动:" + "、".join(sorted(events)) if events else "",
        ]


def to_networkx(graph: Graph) -> nx.MultiDiGraph:
    """The people, bodies, places, events and articles of ``graph`` and how they are related.

    Node attributes: ``label`` (name or headline), ``display`` (what to draw: for events the
    date and trigger), ``type`` (person | body | place | event | article), ``kind`` (body
    category, place level or event class in Chinese), ``date`` (an
    event's ``schema:startDate`` as written, ``2021-04-08`` or ``--04-08``), ``date_text`` and
    ``tip`` (plain-text tooltip lines). Edge keys and ``relation``: the relation in Chinese;
    ``label``: what the edge shows (the titles for ``任职``).
    """
    return _Builder(graph).read()


def traced_networkx(graph: Graph) -> tuple[nx.MultiDiGraph, Trace]:
    """:func:`to_networkx` and the trace of what each item read and touched (the same network)."""
    trace = Trace()
    return _Builder(graph, trace=trace).read(), trace


def partial_networkx(
    graph: Graph, plan: dict[str, list[str]], describe: set[str], trace: Trace | None = None
) -> nx.MultiDiGraph:
    """The network made by the items of ``plan`` alone, with the tooltips of the nodes in ``describe``.

    A node all of whose items are in ``plan`` comes out as :func:`to_networkx` would make it, and
    so do the edges at it (kg.view.incremental relies on this); the others are incomplete.
    """
    return _Builder(graph, plan=plan, describe=describe, trace=trace).read()


def components(graph: nx.Graph) -> list[list[str]]:
    """Connected components (direction ignored), largest first, each sorted: a stable order."""
    # A search over the adjacency dictionaries themselves: networkx's views cost several times more.
    forward = graph._succ if graph.is_directed() else graph._adj  # type: ignore[attr-defined]
    backward = graph._pred if graph.is_directed() else {}  # type: ignore[attr-defined]
    seen: set[str] = set()
    parts: list[list[str]] = []
    for start in forward:
        if start in seen:
            continue
        seen.add(start)
        part, stack = [start], [start]
        while stack:
            node = stack.pop()
            for neighbours in (forward[node], backward.get(node, ())):
                for other in neighbours:
                    if other not in seen:
                        seen.add(other)
                        part.append(other)
                        stack.append(other)
        parts.append(sorted(part))
    return sorted(parts, key=lambda c: (-len(c), c[0]))
