"""Dates and the year of an article: real phrases from the seeds and from other news."""

from __future__ import annotations

from dataclasses import replace

from kg.extract.dates import complete_year, infer_year, is_report_date, parse_dates, resolve_relative, year_evidence
from kg.model import Article, EventDate
from kg.settings import Settings


def _one(text: str) -> EventDate:
    found = parse_dates(text)
    assert len(found) == 1, found
    mention, date = found[0]
    assert text[mention.start : mention.end] == mention.text == date.text
    assert mention.type == "TIME"
    return date


def _article(text: str, file: str = "nowhere/000_page.txt", position: int = 0) -> Article:
    return Article(id=f"a-{position}", file=file, position=position, headline=text.split("\n")[0], text=text)


def test_month_day_and_part_of_day() -> None:
    date = _one("本报讯 4月8日上午,郑州市人大常委会主任胡荃陪同")
    assert (date.month, date.day, date.part_of_day, date.year) == (4, 8, "morning", None)
    assert date.iso() == "--04-08"


def test_day_with_clock_time_takes_month_from_context() -> None:
    found = parse_dates("4月9日上午,在中原区颍河路166—171号院。9日早上7点半,20余名志愿者来到小区内")
    assert [d.text for _m, d in found] == ["4月9日上午", "9日早上7点半"]
    assert (found[1][1].month, found[1][1].day, found[1][1].part_of_day) == (4, 9, "morning")


def test_day_without_month_context_stays_open() -> None:
    date = _one("8日下午3点,郑州幼儿师范高等专科学校一名新冠肺炎“确诊”者")
    assert (date.month, date.day, date.part_of_day) == (None, 8, "afternoon")
    assert date.iso() is None


def test_plain_and_full_dates() -> None:
    assert _one("本报讯 3月16日,市委督查室").iso() == "--03-16"
    assert _one("11月1日上午,高新区党工委").part_of_day == "morning"
    assert _one("11月4日一大早,高新区").part_of_day == "early_morning"
    assert _one("2021年4月8日,开封市人大").iso() == "2021-04-08"


def test_relative_dates_keep_their_text() -> None:
    for text, word in [
        ("昨日上午,郑州公交", "昨日上午"),
        ("连日来,二七区", "连日来"),
        ("张红军日前在管委会", "日前"),
        ("近日,荥阳市汜水镇", "近日"),
        ("近期,汜水镇认真贯彻", "近期"),
    ]:
        date = _one(text)
        assert date.relative and date.text == word and date.iso() is None


def test_numbers_that_are_not_dates() -> None:
    assert parse_dates("通报1~2月份全市城市精细化管理工作考核成绩") == []
    assert parse_dates("在中原区颍河路166—171号院") == []
    assert parse_dates("这座始建于20世纪五六十年代的家属院") == []
    assert parse_dates("第一时间向9家单位下发交办函,累计接种11.8万余剂次") == []


def test_report_date_is_not_event_date() -> None:
    text = "记者4月10日获悉,为进一步推进"
    mention, _date = parse_dates(text)[0]
    assert is_report_date(text, mention.end)
    text = "记者昨日从二七区获悉,根据"
    mention, _date = parse_dates(text)[0]
    assert is_report_date(text, mention.end)
    text = "4月13日上午,由郑州市总工会主办"
    mention, _date = parse_dates(text)[0]
    assert not is_report_date(text, mention.end)


def test_year_evidence_from_the_text() -> None:
    assert year_evidence("庆祝中国共产党成立100周年").most_common(1)[0][0] == 2021
    assert year_evidence("为迎接中华人民共和国成立71周年").most_common(1)[0][0] == 2020
    assert year_evidence("建立《二七区2022年项目建设工作台账》").most_common(1)[0][0] == 2022
    assert year_evidence("对2023年第一季度全市政府网站").most_common(1)[0][0] == 2023
    assert year_evidence("召开2020年度第九次集体学习(扩大)会议").most_common(1)[0][0] == 2020
    # historic and target years are no evidence of the current year
    assert not year_evidence("这座始建于1958年的家属院,力争到2025年建成")
    assert not year_evidence("始建于20世纪五六十年代")


def test_infer_year_order_of_evidence(tmp_path) -> None:
    own = _article("全市健步走\n4月13日上午,庆祝中国共产党成立100周年")
    assert infer_year(own, Settings()) == 2021
    # the page's date outranks the article; --year comes last
    page = tmp_path / "000_page.txt"
    page.write_text("甲\n4月8日上午,考察\n\n乙\n庆祝中国共产党成立100周年\n", encoding="utf-8")
    silent = _article("开封市人大到惠济区考察\n4月8日上午,考察", file=str(page))
    assert infer_year(silent, Settings(page_dates={"000_page.txt": "2021-04-09"})) == 2021
    assert infer_year(silent, Settings(year=1999)) == 2021  # from the neighbour on the same page
    neighbours = [silent, _article("乙\n2019年度工作会议", file=str(page), position=1)]
    assert infer_year(silent, Settings(), page=neighbours) == 2019
    lonely = _article("考察\n4月8日上午,考察", file=str(tmp_path / "missing.txt"))
    assert infer_year(lonely, Settings(year=2018)) == 2018
    assert infer_year(lonely, Settings()) is None


def test_complete_year_and_relative_dates_with_a_page_date() -> None:
    article = _article("x", file="pages/005_x.txt")
    settings = Settings(page_dates={"005_x": "2021-01-03"})
    december = EventDate("12月30日", month=12, day=30)
    assert complete_year(december, article, settings, None).iso() == "2020-12-30"
    april = EventDate("4月8日", month=4, day=8)
    assert complete_year(april, article, Settings(), 2021).iso() == "2021-04-08"
    yesterday = EventDate("昨日上午", part_of_day="morning", relative=True)
    assert resolve_relative(yesterday, article, settings).iso() == "2021-01-02"
    assert resolve_relative(yesterday, article, Settings()) == yesterday
    assert complete_year(replace(april, year=2019), article, Settings(), 2021).year == 2019


def test_festival_dates_are_relative() -> None:
    date = _one("春节前夕,区委书记走访慰问困难群众")
    assert date.relative and date.text == "春节前夕"
    assert _one("在清明节期间,郑东新区纪检监察工委").text == "清明节期间"
    found = parse_dates("5月20日至21日,全市举办")
    assert [(d.month, d.day) for _m, d in found] == [(5, 20), (5, 21)]


def test_bare_day_takes_month_from_the_page_date() -> None:
    article = _article("x", file="pages/002_x.txt")
    settings = Settings(page_dates={"002_x.txt": "2022-04-11"})
    bare = EventDate("8日下午3点", day=8, part_of_day="afternoon")
    assert complete_year(bare, article, settings, None).iso() == "2022-04-08"
    late = EventDate("28日", day=28)
    assert complete_year(late, article, settings, None).iso() == "2022-03-28"
    assert complete_year(bare, article, Settings(), 2022) == bare  # no page date: the month stays open
