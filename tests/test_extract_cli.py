"""``kg extract`` end to end through click's CliRunner."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from kg.cli import main


def test_extract_prints_one_object_per_article(seeds_dir: Path) -> None:
    result = CliRunner().invoke(main, ["extract", str(seeds_dir / "000_1221b1dd961f49e8.txt")])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.output.splitlines()]
    assert len(records) >= 4
    first = records[0]
    assert set(first) >= {"id", "file", "headline", "mentions", "officials", "events", "authors"}
    ding = next(o for o in first["officials"] if o["name"] == "丁文霞")
    assert {"org": "惠济区政府", "title": "区长"} in ding["posts"]
    assert {"name": "简洋", "role": "reporter"} in first["authors"]
    assert all({"type", "text", "start", "end"} <= set(m) for m in first["mentions"])
    places = {p["name"]: p for p in first["places"]}
    assert places["黄河滩地公园"]["parent"] == "惠济区"
    assert {"name": "惠济区委", "kind": "party_committee", "parent": None, "place": "惠济区"} in first["bodies"]


def test_home_city_option_changes_what_shi_means(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text("市委召开会议\n\n本报讯 市委书记李明主持召开会议。\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", "--home-city", "开封市", str(page)])
    assert result.exit_code == 0, result.output
    posts = [p for r in map(json.loads, result.output.splitlines()) for o in r["officials"] for p in o["posts"]]
    assert {"org": "开封市委", "title": "书记"} in posts


def test_extract_needs_paths_or_lines() -> None:
    result = CliRunner().invoke(main, ["extract"])
    assert result.exit_code == 2
    assert "PATH" in result.output


def test_lines_mode_tags_every_line_with_the_ner_library(tmp_path: Path, monkeypatch) -> None:
    import kg.ner.lines

    seen: list[str] = []

    def fake_extract_lines(lines):
        for line in lines:
            seen.append(line.rstrip("\n"))
            yield {"text": line.rstrip("\n"), "mentions": []}

    monkeypatch.setattr(kg.ner.lines, "extract_lines", fake_extract_lines)
    source = tmp_path / "lines.txt"
    source.write_text("惠济区委副书记丁文霞出席。\n第二行\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", "--lines", str(source)])
    assert result.exit_code == 0, result.output
    assert seen == ["惠济区委副书记丁文霞出席。", "第二行"]
    assert [json.loads(line)["text"] for line in result.output.splitlines()] == seen


def test_lines_and_paths_do_not_mix(tmp_path: Path) -> None:
    source = tmp_path / "lines.txt"
    source.write_text("一行\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", "--lines", str(source), str(source)])
    assert result.exit_code == 2
    assert "either" in result.output
