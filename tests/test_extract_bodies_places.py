"""Left edges, coordination, generic names and rooms of bodies and places: one test per rule, on seed
sentences and on sentences of other news (People's Daily 1998 and CLUENER2020, /work/shared/data/ner)."""

from __future__ import annotations

from extract_helpers import doc_of

from kg.extract.lexicon import load_lexicon


def orgs(doc) -> set[str]:
    return {m.text for m in doc.mentions if m.type == "ORG"}


def locs(doc) -> set[str]:
    return {m.text for m in doc.mentions if m.type == "LOC"}


# --- bodies: coordination -----------------------------------------------------------------------------------


def test_a_conjunction_after_a_complete_body_name_starts_a_new_name() -> None:
    doc = doc_of("乔耸一行听取了贾鲁河片区指挥部及金科集团相关工作推进情况汇报。", headline="中原区领导调研贾鲁河片区")
    assert {"贾鲁河片区指挥部", "金科集团"} <= orgs(doc)
    assert not any("及" in name for name in doc.bodies)


def test_a_conjunction_inside_a_name_is_kept() -> None:
    doc = doc_of("在座谈交流会上,惠济区政务服务和大数据管理局负责人对工作开展情况作了汇报。")
    assert "惠济区政务服务和大数据管理局" in doc.bodies


# --- bodies: generic words and kinds ------------------------------------------------------------------------


def test_generic_determiners_are_cut_from_the_front_of_a_body() -> None:
    seed = doc_of("为增强基层党支部组织力、凝聚力和战斗力,中原区纪委监委机关党委组织党员开展志愿服务。")
    assert "基层党支部" not in orgs(seed) and "基层党支部" not in seed.bodies
    unseen = doc_of("主动与属地办事处对接,督促加快完成动迁工作。")
    assert "属地办事处" not in orgs(unseen) and "属地办事处" not in unseen.bodies


def test_a_body_named_only_by_its_kind_is_no_body() -> None:
    seed = doc_of("同时高新投资控股集团有限公司要完善新政务服务大厅相关手续。")
    assert "集团有限公司" not in seed.bodies
    unseen = doc_of("这些学校和公司都参加了招聘会。")
    assert not {"学校", "公司"} & set(unseen.bodies)
    assert not {"学校", "公司"} & orgs(unseen)


def test_a_kind_after_generic_modifiers_is_no_body() -> None:
    doc = doc_of("区级平台公司负责人参加会议。", headline="经开区召开推进会")
    assert not any(name.endswith("平台公司") for name in doc.bodies)


def test_bare_bodies_of_a_division_and_abbreviated_ones_stay() -> None:
    doc = doc_of("市委督查室、市重点项目建设中心相关负责人参加调研。")
    assert "郑州市委督查室" in doc.bodies
    chain = doc_of("“监督检查室+纪检监察室+党工委督查室”联动监督模式。", headline="郑东新区纪检监察工委")
    assert "党工委督查室" in orgs(chain)


def test_a_generic_modifier_that_may_start_a_name_is_not_cut() -> None:
    doc = doc_of("创新发展局、城市管理局负责人作表态发言。", headline="高新区召开会议")
    assert {"创新发展局", "城市管理局"} <= orgs(doc)


def test_only_generic_checks_every_word_of_the_stem() -> None:
    lex = load_lexicon()
    assert lex.only_generic("基层")
    assert lex.only_generic("北核心")
    assert lex.only_generic("区级平台")
    assert not lex.only_generic("须水河核心")
    assert not lex.only_generic("城市管理")


# --- bodies: left edge at a clause's start -------------------------------------------------------------------


def test_function_words_opening_a_clause_are_no_part_of_a_body() -> None:
    doc = doc_of("随着保险公司投资质量的不断提高及国家对保险资金运用的逐步放宽,银行利率影响减小。")
    assert "随着保险公司" not in orgs(doc)
    assert "保险公司" in orgs(doc)


