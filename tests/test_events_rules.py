"""Event rules on single articles: seed sentences, and news sentences from other sources (People's Daily 1998
and CLUENER2020 in /work/shared/data/ner, ids given) so that the rules are not fitted to the seeds alone."""

from __future__ import annotations

import re

from extract_helpers import article_of
from hypothesis import given
from hypothesis import strategies as st

from kg.extract.events import SpanIndex, detect_events
from kg.extract.pipeline import extract_article
from kg.model import Article, Body, Event, Mention, Person, Place, Post, Provenance
from kg.settings import Settings


def _article(headline: str, *paragraphs: str, file: str = "nowhere/900_test.txt") -> Article:
    text = "\n".join([headline, *paragraphs])
    return Article(id="t-0", file=file, position=0, headline=headline, text=text)


def _events(
    article: Article,
    persons: dict[str, str | None] | None = None,
    bodies: tuple[str, ...] = (),
    places: tuple[tuple[str, str, str | None], ...] = (),
    settings: Settings | None = None,
) -> list[Event]:
    """Persons by name (with the body of their post, if any), bodies and places located in the text."""
    text = article.text
    people, mentions = [], []
    for name, employer in (persons or {}).items():
        found = [Mention("PER", m.start(), m.end(), name, "test") for m in re.finditer(name, text)]
        posts = [Post("职务", employer, Provenance(article.id, 0, 0, 0, "test"))] if employer else []
        people.append(Person(name, posts=posts, mentions=found))
        mentions += found
    return detect_events(
        article, mentions, people, [Body(b) for b in bodies], [Place(*p) for p in places], settings or Settings()
    )


def _roles(event: Event, kind: str = "person") -> dict[str, str]:
    return {p.agent: p.role for p in event.participants if p.agent_type == kind}


def test_seed_inspection_with_accompanying_officials() -> None:
    article = _article(
        "开封市人大到惠济区考察黄河流域生态保护和高质量发展核心示范区起步区建设工作",
        "本报讯 4月8日上午,郑州市人大常委会主任胡荃陪同开封市人大常委会主任阎红心等一行,来到惠济区黄河滩地公园,"
        "考察黄河流域生态保护和高质量发展核心示范区起步区建设工作,并就加快推进郑开一体化发展开展调研。"
        "郑州市人大常委会副主任蔡红,惠济区委副书记、区长丁文霞,区人大常委会副主任刘满仓等一同考察并介绍情况。",
    )
    persons = {
        "胡荃": "郑州市人大常委会",
        "阎红心": "开封市人大常委会",
        "蔡红": "郑州市人大常委会",
        "丁文霞": "惠济区政府",
        "刘满仓": "惠济区人大常委会",
    }
    places = (("惠济区", "district", "郑州市"), ("黄河滩地公园", "site", "惠济区"), ("郑州市", "city", None))
    events = _events(
        article, persons, ("开封市人大常委会", "郑州市人大常委会", "开封市人大"), places, Settings(year=2021)
    )
    assert len(events) == 1  # 考察 in the headline and the lead, 调研 in the lead: one occasion
    event = events[0]
    assert (event.kind, event.trigger, event.date.iso(), event.date.part_of_day) == (
        "inspection",
        "考察",
        "2021-04-08",
        "morning",
    )
    assert _roles(event) == {
        "胡荃": "accompanied",
        "阎红心": "led",
        "蔡红": "accompanied",
        "丁文霞": "accompanied",
        "刘满仓": "accompanied",
    }
    # the headline's 开封市人大 is the 开封市人大常委会 its vice-chairman comes from: one body, named in full
    assert _roles(event, "body") == {"开封市人大常委会": "visitor"}
    assert event.places == ["黄河滩地公园", "惠济区"]
    start, end = event.provenance.start, event.provenance.end
    assert article.text[start:end] == "考察" and event.provenance.sentence >= 1


def test_meeting_during_a_visit_joins_the_visit() -> None:
    article = _article(
        "中原区领导调研贾鲁河片区推进情况",
        "本报讯 8月31日上午,中原区委书记乔耸到贾鲁河片区指挥部调研片区推进情况,并召开座谈会。"
        "中原区委副书记、区委办主任杜建强,中原区政协、相关街道和局委及金科集团相关负责同志参加会议。",
        "乔耸表示,贾鲁河片区指挥部及金科集团前期做了大量工作。",
    )
    events = _events(article, {"乔耸": "中原区委", "杜建强": "中原区委"}, ("中原区委", "中原区政协", "金科集团"))
    assert [e.kind for e in events] == ["research"]
    assert _roles(events[0]) == {"乔耸": "led", "杜建强": "attended"}
    assert _roles(events[0], "body") == {"中原区政协": "attended", "金科集团": "attended"}


