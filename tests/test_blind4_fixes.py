"""Bodies, roles and places the fourth blind set (tests/gold/blind4) showed wrong: general rules and lexicon
lines, tested on the pages' own sentences.

Sentences marked "written for the test" are not from any page: they check that a rule holds elsewhere.
"""

from __future__ import annotations

from extract_helpers import body_roles, doc_of, first_event, person_roles, posts_of

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



# --- 3. sites: rare place words, a long name after its village, a site on a road, document titles -----------


def _event_places(text: str) -> list[str]:
    return first_event(text).places


def test_sites_named_by_rarer_place_words() -> None:
    places = _event_places(
        "固始县领导督导检查防汛备汛工作\n本报讯（记者 孙浩然 通讯员 柯琳）7月6日，固始县委常委、常务副县长陈启航带队"
        "督导检查防汛备汛工作。陈启航一行先后来到三河尖镇淮河干堤建湾段、往流镇史河防汛物资仓库，详细查看堤防巡查值守情况。"
    )
    assert "史河防汛物资仓库" in places
    places = _event_places(
        "巨野县召开农民绘画产业高质量发展推进会\n本报讯（记者 王玮 通讯员 曹斌）6月25日上午，巨野县农民绘画产业"
        "高质量发展推进会在县书画院召开。县委副书记、县长诸葛宏伟出席会议并讲话。"
    )
    assert "巨野县书画院" in places


def test_long_site_name_after_its_village_is_whole_and_not_named_with_it() -> None:
    places = _event_places(
        "市政协视察组到罗山县视察红色旅游融合发展工作\n本报讯（记者 周涛）7月3日，市政协副主席上官婧带领部分市政协委员"
        "到罗山县，视察红色旅游与乡村振兴融合发展情况。视察组一行先后来到铁铺镇何家冲村红二十五军长征出发地纪念馆、"
        "灵山镇灵山茶旅融合示范园，实地察看红色教育培训、传统村落保护利用和茶旅民宿发展情况。"
    )
    assert "红二十五军长征出发地纪念馆" in places
    assert "灵山茶旅融合示范园" in places
    assert "何家冲村" in places
    assert not any(p.endswith("传统村") for p in places)  # 传统村落: villages in general, no village


def test_site_named_by_one_common_word_after_a_road_is_one_name() -> None:
    places = _event_places(
        "单县开展“6·26”国际禁毒日集中宣传活动\n本报讯（通讯员 朱琳琳）6月26日上午，单县“6·26”国际禁毒日集中"
        "宣传活动在牌坊街文化广场举行。活动由县禁毒委员会主办，县公安局、北城街道承办。"
    )
    assert "牌坊街文化广场" in places
    assert "文化广场" not in places


def test_division_in_a_documents_title_is_no_place_of_the_event() -> None:
    places = _event_places(
        "市人大常委会调研组到淅川县调研丹江口库区水源地保护工作\n本报讯（记者 韩晓东 通讯员 贺帆）6月11日上午，"
        "市人大常委会副主任欧阳明远带领调研组到淅川县，就丹江口库区水源地生态环境保护和《南阳市南水北调中线工程"
        "水源地保护条例》贯彻落实情况开展调研。"
    )
    assert "淅川县" in places
    assert "南阳市" not in places


def test_smart_scenic_area_is_no_place() -> None:
    places = _event_places(
        "市领导到修武县调研全域旅游发展工作\n本报讯（记者 张晨阳 通讯员 王文）5月20日上午，市委常委、宣传部部长"
        "卫红霞到修武县调研全域旅游发展和文旅项目建设工作。卫红霞一行先后来到云台山镇一斗水村，实地察看古村落保护利用、"
        "民宿经营和智慧景区建设等情况。"
    )
    assert "一斗水村" in places
    assert "智慧景区" not in places


# --- 4. roles: signers attend, 一同检查 accompanies, the leader of a visit who chairs its meeting led it --------


