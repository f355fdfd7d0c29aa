"""``kg build --cache``: a rebuild after a few pages changed redoes only what those pages touch.

The output is byte-identical to a build without a cache; only the work differs:

1. **Pages.** A page whose bytes are unchanged is not split again (:meth:`BuildCache.read_page`).
2. **Extraction.** An article whose extraction key (:mod:`kg.cache`) has an :class:`ArticleRecord`
   is not extracted, nor is its extraction read back: the record holds what entity resolution
   needs (persons with their posts, bodies). The others go through :func:`kg.runner.extract_all`
   and its per-article extraction cache.
3. **Resolution** runs over every article, as it must: one page can change the keys of persons
   named on others (:mod:`kg.resolve`). It is cheap.
4. **Fragments.** An article's triples (:func:`kg.graph.rdf.article_fragment`) depend on its
   extraction and its persons' keys alone: a record whose keys still match keeps its fragment.
   What several articles describe (persons' names, posts' primary provenance, bodies, places,
   the ontology terms' labels) is merged from all records' reports every build.
5. **Turtle.** Each subject's block of graph.ttl depends on its triples alone. A subject's
   *signature* hashes the digests of the contributions to it (each article's, and the merged
   part); a block whose signature is unchanged is copied from the last graph.ttl, and only the
   other subjects' triples are gathered (from their articles' fragment files) and serialised.

6. **View.** graph.html is redone only around the subjects whose blocks changed, and the last
   layout is kept, new nodes placed among their neighbours (:mod:`kg.view.incremental`).

Formats other than Turtle and the HTML view need the whole graph: it is then assembled from
every fragment.
"""

from __future__ import annotations

import gc
import hashlib
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from kg.cache import (
    ArticleRecord,
    BuildCache,
    BuildIndex,
    ExtractionCache,
    TurtleBlock,
    body_tuple,
    entries_digest,
    person_from_tuple,
    person_tuple,
)
from kg.gcpause import collector_paused
from kg.graph.rdf import KnowledgeGraph, _subject_key, article_fragment, shared_triples, subject_ntriples
from kg.model import Article, Body, Extraction, Person
from kg.settings import Settings


@dataclass
class IncrementalStats:
    """What a cached build reused and what it redid (for tests and reports)."""

    pages_read: int = 0  # pages split (not found in the cache)
    extracted: int = 0  # articles extracted or read back from the extraction cache
    fragments_built: int = 0  # articles whose triples were made again
    blocks_written: int = 0  # Turtle blocks serialised again
    blocks_reused: int = 0


@dataclass
class CachedBuild:
    """The outcome of :func:`build_cached`: what ``kg.build`` reports."""

    articles: list[Article]
    skipped: list[tuple[str, str]]
    persons: list[list[Person]]
    bodies: set[str]
    places: set[str]
    events: int
    triples: int
    outputs: dict[str, Path]
    stats: IncrementalStats


def _record(
    extraction: Extraction, key: str, settings: Settings, cache: BuildCache
) -> tuple[ArticleRecord, dict[str, set[tuple[str, str]]]]:
    """Build one resolved extraction's fragment, store its triples and return its record and triples."""
    fragment = article_fragment(extraction, settings)
    keys = tuple(p.key for p in extraction.persons)
    fragment_key = cache.fragment_key(key, keys)
    cache.put_fragment(fragment_key, fragment.triples)
    record = ArticleRecord(
        persons=[person_tuple(p) for p in extraction.persons],
        bodies=[body_tuple(b) for b in extraction.bodies],
        places=[p.name for p in extraction.places],
        events=len(extraction.events),
        keys=keys,
        fragment=fragment_key,
        reports=fragment.reports,
        digests={subject: entries_digest(entries) for subject, entries in fragment.triples.items()},
    )
    return record, fragment.triples


def build_cached(
    paths: Sequence[str | Path],
    out: Path,
    formats: Sequence[str],
    settings: Settings,
    cache_dir: str | Path,
    jobs: int | None = None,
    skip_bad: bool = False,
    store: str | Path | None = None,
    scheduler: str | None = None,
    progress: bool = False,
    warn: Callable[[str], None] | None = None,
) -> CachedBuild:
    """Read, extract, resolve and write like ``kg.build.build``, reusing ``cache_dir``."""
    collecting = gc.isenabled()
    with collector_paused():
        return _build_cached(
            paths, out, formats, settings, cache_dir, jobs, skip_bad, store, scheduler, progress, warn, collecting
        )


