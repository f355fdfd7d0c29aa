"""The blind gold sets (tests/gold/blind, tests/gold/blind2) are well-formed and agree with their pages.

No score threshold: a blind set measures the pipeline, it does not hold it. These tests only make sure the
gold says nothing its pages do not: every record names an existing page and one of its articles, every
person, title, trigger, date text, place and body it holds is written in that article (bodies completed by
the gold README's conventions excepted), and every value is one the README allows.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from kg.corpus import read_articles
from kg.evaluation import load_gold, match_article
from kg.model import Article

GOLD = Path(__file__).parent / "gold"
EVENT_TYPES = {"inspection", "research", "meeting", "study", "supervision", "campaign", "ceremony", "drill", "other"}
PERSON_ROLES = {"led", "accompanied", "attended", "presided", "spoke"}
BODY_ROLES = {"organiser", "co_organiser", "visitor", "host", "inspected", "attended"}
ISO_DATE = re.compile(r"^(\d{4}|-)-\d{2}-\d{2}$")
# Bodies the README completes from the article (区委 → 金水区委, 市委 → the home city's) or implies by a
# title (总书记 → 中共中央) are not written as such; the part after the completed place prefix must be.
REFERENTS = ("学校", "医院", "公司", "单位")
PLACE_PREFIX = re.compile(r"^(团)?(.+?[省市县区乡镇村])(?=.)")
IMPLYING_TITLES = ("区长", "县长", "市长")


@dataclass(frozen=True)
class BlindSet:
    """One blind set and what its README says it holds."""

    folder: str
    pages: int
    events: int
    officials: int

    @property
    def root(self) -> Path:
        return GOLD / self.folder

    def records(self, name: str) -> list[dict[str, Any]]:
        lines = (self.root / name).read_text(encoding="utf-8").splitlines()
        return [json.loads(line) for line in lines if line.strip()]

    def all_records(self) -> list[dict[str, Any]]:
        return self.records("officials.jsonl") + self.records("events.jsonl")

    def page_text(self, record: dict[str, Any]) -> str:
        return (self.root / "pages" / record["file"]).read_text(encoding="utf-8")

    def article_text(self, record: dict[str, Any]) -> str:
        """The page text from the record's headline to the next gold headline of the page: the article as the
        annotator read it, whatever the reader's split."""
        text = self.page_text(record)
        starts = sorted({text.index(r["headline"]) for r in self.all_records() if r["file"] == record["file"]})
        begin = text.index(record["headline"])
        end = next((s for s in starts if s > begin), len(text))
        return text[begin:end]


SETS = [
    BlindSet("blind", pages=5, events=21, officials=40),
    BlindSet("blind2", pages=4, events=15, officials=60),
    BlindSet("blind3", pages=4, events=14, officials=58),
    BlindSet("blind4", pages=4, events=14, officials=56),
    BlindSet("blind5", pages=4, events=14, officials=45),
    BlindSet("blind6", pages=4, events=14, officials=59),
    BlindSet("blind7", pages=4, events=14, officials=43),
]


@pytest.fixture(params=SETS, ids=[s.folder for s in SETS])
def blind(request: pytest.FixtureRequest) -> BlindSet:
    return request.param


def _written(name: str, text: str) -> bool:
    """A body or place name is written whole, or after its completed place prefix (区委 → 卫东区委)."""
    if name in text:
        return True
    # a generic referent completed from the article (学校党支部 → the school's 党支部)
    for cut in range(2, len(name) - 1):
        head, tail = name[:cut], name[cut:]
        if _written(head, text) and any(f"{referent}{tail}" in text for referent in REFERENTS):
            return True
    match = PLACE_PREFIX.match(name)
    if not match:
        return False
    rest = name[match.end() :]
    # an elliptical chain (县委常委、组织部部长 → 中牟县委组织部) writes the party committee once
    return rest in text or (rest.startswith("委") and len(rest) > 2 and rest[1:] in text)


def _implied(record: dict[str, Any], text: str) -> bool:
    """Bodies a title implies: 总书记 → 中共中央; 区长/县长/市长 and deputies → the place's government, the place
    being written in the article."""
    body, title = record["body"], record["title"]
    if title == "总书记":
        return body == "中共中央"
    place = body.removesuffix("政府")
    return body.endswith("政府") and title.endswith(IMPLYING_TITLES) and place in text


