"""Events, bodies and roles the fifth blind set (tests/gold/blind5) showed wrong: general rules and lexicon lines,
tested on the pages' own sentences (read from the pages, so kickers and the paper's name count as they do there).

Sentences marked "written for the test" are not from any page: they check that a rule holds elsewhere.
"""

from __future__ import annotations

from pathlib import Path

from extract_helpers import body_roles, doc_of, first_event, page_article, page_event, person_roles, posts_of

from kg.extract.divisions import title_county_city
from kg.extract.pipeline import analyse, extract_article
from kg.settings import Settings

PAGES = Path(__file__).parent / "gold" / "blind5" / "pages"


YICHANG = "f04_ycrb_yiling_zhijiang_dangyang.txt"
SHANGQIU = "f01_sqrb_zhecheng_yucheng_xiayi.txt"
PUYANG = "f02_pyrb_qingfeng_nanle_fanxian.txt"

# --- 1. a 集中开工活动 (no 仪式) is a ceremony; the company whose site holds it takes no part ----------------------


def test_project_start_activity_is_a_ceremony() -> None:
    event = page_event(PAGES / YICHANG, "当阳市第二季度重大项目集中开工")
    assert event.kind == "ceremony"
    assert event.date is not None and (event.date.year, event.date.month, event.date.day) == (2025, 4, 17)
    assert person_roles(event) == {"刘敏": "attended", "邓海": "spoke", "吴俊杰": "presided", "周凯": "spoke"}
    # 在…湖北楚峰新材料有限公司高性能复合材料项目现场举行: the venue's owner does not organise the event
    assert not any(p.agent_type == "body" and p.role == "organiser" for p in event.participants)


def test_venue_with_its_premises_written_after_it_is_no_organiser() -> None:
    # written for the test: a signing held at a company's project site, the site written after the company's name
    event = first_event(
        "汝南县重点项目集中签约\n本报讯（记者 张明）3月8日上午，汝南县2024年第一批重点项目集中签约活动在河南天中"
        "食品有限公司冷链物流项目现场举行。县委书记王德明出席并致辞，县长李建军主持。"
    )
    assert event.kind == "ceremony"
    assert "河南天中食品有限公司" not in body_roles(event)
    assert person_roles(event).get("李建军") == "presided"


# --- 2. a county-level city's own article: its bare 市 is its own, even when the title drops the 市 -----------


def test_bare_city_in_the_article_of_a_county_level_city_the_title_names_without_shi() -> None:
    article = page_article(PAGES / YICHANG, "枝江开展长江禁捕专项督查")
    event = extract_article(article, Settings()).events[0]
    roles = body_roles(event)
    assert roles.get("枝江市农业农村局") == "organiser"
    assert roles.get("枝江市公安局") == "organiser"
    assert "宜昌市公安局" not in roles
    assert ("副市长", "枝江市政府") in posts_of(analyse(article, Settings()), "黄建国")


def test_the_prefectures_bare_city_stays_where_the_city_is_only_visited() -> None:
    # the title names the county-level city after a verb of visiting (市政协视察禹州市…), or the lead after a word
    # of going (到禹州市): the prefecture's 市
    going = ("到", "视察")
    assert title_county_city("市政协视察禹州市中医药产业发展情况", "6月5日，市政协主席来禹州市。", going) is None
    assert title_county_city("市政协禹州市中医药产业发展情况", "6月5日，市政协主席到禹州市视察。", going) is None
    lead = "4月15日，枝江市农业农村局联合市公安局开展长江禁捕专项督查"
    assert title_county_city("枝江开展长江禁捕专项督查", lead, going) == "枝江市"
    # two county-level cities in the lead: the article is about neither alone
    assert title_county_city("枝江宜都联合开展禁捕督查", "枝江市、宜都市农业农村局…", ()) is None


# --- 3. 市场监管局: the 市 of 市场 is no division ----------------------------------------------------------------


def test_market_regulation_bureau_after_a_county_abbreviation() -> None:
    event = page_event(PAGES / PUYANG, "南乐县召开优化营商环境工作推进会")
    roles = body_roles(event)
    assert roles.get("南乐县市场监管局") == "attended"
    assert not any(name.endswith("场监管局") and "市场" not in name for name in roles)
    assert "濮阳市场监管局" not in roles


