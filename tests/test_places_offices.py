"""Places found by rule (kg/extract/places.py, kg/extract/determiners.py): sub-district offices as town-level
places, villages inside them, house numbers after roads, the division a visit went to, and the determiner
rule shared with bodies. Seed sentences, and sentences written for the test (marked ``written``)."""

from __future__ import annotations

from extract_helpers import doc_of

from kg.extract.determiners import BODY, PLACE, after_determiners

# --- offices: a body and the area it governs -----------------------------------------------------------------


def test_seed_office_is_a_town_and_holds_the_village_after_it() -> None:
    doc = doc_of(
        "观摩组一行先后来到高新区政务服务中心、枫杨办事处大里村、梧桐办事处盛世社区进行观摩。",
        headline="高新区开展主题教育观摩交流活动",
    )
    assert doc.places["枫杨办事处"].level == "town"
    assert doc.places["大里村"].parent == "枫杨办事处"
    assert doc.places["盛世社区"].parent == "梧桐办事处"
    assert {"枫杨办事处", "梧桐办事处"} <= set(doc.bodies)  # still bodies too


def test_seed_office_after_its_district_lies_in_it() -> None:
    doc = doc_of(
        "每日清晨,志愿者分别前往各采集点,助力经开区九龙办事处当天的核酸检测工作。", headline="共谱抗疫“同心曲”"
    )
    assert doc.places["九龙办事处"].parent == "经开区"
    assert "经开区九龙办事处" in doc.bodies


def test_office_of_a_named_street_is_no_second_place() -> None:
    seed = doc_of("演习的组织者以及“群演”均来自杜岭街道办事处。", headline="主题党日里的疫情防控“应急考”")
    assert "杜岭街道" in seed.places and "杜岭街道办事处" not in seed.places
    # written for the test: offices named by their kind only are no places
    written = doc_of("各办事处和属地办事处要落实责任。", headline="二七区召开会议")
    assert not any(name.endswith("办事处") for name in written.places)


def test_a_representative_office_governs_no_area() -> None:
    # People's Daily 1998 (pd98-dev), and a sentence written for the test
    news = doc_of("中国美国商会主要由美国公司、企业的在京机构和金融、法律界驻京办事处组成。")
    assert not any(name.endswith("办事处") for name in news.places)
    written = doc_of("省驻郑办事处与龙湖办事处签订合作协议。", headline="郑东新区签约")
    assert "龙湖办事处" in written.places and not any("驻" in name for name in written.places)


# --- house numbers ---------------------------------------------------------------------------------------


def test_seed_road_and_house_numbers_are_one_site() -> None:
    doc = doc_of("4月9日上午,在中原区颍河路166—171号院,居民对志愿者们赞不绝口。", headline="关心群众身边事")
    assert doc.places["颍河路166—171号院"].level == "site"
    assert doc.places["颍河路166—171号院"].parent == "中原区"
    assert "颍河路" not in doc.places


def test_written_house_number_after_a_street() -> None:
    # written for the test
    doc = doc_of("志愿者来到金水区经三路12号楼,为老人清理楼道。", headline="金水区志愿服务")
    assert "经三路12号楼" in doc.places
    plain = doc_of("沿着经三路一路向北,来到活动现场。", headline="金水区志愿服务")
    assert "经三路" in plain.places


# --- the division a visit went to ------------------------------------------------------------------------


def test_seed_sites_of_a_tour_lie_in_the_city_it_went_to() -> None:
    doc = doc_of(
        "4月13日上午,区委党史学习教育领导小组办公室成员等40余名党员,赴登封参观任长霞同志先进事迹陈列展。",
        headline="惠济区党史学习教育领导小组办公室赴任长霞先进事迹陈列馆参观学习",
    )
    assert doc.places["任长霞先进事迹陈列馆"].parent == "登封市"


def test_written_without_a_visit_sites_lie_in_the_article_district() -> None:
    # written for the test: nobody goes anywhere, the park is the district's
    doc = doc_of("上街区举办全民健身活动,500余名群众在人民公园参加健步走。", headline="上街区全民健身")
    assert doc.places["人民公园"].parent == "上街区"
    # written for the test: a tour of another district's cadres to a county-level city
    tour = doc_of(
        "5月6日,二七区委组织部党支部全体党员赴荥阳参观豫西抗日纪念馆。", headline="二七区委组织部开展主题党日"
    )
    assert tour.places["豫西抗日纪念馆"].parent == "荥阳市"


# --- one determiner rule for bodies and places ---------------------------------------------------------------


def test_determiners_are_cut_by_one_rule_with_two_settings() -> None:
    doc = doc_of("各办事处、众多山峰和本溪钢铁公司。")
    text = doc.text
    start = text.index("各办事处")
    assert after_determiners(doc, start, start + 4, BODY) == start + 1  # 各|办事处: before a body suffix
    assert after_determiners(doc, start, start + 1, PLACE) == start  # a one-character word stays in a place
    many = text.index("众多山峰")
    assert after_determiners(doc, many, many + 3, PLACE) == many + 2  # 众多|山
    benxi = text.index("本溪")
    assert after_determiners(doc, benxi, benxi + 6, BODY) == benxi  # 本 before no suffix: 本溪钢铁公司


# --- where a site's name starts ------------------------------------------------------------------------------


def test_written_a_named_site_on_a_road_lies_on_it_and_a_short_province_opens_a_name() -> None:
    # written for the test (in the style of a Zhengzhou Daily brief)
    doc = doc_of("区应急管理局在航海东路宇通花园小区开展燃气泄漏应急演练。", headline="管城回族区开展应急演练")
    assert {"航海东路", "宇通花园小区"} <= set(doc.places)
    assert doc.places["宇通花园小区"].parent == "航海东路"
    park = doc_of("韩志宏一行来到河南智能传感产业园,详细了解项目建设进度。", headline="金水区领导调研项目建设")
    assert park.places["河南智能传感产业园"].parent == "金水区"  # 河南 is part of the name, not its container
    seed = doc_of("在郑州中学附属小学春藤路校区,王新亭一行逐一进行排查。", headline="到一线去!")
    assert "郑州中学附属小学春藤路校区" in seed.places  # a suffix right after a road: one name


def test_written_resorts_bases_and_halls_are_sites() -> None:
    # written for the test
    doc = doc_of(
        "旅游节在宝泉旅游度假区开幕,嘉宾随后参观了南太行红色教育基地和辉县市科技馆。", headline="辉县市旅游节开幕"
    )
    assert {"宝泉旅游度假区", "南太行红色教育基地"} <= set(doc.places)
    assert all(doc.places[n].level == "site" for n in ("宝泉旅游度假区", "南太行红色教育基地"))
