"""Precision, recall and F1 from counts: the one arithmetic every evaluation in kg reports."""

from __future__ import annotations


def prf(tp: int, fp: int, fn: int, digits: int | None = None) -> dict[str, float]:
    """``{precision, recall, f1, tp, fp, fn}``; rounded to ``digits`` when given.

    Nothing found scores precision 1.0 when nothing was missed either (an empty answer to an empty question is
    right), else 0.0; nothing to find scores recall 1.0.
    """
    precision = tp / (tp + fp) if tp + fp else 1.0 if not fn else 0.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    if digits is not None:
        precision, recall, f1 = round(precision, digits), round(recall, digits), round(f1, digits)
    return {"precision": precision, "recall": recall, "f1": f1, "tp": tp, "fp": fp, "fn": fn}
