"""The CRF's lexicon features on real seed sentences: dictionary words off jieba's path, longest
matches, and candidate names built of words that end with an organisation or place ending."""

from __future__ import annotations

import kg.ner.tagger
import kg.ner.train
from kg.ner.features import sentence_features

SEED_SENTENCE = "郑州市人大常委会副主任蔡红,惠济区委副书记、区长丁文霞一同考察。"


def features_of(text: str, char: str, nth: int = 0) -> set[str]:
    rows = sentence_features(text)
    index = [i for i, c in enumerate(text) if c == char][nth]
    return set(rows[index])


def test_one_row_of_features_per_character() -> None:
    rows = sentence_features(SEED_SENTENCE)
    assert len(rows) == len(SEED_SENTENCE)
    assert all(row[0] == "b" and f"c={c}" in row for c, row in zip(SEED_SENTENCE, rows, strict=True))


def test_dictionary_words_off_jiebas_path_are_marked() -> None:
    # jieba cuts 郑州市 | 人大常委会; the place 郑州 inside 郑州市 is still seen, and 市人大 (an abbreviation)
    # across jieba's word boundary too
    assert "Jns]" in features_of(SEED_SENTENCE, "州")
    assert {"Jns]", "JjB", "LnsE3"} <= features_of(SEED_SENTENCE, "市")


def test_longest_dictionary_body_over_each_character() -> None:
    assert "LntB5" in features_of(SEED_SENTENCE, "人")
    assert "LntM5" in features_of(SEED_SENTENCE, "常")
    assert "LntE5" in features_of(SEED_SENTENCE, "会")


def test_body_chains_run_from_the_first_name_word_to_the_ending() -> None:
    # 郑州市 + 人大常委会 (ending 常委会): a chain of two words; 惠济 + 区委 likewise
    assert "OC[2" in features_of(SEED_SENTENCE, "郑")
    assert "OCs" in features_of(SEED_SENTENCE, "人")  # the body may also begin at its second word
    assert "OC]" in features_of(SEED_SENTENCE, "会")
    assert "OC[2" in features_of(SEED_SENTENCE, "惠")
    assert "OC]" in features_of(SEED_SENTENCE, "委", nth=1)
    # a title and a person are no body
    assert not any(f.startswith("OC") for f in features_of(SEED_SENTENCE, "蔡"))


def test_training_and_tagging_share_one_feature_function() -> None:
    assert kg.ner.train.sentence_features is kg.ner.tagger.sentence_features is sentence_features
