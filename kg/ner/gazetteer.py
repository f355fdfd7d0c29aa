"""Word lists the NER features look up: surnames, place and organisation endings, titles.

They live beside the model (``kg/ner/lexicon/``), not in ``ontology/lexicon/``, because the model's
weights were learnt with exactly these lists: editing one changes the features, so the model must
be retrained (``python scripts/train_ner.py``) to match.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import ahocorasick

from kg.resources import data_lines

LEXICON_DIR = Path(__file__).resolve().parent / "lexicon"

# feature prefix -> list file
LISTS: dict[str, str] = {
    "SUR": "surnames.txt",
    "PLS": "place_suffixes.txt",
    "ORS": "org_suffixes.txt",
    "TTL": "titles.txt",
}


def read_list(path: Path) -> list[str]:
    """Entries of a one-entry-a-line file, without ``#`` comments and blank lines."""
    entries = (line.split("#", 1)[0].strip() for line in data_lines(path))
    return [entry for entry in entries if entry]


@dataclass(frozen=True)
class Gazetteer:
    """All lists in one automaton: one pass over a text finds every entry of every list."""

    automaton: ahocorasick.Automaton

    def marks(self, text: str) -> tuple[list[list[str]], list[list[str]]]:
        """Per character, the lists whose entries start (``<KIND>[``) and end (``<KIND>]``) there.

        Ending marks carry the entry's length (``PLS]2`` for ``街道``), so the model can weigh a
        two-character ending apart from a one-character one.
        """
        starts: list[list[str]] = [[] for _ in text]
        ends: list[list[str]] = [[] for _ in text]
        for end, kinds in self.automaton.iter(text):
            for kind, length in kinds:
                starts[end - length + 1].append(f"{kind}[")
                ends[end].append(f"{kind}]{min(length, 3)}")
        return starts, ends


@cache
def gazetteer() -> Gazetteer:
    entries: dict[str, list[tuple[str, int]]] = {}
    for kind, name in LISTS.items():
        for entry in read_list(LEXICON_DIR / name):
            entries.setdefault(entry, [])
            if (kind, len(entry)) not in entries[entry]:
                entries[entry].append((kind, len(entry)))
    automaton = ahocorasick.Automaton()
    for entry, kinds in entries.items():
        automaton.add_word(entry, tuple(kinds))
    automaton.make_automaton()
    return Gazetteer(automaton)
