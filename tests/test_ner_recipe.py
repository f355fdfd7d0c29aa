"""Cross-validation of the training recipe: every train + dev sentence is scored exactly once."""

from __future__ import annotations

import json
from pathlib import Path

from kg.ner.recipe import PD98_FILE, SPLIT_FRACTIONS, cross_validate, load_splits
from kg.ner.train import TrainingParams

# Real seed sentences, their people annotated by hand.
SENTENCES = [
    ("郑州市人大常委会副主任蔡红,惠济区委副书记、区长丁文霞一同考察。", ["蔡红", "丁文霞"]),
    ("区人大常委会副主任刘满仓等一同考察并介绍情况。", ["刘满仓"]),
    ("区领导乔耸、李晓雷、杜建强参加活动。", ["乔耸", "李晓雷", "杜建强"]),
    ("李长义、刘守斌、薛晓军、成小波等区委理论学习中心组成员参会。", ["李长义", "刘守斌", "薛晓军", "成小波"]),
]


def write_corpus(folder: Path, copies: int) -> None:
    lines = []
    for n in range(copies):
        for k, (text, names) in enumerate(SENTENCES):
            entities = [
                {"start": text.index(name), "end": text.index(name) + len(name), "type": "PER", "text": name}
                for name in names
            ]
            lines.append(json.dumps({"id": f"{n}-{k}", "text": text, "entities": entities}, ensure_ascii=False))
    (folder / PD98_FILE).write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_cross_validation_scores_each_train_and_dev_sentence_once(tmp_path: Path) -> None:
    write_corpus(tmp_path, copies=5)
    splits = load_splits(tmp_path, use_cluener=False)
    gold = sum(len(r.entities) for r in splits.train + splits.dev)
    assert len(splits.test) == round(20 * SPLIT_FRACTIONS[2])  # held back, never cross-validated
    scores = cross_validate(tmp_path, TrainingParams(max_iterations=20), folds=2, log=lambda _: None)
    person = scores["PER"]
    assert person["tp"] + person["fn"] == gold
    assert 0.0 <= person["f1"] <= 1.0
