"""Events: what happened, when, where, and who took part in which role.

An event is something an article reports as having happened, not every word that names one. The rules:

* **Triggers** (``event_triggers.tsv``) name an event and its type. A trigger does not count when it is a
  noun for a group or an office (``调研组``, ``督查室``, ``考察团``: ``event_context.tsv``), when it stands inside a
  name, a book title (``《……实施方案》``) or quoted speech, when it is the first half of a group's name
  (``巡视督导组``), or when an earlier word of its clause says the event was only watched or relayed
  (``收听收看……表彰大会``), is commemorated (``纪念……召开20周年``) or has not happened yet (``将启动……调研``).
* **The main event** is the one the headline names; when the headline names none, the one the lead (first
  body paragraph, or the second when the first names none) names, provided the lead gives a date (``日前``
  and ``连日来`` count). The headline event and the lead event are one event: lead triggers of another type
  (``考察……并就……开展调研``) describe the same occasion. Its type is the highest-priority headline trigger
  (or lead trigger when the headline has none).
* **A meeting held during a visit** (``调研……并召开座谈会``, ``出席座谈交流会``) is part of the visit, not an event
  of its own: it has the same date, place and people, and its attendees join the visit event. Only a
  trigger in a paragraph with a date of its own, of another type or on another day than the main event,
  makes a further event (``8日下午3点……原来,这是一场演习``); a later paragraph's triggers without a date
  are further mentions of events already found.
* **Date**: the first date in the trigger's sentence, else in the lead (a reporter's ``记者4月10日获悉`` and a
  cut-off ``截至3月13日`` are not the event's date); a bare day takes the month of an earlier date of the
  article; the year is stated or comes from :func:`kg.extract.dates.infer_year`.
* **Places**: the known places named in the evidence sentence, the lead and the headline, outside the
  names of bodies, most specific first, followed by the division that contains them.
* **Participants**: roles from :mod:`kg.extract.roles`; one role per agent and event, the strongest.
  Reporters and correspondents are never participants (nor names in a byline left in the text, nor a
  news agency's dateline ``新华社北京5月23日电``); a body named only by its kind (``工会``) or the event's own
  group (``调研组``) names no one; a body in a person's title (``郑州市人大常委会主任胡荃``) is the person's.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field, replace
from functools import cache

from kg.extract.bodies import COORDINATED_SOURCE, body_prefixes, without_session
from kg.extract.dates import complete_year, infer_year, is_report_date, parse_dates, resolve_relative
from kg.extract.lexicon import load_lexicon, read_entries, read_rows
from kg.extract.places import site_extensions
from kg.extract.roles import Agent, assign_roles, context_words, deal_words, noun_suffixes, stronger, title_follows
from kg.extract.visits import at_phrase, ends_phrase, is_venue, names_visit, visit_word_before, visit_words
from kg.model import (
    Article,
    Body,
    Event,
    EventDate,
    Mention,
    Participation,
    Person,
    Place,
    Provenance,
    Sentence,
)
from kg.settings import Settings

PLACE_LEVELS = ("site", "village", "town", "district", "city", "province")
HOME_ROLES = ("organiser", "visitor", "co_organiser")
ROUTE_WORDS = ("先后", "来到", "深入", "走进", "前往", "分赴")  # sentences that name the places a visit went to
QUOTE_LIMIT = 15  # longer quoted text is speech, shorter is a name (“敲门行动”)


@dataclass(frozen=True)
class Trigger:
    text: str
    kind: str
    priority: int


@dataclass(frozen=True)
class TriggerHit:
    trigger: Trigger
    start: int
    end: int
    sentence: Sentence
    zone: str  # "headline" | "lead" | "body"


@dataclass
class _Draft:
    hits: list[TriggerHit]
    kind: str
    date: EventDate | None
    date_sentence: Sentence | None
    paragraph: int | None  # for further events: the paragraph that holds them
    scope: set[int] = field(default_factory=set)  # sentence indexes whose participants join this event


class SpanIndex:
    """Half-open spans, sorted, answering "does one contain / overlap this range?" in log time."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self.starts = [s for s, _e in ordered]
        self.max_end: list[int] = []
        best = -1
        for _s, e in ordered:
            best = max(best, e)
            self.max_end.append(best)

    def _reach(self, count: int) -> int:
        return self.max_end[count - 1] if count else -1

    def overlaps(self, start: int, end: int) -> bool:
        return self._reach(bisect_left(self.starts, end)) > start

    def contains(self, start: int, end: int, strictly: bool = False) -> bool:
        """A span holds [start, end) (a longer one only, when ``strictly``)."""
        if not strictly:
            return self._reach(bisect_right(self.starts, start)) >= end
        return self._reach(bisect_right(self.starts, start)) > end or self._reach(
            bisect_left(self.starts, start)
        ) >= end


@cache
def triggers() -> dict[str, Trigger]:
    table = {}
    for text, kind, priority in read_rows("event_triggers.tsv"):
        table[text] = Trigger(text, kind, int(priority))
    return table


@cache
def _trigger_pattern() -> re.Pattern[str]:
    return re.compile("|".join(map(re.escape, sorted(triggers(), key=len, reverse=True))))


@cache
def _context_alternation(kind: str) -> str:
    """A regex alternation of the words of one kind in ``event_context.tsv``."""
    return "|".join(map(re.escape, context_words(kind))) or "(?!)"


@cache
def _blockers() -> tuple[str, ...]:
    return context_words("blocker")


