"""Scoring the whole pipeline against a hand-made gold standard (``kg eval GOLD [PATH...]``).

The gold is a folder (``events.jsonl``, ``officials.jsonl``) or one of those files; its formats and the
matching rules are documented in ``tests/gold/README.md``. Gold lines are keyed by the page's file name and
the article's headline, since article ids carry content hashes. Every article of a page named in a gold
file counts as annotated: what the pipeline finds in it and the gold lacks is a false positive.

Categories (each ``{precision, recall, f1, tp, fp, fn}``):

* ``officials``: (article, name, title, body) tuples;
* ``persons``: the names of persons per article (gold: officials and event participants);
* ``events``: an event matches when its article, type and date agree and its people agree
  (the Jaccard overlap of participant names is at least one half, or both have none);
* ``event_types``: (article, type) as a multiset; ``event_dates``: (article, ISO date) of dated events;
* ``participants``: (article, name, role) of people; ``organizations``: (article, body, role) of bodies;
* ``event_places``: (article, place) of events.
"""

from __future__ import annotations

import difflib
import json
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kg.errors import InputError, UsageError
from kg.model import Article, Event, Extraction
from kg.scores import prf
from kg.settings import Settings

JACCARD_MIN = 0.5
HEADLINE_RATIO_MIN = 0.6
_PUNCT = re.compile(r"[\s\W_]+", re.UNICODE)


@dataclass
class Gold:
    events: list[dict[str, Any]]
    officials: list[dict[str, Any]]