def test_a_verb_before_a_place_opening_a_clause_is_no_part_of_the_body() -> None:
    doc = doc_of("会后,督促惠济区政府加快推进项目建设;批评郑州市政府放任问题的文章也不少。")
    assert {"惠济区政府", "郑州市政府"} <= orgs(doc)
    assert not any(name.startswith(("督促", "批评")) for name in orgs(doc) | set(doc.bodies))


def test_a_direction_with_bu_is_no_body() -> None:
    doc = doc_of("白马藏寨位于平武县北部,在公路交叉口有块地名牌。")
    assert not any(name.endswith("北部") for name in orgs(doc))


# --- rooms and grounds ----------------------------------------------------------------------------------------


def test_a_room_of_a_body_is_a_place_and_not_the_body() -> None:
    doc = doc_of(
        "管委会常务副主任张红军日前在管委会第一会议室主持召开深化“放管服”改革推进会。", headline="高新区召开推进会"
    )
    assert "管委会第一会议室" in locs(doc)
    assert "管委会第一会议室" in doc.places
    assert "管委会第一会议室" not in doc.bodies and "管委会第一会议室" not in orgs(doc)


def test_a_campus_takes_its_school_name_in() -> None:
    doc = doc_of("在郑州中学附属小学春藤路校区,王新亭一行沿学生出行路线察看。", headline="高新区领导到一线")
    assert "郑州中学附属小学春藤路校区" in doc.places
    assert "郑州中学附属小学" not in orgs(doc)


def test_a_verb_between_body_and_hall_makes_no_room() -> None:
    doc = doc_of("高新投控股集团汇报新政务服务大厅施工进度情况。", headline="高新区召开推进会")
    assert not any("汇报" in name for name in doc.places)
    assert "高新投控股集团" in orgs(doc)


# --- places ----------------------------------------------------------------------------------------------------


def test_a_name_after_its_container_is_taken_whole() -> None:
    doc = doc_of("大家又到登封市嵩阳街道迎仙阁社区党群服务中心进行实地观摩。")
    assert "迎仙阁社区" in doc.places
    assert doc.places["迎仙阁社区"].parent == "嵩阳街道"
    assert "仙阁社区" not in doc.places


def test_an_item_of_a_list_is_taken_whole() -> None:
    doc = doc_of("视察组先后到二砂文化创意园核心片区、须水河核心片区以及贾鲁河片区视察。", headline="中原区政协视察")
    assert "须水河核心片区" in doc.places
    assert "水河核心片区" not in doc.places


def test_crossing_roads_are_two_places() -> None:
    seed = doc_of("在春藤路玉兰街交叉口,王新亭察看了交通秩序。", headline="高新区领导到一线")
    assert {"春藤路", "玉兰街"} <= set(seed.places)
    assert "春藤路玉兰街" not in seed.places
    unseen = doc_of("他正在恩新东路与新平路交界处的红绿灯下等候。")
    assert "新平路" in unseen.places


def test_a_verb_before_a_community_suffix_makes_no_place() -> None:
    seed = doc_of("引导社区居民有序、分批次到达接种点。")
    assert "引导社区" not in doc_places(seed)
    unseen = doc_of("以社区“小主任”的身份了解社区中的大小事,以实际行动服务社区。")
    assert not any(name.endswith("了解社区") or name.endswith("服务社区") for name in unseen.places)


def doc_places(doc) -> set[str]:
    return set(doc.places)


def test_generic_places_are_no_places() -> None:
    doc = doc_of("累计建成并开放区级公园4个。管委会结合美丽乡村精品村建设。青少年社区参与是创新社区治理的必然要求。")
    assert not {"区级公园", "乡村精品村", "精品村", "青少年社区", "创新社区"} & set(doc.places)


def test_set_phrases_are_no_places() -> None:
    doc = doc_of("践行绿水青山就是金山银山理念,荥阳市汜水镇开展植树活动。")
    assert not {"绿水青山", "金山银山"} & set(doc.places)
    assert "汜水镇" in doc.places


