"""Events, bodies, roles and places the second blind set (tests/gold/blind2) showed wrong: general rules and
lexicon lines, tested on the pages' own sentences.

Sentences marked "written for the test" are not from any page: they check that a rule holds elsewhere.
"""

from __future__ import annotations

from extract_helpers import body_roles, doc_of, first_event, person_roles, posts_of

# --- 1. a Party lecture is a study event --------------------------------------------------------------------


def test_special_party_lecture_is_a_study_event() -> None:
    event = first_event(
        "襄城县委书记讲专题党课\n本报讯（通讯员 马晓辉）11月5日下午，襄城县委书记李洪涛以“深学细悟 笃行实干 "
        "奋力谱写襄城高质量发展新篇章”为题，为全县党员干部讲专题党课。县委副书记、县长范志勇主持，"
        "县人大常委会主任程建华、县政协主席张玉梅等县级领导干部，各乡镇、县直各单位主要负责同志参加。"
    )
    assert event.kind == "study"
    assert person_roles(event) == {"李洪涛": "spoke", "范志勇": "presided", "程建华": "attended", "张玉梅": "attended"}
    # written for the test: a bare 党课 given by a town's secretary
    event = first_event("古荥镇党委书记上党课\n6月28日，古荥镇党委书记刘明为全镇党员上党课。")
    assert event.kind == "study"


# --- 2. bodies written short: abbreviated departments, cooperatives, the league committee in a list ---------


def test_abbreviated_department_and_cooperative_are_bodies() -> None:
    event = first_event(
        "郏县召开民营企业家座谈会\n本报讯(记者 曹亚楠)11月5日下午,郏县召开民营企业家座谈会,面对面听取企业家意见建议。"
        "县委书记吴振华出席并讲话,县委副书记、县长刘卫红主持。县委常委、常务副县长胡志刚,副县长李晓燕及县发改委、"
        "县工信局、县税务局等部门负责人参加座谈。座谈会上,河南金冠铜业有限公司、郏县红牛养殖专业合作社等10家企业"
        "负责人先后发言。"
    )
    bodies = body_roles(event)
    assert bodies["郏县发改委"] == "attended"
    assert bodies["郏县工信局"] == "attended"
    assert bodies["郏县红牛养殖专业合作社"] == "attended"
    # written for the test: 发改委 is a department, not a party committee; 卫健委 after a person's name too
    doc = doc_of("长葛市召开疫苗接种推进会\n11月2日,副市长王丽及市卫健委、市发改委负责人参加会议。")
    kinds = {name: body.kind for name, body in doc.bodies.items()}
    assert kinds.get("长葛市卫健委") == "department"
    assert kinds.get("长葛市发改委") == "department"


def test_bare_league_committee_in_a_list_of_organisers() -> None:
    event = first_event(
        "惠济区开展“文明交通 你我同行”志愿服务活动\n本报讯 近日,由惠济区文明办、团区委主办,区交警大队协办的"
        "“文明交通 你我同行”志愿服务活动在长兴路街道英才街与天河路交叉口启动。"
    )
    expected = {"惠济区文明办": "organiser", "团惠济区委": "organiser", "惠济区交警大队": "co_organiser"}
    assert body_roles(event) == expected


# --- 3. the second body of a list keeps its role ------------------------------------------------------------


def test_rural_revitalisation_bureau_is_no_pair_of_divisions() -> None:
    event = first_event(
        "中牟县领导调研乡村振兴重点工作\n本报讯(记者 王晓 通讯员 李鹏飞)11月3日上午,中牟县委书记刘振国带队到狼城岗镇、"
        "万滩镇调研乡村振兴重点工作。县委常委、组织部部长高建民,副县长吴丽萍,县农业农村局、县乡村振兴局主要负责人"
        "陪同调研。"
    )
    assert body_roles(event) == {"中牟县农业农村局": "host", "中牟县乡村振兴局": "host"}
    # written for the test: a city's bureau of the same name, alone
    doc = doc_of("登封市召开乡村振兴工作推进会\n11月8日,登封市召开推进会,市乡村振兴局局长李刚作汇报。")
    assert "登封市乡村振兴局" in doc.bodies


# --- 4. common words are no bodies or places ----------------------------------------------------------------


