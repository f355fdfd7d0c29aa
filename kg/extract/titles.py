"""Title chains: ``惠济区委副书记、区长丁文霞`` → segments (惠济区委, 副书记), (, 区长) and the name.

A chain ends in a title directly followed by a personal name (see :meth:`Doc.name_after`). Walking
left from it, each segment is *body text* + *title*; segments are joined by ``、``, ``,`` or ``兼``
and a segment's body text runs left to the nearest clause break, stop word (陪同, 由 …) or title.
Text in quotation or book-title marks is skipped whole, so ``“不忘初心、牢记使命”主题教育领导小组``
stays one body. Body text that is no body (``环保总工程师``) stays part of the title.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from kg.extract.mentions import CLAUSE_BREAKS, Doc, Unit, is_han
from kg.extract.roles import role_verbs

CHAIN_JOINERS = ("、", ",", "，", "兼")
OPENING_BRACKETS = "(（"
CLOSING_BRACKETS = ")）"
QUOTE_PAIRS = {"”": "“", "》": "《", "’": "‘", "」": "「"}
QUOTED_SPEECH_MARKS = "。，！？；,!?;"  # a quotation holding these is words said, not a name in quotes
MAX_BODY_TEXT = 30
ROLE_TAKING = "任担"  # role verbs that take a title as their object (任总指挥, 担任演练总指挥): the title is a role


@dataclass(frozen=True)
class Segment:
    body_start: int
    body_end: int  # == title start
    title_start: int
    title_end: int
    title: str
    unknown_body: bool = False  # words stood before the title that name no body we know


@dataclass(frozen=True)
class Chain:
    segments: tuple[Segment, ...]
    name_start: int
    name_end: int

    @property
    def start(self) -> int:
        return self.segments[0].body_start


def find_title_mentions(doc: Doc) -> None:
    """Add a TITLE mention for every title unit in the text."""
    for unit in doc.units:
        if unit.kind == "T":
            doc.add_mention("TITLE", unit.start, unit.end, "lexicon")


def find_chains(doc: Doc) -> list[Chain]:
    """Every title chain that ends in a personal name, in text order."""
    chains: list[Chain] = []
    byline = {start for start, _end in doc.byline_spans}
    for unit in doc.units:
        if unit.kind != "T":
            continue
        name_end = doc.name_after(unit.end, fallback=True)
        if name_end is None and doc.text[unit.end : unit.end + 1] in CLOSING_BRACKETS:
            bracketed = _bracketed_chain(doc, unit)
            if bracketed is not None:
                chains.append(bracketed)
            continue
        if name_end is None or unit.end in byline:
            continue
        segments = _segments_before(doc, unit)
        if segments is None:
            continue
        chains.append(Chain(tuple(segments), unit.end, name_end))
    return sorted(chains, key=lambda chain: chain.name_start)


def _bracketed_chain(doc: Doc, last: Unit) -> Chain | None:
    """卢志强（区党工委委员、管委会副主任）: a chain that fills the brackets right after a name."""
    segments = _segments_before(doc, last)
    if not segments:
        return None
    opening = segments[0].body_start - 1
    if opening < 1 or doc.text[opening] not in OPENING_BRACKETS:
        return None
    name_start = _name_ending_at(doc, opening)
    if name_start is None:
        return None
    return Chain(tuple(segments), name_start, opening)


def _name_ending_at(doc: Doc, end: int) -> int | None:
    """Start of a name that ends right before a bracket: after punctuation, a descriptor (区领导) or a
    word a name may follow."""
    text = doc.text
    for length in (3, 2, 4):
        start = end - length
        if start < 0 or end not in doc.name_candidates(start):
            continue
        if length - doc.lex.is_surname_start(text, start) < 2 and doc.is_common_word(start, end):
            continue  # a one-character given name must not make a word (the titles confirm the rest)
        if doc.precedes_name(start) or any(text[max(0, start - len(d)) : start] == d for d in doc.lex.descriptors):
            return start
    return None


def _segments_before(doc: Doc, last: Unit) -> list[Segment] | None:
    segments: list[Segment] = []
    title: Unit | None = last
    while title is not None:
        start = body_text_start(doc, title.start)
        title_start = title.start
        body_text = doc.text[start : title.start]
        body_end = title.start
        unknown = False
        former = title.start - 1
        if body_text[-1:] == "原" and former > start and _looks_like_body(doc, start, former):
            title_start = body_end = former  # 建设部原副部长: a former post, 原 stays with the title
        elif body_text and not _looks_like_body(doc, start, title.start):
            if len(body_text) <= 4:
                title_start = body_end = start  # 环保总工程师: the words belong to the title
            else:
                start = body_end = title.start  # a body we cannot name: the post's body stays open
                unknown = True
        segments.insert(
            0, Segment(start, body_end, title_start, title.end, doc.text[title_start : title.end], unknown)
        )
        title = _previous_title(doc, start)
    first = segments[0]
    if not _chain_may_start(doc, first):
        return None
    return segments


def _previous_title(doc: Doc, start: int) -> Unit | None:
    """The title of the segment before, when a joiner links it to the segment at ``start``."""
    if start <= 0 or doc.text[start - 1] not in CHAIN_JOINERS:
        return None
    unit = doc.unit_ending.get(start - 1)
    if unit is not None and unit.kind == "T" and not _role_of_verb(doc, unit):
        return unit
    return None


@cache
def _titled_role_verbs() -> tuple[str, ...]:
    return tuple(v.verb for v in role_verbs() if v.side == "before" and v.verb[:1] in ROLE_TAKING)


def _role_of_verb(doc: Doc, title: Unit) -> bool:
    """Whether the title ends a role verb (role_verbs.tsv: 任演练总指挥, 担任总指挥): 马红伟任演练总指挥，县委常委…
    孙国庆 — the role is what 马红伟 does at the event, no post of the name after the comma."""
    text = doc.text
    return any(
        len(verb) > len(title.text) and text.endswith(verb, 0, title.end) for verb in _titled_role_verbs()
    )


def _chain_may_start(doc: Doc, first: Segment) -> bool:
    """A bare title at a chain's start must stand where a chain can start (主席台就座 is no chain)."""
    if first.body_start < first.title_start or first.unknown_body:
        return True
    if doc.unit_starting.get(first.title_start) is None:
        return True  # 新浪乐居总经理: words that name no body we know stand before the title
    pos = first.title_start
    if pos == 0 or not is_han(doc.text[pos - 1]):
        return True
    if doc.lex.title_body(first.title) is not None:
        return True
    return doc.stop_ending_at(pos) is not None