def test_a_country_is_no_place_of_the_local_graph() -> None:
    doc = doc_of("为庆祝中华人民共和国成立70周年,中原区举办摄影展。")
    assert "中华人民共和国" not in doc.places
    assert "中原区" in doc.places


def test_a_word_ending_in_a_road_suffix_is_no_road() -> None:
    doc = doc_of("有的用扫把清扫路面,有的蹲在地上捡拾垃圾。")
    assert not any(name.endswith("路") for name in doc.places)


# --- later rules ------------------------------------------------------------------------------------------------


def test_two_abbreviated_levels_name_two_bodies() -> None:
    doc = doc_of("省市总工会机关部分干部和市内五区总工会职工一起参加活动。", headline="全市“八大群体”健步走")
    assert {"河南省总工会", "郑州市总工会"} <= set(doc.bodies)
    assert "河南省市总工会" not in doc.bodies


def test_urban_area_is_no_pair_of_abbreviations() -> None:
    doc = doc_of("市区交警大队加强巡逻。")
    assert doc.bodies and all(name.startswith("郑州市区") for name in doc.bodies)


def test_a_place_anchors_a_body_when_only_name_words_stand_between() -> None:
    doc = doc_of(
        "调研组一行先后到长兴路街道便民服务中心和花园口镇大庙村便民服务站等地。", headline="郑州市政务办调研惠济区"
    )
    assert "花园口镇大庙村便民服务站" in doc.bodies
    named = doc_of("中国国际贸易促进委员会代表团抵达。")
    assert "中国国际贸易促进委员会" in orgs(named)  # a place anchors a name holding a verb (促进)


def test_a_floor_of_a_body_building_is_a_place() -> None:
    seed = doc_of("“生态中原”摄影作品展在中原区委北一楼开幕。")
    assert "中原区委北一楼" in seed.places
    unseen = doc_of("活动在市政府办公楼举行。")
    assert "郑州市政府办公楼" in unseen.places or "市政府办公楼" in locs(unseen)


def test_a_bracketed_alias_is_no_second_body() -> None:
    doc = doc_of("经开区宣传部(文明办)开展文明城市创建实地督导。")
    assert "经开区宣传部" in doc.bodies
    assert "文明办" not in orgs(doc) and "文明办" not in doc.bodies
    unseen = doc_of("市民政局(市老龄办)和市卫健委联合开展走访。")
    assert "市老龄办" not in orgs(unseen)
    assert "市卫健委" in orgs(unseen)


def test_a_bare_street_office_is_no_body() -> None:
    doc = doc_of("街道办联合辖区学校开展演练。", headline="主题党日里的应急考")
    assert "街道办" not in doc.bodies and "街道办" not in orgs(doc)


def test_a_generic_part_named_after_a_zone_is_one_place() -> None:
    doc = doc_of("视察组先后到中央文化区北核心片区、须水河核心片区视察。", headline="中原区政协视察")
    assert "中央文化区北核心片区" in doc.places
    assert "北核心片区" not in doc.places
    county = doc_of("安义县万埠镇开展植树活动。")
    assert county.places["万埠镇"].parent == "安义县"


def test_quantifiers_in_front_of_a_kind_make_no_body() -> None:
    doc = doc_of("多家银行和两家公司参与了竞标,国有资产监督管理委员会予以指导。")
    assert not {"多家银行", "两家公司", "银行", "公司"} & orgs(doc)
    assert "国有资产监督管理委员会" in orgs(doc)


def test_determiners_in_front_of_a_place_are_cut() -> None:
    doc = doc_of("景区内有众多山峰,很多小山连绵起伏,旁边是一种泸沽湖式的湖泊。")
    assert not any(name.startswith(("众多", "很多", "一种")) for name in doc.places)


def test_a_one_character_determiner_is_cut_only_before_a_suffix_word() -> None:
    doc = doc_of("本溪钢铁公司与该公司签订合同。")
    assert "本溪钢铁公司" in orgs(doc)
    assert "该公司" not in orgs(doc)
