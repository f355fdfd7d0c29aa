"""One byline role list (ontology/lexicon/byline_roles.tsv) for the page reader and the extractor,
checked on bylines of pages the rules were not written from."""

from __future__ import annotations

from pathlib import Path

from kg.corpus import read_articles
from kg.corpus.bylines import parse_byline
from kg.corpus.lexicon import byline_roles
from kg.extract.lexicon import load_lexicon
from kg.extract.pipeline import analyse
from kg.model import Article
from kg.resources import lexicon_path
from kg.settings import Settings

UNSEEN_DEV = Path(__file__).resolve().parent / "gold" / "unseen" / "dev"


def test_reader_and_extractor_read_one_list() -> None:
    assert lexicon_path("byline_roles.tsv").exists()
    assert set(byline_roles()) == set(load_lexicon().byline_roles)
    assert byline_roles()["通讯员"] == "correspondent" and byline_roles()["本报记者"] == "reporter"
    assert byline_roles()["责任编辑"] == "editor"


def test_unseen_byline_lines() -> None:
    byline = parse_byline("记者 王晓晨 通讯员 刘一鸣 李想")
    assert byline is not None
    assert byline.reporters == ["王晓晨"] and byline.correspondents == ["刘一鸣", "李想"]
    compound = parse_byline("本报记者 党贺喜 通讯员 欧阳明月 文/图")
    assert compound is not None and compound.correspondents == ["欧阳明月"]
    photo = parse_byline("摄影 张卫东")
    assert photo is not None and photo.reporters == ["张卫东"]
    staff = parse_byline("责任编辑 李玲")
    assert staff is not None and not staff.reporters and not staff.correspondents


def test_unseen_pages_bylines_end_and_in_lead() -> None:
    articles = {a.headline: a for a in read_articles([UNSEEN_DEV]).articles}
    jinshui = next(a for h, a in articles.items() if h.startswith("金水区领导调研"))
    assert jinshui.reporters == ["王晓晨"] and jinshui.correspondents == ["刘一鸣", "李想"]
    erqi = next(a for h, a in articles.items() if h.startswith("二七区举行"))
    assert erqi.reporters == ["张静"] and erqi.correspondents == ["冯雪"]


def test_byline_names_in_running_text_are_never_officials() -> None:
    text = "本报讯(实习记者 马菁华 通讯员 欧阳明月)11月9日,副区长王立群到社区调研。摄影 张卫东"
    doc = analyse(Article(id="t-0-00000000", file="t.txt", position=0, headline="", text=text), Settings())
    assert set(doc.persons) == {"王立群"}
    byline_names = {text[s:e] for s, e in doc.byline_spans}
    assert {"马菁华", "欧阳明月", "张卫东"} <= byline_names
