"""Coreference of a surname and a form of address (陈书记, 吕区长) with the article's person."""

from __future__ import annotations

from kg.extract.pipeline import analyse, extract_article
from kg.model import Article
from kg.settings import Settings


def article(text: str) -> Article:
    return Article(id="t-0-00000000", file="t.txt", position=0, headline="", text=text)


def test_surname_and_title_link_to_the_one_holder() -> None:
    text = "市委常委、金水区委书记陈向东带队调研。陈书记指出,要压实责任。区长孟凡华陪同。"
    doc = analyse(article(text), Settings())
    assert set(doc.persons) == {"陈向东", "孟凡华"}  # no person 陈书记
    spans = [text[m.start : m.end] for m in doc.persons["陈向东"].mentions]
    assert "陈书记" in spans


def test_surname_title_mention_gives_the_person_a_role() -> None:
    text = ("本报讯 11月5日上午,二七区表彰大会召开。区委副书记、区长吕晓燕出席大会。"
            "吕区长要求,各部门要为志愿者提供保障。")
    extraction = extract_article(article(text), Settings())
    lv = next(p for p in extraction.persons if p.name == "吕晓燕")
    assert [text[m.start : m.end] for m in lv.mentions][-1] == "吕区长"


def test_two_persons_of_one_surname_are_told_apart_by_the_title() -> None:
    text = "区委书记王立群、区长王海涛出席。王区长表示,要抓好落实。"
    doc = analyse(article(text), Settings())
    assert any(text[m.start : m.end] == "王区长" for m in doc.persons["王海涛"].mentions)
    assert not any(text[m.start : m.end] == "王区长" for m in doc.persons["王立群"].mentions)


def test_no_link_when_the_surname_is_ambiguous() -> None:
    text = "副区长王立群、王海涛出席。王书记表示,要抓好落实。"
    doc = analyse(article(text), Settings())
    assert all(text[m.start : m.end] != "王书记" for p in doc.persons.values() for m in p.mentions)


def test_a_full_name_before_a_title_is_no_surname_reference() -> None:
    text = "团结在以习近平总书记为核心的党中央周围。"
    doc = analyse(article(text), Settings())
    assert list(doc.persons) == ["习近平"]
    assert all(text[m.start : m.end] == "习近平" for m in doc.persons["习近平"].mentions)