def test_level_pairs_still_split_into_two_bodies() -> None:
    # written for the test: 市县两级 and 省市总工会 are still one body of each division
    doc = doc_of("郑州市总工会开展慰问活动\n本报讯 5月1日，省市总工会负责同志走访慰问一线职工。")
    assert "河南省总工会" in doc.bodies and "郑州市总工会" in doc.bodies


# --- 4. the visiting group written without its body is no participant ------------------------------------------


def test_bare_enforcement_inspection_group_is_not_a_visitor() -> None:
    event = page_event(PAGES / SHANGQIU, "市人大常委会到柘城县开展食品安全执法检查")
    roles = body_roles(event)
    assert roles.get("商丘市人大常委会") == "visitor"
    assert "执法检查组" not in roles
    assert person_roles(event).get("孟庆华") == "led"


# --- 5. a signing party is present at the signing, it does not hold it ------------------------------------------


def test_signing_party_attends() -> None:
    event = page_event(PAGES / PUYANG, "南乐县签约生物基材料产业项目")
    assert event.kind == "ceremony"
    assert body_roles(event).get("河南乐丰生物材料有限公司") == "attended"
    assert person_roles(event) == {"孔德明": "attended", "赵亮": "presided", "宋志强": "spoke"}


def test_body_that_holds_a_signing_still_organises_it() -> None:
    # written for the test: the bureau holds the signing (举办…签约仪式): no party joined by 与, so it organises it
    event = first_event(
        "南乐县商务局举办招商项目签约仪式\n本报讯（记者 张明）3月8日，南乐县商务局与县工商联举办招商项目签约仪式，"
        "县长李建军出席并致辞。"
    )
    roles = body_roles(event)
    assert roles.get("南乐县商务局") == "organiser"
    assert roles.get("南乐县工商联") == "organiser"  # 举办 stands between it and 签约: it holds the signing too


# --- 6. a town's central school is one body; a room of the premises visited is none --------------------------------


def test_town_central_school_is_inspected_whole() -> None:
    event = page_event(PAGES / PUYANG, "市委第二督导组到范县督导防溺水工作")
    roles = body_roles(event)
    assert roles.get("陈庄镇中心校") == "inspected"
    assert "陈庄镇中心" not in roles
    assert "陈庄镇中心校" in event.places


def test_control_room_of_a_visited_plant_is_no_body() -> None:
    event = page_event(PAGES / "f03_lhrb_wuyang_linying_yancheng.txt", "秦卫东到舞阳县调研盐化工产业发展时强调")
    roles = body_roles(event)
    assert "中控室" not in roles
    assert roles.get("漯河舞阳盐化科技有限公司") == "inspected"


# --- 7. a company named under its city or province, written after the town it stands in --------------------------


def test_company_named_under_its_city_after_its_town_is_whole_and_the_town_apart() -> None:
    event = page_event(PAGES / YICHANG, "向东升带队检查安全生产工作")
    roles = body_roles(event)
    assert roles.get("宜昌楚恒化工有限公司") == "inspected"
    assert "小溪塔街道宜昌楚恒化工有限公司" not in roles
    assert {"宜昌楚恒化工有限公司", "小溪塔街道"} <= set(event.places)


def test_venue_company_after_its_town_organises_nothing() -> None:
    event = page_event(PAGES / YICHANG, "当阳市第二季度重大项目集中开工")
    assert "湖北楚峰新材料有限公司" not in body_roles(event)
    assert "坝陵街道" in event.places


def test_town_body_names_keep_their_town() -> None:
    # written for the test: a village's branch and a town's company whose name is no city's stay whole
    doc = doc_of("花园口镇八堡村党支部开展主题党日活动\n本报讯 5月8日，花园口镇八堡村党支部组织党员到花园口镇"
                 "金鼎农业有限公司参观。")
    assert "花园口镇八堡村党支部" in doc.bodies
    assert any(name.endswith("金鼎农业有限公司") and name.startswith("花园口镇") for name in doc.bodies)
