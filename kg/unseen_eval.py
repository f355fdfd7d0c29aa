"""How the officials extractor generalises: (name, title) pairs on CLUENER news sentences it never saw.

CLUENER2020 (``/work/shared/data/ner/cluener_train.jsonl``, see its README) marks ``name``, ``position``
and ``government`` spans. A sentence is measured when a ``position`` span ends exactly where a ``name``
span starts (``副局长逯军``); titles joined by ``、``, ``，`` or ``兼`` before it are further titles of the
same name (``党组书记、局长张三``), and a ``government`` span ending where a title starts is that post's body.
A name right before a title (``王新亭书记``) is a pair too, so that the extractor's name-title rule is
not counted wrong. Titles that open bylines (``记者 马力``) are left out: the tool never makes their
names officials, by design.

The sentences are split once by a fixed seed into a *develop* half (look at it while fixing rules) and a
*held-out* half (measure it only at the end). Each sentence is run through the whole person pipeline
(:func:`kg.extract.pipeline.analyse`) as a one-sentence article.

Scores (``precision``, ``recall``, ``f1``, ``tp``, ``fp``, ``fn``):

* ``pairs``: (sentence, name, title); titles agree when equal or when one ends with the other, since
  CLUENER keeps a department in its title (``研究部主任``) where the tool makes it the body;
* ``pairs_exact``: the same with equal titles only;
* ``government``: pairs whose title follows a ``government`` span (state and party posts);
* ``bodies``: of the government pairs found, how many posts name a body that ends with the span's text
  (or with its text after a leading place, 国务院 / 中国国务院) — ``accuracy`` over the matched pairs.

Run: ``python -m kg.unseen_eval [--half develop|held-out|both] [--file PATH] [--show N]``.
"""

from __future__ import annotations

import argparse
import json
import random
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg.errors import InputError
from kg.evaluation import jsonl_lines
from kg.scores import prf

CLUENER = Path("/work/shared/data/ner/cluener_train.jsonl")
SPLIT_SEED = 20261124
CHAIN_SEPARATORS = ("、", "，", ",", "兼")
# Titles of journalists and page staff (the roles of ontology/lexicon/byline_roles.tsv when this
# measurement was defined): fixed here so that the gold pairs never change with the lexicons.
BYLINE_TITLES = (
    "本报记者", "首席记者", "特约记者", "实习记者", "见习记者", "摄影记者", "融媒体记者", "全媒体记者", "记者",
    "实习生", "摄影", "通讯员", "特约通讯员", "责任编辑", "编辑", "责编", "美编", "校对",
)
SPLIT_BYLINE_TITLES = ("记者", "通讯员", "实习生", "见习记者", "摄影", "特约记者")


@dataclass(frozen=True)
class GoldPair:
    name: str
    title: str
    body: str | None  # the government span right before the title, if any


@dataclass
class Sample:
    id: str
    text: str
    pairs: list[GoldPair] = field(default_factory=list)
    names: set[str] = field(default_factory=set)


def read_samples(path: Path, byline_roles: Iterable[str] = BYLINE_TITLES) -> list[Sample]:
    """The sentences of ``path`` with at least one (name, title) pair, titles of bylines left out."""
    if not path.exists():
        raise InputError("no such file (CLUENER train split, see /work/shared/data/ner/README.md)", str(path))
    roles = set(byline_roles)
    samples = []
    for _number, record in jsonl_lines(path):
        sample = _sample(record, roles)
        if sample.pairs:
            samples.append(sample)
    return samples


def _sample(record: dict[str, Any], byline_roles: set[str]) -> Sample:
    text = record["text"]
    spans = sorted(record["entities"], key=lambda e: (e["start"], e["end"]))
    ending = {e["end"]: e for e in spans}
    starting = {e["start"]: e for e in spans}
    sample = Sample(record["id"], text, names={e["text"] for e in spans if e["type"] == "name"})
    pairs: list[GoldPair] = []
    for span in spans:
        if span["type"] != "name":
            continue
        before = ending.get(span["start"])
        titles = list(_chain_titles(before, ending, text)) if before and before["type"] == "position" else []
        after = starting.get(span["end"])
        if after is not None and after["type"] == "position":
            titles.append((after["text"], None))
        for title, body in titles:
            if title not in byline_roles:
                pairs.append(GoldPair(span["text"], title, body))
    sample.pairs = list(dict.fromkeys(pairs))
    return sample


def _chain_titles(
    last: dict[str, Any], ending: dict[int, dict[str, Any]], text: str
) -> Iterator[tuple[str, str | None]]:
    """(title, government body or None) of every title of the chain that ends in ``last``."""
    position: dict[str, Any] | None = last
    while position is not None:
        body = ending.get(position["start"])
        yield position["text"], body["text"] if body and body["type"] == "government" else None
        named = body is not None and body["type"] in ("government", "organization", "company")
        start = body["start"] if named and body else position["start"]
        if start > 0 and text[start - 1] in CHAIN_SEPARATORS:
            previous = ending.get(start - 1)
            position = previous if previous and previous["type"] == "position" else None
        else:
            position = None


