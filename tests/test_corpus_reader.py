"""Paths: files, directories, standard input, and every way a path can be bad."""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

import pytest

from kg.corpus import read_articles
from kg.errors import InputError

PAGE = (
    "郑州市政务办调研惠济区改革推进情况\n\n本报讯 4月9日下午,郑州市政务办主任王新一行到惠济区检查调研。\n\n记者 简洋\n"
)


def write(path: Path, text: str = PAGE) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def error_of(paths: list, **options) -> str:
    with pytest.raises(InputError) as caught:
        read_articles(paths, **options)
    message = str(caught.value)
    assert "\n" not in message
    return message


def test_directories_are_read_recursively_in_sorted_order(tmp_path: Path) -> None:
    for name in ("b/z.txt", "a.txt", "b/a/c.txt", "c.TXT"):
        write(tmp_path / name)
    write(tmp_path / "notes.md")
    write(tmp_path / ".hidden/x.txt")
    files = [a.file for a in read_articles([tmp_path]).articles]
    assert [Path(f).relative_to(tmp_path).as_posix() for f in files] == ["a.txt", "b/a/c.txt", "b/z.txt", "c.TXT"]


def test_a_file_named_twice_is_read_once(tmp_path: Path) -> None:
    page = write(tmp_path / "p.txt")
    assert len(read_articles([tmp_path, page]).articles) == 1


def test_standard_input(monkeypatch: pytest.MonkeyPatch) -> None:
    stream = io.TextIOWrapper(io.BytesIO(PAGE.encode("gb18030")), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", stream)
    articles = read_articles(["-"]).articles
    assert [a.headline for a in articles] == ["郑州市政务办调研惠济区改革推进情况"]
    assert articles[0].file == "-" and articles[0].id.startswith("stdin-0-")
    assert articles[0].reporters == ["简洋"]


@pytest.mark.parametrize(
    ("make", "problem"),
    [
        (lambda root: write(root / "empty.txt", ""), "empty.txt: empty file"),
        (lambda root: write(root / "blank.txt", " \n\n\t\n"), "blank.txt: file holds only white space"),
        (lambda root: (root / "dir").mkdir() or root / "dir", "dir: empty directory"),
        (lambda root: write(root / "docs/readme.md").parent, "docs: directory holds no .txt files"),
        (lambda root: root / "missing.txt", "missing.txt: no such file or directory"),
    ],
)
def test_bad_paths_give_one_clear_line(tmp_path: Path, make, problem: str) -> None:
    assert error_of([make(tmp_path)]).endswith(problem)


def test_no_paths_at_all() -> None:
    assert "no input given" in error_of([])


def test_symbolic_link_loops(tmp_path: Path) -> None:
    os.symlink(tmp_path / "one.txt", tmp_path / "two.txt")
    os.symlink(tmp_path / "two.txt", tmp_path / "one.txt")
    assert error_of([tmp_path / "one.txt"]).endswith("one.txt: symbolic link loop")
    # A directory that links back to itself is walked once and its page read once.
    pages = tmp_path / "pages"
    write(pages / "p.txt")
    os.symlink(pages, pages / "again")
    os.symlink("..", pages / "up")
    assert [Path(a.file).name for a in read_articles([pages]).articles] == ["p.txt"]


def test_an_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    page = write(tmp_path / "secret.txt")
    page.chmod(0)
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        # root reads any file (CI runs as root): let the operating system refuse as it would anyone else
        real_open = open

        def refusing_open(file: object, *args: object, **kwargs: object) -> object:
            if str(file) == str(page):
                raise PermissionError(13, "Permission denied", str(file))
            return real_open(file, *args, **kwargs)  # type: ignore[call-overload]

        monkeypatch.setattr("builtins.open", refusing_open)
    try:
        assert error_of([page]).endswith("secret.txt: cannot read: permission denied")
    finally:
        page.chmod(0o644)


def test_skip_bad_warns_per_file_records_it_and_goes_on(tmp_path: Path) -> None:
    write(tmp_path / "a.txt")
    (tmp_path / "b.txt").write_bytes(b"\x00\x01\x02 binary")
    write(tmp_path / "c.txt", "")
    write(tmp_path / "d.txt")
    warnings: list[str] = []
    corpus = read_articles([tmp_path, tmp_path / "nope"], skip_bad=True, warn=warnings.append)
    assert [Path(a.file).name for a in corpus.articles] == ["a.txt", "d.txt"]
    assert [(Path(file).name, problem) for file, problem in corpus.skipped] == [
        ("b.txt", "looks like binary data, not text (NUL byte at offset 0)"),
        ("c.txt", "empty file"),
        ("nope", "no such file or directory"),
    ]
    assert len(warnings) == 3 and warnings[0].endswith("b.txt: looks like binary data, not text (NUL byte at offset 0)")


def test_without_skip_bad_the_first_bad_file_stops_the_read(tmp_path: Path) -> None:
    write(tmp_path / "a.txt")
    write(tmp_path / "b.txt", "")
    assert error_of([tmp_path]).endswith("b.txt: empty file")


def test_many_small_files(tmp_path: Path) -> None:
    for number in range(1000):
        write(tmp_path / f"d{number % 10}" / f"p{number:04d}.txt", f"标题{number}\n\n本报讯 第{number}号正文。\n")
    articles = read_articles([tmp_path]).articles
    assert len(articles) == 1000
    assert [a.headline for a in articles[:2]] == ["标题0", "标题10"]  # d0/p0000, d0/p0010


def test_a_huge_page_without_line_breaks(tmp_path: Path) -> None:
    sentence = "惠济区坚持以办好企业群众眼中“一件事”为引领,不断提升政务服务综合能力。"
    page = write(tmp_path / "huge.txt", sentence * 60_000)  # about 6 MB on one line
    (article,) = read_articles([page]).articles
    assert article.headline == ""
    assert len(article.sentences) == 60_000
    assert article.sentences[-1].text == sentence


def test_broken_links_are_reported_and_fifos_skipped_inside_directories(tmp_path: Path) -> None:
    write(tmp_path / "a.txt")
    os.symlink(tmp_path / "gone.txt", tmp_path / "broken.txt")
    os.mkfifo(tmp_path / "pipe.txt")
    corpus = read_articles([tmp_path], skip_bad=True)
    assert [Path(a.file).name for a in corpus.articles] == ["a.txt"]
    assert [(Path(file).name, problem) for file, problem in corpus.skipped] == [
        ("broken.txt", "cannot read: no such file or directory")
    ]


def test_a_single_path_given_bare(seeds_dir: Path) -> None:
    assert len(read_articles(seeds_dir).articles) == 35  # type: ignore[arg-type]
    assert len(read_articles(str(seeds_dir)).articles) == 35


def test_reading_pages_loads_no_segmenter_or_model(seeds_dir: Path) -> None:
    """The corpus layer stays light: no jieba, no NER model, no RDF library."""
    import subprocess

    code = (
        "import sys; from kg.corpus import read_articles; "
        f"read_articles([{str(seeds_dir)!r}]); "
        "print(sorted(m for m in ('jieba', 'rdflib', 'pycrfsuite', 'rich') if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
