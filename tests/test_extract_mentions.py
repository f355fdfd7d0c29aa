"""Mentions, places and bodies on single sentences; the statistical tagger as one source of persons."""

from __future__ import annotations

import pytest
from extract_helpers import doc_of
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.extract import officials
from kg.model import Mention


def test_offsets_hold_and_places_inside_bodies_are_no_mentions() -> None:
    doc = doc_of("由郑州市总工会主办、惠济区总工会和郑州银行惠济支行承办的健步走活动在黄河滩地公园举行。")
    for mention in doc.mentions:
        assert doc.text[mention.start : mention.end] == mention.text
    orgs = {m.text for m in doc.mentions if m.type == "ORG"}
    assert {"郑州市总工会", "惠济区总工会", "郑州银行惠济支行"} <= orgs
    locs = {m.text for m in doc.mentions if m.type == "LOC"}
    assert "黄河滩地公园" in locs and "郑州市" not in locs
    assert doc.bodies["郑州银行惠济支行"].parent == "郑州银行"
    assert doc.bodies["郑州市总工会"].kind == "mass_org"


def test_places_contain_each_other_and_sites_sit_in_the_article_district() -> None:
    doc = doc_of("调研组先后到长兴路街道便民服务中心和花园口镇大庙村便民服务站等地。", headline="政务办调研惠济区")
    assert doc.places["大庙村"].parent == "花园口镇"
    assert doc.places["花园口镇"].parent == "惠济区"
    assert doc.places["花园口镇"].level == "town"
    assert doc.places["惠济区"].parent == "郑州市"


def test_a_county_level_city_contains_its_towns() -> None:
    doc = doc_of("近日,荥阳市汜水镇抢抓春季绿化有利时机。")
    assert doc.places["汜水镇"].parent == "荥阳市"
    assert doc.places["荥阳市"].parent == "郑州市"


@pytest.mark.parametrize(
    ("text", "name", "kind", "parent"),
    [
        ("中原区纪委监委机关党委组织党员开展活动。", "中原区纪委监委机关党委", "party_committee", "中原区纪委监委"),
        ("经开区党工委第一巡察组巡察经济发展局。", "经开区党工委第一巡察组", "discipline", "经开区党工委"),
        ("市委督查室到经开区调研。", "郑州市委督查室", "department", "郑州市委"),
    ],
)
def test_bodies(text: str, name: str, kind: str, parent: str) -> None:
    body = doc_of(text).bodies[name]
    assert (body.kind, body.parent) == (kind, parent)


def test_no_body_from_common_words() -> None:
    doc = doc_of("全区各级各部门分别组织党员、干部、职工收听收看表彰大会。")
    assert not [m for m in doc.mentions if m.type == "ORG"]


def test_the_statistical_tagger_adds_persons_no_rule_finds(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "活动中,热心的张晓燕说,司法工作受到好评。"  # no rule reads this name: only the tagger

    def fake_tagger(source: str) -> list[Mention]:
        found = []
        for word in ("张晓燕", "司法"):
            start = source.index(word)
            found.append(Mention("PER", start, start + len(word), word, "crf", 0.95))
        return found

    monkeypatch.setattr(officials, "_crf_tagger", lambda: fake_tagger)
    doc = doc_of(text)
    assert [m.source for m in doc.persons["张晓燕"].mentions] == ["crf"]
    assert "司法" not in doc.persons  # a dictionary word that is no name


ALPHABET = "王李张刘区市县委书记副主任政府人大常委会、，。“”等陪同惠济郑州镇村路记者通讯员 党组长兼"


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=60))
def test_any_text_extracts_with_exact_offsets(text: str) -> None:
    doc = doc_of(text)
    for mention in doc.mentions:
        assert doc.text[mention.start : mention.end] == mention.text
    for person in doc.persons.values():
        for post in person.posts:
            assert 0 <= post.provenance.start <= post.provenance.end <= len(doc.text)


@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("他来到安义县万埠镇调研。", [("安义县", "district"), ("万埠镇", "town")]),
        ("梁河县河西乡的村民。", [("梁河县", "district"), ("河西乡", "town")]),
        ("沿解放路前行。", [("解放路", "site")]),
        ("走上脱贫致富路。", []),
        ("实地察看了黄河滩地公园南头景观。", [("黄河滩地公园", "site")]),
    ],
)
def test_places_found_by_suffix(text: str, places: list[tuple[str, str]]) -> None:
    assert [(name, level) for _s, _e, name, level in doc_of(text).place_spans] == places
