"""Print every disagreement between two gold standards (the existing one and the blind independent one).

Usage: .venv/bin/python tests/gold/independent/compare_gold.py tests/gold tests/gold/independent
Lines are grouped per (file, headline); events are paired by type and date within an article.
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any


def _load(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _officials(folder: Path) -> tuple[set[tuple[str, str, str, str, str]], dict[tuple[str, str], set[str]]]:
    posts: set[tuple[str, str, str, str, str]] = set()
    persons: dict[tuple[str, str], set[str]] = defaultdict(set)
    for record in _load(folder / "officials.jsonl"):
        key = (record["file"], record["headline"])
        if "persons" in record:
            persons[key].update(record["persons"])
        else:
            posts.add((*key, record["name"], record["title"], str(record["body"])))
    return posts, persons


def _events(folder: Path) -> dict[str, list[dict[str, Any]]]:
    by_file: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for record in _load(folder / "events.jsonl"):
        by_file[record["file"]].append(record)
    return by_file


def _summary(event: dict[str, Any]) -> str:
    people = ", ".join(f"{p['name']}:{p['role']}" for p in event.get("participants", []))
    bodies = ", ".join(f"{o['name']}:{o['role']}" for o in event.get("organizations", []))
    return (
        f"[{event['headline'][:24]}] {event['type']} {event['date']} ({event.get('date_text')})\n"
        f"      people: {people}\n      bodies: {bodies}\n      places: {event.get('places')}"
    )


def main(existing: Path, independent: Path) -> None:
    old_posts, old_persons = _officials(existing)
    new_posts, new_persons = _officials(independent)
    print("== posts only in existing gold")
    for post in sorted(old_posts - new_posts):
        print("  ", post)
    print("== posts only in independent")
    for post in sorted(new_posts - old_posts):
        print("  ", post)
    print("== persons lists")
    for key in sorted(set(old_persons) | set(new_persons)):
        if old_persons.get(key) != new_persons.get(key):
            print(
                "  ",
                key,
                "existing:",
                sorted(old_persons.get(key, ())),
                "independent:",
                sorted(new_persons.get(key, ())),
            )
    old_events, new_events = _events(existing), _events(independent)
    for file in sorted(set(old_events) | set(new_events)):
        print(f"== events of {file}: existing {len(old_events[file])}, independent {len(new_events[file])}")
        for event in old_events[file]:
            print("  E", _summary(event))
        for event in new_events[file]:
            print("  I", _summary(event))


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
