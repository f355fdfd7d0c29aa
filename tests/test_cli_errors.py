"""How every command fails: one line for the user, never a traceback, with documented exit codes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def test_closed_output_pipe_stops_quietly(seeds_dir: Path) -> None:
    reader = subprocess.Popen(
        f"{sys.executable} -m kg extract {seeds_dir} | head -c 10",
        shell=True,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        executable="/bin/bash",
    )
    stdout, stderr = reader.communicate(timeout=120)
    assert len(stdout) == 10
    assert b"Traceback" not in stderr and b"Internal error" not in stderr, stderr.decode()


def test_unparseable_graph_is_a_one_line_error_naming_the_file(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from kg.cli import main

    broken = tmp_path / "graph.ttl"
    broken.write_text("this is not turtle <<<", encoding="utf-8")
    result = CliRunner().invoke(main, ["query", "--data", str(broken), "SELECT * WHERE { ?s ?p ?o }"])
    assert result.exit_code == 2
    assert len(result.output.strip().splitlines()) == 1
    assert str(broken) in result.output
    assert "Traceback" not in result.output