def test_signers_of_an_agreement_attend_the_signing() -> None:
    event = first_event(
        "镇平县玉雕文旅产业园项目签约\n本报讯 日前，镇平县举行玉雕文旅产业园项目签约仪式。镇平县委书记田振宇，"
        "县委副书记、县长岳红梅出席签约仪式。县委常委、副县长常书恒与河南宛玉文化旅游发展有限公司董事长贾玉成"
        "代表双方签订投资合作协议。"
    )
    roles = person_roles(event)
    assert roles["常书恒"] == "attended"
    assert roles["贾玉成"] == "attended"
    assert "河南宛玉文化旅游发展有限公司" not in body_roles(event)  # named in the signer's title only


def test_visit_leader_who_chairs_its_meeting_led_and_a_companion_accompanied() -> None:
    event = first_event(
        "郓城县领导检查城区重点项目建设\n本报讯（记者 王玮 通讯员 邢艳）6月24日，郓城县委副书记、县长宋立华带队"
        "检查城区重点项目建设情况，副县长燕春雷一同检查，县发改委、县住建局、郓州街道主要负责同志陪同。\n"
        "宋立华一行先后来到宋江湖生态修复提升项目和唐塔街道老旧小区改造现场，详细了解项目建设进度。"
        "随后，宋立华主持召开现场办公会，听取相关单位汇报。"
    )
    assert event.kind == "inspection"
    assert person_roles(event) == {"宋立华": "led", "燕春雷": "accompanied"}
    assert body_roles(event).get("郓城县发改委") == "host"


# --- 5. bodies: counted towns that spoke, a committee named by its task, a name joined by 和, no visit's object --


def test_towns_counted_after_their_list_attend_by_speaking() -> None:
    event = first_event(
        "巨野县召开农民绘画产业高质量发展推进会\n本报讯（记者 王玮 通讯员 曹斌）6月25日上午，巨野县农民绘画产业"
        "高质量发展推进会在县书画院召开。县委副书记、县长诸葛宏伟出席会议并讲话，县委常委、宣传部部长韦丽娜主持会议，"
        "县文化和旅游局、县商务局、各镇（街道）及部分书画企业负责同志参加会议。\n"
        "会议通报了今年以来全县农民绘画产业发展情况。麒麟镇、独山镇等4个镇（街道）作了交流发言。"
    )
    roles = body_roles(event)
    assert roles.get("麒麟镇") == "attended"
    assert roles.get("独山镇") == "attended"
    assert roles.get("巨野县文化和旅游局") == "attended"


def test_committee_named_by_its_task_organises() -> None:
    event = first_event(
        "单县开展“6·26”国际禁毒日集中宣传活动\n本报讯（通讯员 朱琳琳）6月26日上午，单县“6·26”国际禁毒日集中"
        "宣传活动在牌坊街文化广场举行。活动由县禁毒委员会主办，县公安局、北城街道承办。副县长、县公安局局长时宝山出席活动。"
    )
    expected = {"单县禁毒委员会": "organiser", "单县公安局": "co_organiser", "北城街道": "co_organiser"}
    assert body_roles(event) == expected


def test_bureau_name_joined_by_a_conjunction_after_its_county() -> None:
    doc = doc_of(
        "市政协视察组到罗山县视察红色旅游融合发展工作\n在随后召开的座谈会上，罗山县文化广电和旅游局汇报了全县红色旅游"
        "融合发展工作情况。"
    )
    assert "罗山县文化广电和旅游局" in doc.bodies


def test_school_volunteers_went_to_is_no_inspected_body() -> None:
    event = first_event(
        "商城县：“青”暖童心 志愿服务进乡村\n本报讯（通讯员 储晓敏）近日，共青团商城县委联合县妇联、县教体局，组织30余名"
        "青年志愿者走进鄢岗镇中心小学、伏山乡里罗城村，开展“七彩假期·关爱留守儿童”志愿服务活动。"
    )
    assert event.kind == "campaign"
    roles = body_roles(event)
    assert "鄢岗镇中心小学" not in roles
    assert roles.get("共青团商城县委") == "organiser"
    assert "鄢岗镇中心小学" in event.places


# --- 6. one who speaks for units of a kind (项目单位代表) holds no post as such -----------------------------


