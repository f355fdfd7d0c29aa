"""The blind gold (tests/gold/blind) is well-formed and agrees with its pages.

No score threshold: the blind set measures the pipeline, it does not hold it. These tests only make sure the
gold says nothing its pages do not: every record names an existing page and an article of it, every person
and body name it holds is written in that article, every value is one the README's conventions allow.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from kg.corpus import read_articles
from kg.evaluation import load_gold, match_article
from kg.model import Article

BLIND = Path(__file__).parent / "gold" / "blind"
PAGES = BLIND / "pages"
EVENT_TYPES = {"inspection", "research", "meeting", "study", "supervision", "campaign", "ceremony", "drill", "other"}
PERSON_ROLES = {"led", "accompanied", "attended", "presided", "spoke"}
BODY_ROLES = {"organiser", "co_organiser", "visitor", "host", "inspected", "attended"}
ISO_DATE = re.compile(r"^(\d{4}|-)-\d{2}-\d{2}$")
# Bodies the README completes from the article (区委 → 金水区委, 市委 → the home city's) or implies by a
# title (总书记 → 中共中央) are not written as such; the part after the completed place prefix must be.
REFERENTS = ("学校", "医院", "公司", "单位")
PLACE_PREFIX = re.compile(r"^(团)?(.+?[省市县区乡镇村])(?=.)")


def _records(name: str) -> list[dict[str, Any]]:
    lines = (BLIND / name).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


@pytest.fixture(scope="module")
def articles() -> list[Article]:
    return read_articles([str(PAGES)]).articles


def _page_text(record: dict[str, Any]) -> str:
    return (PAGES / record["file"]).read_text(encoding="utf-8")


def _article_text(record: dict[str, Any]) -> str:
    """The page text from the record's headline to the next gold headline of the page: the article as the
    annotator read it, whatever the reader's split."""
    text = _page_text(record)
    starts = sorted(
        {
            text.index(r["headline"])
            for r in _records("officials.jsonl") + _records("events.jsonl")
            if r["file"] == record["file"]
        }
    )
    begin = text.index(record["headline"])
    end = next((s for s in starts if s > begin), len(text))
    return text[begin:end]


def _written(body: str, text: str) -> bool:
    """A body name is written in the text whole, or after its completed place prefix."""
    if body in text:
        return True
    # a generic referent completed from the article (学校党支部 → the school's 党支部)
    for cut in range(2, len(body) - 1):
        head, tail = body[:cut], body[cut:]
        if _written(head, text) and any(f"{referent}{tail}" in text for referent in REFERENTS):
            return True
    match = PLACE_PREFIX.match(body)
    if not match:
        return False
    rest = body[match.end() :]
    # an elliptical chain (市委常委、组织部部长 → 郑州市委组织部) writes the party committee once
    return rest in text or (rest.startswith("委") and len(rest) > 2 and rest[1:] in text)


def _implied(record: dict[str, Any]) -> bool:
    """Bodies a title implies (README): 总书记 → 中共中央, 区长/县长/市长 and their deputies → the
    place's government, the place being written in the article."""
    body, title = record["body"], record["title"]
    if title == "总书记":
        return body == "中共中央"
    place = body.removesuffix("政府")
    return body.endswith("政府") and title.endswith(("区长", "县长", "市长")) and place in _article_text(record)


def test_gold_loads_through_the_evaluator() -> None:
    gold = load_gold(BLIND)
    assert len(gold.events) >= 15
    assert len(gold.officials) >= 40


def test_every_record_names_an_existing_page_and_headline() -> None:
    pages = {p.name for p in PAGES.glob("*.txt")}
    assert len(pages) == 5
    for record in _records("officials.jsonl") + _records("events.jsonl"):
        assert record["file"] in pages, record
        assert record["headline"] in _page_text(record), record["headline"]


def test_every_record_finds_its_article(articles: list[Article]) -> None:
    for record in _records("officials.jsonl") + _records("events.jsonl"):
        assert match_article(articles, record["file"], record["headline"]) is not None, record["headline"]


def test_pages_hold_three_to_five_annotated_articles() -> None:
    headlines: dict[str, set[str]] = {}
    for record in _records("officials.jsonl") + _records("events.jsonl"):
        headlines.setdefault(record["file"], set()).add(record["headline"])
    assert all(3 <= len(h) <= 5 for h in headlines.values()), headlines
    assert 15 <= sum(len(h) for h in headlines.values()) <= 25


def test_official_names_titles_and_bodies_occur_in_their_article() -> None:
    for record in _records("officials.jsonl"):
        text = _article_text(record)
        for name in record.get("persons", []):
            assert name in text, (record["headline"], name)
        if "name" in record:
            assert record["name"] in text, record
            assert record["title"] and record["title"] in text, record
            assert record["body"] is None or _implied(record) or _written(record["body"], text), record


def test_events_are_well_formed_and_their_names_occur() -> None:
    for record in _records("events.jsonl"):
        text = _article_text(record)
        assert record["type"] in EVENT_TYPES, record
        assert record["date"] is None or ISO_DATE.match(record["date"]), record
        assert record["date_text"] in text, record
        assert record["trigger"] in text, record
        for place in record["places"]:
            assert _written(place, text), (record["headline"], place)
        names = [p["name"] for p in record["participants"]]
        assert len(names) == len(set(names)), record
        for participant in record["participants"]:
            assert participant["role"] in PERSON_ROLES, participant
            assert participant["name"] in text, (record["headline"], participant)
        for body in record["organizations"]:
            assert body["role"] in BODY_ROLES, body
            assert _written(body["name"], text), (record["headline"], body)


def test_dates_agree_with_their_text() -> None:
    """The month and day of an ISO date are the ones written; relative dates have none."""
    for record in _records("events.jsonl"):
        written = re.match(r"(\d{1,2})月(\d{1,2})日", record["date_text"])
        if written is None:
            assert record["date"] is None, record
            continue
        month, day = (int(x) for x in written.groups())
        assert record["date"].endswith(f"-{month:02d}-{day:02d}"), record


def test_participants_are_persons_of_their_article() -> None:
    """Every participant is either an official of the article or listed among its persons."""
    people: dict[tuple[str, str], set[str]] = {}
    for record in _records("officials.jsonl"):
        key = (record["file"], record["headline"])
        people.setdefault(key, set()).update(record.get("persons", []))
        if "name" in record:
            people[key].add(record["name"])
    for record in _records("events.jsonl"):
        key = (record["file"], record["headline"])
        for participant in record["participants"]:
            if participant["name"] not in people.get(key, set()):
                # quoted residents without a post are persons through their participation only
                assert participant["role"] == "spoke", (key, participant)
