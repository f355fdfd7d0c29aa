"""Bodies, roles and places the fourth blind set (tests/gold/blind4) showed wrong: general rules and lexicon
lines, tested on the pages' own sentences.

Sentences marked "written for the test" are not from any page: they check that a rule holds elsewhere.
"""

from __future__ import annotations

from extract_helpers import body_roles, doc_of, first_event, posts_of

DENGZHOU = (
    "邓州市委常委会召开会议\n本报讯（通讯员 王晨 李冰）6月10日下午，邓州市委书记司马卫东主持召开市委常委会会议，"
    "传达学习习近平总书记近期重要讲话精神和省委十一届九次全会精神。邓州市委副书记、市长杨晓帆，市委副书记范文博"
    "及市委常委出席会议，市人大常委会、市政协主要负责同志列席会议。"
)

# --- 1. a county-level city only the gazetteer knows: its own article's bare 市 is its own ------------------


def test_bare_city_in_a_county_level_citys_own_article() -> None:
    doc = doc_of(DENGZHOU)
    assert ("副书记", "邓州市委") in posts_of(doc, "范文博")
    roles = body_roles(first_event(DENGZHOU))
    assert roles.get("邓州市人大常委会") == "attended"
    assert roles.get("邓州市政协") == "attended"
    assert not any(name.startswith("郑州市") for name in roles)


# --- 2. a group named for one visit: the body that sent it is the visitor -----------------------------------


def test_visit_group_of_a_body_makes_the_body_the_visitor() -> None:
    event = first_event(
        "市人大常委会调研组到淅川县调研丹江口库区水源地保护工作\n本报讯（记者 韩晓东 通讯员 贺帆）6月11日上午，"
        "市人大常委会副主任欧阳明远带领调研组到淅川县，就丹江口库区水源地生态环境保护开展调研。淅川县委副书记、"
        "县长郜立群，县人大常委会主任宋春玲陪同调研。"
    )
    roles = body_roles(event)
    assert roles.get("南阳市人大常委会") == "visitor"  # 淅川县 is a county of 南阳市
    assert not any(name.endswith("调研组") for name in roles)
    event = first_event(
        "市政协视察组到罗山县视察红色旅游融合发展工作\n本报讯（记者 周涛）7月3日，市政协副主席上官婧带领部分"
        "市政协委员到罗山县，视察红色旅游与乡村振兴融合发展情况。罗山县委副书记、县长项红卫，县政协主席吴德胜陪同视察。"
    )
    assert body_roles(event).get("信阳市政协") == "visitor"

