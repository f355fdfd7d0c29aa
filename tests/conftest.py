"""Fixtures shared by every test module: where the seeds and the repository are, and the seeds built once."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"
# Two seed pages: a corpus small enough to build many times in one test (incremental builds, the view).
TWO_PAGES = ("000_1221b1dd961f49e8.txt", "001_9e9a5bf4a5e2b228.txt")


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return REPO


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture(scope="session")
def seed_files() -> list[Path]:
    return sorted(SEEDS.glob("*.txt"))


@pytest.fixture()
def pages(tmp_path: Path) -> Path:
    """A folder of its own holding copies of the two pages of ``TWO_PAGES``, for a test to edit."""
    folder = tmp_path / "pages"
    folder.mkdir()
    for name in TWO_PAGES:
        shutil.copy(SEEDS / name, folder / name)
    return folder


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
