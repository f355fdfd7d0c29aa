"""The extractor's knowledge, read once per process from ``ontology/lexicon/`` and compiled.

Every rule in :mod:`kg.extract` looks words up here; nothing about titles, bodies or places is
hard-coded. A user adds a line to a lexicon file and the next run knows it. Files are plain text,
one entry a line, ``#`` starts a comment; ``.tsv`` files have tab-separated columns.
"""

from __future__ import annotations

import contextlib
import importlib.util
import marshal
import os
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from kg.corpus.lexicon import byline_roles as corpus_byline_roles
from kg.errors import KgError
from kg.io import write_bytes_atomic
from kg.resources import data_lines, lexicon_path

HAN = "\u3400-\u4dbf\u4e00-\u9fff"
HAN_RE = re.compile(f"[{HAN}]")
# Division levels that an abbreviation character stands for (区委 → the article's district's 委).
ABBREVIATION_LEVELS: dict[str, str] = {"省": "province", "市": "city", "区": "district", "县": "district",
                                       "镇": "town", "乡": "town"}


def read_entries(name: str) -> list[str]:
    """Entries of a one-entry-a-line lexicon file (comments and blank lines dropped)."""
    return [row[0] for row in read_rows(name)]


def read_rows(name: str) -> list[list[str]]:
    """Rows of a lexicon file, split on tabs, comments and blank lines dropped."""
    return [[cell.strip() for cell in line.split("\t")] for line in data_lines(lexicon_path(name))]


@dataclass(frozen=True)
class KnownPlace:
    name: str
    level: str
    parent: str | None


@dataclass(frozen=True)
class BodySuffix:
    kind: str
    attach: str  # "place" | "parent"
    leaf: bool = False  # a body ending so never contains another body (科, 室, 队)


@dataclass(frozen=True)
class KnownBody:
    name: str
    kind: str


# dots that join the parts of a transliterated name (罗朗·雷斯, 瓦尔特•沙佛尔霍夫): the name scanner and the
# statistical tagger (kg.ner.tagger) read the one set
NAME_DOTS = frozenset("·•‧・．.")
DIRECTIONS = frozenset("东西南北中内外上下")  # 北核心片区: a direction before a generic word names nothing


