"""The reproducible recipe behind the shipped model (run by ``scripts/train_ner.py``).

1. People's Daily 1998 (``pd98_dev.jsonl``) is cut by a fixed seed into train (60 %), dev (15 %)
   and test (25 %). Features and settings were chosen on train → dev only.
2. The model is trained on train + dev and scored once on test: the held-out figures.
3. The shipped model is then refit with the same settings on all of People's Daily, so that it
   sees every annotated sentence (its test figure is, by construction, no longer held out).

CLUENER2020 (``cluener_train.jsonl``) is not used for the shipped model: on dev every way of
adding it scored below People's Daily alone (docs/ner.md has the figures). Its ``address``,
``government``, ``organization`` and ``company`` spans follow other conventions than People's
Daily, and its sentences with names only leave their places and bodies unannotated. The option
``use_cluener`` adds those name-only sentences (as PER) for whoever wants to re-measure; a held-out
10 % of CLUENER, mapped to PER/ORG/LOC, is always scored as a cross-domain figure.

Mention-replacement augmentation (``kg.ner.augment``) is off by default: in 3-fold cross-validation
it raised PER at the cost of ORG and LOC and never won overall. With ``augment`` it applies to the
training part of every fit only (the held-out part is never altered), drawing replacements from
that part.
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from kg.ner.augment import NO_AUGMENTATION, AugmentParams, replace_mentions
from kg.ner.corpus import CLUENER_TO_PD98, Entity, Record, read_records, split_records
from kg.ner.evaluate import evaluate_records
from kg.ner.train import TrainingParams, train_model

PD98_FILE = "pd98_dev.jsonl"
CLUENER_FILE = "cluener_train.jsonl"
SPLIT_SEED = 20240521
SPLIT_FRACTIONS = (0.60, 0.15, 0.25)  # train, dev, test
CLUENER_HELD_OUT = 0.10


@dataclass(frozen=True)
class Splits:
    train: list[Record]
    dev: list[Record]
    test: list[Record]
    extra_train: list[Record] = field(default_factory=list)  # CLUENER sentences used for training
    extra_test: list[Record] = field(default_factory=list)  # CLUENER held out, mapped to PER/ORG/LOC


def cluener_name_sentences(records: Sequence[Record]) -> list[Record]:
    """CLUENER sentences whose every entity is a person's name, as PER."""
    return [
        Record(r.id, r.text, tuple(Entity(e.start, e.end, "PER", e.text) for e in r.entities))
        for r in records
        if r.entities and all(e.type == "name" for e in r.entities)
    ]


def load_splits(data_dir: Path, use_cluener: bool, seed: int = SPLIT_SEED) -> Splits:
    """People's Daily train/dev/test; CLUENER's held-out part (mapped to PER/ORG/LOC) whenever the
    file is there, and its name sentences for training only with ``use_cluener``."""
    train, dev, test = split_records(read_records(data_dir / PD98_FILE), seed, SPLIT_FRACTIONS)
    if not (data_dir / CLUENER_FILE).is_file():
        return Splits(train, dev, test)
    keep_all = {kind: kind for kind in CLUENER_TO_PD98}
    cluener = read_records(data_dir / CLUENER_FILE, keep_all)
    cl_train, cl_test = split_records(cluener, seed, (1 - CLUENER_HELD_OUT, CLUENER_HELD_OUT))
    mapped_test = [
        Record(r.id, r.text, tuple(Entity(e.start, e.end, str(CLUENER_TO_PD98[e.type]), e.text) for e in r.entities))
        for r in cl_test
    ]
    extra = cluener_name_sentences(cl_train) if use_cluener else []
    return Splits(train, dev, test, extra, mapped_test)


def chars_per_second(texts: Sequence[str], predict: Callable[[str], object]) -> float:
    """Characters tagged per second of this process's CPU time (fair on a machine shared with others)."""
    predict(texts[0])  # loading is not tagging
    started = time.process_time()
    for text in texts:
        predict(text)
    return sum(map(len, texts)) / (time.process_time() - started)


