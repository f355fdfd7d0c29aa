"""Reading annotated sentences in the shared JSON-lines format and splitting them reproducibly.

A line is ``{"id", "text", "entities": [{"start", "end", "type", "text"}]}`` with Python string
offsets, ``end`` exclusive.
"""

from __future__ import annotations

import json
import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from kg.errors import InputError

# CLUENER2020's fine-grained types mapped onto People's Daily's three (None: dropped).
CLUENER_TO_PD98: dict[str, str | None] = {
    "name": "PER",
    "government": "ORG",
    "organization": "ORG",
    "company": "ORG",
    "address": "LOC",
}


@dataclass(frozen=True)
class Entity:
    start: int
    end: int
    type: str
    text: str


@dataclass(frozen=True)
class Record:
    id: str
    text: str
    entities: tuple[Entity, ...]


def read_records(path: str | Path, type_map: Mapping[str, str | None] | None = None) -> list[Record]:
    """Read a corpus file, mapping entity types through ``type_map`` (unmapped types are dropped)."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(f"cannot read the NER corpus: {error}", str(path)) from error
    records = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            raw = json.loads(line)
            text = raw["text"]
            entities = []
            for item in raw["entities"]:
                kind = item["type"] if type_map is None else type_map.get(item["type"])
                if kind is None:
                    continue
                start, end = int(item["start"]), int(item["end"])
                if not 0 <= start < end <= len(text) or text[start:end] != item["text"]:
                    raise ValueError(f"entity {item['text']!r} does not match text[{start}:{end}]")
                entities.append(Entity(start, end, kind, item["text"]))
            records.append(Record(str(raw.get("id", number)), text, tuple(entities)))
        except (KeyError, TypeError, ValueError) as error:
            raise InputError(f"line {number} is not an annotated sentence: {error}", str(path)) from error
    return records


def split_records(records: Sequence[Record], seed: int, fractions: Sequence[float]) -> list[list[Record]]:
    """Shuffle with a fixed seed and cut into parts of the given fractions (the last takes the rest)."""
    order = list(range(len(records)))
    random.Random(seed).shuffle(order)
    parts: list[list[Record]] = []
    begin = 0
    for i, fraction in enumerate(fractions):
        end = len(order) if i == len(fractions) - 1 else begin + round(fraction * len(order))
        parts.append([records[j] for j in sorted(order[begin:end])])
        begin = end
    return parts