def jsonl_lines(path: Path) -> Iterator[tuple[int, Any]]:
    """(line number, parsed value) of each non-blank line of a JSON-lines file; a line that is not JSON is an
    error naming the file and the line."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            yield number, json.loads(line)
        except json.JSONDecodeError as error:
            raise InputError(f"line {number} is not JSON: {error.msg}", str(path)) from None


def load_gold(path: Path) -> Gold:
    """Read a gold folder or file; a line that is not a JSON object is an error naming file and line."""
    path = Path(path)
    if path.is_dir():
        files = {name: path / f"{name}.jsonl" for name in ("events", "officials")}
    elif path.name.startswith("officials"):
        files = {"officials": path}
    else:
        files = {"events": path}
    records: dict[str, list[dict[str, Any]]] = {"events": [], "officials": []}
    for name, file in files.items():
        if not file.exists():
            continue
        for number, record in jsonl_lines(file):
            if not isinstance(record, dict) or "file" not in record or "headline" not in record:
                raise InputError(f'line {number} needs an object with "file" and "headline"', str(file))
            records[name].append(record)
    if not records["events"] and not records["officials"]:
        raise InputError("no gold records found (expected events.jsonl or officials.jsonl)", str(path))
    return Gold(records["events"], records["officials"])


def evaluate_gold(
    gold: Path, paths: list[str], settings: Settings | None = None, details: bool = False
) -> dict[str, dict[str, Any]]:
    """Run the pipeline on ``paths`` (the seeds when empty) and score it against ``gold``; with ``details``
    the set-scored categories also list their misses and false positives (see :func:`score`)."""
    from kg.corpus import read_articles
    from kg.extract.pipeline import extract_article
    from kg.resolve import resolve

    settings = settings or Settings()
    standard = load_gold(Path(gold))
    paths = list(paths) or [str(_default_pages(Path(gold)))]
    missing = [p for p in paths if not Path(p).exists()]
    if missing:
        raise UsageError(f"no such page or folder: {missing[0]}")
    corpus = read_articles(paths)
    extractions = [extract_article(article, settings) for article in corpus.articles]
    extractions = resolve(extractions, settings)
    return score(standard, extractions, details=details)


def _default_pages(gold: Path) -> Path:
    """The pages the gold was made from when none are given: ``seeds/`` here, else beside the gold's
    repository (``tests/gold`` → ``seeds``)."""
    here = Path("seeds")
    if here.exists():
        return here
    folder = gold.resolve() if gold.is_dir() else gold.resolve().parent
    for parent in folder.parents:
        if (parent / "seeds").is_dir():
            return parent / "seeds"
    return here


def score(gold: Gold, extractions: list[Extraction], details: bool = False) -> dict[str, dict[str, Any]]:
    """Score extractions against the gold (the pipeline already run): the categories of the module doc.

    With ``details``, ``organizations``, ``event_places``, ``officials`` and ``persons`` also hold ``missed``
    (gold items not found) and ``spurious`` (found items the gold lacks): sorted ``[article key, item]`` pairs,
    the article key being ``file|headline``."""
    gold_files = {Path(r["file"]).name for r in gold.events + gold.officials}
    annotated = [x for x in extractions if Path(x.article.file).name in gold_files]
    keys = _article_keys([x.article for x in annotated], gold.events + gold.officials)
    by_key = {keys[x.article.id]: x for x in annotated}
    gold_events = _group(gold.events, keys, [x.article for x in annotated])
    gold_officials = _group(gold.officials, keys, [x.article for x in annotated])
    results: dict[str, dict[str, float]] = {}
    if gold.events:
        results.update(_score_events(gold_events, by_key, details))
    if gold.officials:
        results["officials"] = _score_sets(
            {k: set(_official_tuples(v)) for k, v in gold_officials.items()},
            {
                k: {(p.name, post.title, post.body or "") for p in x.officials for post in p.posts}
                for k, x in by_key.items()
            },
            _official_equal,
            details,
        )
    gold_people: dict[str, set[str]] = {}
    for key, records in gold_officials.items():
        gold_people.setdefault(key, set()).update(name for name, _t, _b in _official_tuples(records))
        for record in records:
            gold_people[key].update(record.get("persons", []))
    for key, records in gold_events.items():
        for record in records:
            gold_people.setdefault(key, set()).update(p["name"] for p in record.get("participants", []))
    results["persons"] = _score_sets(
        {k: gold_people.get(k, set()) for k in by_key},
        {k: {p.name for p in x.persons} for k, x in by_key.items()},
        details=details,
    )
    return results


# --- matching articles ---------------------------------------------------------------------------------------


def _norm(text: str | None) -> str:
    return _PUNCT.sub("", text or "")


def _article_keys(articles: list[Article], records: list[dict[str, Any]]) -> dict[str, str]:
    """Article id → the key ``file|headline`` under which the gold knows it (its own headline if none)."""
    keys = {a.id: f"{Path(a.file).name}|{a.headline}" for a in articles}
    for record in records:
        article = match_article(articles, record["file"], record["headline"])
        if article is not None:
            keys[article.id] = f"{Path(record['file']).name}|{record['headline']}"
    return keys


def match_article(articles: Iterable[Article], file: str, headline: str) -> Article | None:
    """The article of page ``file`` whose headline, subtitle or page title holds ``headline`` (or the
    other way round); failing that, the one with the most similar headline, if similar enough."""
    same_page = [a for a in articles if Path(a.file).name == Path(file).name]
    wanted = _norm(headline)
    best, best_ratio = None, 0.0
    for article in same_page:
        parts = [article.headline, article.subtitle, article.page_title, article.text.split("\n", 1)[0]]
        joined = "".join(_norm(p) for p in parts if p)
        if wanted and (wanted in joined or any(_norm(p) and _norm(p) in wanted for p in parts if p)):
            return article
        ratio = max(difflib.SequenceMatcher(None, wanted, _norm(p)).ratio() for p in parts if p) if parts else 0.0
        if ratio > best_ratio:
            best, best_ratio = article, ratio
    return best if best_ratio >= HEADLINE_RATIO_MIN else None


def _group(records: list[dict[str, Any]], keys: dict[str, str], articles: list[Article]) -> dict[str, list]:
    grouped: dict[str, list] = {}
    for record in records:
        key = f"{Path(record['file']).name}|{record['headline']}"
        grouped.setdefault(key, []).append(record)
    return grouped


# --- events --------------------------------------------------------------------------------------------------


def _people(event: Event) -> set[str]:
    return {p.agent for p in event.participants if p.agent_type == "person"}


def _event_matches(record: dict[str, Any], event: Event) -> bool:
    if record.get("type") != event.kind:
        return False
    if record.get("date") != (event.date.iso() if event.date else None):
        return False
    gold_people = {p["name"] for p in record.get("participants", [])}
    found = _people(event)
    if not gold_people and not found:
        return True
    return len(gold_people & found) / len(gold_people | found) >= JACCARD_MIN


def _score_events(
    gold: dict[str, list[dict[str, Any]]], found: dict[str, Extraction], details: bool = False
) -> dict[str, dict[str, Any]]:
    tp = fp = fn = 0
    for key in set(gold) | set(found):
        records = list(gold.get(key, []))
        events = list(found[key].events) if key in found else []
        for record in list(records):
            match = next((e for e in events if _event_matches(record, e)), None)
            if match is not None:
                tp += 1
                events.remove(match)
                records.remove(record)
        fp += len(events)
        fn += len(records)
    results = {"events": prf(tp, fp, fn, digits=4)}
    keys = set(gold) | set(found)

    def gold_bag(pick: Callable[[dict[str, Any]], Iterable[Any]]) -> Counter:
        return Counter((k, item) for k in keys for r in gold.get(k, []) for item in pick(r))

    def found_bag(pick: Callable[[Event], Iterable[Any]]) -> Counter:
        return Counter((k, item) for k in keys if k in found for e in found[k].events for item in pick(e))

    results["event_types"] = _score_bags(gold_bag(lambda r: [r["type"]]), found_bag(lambda e: [e.kind]))
    results["event_dates"] = _score_bags(
        gold_bag(lambda r: [r["date"]] if r.get("date") else []),
        found_bag(lambda e: [e.date.iso()] if e.date and e.date.iso() else []),
    )
    results["participants"] = _score_bags(
        _dedupe(gold_bag(lambda r: [(p["name"], p["role"]) for p in r.get("participants", [])])),
        _dedupe(found_bag(lambda e: [(p.agent, p.role) for p in e.participants if p.agent_type == "person"])),
    )
    results["organizations"] = _score_sets(
        {k: {(o["name"], o["role"]) for r in gold.get(k, []) for o in r.get("organizations", [])} for k in keys},
        {
            k: {(p.agent, p.role) for e in found[k].events for p in e.participants if p.agent_type == "body"}
            for k in keys
            if k in found
        },
        _body_role_equal,
        details,
    )
    results["event_places"] = _score_sets(
        {k: {p for r in gold.get(k, []) for p in r.get("places", [])} for k in keys},
        {k: {p for e in found[k].events for p in e.places} for k in keys if k in found},
        details=details,
    )
    return results


def _dedupe(bag: Counter) -> Counter:
    return Counter(set(bag))


# --- officials -----------------------------------------------------------------------------------------------


def _official_tuples(records: list[dict[str, Any]]) -> list[tuple[str, str, str]]:
    """Officials gold lines either hold one official (name, title, body) or a list under "officials"."""
    tuples = []
    for record in records:
        for item in record.get("officials", [record] if "name" in record else []):
            titles = item.get("titles") or [{"title": item.get("title", ""), "body": item.get("body")}]
            for title in titles:
                if isinstance(title, str):
                    title = {"title": title, "body": item.get("body")}
                tuples.append((item["name"], title.get("title", ""), title.get("body") or ""))
    return tuples


def same_body(a: str, b: str) -> bool:
    """Body names agree when equal, or when one is the other without its place prefix (经济发展局 /
    经开区经济发展局) or without ``常委会`` (开封市人大 / 开封市人大常委会)."""
    if a == b:
        return True
    if not a or not b:
        return False
    x, y = a.replace("常委会", ""), b.replace("常委会", "")
    return x == y or (len(min(x, y, key=len)) >= 2 and (x.endswith(y) or y.endswith(x)))


def _official_equal(a: tuple[str, str, str], b: tuple[str, str, str]) -> bool:
    return a[0] == b[0] and a[1] == b[1] and same_body(a[2], b[2])


def _body_role_equal(a: tuple[str, str], b: tuple[str, str]) -> bool:
    return a[1] == b[1] and same_body(a[0], b[0])


# --- arithmetic ----------------------------------------------------------------------------------------------


def _score_bags(gold: Counter, found: Counter) -> dict[str, float]:
    tp = sum((gold & found).values())
    return prf(tp, sum(found.values()) - tp, sum(gold.values()) - tp, digits=4)


def _score_sets(
    gold: dict[str, set],
    found: dict[str, set],
    equal: Callable[[Any, Any], bool] | None = None,
    details: bool = False,
) -> dict[str, Any]:
    tp = fp = fn = 0
    missed: list[list[Any]] = []
    spurious: list[list[Any]] = []
    for key in sorted(set(gold) | set(found)):
        # Sorted, so that which found item a loose ``equal`` pairs with which gold item never depends on
        # the hash seed (set order): the missed and spurious lists are the same on every run.
        expected, got = set(gold.get(key, set())), sorted(found.get(key, set()), key=str)
        for item in sorted(expected, key=str):
            match = next((g for g in got if (equal(item, g) if equal else item == g)), None)
            if match is not None:
                tp += 1
                got.remove(match)
                expected.discard(item)
        fp += len(got)
        fn += len(expected)
        if details:
            missed.extend([key, item] for item in sorted(expected, key=str))
            spurious.extend([key, item] for item in sorted(got, key=str))
    scores: dict[str, Any] = dict(prf(tp, fp, fn, digits=4))
    if details:
        scores.update(missed=missed, spurious=spurious)
    return scores


def format_details(scores: dict[str, dict[str, Any]]) -> str:
    """The ``missed`` and ``spurious`` items of ``score(..., details=True)`` as lines under their category:
    ``category  missed|spurious  file|headline  item``."""
    lines = []
    for category, result in scores.items():
        for kind in ("missed", "spurious"):
            for article, item in result.get(kind, []):
                shown = item if isinstance(item, str) else " / ".join(str(part) for part in item)
                lines.append(f"{category}\t{kind}\t{article}\t{shown}")
    return "\n".join(lines)
