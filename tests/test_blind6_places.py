"""Places of events on the sentences of blind gold set 6 (tests/gold/blind6/pages), after its one run: parks and
zones by new suffixes, a county's zone written with its short name, kinds of places that are no names, a measure
word ending a name, numbered roads (kg/extract/places.py, the place lexicons)."""

from __future__ import annotations

from pathlib import Path

from extract_helpers import events_and_places, page_events

PAGES = Path(__file__).resolve().parent / "gold" / "blind6" / "pages"
SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def _page_places(file: str, headline: str, pages: Path = PAGES) -> list[str]:
    """The places of the one event of an article of a page, read as the CLI reads it."""
    (event,) = page_events(pages, file, headline)
    return event.places


LINGBAO = ("g01_smxrb_hubin_lingbao_mianchi_lushi.txt", "市政协调研灵宝市苹果产业高质量发展")
LUSHI = ("g01_smxrb_hubin_lingbao_mianchi_lushi.txt", "卢氏县开展安全生产专项督导")
QIXIAN = ("g02_hbrb_qibin_xunxian_qixian.txt", "淇县开展全民国防教育日主题宣传活动")
LINQING = ("g03_lcrb_dongchangfu_linqing_yanggu_chiping.txt", "临清市委书记调研轴承产业集群发展")
JIESHOU = ("g04_fyrb_yingzhou_jieshou_linquan.txt", "界首市领导检查企业安全生产工作")


def test_a_logistics_park_after_its_city_is_named_with_it_and_the_company_after_it_is_visited() -> None:
    # 来到寺河乡寺河山苹果标准化示范园、灵宝市果品冷链物流园和灵宝市金地果业有限公司: 物流园 is a zone's suffix, so the
    # list of places visited goes on to the company at its end
    places = _page_places(*LINGBAO)
    assert {"灵宝市果品冷链物流园", "灵宝市金地果业有限公司", "寺河山苹果标准化示范园"} <= set(places)
    assert places[-1] == "灵宝市"


def test_a_trading_centre_is_a_site() -> None:
    places = _page_places(*LINQING)  # 先后来到烟店轴承商贸城、临清市鑫达轴承有限公司和烟店镇轴承产业园标准化厂房项目…
    assert {"烟店轴承商贸城", "临清市鑫达轴承有限公司", "烟店镇轴承产业园", "烟店镇", "临清市"} == set(places)


def test_a_zone_kind_written_with_another_citys_short_name_is_that_citys_zone_and_holds_a_named_park() -> None:
    # 到界首高新区田营科技园部分企业检查: not the home city's 高新区, and the park is a name of its own inside it
    _events, places = events_and_places(
        "界首市领导检查企业安全生产工作",
        "本报讯（记者 刘畅 通讯员 周子涵）3月19日，界首市委副书记、市长林志国带队，到界首高新区田营科技园部分企业检查"
        "安全生产工作。",
    )
    assert places["界首高新区"].parent == "界首市"
    assert "田营科技园" in places
    assert "高新区" not in places and "界首高新区田营科技园" not in places
    assert {"界首高新区", "田营科技园", "界首市"} <= set(_page_places(*JIESHOU))


def test_a_room_of_the_premises_and_a_list_of_kinds_of_places_are_no_places() -> None:
    # 深入生产车间、原料仓库和危险废物暂存间: a room; 对非煤矿山、旅游景区和在建工程项目…进行专项督导: kinds, no names
    assert "原料仓库" not in _page_places(*JIESHOU)
    places = _page_places(*LUSHI)
    assert not any(p.startswith("旅游景区") for p in places)
    assert "豫西大峡谷景区" in places


def test_a_numbered_road_and_the_works_site_of_its_project_are_one_place() -> None:
    # 来到豫西大峡谷景区、卢氏县宏达矿业有限公司和杜关镇国道209线改建工程施工现场
    _events, places = events_and_places(
        "卢氏县开展安全生产专项督导",
        "本报讯 6月10日，卢氏县委副书记张彦斌深入杜关镇督导。",
        "督导组先后来到豫西大峡谷景区、卢氏县宏达矿业有限公司和杜关镇国道209线改建工程施工现场，详细了解情况。",
    )
    assert places["国道209线改建工程施工现场"].parent == "杜关镇"
    assert "国道209线改建工程施工现场" in _page_places(*LUSHI)


def test_a_measure_word_character_ends_a_park_name_after_nouns() -> None:
    # 在摘星台公园举行: 台 reads as a measure word, yet 摘星台 is the park's name
    assert _page_places(*QIXIAN) == ["摘星台公园", "淇县"]
    _events, places = events_and_places("淇县开展宣传活动", "本报讯 9月21日上午，宣传活动在一座公园举行。")
    assert not any(name.endswith("公园") for name in places)  # a numeral and a measure word name no park


def test_a_zone_kind_with_its_district_character_is_one_suffix() -> None:
    # 产业园区 is not 产业园 and a stray 区; a zone's kind right after its city is its whole name there
    _events, places = events_and_places(
        "市领导到长葛市调研",
        "本报讯 5月3日，市委书记张三到长葛市调研。",
        "张三先后来到长葛市大周产业园区和长葛市科技园区，察看企业生产情况。",
    )
    assert {"长葛市大周产业园区", "长葛市科技园区"} <= set(places)
    assert "长葛市大周产业园" not in places


def test_a_generic_part_of_a_zone_stays_one_name_with_it() -> None:
    # seeds: 中原区政协对二砂文化创意园核心片区…进行视察 (a zone and a generic part: one site, not a park in a zone)
    places = _page_places("001_9e9a5bf4a5e2b228.txt", "中原区政协组织核心片区建设专题视察", SEEDS)
    assert "二砂文化创意园核心片区" in places
    assert "二砂文化创意园" not in places
