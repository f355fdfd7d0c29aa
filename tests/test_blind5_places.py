"""Places of events on the sentences of blind gold set 5 (tests/gold/blind5/pages), after its one run: towns named
only as the start of a site's name, towns after a conjunction, and sites cut or joined wrongly (kg/extract/places.py,
the place part of kg/extract/events.py, the place lexicons)."""

from __future__ import annotations

from kg.extract.pipeline import extract_article
from kg.model import Article, Event, Place
from kg.settings import Settings


def _extract(headline: str, *paragraphs: str) -> tuple[list[Event], dict[str, Place]]:
    text = "\n".join([headline, *paragraphs])
    article = Article(id="t-0-00000000", file="t.txt", position=0, headline=headline, text=text)
    extraction = extract_article(article, Settings())
    return extraction.events, {p.name: p for p in extraction.places}


def _places(headline: str, *paragraphs: str) -> list[str]:
    events, _places = _extract(headline, *paragraphs)
    assert len(events) == 1
    return events[0].places


ZHECHENG = (
    "市人大常委会到柘城县开展食品安全执法检查",
    "本报讯（记者 李明 通讯员 张华）5月21日，市人大常委会执法检查组到柘城县开展食品安全执法检查。",
    "执法检查组一行先后来到柘城县辣椒大市场、河南椒源食品有限公司和起台镇中心学校食堂，实地察看农产品快速检测等情况。",
)

WUYANG = (
    "秦卫东到舞阳县调研盐化工产业发展时强调",
    "本报讯（记者 王强）6月3日，市委副书记秦卫东到舞阳县调研盐化工产业发展。",
    "秦卫东一行先后来到舞阳县盐化工产业园、漯河舞阳盐化科技有限公司和舞泉镇污水处理厂，走进企业生产车间、中控室，"
    "详细了解企业生产经营等情况。",
)

FANXIAN = (
    "市委第二督导组到范县督导防溺水工作",
    "本报讯（记者 赵敏）6月12日，市委第二督导组到范县督导防溺水工作。",
    "督导组一行先后深入陈庄镇中心校、王楼镇金堤河沿岸和杨集乡黄河滩区坑塘，实地查看警示标牌设置情况。",
)


def test_a_town_after_a_conjunction_is_named_whole() -> None:
    # 和起台镇, 和舞泉镇, 和杨集乡: 起, 舞 read as verbs and 集 as a measure word, but a conjunction opens the name
    _events, places = _extract(*ZHECHENG)
    assert places["起台镇"].level == "town"
    assert places["起台镇中心学校"].parent == "起台镇"
    _events, places = _extract(*WUYANG)
    assert places["舞泉镇"].level == "town"
    assert places["舞泉镇污水处理厂"].parent == "舞泉镇"
    _events, places = _extract(*FANXIAN)
    assert places["杨集乡"].level == "town"


def test_the_town_a_site_name_opens_with_is_a_place_of_the_event() -> None:
    assert {"起台镇中心学校", "起台镇", "柘城县"} <= set(_places(*ZHECHENG))
    assert {"舞泉镇污水处理厂", "舞泉镇", "舞阳县"} <= set(_places(*WUYANG))
    places = _places(
        "郾城区“老兵调解室”揭牌",
        "本报讯（记者 田慧敏）6月4日上午，郾城区退役军人事务局联合区司法局，在沙北街道退役军人服务站举行“老兵调解室”"
        "揭牌仪式。",
    )
    assert {"沙北街道退役军人服务站", "沙北街道", "郾城区"} <= set(places)
    # most specific first: the site before the town its name opens with
    assert places.index("沙北街道退役军人服务站") < places.index("沙北街道")
