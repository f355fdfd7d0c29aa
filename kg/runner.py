"""Running extraction over many articles: in process, on a process pool, or on a Dask cluster.

Articles are independent, so extraction parallelises by article. The result is the same list,
in input order, whichever way it runs: a pool or a cluster only changes where each batch is
computed, and batches are put back by position.

- ``jobs=1`` or a small input: in this process (starting workers would cost more than it saves).
- ``jobs>1``: this process and a :class:`~concurrent.futures.ProcessPoolExecutor` of ``jobs - 1``
  processes share the articles (:class:`_SharedWork`); workers are forked copies of this process
  with the extractor loaded, or fork from a server that loaded it once.
- ``scheduler="tcp://HOST:PORT"``: a Dask distributed cluster, one task per batch.
- ``cache_dir``: articles already extracted with the same settings and extractor version are
  read from :mod:`kg.cache` and only the rest are computed.
"""

from __future__ import annotations

import dataclasses
import math
import multiprocessing
import os
import signal
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg.model import Article, Extraction
from kg.settings import Settings

if TYPE_CHECKING:
    from kg.cache import ExtractionCache

ExtractFunction = Callable[[Article, Settings], Extraction]

# Below this many characters to extract, a pool's start-up (a new interpreter, jieba's dictionary,
# the lexicons: about a second per worker) costs more than parallel extraction saves.
MIN_PARALLEL_CHARACTERS = 150_000
# A Dask cluster gets this many batches per worker: enough to balance uneven articles, few enough to
# keep the per-task overhead small.
BATCHES_PER_WORKER = 16
# A local pool's batch holds 1/(GUIDED_SHARE × processes) of the characters still to extract, within these
# bounds (about 0.1 s and 2.5 s of work), and each pool process has this many batches submitted at a time.
GUIDED_SHARE = 4
MIN_BATCH_CHARACTERS = 8_000
BATCHES_IN_FLIGHT = 2
MAX_BATCH_CHARACTERS = 200_000
# How long to wait for a Dask scheduler before giving up with a usage error.
DASK_CONNECT_TIMEOUT = "20s"


def default_extract(article: Article, settings: Settings) -> Extraction:
    """The project's extractor, imported on first use so that importing the runner stays cheap."""
    from kg.extract.pipeline import extract_article

    return extract_article(article, settings)


def extract_batch(
    articles: Sequence[Article], settings: Settings, extract: ExtractFunction | None = None
) -> list[dict[str, Any]]:
    """Extract a batch of articles in order (the unit of work for pools and clusters).

    Each extraction comes back without its article, which the caller holds already: the article's text
    and sentences are two thirds of the pickled bytes, and the caller unpickles while it extracts too.
    """
    run = extract or default_extract
    return [_without_article(run(article, settings)) for article in articles]


def _without_article(extraction: Extraction) -> dict[str, Any]:
    return {f.name: getattr(extraction, f.name) for f in dataclasses.fields(extraction) if f.name != "article"}


def _with_articles(articles: Iterable[Article], found: Iterable[dict[str, Any]]) -> Iterator[Extraction]:
    """The extractions of :func:`extract_batch`, each with its article again."""
    for article, fields in zip(articles, found, strict=True):
        yield Extraction(article=article, **fields)


