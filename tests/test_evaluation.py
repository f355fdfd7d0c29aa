"""kg.evaluation: reading gold files, matching articles by file and headline, and the scores."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.errors import InputError
from kg.evaluation import load_gold, match_article, same_body, score
from kg.model import Article, Event, EventDate, Extraction, Participation, Person, Post, Provenance

PROV = Provenance("a", 0, 0, 0, "test")


def _article(position: int, headline: str, file: str = "seeds/000_x.txt") -> Article:
    return Article(id=f"000_x-{position}", file=file, position=position, headline=headline, text=headline + "\n正文。")


def _event(kind: str, iso: str | None, *people: tuple[str, str]) -> Event:
    date = None
    if iso:
        month, day = int(iso[-5:-3]), int(iso[-2:])
        date = EventDate(iso, year=int(iso[:4]) if iso[0] != "-" else None, month=month, day=day)
    participants = [Participation(name, "person", role, PROV) for name, role in people]
    return Event(kind, "调研", PROV, date=date, participants=participants)


def _write(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def test_match_article_by_headline_subtitle_or_similarity() -> None:
    articles = [_article(0, "开封市人大到惠济区考察黄河流域生态保护工作 加强学习沟通"), _article(1, "春好植绿时")]
    articles[1].page_title = "荥阳新闻"
    assert match_article(articles, "000_x.txt", "开封市人大到惠济区考察黄河流域生态保护工作") is articles[0]
    assert match_article(articles, "seeds/000_x.txt", "春好植绿时") is articles[1]
    assert match_article(articles, "000_x.txt", "开封市人大到惠济区考察黄河流域生态保护") is articles[0]
    assert match_article(articles, "001_y.txt", "春好植绿时") is None  # another page
    assert match_article(articles, "000_x.txt", "毫不相干的标题") is None


def test_scores_events_types_dates_and_participants(tmp_path: Path) -> None:
    gold = load_gold(
        _write(
            tmp_path / "events.jsonl",
            [
                {
                    "file": "000_x.txt",
                    "headline": "调研甲",
                    "type": "research",
                    "date": "2021-04-09",
                    "participants": [{"name": "王新", "role": "led"}, {"name": "丁文霞", "role": "attended"}],
                },
                {"file": "000_x.txt", "headline": "会议乙", "type": "meeting", "date": None, "participants": []},
            ],
        )
    )
    first, second, third = _article(0, "调研甲"), _article(1, "会议乙"), _article(2, "无事丙")
    extractions = [
        Extraction(first, events=[_event("research", "2021-04-09", ("王新", "led"), ("丁文霞", "spoke"))]),
        Extraction(second, events=[_event("campaign", None)]),
        Extraction(third, events=[_event("meeting", "--05-01")]),  # an article the gold says has no event
    ]
    scores = score(gold, extractions)
    assert scores["events"] == {"precision": round(1 / 3, 4), "recall": 0.5, "f1": 0.4, "tp": 1, "fp": 2, "fn": 1}
    assert (scores["event_types"]["tp"], scores["event_types"]["fp"], scores["event_types"]["fn"]) == (1, 2, 1)
    assert (scores["event_dates"]["tp"], scores["event_dates"]["fp"]) == (1, 1)
    assert (scores["participants"]["tp"], scores["participants"]["fp"], scores["participants"]["fn"]) == (1, 1, 1)


def test_event_needs_half_of_its_people() -> None:
    gold_people = [{"name": n, "role": "attended"} for n in ("甲甲", "乙乙", "丙丙", "丁丁")]
    record = {"file": "000_x.txt", "headline": "会议", "type": "meeting", "date": None, "participants": gold_people}
    article = _article(0, "会议")
    from kg.evaluation import Gold

    half = Extraction(article, events=[_event("meeting", None, ("甲甲", "attended"), ("乙乙", "attended"))])
    assert score(Gold([record], []), [half])["events"]["tp"] == 1
    few = Extraction(article, events=[_event("meeting", None, ("甲甲", "attended"))])
    assert score(Gold([record], []), [few])["events"]["tp"] == 0


def test_officials_and_persons(tmp_path: Path) -> None:
    gold_dir = tmp_path / "gold"
    gold_dir.mkdir()
    _write(
        gold_dir / "officials.jsonl",
        [
            {
                "file": "000_x.txt",
                "headline": "调研甲",
                "officials": [
                    {"name": "丁文霞", "title": "区长", "body": "惠济区政府"},
                    {"name": "王新", "title": "主任", "body": "郑州市政务办"},
                ],
            },
        ],
    )
    article = _article(0, "调研甲")
    people = [
        Person("丁文霞", posts=[Post("区长", "惠济区政府", PROV)]),
        Person("王新", posts=[Post("书记", "郑州市政务办", PROV)]),
        Person("简洋"),
    ]
    scores = score(load_gold(gold_dir), [Extraction(article, persons=people)])
    assert (scores["officials"]["tp"], scores["officials"]["fp"], scores["officials"]["fn"]) == (1, 1, 1)
    assert (scores["persons"]["tp"], scores["persons"]["fp"], scores["persons"]["fn"]) == (2, 1, 0)


def test_same_body_rules() -> None:
    assert same_body("经开区经济发展局", "经济发展局")
    assert same_body("开封市人大", "开封市人大常委会")
    assert not same_body("惠济区委", "中原区委")
    assert not same_body("", "惠济区委")


def test_bad_gold_is_one_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "events.jsonl"
    bad.write_text('{"file": "000_x.txt", "headline": "x"}\nnot json\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"events.jsonl: line 2 is not JSON"):
        load_gold(bad)
    missing_keys = _write(tmp_path / "e2.jsonl", [{"type": "meeting"}])
    with pytest.raises(InputError, match="needs an object"):
        load_gold(missing_keys)
    with pytest.raises(InputError, match="no gold records"):
        load_gold(tmp_path / "empty_dir_does_not_exist")


def test_cli_eval_on_the_seeds(repo_root: Path, seeds_dir: Path) -> None:
    pytest.importorskip("kg.extract.pipeline")
    from kg.cli import main

    result = CliRunner().invoke(
        main, ["eval", str(repo_root / "tests" / "gold" / "events.jsonl"), str(seeds_dir), "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    scores = json.loads(result.output)
    assert scores["events"]["f1"] >= 0.85
    assert {"events", "event_types", "event_dates", "participants", "persons"} <= set(scores)


def test_default_pages_are_the_seeds_beside_the_gold(repo_root: Path, tmp_path: Path, monkeypatch) -> None:
    pytest.importorskip("kg.extract.pipeline")
    from kg.evaluation import evaluate_gold

    monkeypatch.chdir(tmp_path)  # no seeds/ here: the gold's repository has them
    scores = evaluate_gold(repo_root / "tests" / "gold", [])
    assert scores["events"]["tp"] >= 30
    assert scores["officials"]["f1"] > 0.5