def split(samples: list[Sample], path: Path, seed: int = SPLIT_SEED) -> tuple[list[Sample], list[Sample]]:
    """(develop, held-out). The halves were drawn once, before any fix: the ids of the sentences
    selected with the first byline list (``SPLIT_BYLINE_TITLES``), sorted, shuffled by ``seed`` and cut
    in two. Drawing them from that fixed selection keeps every sentence in its half whatever the
    measured selection (``BYLINE_TITLES``, a larger list, selects a subset of it)."""
    ordered = sorted(s.id for s in read_samples(path, SPLIT_BYLINE_TITLES))
    random.Random(seed).shuffle(ordered)
    develop = set(ordered[: len(ordered) // 2])
    return [s for s in samples if s.id in develop], [s for s in samples if s.id not in develop]


def extract_pairs(text: str) -> list[tuple[str, str, str | None]]:
    """(name, title, body) of every post the pipeline finds in one sentence."""
    from kg.extract.pipeline import analyse
    from kg.model import Article
    from kg.settings import Settings

    article = Article(id="cluener-0-00000000", file="cluener.txt", position=0, headline="", text=text)
    doc = analyse(article, Settings())
    return [(p.name, post.title, post.body) for p in doc.persons.values() for post in p.posts]


def titles_agree(gold: str, found: str, exact: bool = False) -> bool:
    if exact:
        return gold == found
    return gold == found or gold.endswith(found) or found.endswith(gold)


def body_agrees(gold: str, found: str | None) -> bool:
    """The body found ends with the annotated government span, or the span ends with it (国务院)."""
    if not found:
        return False
    return found.endswith(gold) or gold.endswith(found) or gold in found


@dataclass
class Outcome:
    sample: Sample
    found: list[tuple[str, str, str | None]]
    missed: list[GoldPair]
    wrong: list[tuple[str, str, str | None]]


def _match(gold: list[GoldPair], found: list[tuple[str, str, str | None]], exact: bool) -> list[tuple[int, int]]:
    """Greedy one-to-one matching of gold pairs to found posts (same name, agreeing titles)."""
    used: set[int] = set()
    matches = []
    for g_index, pair in enumerate(gold):
        for f_index, (name, title, _body) in enumerate(found):
            if f_index not in used and name == pair.name and titles_agree(pair.title, title, exact):
                used.add(f_index)
                matches.append((g_index, f_index))
                break
    return matches


def score(samples: list[Sample]) -> tuple[dict[str, dict[str, float]], list[Outcome]]:
    counts = {key: [0, 0, 0] for key in ("pairs", "pairs_exact", "government")}
    body_right = body_total = 0
    outcomes = []
    for sample in samples:
        found = extract_pairs(sample.text)
        # a post of a name CLUENER does not annotate as a name at all is wrong; one of an annotated
        # name with a title CLUENER does not pair with it is wrong too
        for key, exact in (("pairs_exact", True), ("pairs", False)):
            matches = _match(sample.pairs, found, exact)
            counts[key][0] += len(matches)
            counts[key][1] += len(found) - len(matches)
            counts[key][2] += len(sample.pairs) - len(matches)
        # ``matches`` now holds the loose matching (``pairs``), which the rest of the loop uses
        matched_gold = {g for g, _f in matches}
        matched_found = {f for _g, f in matches}
        government = [i for i, p in enumerate(sample.pairs) if p.body is not None]
        gov_found = [f for g, f in matches if g in government]
        counts["government"][0] += len(gov_found)
        counts["government"][2] += len(government) - len(gov_found)
        # found posts whose title follows a government span in the text count against precision here
        gov_titles = {sample.pairs[g].title for g in government}
        counts["government"][1] += sum(
            1 for i, (_n, title, _b) in enumerate(found)
            if i not in matched_found and any(titles_agree(t, title) for t in gov_titles)
        )
        for g, f in matches:
            if sample.pairs[g].body is not None:
                body_total += 1
                body_right += body_agrees(sample.pairs[g].body or "", found[f][2])
        outcomes.append(Outcome(
            sample, found,
            [p for i, p in enumerate(sample.pairs) if i not in matched_gold],
            [x for i, x in enumerate(found) if i not in matched_found],
        ))
    result = {key: prf(*values, digits=3) for key, values in counts.items()}
    result["bodies"] = {"accuracy": round(body_right / body_total, 3) if body_total else 0.0,
                        "right": body_right, "total": body_total}
    result["sentences"] = {"count": len(samples), "pairs": sum(len(s.pairs) for s in samples)}
    return result, outcomes




def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--file", type=Path, default=CLUENER)
    parser.add_argument("--half", choices=["develop", "held-out", "both"], default="develop")
    parser.add_argument("--show", type=int, default=0, help="print this many sentences with errors")
    args = parser.parse_args(argv)
    develop, held_out = split(read_samples(args.file), args.file)
    halves = {"develop": develop, "held-out": held_out}
    for name in ("develop", "held-out"):
        if args.half not in (name, "both"):
            continue
        result, outcomes = score(halves[name])
        print(json.dumps({name: result}, ensure_ascii=False))
        shown = 0
        for outcome in outcomes:
            if shown >= args.show or not (outcome.missed or outcome.wrong):
                continue
            shown += 1
            print(outcome.sample.text)
            print("   missed:", [(p.name, p.title, p.body) for p in outcome.missed])
            print("   wrong: ", outcome.wrong)


if __name__ == "__main__":
    main()