# --- article layout -------------------------------------------------------------------------------------------


def _sentences(article: Article) -> list[Sentence]:
    if article.sentences:
        return article.sentences
    # an article built by hand: one sentence per line and 。！？
    sentences, offset = [], 0
    for paragraph, line in enumerate(article.text.split("\n")):
        for match in re.finditer(r"[^。！？!?]+[。！？!?]?", line):
            if match.group(0).strip():
                start = offset + match.start()
                sentences.append(Sentence(len(sentences), start, offset + match.end(), paragraph, match.group(0)))
        offset += len(line) + 1
    return sentences


def _zones(article: Article, sentences: list[Sentence]) -> dict[int, str]:
    """Paragraph index → "headline" | "lead" | "lead2" | "body"."""
    paragraphs = sorted({s.paragraph for s in sentences})
    kinds = {i: span.kind for i, span in enumerate(article.paragraphs)}
    if not kinds:  # by hand: the first line is the headline
        kinds = {p: ("headline" if p == paragraphs[0] else "body") for p in paragraphs}
    zones: dict[int, str] = {}
    body_seen = 0
    for p in paragraphs:
        if kinds.get(p) in ("headline", "subtitle"):
            zones[p] = "headline"
        else:
            zones[p] = "lead" if body_seen == 0 else "lead2" if body_seen == 1 else "body"
            body_seen += 1
    return zones


def _protected_spans(text: str) -> list[tuple[int, int]]:
    """Book titles and quoted speech: their words are not this article's events."""
    spans = [(m.start(), m.end()) for m in re.finditer(r"《[^》]*》", text)]
    for match in re.finditer(r"“([^”]*)”", text):
        if len(match.group(1)) > QUOTE_LIMIT:
            spans.append((match.start(), match.end()))
    return spans


def find_triggers(
    article: Article, sentences: list[Sentence], zones: dict[int, str], names: list[tuple[int, int]]
) -> list[TriggerHit]:
    text = article.text
    protected = SpanIndex(_protected_spans(text) + names)
    hits = []
    for sentence in sentences:
        for match in _trigger_pattern().finditer(text, sentence.start, sentence.end):
            start, end = match.start(), match.end()
            if text.startswith(noun_suffixes(), end) or _starts_group_noun(text, end):
                continue
            if protected.contains(start, end):
                continue
            clause_start = max(text.rfind(ch, sentence.start, start) for ch in "，,；;：:。 ") + 1
            if any(b in text[max(clause_start, sentence.start) : start] for b in _blockers()):
                continue
            trigger = triggers()[match.group(0)]
            hits.append(TriggerHit(trigger, start, end, sentence, zones.get(sentence.paragraph, "body")))
    return hits


def _starts_group_noun(text: str, position: int) -> bool:
    """Whether a second trigger that names a group follows (巡视督导组, 检查指导组 are groups, not events)."""
    match = _trigger_pattern().match(text, position)
    return bool(match) and text.startswith(noun_suffixes(), match.end())


class _Dates:
    """The article's dates, parsed once over the whole text so that a bare day (``9日早上``) takes its
    month from an earlier date; a reporter's ``记者4月10日获悉`` is left out."""

    def __init__(self, article: Article) -> None:
        text = article.text
        cutoffs = _context_alternation("date_marker_before")
        found = parse_dates(text)
        self.items = [
            (m, d)
            for m, d in found
            if not is_report_date(text, m.end)
            and not re.search(rf"(?:{cutoffs})(?:今年|去年)?$", text[max(0, m.start - 8) : m.start])
        ]
        self.starts = [m.start for m, _d in self.items]

    def within(self, sentence: Sentence) -> list[tuple[Mention, EventDate]]:
        low = bisect_left(self.starts, sentence.start)
        high = bisect_left(self.starts, sentence.end)
        return [(m, d) for m, d in self.items[low:high] if m.end <= sentence.end]


def _best_hit(hits: list[TriggerHit]) -> TriggerHit:
    return max(hits, key=lambda h: (h.trigger.priority, -h.start))


# --- agents and places ----------------------------------------------------------------------------------------


