"""Exact-span scores of a tagger against an annotated corpus: precision, recall, F1 per type and
micro-averaged over all types, with the true-positive, false-positive and false-negative counts.

A predicted span counts only if its start, end and type all equal a gold span's.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, Protocol

from kg.ner.corpus import Record, read_records
from kg.scores import prf

OVERALL = "overall"


class Span(Protocol):
    type: str
    start: int
    end: int


Predict = Callable[[str], Sequence[Span]]


def _default_predict(text: str) -> Sequence[Span]:
    from kg.ner.tagger import find_entities

    return find_entities(text)


def evaluate_records(
    records: Iterable[Record], predict: Predict = _default_predict, types: Iterable[str] | None = None
) -> dict[str, dict[str, float]]:
    """Scores per type and ``overall`` (micro); ``types`` defaults to those of the gold spans.

    Predicted spans of other types (a tagger that also finds TIME) are left out of the count.
    """
    records = list(records)
    wanted = set(types) if types is not None else {e.type for r in records for e in r.entities}
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    for record in records:
        gold = {(e.start, e.end, e.type) for e in record.entities if e.type in wanted}
        found = {(m.start, m.end, m.type) for m in predict(record.text) if m.type in wanted}
        for _, _, kind in gold & found:
            tp[kind] += 1
        for _, _, kind in found - gold:
            fp[kind] += 1
        for _, _, kind in gold - found:
            fn[kind] += 1
    scores = {kind: prf(tp[kind], fp[kind], fn[kind]) for kind in sorted(wanted)}
    scores[OVERALL] = prf(sum(tp.values()), sum(fp.values()), sum(fn.values()))
    return scores


def evaluate_ner(
    path: Path,
    predict: Predict = _default_predict,
    type_map: Mapping[str, str | None] | None = None,
    types: Iterable[str] | None = None,
) -> dict[str, dict[str, float]]:
    """Score ``predict`` (by default the shipped CRF) on a corpus file in the shared format.

    ``type_map`` renames the file's entity types first (``{"name": "PER", ...}``; unmapped types
    are dropped), for corpora annotated with other types.
    """
    return evaluate_records(read_records(path, type_map), predict, types)


def format_table(scores: Mapping[str, Mapping[str, Any]]) -> str:
    """A plain-text table: one row per type, then the overall row."""
    width = max([10, *(len(kind) + 2 for kind in scores)])
    header = f"{'type':<{width}}{'precision':>10}{'recall':>10}{'f1':>10}{'tp':>8}{'fp':>8}{'fn':>8}"
    rows = [header, "-" * len(header)]
    for kind, s in scores.items():  # counts missing from a score show as 0
        rows.append(
            f"{kind:<{width}}{s['precision']:>10.4f}{s['recall']:>10.4f}{s['f1']:>10.4f}"
            f"{int(s.get('tp', 0)):>8}{int(s.get('fp', 0)):>8}{int(s.get('fn', 0)):>8}"
        )
    return "\n".join(rows)