def _warm_worker(extract: ExtractFunction | None) -> None:
    """Get a pool worker ready: the project's extractor is loaded already (a copy of this process, or forked
    from a server that imported ``kg.extract.warm``; imported here under spawn); a replacement ``extract``
    gets jieba's dictionary.

    Workers ignore Ctrl-C: a terminal sends it to the whole process group, and the parent alone
    decides what to do (stop the workers and exit 130), so no worker prints a traceback.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if extract is None:
        # Loaded already unless spawned; the project's tokenizer is its own, so
        # jieba's global dictionary is not loaded (it would cost a second and print to stderr).
        import kg.extract.warm  # noqa: F401
        return
    jieba = sys.modules.get("jieba")
    if jieba is not None:
        jieba.initialize()


def resolve_jobs(jobs: int | None) -> int:
    if jobs is None or jobs <= 0:
        return os.cpu_count() or 1
    return jobs


def make_batches(articles: Sequence[Article], workers: int) -> list[list[int]]:
    """Split article positions into contiguous batches of roughly equal size in characters."""
    if not articles:
        return []
    total = sum(len(a.text) for a in articles)
    target = max(1, min(MAX_BATCH_CHARACTERS, math.ceil(total / (workers * BATCHES_PER_WORKER))))
    batches: list[list[int]] = []
    current: list[int] = []
    size = 0
    for index, article in enumerate(articles):
        current.append(index)
        size += len(article.text)
        if size >= target:
            batches.append(current)
            current, size = [], 0
    if current:
        batches.append(current)
    return batches


def should_parallelise(articles: Sequence[Article], jobs: int) -> bool:
    if jobs <= 1 or len(articles) < 2:
        return False
    return sum(len(a.text) for a in articles) >= MIN_PARALLEL_CHARACTERS


class _Progress:
    """A rich progress bar on standard error (articles done, rate, time left); silent off a terminal."""

    def __init__(self, total: int, enabled: bool) -> None:
        self._bar: Any = None
        self._task: Any = None
        if not enabled or total == 0:
            return
        from rich.console import Console

        console = Console(stderr=True)
        if not console.is_terminal:
            return
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )

        self._bar = Progress(
            TextColumn("extracting"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("articles"),
            TextColumn("{task.fields[rate]}"),
            TimeElapsedColumn(),
            TextColumn("left"),
            TimeRemainingColumn(),
            console=console,
            transient=False,
        )
        self._task = self._bar.add_task("extract", total=total, rate="")

    def __enter__(self) -> _Progress:
        if self._bar is not None:
            self._bar.start()
        return self

    def advance(self, count: int) -> None:
        if self._bar is None:
            return
        self._bar.advance(self._task, count)
        task = self._bar.tasks[0]
        speed = task.speed
        self._bar.update(self._task, rate=f"{speed:.1f}/s" if speed else "")

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._bar.stop()


def _run_local(
    articles: Sequence[Article], settings: Settings, extract: ExtractFunction | None, progress: _Progress
) -> list[Extraction]:
    run = extract or default_extract
    results = []
    for article in articles:
        results.append(run(article, settings))
        progress.advance(1)
    return results


@contextmanager
def _interrupts_deferred() -> Iterator[None]:
    """Hold Ctrl-C back while workers start; it is raised as soon as they all have.

    Submitting spawns the workers. Interrupted half-way, a worker could be forked but not yet
    known to the pool: it would outlive the build and print a traceback. Deferred, every worker
    is known and is stopped with the pool.
    """
    if not hasattr(signal, "pthread_sigmask"):  # not on Windows: nothing to defer with
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def _start_method() -> str:
    """How pool workers start: ``fork`` where it is safe, else ``forkserver``, else ``spawn``.

    A forked worker is a copy of this process, extractor loaded, ready at once: no new interpreter, no
    second load of the lexicons and model, and this process does not wait for a fork server to get ready
    (together a second or two of a two-process build). Where forking is not safe (:func:`kg.forked.fork_is_safe`)
    workers fork from a clean fork server, or are spawned where there is none.
    """
    from kg.forked import fork_is_safe

    if fork_is_safe():
        return "fork"
    return "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"


@contextmanager
def _process_pool(workers: int, extract: ExtractFunction | None) -> Iterator[ProcessPoolExecutor]:
    method = _start_method()
    context = multiprocessing.get_context(method)
    if extract is None:
        if method == "fork":
            import kg.extract.warm  # noqa: F401  (loaded here once; every worker is a copy)
        elif method == "forkserver":
            # The server loads the extractor once (kg.extract.warm); every worker forks from it loaded.
            context.set_forkserver_preload(["kg.extract.warm"])
    executor = ProcessPoolExecutor(
        max_workers=workers, mp_context=context, initializer=_warm_worker, initargs=(extract,)
    )
    try:
        yield executor
    except BaseException:
        # Ctrl-C or an error: stop the workers now instead of letting them finish their batches,
        # and wait for them, so that none outlives us half-started and prints a traceback.
        for process in list((executor._processes or {}).values()):
            process.kill()  # SIGKILL: a worker still starting up may not act on SIGTERM yet
        executor.shutdown(wait=True, cancel_futures=True)
        raise
    else:
        executor.shutdown(wait=True)


class _SharedWork:
    """The articles to extract, shared by a process pool (from the front) and this process (from the back).

    This process is one of the extractors: the pool has one process fewer. It takes one article at a time
    from the back of the queue, and between two articles hands the pool its next batches from the front,
    keeping two batches per pool process submitted so that none waits for work. A batch holds a share of
    the characters left (guided self-scheduling): large while much is left, so that few batches are
    pickled, and small near the end, so that nobody waits long for the last one. Every result lands at its
    article's position, so the output is the same whoever extracted an article.
    """

    def __init__(
        self,
        articles: Sequence[Article],
        settings: Settings,
        extract: ExtractFunction | None,
        pool: ProcessPoolExecutor,
        pool_size: int,
    ) -> None:
        self.articles = articles
        self.settings = settings
        self.extract = extract
        self.pool = pool
        self.pool_size = pool_size
        self.results: list[Extraction | None] = [None] * len(articles)
        self.front = 0  # the next article for the pool
        self.back = len(articles)  # one past the next article for this process
        self.characters_left = sum(len(a.text) for a in articles)
        self.in_flight: dict[Future, range] = {}

    def start(self) -> None:
        """Submit the pool's first batches: this starts its processes (forked before any thread of ours)."""
        from kg.gcpause import heap_frozen

        with heap_frozen(), _interrupts_deferred():
            self._top_up()

    def _top_up(self) -> None:
        while len(self.in_flight) < BATCHES_IN_FLIGHT * self.pool_size and self.front < self.back:
            target = self.characters_left / (GUIDED_SHARE * (self.pool_size + 1))
            target = min(MAX_BATCH_CHARACTERS, max(MIN_BATCH_CHARACTERS, target))
            start, size = self.front, 0
            while self.front < self.back and size < target:
                size += len(self.articles[self.front].text)
                self.front += 1
            self.characters_left -= size
            batch = range(start, self.front)
            future = self.pool.submit(extract_batch, self.articles[start : self.front], self.settings, self.extract)
            self.in_flight[future] = batch

    def _collect(self, futures: Iterable[Future], progress: _Progress) -> None:
        for future in futures:
            batch = self.in_flight.pop(future)
            found = _with_articles((self.articles[i] for i in batch), future.result())
            for index, extraction in zip(batch, found, strict=True):
                self.results[index] = extraction
            progress.advance(len(batch))

    def run(self, progress: _Progress) -> list[Extraction]:
        run = self.extract or default_extract
        while self.front < self.back:
            self._collect([f for f in self.in_flight if f.done()], progress)
            self._top_up()
            if self.front < self.back:
                self.back -= 1
                article = self.articles[self.back]
                self.characters_left -= len(article.text)
                self.results[self.back] = run(article, self.settings)
                progress.advance(1)
        while self.in_flight:
            done, _ = wait(self.in_flight, return_when=FIRST_COMPLETED)
            self._collect(done, progress)
        return _complete(self.results)