def _agents(
    article: Article, mentions: list[Mention], persons: list[Person], bodies: list[Body], places: list[Place]
) -> list[Agent]:
    text = article.text
    excluded = set(article.reporters) | set(article.correspondents)
    agents: list[Agent] = []
    for person in persons:
        if person.name in excluded:
            continue
        for mention in person.mentions:
            agents.append(Agent(person.name, "person", mention.start, mention.end))
    agents = [a for a in agents if not _in_byline(text, a, agents)]
    person_spans = SpanIndex([(a.start, a.end) for a in agents])
    # a place whose name holds a body's (管委会第一会议室) is a place there, not the body
    place_spans = SpanIndex([(m.start(), m.end()) for p in places for m in re.finditer(re.escape(p.name), text)])
    bodies = [b for b in bodies if not _generic_body(b.name)]
    names = {b.name for b in bodies}
    body_spans: list[Agent] = []
    for mention in mentions:
        if mention.type != "ORG":
            continue
        if mention.source == COORDINATED_SOURCE:  # 明湖 in 明湖、潮河、前程办事处 → 明湖办事处
            name = _conjunct_body(mention.text, names)
        else:
            # 市政协副主席杨建国带领部分政协委员: a bare name several bodies end with is the one named last
            name = _body_for(mention.text, bodies, names, [a.name for a in body_spans])
        if name is None:
            for level_body in _level_pair_bodies(mention.text, names):  # 省市总工会 → 河南省总工会, 郑州市总工会
                body_spans.append(Agent(level_body, "body", mention.start, mention.end))
        if name:
            name = _delegating_body(name, bodies, names) or name
            name = _form_written(name, names, text)
            body_spans.append(Agent(name, "body", mention.start, mention.end))
    non_bodies = load_lexicon().non_bodies
    for body in bodies:
        for match in re.finditer(re.escape(body.name), text):
            if text[match.end() - 1 : match.end() + 1] in non_bodies:
                continue  # 专业扑火队|员: the name opens a word for its members, persons
            body_spans.append(Agent(body.name, "body", match.start(), match.end()))
    # 周口市人大 and 周口市人大常委会 in one article: one body, named by its longer form
    fuller = _fuller_forms(names) | _named_in_full(bodies)
    body_spans = [replace(a, name=fuller.get(a.name, a.name)) for a in body_spans]
    # 区党工委主题教育第一、第二指导组: the list's items act; the body their names open with does not
    item_starts = [m.start for m in mentions if m.type == "ORG" and m.source == COORDINATED_SOURCE]
    body_spans = [a for a in body_spans if not _opens_shared_list(text, a, item_starts)]
    # keep the longest of overlapping body spans, and none that overlaps a person
    body_spans.sort(key=lambda a: (a.start, -(a.end - a.start)))
    kept: list[Agent] = []
    for agent in body_spans:
        if person_spans.overlaps(agent.start, agent.end):
            continue
        if _DATELINE.match(text, agent.end):
            continue  # 新华社北京5月23日电: the source of the news, not a participant
        if place_spans.contains(agent.start, agent.end, strictly=True):
            continue
        if kept and agent.start < kept[-1].end:
            if (agent.start, agent.end) == (kept[-1].start, kept[-1].end) and agent.name != kept[-1].name:
                kept.append(agent)  # 省市总工会: one span, a body of each division
            continue
        kept.append(agent)
    return sorted(agents + kept, key=lambda a: a.start)


@cache
def _suffix_extensions() -> tuple[tuple[str, str], ...]:
    """Pairs of body suffixes of one kind where the second extends the first (人大 → 人大常委会, 政协 → 政协常委会,
    纪委 → 纪委监委, 办 → 办公室): two names of one body, written short and in full."""
    suffixes = load_lexicon().body_suffixes
    pairs = [
        (short, full)
        for short in suffixes
        for full in suffixes
        if full != short and full.startswith(short) and suffixes[full].kind == suffixes[short].kind
    ]
    return tuple(sorted(pairs, key=lambda pair: len(pair[0]), reverse=True))


def _fuller_forms(names: set[str]) -> dict[str, str]:
    """Each body the article also names in a fuller form of the same kind (周口市人大 → 周口市人大常委会)."""
    fuller: dict[str, str] = {}
    for name in names:
        for short, full in _suffix_extensions():
            if name.endswith(short) and (longer := name[: len(name) - len(short)] + full) in names:
                fuller[name] = longer
                break
    return fuller


def _named_in_full(bodies: list[Body]) -> dict[str, str]:
    """A body written only as its division and kind (市督导组 in the headline) that the article also names in
    full, as the one body of that division and longest suffix with a name between (平顶山市秸秆禁烧工作第二督导组)."""
    lex = load_lexicon()
    suffix_of = {b.name: found[0] for b in bodies if (found := lex.body_suffix_of(b.name)) is not None}
    fuller: dict[str, str] = {}
    for body in bodies:
        suffix = suffix_of.get(body.name)
        if suffix is None or len(suffix) < 2 or not body.place or body.name != body.place + suffix:
            continue  # a one-character kind (县委, 县局) also ends many other bodies' names (县农委, 县教育局)
        named = {
            other.name for other in bodies
            if other.place == body.place and suffix_of.get(other.name) == suffix
            and other.name.startswith(body.place) and len(other.name) > len(body.name)
        }
        if len(named) == 1:
            fuller[body.name] = named.pop()
    return fuller


MAX_LIST_PREFIX_GAP = 8  # characters between a body and the first item of a list its name opens (主题教育)


def _opens_shared_list(text: str, agent: Agent, item_starts: list[int]) -> bool:
    """Whether the body's name opens the names of a list sharing one suffix (区党工委|主题教育|第一、第二指导组)."""
    for start in item_starts:
        gap = text[agent.end : start]
        if 0 <= start - agent.end <= MAX_LIST_PREFIX_GAP and not re.search(r"[，,、；;。：:\s和及与]", gap):
            return True
    return False


_YEAR_BEFORE = re.compile(r"(?:19|20)[0-9]{2}年(?:度)?$")
_ALIAS = re.compile(r"[(（][^()（）]*[)）]")
_DATELINE = re.compile(r"[\u4e00-\u9fff]{0,8}?\d{1,2}月\d{1,2}日(?:电|讯)")
def _in_byline(text: str, agent: Agent, agents: list[Agent]) -> bool:
    """Whether the name is one of the reporters of a byline left in the text (``记者符福洲、周德武报道``)."""
    before = text[max(0, agent.start - 40) : agent.start]
    offset = agent.start - len(before)
    # blank out the other names before it: what is left must end with a byline role (记者, 通讯员 …) and separators
    chars = list(before)
    for other in agents:
        if other.end <= agent.start and other.start >= offset:
            for i in range(other.start - offset, other.end - offset):
                chars[i] = " "
    return bool(_byline_end().search("".join(chars)))