def test_gold_loads_through_the_evaluator(blind: BlindSet) -> None:
    gold = load_gold(blind.root)
    assert len(gold.events) == blind.events
    assert len(gold.officials) >= blind.officials


def test_every_record_names_an_existing_page_and_headline(blind: BlindSet) -> None:
    pages = {p.name for p in (blind.root / "pages").glob("*.txt")}
    assert len(pages) == blind.pages
    for record in blind.all_records():
        assert record["file"] in pages, record
        assert record["headline"] in blind.page_text(record), record["headline"]


def test_every_record_finds_its_article(blind: BlindSet) -> None:
    articles: list[Article] = read_articles([str(blind.root / "pages")]).articles
    for record in blind.all_records():
        found = match_article(articles, record["file"], record["headline"])
        assert found is not None, record["headline"]
        assert Path(found.file).name == record["file"], record["headline"]


def test_pages_hold_three_to_five_annotated_articles_each_with_one_event(blind: BlindSet) -> None:
    headlines: dict[str, set[str]] = {}
    for record in blind.all_records():
        headlines.setdefault(record["file"], set()).add(record["headline"])
    assert all(3 <= len(h) <= 5 for h in headlines.values()), headlines
    events = [(r["file"], r["headline"]) for r in blind.records("events.jsonl")]
    # every annotated article reports exactly one event (the gold's reading of these pages)
    assert sorted(events) == sorted({(f, h) for f, hs in headlines.items() for h in hs})


def test_official_names_titles_and_bodies_occur_in_their_article(blind: BlindSet) -> None:
    for record in blind.records("officials.jsonl"):
        text = blind.article_text(record)
        for name in record.get("persons", []):
            assert name in text, (record["headline"], name)
        if "name" in record:
            assert record["name"] in text, record
            assert record["title"] and record["title"] in text, record
            assert record["body"] is None or _implied(record, text) or _written(record["body"], text), record


def test_events_are_well_formed_and_their_names_occur(blind: BlindSet) -> None:
    for record in blind.records("events.jsonl"):
        text = blind.article_text(record)
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


def test_dates_agree_with_their_text_and_the_page_year(blind: BlindSet) -> None:
    """The month and day are the ones written; the year is given exactly when the page writes one."""
    for record in blind.records("events.jsonl"):
        written = re.match(r"(\d{1,2})月(\d{1,2})日", record["date_text"])
        if written is None:
            assert record["date"] is None, record
            continue
        month, day = (int(x) for x in written.groups())
        assert record["date"].endswith(f"-{month:02d}-{day:02d}"), record
        page_years = set(re.findall(r"(20\d\d)年", blind.page_text(record)))
        if page_years:
            assert record["date"][:4] in page_years, record
        else:
            assert record["date"].startswith("--"), record


def test_participants_are_persons_of_their_article(blind: BlindSet) -> None:
    """Every participant is an official of the article or listed among its persons, except quoted residents
    without a post, who are persons through their participation only (they speak)."""
    people: dict[tuple[str, str], set[str]] = {}
    for record in blind.records("officials.jsonl"):
        key = (record["file"], record["headline"])
        people.setdefault(key, set()).update(record.get("persons", []))
        if "name" in record:
            people[key].add(record["name"])
    for record in blind.records("events.jsonl"):
        key = (record["file"], record["headline"])
        for participant in record["participants"]:
            assert participant["name"] in people.get(key, set()) or participant["role"] == "spoke", (key, participant)


def test_bylines_are_not_persons_of_the_gold(blind: BlindSet) -> None:
    """Reporters and correspondents (本报讯（记者 … 通讯员 …）, trailing bylines) are never officials or
    participants."""
    for record in blind.all_records():
        text = blind.article_text(record)
        authors = set(re.findall(r"(?:记者|通讯员)\s*([\u4e00-\u9fff]{2,3})", text))
        names = {record.get("name")} | set(record.get("persons", []))
        names |= {p["name"] for p in record.get("participants", [])}
        assert not (authors & names), (record["headline"], authors & names)
