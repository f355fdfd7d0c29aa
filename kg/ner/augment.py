"""Mention replacement (Dai & Adel, *An Analysis of Simple Data Augmentation for Named Entity
Recognition*, COLING 2020): copies of training sentences in which entities are swapped for other
entities of the same type, so that the model learns the contexts of names rather than the few names
it has seen (1,739 training sentences hold some 600 people).

Replacements come from the training part itself, from jieba's dictionary (names ``nrfg`` and
``nr`` words that begin with a surname, places ``ns`` with an administrative or natural ending,
bodies ``nt``), and for people from generated names: a surname and given-name characters seen in the
training part, or a run of transliteration characters (``kg/ner/lexicon/transliteration_chars.txt``).
One-character mentions (``中``, ``美``, ``京``) are only swapped for other one-character mentions.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from kg.extract.lexicon import word_tags
from kg.ner.corpus import Entity, Record
from kg.ner.gazetteer import LEXICON_DIR, read_list

# Last characters of the dictionary's places that People's Daily would annotate as LOC.
_PLACE_ENDINGS = frozenset("省市县区镇乡村州国岛山河江湖洲")
_TYPES = ("PER", "LOC", "ORG")


@dataclass(frozen=True)
class AugmentParams:
    copies: int = 0  # augmented copies of each training sentence with entities (0: none)
    replace_share: float = 0.5  # chance that a mention is replaced
    dictionary_share: float = 0.4  # chance that a replacement comes from outside the training part
    types: tuple[str, ...] = ("PER", "LOC", "ORG")  # the types whose mentions are replaced


NO_AUGMENTATION = AugmentParams()


@cache
def dictionary_names() -> dict[str, tuple[str, ...]]:
    """jieba's dictionary words usable as replacements, by type."""
    tags = word_tags()
    surnames = set(read_list(LEXICON_DIR / "surnames.txt"))
    people = [w for w, t in tags.items() if t == "nrfg" and 2 <= len(w) <= 4]
    people += [w for w, t in tags.items() if t == "nr" and 2 <= len(w) <= 3 and (w[0] in surnames or w[:2] in surnames)]
    places = [w for w, t in tags.items() if t == "ns" and 2 <= len(w) <= 8 and w[-1] in _PLACE_ENDINGS]
    bodies = [w for w, t in tags.items() if t == "nt" and 3 <= len(w) <= 12]
    return {"PER": tuple(people), "LOC": tuple(places), "ORG": tuple(bodies)}


@cache
def _transliteration_chars() -> tuple[str, ...]:
    return tuple(read_list(LEXICON_DIR / "transliteration_chars.txt"))


class _Pools:
    """What the training part offers: its mentions by type, and the parts of its Chinese names."""

    def __init__(self, records: Sequence[Record]) -> None:
        surnames = set(read_list(LEXICON_DIR / "surnames.txt"))
        self.mentions: dict[str, list[str]] = {kind: [] for kind in _TYPES}
        self.single: dict[str, list[str]] = {kind: [] for kind in _TYPES}
        self.surnames: list[str] = []
        self.given: list[str] = []
        for record in records:
            for entity in record.entities:
                (self.single if len(entity.text) == 1 else self.mentions).setdefault(entity.type, []).append(
                    entity.text
                )
                if entity.type == "PER" and entity.text[0] in surnames and 2 <= len(entity.text) <= 3:
                    self.surnames.append(entity.text[0])
                    self.given.extend(entity.text[1:])

    def person(self, rng: random.Random) -> str:
        """A generated name: mostly surname + one or two given characters, sometimes transliterated."""
        if rng.random() < 0.15 or not self.surnames:
            return "".join(rng.choice(_transliteration_chars()) for _ in range(rng.randint(2, 5)))
        surname = rng.choice(self.surnames)
        size = 1 if rng.random() < 0.3 else 2
        return surname + "".join(rng.choice(self.given) for _ in range(size))


def _replacement(entity: Entity, pools: _Pools, params: AugmentParams, rng: random.Random) -> str:
    if len(entity.text) == 1:
        singles = pools.single.get(entity.type)
        return rng.choice(singles) if singles else entity.text
    draw = rng.random()
    if entity.type == "PER" and draw < params.dictionary_share / 2:
        return pools.person(rng)
    outside = dictionary_names().get(entity.type)
    if draw < params.dictionary_share and outside:
        return rng.choice(outside)
    own = pools.mentions.get(entity.type)
    return rng.choice(own) if own else entity.text


def replace_mentions(records: Sequence[Record], params: AugmentParams, seed: int = 0) -> list[Record]:
    """``params.copies`` altered copies of every record that has entities (unaltered copies dropped)."""
    rng = random.Random(1000 + seed)
    pools = _Pools(records)
    copies: list[Record] = []
    for copy in range(params.copies):
        for record in records:
            if not record.entities:
                continue
            pieces: list[str] = []
            entities: list[Entity] = []
            position = last = 0
            changed = False
            for entity in sorted(record.entities, key=lambda e: e.start):
                pieces.append(record.text[last : entity.start])
                position += entity.start - last
                new = entity.text
                if entity.type in params.types and rng.random() < params.replace_share:
                    new = _replacement(entity, pools, params, rng)
                changed |= new != entity.text
                pieces.append(new)
                entities.append(Entity(position, position + len(new), entity.type, new))
                position += len(new)
                last = entity.end
            pieces.append(record.text[last:])
            if changed:
                copies.append(Record(f"{record.id}-mr{copy}", "".join(pieces), tuple(entities)))
    return copies