@cache
def _byline_end() -> re.Pattern[str]:
    """A byline role (``byline_roles.tsv``: 记者, 通讯员, 摄影, 责任编辑 …) and separators ending a text."""
    roles = "|".join(map(re.escape, load_lexicon().byline_roles))  # longest first
    return re.compile(rf"(?:{roles})[\s、,，]*$")


@cache
def _generic_names() -> tuple[frozenset[str], re.Pattern[str]]:
    suffixes = frozenset(load_lexicon().body_suffixes)
    words = "|".join(map(re.escape, sorted(triggers(), key=len, reverse=True)))
    return suffixes, re.compile(rf"(?:[个该此本]?)(?:{words})(?:组|团|队|小组)")


def _generic_body(name: str) -> bool:
    """A body named only by its kind (工会, 党支部) or the event's own group (调研组, 观摩组, 执法检查组) names
    no one."""
    suffixes, group = _generic_names()
    # 执法检查组一行: a group named for one visit (delegation_groups.txt), written without the body that sent it
    bare_group = name.lstrip("个该此本") in _delegation_groups()
    return name in suffixes or bool(group.fullmatch(name)) or bare_group


def _body_for(surface: str, bodies: list[Body], names: set[str], earlier: list[str] | None = None) -> str | None:
    surface = _ALIAS.sub("", surface)  # 财政局(审计局)党支部 → 财政局党支部
    surface = without_session(surface)  # 管城回族区第十六届人大常委会 → 管城回族区人大常委会
    if surface in names:
        return surface
    if len(surface) < 2:
        return None
    # 区委 → 惠济区委 (the place prefix left out); 开封市人大 → 开封市人大常委会 (the standing committee)
    endings = [b.name for b in bodies if b.name.endswith(surface)] or [
        b.name for b in bodies if b.name.startswith(surface) and b.name[len(surface) :] in ("常委会", "党组")
    ]
    # 团区委 → 团惠济区委: the place goes between the prefix and the abbreviation (body_prefixes.txt)
    for prefix in body_prefixes():
        if not endings and surface.startswith(prefix) and len(surface) > len(prefix) + 1:
            rest = surface[len(prefix) :]
            endings = [b.name for b in bodies if b.name.startswith(prefix) and b.name.endswith(rest)]
    if len(endings) > 1 and earlier:
        # only bodies that are the name on a division (驻马店市|政协, 惠济|区委), not a longer name (团惠济|区委)
        places = {b.name: b.place for b in bodies}
        on_division = {
            name for name in endings
            if (place := places.get(name)) and (rest := name[: len(name) - len(surface)]) and place.startswith(rest)
        }
        named_last = next((name for name in reversed(earlier) if name in on_division), None)
        if named_last is not None:
            return named_last
    return min(endings, key=len) if endings else None


@cache
def _delegation_groups() -> tuple[str, ...]:
    return tuple(sorted(read_entries("delegation_groups.txt"), key=len, reverse=True))


def _delegating_body(name: str, bodies: list[Body], names: set[str]) -> str | None:
    """The body that sent a group named for one visit (南阳市人大常委会|调研组 → 南阳市人大常委会, see
    ``delegation_groups.txt``), when the article names that body; else None."""
    word = next((w for w in _delegation_groups() if name.endswith(w)), None)
    if word is None or len(name) <= len(word):
        return None
    return _body_for(name[: -len(word)], bodies, names)


def _level_pair_bodies(surface: str, names: set[str]) -> list[str]:
    """The two bodies of ``省市总工会``-like names (two abbreviations of divisions, one body name): the
    article's bodies ending with the name's rest, one per division (kg.extract.bodies registers them)."""
    if len(surface) < 4 or surface[0] == surface[1] or not all(c in "省市区县" for c in surface[:2]):
        return []
    rest = surface[2:]
    found = sorted(n for n in names if n.endswith(rest) and len(n) > len(rest) and n[-len(rest) - 1] in surface[:2])
    return found if len(found) == 2 else []


_COMMITTEE_FORM = re.compile(r"(.+?[省市区县])委(.{4,})")


def _form_written(name: str, names: set[str], text: str) -> str:
    """One body the article names twice (惠济区党史学习教育领导小组办公室 in the headline, 区委党史学习教育领导小组
    办公室 in the lead → 惠济区委…): the form the article writes out in full, when only one of the two is."""
    match = _COMMITTEE_FORM.fullmatch(name)
    if match is None or name in text:
        return name
    short = match.group(1) + match.group(2)
    return short if short in names and short in text else name


def _conjunct_body(item: str, names: set[str]) -> str | None:
    """The body an item of a list sharing one suffix names: the shortest whose name is the item and a
    body suffix after it (第一 → 高新区党工委主题教育第一指导组)."""
    suffixes, _group = _generic_names()
    found = [n for n in names if item in n and n[n.rindex(item) + len(item) :] in suffixes]
    return min(found, key=len) if found else None


