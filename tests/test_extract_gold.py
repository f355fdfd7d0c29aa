"""Quality on the seeds against the hand-made gold (tests/gold/officials.jsonl, see tests/gold/README.md).

Targets: officials (name + title + body) precision >= 0.95 and recall >= 0.90; person mentions
precision >= 0.97 (every PER span is the name of a person the gold lists for that article, or an
author of it).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.corpus import read_articles
from kg.extract.pipeline import extract_article
from kg.model import Extraction
from kg.resolve import resolve
from kg.settings import Settings

GOLD = Path(__file__).parent / "gold" / "officials.jsonl"


@pytest.fixture(scope="module")
def extractions(seeds_dir: Path) -> list[Extraction]:
    settings = Settings()
    articles = read_articles([str(seeds_dir)]).articles
    return resolve([extract_article(a, settings) for a in articles], settings)


def gold_records() -> list[dict]:
    return [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]


def article_for(extractions: list[Extraction], file: str, headline: str) -> Extraction:
    page = [x for x in extractions if Path(x.article.file).name == file]
    for x in page:
        if headline in x.article.headline or headline in (x.article.subtitle or "") or x.article.headline in headline:
            return x
    raise AssertionError(f"no article {headline!r} on {file}")


def test_gold_lines_name_real_articles(extractions: list[Extraction]) -> None:
    for record in gold_records():
        x = article_for(extractions, record["file"], record["headline"])
        for name in [record["name"]] if "name" in record else record["persons"]:
            assert name in x.article.text


def test_officials_precision_and_recall(extractions: list[Extraction]) -> None:
    gold: set[tuple[str, str, str, str | None]] = set()
    for record in gold_records():
        if "name" in record:
            x = article_for(extractions, record["file"], record["headline"])
            gold.add((x.article.id, record["name"], record["title"], record["body"]))
    found = {
        (x.article.id, p.name, post.title, post.body) for x in extractions for p in x.officials for post in p.posts
    }
    true_positives = len(gold & found)
    precision = true_positives / len(found)
    recall = true_positives / len(gold)
    assert len(gold) >= 40
    assert precision >= 0.95, sorted(found - gold)
    assert recall >= 0.90, sorted(gold - found)


def test_person_mention_precision(extractions: list[Extraction]) -> None:
    names: dict[str, set[str]] = {
        x.article.id: set(x.article.reporters) | set(x.article.correspondents) for x in extractions
    }
    for record in gold_records():
        x = article_for(extractions, record["file"], record["headline"])
        names[x.article.id].update([record["name"]] if "name" in record else record["persons"])
    mentions = [(x.article.id, m) for x in extractions for m in x.mentions if m.type == "PER"]
    correct = sum(1 for article_id, m in mentions if m.text in names[article_id])
    assert len(mentions) >= 50
    assert correct / len(mentions) >= 0.97, [m.text for a, m in mentions if m.text not in names[a]]
    for x in extractions:
        for m in x.mentions:
            assert x.article.text[m.start : m.end] == m.text


def test_every_person_has_a_key_and_reporters_are_no_officials(extractions: list[Extraction]) -> None:
    for x in extractions:
        authors = set(x.article.reporters) | set(x.article.correspondents)
        assert all(p.key for p in x.persons)
        assert not authors & {p.name for p in x.officials}


def test_places_and_bodies_of_the_seeds(extractions: list[Extraction]) -> None:
    places = {p.name: p for x in extractions for p in x.places}
    bodies = {b.name: b for x in extractions for b in x.bodies}
    assert places["惠济区"].parent == "郑州市" and places["惠济区"].level == "district"
    assert places["大庙村"].parent == "花园口镇" and places["大庙村"].level == "village"
    assert places["长兴路街道"].level == "town"
    assert places["黄河滩地公园"].parent == "惠济区"
    assert bodies["惠济区委组织部"].parent == "惠济区委"
    assert bodies["郑州市政务办党组"].parent == "郑州市政务办"
    assert bodies["郑州银行惠济支行"].parent == "郑州银行"
    assert bodies["惠济区委"].kind == "party_committee" and bodies["惠济区委"].place == "惠济区"
    assert bodies["中原区纪委"].kind == "discipline"
    assert "惠济区委" not in places and "惠济区" not in bodies