def test_organisers_and_speakers() -> None:
    article = _article(
        "全市“八大群体”母亲河畔健步走",
        "本报讯 为迎接“五一”国际劳动节,4月13日上午,由郑州市总工会主办、惠济区总工会和郑州银行惠济支行承办的"
        "主题健步走活动在美丽的黄河滩地公园举行。",
        "郑州市总工会二级巡视员施展指出,各级工会组织要关心关爱。",
        "惠济区委常委、组织部部长符维表示,在黄河生态廊道举办活动。",
    )
    events = _events(
        article,
        {"施展": "郑州市总工会", "符维": "惠济区委"},
        ("郑州市总工会", "惠济区总工会", "郑州银行惠济支行", "惠济区委"),
    )
    assert len(events) == 1 and events[0].kind == "campaign"
    assert _roles(events[0]) == {"施展": "spoke", "符维": "spoke"}
    assert _roles(events[0], "body") == {
        "郑州市总工会": "organiser",
        "惠济区总工会": "co_organiser",
        "郑州银行惠济支行": "co_organiser",
    }


def test_watched_ceremony_is_not_an_event_and_study_outranks_meeting() -> None:
    article = _article(
        "中原区委理论学习中心组召开2020年度第九次集体学习(扩大)会议 集中收听收看全国抗击新冠肺炎疫情表彰大会",
        "本报讯 9月8日上午,中原区委理论学习中心组召开第九次集体学习(扩大)会议,组织收听收看全国抗击新冠肺炎疫情表彰大会。"  # noqa: E501
        "区领导乔耸、李晓雷等区委理论学习中心组成员,全区各单位主要负责人参会。",
    )
    events = _events(article, {"乔耸": None, "李晓雷": None}, ("中原区委理论学习中心组",))
    assert [(e.kind, e.date.iso()) for e in events] == [("study", "2020-09-08")]  # the year from 2020年度
    assert _roles(events[0]) == {"乔耸": "attended", "李晓雷": "attended"}
    assert _roles(events[0], "body") == {"中原区委理论学习中心组": "organiser"}


def test_drill_in_a_later_paragraph_with_its_own_date() -> None:
    article = _article(
        "主题党日里的疫情防控“应急考”",
        "启动应急预案进入战时状态,重点演练了现场应急处置工作流程。",
        "同时,演练现场也是该街道主题党日活动的现场教科书。随后举行了主题党日活动。",
        "8日下午3点,郑州幼儿师范高等专科学校一名新冠肺炎“确诊”者曾经到访过学校行政楼。原来,这是一场演习。",
    )
    events = _events(article)
    assert [e.kind for e in events] == ["campaign", "drill"]
    assert events[1].date.text == "8日下午3点" and events[1].date.iso() is None


def test_no_event_without_trigger_or_date() -> None:
    ongoing = _article(
        "加强疫情防控举措 落实到村到户到人",
        "本报讯 中原区西流湖街道聚焦疫情防控监督重点,加大督导检查力度,推进疫苗接种监督常态化。",
    )
    assert _events(ongoing) == []
    quoted = _article(
        "坚持常态化监督",
        "“你们单位要根据交办函提示,尽快核实相关人员迟到情况,并做深刻检查,举一反三,加强日常管理。”",
    )
    assert _events(quoted) == []  # 检查 inside quoted speech, no date


def test_people_daily_presided_meeting() -> None:  # pd98-dev-00291
    article = _article(
        "致公党中央召开会议",
        "致公党中央主席罗豪才主持会议并讲话，强调致公党要切实搞好领导班子建设。",
    )
    events = _events(article, {"罗豪才": "致公党中央"}, ("致公党中央",))
    assert [e.kind for e in events] == ["meeting"]
    assert _roles(events[0]) == {"罗豪才": "presided"}


def test_people_daily_research_visit() -> None:  # pd98-dev-00338
    article = _article(
        "市委书记深入企业调研",
        "省委常委、市委书记纪馨芳深入十二个市属机电企业进行调研，力求从总体上对全市机电行业进行系统的改革。",
    )
    events = _events(article, {"纪馨芳": "市委"}, ("省委", "市委"))
    assert [e.kind for e in events] == ["research"]
    assert _roles(events[0]) == {"纪馨芳": "led"}
    assert _roles(events[0], "body") == {}  # 省委, 市委: her titles, not participants


