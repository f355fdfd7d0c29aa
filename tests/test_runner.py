"""The runner gives the same extractions, in input order, in process, on a pool and from the cache.

The extractor here is a stand-in passed as a parameter (so these tests do not depend on the
pipeline's progress): it tags the seeds' sentences with jieba.posseg and turns person, place
and organisation tags into mentions, which is deterministic real work on real text.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import sys
import tempfile
import threading
from collections.abc import Callable
from concurrent.futures import Future
from pathlib import Path

import pytest

from kg import runner
from kg.cache import ExtractionCache
from kg.model import Article, Extraction, Mention, Person, Span
from kg.settings import Settings

TAG_TYPES = {"nr": "PER", "ns": "LOC", "nt": "ORG"}
extracted_ids: list[str] = []


def posseg_extract(article: Article, settings: Settings) -> Extraction:
    import jieba.posseg

    extracted_ids.append(article.id)
    mentions: list[Mention] = []
    offset = 0
    for word, flag in jieba.posseg.cut(article.text):
        if flag in TAG_TYPES:
            mentions.append(Mention(TAG_TYPES[flag], offset, offset + len(word), word, "jieba"))
        offset += len(word)
    persons = [Person(name=m.text, mentions=[m]) for m in mentions if m.type == "PER"]
    return Extraction(article=article, mentions=mentions, persons=persons)


def as_json(extractions: list[Extraction]) -> str:
    """The extractions as canonical JSON: equal text means byte-identical results."""
    return json.dumps([dataclasses.asdict(x) for x in extractions], ensure_ascii=False, sort_keys=True)


def seed_articles(seed_files: list[Path]) -> list[Article]:
    """One article per paragraph block of each seed page (the runner does not care how pages split)."""
    articles = []
    for path in seed_files:
        blocks = [b.strip() for b in path.read_text(encoding="utf-8").split("\n\n") if b.strip()]
        for position, text in enumerate(blocks):
            digest = hashlib.sha256(text.encode()).hexdigest()
            articles.append(
                Article(
                    id=f"{path.stem}-{position}-{digest[:8]}",
                    file=str(path),
                    position=position,
                    headline=text[:20],
                    text=text,
                    paragraphs=[Span(0, len(text))],
                    content_hash=digest,
                )
            )
    return articles


@pytest.fixture(scope="module")
def articles(seed_files: list[Path]) -> list[Article]:
    return seed_articles(seed_files)


@pytest.fixture(scope="module")
def reference(articles: list[Article]) -> list[Extraction]:
    return runner.extract_all(articles, Settings(), jobs=1, extract=posseg_extract)


def test_in_process_keeps_input_order_and_finds_seed_names(
    articles: list[Article], reference: list[Extraction]
) -> None:
    assert [x.article.id for x in reference] == [a.id for a in articles]
    names = {m.text for x in reference for m in x.mentions if m.type == "PER"}
    assert "丁文霞" in names
    for extraction in reference:
        for mention in extraction.mentions:
            assert extraction.article.text[mention.start : mention.end] == mention.text


def test_process_pool_output_is_byte_identical(
    articles: list[Article], reference: list[Extraction], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(runner, "MIN_PARALLEL_CHARACTERS", 0)
    assert runner.should_parallelise(articles, 2)
    pooled = runner.extract_all(articles, Settings(), jobs=2, extract=posseg_extract)
    assert as_json(pooled) == as_json(reference)


# Where pid_logging_extract notes its process. Set in the environment when this module is imported (pytest
# imports every test module before running any), so a pool process sees the same path however it started:
# forked from this process, from a fork server started by an earlier test, or spawned. One file per test
# session: two sessions on one machine must not write into each other's log.
os.environ.setdefault("KG_TEST_PID_LOG", str(Path(tempfile.gettempdir()) / f"kg-test-runner-pids-{os.getpid()}.txt"))
PID_LOG = Path(os.environ["KG_TEST_PID_LOG"])


def pid_logging_extract(article: Article, settings: Settings) -> Extraction:
    """posseg_extract that also notes which process extracted the article."""
    with open(PID_LOG, "a", encoding="utf-8") as log:
        log.write(f"{os.getpid()}\n")
    return posseg_extract(article, settings)


def test_this_process_shares_the_pool_work_and_the_output_is_the_same(
    articles: list[Article], reference: list[Extraction], monkeypatch: pytest.MonkeyPatch
) -> None:
    """With --jobs 2 the pool has one process and this one takes articles from the back of the queue."""
    monkeypatch.setattr(runner, "MIN_PARALLEL_CHARACTERS", 0)
    monkeypatch.setattr(runner, "MIN_BATCH_CHARACTERS", 500)  # the seeds are small: several batches
    PID_LOG.unlink(missing_ok=True)
    pooled = runner.extract_all(articles, Settings(), jobs=2, extract=pid_logging_extract)
    assert as_json(pooled) == as_json(reference)
    pids = PID_LOG.read_text(encoding="utf-8").split()
    PID_LOG.unlink()
    assert len(pids) == len(articles)
    here = pids.count(str(os.getpid()))
    assert 0 < here < len(articles)  # both did some
    assert len(set(pids)) == 2


def test_workers_fork_only_from_a_process_with_one_thread(
    articles: list[Article], reference: list[Extraction], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A copy of a process with other threads could inherit a lock held forever: then the fork server."""
    if sys.platform != "linux":
        pytest.skip("workers are forked on Linux only")
    assert runner._start_method() == "fork"
    monkeypatch.setattr(runner, "MIN_PARALLEL_CHARACTERS", 0)
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        assert runner._start_method() == "forkserver"
        pooled = runner.extract_all(articles, Settings(), jobs=2, extract=posseg_extract)
    finally:
        stop.set()
        other.join()
    assert as_json(pooled) == as_json(reference)