def _places_for(article: Article, sentences: list[Sentence], places: list[Place], agents: list[Agent]) -> list[str]:
    body_spans = [(a.start, a.end) for a in agents if a.kind == "body"]
    inside_bodies = SpanIndex(
        # slogans, and titles of laws and documents (《南阳市南水北调中线工程水源地保护条例》: no place of the event)
        body_spans + [(m.start(), m.end()) for m in re.finditer(r"“[^”]*”|《[^》]*》", article.text)]
    )
    # a place that ends a body's name is the area the body governs (经开区九龙办事处 → 九龙办事处)
    body_ends = {end for _start, end in body_spans}
    by_name = {p.name: p for p in places}
    found: list[tuple[int, int, str]] = []  # (level rank, position, name)
    for sentence in sentences:
        spans = [
            (sentence.start + m.start(), sentence.start + m.end(), place)
            for place in places
            for m in re.finditer(re.escape(place.name), sentence.text)
        ]
        # a short name standing alone (赴登封参观 → 登封市), not opening a longer name (郑州上街机场)
        spans += [
            (sentence.start + m.start(), sentence.start + m.end(), place)
            for place in places
            for short in _short_names().get(place.name, ())
            for m in re.finditer(re.escape(short), sentence.text)
            if ends_phrase(article.text, sentence.start + m.end())
        ]
        # a site written with its division's abbreviation (在区文化馆举行 → 金水区文化馆)
        spans += [
            (sentence.start + m.start(), sentence.start + m.end(), place)
            for place in places
            for short in _abbreviated_forms(place, by_name)
            for m in re.finditer(re.escape(short), sentence.text)
            if not article.text.startswith(place.name, sentence.start + m.start() - len(place.name) + len(short))
        ]
        # an office named in a shared-suffix list (明湖 in 明湖、潮河、前程办事处) is also its area
        spans += [
            (a.start, a.end, by_name[a.name])
            for a in agents
            if a.kind == "body" and a.name in by_name and sentence.start <= a.start < sentence.end
            and not article.text.startswith(a.name, a.start)
        ]
        for start, end, place in spans:
            if any(s <= start and end <= e and (s, e) != (start, end) for s, e, _p in spans):
                continue  # 长兴路街道 inside 长兴路街道便民服务中心: the longer place is meant
            if place.name in load_lexicon().non_places:
                continue  # 走进企业生产车间、中控室: a room of the premises visited (non_places.txt), no place
            if inside_bodies.contains(start, end) and end not in body_ends:
                continue
            if article.text.startswith(_place_topic_heads(), end) or _names_festival(article.text, end):
                continue  # 黄河流域生态保护: the place is the topic of a phrase, not where the event is
            if place.name.endswith(site_extensions()) and article.text.startswith(deal_words(), end):
                continue  # 玉雕文旅产业园项目签约: the project is what is signed, not where
            if title_follows(article.text, end) and place.level in ("province", "city", "district"):
                continue  # 新乡市副市长武红艳: the division of an official's post, not where the event is
            if _YEAR_BEFORE.search(article.text, max(0, start - 6), start):
                continue  # 解读2023年郑州市…考核办法: a year opens the title of a plan or document
            found.append((_level_rank(place.level), start, place.name))
    ordered: list[str] = []
    for _rank, _pos, name in sorted(found):
        if name not in ordered:
            ordered.append(name)
    # the divisions that contain the places, up to the district (黄河滩地公园 → 惠济区), the ones the place's own
    # name opens with too (长兴路街道便民服务中心 → 长兴路街道, 惠济区; 大庙村便民服务站 → 大庙村, 花园口镇;
    # 二七区长江路第二小学 → 二七区)
    seen = set(ordered)
    for name in list(ordered):
        if _level_rank(by_name[name].level) >= _level_rank("district"):
            continue
        parent = by_name[name].parent
        while parent and parent in by_name:
            # a site whose name opens the place's (贾鲁河片区|指挥部, 娲皇宫景区|游客服务中心) is part of the name, no
            # stop; a town is one (起台镇|中心学校, 出山镇|种业产业园 → 起台镇, 出山镇)
            held = name.startswith(parent) and by_name[parent].level == "site"
            if parent not in seen and not held:
                ordered.append(parent)
                seen.add(parent)
            if _level_rank(by_name[parent].level) >= _level_rank("district"):
                break
            parent = by_name[parent].parent
    return _governing_zones(ordered, by_name)


def _governing_zones(ordered: list[str], by_name: dict[str, Place]) -> list[str]:
    """济源市 → 济源示范区: a city whose known container is a zone of the same level (known_places.tsv; a zone's
    name ends in a ``contained`` suffix of place_suffixes.tsv: 示范区, 开发区) is governed by it, and the zone is the
    division named for the city's events (a county-level city in its prefecture, 荥阳市 ⊂ 郑州市, stays)."""
    zone_kinds = tuple(load_lexicon().contained_suffixes)
    named: list[str] = []
    for name in ordered:
        parent = by_name[name].parent
        if by_name[name].level == "city" and parent in by_name and by_name[parent].level == "city" and (
            parent.endswith(zone_kinds)
        ):
            name = parent
        if name not in named:
            named.append(name)
    return named


MAX_FESTIVAL_GAP = 4  # name characters between a place and the head of the festival it names (王屋山|愚公文化|旅游节)


@cache
def _festival_regex() -> re.Pattern[str]:
    heads = sorted(read_entries("festival_heads.txt"), key=len, reverse=True)
    name_char = r"(?:(?![的在于举办将])[\u4e00-\u9fff])"  # no particle, preposition or verb of holding
    return re.compile(rf"{name_char}{{0,{MAX_FESTIVAL_GAP}}}?(?:{'|'.join(map(re.escape, heads))})")


def _names_festival(text: str, end: int) -> bool:
    """王屋山愚公文化旅游节: a place a few name characters before a festival's head (festival_heads.txt) names the
    festival, not where the event is."""
    return _festival_regex().match(text, end) is not None