@dataclass
class Lexicon:
    """All word lists, with the matchers compiled from them."""

    single_surnames: frozenset[str]
    compound_surnames: frozenset[str]
    titles: frozenset[str]
    title_bodies: dict[str, str]
    representative: frozenset[tuple[str, str]]
    body_suffixes: dict[str, BodySuffix]
    known_bodies: dict[str, KnownBody]  # name or alias -> body
    place_suffixes: dict[str, str]  # suffix -> level
    known_places: dict[str, KnownPlace]  # canonical name -> place
    place_aliases: dict[str, str]  # alias -> canonical name
    standalone_aliases: frozenset[str]  # aliases that are place mentions on their own (郑州, 河南)
    name_followers: frozenset[str]
    name_preceders: frozenset[str]
    left_stops: frozenset[str]
    descriptors: frozenset[str]
    body_kind_classes: dict[str, str]
    non_bodies: frozenset[str]
    non_places: frozenset[str]
    non_names: frozenset[str]
    titles_after_name: frozenset[str]
    name_inner_stops: frozenset[str]
    common_surnames: frozenset[str]
    person_cues: frozenset[str]
    byline_roles: tuple[str, ...]
    speech_verbs: tuple[str, ...]
    party_titles: frozenset[str]
    weak_stops: frozenset[str]
    name_final_stops: frozenset[str]
    generic_modifiers: frozenset[str] = frozenset()  # 核心, 区级, 青少年: words that qualify a kind, name no one
    generic_determiners: frozenset[str] = frozenset()  # 基层, 属地, 广大: never start a name, cut off in front
    venue_suffixes: tuple[str, ...] = ()  # 会议室, 校区: rooms and grounds of the body named before them
    conjunctions: frozenset[str] = frozenset()  # 及, 和, 与: join two names, never inside one after a suffix
    road_suffixes: tuple[str, ...] = ()  # 路, 街, 大道: place suffixes of roads (third column ``road``)
    # 示范区: sites named only right after the place that holds them (third column ``contained``)
    contained_suffixes: frozenset[str] = frozenset()
    # 办事处: body suffixes whose bodies govern an area of their own name (third column ``office``)
    office_suffixes: frozenset[str] = frozenset()
    # 河, 湖: natural features, named by one character before them (鹳河) (third column ``natural``)
    natural_suffixes: frozenset[str] = frozenset()
    given_name_openers: frozenset[str] = frozenset()  # 向, 为: inner stops that may open a given name (陈向东)
    shared_titles: frozenset[str] = frozenset()  # 常委, 委员: titles several persons hold at once
    shared_title_modifiers: tuple[str, ...] = ()  # 副: every title under these is held by several
    # compiled
    unit_regex: re.Pattern[str] = field(init=False, repr=False)
    max_follower: int = field(init=False)
    max_preceder: int = field(init=False)
    max_stop: int = field(init=False)

    def __post_init__(self) -> None:
        # One alternation, longest first, over every word that is a unit of a body or place name or a
        # title: at each position the longest entry wins, so 人大常委会 is one unit, not 人大 + 常委 + 会.
        words: dict[str, str] = {}
        for suffix in self.body_suffixes:
            words.setdefault(suffix, "B")
        for name in self.known_bodies:
            words[name] = "K"
        for alias in self.place_aliases:
            words[alias] = "P"
        for title in self.titles:
            words.setdefault(title, "T")
        self.unit_kinds = words
        ordered = sorted(words, key=lambda w: (-len(w), w))
        self.unit_regex = re.compile("|".join(re.escape(w) for w in ordered))
        self.max_follower = max(map(len, self.name_followers))
        self.max_preceder = max(map(len, self.name_preceders))
        self.max_stop = max(map(len, self.left_stops))
        self.place_suffix_list = sorted(self.place_suffixes, key=len, reverse=True)
        self.body_suffix_list = sorted(self.body_suffixes, key=len, reverse=True)

    # --- look-ups ------------------------------------------------------------------------------

    def is_surname_start(self, text: str, pos: int) -> int:
        """Length of the surname starting at ``pos`` (2 for 欧阳, 1 for 王), 0 when none does."""
        if text[pos : pos + 2] in self.compound_surnames:
            return 2
        return 1 if pos < len(text) and text[pos] in self.single_surnames else 0

    def body_suffix_of(self, name: str) -> tuple[str, BodySuffix] | None:
        """The longest body suffix ``name`` ends with."""
        for suffix in self.body_suffix_list:
            if name.endswith(suffix):
                return suffix, self.body_suffixes[suffix]
        return None

    def body_kind(self, name: str) -> str:
        known = self.known_bodies.get(name)
        if known:
            return known.kind
        found = self.body_suffix_of(name)
        return found[1].kind if found else "other"

    def place_level(self, name: str) -> str | None:
        canonical = self.place_aliases.get(name, name)
        known = self.known_places.get(canonical)
        if known:
            return known.level
        for suffix in self.place_suffix_list:
            if name.endswith(suffix) and len(name) > len(suffix):
                return self.place_suffixes[suffix]
        return None

    def only_generic(self, stem: str) -> bool:
        """Whether ``stem`` (a name without its suffix) is only generic modifiers and direction
        characters (基层, 属地, 区级平台, 北核心): it qualifies a kind and names no one."""
        pos = 0
        while pos < len(stem):
            for length in range(min(4, len(stem) - pos), 0, -1):
                if stem[pos : pos + length] in self.generic_modifiers:
                    pos += length
                    break
            else:
                if stem[pos] not in DIRECTIONS:
                    return False
                pos += 1
        return True

    def canonical_place(self, name: str) -> str:
        return self.place_aliases.get(name, name)

    def title_body(self, title: str) -> str | None:
        return self.title_bodies.get(title)

    def is_representative(self, kind: str, title: str) -> bool:
        return (kind, title) in self.representative


def _expand_titles(base: list[str], modifiers: list[str]) -> frozenset[str]:
    titles = set(base)
    for title in base:
        for modifier in modifiers:
            if not title.startswith(modifier):
                titles.add(modifier + title)
    return frozenset(titles)


def base_title(title: str, modifiers: list[str] | None = None) -> str:
    """``常务副主任`` → ``主任``: the title without its modifiers."""
    for modifier in sorted(modifiers or read_entries("title_modifiers.txt"), key=len, reverse=True):
        if title.startswith(modifier) and len(title) > len(modifier) + 1:
            return title[len(modifier) :]
    return title


