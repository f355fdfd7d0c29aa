"""Places of events on the sentences of blind gold set 5 (tests/gold/blind5/pages), after its one run: towns named
only as the start of a site's name, towns after a conjunction, and sites cut or joined wrongly (kg/extract/places.py,
the place part of kg/extract/events.py, the place lexicons)."""

from __future__ import annotations

from pathlib import Path

from extract_helpers import events_and_places, page_events

from kg.model import Event

PAGES = Path(__file__).resolve().parent / "gold" / "blind5" / "pages"


def _page_events(file: str, headline: str) -> list[Event]:
    """The events of one article of a blind5 page, read as the CLI reads it (the page's own city)."""
    return page_events(PAGES, file, headline)


def _places(headline: str, *paragraphs: str) -> list[str]:
    events, _places = events_and_places(headline, *paragraphs)
    assert len(events) == 1
    return events[0].places


ZHECHENG = (
    "市人大常委会到柘城县开展食品安全执法检查",
    "本报讯（记者 李明 通讯员 张华）5月21日，市人大常委会执法检查组到柘城县开展食品安全执法检查。",
    "执法检查组一行先后来到柘城县辣椒大市场、河南椒源食品有限公司和起台镇中心学校食堂，实地察看农产品快速检测等情况。",
)

WUYANG = (
    "秦卫东到舞阳县调研盐化工产业发展时强调",
    "本报讯（记者 王强）6月3日，市委副书记秦卫东到舞阳县调研盐化工产业发展。",
    "秦卫东一行先后来到舞阳县盐化工产业园、漯河舞阳盐化科技有限公司和舞泉镇污水处理厂，走进企业生产车间、中控室，"
    "详细了解企业生产经营等情况。",
)

FANXIAN = (
    "市委第二督导组到范县督导防溺水工作",
    "本报讯（通讯员 冯雪 记者 魏振华）6月11日，市委第二督导组组长李瑞华带队到范县，督导学生防溺水工作开展情况。",
    "督导组一行先后深入陈庄镇中心校、王楼镇金堤河沿岸和杨集乡黄河滩区坑塘，实地查看警示标牌设置情况。",
)


def test_a_town_after_a_conjunction_is_named_whole() -> None:
    # 和起台镇, 和舞泉镇, 和杨集乡: 起, 舞 read as verbs and 集 as a measure word, but a conjunction opens the name
    _events, places = events_and_places(*ZHECHENG)
    assert places["起台镇"].level == "town"
    assert places["起台镇中心学校"].parent == "起台镇"
    _events, places = events_and_places(*WUYANG)
    assert places["舞泉镇"].level == "town"
    assert places["舞泉镇污水处理厂"].parent == "舞泉镇"
    _events, places = events_and_places(*FANXIAN)
    assert places["杨集乡"].level == "town"


def test_the_town_a_site_name_opens_with_is_a_place_of_the_event() -> None:
    assert {"起台镇中心学校", "起台镇", "柘城县"} <= set(_places(*ZHECHENG))
    assert {"舞泉镇污水处理厂", "舞泉镇", "舞阳县"} <= set(_places(*WUYANG))
    places = _places(
        "郾城区“老兵调解室”揭牌",
        "本报讯（记者 田慧敏）6月4日上午，郾城区退役军人事务局联合区司法局，在沙北街道退役军人服务站举行“老兵调解室”"
        "揭牌仪式。",
    )
    assert {"沙北街道退役军人服务站", "沙北街道", "郾城区"} <= set(places)
    # most specific first: the site before the town its name opens with
    assert places.index("沙北街道退役军人服务站") < places.index("沙北街道")


def test_a_room_of_the_premises_visited_is_no_place() -> None:
    places = _places(*WUYANG)
    assert "中控室" not in places  # 走进企业生产车间、中控室: inside the company visited
    assert "漯河舞阳盐化科技有限公司" in places


def test_a_river_naming_its_floodplain_is_no_place_of_the_event() -> None:
    (event,) = _page_events("f02_pyrb_qingfeng_nanle_fanxian.txt", "市委第二督导组到范县督导防溺水工作")
    assert "黄河" not in event.places  # 杨集乡黄河滩区坑塘: the ponds of the floodplain, in 杨集乡
    assert {"金堤河", "王楼镇", "杨集乡", "陈庄镇", "范县"} <= set(event.places)  # 王楼镇金堤河沿岸: the river itself


def test_a_filling_station_is_a_site_in_its_town() -> None:
    events, places = events_and_places(
        "向东升带队检查安全生产工作",
        "本报讯（记者 魏振华）4月16日，区委副书记、区长向东升带队检查安全生产工作。",
        "向东升一行先后来到小溪塔街道宜昌楚恒化工有限公司、龙泉镇中石化龙泉加油站和鸦鹊岭镇一处在建工地，"
        "详细查看危险化学品储存等情况。",
    )
    assert places["中石化龙泉加油站"].parent == "龙泉镇"
    assert {"中石化龙泉加油站", "龙泉镇", "鸦鹊岭镇"} <= set(events[0].places)


def test_a_river_section_word_after_a_town_keeps_the_river() -> None:
    # 会亭镇沱河段: 河段 is a word, but after the town the one character before it names the river
    (event,) = _page_events("f01_sqrb_zhecheng_yucheng_xiayi.txt", "夏邑县举行防汛应急抢险综合演练")
    assert {"沱河", "会亭镇", "夏邑县"} <= set(event.places)
    assert "沱河段" not in event.places


def test_a_river_section_named_by_its_division_is_one_site() -> None:
    (event,) = _page_events("f04_ycrb_yiling_zhijiang_dangyang.txt", "枝江开展长江禁捕专项督查")
    assert "长江枝江段" in event.places  # 沿长江枝江段先后来到…: the section in 枝江
    assert "长江" not in event.places  # 开展长江禁捕专项督查: the ban's river is its topic
    assert {"董市镇", "七星台镇", "百里洲镇", "枝江市"} <= set(event.places)


def test_a_big_market_after_its_county_is_a_site_and_the_national_market_none() -> None:
    (event,) = _page_events("f01_sqrb_zhecheng_yucheng_xiayi.txt", "市人大常委会到柘城县开展食品安全执法检查")
    assert {"柘城县辣椒大市场", "河南椒源食品有限公司", "起台镇中心学校", "起台镇", "柘城县"} <= set(event.places)
    _events, places = events_and_places("区委召开会议", "会议要求，要主动服务和融入全国统一大市场建设。")
    assert not any(name.endswith("大市场") for name in places)  # the economy, no premises


def test_a_river_section_is_named_the_same_when_its_division_is_a_known_short_name() -> None:
    # written: 郑州 is a known short name (a place span of its own), 枝江 only the gazetteer's; both name a section
    _events, places = events_and_places("区领导巡河", "区长王明沿黄河郑州段和贾鲁河巡查，来到花园口镇。")
    assert places["黄河郑州段"].level == "site"
    assert "贾鲁河" in places
    _events, places = events_and_places("区委召开会议", "会议要求，加强各河段和重点河段巡查。")
    assert not any(name.endswith(("河", "段")) for name in places)  # 河段 after a word or a determiner: no river