def test_suffix_inside_a_verb_or_a_member_noun_is_no_body() -> None:
    doc = doc_of(
        "长葛市表彰“最美家庭”\n受表彰家庭代表、和尚桥镇坡胡村村民刘桂香作了交流发言，讲述了一家三代孝老爱亲、"
        "和睦相处的故事。"
    )
    assert not any("相处" in name for name in doc.bodies)
    doc = doc_of(
        "林州市开展执法检查\n韩振东指出，要持续抓好扬尘源治理，依法严厉查处环境违法行为，推动空气质量持续改善。"
    )
    assert not any("查处" in name for name in doc.bodies)
    doc = doc_of(
        "卫东区委理论学习中心组开展集体学习\n卫东区委理论学习中心组举行集体学习,专题学习《中国共产党纪律处分条例》。"
    )
    assert not any("纪律处" in name for name in doc.bodies)
    event = first_event(
        "登封市举行冬季森林防火应急演练\n本报讯(记者 刘洋)11月5日上午,登封市2024年冬季森林防火应急演练在大冶镇周山村"
        "举行。副市长马卫东现场观摩并讲话,市应急管理局、市林业局、大冶镇等单位及专业扑火队员共200余人参加演练。"
        "\n接到报警后,大冶镇立即启动应急预案,专业扑火队、乡镇半专业扑火队迅速集结赶赴现场。"
    )
    assert "专业扑火队" not in body_roles(event)  # its members (队员) attended; the team is named elsewhere
    assert body_roles(event)["登封市林业局"] == "attended"
    # written for the test: a body whose abbreviation reads as a verb keeps its name (市侨办)
    doc = doc_of("郑州市召开侨务工作会议\n11月5日,市侨办主任王东主持会议。")
    assert "郑州市侨办" in doc.bodies


def test_industry_word_and_town_opening_with_a_conjunction_character() -> None:
    doc = doc_of(
        "新密市委常委会召开扩大会议\n会议指出,各级各部门要紧盯煤矿、非煤矿山、燃气、道路交通等重点行业领域,"
        "深入开展隐患排查整治。"
    )
    assert "非煤矿山" not in doc.places
    doc = doc_of(
        "长葛市表彰“最美家庭”\n受表彰家庭代表、和尚桥镇坡胡村村民刘桂香作了交流发言，讲述了一家三代孝老爱亲的故事。"
    )
    assert "和尚桥镇" in doc.places and "桥镇坡胡村" not in doc.places


# --- 5. named sites with no place word ----------------------------------------------------------------------


def test_market_is_a_site_named_with_its_city() -> None:
    event = first_event(
        "市政协视察禹州市中医药产业发展情况\n本报讯（记者 郭涛 通讯员 黄建业）11月6日，市政协主席杨树林带领部分"
        "市政协委员，到禹州市视察中医药产业发展情况。市政协副主席周文斌，禹州市委书记蒋国庆，禹州市委副书记、"
        "市长何立新等参加视察。\n视察组一行先后来到禹州市中药材交易市场、瑞祥药业有限公司、方山镇中药材种植基地，"
        "实地察看中药材种植、加工、交易情况，听取禹州市中医药产业发展情况汇报。"
    )
    assert "禹州市中药材交易市场" in event.places
    assert "中药材交易市场" not in event.places
    # written for the test: a wholesale market after a district; the market as an economy is no place
    doc = doc_of("金水区开展食品安全检查\n11月6日,检查组来到金水区蔬菜批发市场,察看农产品检测情况,要求规范市场秩序。")
    assert "金水区蔬菜批发市场" in doc.places
    assert not any(name.endswith("市场") and name != "金水区蔬菜批发市场" for name in doc.places)


def test_development_zone_of_another_city_is_not_the_home_citys() -> None:
    event = first_event(
        "汝州市第四季度重大项目集中开工\n本报讯(记者 田辉 通讯员 王博)11月6日上午,汝州市2024年第四季度重大项目集中"
        "开工仪式在汝州高新技术产业开发区主会场举行。汝州市委书记张建国宣布项目开工,市委副书记、市长宋光明致辞,"
        "市人大常委会主任孙德胜、市政协主席雷红霞等出席开工仪式。"
    )
    assert event.places[:2] == ["汝州高新技术产业开发区", "汝州市"]
    assert "高新区" not in event.places and "郑州市" not in event.places
    # written for the test: the home city's own zone, written in full, stays its 高新区
    doc = doc_of("郑州高新区举行项目签约仪式\n11月8日,签约仪式在郑州高新技术产业开发区举行。")
    assert "高新区" in doc.places


# --- 3b. a county-level city's own bare 市 -------------------------------------------------------------------