def test_cluener_led_a_research_group() -> None:  # cluener-train-02281
    article = _article(
        "商务部调研组赴深圳调研",
        "为掌握更详细的情况，2月初商务部副部长蒋耀平曾率调研组赴深圳调研。",
    )
    events = _events(article, {"蒋耀平": "商务部"}, ("商务部",))
    assert [e.kind for e in events] == ["research"]
    assert _roles(events[0]) == {"蒋耀平": "led"}


def test_people_daily_delegation_is_not_an_inspection() -> None:  # pd98-dev-01729
    article = _article(
        "贾庆林会见台湾客人",
        "中共中央政治局委员、北京市市长贾庆林今天下午也在京会见了台湾“工商建设研究会”经贸考察团一行。",
    )
    events = _events(article, {"贾庆林": "北京市政府"})
    assert [e.kind for e in events] == ["meeting"]  # 会见; 考察团 names a delegation, not an inspection
    assert events[0].date.relative and events[0].date.text == "今天下午"


def test_reporters_are_never_participants() -> None:
    article = _article(
        "经开区领导调研党建引领网格化基层治理工作",
        "本报讯 3月18日,经开区党工委副书记郭宏力带队到明湖、潮河、前程办事处开展调研。记者 鲁慧",
    )
    article.reporters = ["鲁慧"]
    events = _events(article, {"郭宏力": "经开区党工委", "鲁慧": None})
    assert _roles(events[0]) == {"郭宏力": "led"}


def test_unseen_accompanied_under_and_presided_by() -> None:
    # the usual shapes of a county page: "在……陪同下", "会议由……主持", "莅临……调研指导"
    visit = _article(
        "省农业农村厅到我县调研乡村振兴工作",
        "5月20日下午,省农业农村厅副厅长李明一行莅临我县调研乡村振兴工作。在县委副书记王芳、副县长赵刚陪同下,"
        "调研组先后来到城关镇东关村、高庄镇果蔬基地,实地察看产业发展情况。",
    )
    places = (("城关镇", "town", "某县"), ("东关村", "village", "城关镇"), ("某县", "district", None))
    events = _events(visit, {"李明": "省农业农村厅", "王芳": "县委", "赵刚": "县政府"}, ("省农业农村厅",), places)
    assert [(e.kind, e.date.iso()) for e in events] == [("research", "--05-20")]
    assert _roles(events[0]) == {"李明": "led", "王芳": "accompanied", "赵刚": "accompanied"}
    assert events[0].places[:2] == ["东关村", "城关镇"]
    meeting = _article(
        "县政府召开第十二次常务会议",
        "6月3日上午,县政府召开第十二次常务会议。会议由县长孙伟主持,副县长周强、吴敏出席会议。",
        "孙伟强调,要压实责任。",
    )
    events = _events(meeting, {"孙伟": "县政府", "周强": "县政府", "吴敏": "县政府"}, ("县政府",))
    assert [e.kind for e in events] == ["meeting"]
    assert _roles(events[0]) == {"孙伟": "presided", "周强": "attended", "吴敏": "attended"}
    assert _roles(events[0], "body") == {"县政府": "organiser"}


def test_unseen_two_dated_events_in_one_article() -> None:
    article = _article(
        "我区开展防汛应急演练",
        "6月12日上午,区应急管理局在河滨公园开展防汛应急演练。",
        "6月14日下午,区应急管理局召开防汛工作推进会,总结演练情况。",
    )
    events = _events(article, bodies=("区应急管理局",))
    assert [(e.kind, e.date.iso()) for e in events] == [("drill", "--06-12"), ("meeting", "--06-14")]
    assert all(_roles(e, "body") == {"区应急管理局": "organiser"} for e in events)
    assert [e.ordinal for e in events] == [0, 1]


@given(
    st.lists(st.tuples(st.integers(0, 40), st.integers(1, 15)), max_size=12),
    st.integers(0, 50),
    st.integers(1, 12),
)
def test_span_index_agrees_with_brute_force(raw: list[tuple[int, int]], start: int, length: int) -> None:
    spans = [(s, s + n) for s, n in raw]
    end = start + length
    index = SpanIndex(spans)
    assert index.overlaps(start, end) == any(s < end and start < e for s, e in spans)
    assert index.contains(start, end) == any(s <= start and end <= e for s, e in spans)
    longer = any(s <= start and end <= e and (s, e) != (start, end) for s, e in spans)
    assert index.contains(start, end, strictly=True) == longer