def _abbreviated_forms(place: Place, by_name: dict[str, Place]) -> tuple[str, ...]:
    """区文化馆 for 金水区文化馆: a site named after a division, written with the division's last character."""
    if place.level != "site" or place.parent not in by_name:
        return ()
    division = place.parent
    if not place.name.startswith(division) or by_name[division].level not in ("province", "city", "district"):
        return ()
    rest = place.name[len(division) :]
    return (division[-1] + rest,) if division[-1] in "省市区县" and rest else ()


@cache
def _short_names() -> dict[str, tuple[str, ...]]:
    """Division → the short names that stand for it on their own (登封市: 登封), from ``known_places.tsv``."""
    lex = load_lexicon()
    found: dict[str, list[str]] = {}
    for alias in sorted(lex.standalone_aliases):
        canonical = lex.place_aliases.get(alias)
        if canonical and canonical != alias:
            found.setdefault(canonical, []).append(alias)
    return {name: tuple(aliases) for name, aliases in found.items()}


def _level_rank(level: str) -> int:
    return PLACE_LEVELS.index(level) if level in PLACE_LEVELS else 0


# --- the events -----------------------------------------------------------------------------------------------


def detect_events(
    article: Article,
    mentions: list[Mention],
    persons: list[Person],
    bodies: list[Body],
    places: list[Place],
    settings: Settings,
) -> list[Event]:
    """The events that ``article`` reports (see the module doc for what counts as one)."""
    sentences = _sentences(article)
    if not sentences:
        return []
    zones = _zones(article, sentences)
    agents = _agents(article, mentions, persons, bodies, places)
    names = [(a.start, a.end) for a in agents] + [(m.start, m.end) for m in mentions if m.type in ("ORG", "PER")]
    hits = find_triggers(article, sentences, zones, names)
    drafts = _drafts(_Dates(article), sentences, zones, hits)
    if not drafts:
        return []
    _assign_scopes(drafts, sentences)
    year = infer_year(article, settings)
    employers = frozenset(post.body for person in persons for post in person.posts if post.body)
    events = []
    for ordinal, draft in enumerate(drafts):
        events.append(
            _build(article, sentences, zones, draft, agents, bodies, places, settings, year, ordinal, employers)
        )
    return events


def _drafts(
    dates: _Dates, sentences: list[Sentence], zones: dict[int, str], hits: list[TriggerHit]
) -> list[_Draft]:
    headline = [h for h in hits if h.zone == "headline"]
    lead_paragraphs = [p for p, z in zones.items() if z == "lead"]
    lead_dates = [
        (d, s)
        for s in sentences
        if zones.get(s.paragraph) == "lead"
        for _m, d in dates.within(s)
    ]
    lead = [h for h in hits if h.zone == "lead"] or (
        [h for h in hits if h.zone == "lead2"] if lead_paragraphs else []
    )
    drafts: list[_Draft] = []
    main: _Draft | None = None
    if headline or (lead and lead_dates):
        kind = _best_hit(headline or lead).trigger.kind
        own = [h for h in lead if h.trigger.kind == kind] or lead
        date, date_sentence = _date_for(dates, own, lead_dates)
        main = _Draft(headline + lead, kind, date, date_sentence, None)
        drafts.append(main)
    # further events: a trigger in a paragraph of its own date, of another type or on another day
    taken = {id(h) for h in (main.hits if main else [])}
    for hit in hits:
        if id(hit) in taken or hit.zone == "headline":
            continue
        dated = _paragraph_date(dates, sentences, hit)
        if dated is None:
            continue
        date, date_sentence = dated
        if main and hit.trigger.kind == main.kind and _same_day(date, main.date):
            main.hits.append(hit)
            continue
        if main and hit.zone in ("lead", "lead2") and hit.sentence.paragraph in lead_paragraphs:
            main.hits.append(hit)
            continue
        twin = next(
            (d for d in drafts[1:] if d.paragraph == hit.sentence.paragraph and _same_day(d.date, date)), None
        )
        if twin is not None:
            twin.hits.append(hit)
            if hit.trigger.priority > max(h.trigger.priority for h in twin.hits[:-1]):
                twin.kind = hit.trigger.kind
            continue
        drafts.append(_Draft([hit], hit.trigger.kind, date, date_sentence, hit.sentence.paragraph))
    return drafts


def _date_for(
    dates: _Dates, hits: list[TriggerHit], lead_dates: list[tuple[EventDate, Sentence]]
) -> tuple[EventDate | None, Sentence | None]:
    for hit in sorted(hits, key=lambda h: h.start):
        found = dates.within(hit.sentence)
        if found:
            return found[0][1], hit.sentence
    if lead_dates:
        return lead_dates[0]
    return None, None


def _paragraph_date(
    dates: _Dates, sentences: list[Sentence], hit: TriggerHit
) -> tuple[EventDate, Sentence] | None:
    """The date of the hit's sentence, else of its paragraph's first sentence when that opens with a date."""
    found = dates.within(hit.sentence)
    if found and not found[0][1].relative:
        return found[0][1], hit.sentence
    first = next((s for s in sentences if s.paragraph == hit.sentence.paragraph), None)
    if first is None or first is hit.sentence:
        return None
    opening = dates.within(first)
    if opening and not opening[0][1].relative and opening[0][0].start - first.start <= 6:
        return opening[0][1], first
    return None


