"""Bodies, officials, dates and roles the sixth blind set (tests/gold/blind6) showed wrong: general rules and
lexicon lines, tested on the pages' own sentences (read from the pages, so kickers count as they do there).

Sentences marked "written for the test" are not from any page: they check that a rule holds elsewhere.
"""

from __future__ import annotations

from pathlib import Path

from extract_helpers import body_roles, doc_of, first_event, page_article, page_event, posts_of

from kg.extract.dates import parse_dates
from kg.extract.divisions import title_county_city
from kg.extract.pipeline import analyse
from kg.extract.visits import visit_words
from kg.settings import Settings

PAGES = Path(__file__).parent / "gold" / "blind6" / "pages"
SANMENXIA = "g01_smxrb_hubin_lingbao_mianchi_lushi.txt"
HEBI = "g02_hbrb_qibin_xunxian_qixian.txt"


# --- 1. a county whose name is one character writes its party committee 浚县县委 ------------------------------


def test_one_character_county_keeps_its_committee_as_written() -> None:
    doc = analyse(page_article(PAGES / HEBI, "浚县县委理论学习中心组"), Settings(home_city="鹤壁市"))
    assert posts_of(doc, "张国栋") == [("书记", "浚县县委")]
    assert ("副书记", "浚县县委") in posts_of(doc, "李明远")
    assert ("县长", "浚县政府") in posts_of(doc, "李明远")  # the government takes the county's name alone
    assert "浚县人大常委会" in doc.bodies and "浚县委" not in doc.bodies


def test_page_writing_the_doubled_form_doubles_another_county_too() -> None:
    # the 淇县 article writes only 县委常委、宣传部部长; its page writes 浚县县委: the paper's way
    doc = analyse(page_article(PAGES / HEBI, "淇县开展全民国防教育日"), Settings(home_city="鹤壁市"))
    assert posts_of(doc, "宋佳") == [("常委", "淇县县委"), ("部长", "淇县县委宣传部")]
    assert ("部长", "淇县人武部") in posts_of(doc, "周涛")  # other bodies take the county's name alone
    event = page_event(PAGES / HEBI, "淇县开展全民国防教育日", Settings(home_city="鹤壁市"))
    assert body_roles(event).get("淇县县委宣传部") == "organiser"


def test_one_character_county_without_the_doubled_form_stays_single() -> None:
    # written for the test: a page that never writes 郏县县委: its bare 县委 is 郏县委 (as blind2 reads it)
    doc = doc_of("郏县召开座谈会\n3月5日，郏县召开座谈会。县委书记吴振华主持会议。")
    assert posts_of(doc, "吴振华") == [("书记", "郏县委")]


# --- 2. the paper's 市 visiting a county-level city the title names after a visit word -----------------------


def test_title_naming_the_visited_city_after_a_visit_word_is_no_own_city() -> None:
    going = visit_words().to + visit_words().at_verbs
    titles = "做强“灵宝苹果”金字招牌\n市政协调研灵宝市苹果产业高质量发展"
    lead = ("6月9日，市政协主席李振华带领部分市政协委员到灵宝市，就苹果产业高质量发展情况开展专题调研。"
            "市政协副主席杨春燕，灵宝市委副书记、市长王军涛陪同调研。")
    assert title_county_city(titles, lead, going) is None
    # the city's own article (临清市委书记调研…) still gives its bare 市 to it
    own = "临清市委书记调研轴承产业集群发展"
    assert title_county_city(own, "11月5日，临清市委书记孟庆华到烟店镇调研。", going) == "临清市"


def test_prefecture_body_visiting_a_county_level_city_is_the_visitor() -> None:
    settings = Settings(home_city="三门峡市")
    event = page_event(PAGES / SANMENXIA, "市政协调研灵宝市", settings)
    roles = body_roles(event)
    assert roles.get("三门峡市政协") == "visitor"
    assert "灵宝市政协" not in roles  # 贡献政协力量: a kind qualifying a noun names no body
    doc = analyse(page_article(PAGES / SANMENXIA, "市政协调研灵宝市"), settings)
    assert posts_of(doc, "李振华") == [("主席", "三门峡市政协")]
    assert posts_of(doc, "杨春燕") == [("副主席", "三门峡市政协")]


