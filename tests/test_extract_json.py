"""The JSON that `kg extract` prints: the fields users and the issue rely on."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from kg.cli import main


def test_extracted_event_evidence_is_its_whole_sentence(seeds_dir: Path) -> None:
    result = CliRunner().invoke(main, ["extract", str(seeds_dir / "000_1221b1dd961f49e8.txt")])
    assert result.exit_code == 0, result.output
    first = json.loads(result.output.splitlines()[0])
    event = first["events"][0]
    assert event["evidence"].startswith("4月8日上午,郑州市人大常委会主任胡荃陪同")
    assert event["evidence"].endswith("。")
    assert event["trigger"] in event["evidence"]