def _same_day(a: EventDate | None, b: EventDate | None) -> bool:
    if a is None or b is None or a.relative or b.relative:
        return True
    if a.month is None or b.month is None:
        return a.day == b.day
    return (a.month, a.day) == (b.month, b.day)


def _assign_scopes(drafts: list[_Draft], sentences: list[Sentence]) -> None:
    """Each further event owns the rest of its paragraph from its date on; the main event owns the rest."""
    owned: set[int] = set()
    for draft in drafts[1:] if drafts[0].paragraph is None else drafts:
        start = draft.date_sentence.index if draft.date_sentence else min(h.sentence.index for h in draft.hits)
        draft.scope = {s.index for s in sentences if s.paragraph == draft.paragraph and s.index >= start}
        owned |= draft.scope
    if drafts[0].paragraph is None:
        drafts[0].scope = {s.index for s in sentences} - owned


def _build(
    article: Article,
    sentences: list[Sentence],
    zones: dict[int, str],
    draft: _Draft,
    agents: list[Agent],
    bodies: list[Body],
    places: list[Place],
    settings: Settings,
    year: int | None,
    ordinal: int,
    employers: frozenset[str] = frozenset(),
) -> Event:
    evidence = _evidence_hit(draft)
    rule = f"trigger:{evidence.trigger.text}"
    confidence = {"headline": 0.9, "lead": 0.85, "lead2": 0.75}.get(evidence.zone, 0.7)
    provenance = Provenance(article.id, evidence.sentence.index, evidence.start, evidence.end, rule, confidence)
    date = draft.date
    if date is not None:
        date = resolve_relative(complete_year(date, article, settings, year), article, settings)
    place_sentences = {evidence.sentence.index: evidence.sentence}
    if draft.date_sentence:
        place_sentences[draft.date_sentence.index] = draft.date_sentence
    for hit in draft.hits:
        # the main event's headline and lead; a further event's own paragraph (杜岭街道率先在金水区…开展…演练)
        own = hit.zone in ("headline", "lead") if draft.paragraph is None else hit.sentence.index in draft.scope
        if own:
            place_sentences[hit.sentence.index] = hit.sentence
    stops: list[Sentence] = []
    name_starts = {a.start for a in agents if a.kind == "body"} | {
        m.start() for p in places for m in re.finditer(re.escape(p.name), article.text)
    }
    for sentence in sentences:
        if sentence.index not in draft.scope:
            continue
        if any(w in sentence.text for w in ROUTE_WORDS) or names_visit(
            article.text, sentence.start, sentence.end, name_starts
        ):
            place_sentences[sentence.index] = sentence
        elif (phrase := at_phrase(article.text, sentence.start, sentence.end, load_lexicon().speech_verbs)) is not None:
            # 在贾庄安置区,……: a stop of the visit (the phrase only, not what is said or done there)
            text = article.text[phrase[0] : phrase[1]]
            stops.append(Sentence(sentence.index, phrase[0], phrase[1], sentence.paragraph, text))
    event_places = _places_for(article, list(place_sentences.values()) + stops, places, agents)
    visit = _visit_event_types().get(draft.kind)
    # 在区行政服务中心召开: the venue of a meeting hosts it, it does not organise it (its premises are the place)
    place_ends = {m.end(): m.start() for p in places for m in re.finditer(re.escape(p.name), article.text)}
    participants = _participants(
        article, sentences, draft, agents, zones, employers, visit == "examine", place_ends
    )
    participants = [
        p
        for p in participants
        if not (p.agent_type == "body" and is_venue(article.text, p.provenance.start, p.provenance.end, place_ends))
    ]
    if visit == "examine":
        participants += _stops_visited(article, sentences, draft, agents, participants, place_ends)
    if visit == "learn":
        # a study tour learns at the places it visits, it examines no one there (登封市民文化中心)
        participants = [p for p in participants if not (p.agent_type == "body" and p.role == "inspected")]
    if visit is None:
        # no visit: a body the activity went to (志愿者走进鄢岗镇中心小学,开展…志愿服务) is where it went, a place;
        # nobody examined it (巡察经济发展局…动员会 keeps its object: 巡察 is no word of going)
        going_to = {f"role-verb:{word}" for word in visit_words().to}
        participants = [
            p for p in participants
            if not (p.agent_type == "body" and p.role == "inspected" and p.provenance.rule in going_to)
        ]
    if visit is None and not any(p.agent_type == "body" and p.role == "organiser" for p in participants):
        # no visit: the body that came runs the event (志愿服务队走进社区,开展…宣传活动); where someone presides,
        # only one that came by a word of going (到, 走进 …), not one that visits by its own verb, whose host
        # side runs it (巡察组巡察尉氏县工作动员会……尉氏县委书记宁建设主持会议: the group visits)
        presided = any(p.agent_type == "person" and p.role == "presided" for p in participants)
        going = {f"role-verb:{word}" for word in visit_words().to}
        participants = [
            replace(p, role="organiser")
            if p.agent_type == "body" and p.role == "visitor" and (not presided or p.provenance.rule in going)
            else p
            for p in participants
        ]
    # a town whose office takes part through its people (郓州街道主要负责同志陪同) is a body there, not where the
    # event is; a town visited (inspected) or one that runs the event in its area (organiser) is both
    by_place = {p.name: p for p in places}
    acting = {
        p.agent for p in participants
        if p.agent_type == "body" and p.role in ("host", "attended")
        and p.agent in by_place and by_place[p.agent].level == "town"
    }
    event_places = [name for name in event_places if name not in acting]
    if not event_places:  # the division of the body that held or made the visit (经开区宣传部 → 经开区)
        known = {p.name for p in places}
        # (only a division its name writes in full: 郑州公交…服务队 opens with 郑州, no place of the event)
        homes = [
            b.place for p in participants for b in bodies
            if b.name == p.agent and p.role in HOME_ROLES and b.place and b.place in b.name
        ]
        event_places = [h for h in homes if h and h in known][:1]
    if not event_places:  # else the division the evidence names, even inside a body's name (经开区党工委)
        named = [p for p in places if p.level in ("district", "city") and p.name in evidence.sentence.text]
        event_places = [min(named, key=lambda p: evidence.sentence.text.index(p.name)).name] if named else []
    return Event(
        kind=draft.kind,
        trigger=evidence.trigger.text,
        provenance=provenance,
        date=date,
        places=event_places,
        participants=participants,
        ordinal=ordinal,
    )


