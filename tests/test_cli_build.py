"""`kg build` end to end on the seeds: the summary, the files, determinism, conformance, SPARQL."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph
import pytest
import rdflib
from click.testing import CliRunner
from rdflib.compare import isomorphic

from kg.cli import main
from kg.cli.build import read_page_dates
from kg.errors import UsageError
from kg.graph.validate import validate
from kg.query import run_query


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory, seeds_dir: Path) -> tuple[Path, str]:
    out = tmp_path_factory.mktemp("build")
    result = CliRunner().invoke(
        main, ["build", str(seeds_dir), "--out", str(out), "--format", "ttl,nt,jsonld", "--store", str(out / "store")]
    )
    assert result.exit_code == 0, result.output
    return out, result.output


def test_summary_names_what_was_built(built: tuple[Path, str]) -> None:
    out, output = built
    assert "35 articles" in output
    for word in ("officials", "bodies", "places", "events", "triples"):
        assert word in output
    assert str(out / "graph.ttl") in output


def test_turtle_parses_in_rdflib_and_oxigraph_and_matches_the_other_formats(built: tuple[Path, str]) -> None:
    out, _ = built
    turtle = rdflib.Graph().parse(out / "graph.ttl", format="turtle")
    assert isomorphic(turtle, rdflib.Graph().parse(out / "graph.nt", format="nt"))
    assert isomorphic(turtle, rdflib.Graph().parse(out / "graph.jsonld", format="json-ld"))
    assert len(list(pyoxigraph.parse(path=str(out / "graph.ttl")))) == len(turtle)
    # The graph is the store's default graph; its named graphs hold the bundled queries' views (kg.graph.materialise).
    store = pyoxigraph.Store.read_only(str(out / "store"))
    assert len(list(store.quads_for_pattern(None, None, None, pyoxigraph.DefaultGraph()))) == len(turtle)


def test_two_builds_are_byte_identical(built: tuple[Path, str], seeds_dir: Path, tmp_path: Path) -> None:
    out, _ = built
    result = CliRunner().invoke(main, ["build", str(seeds_dir), "--out", str(tmp_path), "--format", "ttl", "--quiet"])
    assert result.exit_code == 0 and result.output == ""
    assert (tmp_path / "graph.ttl").read_bytes() == (out / "graph.ttl").read_bytes()


def test_the_seed_graph_conforms_to_the_shapes(built: tuple[Path, str]) -> None:
    out, _ = built
    report = validate(out / "graph.ttl")
    assert report.conforms, report.summary()


def test_sparql_over_the_seed_graph_finds_ding_wenxia_posts(built: tuple[Path, str]) -> None:
    out, _ = built
    result = run_query("officials", data=out / "graph.ttl", params={"name": "丁文霞"}, timeout=0)
    posts = {(str(row[3]), str(row[2])) for row in result.rows}
    assert ("惠济区委", "副书记") in posts
    assert ("惠济区政府", "区长") in posts
    from_store = run_query("officials", store=out / "store", params={"name": "丁文霞"}, timeout=0)
    assert {(str(r[3]), str(r[2])) for r in from_store.rows} == posts


def test_base_iri_option_names_the_nodes(seeds_dir: Path, tmp_path: Path) -> None:
    page = seeds_dir / "000_1221b1dd961f49e8.txt"
    result = CliRunner().invoke(
        main,
        [
            "build",
            str(page),
            "--out",
            str(tmp_path),
            "--format",
            "nt",
            "--base-iri",
            "https://example.org/g/",
            "--quiet",
        ],
    )
    assert result.exit_code == 0, result.output
    text = (tmp_path / "graph.nt").read_text(encoding="utf-8")
    assert "<https://example.org/g/person/丁文霞>" in text
    assert "kg.example.org/id/" not in text


def test_bad_options_exit_2_with_one_line(seeds_dir: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["build", str(seeds_dir), "--out", str(tmp_path), "--format", "xml"])
    assert result.exit_code == 2
    assert "unknown format xml" in result.output
    result = CliRunner().invoke(main, ["build", str(seeds_dir), "--out", str(tmp_path), "--base-iri", "nope"])
    assert result.exit_code == 2
    assert "base IRI" in result.output


def test_skipped_files_exit_1(seeds_dir: Path, tmp_path: Path) -> None:
    bad = tmp_path / "pages"
    bad.mkdir()
    (bad / "good.txt").write_bytes((seeds_dir / "003_2b110ad91f95fb21.txt").read_bytes())
    (bad / "bad.txt").write_bytes(b"\x00\x01\x02\xff\xfe binary")
    result = CliRunner().invoke(
        main, ["build", str(bad), "--out", str(tmp_path / "out"), "--format", "ttl", "--skip-bad"]
    )
    assert result.exit_code == 1, result.output
    assert "bad.txt" in result.output
    assert (tmp_path / "out" / "graph.ttl").exists()


def test_page_dates_file(tmp_path: Path) -> None:
    dates = tmp_path / "dates.tsv"
    dates.write_text("# file\tdate\n000_1221b1dd961f49e8.txt\t2021-04-10\n", encoding="utf-8")
    assert read_page_dates(dates) == {"000_1221b1dd961f49e8.txt": "2021-04-10"}
    dates.write_text("x.txt yesterday\n", encoding="utf-8")
    with pytest.raises(UsageError, match="YYYY"):
        read_page_dates(dates)


def test_year_gives_full_dates(seeds_dir: Path, tmp_path: Path) -> None:
    page = seeds_dir / "000_1221b1dd961f49e8.txt"
    result = CliRunner().invoke(main, ["build", str(page), "--out", str(tmp_path), "--format", "ttl", "--year", "2021"])
    assert result.exit_code == 0, result.output
    dates = run_query(
        "SELECT DISTINCT ?d WHERE { ?e <https://schema.org/startDate> ?d }", data=tmp_path / "graph.ttl", timeout=0
    )
    assert "2021-04-08" in {str(row[0]) for row in dates.rows}


def test_evidence_offsets_point_into_the_article_body(built: tuple[Path, str]) -> None:
    out, _ = built
    # Posts merge several reports; each report (a prov:Derivation) and every event and
    # participation has one article, whose schema:articleBody the offsets index (0-based).
    check = """
        PREFIX kg: <https://kg.example.org/ontology#>
        PREFIX prov: <http://www.w3.org/ns/prov#>
        PREFIX schema: <https://schema.org/>
        PREFIX org: <http://www.w3.org/ns/org#>
        SELECT (COUNT(*) AS ?facts)
               (SUM(IF(CONTAINS(?evidence, SUBSTR(?body, ?start + 1, ?end - ?start)), 1, 0)) AS ?ok)
        WHERE {
          ?fact kg:evidenceStart ?start ; kg:evidenceEnd ?end ; kg:evidence ?evidence ; prov:wasDerivedFrom ?article .
          FILTER NOT EXISTS { ?fact a org:Post }
          ?article schema:articleBody ?body .
        }"""
    result = run_query(check, data=out / "graph.ttl", timeout=0)
    facts, ok = (int(str(v)) for v in result.rows[0])
    assert facts > 100
    assert ok == facts


def test_turtle_does_not_depend_on_the_hash_seed(built: tuple[Path, str], seeds_dir: Path, tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    out, _ = built
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    subprocess.run(
        [sys.executable, "-m", "kg", "build", str(seeds_dir), "--out", str(tmp_path), "--format", "ttl", "--quiet"],
        check=True,
        env=env,
    )
    assert (tmp_path / "graph.ttl").read_bytes() == (out / "graph.ttl").read_bytes()