@contextmanager
def _collector_resumed(collecting: bool) -> Iterator[None]:
    """Run the collector again (if it ran before the build) for the stages that make cyclic garbage."""
    if collecting:
        gc.enable()
    try:
        yield
    finally:
        gc.disable()


def _build_cached(
    paths: Sequence[str | Path],
    out: Path,
    formats: Sequence[str],
    settings: Settings,
    cache_dir: str | Path,
    jobs: int | None,
    skip_bad: bool,
    store: str | Path | None,
    scheduler: str | None,
    progress: bool,
    warn: Callable[[str], None] | None,
    collecting: bool,
) -> CachedBuild:
    from kg.corpus import read_articles

    cache = BuildCache(cache_dir, settings)
    corpus = read_articles(paths, skip_bad=skip_bad, warn=warn, page_reader=cache.read_page)
    run = _Run(cache, corpus.articles, out, formats, settings, cache_dir, jobs, store, scheduler, progress, collecting)
    try:
        result = run.build(cache.load_index())
    except _MissingFragment:
        # A fragment file the index names is gone or damaged: build again as if the index were empty
        # (extractions still come from their cache).
        run = _Run(
            cache, corpus.articles, out, formats, settings, cache_dir, jobs, store, scheduler, progress, collecting
        )
        result = run.build(BuildIndex())
    result.skipped = list(corpus.skipped)
    return result


class _Run:
    """One cached build of articles already read."""

    def __init__(
        self,
        cache: BuildCache,
        articles: list[Article],
        out: Path,
        formats: Sequence[str],
        settings: Settings,
        cache_dir: str | Path,
        jobs: int | None,
        store: str | Path | None,
        scheduler: str | None,
        progress: bool,
        collecting: bool,  # whether the garbage collector ran before the build
    ) -> None:
        self.cache, self.articles, self.out, self.formats, self.settings = cache, articles, out, formats, settings
        self.cache_dir, self.jobs, self.store = cache_dir, jobs, store
        self.scheduler, self.progress = scheduler, progress
        self.stats = IncrementalStats(pages_read=cache.pages_read)
        self.collecting = collecting

    def build(self, index: BuildIndex) -> CachedBuild:
        from kg.resolve import resolve
        from kg.runner import extract_all

        cache, articles, settings, stats = self.cache, self.articles, self.settings, self.stats
        cache_dir, jobs, scheduler, progress = self.cache_dir, self.jobs, self.scheduler, self.progress
        extraction_cache = ExtractionCache(cache_dir, settings)
        extraction_cache.know_pages(cache.page_hashes)
        keys = [extraction_cache.key(article) for article in articles]
        records: list[ArticleRecord | None] = [index.records.get(key) for key in keys]

        # Extract what has no record; the others stand in with what resolution reads.
        extractions: dict[int, Extraction] = {}

        def extract(positions: list[int]) -> None:
            if not positions:
                return
            with _collector_resumed(self.collecting):  # extraction makes cyclic garbage (and runs long)
                done = extract_all(
                    [articles[i] for i in positions], settings, jobs=jobs, scheduler=scheduler, progress=progress,
                    extraction_cache=extraction_cache,
                )
            extractions.update(zip(positions, done, strict=True))
            stats.extracted += len(positions)

        extract([i for i, record in enumerate(records) if record is None])
        resolved: list[Extraction] = []
        for i, article in enumerate(articles):
            record = records[i]
            if record is None:
                resolved.append(extractions[i])
            else:
                persons = [person_from_tuple(p) for p in record.persons]
                resolved.append(Extraction(article, persons=persons, bodies=[Body(*b) for b in record.bodies]))
        resolve(resolved, settings)

        # A record whose persons' keys changed (a page elsewhere renamed them) builds its fragment again.
        stale = [i for i, record in enumerate(records) if record is None or record.keys != _keys(resolved[i])]
        extract([i for i in stale if i not in extractions])
        fresh: dict[int, dict[str, set[tuple[str, str]]]] = {}  # the triples of fragments built now
        for i in stale:
            extraction = extractions[i]
            for person, resolved_person in zip(extraction.persons, resolved[i].persons, strict=True):
                person.key = resolved_person.key
            records[i], fresh[i] = _record(extraction, keys[i], settings, cache)
        stats.fragments_built = len(stale)
        final = [r for r in records if r is not None]

        order = sorted(range(len(articles)), key=lambda i: articles[i].id)
        merged = shared_triples((final[i].reports for i in order), settings)
        self.fragments = _Fragments(cache, final, fresh)
        turtle, blocks, triples, last = _turtle(index, final, self.fragments, merged, settings, stats)

        previous = _Previous(last, index.blocks if last else {}, blocks)
        outputs = _write(
            self.out, self.formats, turtle, final, self.fragments, merged, settings, self.store, previous
        )
        kept = dict(zip(keys, final, strict=True))
        cache.save(BuildIndex(records=kept, blocks=blocks), turtle[len(_header(settings)) :])
        if cache.pages_read:
            cache.prune_pages()
        if stale:
            cache.prune_fragments({record.fragment for record in final})
            cache.prune_other_versions()
        return CachedBuild(
            articles=articles,
            skipped=[],
            persons=[x.persons for x in resolved],
            bodies={b[0] for r in final for b in r.bodies},
            places={p for r in final for p in r.places},
            events=sum(r.events for r in final),
            triples=triples,
            outputs=outputs,
            stats=stats,
        )


