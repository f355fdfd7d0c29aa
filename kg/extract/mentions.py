"""The document state every extraction component reads and adds to, and the shared scanning helpers.

Like a spaCy ``Doc``: one :class:`Doc` carries an article through the components of
:mod:`kg.extract.pipeline`. The first step cuts the text into *units*: one pass of one compiled
regular expression (built once per process from the lexicons) marks every title, body suffix, known
body and known place, longest first, so ``人大常委会`` is one unit and its ``常委`` is no title.
Later components only look units and characters up; none runs a tokenizer per sentence.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field, replace

from kg.extract.dates import page_text
from kg.extract.divisions import page_city
from kg.extract.lexicon import ABBREVIATION_LEVELS, NAME_DOTS, Lexicon, is_name_word, load_lexicon, word_tags
from kg.model import Article, Body, Mention, Person, Place, Provenance
from kg.settings import Settings

# Characters that end a clause: a name, a body or a chain never runs across them.
CLAUSE_BREAKS = frozenset("、,，。;；:：!！?？\n\r\t （）()[]【】“”‘’\"'《》·—…—/")
SENTENCE_ENDS = frozenset("。!！?？;；\n")
# Word classes that end the free words at the start of a body name in a title chain (月初|商务部).
CUT_TAGS = ("t", "q", "p", "c", "r", "u")


def is_han(char: str) -> bool:
    return "\u3400" <= char <= "\u9fff"


@dataclass(frozen=True)
class Unit:
    start: int
    end: int
    text: str
    kind: str  # "T" title, "B" body suffix, "K" known body, "P" known place or alias


@dataclass
class Doc:
    """One article under extraction: its text, units, and everything the components found."""

    article: Article
    settings: Settings
    lex: Lexicon
    text: str
    units: list[Unit]
    unit_starting: dict[int, Unit] = field(default_factory=dict)
    unit_ending: dict[int, Unit] = field(default_factory=dict)
    sentence_starts: list[int] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    # places named in the article, in text order: (start, end, canonical name, level)
    place_spans: list[tuple[int, int, str, str]] = field(default_factory=list)
    places: dict[str, Place] = field(default_factory=dict)
    bodies: dict[str, Body] = field(default_factory=dict)
    persons: dict[str, Person] = field(default_factory=dict)
    # spans of names that are bylines (reporters, correspondents): never officials
    byline_spans: list[tuple[int, int]] = field(default_factory=list)

    # --- positions -----------------------------------------------------------------------------

    def sentence_of(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self.sentence_starts, pos) - 1)

    def sentence_span(self, pos: int) -> tuple[int, int]:
        index = self.sentence_of(pos)
        start = self.sentence_starts[index] if self.sentence_starts else 0
        end = self.sentence_starts[index + 1] if index + 1 < len(self.sentence_starts) else len(self.text)
        return start, end

    def provenance(self, start: int, end: int, rule: str, confidence: float = 1.0) -> Provenance:
        return Provenance(self.article.id, self.sentence_of(start), start, end, rule, confidence)

    def add_mention(self, kind: str, start: int, end: int, source: str, confidence: float = 1.0) -> Mention:
        mention = Mention(kind, start, end, self.text[start:end], source, confidence)
        self.mentions.append(mention)
        return mention

    # --- scanning helpers ----------------------------------------------------------------------

    def stop_ending_at(self, pos: int) -> str | None:
        """The longest left-stop word that ends at ``pos``, when it really ends a name there."""
        text = self.text
        for length in range(min(self.lex.max_stop, pos), 0, -1):
            word = text[pos - length : pos]
            if word not in self.lex.left_stops:
                continue
            if length == 1 and word in self.lex.weak_stops and not self.starts_place_or_body(pos):
                continue
            unit = self.unit_covering(pos - 1)
            if unit is not None and unit.end > pos:
                continue  # the word is the start of a unit (组织 in 组织部): not a stop
            return word
        return None

    def trim_left(
        self, start: int, end: int, max_words: int = 4, verbs_allowed: bool = False, first_verb: bool = False
    ) -> int:
        """Where a name ending at ``end`` starts at the earliest, given ``text[start:end]`` before it.

        Words are cut from the right by longest dictionary match; the name takes nouns and the like
        (see :func:`kg.extract.lexicon.is_name_word`) and stops at the first verb, preposition,
        particle, pronoun or numeral (实地察看了|黄河滩地公园), or after ``max_words`` words.
        """
        tags = word_tags()
        text = self.text
        pos = end
        words = 0
        while pos > start and words < max_words:
            for length in range(min(4, pos - start), 0, -1):
                word = text[pos - length : pos]
                if length == 1 or word in tags:
                    break
            # first_verb: the word next to the suffix may be a verb (解放|路, 建设|路)
            if not is_name_word(tags.get(word, "x"), verbs_allowed or (first_verb and words == 0)):
                break
            pos -= length
            words += 1
        return pos

    def after_function_words(self, start: int, end: int) -> int:
        """The position after the last time word, numeral, measure word, preposition, conjunction,
        pronoun or particle in ``text[start:end]`` (月初|商务部), or ``start`` when there is none."""
        tags = word_tags()
        text = self.text
        pos = end
        while pos > start:
            for length in range(min(4, pos - start), 0, -1):
                word = text[pos - length : pos]
                if length == 1 or word in tags:
                    break
            if tags.get(word, "x").startswith(CUT_TAGS):
                return pos
            pos -= length
        return start

    def unit_covering(self, pos: int) -> Unit | None:
        for start in range(pos, max(-1, pos - 8), -1):
            unit = self.unit_starting.get(start)
            if unit is not None and unit.start <= pos < unit.end:
                return unit
        return None

    def starts_place_or_body(self, pos: int) -> bool:
        unit = self.unit_starting.get(pos)
        if unit is not None and unit.kind in ("P", "K", "B"):
            return True
        return pos < len(self.text) and self.text[pos] in ABBREVIATION_LEVELS

    def follows_name(self, pos: int) -> bool:
        """Whether a personal name may end at ``pos``: punctuation, the end, or a follower word."""
        text = self.text
        if pos < len(text) and text[pos] in NAME_DOTS:
            return False  # 罗朗·雷斯: part of a transliterated name
        if pos >= len(text) or not is_han(text[pos]):
            return True
        return any(text[pos : pos + k] in self.lex.name_followers for k in range(1, self.lex.max_follower + 1))

    def follows_name_strongly(self, pos: int) -> bool:
        """A follower word of two or more characters (指出, 陪同, 一行) follows ``pos``."""
        return any(
            self.text[pos : pos + k] in self.lex.name_followers for k in range(2, self.lex.max_follower + 1)
        )

    def precedes_name(self, pos: int) -> bool:
        """Whether a personal name may start at ``pos`` (for names before their title)."""
        text = self.text
        if pos <= 0 or not is_han(text[pos - 1]):
            return True
        if pos in self.unit_ending and self.unit_ending[pos].kind in ("B", "K", "T"):
            return True
        return any(text[max(0, pos - k) : pos] in self.lex.name_preceders for k in range(1, self.lex.max_preceder + 1))

    def name_candidates(self, start: int) -> list[int]:
        """Possible ends of a personal name starting at ``start``, longest first (given name of 1–2)."""
        text = self.text
        surname = self.lex.is_surname_start(text, start)
        if not surname:
            return []
        unit = self.unit_starting.get(start)
        # 副县长杨帆、黄河清等, 副县长黄河清,: in a list of names or right after a title a name may open with a
        # place word, when it runs past it and the list goes on or the clause ends right after it
        after_title = start in self.unit_ending and self.unit_ending[start].kind == "T"
        listed_place = (
            unit is not None and unit.kind == "P" and start > 0 and (text[start - 1] == "、" or after_title)
        )
        if unit is not None and unit.kind in ("P", "K", "B", "T") and unit.end - start > 1 and not listed_place:
            return []  # 高新区, 中原区委 … start with a surname character but are no names
        ends = []
        for given in (2, 1):
            end = start + surname + given
            if end > len(text) or not all(is_han(c) for c in text[start:end]):
                continue
            closes = text[end : end + 1] in ("、", "等", ",", "，", "。")
            closes = closes or (after_title and self.follows_name_strongly(end))
            if listed_place and (end <= unit.end or not closes):
                continue  # 郑州、开封等: the place itself, no name
            if any(p in self.unit_starting for p in range(start + 1, end)):
                continue  # a title, body or place starts inside: 区委, 主任科员 are no names
            if text[start:end] in self.lex.non_names:
                continue
            if given == 2 and text[start + surname : end] in self.lex.name_followers:
                continue  # 马女士, 张先生: a surname and a form of address, no full name
            opens = given == 2 and text[start + surname] in self.lex.given_name_openers  # 陈向东
            inner = text[start + surname + (1 if opens else 0) : end]
            if any(c in self.lex.name_inner_stops for c in inner):
                continue  # 商量过, 张三在: function characters are no part of a given name
            if text[end - 1] in self.lex.name_final_stops:
                continue  # 长丰村, 大孟镇: a place, not a name
            ends.append(end)
        return ends

    def name_after(self, start: int, fallback: bool = False) -> int | None:
        """End of the personal name that starts at ``start`` (after a title), or None.

        The name ends where a follower word, punctuation or the text's end follows. With
        ``fallback`` and no such word, a three-character name is taken when its given name holds
        none of the characters of ``name_inner_stops.txt`` and its surname is a common one
        (书记汪明新经常 → 汪明新).
        """
        candidates = self.name_candidates(start)
        surname = self.lex.is_surname_start(self.text, start)
        # 谈判, 职责: a two-character word needs a follower word to count as a name (施展指出)
        ends = [
            end
            for end in candidates
            if self.follows_name(end)
            and not (
                end - start == surname + 1 and self.is_common_word(start, end) and not self.follows_name_strongly(end)
            )
        ]
        if not ends and fallback and candidates:
            end = candidates[0]
            common = self.text[start : start + surname] in self.lex.common_surnames
            plain = not self.is_common_word(start, end) and not self.is_common_word(start + surname, end)
            dotted = end < len(self.text) and self.text[end] in NAME_DOTS
            if common and plain and not dotted and end - start - surname == 2 and end not in self.unit_starting:
                if len(candidates) > 1 and self._verb_across(end - 1):
                    return candidates[1]  # 杨斌拿起: 拿起 is a verb, the name is 杨斌
                return end
        if not ends:
            return None
        if len(ends) == 2 and self.follows_name(ends[1]):
            longer, shorter = ends
            # 李四说, → 李四 + 说, not a name 李四说: the last character starts a follower word.
            last = self.text[longer - 1 : longer - 1 + self.lex.max_follower]
            if any(last[:k] in self.lex.name_followers for k in range(1, len(last) + 1)):
                return shorter
        return ends[0]

    def _verb_across(self, pos: int) -> bool:
        """Whether a dictionary verb of two characters starts at ``pos`` (the last character of a
        name candidate and the one after it: 杨斌|拿起)."""
        tag = word_tags().get(self.text[pos : pos + 2])
        return tag is not None and tag.startswith("v")

    def is_common_word(self, start: int, end: int) -> bool:
        """Whether a name candidate starts with a dictionary word that is no name (司法, 印度, 纪检).

        Only for the weaker name rules (a name before its title, a name taken without a follower),
        since many real names are also words (施展).
        """
        tags = word_tags()
        surname = max(1, self.lex.is_surname_start(self.text, start))
        for length in range(end - start, surname, -1):
            tag = tags.get(self.text[start : start + length])
            if tag is not None:
                return not tag.startswith("nr")
        return False

    def name_before(self, end: int) -> int | None:
        """Start of the personal name that ends at ``end`` (before a title or 同志), or None."""
        for length in (4, 3, 2):
            start = end - length
            if start < 0:
                continue
            if end in self.name_candidates(start) and self.precedes_name(start) and not self.is_common_word(start, end):
                surname = self.lex.is_surname_start(self.text, start)
                if length - surname <= 2:
                    return start
        return None


def build_doc(article: Article, settings: Settings, lex: Lexicon | None = None) -> Doc:
    """Cut the article into units and sentences: the state the components then work on."""
    lex = lex or load_lexicon()
    text = article.text
    if not settings.home_city_fixed:
        # the city a bare 市 means: the page's own (its paper, its counties; the article alone when the page
        # cannot be read again), the setting as fallback
        page = page_text(article.file) or "\n".join(filter(None, (article.page_title, text)))
        city = page_city(page, settings.home_city)
        if city != settings.home_city:
            settings = replace(settings, home_city=city)
    units = [Unit(m.start(), m.end(), m.group(), lex.unit_kinds[m.group()]) for m in lex.unit_regex.finditer(text)]
    doc = Doc(article=article, settings=settings, lex=lex, text=text, units=units)
    doc.unit_starting = {u.start: u for u in units}
    doc.unit_ending = {u.end: u for u in units}
    if article.sentences:
        doc.sentence_starts = [s.start for s in article.sentences]
    else:
        starts = [0]
        for index, char in enumerate(text):
            if char in SENTENCE_ENDS and index + 1 < len(text):
                starts.append(index + 1)
        doc.sentence_starts = starts
    return doc


def dedupe_mentions(mentions: list[Mention]) -> list[Mention]:
    """One mention per (type, span), in text order; nested spans of the same type keep the outer one."""
    best: dict[tuple[str, int, int], Mention] = {}
    for mention in mentions:
        key = (mention.type, mention.start, mention.end)
        if key not in best or mention.confidence > best[key].confidence:
            best[key] = mention
    bodies = [(m.start, m.end) for m in best.values() if m.type == "ORG"]
    # A place inside a body's name (郑州市 in 郑州市人大常委会) is part of that name, not a mention.
    ordered = sorted(
        (m for m in best.values() if m.type != "LOC" or not any(s <= m.start and m.end <= e for s, e in bodies)),
        key=lambda m: (m.start, -m.end, m.type),
    )
    kept: list[Mention] = []
    for mention in ordered:
        inside = any(
            k.type == mention.type and k.start <= mention.start and mention.end <= k.end and k is not mention
            for k in kept[-12:]
        )
        if not inside:
            kept.append(mention)
    return kept
