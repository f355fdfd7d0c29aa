"""``kg extract --lines FILE``: every line one document, tagged with PER, ORG, LOC (the CRF) and
TIME (rules)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from kg.model import Mention
from kg.ner.tagger import find_entities
from kg.ner.timex import find_times


def _without_overlaps(mentions: list[Mention]) -> list[Mention]:
    """Drop a TIME mention that overlaps a CRF mention: the tagger saw the whole context."""
    taken = [(m.start, m.end) for m in mentions if m.type != "TIME"]
    kept = [m for m in mentions if m.type != "TIME" or not any(start < m.end and m.start < end for start, end in taken)]
    return sorted(kept, key=lambda m: (m.start, m.end))


def extract_line(text: str) -> dict[str, Any]:
    mentions = _without_overlaps(find_entities(text) + find_times(text))
    return {
        "text": text,
        "mentions": [{"type": m.type, "text": m.text, "start": m.start, "end": m.end} for m in mentions],
    }


def extract_lines(lines: Iterable[str]) -> Iterator[dict[str, Any]]:
    """One result per input line (line ends removed), blank lines included, in order."""
    for line in lines:
        yield extract_line(line.rstrip("\r\n"))
