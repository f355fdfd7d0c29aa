"""Places of events on the sentences of blind gold set 7 (tests/gold/blind7/pages), after its one run: a river's
section in a one-character county before the town it runs through, lakes and reserves (kg/extract/places.py, the
place lexicons)."""

from __future__ import annotations

from pathlib import Path

from extract_helpers import events_and_places, page_events

PAGES = Path(__file__).resolve().parent / "gold" / "blind7" / "pages"


def _page_places(file: str, headline: str) -> list[str]:
    """The places of the one event of an article of a page, read as the CLI reads it."""
    (event,) = page_events(PAGES, file, headline)
    return event.places


MEIXIAN = ("h01_bjrb_chencang_qishan_meixian_fengxiang.txt", "眉县开展防汛抢险综合应急演练")


def test_a_river_section_in_a_one_character_county_ends_before_the_town() -> None:
    _events, places = events_and_places(
        "眉县开展防汛抢险综合应急演练",
        "本报讯（记者 宁可）6月14日上午，眉县2023年防汛抢险综合应急演练在渭河眉县段常兴镇尚家村河段举行。",
    )
    assert places["常兴镇"].parent == "眉县"
    assert places["尚家村"].parent == "常兴镇"
    assert not any(name.startswith(("段", "渭河")) for name in places)
    assert _page_places(*MEIXIAN) == ["尚家村", "常兴镇", "眉县"]


HANSHOU = ("h03_cdrb_hanshou_dingcheng_jinshi_lixian.txt", "市人大常委会执法检查组到汉寿县检查洞庭湖保护条例实施情况")


def test_a_nature_reserve_is_one_site_and_a_lake_naming_a_regulation_or_rivers_and_lakes_are_no_places() -> None:
    events, places = events_and_places(
        "市人大常委会执法检查组到汉寿县检查洞庭湖保护条例实施情况",
        "本报讯 11月9日至10日，市人大常委会执法检查组到汉寿县检查洞庭湖保护条例实施情况。检查组一行深入"
        "西洞庭湖国家级自然保护区、坡头镇退养还湿区域、沧港镇河湖岸线整治点，实地察看湿地生态修复。",
    )
    assert places["西洞庭湖国家级自然保护区"].level == "site"
    assert "西洞庭湖" not in places and "河湖" not in places
    (event,) = events
    assert "洞庭湖" not in event.places  # the topic of the regulation, not where the inspection went
    assert event.places[:3] == ["西洞庭湖国家级自然保护区", "坡头镇", "沧港镇"]
    assert "西洞庭湖国家级自然保护区" in _page_places(*HANSHOU)


def test_a_town_of_three_characters_after_a_visit_word_is_named_whole() -> None:
    _events, places = events_and_places(
        "澧县抓实油菜秋冬种",
        "本报讯（记者 彭琳）11月8日，澧县县委书记彭卫东深入码头铺镇、城头山镇，调研油菜秋冬种工作。",
    )
    assert places["码头铺镇"].level == "town"  # 铺 reads as a verb, but after 深入 the three characters are the name
    assert places["码头铺镇"].parent == "澧县"
    assert "铺镇" not in places


JIYUAN_FILE = "h04_jyrb_jiyuan_kejing_wangwu_yuquan.txt"


def test_a_city_governed_by_a_zone_is_named_by_the_zone() -> None:
    meeting = _page_places(JIYUAN_FILE, "示范区召开创建全国文明城市工作推进会")
    assert meeting == ["济源示范区"]  # 济源示范区召开…推进会: the zone holds it
    visit = _page_places(JIYUAN_FILE, "示范区开展三季度重点项目建设观摩")
    assert visit[-1] == "济源示范区" and "济源市" not in visit  # the towns of 济源市 close with the zone governing it
    assert visit[3:6] == ["克井镇", "玉泉街道", "五龙口镇"]


def test_a_county_level_city_in_its_prefecture_keeps_its_own_name() -> None:
    events, places = events_and_places("荥阳市召开安全生产工作会议", "本报讯 3月5日，荥阳市召开安全生产工作会议。")
    assert places["荥阳市"].parent == "郑州市"
    (event,) = events
    assert event.places == ["荥阳市"]


def test_a_site_named_after_the_town_around_it_lies_in_it_and_the_festival_named_after_it_is_no_place() -> None:
    events, places = events_and_places(
        "王屋山愚公文化旅游节开幕",
        "本报讯（记者 李晶）9月3日上午，王屋山愚公文化旅游节在王屋山景区开幕。本届旅游节由王屋镇政府承办。",
        "王屋镇党委书记宋志刚在致辞中说，近年来王屋镇坚持文旅融合。",
    )
    assert places["王屋山景区"].parent == "王屋镇"  # 王屋|山景区: the town's name without 镇 opens the site's
    (event,) = events
    assert event.places[:2] == ["王屋山景区", "王屋镇"]
    assert "王屋山" not in event.places  # it names the festival (王屋山|愚公文化旅游节)
    assert _page_places(JIYUAN_FILE, "王屋山愚公文化旅游节开幕") == ["王屋山景区", "王屋镇", "济源示范区"]


def test_a_town_named_after_a_river_does_not_hold_the_rivers_sites() -> None:
    _events, places = events_and_places(
        "惠济区开展黄河滩地公园环境整治",
        "本报讯 3月5日，惠济区在黄河滩地公园开展环境整治活动，黄河街道、花园口镇组织志愿者参加。",
    )
    assert places["黄河滩地公园"].parent != "黄河街道"  # 黄河 is a river's name, not the town's own
