"""Extraction on a process pool and on a Dask cluster gives the same graph, byte for byte, as one process.

These run the project's real pipeline over the seeds and compare the Turtle that ``kg build``
writes: the strongest check that nothing in extraction depends on which process ran it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from test_runner import posseg_extract, seed_articles

from kg import runner
from kg.build import build
from kg.errors import UsageError
from kg.settings import Settings


@pytest.fixture(scope="module")
def local_turtle(seeds_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> bytes:
    out = tmp_path_factory.mktemp("local")
    result = build([seeds_dir], out=out, formats=("ttl",), jobs=1)
    assert result.officials > 0 and result.events > 0
    return (out / "graph.ttl").read_bytes()


def test_process_pool_build_is_byte_identical(
    seeds_dir: Path, tmp_path: Path, local_turtle: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(runner, "MIN_PARALLEL_CHARACTERS", 0)  # the seeds alone would stay in process
    build([seeds_dir], out=tmp_path, formats=("ttl",), jobs=2)
    assert (tmp_path / "graph.ttl").read_bytes() == local_turtle


def test_dask_local_cluster_build_is_byte_identical(seeds_dir: Path, tmp_path: Path, local_turtle: bytes) -> None:
    from distributed import LocalCluster

    with LocalCluster(
        n_workers=2, processes=True, threads_per_worker=1, host="127.0.0.1", dashboard_address=None
    ) as cluster:
        build([seeds_dir], out=tmp_path, formats=("ttl",), scheduler=cluster.scheduler_address)
    assert (tmp_path / "graph.ttl").read_bytes() == local_turtle


def test_unreachable_scheduler_is_a_usage_error(seed_files: list[Path], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(runner, "DASK_CONNECT_TIMEOUT", "1s")
    articles = seed_articles(seed_files)[:2]
    with pytest.raises(UsageError, match="Dask scheduler"):
        runner.extract_all(articles, Settings(), scheduler="tcp://127.0.0.1:9", extract=posseg_extract)