def test_representative_of_a_kind_of_unit_is_no_post() -> None:
    doc = doc_of(
        "武陟县二季度重点项目集中开工\n秦雪松在致辞中表示，项目建设是稳增长、促发展的“压舱石”。\n"
        "项目单位代表、河南豫陟新材料科技有限公司总经理霍东升作表态发言，表示将严格按照时间节点加快建设。"
    )
    posts = posts_of(doc, "霍东升")
    assert ("总经理", "河南豫陟新材料科技有限公司") in posts
    assert not any(title.endswith("代表") for title, _body in posts)


# --- 7. event places: a venue named with its county, a town's office at the event, a project signed --------


def test_venue_of_a_body_written_short_is_named_with_its_county_and_a_hosting_town_is_no_place() -> None:
    event = first_event(
        "郓城县领导检查城区重点项目建设\n本报讯（记者 王玮 通讯员 邢艳）6月24日，郓城县委副书记、县长宋立华带队"
        "检查城区重点项目建设情况，副县长燕春雷一同检查，县发改委、县住建局、郓州街道主要负责同志陪同。\n"
        "宋立华一行先后来到宋江湖生态修复提升项目、县人民医院新院区建设项目和唐塔街道老旧小区改造现场，详细了解"
        "项目建设进度、资金保障和施工安全等情况。"
    )
    assert "郓城县人民医院新院区" in event.places
    assert "唐塔街道" in event.places
    assert "郓州街道" not in event.places  # its people accompanied: a host, not a stop
    assert body_roles(event).get("郓州街道") == "host"


def test_project_signed_is_no_place_of_the_signing() -> None:
    event = first_event(
        "镇平县玉雕文旅产业园项目签约\n本报讯 日前，镇平县举行玉雕文旅产业园项目签约仪式。镇平县委书记田振宇，"
        "县委副书记、县长岳红梅出席签约仪式。"
    )
    assert event.places == ["镇平县"]


# --- 8. rivers and river works: one-character rivers after their village, a dike's section, 村|民宿 ----------


def test_one_character_river_after_its_village_and_its_section() -> None:
    places = _event_places(
        "西峡县开展防汛抢险应急演练\n本报讯（记者 陈曦 通讯员 丁一鸣）6月12日上午，西峡县2025年防汛抢险综合应急演练"
        "在丁河镇木寨村鹳河河段举行。演练由县防汛抗旱指挥部主办，县应急管理局、丁河镇政府承办。"
    )
    assert {"鹳河", "木寨村", "丁河镇", "西峡县"} <= set(places)
    assert not any(p.endswith("河河") or p.startswith("木寨村鹳") for p in places)
    places = _event_places(
        "固始县领导督导检查防汛备汛工作\n本报讯（记者 孙浩然 通讯员 柯琳）7月6日，固始县委常委、常务副县长陈启航带队"
        "督导检查防汛备汛工作。陈启航一行先后来到三河尖镇淮河干堤建湾段、往流镇史河防汛物资仓库，详细查看堤防巡查值守情况。"
    )
    assert "淮河干堤建湾段" in places
    assert "淮河" not in places


def test_village_before_a_word_of_its_own_is_a_village() -> None:
    places = _event_places(
        "市领导到修武县调研全域旅游发展工作\n本报讯（记者 张晨阳 通讯员 王文）5月20日上午，市委常委、宣传部部长"
        "卫红霞到修武县调研全域旅游发展和文旅项目建设工作。卫红霞一行先后来到云台山镇一斗水村、岸上村民宿集群，"
        "实地察看古村落保护利用、民宿经营情况。"
    )
    assert {"一斗水村", "岸上村", "云台山镇"} <= set(places)
    # written for the test: 村民 is still a word where what follows makes none (村民代表)
    doc = doc_of("岸上村召开会议\n会上，岸上村村民代表发言。")
    assert not any(name.endswith("村村") for _s, _e, name, _l in doc.place_spans)


# --- 9. verbs opening a clause are no part of the abbreviated body they govern -------------------------------


def test_verbs_before_an_abbreviated_body_are_no_part_of_its_name() -> None:
    doc = doc_of(DENGZHOU, headline="传达学习省委全会精神 研究部署“三夏”生产和防汛工作")
    assert not any(name.startswith("传达") for name in doc.bodies)
    assert "河南省委" in doc.bodies
