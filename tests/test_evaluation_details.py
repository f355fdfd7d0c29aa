"""``kg eval --details``: every missed and spurious item listed under the scores, in the table and the JSON."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from kg.cli import main
from kg.evaluation import format_details, load_gold, score
from kg.model import Article, Extraction, Person, Post, Provenance

PROV = Provenance("a", 0, 0, 0, "test")


def _gold(tmp_path: Path) -> Path:
    gold = tmp_path / "gold"
    gold.mkdir()
    record = {
        "file": "000_x.txt",
        "headline": "调研甲",
        "officials": [{"name": "丁文霞", "title": "区长", "body": "惠济区政府"}],
    }
    (gold / "officials.jsonl").write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    return gold


def test_details_name_the_article_and_the_item(tmp_path: Path) -> None:
    article = Article(id="000_x-0", file="seeds/000_x.txt", position=0, headline="调研甲", text="调研甲\n正文。")
    found = [Person("丁文霞", posts=[Post("书记", "惠济区委", PROV)])]
    scores = score(load_gold(_gold(tmp_path)), [Extraction(article, persons=found)], details=True)
    lines = format_details(scores).splitlines()
    assert "officials\tmissed\t000_x.txt|调研甲\t丁文霞 / 区长 / 惠济区政府" in lines
    assert "officials\tspurious\t000_x.txt|调研甲\t丁文霞 / 书记 / 惠济区委" in lines
    assert not any(line.startswith("persons") for line in lines)  # the person itself was found


def test_cli_details_on_the_seeds(repo_root: Path, seeds_dir: Path) -> None:
    gold = str(repo_root / "tests" / "gold")
    table = CliRunner().invoke(main, ["eval", gold, str(seeds_dir), "--details"])
    assert table.exit_code == 0, table.output
    rows = [line.split("\t") for line in table.output.splitlines() if "\t" in line]
    assert all(len(row) == 4 and row[1] in {"missed", "spurious"} for row in rows)
    as_json = CliRunner().invoke(main, ["eval", gold, str(seeds_dir), "--details", "--format", "json"])
    scores = json.loads(as_json.output)
    listed = sum(len(s.get("missed", [])) + len(s.get("spurious", [])) for s in scores.values())
    assert listed == len(rows)
    listed_categories = ("organizations", "event_places", "officials", "persons")
    assert listed == sum(scores[c]["fp"] + scores[c]["fn"] for c in listed_categories)
