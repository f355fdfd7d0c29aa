"""Network statistics of a built graph: what it holds, who is most active, who meets whom.

The counts come from SPARQL (pyoxigraph); the network measures from networkx on two graphs made
from the participations: the bipartite person–event network (degree and betweenness centrality)
and the person co-attendance network (an edge for two people at the same event, weighted by how
many events they share), whose communities are found by greedy modularity maximisation.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass, field
from itertools import combinations
from pathlib import Path

from kg.graph.namespaces import sparql_prefixes
from kg.query import DEFAULT_DATA, format_table, load_data, open_store

# Betweenness is O(nodes × edges): past this many nodes it is estimated from a fixed sample of
# sources (seeded, so the numbers are the same on every run).
BETWEENNESS_EXACT_LIMIT = 3000
BETWEENNESS_SAMPLE = 500

PREFIXES = sparql_prefixes()

COUNTED_TYPES = [
    ("articles", "schema:NewsArticle"),
    ("persons", "foaf:Person"),
    ("posts", "org:Post"),
    ("memberships", "org:Membership"),
    ("bodies", "org:Organization"),
    ("places", "schema:Place"),
    ("events", "schema:Event"),
    ("participations", "kg:Participation"),
]


@dataclass
class Ranked:
    name: str
    iri: str
    value: float
    detail: str = ""


@dataclass
class GraphStats:
    triples: int
    counts: dict[str, int]
    event_kinds: dict[str, int]
    officials: list[Ranked] = field(default_factory=list)
    bodies: list[Ranked] = field(default_factory=list)
    pairs: list[tuple[str, str, int]] = field(default_factory=list)
    degree: list[Ranked] = field(default_factory=list)
    betweenness: list[Ranked] = field(default_factory=list)
    communities: list[list[str]] = field(default_factory=list)
    betweenness_sampled: bool = False

    def to_dict(self) -> dict:
        return asdict(self)


def _rows(store, query: str) -> list[list[str]]:
    return [[term.value if term is not None else "" for term in row] for row in store.query(PREFIXES + query)]


def _count(store, pattern: str) -> int:
    rows = _rows(store, f"SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE {{ {pattern} }}")
    return int(rows[0][0]) if rows else 0


def compute_stats(data: Path | None = None, store: Path | None = None, top: int = 10) -> GraphStats:
    """Statistics of the graph in ``data`` (default output/graph.ttl) or in an Oxigraph ``store``."""
    import networkx as nx

    database = open_store(Path(store)) if store is not None else load_data(Path(data or DEFAULT_DATA))
    counts = {name: _count(database, f"?x a {cls}") for name, cls in COUNTED_TYPES}
    counts["officials"] = _count(database, "?x a foaf:Person ; org:holds ?post")
    kinds = _rows(
        database,
        """SELECT ?kind (COUNT(DISTINCT ?e) AS ?n) WHERE {
             ?e a schema:Event , ?cls . FILTER(STRSTARTS(STR(?cls), STR(kg:)))
             OPTIONAL { ?cls rdfs:label ?l . FILTER(LANG(?l) = "zh") }
             BIND(COALESCE(STR(?l), STRAFTER(STR(?cls), STR(kg:))) AS ?kind)
           } GROUP BY ?kind ORDER BY DESC(?n) ?kind""",
    )
    from kg.graph.materialise import view_quads

    # The graph's triples: a store built by kg also holds the bundled queries' views in named graphs.
    triples = len(database) - view_quads(database)
    stats = GraphStats(triples=triples, counts=counts, event_kinds={k: int(n) for k, n in kinds})

    names = _display_names(_rows(database, "SELECT ?p ?name WHERE { ?p a foaf:Person ; rdfs:label ?name }"))
    attendance = _rows(
        database,
        "SELECT DISTINCT ?p ?e WHERE { ?e kg:participation/kg:agent ?p . ?p a foaf:Person }",
    )
    posts = Counter(p for (p,) in _rows(database, "SELECT ?p WHERE { ?p org:holds|org:hasMembership ?post }") if p)
    titles: dict[str, list[str]] = {}
    for person, label in _rows(
        database, "SELECT ?p ?l WHERE { ?p org:holds ?post . ?post rdfs:label ?l } ORDER BY ?p ?l"
    ):
        titles.setdefault(person, []).append(label)

    events_of: dict[str, set[str]] = {}
    for person, event in attendance:
        events_of.setdefault(person, set()).add(event)
    officials = sorted((p for p in titles), key=lambda p: (-len(events_of.get(p, ())), -posts[p], names.get(p, p), p))
    stats.officials = [
        Ranked(names.get(p, p), p, len(events_of.get(p, ())), "、".join(titles[p][:3])) for p in officials[:top]
    ]

    # Bodies: the events they took part in themselves and those of their officials, joined here
    # rather than in SPARQL, where the two optional patterns multiply into a cross product.
    body_names = dict(_rows(database, "SELECT ?b ?name WHERE { ?b a org:Organization ; rdfs:label ?name }"))
    body_events: dict[str, set[str]] = {}
    for body, event in _rows(
        database, "SELECT DISTINCT ?b ?e WHERE { ?e kg:participation/kg:agent ?b . ?b a org:Organization }"
    ):
        body_events.setdefault(body, set()).add(event)
    staff: dict[str, set[str]] = {}
    for body, person in _rows(database, "SELECT DISTINCT ?b ?p WHERE { ?post org:postIn ?b ; org:heldBy ?p }"):
        staff.setdefault(body, set()).add(person)
        body_events.setdefault(body, set()).update(events_of.get(person, ()))
    ranked_bodies = sorted(
        body_events, key=lambda b: (-len(body_events[b]), -len(staff.get(b, ())), body_names.get(b, b), b)
    )
    stats.bodies = [
        Ranked(body_names.get(b, b), b, len(body_events[b]), str(len(staff.get(b, ())))) for b in ranked_bodies[:top]
    ]

    # the bipartite person–event network
    network = nx.Graph()
    for person, event in sorted(attendance):
        network.add_node(person, kind="person")
        network.add_node(event, kind="event")
        network.add_edge(person, event)
    persons = sorted(n for n, kind in network.nodes(data="kind") if kind == "person")
    if persons:
        degree = nx.degree_centrality(network)
        stats.degree = _top(persons, degree, names, top)
        sampled = network.number_of_nodes() > BETWEENNESS_EXACT_LIMIT
        between = nx.betweenness_centrality(
            network, k=BETWEENNESS_SAMPLE if sampled else None, seed=0 if sampled else None
        )
        stats.betweenness = _top(persons, between, names, top)
        stats.betweenness_sampled = sampled

    # the co-attendance network: people who were at the same event
    people_at: dict[str, list[str]] = {}
    for person, event in sorted(attendance):
        people_at.setdefault(event, []).append(person)
    together: Counter[tuple[str, str]] = Counter()
    for people in people_at.values():
        for a, b in combinations(sorted(set(people)), 2):
            together[(a, b)] += 1
    ranked_pairs = sorted(together.items(), key=lambda item: (-item[1], names.get(item[0][0], ""), item[0]))
    stats.pairs = [(names.get(a, a), names.get(b, b), n) for (a, b), n in ranked_pairs[:top]]
    co_attendance = nx.Graph()
    co_attendance.add_nodes_from(sorted({p for pair in together for p in pair}))
    for (a, b), n in sorted(together.items()):
        co_attendance.add_edge(a, b, weight=n)
    if co_attendance.number_of_edges():
        found = nx.community.greedy_modularity_communities(co_attendance, weight="weight")
        groups = [sorted(names.get(p, p) for p in community) for community in found if len(community) > 1]
        stats.communities = sorted(groups, key=lambda g: (-len(g), g))[:top]
    return stats


def _display_names(rows: list[list[str]]) -> dict[str, str]:
    """IRI → name; people who share a name are told apart by their key (丁文霞-2), the IRI's end."""
    from urllib.parse import unquote

    names = {iri: name for iri, name in rows}
    counts = Counter(names.values())
    return {iri: name if counts[name] == 1 else unquote(iri.rsplit("/", 1)[-1]) for iri, name in names.items()}