def _stops_visited(
    article: Article,
    sentences: list[Sentence],
    draft: _Draft,
    agents: list[Agent],
    taken: list[Participation],
    place_ends: dict[int, int] | None = None,
) -> list[Participation]:
    """Bodies at the stops of an examining visit (最后,一行人在沟赵办事处进行座谈交流) that no verb gave a role:
    the visit went there, so they are inspected. The places written before a body (``place_ends``: where places
    end → where they start) are where it stands (在码头铺镇|澧县稻香源农机专业合作社)."""
    text = article.text
    bodies_ = [a for a in agents if a.kind == "body"]
    name_ends = {**(place_ends or {}), **{a.end: a.start for a in bodies_}}
    have = {p.agent for p in taken if p.agent_type == "body"}
    found: list[Participation] = []
    for sentence in sentences:
        if sentence.index not in draft.scope:
            continue
        for agent in bodies_:
            if not sentence.start <= agent.start < sentence.end or agent.name in have:
                continue
            at_stop = visit_word_before(text, agent.start, name_ends, agent.end) == "at"
            if not at_stop or is_venue(text, agent.start, agent.end):
                continue
            provenance = Provenance(article.id, sentence.index, agent.start, agent.end, "visit-stop:在", 0.6)
            found.append(Participation(agent.name, "body", "inspected", provenance))
            have.add(agent.name)
    return found


@cache
def _place_topic_heads() -> tuple[str, ...]:
    return tuple(read_entries("place_topic_heads.txt"))


@cache
def _visit_event_types() -> dict[str, str]:
    """Event type → what a visit of that type does (``visit_event_types.tsv``: examine, learn)."""
    return {event_type: what for event_type, what in read_rows("visit_event_types.tsv")}


def _evidence_hit(draft: _Draft) -> TriggerHit:
    """The sentence that best shows the event: a lead or body sentence of its type, else the headline."""
    of_kind = [h for h in draft.hits if h.trigger.kind == draft.kind]
    body = [h for h in of_kind if h.zone != "headline"]
    if draft.date_sentence is not None:
        dated = [h for h in body if h.sentence.index == draft.date_sentence.index]
        if dated:
            return dated[0]
    return (body or of_kind or draft.hits)[0]


def _participants(
    article: Article,
    sentences: list[Sentence],
    draft: _Draft,
    agents: list[Agent],
    zones: dict[int, str],
    employers: frozenset[str],
    examining: bool = False,
    place_ends: dict[int, int] | None = None,
) -> list[Participation]:
    """One role per agent, the strongest; in an examining visit, who led it and chaired a meeting during it
    (宋立华带队检查……随后,宋立华主持召开现场办公会) led: the meeting is part of the visit (AUDIT.md R1).
    A body named as the venue (在潘安湖街道马庄村举行) takes no role there, so the role it has elsewhere
    (潘安湖街道承办) is the one it keeps."""
    chosen: dict[tuple[str, str], Participation] = {}
    order: list[tuple[str, str]] = []
    hit_sentences = {h.sentence.index for h in draft.hits}
    starts = [a.start for a in agents]  # agents are sorted by position
    for sentence in sentences:
        if sentence.index not in draft.scope:
            continue
        inside = agents[bisect_left(starts, sentence.start) : bisect_left(starts, sentence.end)]
        if not inside:
            continue
        reports = (
            zones.get(sentence.paragraph) in ("headline", "lead")
            or sentence.index in hit_sentences
            or (draft.date_sentence is not None and sentence.index == draft.date_sentence.index)
        )
        for hit in assign_roles(article.text, sentence.start, sentence.end, inside, reports, employers):
            if hit.agent.kind == "body" and is_venue(article.text, hit.agent.start, hit.agent.end, place_ends):
                continue
            key = (hit.agent.kind, hit.agent.name)
            rule = f"role-verb:{hit.verb}"
            confidence = 0.85 if hit.priority >= 40 else 0.6
            participation = Participation(
                hit.agent.name,
                hit.agent.kind,
                hit.role,
                Provenance(article.id, sentence.index, hit.agent.start, hit.agent.end, rule, confidence),
            )
            if key not in chosen:
                chosen[key] = participation
                order.append(key)
            elif examining and {hit.role, chosen[key].role} == {"led", "presided"}:
                if hit.role == "led":
                    chosen[key] = participation
            elif stronger(hit.role, chosen[key].role, hit.agent.kind):
                chosen[key] = participation
    return [chosen[key] for key in order]
