"""Network statistics on the seed facts: counts, activity, co-attendance, centrality, communities."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_graph_samples import sample_extractions

from kg.graph.export import write_outputs
from kg.graph.rdf import build_graph
from kg.settings import Settings
from kg.stats import compute_stats, format_stats


@pytest.fixture(scope="module")
def stats(tmp_path_factory: pytest.TempPathFactory):
    out = tmp_path_factory.mktemp("graph")
    path = write_outputs(build_graph(sample_extractions(), Settings()), out, ["ttl"])["ttl"]
    return compute_stats(data=path, top=20)


def test_counts_by_type(stats) -> None:
    assert stats.counts["articles"] == 3
    assert stats.counts["events"] == 3
    assert stats.counts["persons"] == 7  # 6 officials and the reporter 简洋
    assert stats.counts["officials"] == 6
    assert stats.counts["participations"] == 9
    assert stats.event_kinds == {"考察检查": 1, "调研": 1, "学习": 1}


def test_most_active_official_and_body(stats) -> None:
    assert stats.officials[0].name == "丁文霞"
    assert stats.officials[0].value == 2
    assert "惠济区委副书记" in stats.officials[0].detail
    # 郑州市人大常委会: two of its officials were at the inspection
    bodies = {r.name: r.value for r in stats.bodies}
    assert bodies["郑州市人大常委会"] == 1


def test_ding_wenxia_bridges_the_two_huiji_events(stats) -> None:
    assert stats.degree[0].name == "丁文霞"
    assert stats.betweenness[0].name == "丁文霞"
    assert stats.betweenness[0].value > 0
    assert all(r.value == 0 for r in stats.betweenness[1:])


def test_pairs_and_communities(stats) -> None:
    pairs = {frozenset((a, b)): n for a, b, n in stats.pairs}
    # the inspection has four people (6 pairs), the research visit two (1 pair)
    assert len(pairs) == 7
    assert pairs[frozenset(("丁文霞", "王新"))] == 1
    members = [set(c) for c in stats.communities]
    assert any({"胡荃", "阎红心"} <= c for c in members)
    assert not any("王新亭" in c for c in members)  # he met nobody in these facts


def test_table_output_has_every_section(stats) -> None:
    text = format_stats(stats)
    for title in ("Most active officials", "People who appear together most", "Degree centrality", "Communities"):
        assert title in text


def test_stats_of_a_missing_file_is_an_error(tmp_path: Path) -> None:
    from kg.errors import GraphError

    with pytest.raises(GraphError, match="no such graph file"):
        compute_stats(data=tmp_path / "missing.ttl")