def body_text_start(doc: Doc, end: int) -> int:
    """Where the body text before a title at ``end`` begins."""
    text = doc.text
    place_ends = {span_end: span_start for span_start, span_end, _n, _l in doc.place_spans}
    pos = end
    while pos > 0 and end - pos < MAX_BODY_TEXT:
        if pos in place_ends and place_ends[pos] < pos:
            pos = place_ends[pos]  # 花园口镇八堡村: places found by suffix are part of the body text
            continue
        char = text[pos - 1]
        if char in QUOTE_PAIRS:
            opening = text.rfind(QUOTE_PAIRS[char], max(0, pos - 40), pos - 1)
            if opening < 0 or any(c in QUOTED_SPEECH_MARKS for c in text[opening + 1 : pos - 1]):
                break  # “学院建在家门口，…方便了。”马庄村党委书记: words said, no name in quotes (“老兵调解室”)
            pos = opening
            continue
        unit = doc.unit_ending.get(pos)
        if unit is not None and unit.kind in ("P", "B", "K"):
            pos = unit.start
            continue
        if unit is not None and unit.kind == "T":
            break
        if char in CLAUSE_BREAKS or not is_han(char):
            break
        if char in CHAIN_JOINERS and (pos - 1) in doc.unit_ending and doc.unit_ending[pos - 1].kind == "T":
            break  # 副组长兼办公室主任: 兼 joins two segments
        if doc.stop_ending_at(pos):
            break
        pos -= 1
    first_unit = next((p for p in range(pos, end) if p in doc.unit_starting), end)
    if first_unit > pos:
        pos = doc.after_function_words(pos, first_unit)
    return pos


def _looks_like_body(doc: Doc, start: int, end: int) -> bool:
    """Body text ends in a body suffix, a known body, or a place (惠济区副区长)."""
    unit = doc.unit_ending.get(end)
    if unit is not None and unit.kind in ("B", "K", "P") and unit.start >= start:
        return True
    text = doc.text[start:end]
    if len(text) >= 2 and text[0] in "省市区县镇乡" and doc.lex.body_suffix_of(text):
        return True
    opening = doc.unit_starting.get(start)
    if opening is not None and opening.kind in ("B", "K") and 2 <= end - opening.end <= 3 and len(opening.text) >= 2:
        return True  # 区委|党校常务副校长: a part of a named body whose own suffix no lexicon lists
    return doc.lex.place_level(text) is not None and len(text) > 1
