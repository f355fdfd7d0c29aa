"""The events of the five seed pages against the gold standard (tests/gold/events.jsonl).

Two measurements: the event rules alone, given the seeds' persons, bodies and places (tests/events_harness.py),
and the whole pipeline (corpus, mentions, officials, events, resolve) through kg.evaluation.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.evaluation import load_gold, score
from kg.extract.events import detect_events
from kg.model import Extraction
from kg.settings import Settings
from tests.events_harness import entities, seed_articles

GOLD = Path(__file__).resolve().parent / "gold" / "events.jsonl"
TARGET_F1 = 0.85


def test_gold_covers_every_seed_page_and_is_well_formed() -> None:
    gold = load_gold(GOLD)
    assert len(gold.events) >= 30
    assert {Path(r["file"]).name for r in gold.events} == {p.name for p in (GOLD.parents[2] / "seeds").glob("*.txt")}
    kinds = {"inspection", "research", "meeting", "study", "supervision", "campaign", "ceremony", "drill", "other"}
    roles = {"led", "accompanied", "attended", "presided", "spoke"}
    for record in gold.events:
        assert record["type"] in kinds
        assert record["date"] is None or record["date"][:2] in ("--", "20")
        assert all(p["role"] in roles for p in record["participants"])


def test_event_rules_on_the_seeds_with_given_entities() -> None:
    extractions = []
    for article in seed_articles():
        mentions, persons, bodies, places = entities(article)
        events = detect_events(article, mentions, persons, bodies, places, Settings())
        extractions.append(Extraction(article, mentions, persons, bodies, places, events))
    scores = score(load_gold(GOLD), extractions)
    assert scores["events"]["f1"] >= TARGET_F1, scores["events"]
    assert scores["event_types"]["f1"] >= 0.9
    assert scores["event_dates"]["f1"] >= 0.9
    assert scores["participants"]["f1"] >= 0.9


def test_whole_pipeline_on_the_seeds(seeds_dir: Path) -> None:
    pytest.importorskip("kg.extract.pipeline")
    from kg.evaluation import evaluate_gold

    scores = evaluate_gold(GOLD, [str(seeds_dir)])
    assert scores["events"]["f1"] >= TARGET_F1, scores["events"]
    assert scores["participants"]["f1"] >= TARGET_F1, scores["participants"]
    for category in ("events", "event_types", "event_dates", "participants", "persons"):
        assert set(scores[category]) == {"precision", "recall", "f1", "tp", "fp", "fn"}