@dataclass
class Report:
    params: dict[str, Any]
    baseline_test: dict[str, dict[str, float]]
    model_test: dict[str, dict[str, float]] | None = None
    model_dev: dict[str, dict[str, float]] | None = None
    cluener_test: dict[str, dict[str, float]] | None = None
    training_seconds: float = 0.0
    model_bytes: int = 0
    tagging_chars_per_second: float = 0.0
    jieba_posseg_chars_per_second: float = 0.0
    shipped_training_seconds: float = 0.0
    shipped_model_bytes: int = 0

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def with_augmentation(records: list[Record], augment: AugmentParams, seed: int = 0) -> list[Record]:
    """``records`` and, if ``augment.copies``, their mention-replaced copies (drawn from ``records`` only)."""
    return records + replace_mentions(records, augment, seed) if augment.copies else records


def cross_validate(
    data_dir: Path,
    params: TrainingParams,
    folds: int = 3,
    log: Callable[[str], None] = print,
    augment: AugmentParams = NO_AUGMENTATION,
) -> dict[str, dict[str, float]]:
    """Pooled scores of ``folds``-fold cross-validation over train + dev (test never touched).

    The dev part alone (348 sentences) is too small to tell settings apart: differences of 0.015 F1
    there vanished under cross-validation (docs/ner.md)."""
    from functools import partial

    from kg.ner.evaluate import OVERALL
    from kg.ner.tagger import find_entities
    from kg.scores import prf

    splits = load_splits(data_dir, use_cluener=False)
    parts = split_records(splits.train + splits.dev, SPLIT_SEED, [1 / folds] * folds)
    counts: dict[str, dict[str, int]] = {}
    with tempfile.TemporaryDirectory() as scratch:
        for k, held_out in enumerate(parts):
            model = Path(scratch) / f"fold{k}.crfsuite"
            fit = [r for j, part in enumerate(parts) if j != k for r in part]
            train_model(with_augmentation(fit, augment, seed=k), model, params)
            fold_scores = evaluate_records(held_out, partial(find_entities, model=model))
            log(f"fold {k + 1}/{folds}: overall F1 {fold_scores[OVERALL]['f1']:.3f}")
            for kind, figures in fold_scores.items():
                total = counts.setdefault(kind, {"tp": 0, "fp": 0, "fn": 0})
                for key in total:
                    total[key] += int(figures[key])
    return {kind: prf(c["tp"], c["fp"], c["fn"]) for kind, c in counts.items()}


def run(
    data_dir: Path,
    out: Path,
    params: TrainingParams,
    use_cluener: bool,
    tune: bool = False,
    log: Callable[[str], None] = print,
    augment: AugmentParams = NO_AUGMENTATION,
) -> Report:
    """Tune (train → dev) or run the whole recipe (train+dev → test, then refit on all → ``out``)."""
    from functools import partial

    from kg.ner.baseline import jieba_pos_entities
    from kg.ner.tagger import find_entities

    splits = load_splits(data_dir, use_cluener)
    log(
        f"pd98 train {len(splits.train)} dev {len(splits.dev)} test {len(splits.test)}; "
        f"CLUENER name sentences {len(splits.extra_train)}"
    )
    report = Report(
        params={
            **asdict(params),
            "augment": asdict(augment),
            "cluener": use_cluener,
            "seed": SPLIT_SEED,
            "fractions": SPLIT_FRACTIONS,
        },
        baseline_test=evaluate_records(splits.test, jieba_pos_entities),
    )
    with tempfile.TemporaryDirectory() as scratch:
        model = Path(scratch) / "held_out.crfsuite"
        fit = splits.train if tune else splits.train + splits.dev
        result = train_model(with_augmentation(fit, augment) + splits.extra_train, model, params)
        report.training_seconds, report.model_bytes = result.seconds, result.size_bytes
        log(f"trained on {result.sentences} sentences in {result.seconds:.0f} s, {result.size_bytes} bytes")
        predict = partial(find_entities, model=model)
        if tune:
            report.model_dev = evaluate_records(splits.dev, predict)
            return report
        report.model_test = evaluate_records(splits.test, predict)
        if splits.extra_test:
            report.cluener_test = evaluate_records(splits.extra_test, predict)
        texts = [r.text for r in splits.test]
        report.tagging_chars_per_second = chars_per_second(texts, predict)
        report.jieba_posseg_chars_per_second = chars_per_second(texts, jieba_pos_entities)
    everything = splits.train + splits.dev + splits.test
    shipped = train_model(with_augmentation(everything, augment) + splits.extra_train, out, params)
    report.shipped_training_seconds, report.shipped_model_bytes = shipped.seconds, shipped.size_bytes
    log(f"shipped model: {shipped.sentences} sentences, {shipped.seconds:.0f} s, {shipped.size_bytes} bytes → {out}")
    return report
