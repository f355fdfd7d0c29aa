"""The shipped CRF model: it loads, tags real seed sentences, and keeps offsets exact."""

from __future__ import annotations

import multiprocessing
import pickle
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from pathlib import Path

import pytest

from kg.model import Mention
from kg.ner import find_entities, find_entities_batch
from kg.ner.tagger import MODEL_PATH, ModelMissingError, load_tagger, sentence_spans

SEED_SENTENCE = "郑州市人大常委会副主任蔡红,惠济区委副书记、区长丁文霞,区人大常委会副主任刘满仓等一同考察并介绍情况。"


def spans(mentions: list[Mention]) -> set[tuple[str, str]]:
    return {(m.type, m.text) for m in mentions}


def test_model_ships_small_inside_the_package() -> None:
    assert MODEL_PATH.is_file()
    assert MODEL_PATH.stat().st_size < 20_000_000
    assert load_tagger() is load_tagger()  # loaded once per process


def test_title_chain_name_is_a_person() -> None:
    mentions = find_entities("惠济区委副书记、区长丁文霞")
    person = [m for m in mentions if m.type == "PER"]
    assert [(m.text, m.start, m.end, m.source) for m in person] == [("丁文霞", 10, 13, "crf")]
    assert 0.5 < person[0].confidence <= 1.0


def test_seed_sentence_people_and_bodies() -> None:
    found = spans(find_entities(SEED_SENTENCE))
    assert {("PER", "蔡红"), ("PER", "丁文霞"), ("PER", "刘满仓")} <= found
    assert ("ORG", "郑州市人大常委会") in found


def test_a_list_of_leaders_is_a_list_of_people() -> None:
    text = (
        "区领导乔耸、李晓雷、杜建强、李长义、刘守斌、薛晓军、成小波等区委理论学习中心组成员,全区各单位主要负责人参会。"
    )
    people = {m.text for m in find_entities(text) if m.type == "PER"}
    assert len(people & {"乔耸", "李晓雷", "杜建强", "李长义", "刘守斌", "薛晓军", "成小波"}) >= 6


def test_offsets_hold_over_a_whole_seed_page(seed_files: list[Path]) -> None:
    text = seed_files[0].read_text(encoding="utf-8")
    mentions = find_entities(text)
    assert len(mentions) > 20
    assert {m.type for m in mentions} <= {"PER", "ORG", "LOC"}
    for m in mentions:
        assert text[m.start : m.end] == m.text
        assert 0.0 < m.confidence <= 1.0
    starts = [m.start for m in mentions]
    assert starts == sorted(starts)


def test_batch_equals_one_by_one() -> None:
    texts = [SEED_SENTENCE, "", "惠济区委副书记、区长丁文霞"]
    assert find_entities_batch(texts) == [find_entities(t) for t in texts]


def test_blank_and_empty_text_have_no_mentions() -> None:
    assert find_entities("") == []
    assert find_entities("\n\n  \n") == []


def test_sentence_spans_cover_the_text_in_order() -> None:
    text = "第一句。第二句!\n\n第三句"
    pieces = [text[a:b] for a, b in sentence_spans(text)]
    assert pieces == ["第一句。", "第二句!\n\n", "第三句"]


def test_mentions_pickle_and_tagging_works_in_a_fresh_process() -> None:
    mentions = find_entities(SEED_SENTENCE)
    assert pickle.loads(pickle.dumps(mentions)) == mentions
    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as pool:
        assert pool.submit(find_entities, SEED_SENTENCE).result() == mentions


def test_threads_each_tag_with_their_own_tagger(seed_files: list[Path]) -> None:
    sentences = [s for s in seed_files[1].read_text(encoding="utf-8").split("。") if s.strip()][:40]
    alone = [find_entities(s) for s in sentences]
    with ThreadPoolExecutor(4) as pool:
        assert list(pool.map(find_entities, sentences)) == alone


def test_a_missing_model_is_a_one_line_error(tmp_path: Path) -> None:
    with pytest.raises(ModelMissingError, match=r"scripts/train_ner\.py"):
        find_entities("丁文霞", model=tmp_path / "absent.crfsuite")
