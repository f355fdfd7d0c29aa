"""Bodies named in lists and around brackets (kg/extract/bodies.py): items sharing one suffix, items closed by
等企业, a branch named across its owner's alias, bare level bodies, and generic heads that name no body.

Each rule is checked on a seed sentence and on sentences written for the test (marked ``written``), about
other districts and bodies, since the rules must hold on news the seeds do not contain."""

from __future__ import annotations

from extract_helpers import doc_of

# --- items sharing one suffix -----------------------------------------------------------------------------


def test_seed_offices_sharing_one_suffix_are_three_bodies_and_three_places() -> None:
    doc = doc_of(
        "3月18日,经开区党工委副书记郭宏力带队到明湖、潮河、前程办事处及区级平台建设现场开展调研。",
        headline="经开区领导调研党建引领网格化基层治理工作",
    )
    assert {"明湖办事处", "潮河办事处", "前程办事处"} <= set(doc.bodies)
    for office in ("明湖办事处", "潮河办事处", "前程办事处"):
        assert doc.places[office].level == "town" and doc.places[office].parent == "经开区"


def test_seed_shared_prefix_and_suffix_complete_both_groups() -> None:
    doc = doc_of(
        "交流会上,区党工委主题教育第一、第二指导组就主题教育开展情况进行汇报。",
        headline="高新区开展主题教育观摩交流活动",
    )
    assert {"高新区党工委主题教育第一指导组", "高新区党工委主题教育第二指导组"} <= set(doc.bodies)
    assert "第二指导组" not in doc.bodies


def test_written_towns_offices_sharing_a_suffix_elsewhere() -> None:
    # written for the test: another district, four offices
    doc = doc_of("区委书记带队到祭城、龙湖、如意湖、博学路办事处调研。", headline="郑东新区领导调研基层治理")
    assert {"祭城办事处", "龙湖办事处", "如意湖办事处"} <= set(doc.bodies)
    assert doc.places["祭城办事处"].level == "town"
    assert "博学路办事处" in doc.bodies


def test_whole_names_in_a_list_are_no_shared_suffix() -> None:
    seed = doc_of("落实省委、市委提出大力弘扬任长霞精神要求。", headline="惠济区党史学习教育")
    assert not any(name.endswith("委委") for name in seed.bodies)
    # written for the test: two departments each with its own suffix, and a verb before a list
    written = doc_of("区委组织部、宣传部负责同志参加会议,会议要求加强、改进工作。", headline="二七区召开会议")
    assert "加强改进工作" not in written.bodies and not any("加强" in n for n in written.bodies)


# --- items closed by 等企业 ------------------------------------------------------------------------------------


def test_seed_companies_listed_before_dengqiye_are_bodies() -> None:
    doc = doc_of(
        "3月16日,市委督查室到经开区调研,实地调研郑煤机、一汽、安图、双汇、深澜动力等企业。",
        headline="市委督查室调研经开区“三个一批”项目建设情况",
    )
    for company in ("郑煤机", "一汽", "安图", "双汇", "深澜动力"):
        assert doc.bodies[company].kind == "enterprise"


def test_written_companies_with_a_count_and_sectors_that_are_no_bodies() -> None:
    # written for the test
    companies = doc_of("副区长先后走访了宇通客车、中铁装备等3家企业。", headline="管城区领导走访企业")
    assert {"宇通客车", "中铁装备"} <= set(companies.bodies)
    sectors = doc_of("会议要求食品、医药等企业落实安全生产责任。", headline="金水区召开安全生产会议")
    assert not {"食品", "医药"} & set(sectors.bodies)
    departments = doc_of("对接规划建设、交通、城管等部门,协调解决问题。", headline="中原区召开推进会")
    assert not {"交通", "城管", "规划建设"} & set(departments.bodies)


# --- a branch across its owner's alias ----------------------------------------------------------------------


def test_seed_branch_named_across_a_bracketed_alias() -> None:
    doc = doc_of(
        "3月13日,经开区党工委第一巡察组召开巡察财政局(审计局)党支部进驻动员会。",
        headline="经开区党工委第一巡察组召开巡察财政局(审计局)党支部进驻动员会",
    )
    assert "财政局党支部" in doc.bodies
    spans = {m.text for m in doc.mentions if m.type == "ORG"}
    assert "财政局(审计局)党支部" in spans and "党支部" not in spans


def test_written_alias_of_a_whole_body_stays_an_alias() -> None:
    # written for the test: the bracket holds another name of the department, nothing follows it
    doc = doc_of("上街区委宣传部(区文明办)组织开展志愿服务活动。", headline="上街区开展志愿服务")
    assert "上街区委宣传部" in doc.bodies
    assert not any(name.endswith("宣传部文明办") for name in doc.bodies)


# --- bare level bodies and generic heads --------------------------------------------------------------------


def test_seed_bare_discipline_committee_in_a_list_is_the_districts() -> None:
    doc = doc_of(
        "近期,高新区党工委委员姚五洲主持召开会议。各办事处、纪工委、创新发展局分管负责人参加会议。",
        headline="高新区召开环境污染防治工作会议",
    )
    assert "高新区纪工委" in doc.bodies and "纪工委" not in doc.bodies
    assert not any(name.endswith("区办事处") for name in doc.bodies)  # one of many offices, not the district's


def test_generic_heads_name_no_body() -> None:
    seed = doc_of(
        "王新亭带领相关职能部门一行深入梧桐办事处,实地调研走访。",
        headline="到一线去! 解决群众最急最忧最盼的问题",
    )
    assert not any("职能部门" in name for name in seed.bodies)
    # written for the test
    written = doc_of("区直有关单位和各街道办事处主要负责人参加会议。", headline="金水区召开工作会议")
    assert not any(name in ("街道办事处", "办事处", "有关单位", "单位") for name in written.bodies)
    assert not any("有关" in name or name.startswith("各") for name in written.bodies)


def test_a_road_named_after_a_body_is_a_place_not_a_body() -> None:
    # written for the test, in the style of the unseen dev page (文化路街道农科路社区)
    doc = doc_of("陈向东一行先后来到文化路街道农科路社区、学院路社区,实地察看改造情况。", headline="金水区领导调研")
    assert "农科路社区" in doc.places and doc.places["农科路社区"].parent == "文化路街道"
    assert not any(name.endswith("农科") for name in doc.bodies)


# --- on other news: where these lists must not fire (CLUENER2020 train, /work/shared/data/ner) ------------------


def test_words_before_a_body_in_a_list_are_no_shared_suffix_items() -> None:
    services = doc_of("工行还为创业大学生提供包括存款、资金结算、电子银行、银行卡等在内的金融服务。")
    assert not any(name in ("存款银行", "资金结算银行") for name in services.bodies)
    organisers = doc_of("论坛由国瑞地产、国瑞购物中心承办。")
    assert "国瑞地产购物中心" not in organisers.bodies
    discipline = doc_of("反映强烈的,要公开曝光,直至给予党纪、政纪处分。")
    assert not any("党纪" in name for name in discipline.bodies)


def test_list_items_joined_by_he_are_split_and_left_edges_must_be_found() -> None:
    bookmakers = doc_of("主队取得首胜,而bet365、威廉希尔和韦德国际等公司则看好客队。")
    assert {"威廉希尔", "韦德国际"} <= set(bookmakers.bodies)
    assert "威廉希尔和韦德国际" not in bookmakers.bodies
    banks = doc_of("atm加装复制器中行等多家银行储户受损近百万元。")
    assert not any("复制器" in name for name in banks.bodies)
