"""``kg eval --ner`` and ``kg.ner.lines.extract_lines`` end to end."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from kg.cli import main
from kg.ner.lines import extract_lines

SENTENCE = "惠济区委副书记、区长丁文霞,区人大常委会副主任刘满仓等一同考察。"


def write_corpus(path: Path) -> Path:
    start = SENTENCE.index("丁文霞")
    row = {
        "id": "s1",
        "text": SENTENCE,
        "entities": [{"start": start, "end": start + 3, "type": "PER", "text": "丁文霞"}],
    }
    path.write_text(json.dumps(row, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def test_eval_ner_prints_a_table(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["eval", "--ner", str(write_corpus(tmp_path / "c.jsonl"))])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].split() == ["type", "precision", "recall", "f1", "tp", "fp", "fn"]
    assert lines[2].split()[0] == "PER"
    assert lines[2].split()[4] == "1"  # tp: 丁文霞 found


def test_eval_ner_json(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["eval", "--ner", str(write_corpus(tmp_path / "c.jsonl")), "--format", "json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.output)
    assert scores["PER"]["recall"] == 1.0
    assert set(scores["overall"]) == {"precision", "recall", "f1", "tp", "fp", "fn"}


def test_eval_without_anything_to_score_is_a_usage_error() -> None:
    result = CliRunner().invoke(main, ["eval"])
    assert result.exit_code == 2
    assert "nothing to score" in result.output


def test_eval_ner_on_a_missing_file_fails_cleanly(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["eval", "--ner", str(tmp_path / "absent.jsonl")])
    assert result.exit_code == 2


def test_extract_lines_one_document_a_line() -> None:
    lines = ["本报讯 4月8日上午,郑州市人大常委会主任胡荃陪同开封市人大常委会主任阎红心等一行考察。\n", "\n", SENTENCE]
    results = list(extract_lines(lines))
    assert len(results) == 3
    first = results[0]
    assert first["text"] == lines[0].rstrip("\n")
    found = {(m["type"], m["text"]) for m in first["mentions"]}
    assert {("TIME", "4月8日上午"), ("PER", "胡荃"), ("PER", "阎红心")} <= found
    for result in results:
        for m in result["mentions"]:
            assert result["text"][m["start"] : m["end"]] == m["text"]
            assert set(m) == {"type", "text", "start", "end"}
    assert results[1] == {"text": "", "mentions": []}
    assert ("PER", "丁文霞") in {(m["type"], m["text"]) for m in results[2]["mentions"]}
