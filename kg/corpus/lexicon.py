"""The corpus layer's small word lists (byline roles, credits, media, dateline sources).

They live as plain files in ``kg/corpus/data/`` (one entry a line, ``#`` comments), so a user adds
a line instead of changing code; the byline roles are shared with the extractor and live in
``ontology/lexicon/byline_roles.tsv``. Each list is read once.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from kg.resources import data_lines, lexicon_path

DATA_DIR = Path(__file__).resolve().parent / "data"


def read_entries(name: str) -> list[str]:
    """The non-comment, non-blank lines of a data file, stripped, in file order."""
    return [line.strip() for line in data_lines(DATA_DIR / name)]


@cache
def byline_roles() -> dict[str, str]:
    """Role word → ``reporter``, ``correspondent`` or ``editor``: ``ontology/lexicon/byline_roles.tsv``,
    the one list the extractor reads too (names after these words are authors, never officials)."""
    roles = {}
    for entry in data_lines(lexicon_path("byline_roles.tsv")):
        word, _, kind = entry.partition("\t")
        roles[word.strip()] = kind.strip() or "reporter"
    return roles


@cache
def byline_credits() -> tuple[str, ...]:
    return tuple(read_entries("byline_credits.txt"))


@cache
def media_suffixes() -> tuple[str, ...]:
    return tuple(read_entries("media_suffixes.txt"))


@cache
def dateline_sources() -> tuple[str, ...]:
    return tuple(read_entries("dateline_sources.txt"))


@cache
def lead_openers() -> tuple[str, ...]:
    return tuple(dict.fromkeys(read_entries("lead_openers.txt")))


def longest_first(words: list[str] | tuple[str, ...]) -> list[str]:
    """Words ordered so that a regular-expression alternation prefers the longest match."""
    return sorted(set(words), key=lambda word: (-len(word), word))
