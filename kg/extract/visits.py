"""Where a visit went: the names after 到, 来到, 走进 … (and 在 … before a clause break or a verb of doing).

Read by :mod:`kg.extract.bodies` (a visited body's premises are a place) and :mod:`kg.extract.events` (the
phrase after 在 that opens a sentence is a stop of the visit). The words are in ``visit_words.tsv``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from kg.extract.lexicon import read_rows, word_tags
from kg.extract.mentions import is_han

SEPARATORS = ("、", "和", "及", "与", "以及")
MAX_NAMES = 12  # names walked over in one list
MAX_UNNAMED_ITEM = 12  # characters of an item of a visit's list that no name covers (安林高速东姚收费站)
MAX_AT_OPENING = 10  # characters before 在 in a sentence for it to open a stop (最后,一行人|在…)
MAX_VENUE_EXTENSION = 16  # characters between a venue's name and 举行/召开 (在…公司|高性能复合材料项目现场|举行)
# what ends the phrase after 在 before a venue verb: a clause break, or a word of guidance (在县委的领导下举行)
VENUE_GAP_STOPS = "，,；;：:。！？!?的下"


@dataclass(frozen=True)
class VisitWords:
    to: tuple[str, ...]
    at: tuple[str, ...]
    at_verbs: tuple[str, ...]
    venue_verbs: tuple[str, ...]
    within: tuple[str, ...]


@cache
def visit_words() -> VisitWords:
    rows = read_rows("visit_words.tsv")

    def of(kind: str) -> tuple[str, ...]:
        return tuple(sorted((w for w, k in rows if k == kind), key=len, reverse=True))

    return VisitWords(of("to"), of("at"), of("at_verb"), of("venue_verb"), of("within"))


def visit_word_before(text: str, start: int, name_ends: dict[int, int], list_end: int) -> str | None:
    """``"to"`` or ``"at"`` when the name starting at ``start`` stands in a list of names right after a visit
    word (先后到A和B: A and B), else None. ``name_ends`` maps the end of every name found (bodies, places)
    to its start; ``list_end`` is where the name ends (an ``at`` place needs a clause break or a verb of
    doing after it)."""
    words = visit_words()
    pos = start
    for _ in range(MAX_NAMES):
        word = next((w for w in words.to + words.at if text.endswith(w, 0, pos) and _standalone(text, pos, w)), None)
        if word in words.to:
            return "to"
        if word is not None:
            return "at" if _at_follows(text, list_end) else None
        if pos in name_ends and name_ends[pos] < pos:
            pos = name_ends[pos]  # 柳泉镇|汪洋村|莲藕产业园: the containers written before a name
            continue
        link = next((w for w in SEPARATORS + words.within if text.endswith(w, 0, pos)), None)
        if link is None:
            return None
        if pos - len(link) in name_ends:
            pos = name_ends[pos - len(link)]
            continue
        pos = _unnamed_item_start(text, pos - len(link), words)
        if pos is None:
            return None
    return None


def _unnamed_item_start(text: str, end: int, words: VisitWords) -> int | None:
    """Where an item of a list that no name covers starts (深入|安林高速东姚收费站|、河南凤宝特钢有限公司): right
    after a visit word or a 、 at most ``MAX_UNNAMED_ITEM`` characters of Chinese before ``end``, else None."""
    pos = end
    while pos > 0 and end - pos < MAX_UNNAMED_ITEM and is_han(text[pos - 1]) and text[pos - 1] != "、":
        if any(text.endswith(w, 0, pos) and _standalone(text, pos, w) for w in words.to):
            return pos
        pos -= 1
    return pos if pos < end and pos > 0 and text[pos - 1] == "、" else None


def names_visit(text: str, start: int, end: int, name_starts: set[int]) -> bool:
    """Whether the sentence ``text[start:end]`` says where a visit went: a `to` word standing alone (又到…,
    赴登封; not 得到, 到位) right before a name (``name_starts``: where the places and bodies found start), so
    that 从预案启动到现场处置 or 落实到工作中 names no destination."""
    tags = word_tags()
    for word in visit_words().to:
        pos = text.find(word, start, end)
        while pos >= 0:
            after = pos + len(word)
            alone = _standalone(text, after, word) and (len(word) > 1 or text[pos : after + 1] not in tags)
            if alone and after in name_starts:
                return True
            pos = text.find(word, after, end)
    return False


def is_venue(text: str, start: int, end: int, place_ends: dict[int, int] | None = None) -> bool:
    """Whether the name at ``text[start:end]`` is where a meeting is held: 在区行政服务中心召开, also with the
    part of its premises written after it (在…有限公司高性能复合材料项目现场举行) or the places that hold it
    written before it (``place_ends``: where places end → where they start; 在坝陵街道|湖北楚峰…)."""
    words = visit_words()
    while place_ends and start in place_ends and place_ends[start] < start:
        start = place_ends[start]
    at = next((w for w in words.at if text.endswith(w, 0, start) and _standalone(text, start, w)), None)
    if at is None:
        return False
    for gap in range(MAX_VENUE_EXTENSION + 1):
        if end + gap > len(text) or (gap and text[end + gap - 1] in VENUE_GAP_STOPS):
            return False
        if text.startswith(words.venue_verbs, end + gap):
            return True
    return False


def _standalone(text: str, end: int, word: str) -> bool:
    """A one-character word (到, 在, 赴) ending at ``end`` that is not the end of a longer dictionary word
    (收到, 得到, 存在, 现在)."""
    if len(word) > 1:
        return True
    tags = word_tags()
    return not any(text[end - k : end] in tags for k in (2, 3) if end - k >= 0)


def ends_phrase(text: str, end: int) -> bool:
    """Whether a name ending at ``end`` is followed by a clause break or a verb of doing (赴登封|参观)."""
    return _at_follows(text, end)


def _at_follows(text: str, end: int) -> bool:
    """在X, / 在X进行…: a place where something happens; 在X的… (在区委的领导下) is no place."""
    if end >= len(text) or text[end] in "，,；;。":
        return True
    return text.startswith(visit_words().at_verbs, end)


def at_phrase(text: str, start: int, end: int, speech_verbs: tuple[str, ...]) -> tuple[int, int] | None:
    """The phrase after 在 near the opening of the sentence ``text[start:end]`` (在贾庄安置区,…; 最后,一行人
    在沟赵办事处进行座谈交流), up to the clause break or verb of doing that ends it; None when there is none
    or when a speech verb comes first (符维表示,在黄河生态廊道举办…: words said, not a stop)."""
    words = visit_words()
    for word in words.at:
        pos = text.find(word, start, min(end, start + MAX_AT_OPENING + len(word)))
        if pos < 0 or not _standalone(text, pos + len(word), word) or any(v in text[start:pos] for v in speech_verbs):
            continue
        phrase_start = pos + len(word)
        stop = phrase_start
        while stop < end and text[stop] not in "，,；;。的" and not text.startswith(words.at_verbs, stop):
            stop += 1
        if stop > phrase_start and (stop >= end or text[stop] != "的"):
            return phrase_start, stop
    return None
