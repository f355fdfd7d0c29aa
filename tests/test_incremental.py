"""Incremental builds (``kg build --cache``): a rebuild redoes only what changed pages touch, and
its outputs are byte-identical to a build without a cache."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

import kg.cache
import kg.corpus.reader
import kg.extract.pipeline
from kg.build import build
from kg.cli import main
from kg.settings import Settings
from tests.conftest import TWO_PAGES as PAGES
from tests.test_view_html import page_data

FORMATS = ("ttl", "html", "nt", "jsonld")


class Calls:
    """Counts the pages split and the articles extracted (in this process: --jobs 1)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.pages: list[str] = []
        self.articles: list[str] = []
        split, extract = kg.corpus.reader.page_articles, kg.extract.pipeline.extract_article

        def counted_split(data: bytes, path: str):  # type: ignore[no-untyped-def]
            self.pages.append(Path(path).name)
            return split(data, path)

        def counted_extract(article, settings):  # type: ignore[no-untyped-def]
            self.articles.append(Path(article.file).name)
            return extract(article, settings)

        monkeypatch.setattr(kg.corpus.reader, "page_articles", counted_split)
        monkeypatch.setattr(kg.extract.pipeline, "extract_article", counted_extract)

    def clear(self) -> None:
        self.pages.clear()
        self.articles.clear()


def outputs(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.glob("graph.*"))}


def clean_build(pages: Path, out: Path, formats: tuple[str, ...] = FORMATS) -> dict[str, bytes]:
    build([pages], out=out, formats=formats, jobs=1)
    return outputs(out)


def view_content(html: bytes) -> dict:
    """The page's data without node positions: what a cached view must share with a clean one."""
    data = page_data(html.decode("utf-8"))
    return {**data, "nodes": [{k: v for k, v in node.items() if k not in ("x", "y")} for node in data["nodes"]]}


def positions(html: bytes) -> dict[str, tuple[float, float]]:
    return {node["id"]: (node["x"], node["y"]) for node in page_data(html.decode("utf-8"))["nodes"]}


def same_but_view_positions(got: dict[str, bytes], expected: dict[str, bytes]) -> bool:
    """Every output byte for byte, graph.html but its new nodes' positions."""
    html = "graph.html"
    return (
        got.keys() == expected.keys()
        and all(got[name] == expected[name] for name in got if name != html)
        and (html not in got or view_content(got[html]) == view_content(expected[html]))
    )


def edit(page: Path) -> None:
    text = page.read_text(encoding="utf-8")
    assert "上午" in text
    page.write_text(text.replace("上午", "下午", 1), encoding="utf-8")