def _keys(extraction: Extraction) -> tuple[str, ...]:
    return tuple(p.key for p in extraction.persons)


def _header(settings: Settings) -> bytes:
    from kg.graph.export import turtle_header
    from kg.graph.namespaces import all_prefixes

    return turtle_header(all_prefixes(settings.base_iri))


def _signature(digests: list[bytes]) -> bytes:
    return hashlib.blake2b(b"".join(sorted(digests)), digest_size=16).digest()


def _turtle(
    index: BuildIndex,
    records: list[ArticleRecord],
    fragments: _Fragments,
    merged: dict[str, set[tuple[str, str]]],
    settings: Settings,
    stats: IncrementalStats,
) -> tuple[bytes, dict[str, TurtleBlock], int, bytes]:
    """graph.ttl, spliced from the last one's blocks where a subject's contributions are unchanged.

    Returns the Turtle, its blocks, its number of triples and the last Turtle's body (b"" if none).
    """
    from kg.graph.export import turtle_blocks
    from kg.graph.namespaces import all_prefixes

    contributions: dict[str, list[tuple[bytes, int]]] = defaultdict(list)
    for position, record in enumerate(records):
        for subject, digest in record.digests.items():
            contributions[subject].append((digest, position))
    merged_digests = {subject: entries_digest(entries) for subject, entries in merged.items()}
    for subject, digest in merged_digests.items():
        contributions[subject].append((digest, -1))
    subjects = sorted(contributions, key=_subject_key)
    signatures = {s: _signature([d for d, _ in contributions[s]]) for s in subjects}
    last = fragments.cache.load_turtle(index) if index.blocks else b""
    reusable = index.blocks if last else {}
    changed = [s for s in subjects if (b := reusable.get(s)) is None or b[0] != signatures[s]]

    # Gather the changed subjects' triples from the fragments that contribute to them.
    lines: list[str] = []
    counts: dict[str, int] = {}
    for subject in changed:
        entries: set[tuple[str, str]] = set()
        for _, position in contributions[subject]:
            if position < 0:
                entries |= merged[subject]
                continue
            entries |= fragments.get(position)[subject]
        counts[subject] = len(entries)
        lines.extend(subject_ntriples(subject, entries))
    new_blocks = turtle_blocks("".join(lines).encode("utf-8"), len(changed), all_prefixes(settings.base_iri))
    made = dict(zip(changed, new_blocks, strict=True))
    stats.blocks_written, stats.blocks_reused = len(changed), len(subjects) - len(changed)

    header = _header(settings)
    pieces = [header]
    blocks: dict[str, TurtleBlock] = {}
    offset = 0
    triples = 0
    view = memoryview(last)
    for subject in subjects:
        block = made.get(subject)
        if block is None:
            _, start, length, count = reusable[subject]
            piece: bytes | memoryview = view[start : start + length]
        else:
            piece, count = block, counts[subject]
        pieces.append(piece)  # type: ignore[arg-type]
        blocks[subject] = (signatures[subject], offset, len(piece), count)
        offset += len(piece)
        triples += count
    return b"".join(pieces), blocks, triples, last