# Part-of-speech tags of words that may open or stand inside a name found by its suffix: nouns,
# verbal and adjectival nouns, adjectives, distinguishing words, abbreviations, unknown words.
NAME_WORD_TAGS = frozenset({"vn", "an", "a", "b", "j", "s", "x", "g", "ng", "l", "i", "m", "tg", "zg"})


def cache_dir() -> Path:
    """Where derived tables are kept between runs (``$XDG_CACHE_HOME/kg``, else ``~/.cache/kg``)."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "kg"


def cached_table(name: str, source: Path, derive: Callable[[], Any]) -> Any:
    """``derive()``, kept in the cache directory as a marshal file keyed by ``source``'s size and
    modification time: later runs load it (0.1–0.2 s for jieba's tables) instead of deriving it again.

    A missing, stale or unreadable cache is derived again; a cache that cannot be written (read-only
    home) only costs the next run the same time again.
    """
    stat = source.stat()
    key = (str(source), stat.st_size, stat.st_mtime_ns, marshal.version)
    try:
        path = cache_dir() / f"{name}.marshal"
    except RuntimeError:  # no home directory to keep a cache in
        return derive()
    try:
        # marshal.loads of the whole file: marshal.load on a file object reads it piecemeal, 3x slower
        stored_key, table = marshal.loads(path.read_bytes())
        if tuple(stored_key) == key:
            return table
    except (OSError, EOFError, ValueError, TypeError):
        pass
    table = derive()
    with contextlib.suppress(OSError):
        write_bytes_atomic(path, marshal.dumps((key, table)))
    return table


def jieba_dictionary() -> Path:
    """jieba's own dictionary file (``word frequency tag`` lines), found without importing jieba."""
    spec = importlib.util.find_spec("jieba")
    if spec is None or spec.origin is None:
        raise KgError("jieba is not installed; run: pip install jieba")
    return Path(spec.origin).resolve().parent / "dict.txt"


def _read_word_tags(dictionary: Path) -> dict[str, str]:
    tags: dict[str, str] = {}
    with dictionary.open(encoding="utf-8") as lines:
        for line in lines:
            parts = line.split()
            if len(parts) == 3:
                # interned: some fifty distinct tags, so marshal stores each once and refers to it
                tags[parts[0]] = sys.intern(parts[2])
    return tags


@cache
def word_tags() -> dict[str, str]:
    """jieba's dictionary with each word's part of speech (read once; jieba's tagger never runs).

    Only a look-up table: where a name found by its suffix starts is decided by the words before the
    suffix (考察|黄河 → 黄河; 领导|调研|贾鲁河片区), without segmenting or tagging whole sentences.
    The same table as ``jieba.posseg``'s, read from ``dict.txt`` directly and cached: importing
    jieba.posseg for it cost 0.35–1.8 s a run (its HMM tables come along).
    """
    dictionary = jieba_dictionary()
    return cached_table("jieba-word-tags", dictionary, lambda: _read_word_tags(dictionary))


# Tags of function words: prepositions, conjunctions, particles, adverbs, pronouns, measure words,
# interjections, time and position words. Body names stop at these; place names also at verbs.
FUNCTION_TAG_STARTS = ("p", "c", "u", "d", "r", "q", "y", "e", "o", "f", "t", "z")


def is_name_word(tag: str, verbs_allowed: bool = False) -> bool:
    """Whether a word of this tag may stand in a name (verbs only in body names: 巡察组, 控股集团)."""
    if tag in NAME_WORD_TAGS or tag.startswith("n"):
        return True
    return verbs_allowed and not tag.startswith(FUNCTION_TAG_STARTS)


def first_word_tag(text: str) -> str:
    """The part of speech of the dictionary word that ``text`` starts with (longest match)."""
    tags = word_tags()
    for length in range(min(4, len(text)), 0, -1):
        if text[:length] in tags:
            return tags[text[:length]]
    return "x"


@cache
def load_lexicon() -> Lexicon:
    """Read and compile every lexicon file (once per process)."""
    surnames = read_entries("surnames.txt")
    modifiers = read_entries("title_modifiers.txt")
    titles = _expand_titles(read_entries("titles.txt"), modifiers)
    title_bodies: dict[str, str] = {}
    for title, body in read_rows("title_bodies.tsv"):
        title_bodies[title] = body
        for modifier in modifiers:
            title_bodies.setdefault(modifier + title, body)
    body_suffixes = {
        row[0]: BodySuffix(kind=row[1], attach=row[2], leaf=len(row) > 3 and row[3] == "leaf")
        for row in read_rows("body_suffixes.tsv")
    }
    known_bodies: dict[str, KnownBody] = {}
    for row in read_rows("known_bodies.tsv"):
        body = KnownBody(name=row[0], kind=row[1])
        known_bodies[row[0]] = body
        for alias in (row[2].split(",") if len(row) > 2 and row[2] else []):
            known_bodies[alias] = body
    known_places: dict[str, KnownPlace] = {}
    aliases: dict[str, str] = {}
    standalone: set[str] = set()
    for row in read_rows("known_places.tsv"):
        name, level = row[0], row[1]
        parent = row[2] if len(row) > 2 and row[2] else None
        known_places[name] = KnownPlace(name, level, parent)
        aliases[name] = name
        for alias in (row[3].split(",") if len(row) > 3 and row[3] else []):
            aliases.setdefault(alias, name)
            if level in ("province", "city", "country") or len(alias) > 2:
                standalone.add(alias)
    body_kind_classes = {row[0]: row[1] for row in read_rows("body_kinds.tsv")}
    place_suffix_rows = read_rows("place_suffixes.tsv")  # suffix, level, optional mark (road, office, contained)

    def marked(mark: str) -> list[str]:
        return [row[0] for row in place_suffix_rows if row[2:3] == [mark]]

    determiners = read_entries("generic_determiners.txt")
    shared_titles = read_entries("shared_titles.txt")
    return Lexicon(
        single_surnames=frozenset(s for s in surnames if len(s) == 1),
        compound_surnames=frozenset(s for s in surnames if len(s) > 1),
        titles=titles,
        title_bodies=title_bodies,
        representative=frozenset((row[0], row[1]) for row in read_rows("representative.tsv")),
        body_suffixes=body_suffixes,
        known_bodies=known_bodies,
        place_suffixes={row[0]: row[1] for row in place_suffix_rows},
        known_places=known_places,
        place_aliases=aliases,
        standalone_aliases=frozenset(standalone),
        name_followers=frozenset(read_entries("name_followers.txt")),
        name_preceders=frozenset(read_entries("name_preceders.txt")),
        left_stops=frozenset(read_entries("left_stops.txt")),
        descriptors=frozenset(read_entries("descriptors.txt")),
        body_kind_classes=body_kind_classes,
        non_bodies=frozenset(read_entries("non_bodies.txt")),
        non_places=frozenset(read_entries("non_places.txt")),
        non_names=frozenset(read_entries("non_names.txt")),
        titles_after_name=_expand_titles(read_entries("titles_after_name.txt"), modifiers),
        name_inner_stops=frozenset("".join(read_entries("name_inner_stops.txt"))),
        common_surnames=frozenset(read_entries("common_surnames.txt")),
        person_cues=frozenset(read_entries("person_cues.txt")),
        byline_roles=tuple(sorted(corpus_byline_roles(), key=len, reverse=True)),
        speech_verbs=tuple(read_entries("speech_verbs.txt")),
        party_titles=frozenset(read_entries("party_titles.txt")),
        weak_stops=frozenset(read_entries("weak_stops.txt")),
        name_final_stops=frozenset(read_entries("name_final_stops.txt")),
        generic_modifiers=frozenset(read_entries("generic_modifiers.txt") + determiners),
        generic_determiners=frozenset(determiners),
        venue_suffixes=tuple(sorted(read_entries("venue_suffixes.txt"), key=len, reverse=True)),
        conjunctions=frozenset(read_entries("conjunctions.txt")),
        road_suffixes=tuple(marked("road")),
        contained_suffixes=frozenset(marked("contained")),
        office_suffixes=frozenset(marked("office")),
        natural_suffixes=frozenset(marked("natural")),
        given_name_openers=frozenset("".join(read_entries("given_name_openers.txt"))),
        shared_titles=frozenset(e for e in shared_titles if not e.startswith("modifier:")),
        shared_title_modifiers=tuple(e.removeprefix("modifier:") for e in shared_titles if e.startswith("modifier:")),
    )
