"""RDF → networkx for the view, on the hand-written seed fixture (tests/fixtures/view/)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import networkx as nx
import pytest
from rdflib import Graph

from kg.view.network import to_networkx

FIXTURE = Path(__file__).parent / "fixtures" / "view" / "seed_small.ttl"
ID = "https://kg.example.org/id/"


@pytest.fixture(scope="module")
def network() -> nx.MultiDiGraph:
    return to_networkx(Graph().parse(FIXTURE))


def test_counts_by_type_and_relation(network: nx.MultiDiGraph) -> None:
    types = Counter(data["type"] for _, data in network.nodes(data=True))
    assert types == {"person": 9, "body": 9, "place": 6, "event": 3, "article": 3}
    relations = Counter(key for _, _, key in network.edges(keys=True))
    assert relations == {
        "任职": 11, "陪同": 4, "带队": 2, "讲话": 2, "来访": 1, "参加": 1, "主办": 1, "承办": 1,
        "位于": 14, "隶属": 3, "报道": 3,
    }


def test_post_edge_carries_the_titles(network: nx.MultiDiGraph) -> None:
    edge = network.get_edge_data(ID + "person/王新", ID + "org/郑州市政务办", key="任职")
    assert edge["label"] in ("党组书记、主任", "主任、党组书记")
    assert network.get_edge_data(ID + "person/胡荃", ID + "org/郑州市人大常委会", key="任职")["label"] == "主任"


def test_participation_roles_and_body_roles(network: nx.MultiDiGraph) -> None:
    inspection = ID + "event/a1/0"
    assert network.has_edge(ID + "person/胡荃", inspection, key="陪同")
    assert network.has_edge(ID + "person/阎红心", inspection, key="带队")
    assert network.has_edge(ID + "org/开封市人大常委会", inspection, key="来访")
    assert network.has_edge(ID + "org/郑州市总工会", ID + "event/a3/0", key="主办")
    # schema:organizer repeats the 主办 participation: one edge, not two.
    assert network.number_of_edges(ID + "org/郑州市总工会", ID + "event/a3/0") == 1


def test_containment_membership_and_reports(network: nx.MultiDiGraph) -> None:
    assert network.has_edge(ID + "place/黄河滩地公园", ID + "place/惠济区", key="位于")
    assert network.has_edge(ID + "event/a1/0", ID + "place/黄河滩地公园", key="位于")
    assert network.has_edge(ID + "org/惠济区委组织部", ID + "org/惠济区委", key="隶属")
    assert network.has_edge(ID + "article/a1", ID + "event/a1/0", key="报道")
    # a3 does not say schema:mentions; the event's prov:wasDerivedFrom links it all the same.
    assert network.has_edge(ID + "article/a3", ID + "event/a3/0", key="报道")


def test_reporters_are_not_nodes_but_named_in_the_article(network: nx.MultiDiGraph) -> None:
    assert ID + "person/简洋" not in network
    assert "记者:简洋" in network.nodes[ID + "article/a1"]["tip"]


def test_person_tooltip_has_posts_bodies_dated_events_and_evidence(network: nx.MultiDiGraph) -> None:
    tip = network.nodes[ID + "person/丁文霞"]["tip"]
    assert "职务:惠济区委副书记、惠济区政府区长" in tip
    assert "机构:惠济区委、惠济区政府" in tip
    events = next(line for line in tip if line.startswith("活动:"))
    assert "4月8日上午" in events and "(陪同)" in events and "4月9日下午" in events
    assert any(line.startswith("依据:") and "区长丁文霞" in line for line in tip)


def test_event_attributes(network: nx.MultiDiGraph) -> None:
    event = network.nodes[ID + "event/a1/0"]
    assert (event["type"], event["kind"]) == ("event", "考察检查")
    assert (event["date"], event["date_text"]) == ("--04-08", "4月8日上午")
    assert any("阎红心(带队)" in line for line in event["tip"])


def test_hostile_label_is_kept_verbatim_as_data(network: nx.MultiDiGraph) -> None:
    # The view escapes at output time; the model keeps the text exactly as the graph has it.
    assert network.nodes[ID + "person/pwned"]["label"].startswith("<script>window.__pwned=1</script>")