def test_long_article_stays_fast_enough_to_finish() -> None:
    # 2,000 repeated paragraphs: every lookup must stay near-linear (no timing asserted, the size is the test)
    sentence = (
        "4月8日上午,郑州市人大常委会主任胡荃陪同开封市人大常委会主任阎红心等一行,"
        "来到惠济区黄河滩地公园,考察建设工作。"
    )
    article = _article("开封市人大到惠济区考察", *([sentence] * 2000))
    events = _events(article, {"胡荃": "郑州市人大常委会", "阎红心": "开封市人大常委会"}, ("开封市人大常委会",))
    assert len(events) == 1 and _roles(events[0]) == {"胡荃": "accompanied", "阎红心": "led"}


def test_a_later_bare_day_takes_the_month_of_the_lead() -> None:
    article = _article(
        "我区开展消防安全检查",
        "6月12日上午,区消防救援大队对辖区商场开展消防安全检查。",
        "13日下午,区消防救援大队在万达广场组织开展消防应急演练。",
    )
    events = _events(article, bodies=("区消防救援大队",), settings=Settings(year=2023))
    assert [(e.kind, e.date.iso()) for e in events] == [("inspection", "2023-06-12"), ("drill", "2023-06-13")]


def test_news_agency_and_co_reporters_are_not_participants() -> None:  # pd98-dev-01105 and a 新华社 dateline
    article = _article(
        "罗干会晤安南",
        "本报联合国6月9日电记者符福洲、周德武报道：出席特别联大的中国代表团团长、国务委员罗干今天上午在纽约会晤了安南。",
        "新华社北京6月10日电由国务院法制办公室主办的座谈会今天在京举行。",
    )
    events = _events(article, {"符福洲": None, "周德武": None, "罗干": None}, ("新华社", "国务院法制办公室"))
    people = {name for e in events for name in _roles(e)}
    assert "符福洲" not in people and "周德武" not in people
    bodies = {name for e in events for name in _roles(e, "body")}
    assert "新华社" not in bodies and "国务院法制办公室" in bodies


def test_future_events_are_not_events() -> None:  # cluener-train: 市房管部门将启动一场大规模的限价房调研
    article = _article("限价房政策出台在即", "昨日,市房管部门将启动一场大规模的限价房调研。")
    assert _events(article, bodies=("市房管部门",)) == []


def test_cut_off_dates_and_commemorations_are_not_events() -> None:  # pd98-dev-01894, pd98-dev-00018
    cut_off = _article("六名运动员确认阳性", "截至今年3月13日，对这6名运动员的追踪检查已全部结束，并确认阳性无误。")
    assert _events(cut_off) == []
    commemoration = _article(
        "图书出版工作会议召开",
        "本报北京5月14日讯 国家新闻出版署今天在京召开关于做好纪念党的十一届三中全会召开20周年图书出版工作会议。",
    )
    events = _events(commemoration, bodies=("国家新闻出版署",))
    assert [(e.kind, e.trigger) for e in events] == [("meeting", "工作会议")]
    assert _roles(events[0], "body") == {"国家新闻出版署": "organiser"}


def test_the_subject_of_the_lead_acts_in_its_later_clauses() -> None:
    article = _article(
        "金水区开展“扫黄打非”专项行动",
        "本报讯 连日来,金水区文化市场综合执法大队联合公安、市场监管等部门,在辖区开展“扫黄打非”专项行动。",
    )
    events = _events(article, bodies=("金水区文化市场综合执法大队",))
    assert [(e.kind, e.date.text) for e in events] == [("campaign", "连日来")]
    assert _roles(events[0], "body") == {"金水区文化市场综合执法大队": "organiser"}


def test_a_city_written_short_in_the_organisers_name_is_no_place_of_the_event() -> None:
    # seed page 002: the volunteer team's name opens with 郑州 (the bus company's), the article names no place
    events = extract_article(
        article_of(
            "践行垃圾分类 共创优美环境\n本报讯(记者 郝磊 通讯员 孟雷东)为进一步推动生活垃圾分类有序开展,昨日上午,"
            "郑州公交苏师傅党员志愿服务队走进社区,广泛开展爱国卫生月“垃圾分类”宣传活动。"
        ),
        Settings(),
    ).events
    assert len(events) == 1 and events[0].places == []
    # written for the test: a body whose name writes its district in full still places the event there
    events = extract_article(
        article_of("经开区宣传部开展志愿服务\n3月5日,经开区宣传部组织志愿者开展学雷锋志愿服务活动。"), Settings()
    ).events
    assert events and events[0].places == ["经开区"]