def _run_dask(
    articles: Sequence[Article],
    settings: Settings,
    extract: ExtractFunction | None,
    scheduler: str,
    progress: _Progress,
) -> list[Extraction]:
    from distributed import Client

    from kg.errors import UsageError

    try:
        client = Client(scheduler, timeout=DASK_CONNECT_TIMEOUT, set_as_default=False)
    except (OSError, TimeoutError) as error:
        raise UsageError(f"cannot reach the Dask scheduler at {scheduler}: {error}") from error
    with client:
        workers = max(1, sum(client.nthreads().values()))
        batches = make_batches(articles, workers)
        futures = [
            client.submit(extract_batch, [articles[i] for i in batch], settings, extract, pure=False)
            for batch in batches
        ]
        results: list[Extraction | None] = [None] * len(articles)
        # Gathered in submission order: deterministic, and the bar still moves batch by batch.
        for future, batch in zip(futures, batches, strict=True):
            found = _with_articles((articles[i] for i in batch), future.result())
            for index, extraction in zip(batch, found, strict=True):
                results[index] = extraction
            progress.advance(len(batch))
    return _complete(results)


def _complete(results: list[Extraction | None]) -> list[Extraction]:
    missing = [i for i, r in enumerate(results) if r is None]
    if missing:  # a bug, never the input's fault: every batch must return one result per article
        raise RuntimeError(f"no extraction came back for {len(missing)} article(s), e.g. position {missing[0]}")
    return [r for r in results if r is not None]


def extract_all(
    articles: list[Article],
    settings: Settings,
    jobs: int | None = None,
    cache_dir: Path | str | None = None,
    scheduler: str | None = None,
    progress: bool = False,
    extract: ExtractFunction | None = None,
    extraction_cache: ExtractionCache | None = None,
) -> list[Extraction]:
    """Extract every article, in input order, the same whichever way it runs.

    ``extract`` replaces the project's extractor (it must be a module-level function so that it
    pickles for a pool or a cluster); by default it is ``kg.extract.pipeline.extract_article``.
    ``extraction_cache`` is a cache already open (its page hashes known), used instead of ``cache_dir``.
    """
    cache = extraction_cache
    if cache is None and cache_dir is not None:
        from kg.cache import ExtractionCache

        cache = ExtractionCache(cache_dir, settings)
    results: list[Extraction | None] = [None] * len(articles)
    todo: list[int] = []
    for index, article in enumerate(articles):
        cached = cache.get(article) if cache is not None else None
        if cached is None:
            todo.append(index)
        else:
            results[index] = cached
    missing = [articles[i] for i in todo]
    workers = resolve_jobs(jobs)
    with ExitStack() as stack:
        shared = None
        if missing and not scheduler and should_parallelise(missing, workers):
            pool_size = max(1, workers - 1)
            pool = stack.enter_context(_process_pool(pool_size, extract))
            shared = _SharedWork(missing, settings, extract, pool, pool_size)
            shared.start()  # before the progress bar starts its thread: workers may fork
        bar = stack.enter_context(_Progress(len(articles), progress))
        bar.advance(len(articles) - len(todo))
        if not missing:
            computed: list[Extraction] = []
        elif scheduler:
            computed = _run_dask(missing, settings, extract, scheduler, bar)
        elif shared is not None:
            computed = shared.run(bar)
        else:
            computed = _run_local(missing, settings, extract, bar)
    for index, extraction in zip(todo, computed, strict=True):
        results[index] = extraction
    if cache is not None:
        cache.put_many(zip(missing, computed, strict=True))
        if computed:
            cache.prune_other_versions()
    return _complete(results)
