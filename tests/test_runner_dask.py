"""A Dask cluster of two worker processes gives the same extractions, in order, as one process."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_runner import as_json, posseg_extract, seed_articles

from kg import runner
from kg.errors import UsageError
from kg.settings import Settings


def test_dask_local_cluster_matches_in_process(seed_files: list[Path]) -> None:
    from distributed import LocalCluster

    articles = seed_articles(seed_files)
    local = runner.extract_all(articles, Settings(), jobs=1, extract=posseg_extract)
    with LocalCluster(
        n_workers=2, processes=True, threads_per_worker=1, host="127.0.0.1", dashboard_address=None
    ) as cluster:
        distributed = runner.extract_all(
            articles, Settings(), scheduler=cluster.scheduler_address, extract=posseg_extract
        )
    assert [x.article.id for x in distributed] == [a.id for a in articles]
    assert as_json(distributed) == as_json(local)


def test_unreachable_scheduler_is_a_usage_error(seed_files: list[Path], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(runner, "DASK_CONNECT_TIMEOUT", "1s")
    articles = seed_articles(seed_files)[:2]
    with pytest.raises(UsageError, match="Dask scheduler"):
        runner.extract_all(articles, Settings(), scheduler="tcp://127.0.0.1:9", extract=posseg_extract)