def test_rebuild_after_one_page_changed_redoes_that_page_alone(
    pages: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = Calls(monkeypatch)
    cache = tmp_path / "cache"
    first = build([pages], out=tmp_path / "first", formats=FORMATS, jobs=1, cache_dir=cache)
    assert sorted(set(calls.pages)) == sorted(PAGES) and len(calls.articles) == first.articles
    assert outputs(tmp_path / "first") == clean_build(pages, tmp_path / "clean-first")

    calls.clear()
    same = build([pages], out=tmp_path / "same", formats=FORMATS, jobs=1, cache_dir=cache)
    assert calls.pages == [] and calls.articles == []
    assert outputs(tmp_path / "same") == outputs(tmp_path / "first")
    assert (same.articles, same.triples, same.persons, same.officials) == (
        first.articles, first.triples, first.persons, first.officials
    )

    changed = pages / PAGES[1]
    edit(changed)
    calls.clear()
    again = build([pages], out=tmp_path / "again", formats=FORMATS, jobs=1, cache_dir=cache)
    assert calls.pages == [changed.name]
    assert calls.articles and set(calls.articles) == {changed.name}
    calls.clear()
    expected = clean_build(pages, tmp_path / "clean")
    # The view kept the last layout (new nodes placed among it): all else is the clean build's.
    assert same_but_view_positions(outputs(tmp_path / "again"), expected)
    before = positions(outputs(tmp_path / "first")["graph.html"])
    after = positions(outputs(tmp_path / "again")["graph.html"])
    assert after.keys() != before.keys() and all(after[n] == before[n] for n in after.keys() & before.keys())
    assert outputs(tmp_path / "again")["graph.ttl"] != outputs(tmp_path / "first")["graph.ttl"]
    clean = build([pages], out=tmp_path / "clean2", formats=("ttl",), jobs=1)
    assert (again.triples, again.events, again.bodies, again.places) == (
        clean.triples, clean.events, clean.bodies, clean.places
    )


def test_added_and_removed_pages_give_the_clean_build(seeds_dir: Path, pages: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    build([pages], out=tmp_path / "a", formats=("ttl",), jobs=1, cache_dir=cache)
    # A page that sorts first and repeats another's people: their keys and posts' sources change.
    shutil.copy(seeds_dir / PAGES[1], pages / "0000_copy.txt")
    shutil.copy(seeds_dir / "004_4991a681cbad826b.txt", pages / "004_4991a681cbad826b.txt")
    build([pages], out=tmp_path / "b", formats=("ttl",), jobs=1, cache_dir=cache)
    build([pages], out=tmp_path / "b-clean", formats=("ttl",), jobs=1)
    assert (tmp_path / "b" / "graph.ttl").read_bytes() == (tmp_path / "b-clean" / "graph.ttl").read_bytes()
    (pages / PAGES[0]).unlink()
    build([pages], out=tmp_path / "c", formats=("ttl",), jobs=1, cache_dir=cache)
    build([pages], out=tmp_path / "c-clean", formats=("ttl",), jobs=1)
    assert (tmp_path / "c" / "graph.ttl").read_bytes() == (tmp_path / "c-clean" / "graph.ttl").read_bytes()


def _damage(path: Path) -> None:
    path.write_bytes(b"\x80\x05not a pickle")


def test_an_unchanged_graph_reuses_its_view_and_a_changed_one_renders_it(
    pages: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import kg.view.incremental

    rendered: list[str] = []
    render = kg.view.incremental.render

    def counted(turtle: bytes, *args, **kwargs):  # type: ignore[no-untyped-def]
        rendered.append("render")
        return render(turtle, *args, **kwargs)

    monkeypatch.setattr(kg.view.incremental, "render", counted)
    cache = tmp_path / "cache"
    build([pages], out=tmp_path / "a", formats=("ttl", "html"), jobs=1, cache_dir=cache)
    build([pages], out=tmp_path / "b", formats=("ttl", "html"), jobs=1, cache_dir=cache)
    assert len(rendered) == 1
    assert outputs(tmp_path / "b") == outputs(tmp_path / "a")
    entry = next((cache / "build").glob("v*/view/*.html"))
    entry.write_bytes(entry.read_bytes()[:-100])  # damaged: rendered again
    build([pages], out=tmp_path / "c", formats=("html",), jobs=1, cache_dir=cache)
    assert len(rendered) == 2 and outputs(tmp_path / "c")["graph.html"] == outputs(tmp_path / "a")["graph.html"]
    edit(pages / PAGES[0])
    build([pages], out=tmp_path / "d", formats=("ttl", "html"), jobs=1, cache_dir=cache)
    assert len(rendered) == 3
    assert same_but_view_positions(outputs(tmp_path / "d"), clean_build(pages, tmp_path / "clean", ("ttl", "html")))


@pytest.mark.parametrize("target", ["index.pkl", "graph.ttl.body", "fragments", "pages", "extractions"])
def test_damaged_cache_entries_are_rebuilt_never_a_traceback(
    target: str, pages: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    build([pages], out=tmp_path / "first", formats=("ttl",), jobs=1, cache_dir=cache)
    if target != "extractions":  # (an edited page's old extractions are never read again)
        edit(pages / PAGES[0])  # so that the rebuild splices changed and unchanged blocks
    store = next((cache / "build").glob("v*"))
    if target in ("index.pkl", "graph.ttl.body"):
        damaged = [store / target]
    elif target == "extractions":
        damaged = [p for p in cache.glob("v*/*/*.pkl")]
    else:
        damaged = sorted((store / target).glob("*/*.pkl"))
    assert damaged
    for path in damaged:
        _damage(path)
    if target == "extractions":  # without the index every article's extraction is read back
        _damage(store / "index.pkl")
    out = tmp_path / "out"
    result = CliRunner().invoke(
        main, ["build", str(pages), "--out", str(out), "--cache", str(cache), "--jobs", "1", "--format", "ttl,nt"]
    )
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    # (N-Triples need every article's triples: each fragment file is read and checked)
    assert outputs(out) == clean_build(pages, tmp_path / "clean", ("ttl", "nt"))
    for path in damaged:  # every damaged entry was noticed, and written again or dropped
        assert not path.exists() or path.read_bytes() != b"\x80\x05not a pickle"


def test_a_lexicon_or_code_change_invalidates_the_cache(
    pages: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    extra = tmp_path / "extra_lexicon.txt"
    extra.write_text("# a word list the extractor reads\n惠济区\n", encoding="utf-8")
    files = kg.cache.input_files
    monkeypatch.setattr(kg.cache, "input_files", lambda: [*files(), extra])
    kg.cache.extractor_version.cache_clear()
    kg.cache.graph_version.cache_clear()
    before = kg.cache.graph_version()
    calls = Calls(monkeypatch)
    cache = tmp_path / "cache"
    first = build([pages], out=tmp_path / "a", formats=("ttl",), jobs=1, cache_dir=cache)

    extra.write_text("# a word list the extractor reads\n金水区\n", encoding="utf-8")
    kg.cache.extractor_version.cache_clear()
    kg.cache.graph_version.cache_clear()
    assert kg.cache.graph_version() != before
    calls.clear()
    build([pages], out=tmp_path / "b", formats=("ttl",), jobs=1, cache_dir=cache)
    assert len(calls.articles) == first.articles and sorted(calls.pages) == sorted(PAGES)
    store = kg.cache.BuildCache(cache, Settings()).directory
    assert [p.name for p in (cache / "build").iterdir()] == [store.name]  # the old version's folder is pruned
    kg.cache.extractor_version.cache_clear()
    kg.cache.graph_version.cache_clear()


def test_other_settings_rebuild_and_match_the_clean_build(pages: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    build([pages], out=tmp_path / "a", formats=("ttl",), jobs=1, cache_dir=cache)
    other = Settings(base_iri="https://example.org/kg/", year=2021)
    build([pages], out=tmp_path / "b", formats=("ttl",), jobs=1, cache_dir=cache, settings=other)
    build([pages], out=tmp_path / "b-clean", formats=("ttl",), jobs=1, settings=other)
    assert (tmp_path / "b" / "graph.ttl").read_bytes() == (tmp_path / "b-clean" / "graph.ttl").read_bytes()
    assert b"https://example.org/kg/" in (tmp_path / "b" / "graph.ttl").read_bytes()


def test_cached_builds_on_a_pool_match_the_clean_build(
    pages: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import kg.runner

    monkeypatch.setattr(kg.runner, "MIN_PARALLEL_CHARACTERS", 0)  # two seed pages are worth a pool now
    cache = tmp_path / "cache"
    build([pages], out=tmp_path / "a", formats=("ttl",), jobs=2, cache_dir=cache)
    edit(pages / PAGES[0])
    build([pages], out=tmp_path / "b", formats=("ttl",), jobs=2, cache_dir=cache)
    build([pages], out=tmp_path / "b-clean", formats=("ttl",), jobs=1)
    assert (tmp_path / "b" / "graph.ttl").read_bytes() == (tmp_path / "b-clean" / "graph.ttl").read_bytes()