def _top(nodes: list[str], score: dict[str, float], names: dict[str, str], top: int) -> list[Ranked]:
    ranked = sorted(nodes, key=lambda n: (-score[n], names.get(n, n), n))
    return [Ranked(names.get(n, n), n, round(score[n], 4)) for n in ranked[:top]]


def format_stats(stats: GraphStats) -> str:
    """The statistics as titled, aligned tables."""
    sections = [f"Graph: {stats.triples} triples"]
    sections.append(format_table(["type", "count"], [[k, str(v)] for k, v in stats.counts.items()]))
    if stats.event_kinds:
        sections.append("Events by kind")
        sections.append(format_table(["kind", "events"], [[k, str(v)] for k, v in stats.event_kinds.items()]))
    if stats.officials:
        sections.append("Most active officials (events taken part in)")
        sections.append(
            format_table(["official", "events", "posts"], [[r.name, f"{r.value:g}", r.detail] for r in stats.officials])
        )
    if stats.bodies:
        sections.append("Most active bodies (events of the body or its officials)")
        sections.append(
            format_table(["body", "events", "officials"], [[r.name, f"{r.value:g}", r.detail] for r in stats.bodies])
        )
    if stats.pairs:
        sections.append("People who appear together most")
        sections.append(format_table(["person", "person", "events"], [[a, b, str(n)] for a, b, n in stats.pairs]))
    if stats.degree:
        sections.append("Degree centrality (person–event network)")
        sections.append(format_table(["person", "degree"], [[r.name, f"{r.value:.4f}"] for r in stats.degree]))
        note = " (estimated from a sample)" if stats.betweenness_sampled else ""
        sections.append(f"Betweenness centrality (person–event network){note}")
        sections.append(
            format_table(["person", "betweenness"], [[r.name, f"{r.value:.4f}"] for r in stats.betweenness])
        )
    if stats.communities:
        sections.append("Communities (greedy modularity on co-attendance)")
        sections.append(
            format_table(
                ["#", "size", "members"],
                [[str(i), str(len(c)), "、".join(c)] for i, c in enumerate(stats.communities, 1)],
            )
        )
    return "\n\n".join(sections)
