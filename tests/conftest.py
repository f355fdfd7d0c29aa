"""Fixtures shared by every test module: where the seeds and the repository are, and the seeds built once."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return REPO


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture(scope="session")
def seed_files() -> list[Path]:
    return sorted(SEEDS.glob("*.txt"))


@pytest.fixture(scope="session")
def built_seeds(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``kg build`` of the seeds: ``graph.ttl`` and an Oxigraph ``store/`` (opened read-only by the tests)."""
    from click.testing import CliRunner

    from kg.cli import main

    out = tmp_path_factory.mktemp("built-seeds")
    result = CliRunner().invoke(
        main, ["build", str(SEEDS), "--out", str(out), "--format", "ttl", "--store", str(out / "store"), "--quiet"]
    )
    assert result.exit_code == 0, result.output
    return out
