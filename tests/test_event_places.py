"""Places and bodies of events across the sentences of an article (kg/extract/events.py, visits.py): route and
stop sentences, a visited body's premises, containment, places that are only topics, venues, study tours, bodies
that report; and the seeds' figures for both categories. Seed articles (shortened) and articles written for the
test (marked ``written``), about other districts and bodies."""

from __future__ import annotations

from pathlib import Path

from kg.extract.pipeline import extract_article
from kg.model import Event
from kg.settings import Settings

GOLD = Path(__file__).resolve().parent / "gold"


def events_of(headline: str, *paragraphs: str) -> list[Event]:
    from kg.model import Article

    text = "\n".join([headline, *paragraphs])
    article = Article(id="t-0-00000000", file="t.txt", position=0, headline=headline, text=text)
    return extract_article(article, Settings()).events


def bodies(event: Event) -> dict[str, str]:
    return {p.agent: p.role for p in event.participants if p.agent_type == "body"}


# --- route sentences and visited premises ----------------------------------------------------------------------


def test_seed_route_gives_the_premises_and_their_containers() -> None:
    (event,) = events_of(
        "郑州市政务办调研惠济区“一件事”政务服务改革推进情况",
        "4月9日下午,郑州市政务办党组书记、主任王新一行,到惠济区检查调研“一件事”改革工作推进情况。",
        "调研组一行先后到长兴路街道便民服务中心和花园口镇大庙村便民服务站等地,详细了解窗口建设情况。",
    )
    assert {"长兴路街道便民服务中心", "大庙村便民服务站", "花园口镇", "惠济区"} <= set(event.places)
    assert "长兴路街道" in event.places  # the town the centre's name opens with, as 花园口镇 for the station
    assert bodies(event)["花园口镇大庙村便民服务站"] == "inspected"


def test_seed_stops_opened_by_zai() -> None:
    (event,) = events_of(
        "到一线去! 解决群众最急最忧最盼的问题",
        "11月4日一大早,高新区党工委书记、管委会主任王新亭带领相关职能部门一行深入梧桐办事处,实地调研走访。",
        "在郑州中学附属小学春藤路校区,王新亭一行沿学生出校门的路线对周边道路逐一进行排查。",
        "在贾庄安置区,王新亭现场查看贾庄安置区存在问题。王新亭要求有关单位立即将尚未施工的冬青街纳入城建计划。",
    )
    assert {"郑州中学附属小学春藤路校区", "贾庄安置区", "梧桐办事处", "高新区"} <= set(event.places)
    assert "冬青街" not in event.places  # a road talked about, not a stop


def test_written_visit_to_a_company_and_a_community_in_its_office_area() -> None:
    # written for the test
    (event,) = events_of(
        "管城区领导调研安全生产工作",
        "11月8日上午,管城区委副书记、区长吕明带队调研安全生产工作。",
        "吕明一行先后来到南关办事处辖区郑州红星化工有限公司和紫荆山南路社区,实地察看企业生产情况。",
    )
    assert {"郑州红星化工有限公司", "紫荆山南路社区", "南关办事处", "管城回族区"} <= set(event.places)
    assert "郑州市" not in event.places  # the city opens the company's name, the visit went to 南关办事处
    assert bodies(event).get("郑州红星化工有限公司") == "inspected"


def test_written_speech_about_a_place_is_no_stop() -> None:
    # written for the test: the place is in what someone said, not where the event went
    (event,) = events_of(
        "上街区召开文旅工作会议",
        "11月9日,上街区召开文旅工作会议。",
        "区长表示,在峡窝镇建设游客中心是今年的重点任务。",
    )
    assert "峡窝镇" not in event.places


# --- containment, topics, destinations ---------------------------------------------------------------------


def test_seed_topic_places_are_no_event_places() -> None:
    (event,) = events_of(
        "开封市人大到惠济区考察黄河流域生态保护和高质量发展工作",
        "4月8日上午,开封市人大常委会主任阎红心带领考察团到惠济区,考察黄河流域生态保护情况,实地察看了黄河滩地公园。",
    )
    assert "黄河" not in event.places
    assert {"黄河滩地公园", "惠济区"} <= set(event.places)


