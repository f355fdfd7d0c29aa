"""Entity spans to per-character BIOES labels and back."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from kg.ner.corpus import Entity

OUTSIDE = "O"


def spans_to_labels(length: int, entities: Iterable[Entity]) -> list[str]:
    """``B-X`` begins, ``I-X`` continues, ``E-X`` ends a span; ``S-X`` is a one-character span.

    Overlapping spans (none in the corpora used) keep the first one.
    """
    labels = [OUTSIDE] * length
    for entity in sorted(entities, key=lambda e: (e.start, -e.end)):
        if any(label != OUTSIDE for label in labels[entity.start : entity.end]):
            continue
        if entity.end - entity.start == 1:
            labels[entity.start] = f"S-{entity.type}"
            continue
        labels[entity.start] = f"B-{entity.type}"
        for i in range(entity.start + 1, entity.end - 1):
            labels[i] = f"I-{entity.type}"
        labels[entity.end - 1] = f"E-{entity.type}"
    return labels


def labels_to_spans(labels: Sequence[str]) -> list[tuple[int, int, str]]:
    """``(start, end, type)`` of every span; a broken sequence (``I`` with no ``B``) still makes a span."""
    spans: list[tuple[int, int, str]] = []
    start, kind = -1, ""
    for i, label in enumerate(labels):
        tag, _, label_kind = label.partition("-")
        if tag in ("B", "S") or tag == OUTSIDE or label_kind != kind:
            if start >= 0:
                spans.append((start, i, kind))
            start, kind = -1, ""
        if tag == OUTSIDE:
            continue
        if start < 0:
            start, kind = i, label_kind
        if tag in ("E", "S"):
            spans.append((start, i + 1, kind))
            start, kind = -1, ""
    if start >= 0:
        spans.append((start, len(labels), kind))
    return spans
