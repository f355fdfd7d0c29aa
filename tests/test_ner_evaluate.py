"""Exact-span scoring, and the shipped model's score on annotated seed sentences (a sanity floor)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.errors import InputError
from kg.model import Mention
from kg.ner.evaluate import OVERALL, evaluate_ner, format_table

# Real sentences of the seed pages, annotated by hand in People's Daily conventions
# (a body with its place is one ORG: 郑州市人大常委会; a bare division is LOC).
SEED_GOLD: list[tuple[str, list[tuple[str, str]]]] = [
    (
        "郑州市人大常委会副主任蔡红,惠济区委副书记、区长丁文霞,区人大常委会副主任刘满仓等一同考察并介绍情况。",
        [
            ("ORG", "郑州市人大常委会"),
            ("PER", "蔡红"),
            ("ORG", "惠济区委"),
            ("PER", "丁文霞"),
            ("ORG", "区人大常委会"),
            ("PER", "刘满仓"),
        ],
    ),
    (
        "本报讯 4月8日上午,郑州市人大常委会主任胡荃陪同开封市人大常委会主任阎红心等一行,来到惠济区黄河滩地公园。",
        [
            ("ORG", "郑州市人大常委会"),
            ("PER", "胡荃"),
            ("ORG", "开封市人大常委会"),
            ("PER", "阎红心"),
            ("LOC", "惠济区"),
        ],
    ),
    (
        "区领导乔耸、李晓雷、杜建强、李长义、刘守斌、薛晓军、成小波等区委理论学习中心组成员参会。",
        [
            ("PER", "乔耸"),
            ("PER", "李晓雷"),
            ("PER", "杜建强"),
            ("PER", "李长义"),
            ("PER", "刘守斌"),
            ("PER", "薛晓军"),
            ("PER", "成小波"),
        ],
    ),
    (
        "会上,中共中央总书记、国家主席、中央军委主席习近平向国家勋章和国家荣誉称号获得者颁授勋章奖章。",
        [("ORG", "中共中央"), ("ORG", "中央军委"), ("PER", "习近平")],
    ),
    (
        "本报讯 3月18日,经开区党工委副书记郭宏力带队到前程办事处开展调研。",
        [("ORG", "经开区党工委"), ("PER", "郭宏力"), ("ORG", "前程办事处")],
    ),
]


def write_gold(path: Path, sentences: list[tuple[str, list[tuple[str, str]]]]) -> Path:
    with path.open("w", encoding="utf-8") as out:
        for number, (text, entities) in enumerate(sentences):
            rows, cursor = [], 0
            for kind, name in entities:
                start = text.index(name, cursor)
                rows.append({"start": start, "end": start + len(name), "type": kind, "text": name})
                cursor = start + len(name)
            out.write(json.dumps({"id": f"seed-{number}", "text": text, "entities": rows}, ensure_ascii=False) + "\n")
    return path


def test_counts_are_exact_span_matches(tmp_path: Path) -> None:
    gold = write_gold(tmp_path / "gold.jsonl", [("张三在北京大学。", [("PER", "张三"), ("ORG", "北京大学")])])

    def predict(text: str) -> list[Mention]:
        # one exact PER, one ORG with the wrong boundary, one spurious LOC, one TIME to be ignored
        return [
            Mention("PER", 0, 2, "张三", "test"),
            Mention("ORG", 3, 5, "北京", "test"),
            Mention("LOC", 3, 5, "北京", "test"),
            Mention("TIME", 6, 7, "。", "test"),
        ]

    scores = evaluate_ner(gold, predict, types=["PER", "ORG", "LOC"])
    assert scores["PER"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0, "tp": 1, "fp": 0, "fn": 0}
    assert (scores["ORG"]["tp"], scores["ORG"]["fp"], scores["ORG"]["fn"]) == (0, 1, 1)
    assert (scores["LOC"]["tp"], scores["LOC"]["fp"], scores["LOC"]["fn"]) == (0, 1, 0)
    assert scores[OVERALL]["precision"] == pytest.approx(1 / 3)
    assert scores[OVERALL]["recall"] == pytest.approx(1 / 2)
    assert scores[OVERALL]["f1"] == pytest.approx(0.4)
    assert "TIME" not in scores
    table = format_table(scores)
    assert table.splitlines()[-1].split() == ["overall", "0.3333", "0.5000", "0.4000", "1", "2", "1"]


def test_type_map_renames_and_drops_types(tmp_path: Path) -> None:
    path = tmp_path / "fine.jsonl"
    row = {
        "id": "x",
        "text": "叶老桂在浙商银行",
        "entities": [
            {"start": 0, "end": 3, "type": "name", "text": "叶老桂"},
            {"start": 4, "end": 8, "type": "company", "text": "浙商银行"},
        ],
    }
    path.write_text(json.dumps(row, ensure_ascii=False) + "\n", encoding="utf-8")
    scores = evaluate_ner(path, lambda text: [Mention("PER", 0, 3, "叶老桂", "test")], type_map={"name": "PER"})
    assert set(scores) == {"PER", OVERALL}
    assert scores["PER"]["f1"] == 1.0


def test_a_broken_corpus_line_names_the_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(
        '{"id": "a", "text": "张三", "entities": [{"start": 0, "end": 1, "type": "PER", "text": "张三"}]}\n'
    )
    with pytest.raises(InputError, match=r"bad\.jsonl: line 1"):
        evaluate_ner(path, lambda text: [])


def test_shipped_model_scores_sanely_on_seed_sentences(tmp_path: Path) -> None:
    scores = evaluate_ner(write_gold(tmp_path / "seeds.jsonl", SEED_GOLD))
    assert scores["PER"]["f1"] >= 0.85
    assert scores[OVERALL]["f1"] >= 0.7