class _RecordingPool:
    """Stands in for the process pool: runs each batch at once and keeps its size in characters."""

    def __init__(self) -> None:
        self.sizes: list[int] = []

    def submit(self, function: Callable[..., list[Extraction]], batch: list[Article], *args: object) -> Future:
        self.sizes.append(sum(len(a.text) for a in batch))
        future: Future = Future()
        future.set_result(function(batch, *args))
        return future


def test_pool_batches_shrink_as_the_work_runs_out(articles: list[Article], monkeypatch: pytest.MonkeyPatch) -> None:
    """Guided batches: a share of what is left, so the last ones are short and nobody waits long at the end."""
    monkeypatch.setattr(runner, "MIN_BATCH_CHARACTERS", 200)
    many = articles * 8
    pool = _RecordingPool()
    work = runner._SharedWork(many, Settings(), posseg_extract, pool, 1)  # type: ignore[arg-type]
    work.start()
    done = work.run(runner._Progress(len(many), enabled=False))
    assert [x.article.id for x in done] == [a.id for a in many]
    assert len(pool.sizes) >= 4
    assert pool.sizes[0] > 4 * pool.sizes[-1]
    total = sum(len(a.text) for a in many)
    assert pool.sizes[0] <= total / (runner.GUIDED_SHARE * 2) + max(len(a.text) for a in many)


def test_small_input_stays_in_process(articles: list[Article]) -> None:
    assert not runner.should_parallelise(articles[:3], 2)
    assert not runner.should_parallelise(articles, 1)


def test_batches_cover_every_article_once_in_order(articles: list[Article]) -> None:
    batches = runner.make_batches(articles, 2)
    assert [i for batch in batches for i in batch] == list(range(len(articles)))
    assert 1 < len(batches) <= len(articles)


