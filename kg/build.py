"""``kg build``: pages in, graph files out. The one place where the stages are put together."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from kg.settings import Settings

if TYPE_CHECKING:
    from kg.incremental import CachedBuild

DEFAULT_FORMATS = ("ttl", "html")
ALL_FORMATS = ("ttl", "nt", "jsonld", "html")


@dataclass
class BuildResult:
    articles: int = 0
    officials: int = 0
    persons: int = 0
    bodies: int = 0
    places: int = 0
    events: int = 0
    triples: int = 0
    seconds: float = 0.0
    outputs: dict[str, Path] = field(default_factory=dict)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (file, problem) under --skip-bad


def build(
    paths: Sequence[str | Path] = ("seeds",),
    out: str | Path = "output",
    formats: Sequence[str] = DEFAULT_FORMATS,
    settings: Settings | None = None,
    jobs: int | None = None,
    skip_bad: bool = False,
    cache_dir: str | Path | None = None,
    store: str | Path | None = None,
    scheduler: str | None = None,
    progress: bool = False,
    warn: Callable[[str], None] | None = None,
) -> BuildResult:
    """Read ``paths``, extract every article, resolve entities, and write the graph under ``out``.

    Every output is written to a temporary file and renamed into place, so an interrupted build
    leaves the previous outputs intact.
    """
    from kg.corpus import read_articles
    from kg.graph.export import write_outputs
    from kg.graph.rdf import build_graph
    from kg.resolve import resolve
    from kg.runner import extract_all, resolve_jobs

    settings = settings or Settings()
    unknown = [f for f in formats if f not in ALL_FORMATS]
    if unknown:
        from kg.errors import UsageError

        raise UsageError(f"unknown format {', '.join(unknown)}; choose from {', '.join(ALL_FORMATS)}")
    started = time.perf_counter()
    if cache_dir is not None:
        from kg.incremental import build_cached

        return _cached_result(
            build_cached(
                paths,
                Path(out),
                formats,
                settings,
                cache_dir,
                jobs=jobs,
                skip_bad=skip_bad,
                store=store,
                scheduler=scheduler,
                progress=progress,
                warn=warn,
            ),
            started,
        )
    corpus = read_articles(paths, skip_bad=skip_bad, warn=warn)
    extractions = extract_all(
        corpus.articles, settings, jobs=jobs, cache_dir=cache_dir, scheduler=scheduler, progress=progress
    )
    extractions = resolve(extractions, settings)
    graph = build_graph(extractions, settings)
    outputs = write_outputs(graph, Path(out), formats, store=store, processes=resolve_jobs(jobs))
    result = BuildResult(
        articles=len(corpus.articles),
        officials=len({p.key for x in extractions for p in x.officials}),
        persons=len({p.key for x in extractions for p in x.persons}),
        bodies=len({b.name for x in extractions for b in x.bodies}),
        places=len({p.name for x in extractions for p in x.places}),
        events=sum(len(x.events) for x in extractions),
        triples=len(graph),
        outputs=outputs,
        skipped=list(corpus.skipped),
    )
    result.seconds = time.perf_counter() - started
    return result


def _cached_result(done: CachedBuild, started: float) -> BuildResult:
    """The figures of a build through the cache folder (kg.incremental: only what changed pages touch is redone)."""
    result = BuildResult(
        articles=len(done.articles),
        officials=len({p.key for persons in done.persons for p in persons if p.posts}),
        persons=len({p.key for persons in done.persons for p in persons}),
        bodies=len(done.bodies),
        places=len(done.places),
        events=done.events,
        triples=done.triples,
        outputs=done.outputs,
        skipped=done.skipped,
    )
    result.seconds = time.perf_counter() - started
    return result
