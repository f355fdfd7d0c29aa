"""Reading pages from files, directories and standard input into one :class:`Corpus`.

Paths are files, directories (searched recursively for ``*.txt``; hidden entries are skipped,
and so are symbolic links to directories inside them, as ``find`` does, so a link loop cannot
trap the walk), or ``-`` for standard input. Files are read in sorted path order, so the result
never depends on the order the file system lists them in. Every problem raises
:class:`kg.errors.InputError` naming the file; with ``skip_bad`` it is reported through ``warn``
and recorded in :attr:`Corpus.skipped` instead.
"""

from __future__ import annotations

import errno
import os
import stat
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from kg.corpus.decode import decode_page
from kg.corpus.page import articles_from_text
from kg.errors import InputError
from kg.model import Article

STDIN = "-"


@dataclass
class Corpus:
    articles: list[Article] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (file, problem)


def _os_problem(error: OSError) -> str:
    if error.errno == errno.ELOOP:
        return "symbolic link loop"
    if error.errno == errno.ENOENT:
        return "no such file or directory"
    if error.errno == errno.EACCES:
        return "permission denied"
    return error.strerror or type(error).__name__


def _is_page_file(entry: os.DirEntry[str]) -> bool:
    """A regular file, or a link that is broken or loops (reported when read); never a FIFO or
    device, which could block the read forever."""
    try:
        return entry.is_file() or (entry.is_symlink() and not os.path.exists(entry.path))
    except OSError:
        return True


def _walk(directory: str, seen: set[tuple[int, int]]) -> Iterator[str]:
    """The ``*.txt`` files under ``directory``, depth first, entries sorted by name."""
    try:
        info = os.stat(directory)
    except OSError:
        return
    key = (info.st_dev, info.st_ino)
    if key in seen:
        return  # the same directory named twice
    seen.add(key)
    try:
        with os.scandir(directory) as listing:
            entries = sorted(listing, key=lambda entry: entry.name)
    except OSError as error:
        raise InputError(f"cannot list directory: {_os_problem(error)}", path=directory) from None
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = os.path.join(directory, entry.name)
        try:
            is_dir = entry.is_dir(follow_symlinks=False)
        except OSError:
            is_dir = False
        if is_dir:
            yield from _walk(path, seen)
        elif entry.name.lower().endswith(".txt") and _is_page_file(entry):
            yield path


def expand_paths(paths: Sequence[str | Path]) -> Iterator[str | InputError]:
    """Every page to read, in order: a path string, or the error that a given path is."""
    seen: set[tuple[int, int]] = set()
    for given in paths:
        path = os.fspath(given)
        if path == STDIN:
            yield STDIN
            continue
        try:
            info = os.stat(path)
        except OSError as error:
            yield InputError(_os_problem(error), path=path)
            continue
        if stat.S_ISDIR(info.st_mode):
            try:
                files = list(_walk(path, seen))
            except InputError as error:
                yield error
                continue
            if not files:
                empty = not any(not name.startswith(".") for name in os.listdir(path))
                problem = "empty directory" if empty else "directory holds no .txt files"
                yield InputError(problem, path=path)
            yield from files
        else:
            yield path


def _identity(path: str) -> object:
    """What makes two paths the same page: device and inode (one system call, unlike realpath)."""
    if path == STDIN:
        return STDIN
    try:
        info = os.stat(path)
    except OSError:
        return path  # unreadable: reading it reports the problem
    return (info.st_dev, info.st_ino)


def read_page_bytes(path: str) -> bytes:
    """The bytes of one page file (or of standard input for ``-``)."""
    if path == STDIN:
        stream = getattr(sys.stdin, "buffer", None)
        return stream.read() if stream is not None else sys.stdin.read().encode("utf-8")
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except IsADirectoryError:
        raise InputError("is a directory", path=path) from None
    except OSError as error:
        raise InputError(f"cannot read: {_os_problem(error)}", path=path) from None


def read_page(path: str) -> list[Article]:
    """The articles of one page file (or standard input for ``-``, named ``<stdin>`` in errors)."""
    return page_articles(read_page_bytes(path), path)


def page_articles(data: bytes, path: str) -> list[Article]:
    """The articles of a page's bytes, read from ``path``."""
    shown = "<stdin>" if path == STDIN else path
    if not data.strip():
        raise InputError("empty file" if not data else "file holds only white space", path=shown)
    try:
        text, _encoding = decode_page(data)
    except InputError as error:
        raise InputError(error.message, path=shown) from None
    articles = articles_from_text(text, path)
    if not articles:
        raise InputError("no text found", path=shown)
    return articles


def read_articles(
    paths: Sequence[str | Path],
    skip_bad: bool = False,
    warn: Callable[[str], None] | None = None,
    page_reader: Callable[[str], list[Article]] = read_page,
) -> Corpus:
    """All articles of the pages at ``paths``, in path order then page order.

    ``page_reader`` reads one page (a cache may stand in for :func:`read_page`).
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]  # one path given bare, not a sequence of one-character paths
    if not paths:
        raise InputError("no input given: name files, directories or - for standard input")
    corpus = Corpus()
    read: set[object] = set()
    for item in expand_paths(paths):
        try:
            if isinstance(item, InputError):
                raise item
            key = _identity(item)
            if key in read:
                continue  # the same file named twice (a file and its directory)
            read.add(key)
            corpus.articles.extend(page_reader(item))
        except InputError as error:
            if not skip_bad:
                raise
            problem = error.message
            corpus.skipped.append((error.path or "", problem))
            if warn is not None:
                warn(str(error))
    return corpus