def test_cache_reextracts_only_the_changed_article(articles: list[Article], tmp_path: Path) -> None:
    settings = Settings()
    extracted_ids.clear()
    first = runner.extract_all(articles, settings, jobs=1, cache_dir=tmp_path, extract=posseg_extract)
    assert len(extracted_ids) == len(articles)

    changed = list(articles)
    at = next(i for i, a in enumerate(articles) if "惠济区" in a.text)
    victim = changed[at]
    text = victim.text.replace("惠济区", "金水区")
    assert text != victim.text
    changed[at] = Article(
        id=victim.id,
        file=victim.file,
        position=victim.position,
        headline=victim.headline,
        text=text,
        paragraphs=[Span(0, len(text))],
        content_hash=hashlib.sha256(text.encode()).hexdigest(),
    )
    extracted_ids.clear()
    second = runner.extract_all(changed, settings, jobs=1, cache_dir=tmp_path, extract=posseg_extract)
    assert extracted_ids == [victim.id]
    assert as_json(second[:at] + second[at + 1 :]) == as_json(first[:at] + first[at + 1 :])
    assert second[at].article.text == text
    assert as_json([second[at]]) != as_json([first[at]])

    extracted_ids.clear()
    runner.extract_all(changed, Settings(home_city="开封市"), jobs=1, cache_dir=tmp_path, extract=posseg_extract)
    assert len(extracted_ids) == len(articles)  # other settings: every entry misses


def test_cache_version_change_invalidates_and_prunes(articles: list[Article], tmp_path: Path) -> None:
    settings = Settings()
    old = ExtractionCache(tmp_path, settings, version="0" * 16)
    old.put(articles[0], posseg_extract(articles[0], settings))
    assert old.get(articles[0]) is not None
    new = ExtractionCache(tmp_path, settings, version="1" * 16)
    assert new.get(articles[0]) is None
    new.put(articles[0], posseg_extract(articles[0], settings))
    assert new.prune_other_versions() == [old.directory]
    assert not old.directory.exists() and new.get(articles[0]) is not None


def test_damaged_cache_entry_is_a_miss(articles: list[Article], tmp_path: Path) -> None:
    cache = ExtractionCache(tmp_path, Settings(), version="2" * 16)
    cache.put(articles[0], posseg_extract(articles[0], Settings()))
    entry = next(cache.directory.rglob("*.pkl"))
    entry.write_bytes(b"not a pickle")
    assert cache.get(articles[0]) is None
    assert not entry.exists()


def test_progress_is_silent_off_a_terminal(
    articles: list[Article], reference: list[Extraction], capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()  # jieba's own start-up messages, written while building the reference
    runner.extract_all(articles[:4], Settings(), jobs=1, progress=True, extract=posseg_extract)
    assert capsys.readouterr().err == ""


def test_progress_bar_counts_articles_on_a_terminal(
    articles: list[Article], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TTY_COMPATIBLE", "1")
    monkeypatch.setenv("TTY_INTERACTIVE", "0")
    runner.extract_all(articles[:4], Settings(), jobs=1, progress=True, extract=posseg_extract)
    err = capsys.readouterr().err
    assert "extracting" in err and "4/4" in err and "articles" in err


def test_editing_a_page_reextracts_only_that_pages_articles(seed_files: list[Path], tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    copies = []
    for path in seed_files:
        copy = pages / path.name
        copy.write_bytes(path.read_bytes())
        copies.append(copy)
    settings = Settings()
    before = seed_articles(copies)
    runner.extract_all(before, settings, jobs=1, cache_dir=tmp_path / "cache", extract=posseg_extract)
    # A change elsewhere on the page (a date a neighbouring article's year may depend on).
    edited = copies[2]
    edited.write_text(edited.read_text(encoding="utf-8") + "\n\n2021年4月20日\n", encoding="utf-8")
    after = [a for a in seed_articles(copies) if a.position < sum(1 for b in before if b.file == a.file)]
    extracted_ids.clear()
    runner.extract_all(after, settings, jobs=1, cache_dir=tmp_path / "cache", extract=posseg_extract)
    assert extracted_ids and {a.file for a in after if a.id in extracted_ids} == {str(edited)}
    assert len(extracted_ids) == sum(1 for a in before if a.file == str(edited))