class _Fragments:
    """Articles' triples by position: built this run, else read from their fragment files once."""

    def __init__(
        self, cache: BuildCache, records: list[ArticleRecord], fresh: dict[int, dict[str, set[tuple[str, str]]]]
    ) -> None:
        self.cache, self.records, self.loaded = cache, records, dict(fresh)

    def get(self, position: int) -> dict[str, set[tuple[str, str]]]:
        triples = self.loaded.get(position)
        if triples is None:
            triples = self.loaded[position] = self._read(self.records[position])
        return triples

    def _read(self, record: ArticleRecord) -> dict[str, set[tuple[str, str]]]:
        # Checked against the record's digests, so a damaged or foreign file is never used.
        triples = self.cache.get_fragment(record.fragment)
        if triples is None or triples.keys() != record.digests.keys() or any(
            entries_digest(entries) != record.digests[subject] for subject, entries in triples.items()
        ):
            raise _MissingFragment(record.fragment)
        return triples


class _MissingFragment(Exception):
    """A fragment file the index names is missing or damaged: the build starts again without the index."""


@dataclass
class _Previous:
    """The last build's Turtle body and blocks (empty when there was none), and this build's blocks."""

    body: bytes
    blocks: dict[str, TurtleBlock]
    new_blocks: dict[str, TurtleBlock]


def _write(
    out: Path,
    formats: Sequence[str],
    turtle: bytes,
    records: list[ArticleRecord],
    fragments: _Fragments,
    merged: dict[str, set[tuple[str, str]]],
    settings: Settings,
    store: str | Path | None,
    previous: _Previous,
) -> dict[str, Path]:
    from kg.graph.export import FILE_NAMES, write_outputs
    from kg.io import write_bytes_atomic

    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    outputs: dict[str, Path] = {}
    others = [f for f in formats if f not in ("ttl", "html")]
    if "ttl" in formats:
        outputs["ttl"] = out / FILE_NAMES["ttl"]
        write_bytes_atomic(outputs["ttl"], turtle)
    if "html" in formats:
        outputs.update(_write_html(out, turtle, _header(settings), fragments.cache, previous))
    if others or store is not None:
        from kg.graph.namespaces import all_prefixes

        graph = KnowledgeGraph(all_prefixes(settings.base_iri))
        for position in range(len(records)):
            graph.add_subjects(fragments.get(position))
        graph.add_subjects(merged)
        outputs.update(write_outputs(graph, out, others, store=Path(store) if store is not None else None))
    return outputs


def _write_html(out: Path, turtle: bytes, header: bytes, cache: BuildCache, previous: _Previous) -> dict[str, Path]:
    """graph.html: copied from the cache when the Turtle is byte for byte the last one's, else
    redone where the graph changed from the last view's state (:mod:`kg.view.incremental`), or in full."""
    from kg.graph.export import FILE_NAMES
    from kg.io import write_bytes_atomic
    from kg.view.incremental import Snapshot, render

    html = out / FILE_NAMES["html"]
    cached = cache.get_view(turtle)
    if cached is not None:
        write_bytes_atomic(html, cached)
        return {"html": html}
    start = len(header)
    spans = {subject: (start + offset, length) for subject, (_, offset, length, _) in previous.new_blocks.items()}
    state = old = None
    candidates: list[str] = []
    if previous.body:
        state = cache.load_view_state(previous.body)
        old_spans = {subject: (offset, length) for subject, (_, offset, length, _) in previous.blocks.items()}
        old = Snapshot(previous.body, header, old_spans)
        new_signatures = previous.new_blocks
        candidates = [s for s, block in previous.blocks.items()
                      if s not in new_signatures or new_signatures[s][0] != block[0]]
        candidates += [s for s in new_signatures if s not in previous.blocks]
    page, state = render(turtle, spans, state, old, candidates)  # type: ignore[arg-type]
    data = page.encode("utf-8")
    write_bytes_atomic(html, data)
    cache.put_view(turtle, data)
    cache.save_view_state(turtle[start:], state)
    return {"html": html}