def test_bare_city_in_a_county_level_citys_own_article_is_that_city() -> None:
    doc = doc_of(
        "新密市委常委会召开扩大会议\n本报讯(记者 张华 通讯员 赵一鸣)11月4日下午,新密市委书记王志强主持召开市委常委会"
        "(扩大)会议,传达学习省委、郑州市委有关会议精神,研究部署冬季安全生产、清洁取暖等近期重点工作。市委副书记、"
        "市长陈晓东,市人大常委会主任李春生,市政协主席赵红梅等市领导参加会议。"
    )
    assert posts_of(doc, "陈晓东") == [("副书记", "新密市委"), ("市长", "新密市政府")]
    assert posts_of(doc, "李春生") == [("主任", "新密市人大常委会")]
    assert posts_of(doc, "赵红梅") == [("主席", "新密市政协")]
    # written for the test: the home city's leader visiting the county-level city keeps the home city's 市委
    doc = doc_of(
        "市委书记到新密市调研\n11月4日,市委书记刘伟带队到新密市调研,新密市委书记王志强陪同。"
    )
    assert posts_of(doc, "刘伟") == [("书记", "郑州市委")]
    assert posts_of(doc, "王志强") == [("书记", "新密市委")]


# --- 2. roles at a drill: the watcher attends, the commander-in-chief leads -----------------------------------


def test_watching_and_speaking_at_a_drill_is_attending() -> None:
    event = first_event(
        "登封市举行冬季森林防火应急演练\n本报讯(记者 刘洋)11月5日上午,登封市2024年冬季森林防火应急演练在大冶镇周山村"
        "举行。副市长马卫东现场观摩并讲话,市应急管理局、市林业局、大冶镇等单位及专业扑火队员共200余人参加演练。"
    )
    assert event.kind == "drill"
    assert person_roles(event) == {"马卫东": "attended"}


def test_the_drills_commander_in_chief_leads_it() -> None:
    event = first_event(
        "殷都区开展危险化学品事故应急救援演练\n本报讯（记者 黄丽 通讯员 付强）11月8日上午，由殷都区应急管理局主办、"
        "安阳鑫达化工有限公司承办的危险化学品事故应急救援演练在水冶镇该公司厂区举行。副区长田志勇任演练总指挥，"
        "区消防救援大队、区卫生健康委、水冶镇等单位参加演练。"
    )
    assert person_roles(event) == {"田志勇": "led"}
    # written for the test: 担任总指挥 as well, and a watcher beside the commander attends
    event = first_event(
        "中牟县开展防汛应急演练\n6月10日上午，中牟县防汛应急演练在雁鸣湖镇举行。副县长王磊担任总指挥，"
        "县委常委李明现场观摩并致辞。"
    )
    assert person_roles(event) == {"王磊": "led", "李明": "attended"}


# --- 7. a body written short in the headline is the one the lead names in full -------------------------------


def test_headline_short_body_is_the_leads_full_one() -> None:
    event = first_event(
        "市督导组到宝丰县督导秸秆禁烧工作\n本报讯(记者 高峰 通讯员 杜娟)11月4日,平顶山市秸秆禁烧工作第二督导组组长、"
        "市农业农村局副局长邢建设带领督导组到宝丰县,督导检查秸秆禁烧和综合利用工作。宝丰县委常委、副县长黄明亮陪同督导。"
    )
    assert body_roles(event) == {"平顶山市秸秆禁烧工作第二督导组": "visitor"}
    # written for the test: two groups named in full leave the short name as it is (which one is not said)
    doc_event = first_event(
        "市督导组到中牟县督导秸秆禁烧工作\n11月4日,郑州市秸秆禁烧第一督导组、郑州市秸秆禁烧第二督导组到中牟县督导检查"
        "秸秆禁烧工作,中牟县副县长吴丽萍陪同。"
    )
    assert "郑州市督导组" in body_roles(doc_event)


# --- 10. a demonstration zone is a site only after the place that holds it ------------------------------------


def test_demonstration_zone_after_its_village_is_a_site_of_the_visit() -> None:
    event = first_event(
        "中牟县领导调研乡村振兴重点工作\n本报讯(记者 王磊)11月3日上午,中牟县委书记刘振国带队到狼城岗镇、万滩镇调研乡村"
        "振兴重点工作。\n刘振国一行先后来到狼城岗镇东狼城岗村高标准农田示范区、万滩镇三刘寨村大蒜冷链仓储中心,察看农田"
        "水利设施建设和冷链项目运营情况。"
    )
    for place in ("东狼城岗村高标准农田示范区", "东狼城岗村", "三刘寨村大蒜冷链仓储中心", "三刘寨村", "万滩镇"):
        assert place in event.places
    # the seeds' policy zone (page 000) names no place: no container before it
    doc = doc_of(
        "开封市人大到惠济区考察\n4月8日上午,开封市人大常委会主任阎红心带队到惠济区考察黄河流域生态保护和高质量发展"
        "核心示范区起步区建设工作。"
    )
    assert not any(name.endswith("示范区") for name in doc.places)


