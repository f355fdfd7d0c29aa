"""The small rules around the CRF: TIME mentions and joining dotted foreign names."""

from __future__ import annotations

from kg.ner.tagger import join_name_parts
from kg.ner.timex import find_times


def times(text: str) -> list[str]:
    found = find_times(text)
    for m in found:
        assert text[m.start : m.end] == m.text and m.type == "TIME"
    return [m.text for m in found]


def test_dates_from_the_seeds() -> None:
    assert times("本报讯 4月8日上午,郑州市人大常委会主任胡荃陪同") == ["4月8日上午"]
    assert times("中原区委理论学习中心组召开2020年度第九次集体学习") == ["2020年"]
    assert times("本报讯 9月7日上午,中原区喜迎中华人民共和国成立71周年") == ["9月7日上午"]


def test_full_dates_clock_times_and_relative_days() -> None:
    assert times("2021年4月8日下午3时30分,会议召开。") == ["2021年4月8日下午3时30分"]
    assert times("日前,记者从市委获悉") == ["日前"]
    assert times("昨日上午9点,检查组到达") == ["昨日上午9点"]


def test_numbers_that_are_not_dates() -> None:
    assert times("累计建成并开放区级公园4个、游园51个") == []
    assert times("成立71周年") == []


def test_dotted_foreign_name_parts_become_one_person() -> None:
    sentence = "秘书长瓦尔特·沙佛尔霍夫、奥记者"
    spans = [(3, 6, "PER"), (7, 12, "PER")]
    assert join_name_parts(sentence, spans) == [(3, 12, "PER")]


def test_other_neighbours_stay_apart() -> None:
    sentence = "美国·中国"
    assert join_name_parts(sentence, [(0, 2, "LOC"), (3, 5, "LOC")]) == [(0, 2, "LOC"), (3, 5, "LOC")]
    sentence = "李明、王红"
    assert join_name_parts(sentence, [(0, 2, "PER"), (3, 5, "PER")]) == [(0, 2, "PER"), (3, 5, "PER")]
