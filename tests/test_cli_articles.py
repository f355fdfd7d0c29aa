"""``kg articles`` end to end through click's CliRunner."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


def records(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.strip()]


def test_jsonl_lists_the_35_seed_articles(runner: CliRunner, seeds_dir: Path) -> None:
    result = runner.invoke(main, ["articles", str(seeds_dir)])
    assert result.exit_code == 0, result.output
    rows = records(result.stdout)
    assert len(rows) == 35
    assert set(rows[0]) == {
        "id",
        "file",
        "headline",
        "subtitle",
        "page_title",
        "reporters",
        "correspondents",
        "paragraphs",
        "sentences",
    }
    first = rows[0]
    assert first["headline"] == "开封市人大到惠济区考察黄河流域生态保护和高质量发展核心示范区起步区建设工作"
    assert first["subtitle"] == "加强学习沟通 落实国家黄河战略"
    assert "开封市人大" in result.stdout
    assert (
        first["reporters"] == ["简洋"] and first["paragraphs"] == 5
    )  # headline, subtitle, 3 paragraphs and first["sentences"] >= 4
    assert rows[-1]["page_title"] == "高新区主题教育要树标杆走前头敢担当"


def test_text_option_adds_the_repaired_text(runner: CliRunner, seeds_dir: Path) -> None:
    result = runner.invoke(main, ["articles", "--text", str(seeds_dir / "000_1221b1dd961f49e8.txt")])
    assert result.exit_code == 0
    rows = records(result.stdout)
    assert len(rows) == 4
    assert "郑州市人大常委会副主任蔡红" in rows[0]["text"]
    assert rows[0]["text"].split("\n")[0] == rows[0]["headline"]


def test_table_format(runner: CliRunner, seeds_dir: Path) -> None:
    result = runner.invoke(main, ["articles", "--format", "table", str(seeds_dir / "003_2b110ad91f95fb21.txt")])
    assert result.exit_code == 0
    assert "市委督查室调研经开区“三个一批”项目建设情况" in result.stdout
    assert "003_2b110ad91f95fb21-0-" in result.stdout
    assert result.stdout.count("鲁慧") == 9


def test_standard_input(runner: CliRunner) -> None:
    page = "惠济区召开会议\n\n本报讯 4月8日,惠济区召开会议。记者 简洋\n"
    result = runner.invoke(main, ["articles", "-"], input=page.encode("gb18030"))
    assert result.exit_code == 0
    (row,) = records(result.stdout)
    assert (row["file"], row["headline"], row["reporters"]) == ("-", "惠济区召开会议", ["简洋"])


@pytest.mark.parametrize(
    ("name", "content", "problem"),
    [
        ("missing.txt", None, "missing.txt: no such file or directory"),
        ("empty", "directory", "empty: empty directory"),
        ("e.txt", b"", "e.txt: empty file"),
        ("b.txt", b"\x7fELF\x02\x01\x01\x00", "b.txt: looks like binary data, not text (NUL byte at offset 7)"),
        (
            "u.txt",
            "惠济区召开会议。".encode() + b"\xfe\xfe" + "会议。".encode(),
            "u.txt: not valid UTF-8 text: undecodable byte 0xfe at offset 24",
        ),
    ],
)
def test_bad_input_is_one_line_and_exit_2(
    runner: CliRunner, tmp_path: Path, name: str, content: bytes | str | None, problem: str
) -> None:
    path = tmp_path / name
    if content == "directory":
        path.mkdir()
    elif isinstance(content, bytes):
        path.write_bytes(content)
    result = runner.invoke(main, ["articles", str(path)])
    assert result.exit_code == 2
    assert result.stdout == ""
    (line,) = result.stderr.splitlines()
    assert line.startswith("Error: ") and line.endswith(problem)


def test_skip_bad_warns_outputs_the_good_files_and_exits_1(runner: CliRunner, tmp_path: Path, seeds_dir: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_bytes((seeds_dir / "003_2b110ad91f95fb21.txt").read_bytes())
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x00\x00")
    result = runner.invoke(main, ["articles", "--skip-bad", str(tmp_path), str(tmp_path / "nope")])
    assert result.exit_code == 1
    assert len(records(result.stdout)) == 9
    warnings = [line for line in result.stderr.splitlines() if line.startswith("Warning: ")]
    assert len(warnings) == 2
    assert warnings[0].endswith("bad.txt: looks like binary data, not text (NUL byte at offset 0)")
    assert warnings[1].endswith("nope: no such file or directory")


def test_no_path_is_a_usage_error(runner: CliRunner) -> None:
    result = runner.invoke(main, ["articles"])
    assert result.exit_code == 2
    assert "PATH" in result.stderr


def test_empty_standard_input(runner: CliRunner) -> None:
    result = runner.invoke(main, ["articles", "-"], input=b"")
    assert result.exit_code == 2
    assert result.stderr.strip() == "Error: <stdin>: empty file"
