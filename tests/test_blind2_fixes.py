"""Events, bodies, roles and places the second blind set (tests/gold/blind2) showed wrong: general rules and
lexicon lines, tested on the pages' own sentences.

Sentences marked "written for the test" are not from any page: they check that a rule holds elsewhere.
"""

from __future__ import annotations

from kg.extract.pipeline import analyse, extract_article
from kg.model import Article, Event, Extraction
from kg.settings import Settings


def _article(text: str) -> Article:
    headline = text.partition("\n")[0]
    return Article(id="t-0-0", file="t.txt", position=0, headline=headline, text=text)


def _doc(text: str):
    return analyse(_article(text), Settings())


def _extract(text: str) -> Extraction:
    return extract_article(_article(text), Settings())


def _event(text: str) -> Event:
    events = _extract(text).events
    assert events, "no event found"
    return events[0]


def _persons(event: Event) -> dict[str, str]:
    return {p.agent: p.role for p in event.participants if p.agent_type == "person"}


def _bodies(event: Event) -> dict[str, str]:
    return {p.agent: p.role for p in event.participants if p.agent_type == "body"}


# --- 1. a Party lecture is a study event --------------------------------------------------------------------


def test_special_party_lecture_is_a_study_event() -> None:
    event = _event(
        "襄城县委书记讲专题党课\n本报讯（通讯员 马晓辉）11月5日下午，襄城县委书记李洪涛以“深学细悟 笃行实干 "
        "奋力谱写襄城高质量发展新篇章”为题，为全县党员干部讲专题党课。县委副书记、县长范志勇主持，"
        "县人大常委会主任程建华、县政协主席张玉梅等县级领导干部，各乡镇、县直各单位主要负责同志参加。"
    )
    assert event.kind == "study"
    assert _persons(event) == {"李洪涛": "spoke", "范志勇": "presided", "程建华": "attended", "张玉梅": "attended"}
    # written for the test: a bare 党课 given by a town's secretary
    event = _event("古荥镇党委书记上党课\n6月28日，古荥镇党委书记刘明为全镇党员上党课。")
    assert event.kind == "study"