# --- 8. a body that goes somewhere to carry out an inspection is its visitor ---------------------------------


def test_body_going_to_carry_out_an_inspection_is_the_visitor() -> None:
    event = first_event(
        "市人大常委会到林州市开展大气污染防治法执法检查\n本报讯（记者 郭芳）11月5日至6日，市人大常委会副主任韩振东带领"
        "执法检查组，到林州市开展大气污染防治法执法检查。林州市委副书记、市长常建林，市人大常委会主任郝文杰陪同检查。"
    )
    assert event.kind == "inspection"
    # 市 = 安阳市, 林州市's prefecture; it came to 林州市 (到), so it visits rather than organises (开展)
    assert body_roles(event) == {"安阳市人大常委会": "visitor"}
    # written for the test: outside a visit, the body that comes still runs what it carries out
    event = first_event(
        "志愿服务队走进社区\n3月5日，惠济区青年志愿服务队走进长兴路街道东风社区，开展学雷锋志愿服务活动。"
    )
    assert body_roles(event) == {"惠济区青年志愿服务队": "organiser"}
    # written for the test: outside a visit, with someone presiding, the body that came to carry it out runs it
    event = first_event(
        "惠济区开展志愿服务活动\n3月5日，惠济区志愿者协会到东风社区开展学雷锋志愿服务活动，区委副书记张三主持启动仪式。"
    )
    assert body_roles(event) == {"惠济区志愿者协会": "organiser"}


# --- 4. a name inside a leader's speech, after a verb of carrying out -----------------------------------------


def test_name_after_a_verb_of_carrying_out_with_its_title_after() -> None:
    doc = doc_of(
        "卫东区委理论学习中心组开展集体学习\n11月7日上午，卫东区委书记许国平主持学习。许国平强调，要深入学习贯彻"
        "习近平总书记关于党的建设的重要思想，切实把学习成果转化为推动高质量发展的实际成效。"
    )
    assert ("总书记", "中共中央") in posts_of(doc, "习近平")
    # written for the test: 落实 as well
    doc = doc_of("区委常委会召开会议\n会议要求，认真落实习近平总书记关于安全生产的重要指示精神。")
    assert "习近平" in doc.persons


# --- 9/10. an item of a visit's list that no name covers does not end the list --------------------------------


def test_firm_after_an_unnamed_stop_of_the_route_is_a_place() -> None:
    event = first_event(
        "市人大常委会到林州市开展大气污染防治法执法检查\n本报讯（记者 郭芳）11月5日至6日，市人大常委会副主任韩振东带领"
        "执法检查组，到林州市开展大气污染防治法执法检查。\n检查组一行先后深入安林高速东姚收费站、河南凤宝特钢有限公司、"
        "姚村镇清洁取暖改造示范村等地，实地察看扬尘管控、工业企业超低排放改造和清洁取暖工作开展情况。"
    )
    assert "河南凤宝特钢有限公司" in event.places
    assert "姚村镇" in event.places and "林州市" in event.places
    # written for the test: a list after a clause break, not a visit word, names no stop
    doc = doc_of("林州市召开会议\n会议要求，加强扬尘管控、河南凤宝特钢有限公司要落实超低排放改造。")
    assert "河南凤宝特钢有限公司" not in doc.places


# --- 10. a firm referred to by 该公司 where the event is held is a place of it ----------------------------------


def test_firm_referred_to_by_its_kind_hosts_the_drill() -> None:
    event = first_event(
        "殷都区开展危险化学品事故应急救援演练\n本报讯（记者 黄丽 通讯员 付强）11月8日上午，由殷都区应急管理局主办、"
        "安阳鑫达化工有限公司承办的危险化学品事故应急救援演练在水冶镇该公司厂区举行。副区长田志勇任演练总指挥。"
    )
    assert event.places[:2] == ["安阳鑫达化工有限公司", "水冶镇"]
    # written for the test: 该公司 as the subject of a clause is no venue (在 comes after it), the firm no place
    doc = doc_of(
        "殷都区召开安全生产会议\n11月8日，会议听取了安阳鑫达化工有限公司的汇报，该公司负责人表示将在厂区举行演练。"
    )
    assert "安阳鑫达化工有限公司" in doc.bodies and "安阳鑫达化工有限公司" not in doc.places
    # written for the test: 该单位 says no kind of body, so no body's premises are meant
    doc = doc_of("殷都区开展检查\n11月8日，殷都区督导组来到水冶镇，随后在该单位会议室召开座谈会。")
    assert "殷都区督导组" not in doc.places