def test_seed_a_tour_to_another_city_is_placed_there() -> None:
    (event,) = events_of(
        "惠济区党史学习教育领导小组办公室赴任长霞先进事迹陈列馆参观学习",
        "4月13日上午,区委党史学习教育领导小组办公室成员、区委宣传部党支部等40余名党员,赴登封参观任长霞同志先进事迹陈列展。",
        "参观后,大家又到登封市民文化中心进行实地观摩。",
    )
    assert {"任长霞先进事迹陈列馆", "登封市民文化中心", "登封市"} <= set(event.places)
    assert "惠济区" not in event.places
    assert "登封市民文化中心" not in bodies(event)  # a study tour learns there, it inspects no one


def test_written_offices_sharing_a_suffix_are_places_and_inspected() -> None:
    # written for the test
    (event,) = events_of(
        "郑东新区领导调研基层治理工作",
        "11月10日,郑东新区党工委副书记带队到祭城、龙湖、如意湖办事处调研基层治理工作。",
    )
    assert {"祭城办事处", "龙湖办事处", "如意湖办事处", "郑东新区"} <= set(event.places)
    assert {bodies(event).get(o) for o in ("祭城办事处", "龙湖办事处", "如意湖办事处")} == {"inspected"}


# --- venues and reporting bodies ---------------------------------------------------------------------------


def test_written_the_venue_of_a_meeting_is_a_place_not_its_organiser() -> None:
    # written for the test, after the unseen dev page (表彰大会在区行政服务中心召开)
    (event,) = events_of(
        "二七区举行志愿服务表彰大会",
        "11月5日上午,二七区志愿服务表彰大会在区行政服务中心召开。区委书记丁志刚出席大会。",
    )
    assert "二七区行政服务中心" in event.places
    assert "二七区行政服务中心" not in bodies(event)


def test_seed_bodies_that_report_or_speak_at_a_meeting_attend() -> None:
    (event,) = events_of(
        "高新区召开深化“放管服”改革提升网上政务服务能力推进会",
        "市政府副秘书长,高新区党工委副书记、管委会常务副主任张红军日前在管委会第一会议室主持召开推进会。",
        "会上,智慧产业发展中心负责人首先汇报高新区网上政务服务能力完善提升工作实施方案。",
        "高新投控股集团汇报新政务服务大厅施工进度情况及下一步工作计划。",
    )
    assert bodies(event).get("高新投控股集团") == "attended"
    assert bodies(event).get("智慧产业发展中心") == "attended"


def test_written_a_company_listed_before_dengqiye_is_inspected() -> None:
    # written for the test
    (event,) = events_of(
        "市领导到上街区调研工业经济",
        "11月7日,副市长一行到上街区调研,实地调研中孚实业、上街铝业等企业,了解生产经营情况。",
    )
    assert bodies(event).get("中孚实业") == "inspected" and bodies(event).get("上街铝业") == "inspected"


# --- the seeds' figures ---------------------------------------------------------------------------------------


def test_seed_figures_for_organisations_and_places_hold(seeds_dir: Path) -> None:
    from kg.evaluation import evaluate_gold

    scores = evaluate_gold(GOLD, [str(seeds_dir)], details=True)
    organisations, places = scores["organizations"], scores["event_places"]
    assert organisations["precision"] >= 0.92 and organisations["recall"] >= 0.85, organisations["missed"]
    assert places["precision"] >= 0.9 and places["recall"] >= 0.9, places["missed"]
    for category in ("events", "participants", "officials", "persons"):
        assert scores[category]["f1"] == 1.0, category
    assert all(len(pair) == 2 for pair in organisations["missed"] + organisations["spurious"])


# --- which role a body that comes takes, and one body under two names ---------------------------------------


def test_seed_a_team_that_comes_to_run_a_campaign_organises_it() -> None:
    (event,) = events_of(
        "践行垃圾分类 共创优美环境",
        "昨日上午,郑州公交苏师傅党员志愿服务队走进社区,广泛开展爱国卫生月“垃圾分类”宣传活动。",
    )
    assert bodies(event) == {"郑州公交苏师傅党员志愿服务队": "organiser"}


def test_written_a_body_that_comes_to_examine_stays_the_visitor() -> None:
    # written for the test: the same verb in a research visit, and a campaign whose organiser is named
    (visit,) = events_of("二七区领导调研", "11月2日,二七区政协走进嘉和社区调研养老服务工作。")
    assert bodies(visit).get("二七区政协") == "visitor"
    (campaign,) = events_of(
        "金水区开展志愿服务活动",
        "11月3日,金水区文明办组织志愿服务,金水区青年志愿服务队走进社区开展义诊活动。",
    )
    assert bodies(campaign).get("金水区文明办") == "organiser"


