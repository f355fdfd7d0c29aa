"""Persons, roles and bodies the seventh blind set (tests/gold/blind7) showed wrong: general rules and lexicon
lines, tested on the pages' own sentences (read from the pages, so kickers count as they do there)."""

from __future__ import annotations

from pathlib import Path

from extract_helpers import body_roles, doc_of, page_article, page_event, person_roles

from kg.extract.pipeline import extract_article
from kg.settings import Settings

PAGES = Path(__file__).parent / "gold" / "blind7" / "pages"
CHANGDE = "h03_cdrb_hanshou_dingcheng_jinshi_lixian.txt"
XUZHOU = "h02_xzrb_peixian_suining_jiawang.txt"
JIYUAN = "h04_jyrb_jiyuan_kejing_wangwu_yuquan.txt"


def test_a_quoted_grain_grower_is_a_person_who_speaks() -> None:
    # 种粮大户邓友才说: a kind of farmer (person_nouns.txt) before the name
    roles = person_roles(page_event(PAGES / CHANGDE, "澧县抓实油菜秋冬种"))
    assert roles.get("邓友才") == "spoke"
    assert roles.get("彭卫东") == "led"  # the visit's leader keeps his role


def test_an_official_who_reports_at_a_meeting_speaks_there() -> None:
    # 示范区文明办主任陈永华通报了近期创文工作督查情况
    roles = person_roles(page_event(PAGES / JIYUAN, "创建全国文明城市工作推进会"))
    assert roles.get("陈永华") == "spoke"
    assert roles.get("李卫国") == "presided"


def test_the_body_a_sign_is_unveiled_for_holds_nothing_and_the_venue_keeps_its_own_role() -> None:
    # 贾汪区乡村振兴学院揭牌仪式在潘安湖街道马庄村举行。揭牌仪式由…主办，潘安湖街道承办，徐州工程学院协办。
    roles = body_roles(page_event(PAGES / XUZHOU, "贾汪区乡村振兴学院揭牌"))
    assert "贾汪区乡村振兴学院" not in roles
    assert roles.get("潘安湖街道") == "co_organiser"
    assert roles.get("贾汪区委组织部") == "organiser"
    assert roles.get("徐州工程学院") == "co_organiser"


def test_a_plant_after_a_conjunction_opens_with_its_county_and_is_inspected() -> None:
    # 深入…沧港镇河湖岸线整治点和汉寿县城北污水处理厂: the county's name after 和 opens the next item of the list
    roles = body_roles(page_event(PAGES / CHANGDE, "执法检查组到汉寿县"))
    assert roles.get("汉寿县城北污水处理厂") == "inspected"


def test_a_cooperative_under_its_county_name_after_a_town_is_the_stop_visited() -> None:
    # 在码头铺镇澧县稻香源农机专业合作社，彭卫东详细了解…: the town is where it stands, not part of its name
    roles = body_roles(page_event(PAGES / CHANGDE, "澧县抓实油菜秋冬种"))
    assert roles.get("澧县稻香源农机专业合作社") == "inspected"
    assert not any(name.startswith("码头铺镇") for name in roles)


def test_a_long_name_opening_with_an_abbreviation_keeps_its_conjunction() -> None:
    # 示范区文化广电和旅游局、王屋镇政府承办: 示范区 stands for 济源示范区 as 县 for a county (zone_abbreviations.txt)
    roles = body_roles(page_event(PAGES / JIYUAN, "王屋山愚公文化旅游节开幕"))
    assert roles.get("示范区文化广电和旅游局") == "co_organiser"
    assert "旅游局" not in roles
    # written for the test: a county's bureau longer than a clause's opening name may be
    doc = doc_of("本报讯 3月5日上午，培训班在县委党校开班。培训班由温县政府主办，县人力资源和社会保障局承办。")
    assert "温县人力资源和社会保障局" in doc.bodies and "社会保障局" not in doc.bodies


def test_a_body_named_after_its_task_keeps_the_task_verb() -> None:
    # 示范区创建全国文明城市指挥部各成员单位主要负责同志参加会议: 创建 (body_task_verbs.txt) opens the task in the name
    roles = body_roles(page_event(PAGES / JIYUAN, "创建全国文明城市工作推进会"))
    assert roles.get("示范区创建全国文明城市指挥部") == "attended"
    assert "全国文明城市指挥部" not in roles
    # written for the test: after a county's abbreviation too
    doc = doc_of("本报讯 9月5日下午，温县召开推进会。县创建全国文明城市指挥部各成员单位主要负责同志参加会议。")
    assert "温县创建全国文明城市指挥部" in doc.bodies


def test_a_quotation_before_a_title_is_no_part_of_the_body() -> None:
    # …今年计划培训各类人才1500人次。“学院建在家门口，村里的年轻人学本事更方便了。”马庄村党委书记王秀兰说。
    article = page_article(PAGES / XUZHOU, "贾汪区乡村振兴学院揭牌")
    extraction = extract_article(article, Settings())
    person = next(p for p in extraction.persons if p.name == "王秀兰")
    posts = {(post.title, post.body) for post in person.posts}
    assert posts == {("书记", "马庄村党委")}
    assert not any("“" in body.name or "”" in body.name for body in extraction.bodies)


def test_a_name_opening_with_the_word_for_the_countryside_is_no_townships_body() -> None:
    # 要把乡村振兴学院打造成…: 乡 of 乡村 is no abbreviation of the town the article names (潘安湖街道)
    article = page_article(PAGES / XUZHOU, "贾汪区乡村振兴学院揭牌")
    names = {body.name for body in extract_article(article, Settings()).bodies}
    assert "贾汪区乡村振兴学院" in names
    assert not any(name.startswith("潘安湖街道") and name.endswith("学院") for name in names)
