# ruff: noqa: E501  (the page is real-format text: long lines are its paragraphs)
"""Events through the whole pipeline (corpus → mentions → officials → events) on a page the rules never saw:
county-level news in the seeds' format, written for this test."""

from __future__ import annotations

from pathlib import Path

import pytest

PAGE = """登封市召开2024年安全生产工作会议

本报讯 2月26日上午,登封市召开2024年安全生产工作会议。市委副书记、市长李华主持会议,市委常委、常务副市长王强传达了全省安全生产电视电话会议精神,副市长赵丽出席会议。

李华强调,各级各部门要牢固树立安全发展理念,坚决守牢安全生产底线。

记者 陈明

新密市领导到企业走访调研

本报讯 3月1日下午,新密市委书记张伟带领市发展改革委、市工业和信息化局负责同志,深入郑州华兴耐材有限公司开展走访调研,实地了解企业生产经营情况。新密市委常委、副市长刘洋陪同调研。

在郑州华兴耐材有限公司,张伟详细询问了企业订单、用工等情况。张伟指出,要持续优化营商环境。

通讯员 周华

中牟县与河南农业大学签署战略合作协议

本报讯 4月18日上午,中牟县人民政府与河南农业大学战略合作签约仪式在县行政中心举行。县委书记马强、河南农业大学校长李海涛出席签约仪式并致辞,县长陈静主持签约仪式。

根据协议,双方将在现代农业、人才培养等领域开展深度合作。

县领导走访慰问困难群众

本报讯 春节前夕,县委副书记、县长陈静带领县民政局、县人社局负责同志,走访慰问困难群众和老党员,为他们送去慰问金和生活物资。
"""


@pytest.fixture(scope="module")
def extractions(tmp_path_factory: pytest.TempPathFactory) -> list:
    pytest.importorskip("kg.extract.pipeline")
    from kg.corpus import read_articles
    from kg.extract.pipeline import extract_article
    from kg.settings import Settings

    folder: Path = tmp_path_factory.mktemp("unseen")
    (folder / "100_county.txt").write_text(PAGE, encoding="utf-8")
    return [extract_article(a, Settings()) for a in read_articles([str(folder)]).articles]


def test_meeting_with_presider_speaker_and_attendee(extractions: list) -> None:
    meeting = next(x for x in extractions if "安全生产" in x.article.headline)
    assert len(meeting.events) == 1  # 传达……会议精神 relays another meeting: no event of its own
    event = meeting.events[0]
    assert (event.kind, event.date.iso(), event.date.part_of_day) == ("meeting", "2024-02-26", "morning")
    roles = {p.agent: p.role for p in event.participants if p.agent_type == "person"}
    assert roles == {"李华": "presided", "王强": "spoke", "赵丽": "attended"}
    assert "陈明" not in roles  # the reporter


def test_research_visit_led_and_accompanied(extractions: list) -> None:
    visit = next(x for x in extractions if "走访调研" in x.article.headline)
    assert [e.kind for e in visit.events] == ["research"]
    event = visit.events[0]
    assert event.date.iso() == "2024-03-01"  # the year from the neighbouring article of the page
    roles = {p.agent: p.role for p in event.participants if p.agent_type == "person"}
    assert roles == {"张伟": "led", "刘洋": "accompanied"}
    for participation in event.participants:
        start, end = participation.provenance.start, participation.provenance.end
        assert visit.article.text[start:end] == participation.agent or participation.agent_type == "body"


def test_signing_ceremony_and_a_festival_visit(extractions: list) -> None:
    signing = next(x for x in extractions if "签署" in x.article.headline)
    assert [(e.kind, e.trigger, e.date.iso()) for e in signing.events] == [("ceremony", "签约", "2024-04-18")]
    roles = {p.agent: p.role for p in signing.events[0].participants if p.agent_type == "person"}
    assert roles == {"马强": "attended", "李海涛": "attended", "陈静": "presided"}  # 将……开展合作: not yet
    visit = next(x for x in extractions if "慰问" in x.article.headline)
    assert [(e.kind, e.date.text, e.date.relative) for e in visit.events] == [("other", "春节前夕", True)]
    assert {p.agent: p.role for p in visit.events[0].participants if p.agent_type == "person"} == {"陈静": "led"}