def test_seed_one_body_named_in_the_headline_and_abbreviated_in_the_lead() -> None:
    (event,) = events_of(
        "惠济区党史学习教育领导小组办公室赴任长霞先进事迹陈列馆参观学习",
        "4月13日上午,区委党史学习教育领导小组办公室成员、区委宣传部党支部等40余名党员,赴登封参观任长霞同志先进事迹陈列展。",
    )
    assert bodies(event).get("惠济区党史学习教育领导小组办公室") == "visitor"
    assert "惠济区委党史学习教育领导小组办公室" not in bodies(event)
    assert bodies(event).get("惠济区委宣传部党支部") == "visitor"


def test_seed_both_bodies_of_a_two_level_name_take_part() -> None:
    (event,) = events_of(
        "全市“八大群体”母亲河畔健步走",
        "4月13日上午,由郑州市总工会主办、惠济区总工会承办的主题健步走活动在黄河滩地公园举行。"
        "省市总工会机关部分干部和300余名职工代表一起参加活动。",
    )
    assert bodies(event).get("河南省总工会") == "attended"
    assert bodies(event).get("郑州市总工会") == "organiser"


def test_seed_a_body_at_a_stop_of_a_visit_is_inspected() -> None:
    (event,) = events_of(
        "高新区开展主题教育观摩交流活动",
        "11月1日上午,区党工委书记、管委会主任王新亭带队开展主题教育观摩交流活动。",
        "最后,一行人在沟赵办事处进行座谈交流。",
    )
    assert bodies(event).get("沟赵办事处") == "inspected"
    assert "沟赵办事处" in event.places


def test_written_the_venue_of_a_meeting_during_a_visit_is_not_inspected() -> None:
    # written for the test: a meeting room's owner named after 在…召开 during a research visit
    (event,) = events_of(
        "上街区领导调研通航产业",
        "11月6日,上街区委书记带队调研通航产业,并在上街区政务服务中心召开座谈会。",
    )
    assert "上街区政务服务中心" not in bodies(event)


def test_written_a_short_name_standing_alone_is_its_division() -> None:
    # written for the test: 巩义 is 巩义市 where it stands alone, not where it opens a longer name
    (event,) = events_of("郑州市领导赴巩义调研", "11月9日上午,副市长一行赴巩义调研,实地察看了巩义新兴产业园。")
    assert "巩义市" in event.places
    assert "郑州市" not in event.places  # 郑州市领导: whose leaders, not where they went
    (other,) = events_of(
        "市领导调研通航产业",
        "11月9日上午,副市长一行调研通航产业发展,实地察看郑州上街机场飞行区建设情况。",
    )
    assert "郑州市" not in other.places


def test_written_dao_between_two_steps_names_no_destination() -> None:
    # written for the test: 到 joins two steps of a drill; the sentence is no route of a visit
    (event,) = events_of(
        "金水区开展应急演练",
        "11月2日,金水区在花园路街道开展疫情防控应急演练。",
        "从预案启动到现场处置,再到后续安排,整个过程紧张有序,经三路社区居民积极配合。",
    )
    assert "经三路社区" not in event.places


def test_a_place_after_a_year_opens_a_documents_title() -> None:
    (seed,) = events_of(
        "城市精细化管理工作推进会召开",
        "3月13日,经开区党工委委员、管委会副主任张磊主持召开城市精细化管理工作推进会,"
        "解读2023年郑州市城市精细化管理工作考核办法。",
    )
    assert seed.places == ["经开区"]
    # written for the test
    (written,) = events_of(
        "二七区召开防汛工作会议",
        "5月10日,二七区在区行政服务中心召开防汛工作会议,传达2024年郑州市防汛工作方案。",
    )
    assert "郑州市" not in written.places and "二七区行政服务中心" in written.places


def test_written_a_route_list_whose_items_open_with_their_containers() -> None:
    # written for the test: every stop is written with its town and village before it
    (event,) = events_of(
        "宜阳县政协视察特色产业发展",
        "10月25日,县政协主席带领视察组先后来到柳泉镇汪洋村莲藕产业园和韩城镇福昌村红薯粉条加工厂视察。",
    )
    assert {"福昌村红薯粉条加工厂", "韩城镇", "柳泉镇"} <= set(event.places)
