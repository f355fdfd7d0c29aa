"""Synthetic corpora for the benchmark: the seed pages, varied so that the graph grows with them.

Variant 0 of a seed page is the page itself; variant k > 0 rewrites it consistently:

- officials' names: names that jieba tags as personal names (nr), begin with a surname from
  ``ontology/lexicon/surnames.txt`` and stand next to a title from ``titles.txt`` or in a list,
  become a surname from the lexicon plus given-name characters of the seeds' own names;
- districts and counties from ``known_places.tsv`` (and their aliases, so ``惠济区委`` and
  ``惠济支行`` follow) become new district names made of place-name syllables of the lexicon, and
  cities other than the newspaper's own become other cities of the lexicon;
- dates ``M月D日`` move to another day.

So a corpus of N variants has about N times the seeds' characters, and its people, bodies and
places are mostly new in every variant. The same variant is the same text on every run.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
LEXICON = REPO / "ontology" / "lexicon"
SEEDS = REPO / "seeds"
HOME_CITY = "郑州市"
DATE = re.compile(r"(\d{1,2})月(\d{1,2})日")


def read_lexicon(name: str) -> list[list[str]]:
    """Rows of a lexicon file (tab-separated columns), comments and blank lines skipped."""
    path = LEXICON / name
    if not path.is_file():
        return []
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append(line.split("\t"))
    return rows


@dataclass
class Vocabulary:
    surnames: list[str]
    given_chars: list[str]
    titles: list[str]
    districts: dict[str, list[str]]  # district name -> its aliases
    cities: list[str]
    syllables: list[str]


def _seed_person_names(texts: Iterable[str], surnames: set[str], titles: list[str]) -> list[str]:
    """Names in the seeds that look like officials' names.

    Either a word jieba tags nr that is not in its dictionary (which holds common words such as
    智慧 with an nr tag), begins with a surname and stands beside a title or in a list; or the two or
    three characters after a title, beginning with a surname and ending at a list mark or 等.
    """
    import jieba
    import jieba.posseg

    jieba.setLogLevel(60)
    jieba.initialize()
    known_words = jieba.dt.FREQ
    found: dict[str, None] = {}
    surname_class = "".join(sorted(surnames))
    after_title = re.compile(
        f"(?:{'|'.join(map(re.escape, titles))})([{surname_class}][\u4e00-\u9fff]{{1,2}}?)(?=[,，、。;；等])"
    )
    for text in texts:
        words = list(jieba.posseg.cut(text))
        for index, (word, flag) in enumerate(words):
            if flag != "nr" or not 2 <= len(word) <= 3 or word in known_words or word[0] not in surnames:
                continue
            before = "".join(w for w, _ in words[max(0, index - 2) : index])
            after = "".join(w for w, _ in words[index + 1 : index + 3])
            beside_title = any(before.endswith(t) or after.startswith(t) for t in titles)
            in_list = before.endswith("、") or after.startswith("、") or before.endswith("记者")
            if beside_title or in_list:
                found[word] = None
        for match in after_title.finditer(text):
            found[match.group(1)] = None
    return list(found)


def load_vocabulary(seed_texts: list[str]) -> Vocabulary:
    surnames = [row[0] for row in read_lexicon("surnames.txt") if len(row[0]) == 1]
    titles = sorted({row[0] for row in read_lexicon("titles.txt")}, key=len, reverse=True)
    places = read_lexicon("known_places.tsv")
    if not surnames:  # the lexicon is missing: fall back to what the seeds themselves hold
        surnames = sorted({c for text in seed_texts for c in re.findall(r"记者\s*(\w)", text)}) or ["王", "李", "张"]
    if not titles:
        titles = ["书记", "主任", "区长", "市长", "部长", "局长", "副书记"]
    districts = {
        row[0]: [a for a in row[3].split(",") if a] if len(row) > 3 else []
        for row in places
        if len(row) > 1 and row[1] == "district"
    }
    cities = [row[0] for row in places if len(row) > 1 and row[1] == "city" and row[0] != HOME_CITY]
    syllables = sorted({name[i] for name in list(districts) + cities for i in range(len(name) - 1)} - set("区县市州"))
    names = _seed_person_names(seed_texts, set(surnames), titles)
    given = sorted({c for name in names for c in name[1:]})
    return Vocabulary(surnames, given or list("伟芳军红明华建国平"), titles, districts, cities, syllables)


class Variator:
    """Rewrites the seed pages into variant k, the same way on every run."""

    def __init__(self, seed_texts: list[str]) -> None:
        self.vocabulary = load_vocabulary(seed_texts)
        joined = "\n".join(seed_texts)
        places = set(self.vocabulary.districts) | {a for aliases in self.vocabulary.districts.values() for a in aliases}
        self.names = [
            n
            for n in _seed_person_names(seed_texts, set(self.vocabulary.surnames), self.vocabulary.titles)
            if n not in places
        ]
        self.districts = [d for d in self.vocabulary.districts if d in joined]
        self.cities = [c for c in self.vocabulary.cities if c in joined]
        self._used: set[str] = set(self.names) | set(self.vocabulary.districts)

    def _new_name(self, rng: random.Random, length: int) -> str:
        v = self.vocabulary
        for _ in range(100):
            name = rng.choice(v.surnames) + "".join(rng.choice(v.given_chars) for _ in range(length - 1))
            if name not in self._used:
                self._used.add(name)
                return name
        return name

    def _new_district(self, rng: random.Random, suffix: str) -> str:
        v = self.vocabulary
        for _ in range(1000):
            stem = rng.choice(v.syllables) + rng.choice(v.syllables)
            if stem[0] != stem[1] and stem + suffix not in self._used:
                self._used.add(stem + suffix)
                return stem + suffix
        return stem + suffix

    def mapping(self, variant: int) -> dict[str, str]:
        """Every replacement of variant ``variant`` (empty for variant 0, the seeds themselves)."""
        if variant == 0:
            return {}
        rng = random.Random(variant)
        replace: dict[str, str] = {}
        for name in self.names:
            replace[name] = self._new_name(rng, len(name))
        for district in self.districts:
            suffix = district[-1]
            new = self._new_district(rng, suffix)
            replace[district] = new
            for alias in self.vocabulary.districts[district]:
                if len(alias) == len(district) - 1 and district.startswith(alias):
                    replace[alias] = new[:-1]
        others = [c for c in self.vocabulary.cities if c not in self.cities]
        for city in self.cities:
            if others:
                new_city = rng.choice(others)
                replace[city] = new_city
                replace[city[:-1]] = new_city[:-1]
        return replace

    def vary(self, text: str, variant: int) -> str:
        replace = self.mapping(variant)
        if replace:
            pattern = re.compile("|".join(re.escape(k) for k in sorted(replace, key=len, reverse=True)))
            text = pattern.sub(lambda m: replace[m.group(0)], text)
        if variant:
            shift = variant * 7

            def move(match: re.Match[str]) -> str:
                day_of_year = (int(match.group(1)) - 1) * 28 + int(match.group(2)) - 1 + shift
                return f"{day_of_year // 28 % 12 + 1}月{day_of_year % 28 + 1}日"

            text = DATE.sub(move, text)
        return text


def make_corpus(target: Path, variants: int, seeds: Path = SEEDS, first: int = 0) -> list[Path]:
    """Write ``variants`` copies of every seed page (variant 0 is the seeds) under ``target``."""
    pages = sorted(seeds.glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in pages]
    variator = Variator(texts)
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for variant in range(first, first + variants):
        for page, text in zip(pages, texts, strict=True):
            path = target / f"v{variant:03d}_{page.name}"
            content = variator.vary(text, variant)
            if not path.is_file() or path.read_text(encoding="utf-8") != content:
                path.write_text(content, encoding="utf-8")
            written.append(path)
    return written


if __name__ == "__main__":
    import sys

    out = Path(sys.argv[1]) if len(sys.argv) > 1 else REPO / "benchmarks" / "corpora" / "10x"
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 10
    files = make_corpus(out, count)
    print(f"{len(files)} pages, {sum(len(f.read_text(encoding='utf-8')) for f in files)} characters in {out}")