# --- 3. 当天 opening a sentence is the day the sentence before names ----------------------------------------


def test_same_day_word_takes_the_day_named_before() -> None:
    text = "9月21日是第24个全民国防教育日。当天上午，由县人武部主办的主题宣传活动在摘星台公园举行。"
    dates = [d for _m, d in parse_dates(text)]
    assert [(d.month, d.day, d.relative) for d in dates] == [(9, 21, False), (9, 21, False)]
    assert dates[1].part_of_day == "morning"
    event = page_event(PAGES / HEBI, "淇县开展全民国防教育日", Settings(home_city="鹤壁市"))
    assert event.date is not None and (event.date.year, event.date.month, event.date.day) == (2024, 9, 21)


def test_same_day_word_inside_a_sentence_stays_relative() -> None:
    # written for the test: 活动当天 is the day of the activity, not of the date before
    dates = [d for _m, d in parse_dates("3月1日起报名，活动当天免费开放。")]
    assert dates[-1].relative and dates[-1].day is None


def test_same_day_word_with_no_day_before_stays_relative() -> None:
    # written for the test: 当天 with no day named before it in its paragraph stays relative
    event = first_event("县里举行演练\n当天上午，县应急管理局在县城举行防汛演练。")
    assert event.date is None or event.date.relative


# --- 4. the group a leader brings is the visitor -----------------------------------------------------------


def test_standing_group_brought_by_its_leader_is_the_visitor() -> None:
    event = page_event(PAGES / SANMENXIA, "卢氏县开展安全生产专项督导", Settings(home_city="三门峡市"))
    assert event.kind == "supervision"
    assert body_roles(event).get("卢氏县安委会第二督导组") == "visitor"


def test_bodies_making_up_an_unnamed_joint_group_are_visitors() -> None:
    page = "g03_lcrb_dongchangfu_linqing_yanggu_chiping.txt"
    event = page_event(PAGES / page, "茌平区开展清洁取暖专项督查", Settings(home_city="聊城市"))
    roles = body_roles(event)
    for body in ("茌平区纪委监委", "茌平区住房城乡建设局", "茌平区供热办"):
        assert roles.get(body) == "visitor", body


# --- 5. 任演练总指挥 is a role at the drill, no post of the name after the comma ------------------------------


def test_drill_commander_is_no_post_of_the_next_name() -> None:
    doc = analyse(page_article(PAGES / SANMENXIA, "渑池县举行防汛抢险综合应急演练"), Settings(home_city="三门峡市"))
    assert all(title != "演练总指挥" for title, _body in posts_of(doc, "孙国庆"))
    assert ("常务副县长", "渑池县政府") in posts_of(doc, "孙国庆")
    # written for the test: the same with 担任总指挥
    doc = doc_of("某县举行演练\n5月8日，演练在某镇举行。副县长李强担任总指挥，县委常委王刚出席。")
    assert all(title != "总指挥" for title, _body in posts_of(doc, "王刚"))


# --- 厂房 is a building, not a factory ----------------------------------------------------------------------


def test_factory_building_is_no_body() -> None:
    page = "g03_lcrb_dongchangfu_linqing_yanggu_chiping.txt"
    article = page_article(PAGES / page, "临清市委书记调研轴承产业集群发展")
    doc = analyse(article, Settings(home_city="聊城市"))
    assert not any(name.endswith("标准化厂") for name in doc.bodies)
    event = page_event(PAGES / page, "临清市委书记调研轴承产业集群发展", Settings(home_city="聊城市"))
    assert body_roles(event).get("临清市鑫达轴承有限公司") == "inspected"
