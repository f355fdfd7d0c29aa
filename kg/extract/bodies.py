"""Bodies: organisations under their normalised full names, with kind, parent and division.

A body's name is units (see :mod:`kg.extract.mentions`): an optional place (惠济区, 郑州) or
abbreviation (区, 市), free characters, and body suffixes (委, 人大常委会, 组织部, 局, 支行 …) from
``body_suffixes.tsv``. Normalising a name:

- an abbreviation becomes the division it means (区人大常委会 → 惠济区人大常委会), see
  :func:`kg.extract.places.resolve_abbreviation`; a doubled one is dropped (高新区区党工委 → 高新区党工委);
- an elliptical name that is only suffix words (组织部, 管委会, 纪委) is completed from the body before
  it in a title chain: ``attach=parent`` words become part of that body (区委 + 组织部), ``attach=place``
  words stand on its division (中原区 + 纪委); outside a chain, ``attach=place`` words stand on the
  division the article is about;
- the parent is the name up to the body suffix before the last one (惠济区委组织部 → 惠济区委,
  郑州市政务办党组 → 郑州市政务办, 郑州银行惠济支行 → 郑州银行).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from kg.extract.dates import page_text
from kg.extract.determiners import BODY, after_determiners
from kg.extract.divisions import is_county_level, load_gazetteer, title_county_city
from kg.extract.lexicon import ABBREVIATION_LEVELS, load_lexicon, read_entries, read_rows, word_tags
from kg.extract.mentions import CLAUSE_BREAKS, Doc, is_han
from kg.extract.places import article_division, office_suffixes, resolve_abbreviation, zone_suffixes
from kg.extract.roles import participant_nouns, role_verbs
from kg.extract.visits import SEPARATORS, visit_word_before, visit_words
from kg.model import Body, Mention, Place

MAX_VENUE_GAP = 5  # characters between a body and its room's suffix (管委会|第一|会议室, 小学|春藤路|校区)
MAX_FREE = 10  # free characters before a body suffix (政务服务和大数据管理局)
CLAUSE_NAME_MAX = 7  # free characters a name opening a clause keeps untrimmed
ABBREVIATED_REACH = 4  # characters past MAX_FREE an abbreviated long name may open its clause with (示范区创建…指挥部)
MAX_OPENING_VERBS = 2  # verbs in a row a clause may open with before the name they govern (传达|学习|省委)
TOWN_ENDINGS = ("镇", "乡", "街道")  # the level words a town's name ends with
LOCAL_LEVELS = ("town", "village")  # divisions below a county: a company's city name cannot follow them in its name
TITLE_LINES = ("headline", "subtitle")  # paragraph kinds of an article's title lines (kicker, main title)
LIST_JOINERS = "和及与"  # one-character words that join the items of a list of names, as 、 does
_ORDINAL = re.compile(r"第[一二三四五六七八九十0-9]+")
# 第十六届: the term of a standing body, no part of its name (管城回族区第十六届人大常委会 → …区人大常委会);
# a session as an event (第十六届人大第三次会议) is named by the event detector, not here
_SESSION = re.compile(r"第?[一二三四五六七八九十百0-9]+届(?=[\u4e00-\u9fff])")  # 第十六届, 十届
_CLAUSE_IN_NAME = re.compile(r"[了着过]|(?:首|第?[一二三四五六七八九十两0-9]+)家")  # aspect particles, counted 家
MAX_LIST_ITEMS = 12  # items of a list closed by 等 and a kind of body (…等企业)
MAX_BARE_NAME = 6  # characters of a body name written with no suffix (郑煤机, 深澜动力, 威廉希尔)
MIN_CONJUNCT, MAX_CONJUNCT = 2, 4  # length of the items of a list sharing one suffix (明湖、潮河、前程办事处)
ACTING_SOURCE = "rule:acting-division"  # a 街道 or 镇 that does something: its office
COORDINATED_SOURCE = "rule:shared-suffix"  # an item of such a list: its body's name ends with the item + suffix
# Kinds of bodies every division has one of: a bare 管委会 or 纪委 is the article's division's.
LEVEL_KINDS = frozenset({"party_committee", "government", "congress", "cppcc", "discipline"})


@dataclass(frozen=True)
class BodyRef:
    name: str
    kind: str
    parent: str | None
    place: str | None


def body_from_name(doc: Doc, name: str, place: str | None = None) -> BodyRef:
    """A normalised name's kind, parent and division, and register it in the document."""
    lex = doc.lex
    known = lex.known_bodies.get(name)
    if known is not None:
        name = known.name
    kind = lex.body_kind(name)
    units = [(m.start(), m.end(), lex.unit_kinds[m.group()]) for m in lex.unit_regex.finditer(name)]
    body_ends = [
        end
        for start, end, kind_ in units
        if kind_ in ("B", "K") and end < len(name) and not (kind_ == "B" and lex.body_suffixes[name[start:end]].leaf)
    ]
    parent = None
    if body_ends:
        candidate = name[: body_ends[-1]]
        first_place_end = units[0][1] if units and units[0][2] == "P" and units[0][0] == 0 else 0
        if len(candidate) > first_place_end and candidate not in lex.non_bodies:
            parent = candidate
    if place is None and units and units[0][0] == 0 and units[0][2] == "P":
        place = lex.canonical_place(name[: units[0][1]])
    if place is None and name and name[0] in ABBREVIATION_LEVELS:
        place = None
    ref = BodyRef(name, kind, parent, place)
    if name not in doc.bodies:
        doc.bodies[name] = Body(name=name, kind=kind, parent=parent, place=place)
    if parent and parent not in doc.bodies:
        body_from_name(doc, parent, place)
    return ref


def resolve_division(doc: Doc, char: str, pos: int) -> str | None:
    """The division an abbreviation (市, 区, 县 …) at ``pos`` means: in the article of a county-level city its
    title lines name (枝江开展…督查, with 枝江市 in the lead), a bare 市 is that city's; else as
    :func:`kg.extract.places.resolve_abbreviation` reads it."""
    if char == "市" and (own := own_county_city(doc)) is not None:
        return own
    return resolve_abbreviation(doc, char, pos)


def own_county_city(doc: Doc) -> str | None:
    """The county-level city the article is about by its title lines and lead (see
    :func:`kg.extract.divisions.title_county_city`), or None."""
    spans = doc.article.paragraphs
    if spans:
        titles = "\n".join(doc.text[s.start : s.end] for s in spans if s.kind in TITLE_LINES)
        lead = next((doc.text[s.start : s.end] for s in spans if s.kind not in TITLE_LINES), "")
    else:  # an article built by hand: the first line is the headline, the second the lead
        titles, _, rest = doc.text.partition("\n")
        lead = rest.partition("\n")[0]
    return title_county_city(titles, lead, visit_words().to + visit_words().at_verbs)


def is_elliptical(doc: Doc, text: str) -> bool:
    """Whether ``text`` is only body suffix words (组织部, 纪委监委, 管委会): a name to complete."""
    if not text:
        return False
    units = list(doc.lex.unit_regex.finditer(text))
    covered = sum(m.end() - m.start() for m in units if doc.lex.unit_kinds[m.group()] == "B")
    return covered == len(text)


def normalise_body(
    doc: Doc,
    start: int,
    end: int,
    previous: BodyRef | None = None,
    chain_place: str | None = None,
    in_chain: bool = False,
) -> BodyRef | None:
    """The body the span ``text[start:end]`` names, completed from the chain and the article."""
    lex = doc.lex
    raw = doc.text[start:end]
    if not raw:
        return None
    known = lex.known_bodies.get(raw)
    if known is not None:
        return body_from_name(doc, known.name)
    first = doc.unit_starting.get(start)
    place: str | None = None
    name = raw
    prefixed = _prefixed_abbreviation(doc, raw, start)
    if prefixed is not None:
        return body_from_name(doc, prefixed[0], prefixed[1])
    if first is not None and first.kind == "P" and first.end <= end:
        place = lex.canonical_place(first.text)
        rest = doc.text[first.end : end]
        level = lex.place_level(place)
        # 高新区区党工委: an abbreviation of the same level right after the place repeats it.
        if rest[:1] in ABBREVIATION_LEVELS and ABBREVIATION_LEVELS[rest[0]] == level and len(rest) > 1:
            name = join_division(doc, first.text, rest)
    elif (
        raw[0] in ABBREVIATION_LEVELS
        and len(raw) > 1
        and raw[1] not in "级内外"  # 区级平台公司, 市内: no abbreviation
        and not raw.startswith("乡村")  # 乡村振兴学院: the word for the countryside, no township's
        and not (first is not None and first.kind == "P")
    ):
        level = ABBREVIATION_LEVELS[raw[0]]
        place = None
        if chain_place and lex.place_level(chain_place) == level:
            place = chain_place
        else:
            place = resolve_division(doc, raw[0], start)
        if place is not None:
            name = join_division(doc, place, raw)
    elif in_chain and (named := _named_generic(doc, raw)) is not None:
        name = named  # 学校党支部 → 二七区长江路第二小学党支部: the one school the article names
        place = _leading_place_of_name(doc, named)
    elif in_chain and is_elliptical(doc, raw):
        suffix = lex.body_suffix_of(raw)
        attach = suffix[1].attach if suffix else "place"
        first_unit = next(iter(lex.unit_regex.finditer(raw)), None)
        if first_unit is not None:
            attach = lex.body_suffixes.get(first_unit.group(), suffix[1] if suffix else None).attach \
                if first_unit.group() in lex.body_suffixes else attach
        if attach == "village":
            place = previous.place if previous is not None else None
            if place is not None:
                name = place + raw
        elif attach == "parent" and previous is not None:
            name = previous.name + raw
            place = previous.place
        else:
            place = (previous.place if previous is not None else None) or chain_place
            level_body = lex.body_kind(raw) in LEVEL_KINDS
            if place is None and previous is None and attach == "place" and level_body:
                # 管委会副主任 opening a chain: the division the article is about
                place = article_division(doc, "district") or doc.settings.home_city
            if place is not None:
                name = place + raw
    elif (
        raw in lex.body_suffixes
        and lex.body_kind(raw) in LEVEL_KINDS
        and lex.body_suffixes[raw].attach == "place"
        and raw not in office_suffixes(doc)
        and not _glued_in_phrase(doc, start, end)
    ):
        # a bare 纪工委 or 管委会 in a list of the article's bodies (各办事处、纪工委、创新发展局…) is its
        # division's; not a bare 办事处, one of the division's many offices
        place = article_division(doc, "district")
        if place is not None:
            name = place + raw
    if place is None and (village := _village_before(doc, raw, start)) is not None:
        # 在东柳泉村,村党支部书记王保国: the 村 of a body is the village the text has just named
        place = village
        name = village + raw[len(_village_word(doc, raw)) :]
    if place is None:
        place = _leading_place(doc, start, end)
    name = without_session(name)
    if name in lex.non_bodies:
        return None
    return body_from_name(doc, name, place)


def _glued_in_phrase(doc: Doc, start: int, end: int) -> bool:
    """Whether a bare kind (政协, 纪工委) stands inside a phrase, words on both sides and no name after it
    (贡献政协力量: the kind qualifies a noun), not as an item of the article's bodies (各办事处、纪工委、…)."""
    text = doc.text
    return is_han(text[start - 1 : start]) and is_han(text[end : end + 1]) and end not in doc.unit_starting


@cache
def _doubled_division_words() -> tuple[str, ...]:
    return tuple(read_entries("doubled_division_words.txt"))


def join_division(doc: Doc, place: str, words: str) -> str:
    """The division ``place`` with the body ``words`` written after it, which open with its abbreviation
    (县人大常委会, 县委): the abbreviation is dropped (浚县人大常委会), except in the words a division whose
    name is one character and its level writes whole (doubled_division_words.txt) when the paper writes them so
    on the page (浚县县委理论学习中心组 → 县委书记 is 浚县县委's, and 淇县's 县委 on that page 淇县县委; a page
    that writes no such form keeps one: 郏县委)."""
    doubled = next((w for w in _doubled_division_words() if words.startswith(w)), None)
    if len(place) == 2 and words[:1] == place[-1] and doubled is not None and _page_doubles(doc, doubled):
        return place + words
    return place + words[1:]


def _page_doubles(doc: Doc, doubled: str) -> bool:
    """Whether the article's page (the article alone when the page cannot be read again) writes ``doubled``
    (县委) after a division whose name is one character and that level (浚县县委): the paper's way."""
    return _writes_doubled(page_text(doc.article.file) or doc.text, doubled)


@lru_cache(maxsize=32)
def _writes_doubled(page: str, doubled: str) -> bool:
    gazetteer = load_gazetteer()
    written = doubled[:1] + doubled  # 县县委
    at = page.find(written, 1)
    while at > 0:
        name = page[at - 1 : at + 1]  # 浚县; not the end of a longer name (老城区区委)
        if gazetteer.named(name, "district") and not (at >= 2 and gazetteer.named(page[at - 2 : at + 1])):
            return True
        at = page.find(written, at + 1)
    return False


@cache
def body_prefixes() -> frozenset[str]:
    return frozenset(read_entries("body_prefixes.txt"))


def _prefixed_abbreviation(doc: Doc, raw: str, start: int) -> tuple[str, str] | None:
    """团区委 → (团金水区委, 金水区): a word of ``body_prefixes.txt`` before a division's abbreviation;
    the abbreviation resolves as it does at the start of a name."""
    for prefix in body_prefixes():
        rest = raw[len(prefix) :]
        if not raw.startswith(prefix) or len(rest) < 2 or rest[0] not in ABBREVIATION_LEVELS:
            continue
        place = resolve_division(doc, rest[0], start + len(prefix))
        if place is not None:
            return prefix + place + rest[1:], place
    return None


@cache
def _generic_bodies() -> dict[str, tuple[str, ...]]:
    rows = read_rows("generic_bodies.tsv")
    return {row[0]: tuple(row[1].split()) for row in rows if len(row) > 1}


def _named_generic(doc: Doc, raw: str) -> str | None:
    """A name opening with a generic word (学校, 医院) completed to the one body of that kind the article
    names (学校党支部 → 二七区长江路第二小学党支部); None when it names none or several."""
    for word, suffixes in _generic_bodies().items():
        if not raw.startswith(word) or not is_elliptical(doc, raw):
            continue
        named = {
            body.name
            for body in doc.bodies.values()
            if body.name.endswith(suffixes) and len(body.name) > len(word) + 1
            and not doc.lex.only_generic(body.name[: -len(next(s for s in suffixes if body.name.endswith(s)))])
        }
        if len(named) == 1:
            return named.pop() + raw[len(word) :]
    return None


def _leading_place_of_name(doc: Doc, name: str) -> str | None:
    known = doc.bodies.get(name)
    if known is not None:
        return known.place
    for body in doc.bodies.values():
        if name.startswith(body.name):
            return body.place
    return None


MAX_VILLAGE_BACK = 80  # characters back to the village a bare 村党支部 belongs to


def _village_word(doc: Doc, raw: str) -> str:
    """The village-level place suffix a body name opens with (村党支部 → 村, 社区党委 → 社区), or ''."""
    words = [w for w, level in doc.lex.place_suffixes.items() if level == "village" and raw.startswith(w)]
    word = max(words, key=len, default="")
    return word if word and is_elliptical(doc, raw[len(word) :]) else ""


def _village_before(doc: Doc, raw: str, start: int) -> str | None:
    """The village named last before ``start`` (in the same paragraph, close by) whose name ends with the
    village word ``raw`` opens with: the owner of a bare 村党支部 or 社区党委."""
    word = _village_word(doc, raw)
    if not word:
        return None
    before = [
        (s, name)
        for s, e, name, level in doc.place_spans
        if level == "village" and e <= start and start - e <= MAX_VILLAGE_BACK and name.endswith(word)
        and "\n" not in doc.text[e:start]
    ]
    return max(before)[1] if before else None


def without_session(name: str) -> str:
    """A standing body's name without its term (第十六届), when a body's name stands after it."""
    match = _SESSION.search(name)
    if match is None or match.start() == 0:
        return name
    return name[: match.start()] + name[match.end() :]


def _leading_place(doc: Doc, start: int, end: int) -> str | None:
    """The most specific place the body text starts with (花园口镇八堡村党支部 → 八堡村)."""
    place = None
    pos = start
    for span_start, span_end, name, _level in doc.place_spans:
        if span_start == pos and span_end < end:
            place, pos = name, span_end
    return place


def find_body_mentions(doc: Doc) -> None:
    """Add ORG mentions (and their bodies) for body names anywhere in the text."""
    lex = doc.lex
    text = doc.text
    spans: list[tuple[int, int]] = []
    for unit in doc.units:
        if unit.kind not in ("B", "K"):
            continue
        if unit.kind == "B" and _broken_suffix(doc, unit.start, unit.end):
            continue
        if any(s <= unit.start and unit.end < e for s, e, _n, _l in doc.place_spans):
            continue  # 农科路社区, 学院路: the suffix stands inside a place's name
        start = _name_start(doc, unit.start) if unit.kind == "B" else unit.start
        if start is None:
            continue
        continues = bool(spans) and spans[-1][1] >= start and spans[-1][0] <= start
        if unit.kind == "B" and len(unit.text) == 1 and not continues and not _anchored(doc, start, unit.start):
            suffix = lex.body_suffixes[unit.text]
            opens_clause = start == 0 or text[start - 1] in CLAUSE_BREAKS or not is_han(text[start - 1])
            if unit.start - start < 2 or (suffix.leaf and not opens_clause):
                continue  # 政局, 军队, 一部, 有所: a one-character suffix needs a name before it
        if continues:
            # runs on from the body before it (中原区纪委监委 + 机关党委): one name
            start = spans[-1][0]
            spans.pop()
        spans.append((start, unit.end))
    ends = {end for _start, end in spans}
    last: tuple[Mention, BodyRef | None] | None = None  # the body name before, and what it normalised to
    for start, end in spans:
        if _bracketed_alias(text, start, end, ends):
            continue  # 经开区宣传部(文明办): another name of the body before, not a second body
        if last is not None and last[1] is not None and _resumes_after_alias(doc, last[0].end, start, end):
            # 财政局(审计局)党支部: the branch of the bureau, its alias in between (财政局党支部)
            before, owner = last
            doc.mentions.remove(before)
            last = (doc.add_mention("ORG", before.start, end, "rule:body-suffix"), None)
            normalise_body(doc, start, end, previous=owner, in_chain=True)
            continue
        start = after_determiners(doc, start, end, BODY)  # 基层|党支部, 广大|政协, 属地|办事处
        name = text[start:end]
        if name in lex.non_bodies or (len(name) <= 2 and any(name.endswith(w) for w in lex.non_bodies)):
            continue
        if all(not is_han(c) for c in name):
            continue
        if _venue_place(doc, start, end):
            continue  # 管委会第一会议室: the room is a place, its owner takes no part in what happens there
        if _kind_only(doc, name):
            continue  # 公司, 学校, 办事处, 集团有限公司 alone: a kind of body, no name
        mention = doc.add_mention("ORG", start, end, "rule:body-suffix")
        last = (mention, None)
        if _coordinated_levels(doc, start, end):
            continue
        conjuncts = _shared_suffix_conjuncts(doc, start, end)
        if conjuncts is None:
            last = (mention, normalise_body(doc, start, end))
            continue
        prefix_start, items = conjuncts
        prefix = text[prefix_start : items[0][0]]
        for item_start, item_end in items:
            doc.add_mention("ORG", item_start, item_end, COORDINATED_SOURCE)
        suffix_start = _first_suffix_start(doc, start, end)
        for stem in [text[s:e] for s, e in items] + [text[start:suffix_start]]:
            _register_conjunct(doc, prefix, stem + text[suffix_start:end], prefix_start)
    _find_listed_bodies(doc)
    _visited_premises(doc)
    _referred_venue(doc)
    _acting_divisions(doc)


@cache
def _actor_words() -> tuple[tuple[str, ...], tuple[str, ...]]:
    rows = read_rows("body_actor_words.tsv")

    def of(where: str) -> tuple[str, ...]:
        return tuple(sorted((w for w, k in rows if k == where), key=len, reverse=True))

    return of("after"), of("before")


_PEOPLE_MODIFIERS = ("主要", "有关", "相关", "其他")


@cache
def _participant_nouns() -> tuple[str, ...]:
    return tuple(sorted(participant_nouns(), key=len, reverse=True))


@cache
def _listed_divisions() -> re.Pattern[str]:
    """等4个镇（街道）, 等三个乡镇: the count of the divisions just listed and their kind, a town-level place
    suffix of ``place_suffixes.tsv`` (乡镇 is two of them)."""
    lex = load_lexicon()
    towns = sorted((s for s, level in lex.place_suffixes.items() if level == ACTING_LEVEL), key=len, reverse=True)
    kind = "(?:{})+".format("|".join(map(re.escape, towns)))
    return re.compile(rf"等[0-9０-９一二三四五六七八九十两]+个{kind}(?:[（(]{kind}[）)])?")


def _after_people(text: str, pos: int) -> int:
    """Past 等 and a noun for a body's people after a list of names (…缑氏镇|等|主要负责同志|参加), or past
    the count and kind of the divisions listed (麒麟镇、独山镇|等4个镇（街道）|作了交流发言): where the verb the
    bodies do through their people stands."""
    counted = _listed_divisions().match(text, pos)
    if counted is not None:
        return counted.end()
    if text.startswith("等", pos):
        pos += 1
    modifier = next((m for m in _PEOPLE_MODIFIERS if text.startswith(m, pos)), "")
    noun = next((n for n in _participant_nouns() if text.startswith(n, pos + len(modifier))), None)
    return pos + len(modifier) + len(noun) if noun else pos


ACTING_LEVEL = "town"  # 街道, 镇, 乡, 办事处: divisions with an office that takes part in events


def _acting_divisions(doc: Doc) -> None:
    """A town-level division that does something is its office, a body: the subject of 联合, 开展, 作表态发言
    (涧西区重庆路街道联合…; 首阳山街道、缑氏镇作了表态发言), or an item of a list of bodies after 联合
    (应急管理局联合区城市管理局、紫荆山南路街道在…开展). Its name is the division as written, with the district
    written before it (涧西区重庆路街道); it stays a place too. Words: ``body_actor_words.tsv``."""
    text = doc.text
    after, before = _actor_words()
    places = {(s, e): (name, level) for s, e, name, level in doc.place_spans}
    orgs = {(m.start, m.end) for m in doc.mentions if m.type == "ORG"}
    items = sorted(set(places) | orgs)
    item_at = {start: end for start, end in items}
    visit = visit_words().to + visit_words().at
    for (start, end), (name, level) in sorted(places.items()):
        if level != ACTING_LEVEL or any(s <= start and end <= e and (s, e) != (start, end) for s, e in items):
            continue
        written = start
        district = next((s for s, e in places if e == start and places[(s, e)][1] == "district"), None)
        if district is not None:
            written = district  # 涧西区|重庆路街道
        # the list the division stands in: items joined by 、 和 及 与
        first, last = written, end
        while True:
            link = next((w for w in SEPARATORS if text.endswith(w, 0, first)), None)
            prior = next(((s, e) for s, e in items if e == first - len(link)), None) if link else None
            if prior is None:
                break
            first = next((s for s, e in places if e == prior[0] and places[(s, e)][1] == "district"), prior[0])
        while True:
            link = next((w for w in SEPARATORS if text.startswith(w, last)), None)
            if link is None or last + len(link) not in item_at:
                break
            nxt = last + len(link)
            last = item_at[nxt]
            while last in item_at and item_at[last] > last:  # 涧西区|重庆路街道
                last = item_at[last]
        if any(text.endswith(w, 0, first) for w in visit):
            continue  # 来到…梧桐办事处: a place visited
        acts = text.startswith(after, _after_people(text, last))
        has_body = any(first <= s and e <= last for s, e in orgs)
        acts = acts or (has_body and any(text.endswith(w, 0, first) for w in before))
        if not acts:
            continue
        doc.add_mention("ORG", written, end, ACTING_SOURCE)
        office = text[written:end]
        doc.bodies.setdefault(office, Body(name=office, kind="government", parent=None, place=name))


@cache
def _list_heads() -> tuple[re.Pattern[str], dict[str, str], frozenset[str]]:
    rows = read_rows("body_list_heads.tsv")
    heads = {row[0]: row[1] for row in rows}
    alternatives = "|".join(map(re.escape, sorted(heads, key=len, reverse=True)))
    pattern = re.compile(rf"等(?:[0-9]+|[一二三四五六七八九十两几多]+)?[家个所]?(?:{alternatives})")
    return pattern, heads, frozenset(read_entries("sector_words.txt"))


def _find_listed_bodies(doc: Doc) -> None:
    """调研郑煤机、一汽、安图、双汇、深澜动力等企业: the items of a list closed by 等 and a kind of body
    (``body_list_heads.tsv``) are bodies of that kind under the names written; not when an item is a word
    of another part of speech, a sector (``sector_words.txt``: 食品、医药等企业) or a place."""
    pattern, heads, sectors = _list_heads()
    text = doc.text
    tags = word_tags()
    covered = [(m.start, m.end) for m in doc.mentions if m.type in ("ORG", "LOC")]
    for match in pattern.finditer(text):
        head = next(h for h in sorted(heads, key=len, reverse=True) if match.group().endswith(h))
        items: list[tuple[int, int]] = []
        end = match.start()
        while len(items) < MAX_LIST_ITEMS:
            start = end
            while start > 0 and end - start < MAX_FREE and is_han(text[start - 1]) and text[start - 1] not in "、":
                if text[start - 1] in CLAUSE_BREAKS or (start < end and doc.stop_ending_at(start)):
                    break
                if start < end and text[start - 1] in LIST_JOINERS:
                    break  # 威廉希尔和|韦德国际
                start -= 1
            joined = start > 0 and (text[start - 1] == "、" or text[start - 1] in LIST_JOINERS)
            if not joined:
                start = doc.after_function_words(start, end)  # 走访了|宇通客车
            if end - start < 2:
                break
            items.insert(0, (start, end))
            if not joined:
                break
            end = start - 1
        names = [text[s:e] for s, e in items]
        # 新兴铸管、冀中能源峰峰集团等…企业: an item found by its own suffix already is a name, whatever its length
        bare = [n for (s, e), n in zip(items, names, strict=True) if not any(cs < e and s < ce for cs, ce in covered)]
        if not names or any(n in sectors or tags.get(n, "n")[0] not in "nj" or len(n) > MAX_BARE_NAME for n in bare):
            continue  # a sector, a word of another kind, or no name's left edge found (atm加装复制器中行)
        for (start, end), name in zip(items, names, strict=True):
            if any(s < end and start < e for s, e in covered) or name in doc.lex.non_bodies:
                continue  # a body or place found by its own suffix already
            doc.add_mention("ORG", start, end, "rule:body-list")
            doc.bodies.setdefault(name, Body(name=name, kind=heads[head]))


def _visited_premises(doc: Doc) -> None:
    """A body named where a visit went (先后到长兴路街道便民服务中心和花园口镇大庙村便民服务站, 在沟赵办事处进行
    座谈) has premises there, a site of the visit: named from the last of the places its name opens with
    (花园口镇|大庙村便民服务站 → 大庙村便民服务站 ⊂ 大庙村), see ``visit_words.tsv``."""
    text = doc.text
    found = [m for m in doc.mentions if m.type == "ORG" and m.source == "rule:body-suffix"]
    name_ends = {m.end: m.start for m in found} | {e: s for s, e, _n, _l in doc.place_spans}
    name_starts = {s: e for e, s in name_ends.items()}
    for mention in found:
        list_end = mention.end
        while (link := next((w for w in SEPARATORS if text.startswith(w, list_end)), None)) and (
            list_end + len(link) in name_starts
        ):
            list_end = name_starts[list_end + len(link)]
        if visit_word_before(text, mention.start, name_ends, list_end) is None and not _holds_event(doc, mention):
            continue
        start, parent = mention.start, None
        for span_start, span_end, place, _level in doc.place_spans:
            if span_start == start and span_end < mention.end:
                parent = place
                # 花园口镇|大庙村便民服务站: the town contains the village; but a road names the body
                # with its division (二七区|长江路第二小学 is 二七区长江路第二小学)
                if any(s == span_end and e < mention.end and lv != "site" for s, e, _n, lv in doc.place_spans):
                    start = span_end
        name = text[start : mention.end]
        body = doc.bodies.get(name) or next((b for n, b in doc.bodies.items() if n.endswith(name)), None)
        if body is not None and start == mention.start:
            name = body.name  # 在区行政服务中心 → 二七区行政服务中心: the abbreviation completed
        if body is None or body.kind in LEVEL_KINDS or name in doc.places or _kind_only(doc, name):
            continue  # 到区委: the committee, no premises of a name; 梧桐办事处 is a place already
        if _CLAUSE_IN_NAME.search(name):
            continue  # 在北京开设了首家零售银行: a clause taken for a name, no premises
        area = _area_before(doc, mention.start)  # 梧桐办事处辖区|佛光发电有限公司
        if area is not None and (parent is None or doc.lex.place_level(parent) in ("city", "province")):
            parent = area  # more precise than the city a company's name opens with (郑州红星化工有限公司)
        opening = parent or body.place
        if opening and not name.startswith(opening) and doc.lex.place_level(opening) in ("city", "province"):
            # 河南|丰德种业有限公司: a province or city written short opens a firm's name; the site lies in the
            # district the article is about
            parent = article_division(doc, "district") or opening
        parent = parent or body.place or article_division(doc, "district")
        doc.places[name] = Place(name=name, level="site", parent=parent if parent != name else None)


OTHER_KIND = "other"  # body_kinds.tsv's catch-all kind
MAX_VENUE_PHRASE = 20  # characters between 在 and the verb of holding (在水冶镇该公司厂区举行)


@cache
def _held_after() -> re.Pattern[str]:
    """The rest of a venue phrase up to its verb of holding (厂区|举行), within one clause."""
    verbs = "|".join(map(re.escape, visit_words().venue_verbs))
    return re.compile(rf"[^，,；;。]{{0,{MAX_VENUE_PHRASE}}}?(?:{verbs})")


def _referred_venue(doc: Doc) -> None:
    """在水冶镇该公司厂区举行: a body referred to by 该 and its kind (``body_list_heads.tsv``: 公司, 企业, 学校 …) where
    an event is held has premises there, a site named by the body of that kind named last before it in the
    sentence (安阳鑫达化工有限公司), in the place written right before 该 (水冶镇) if any."""
    _pattern, heads, _sectors = _list_heads()
    text = doc.text
    words = visit_words()
    for head, kind in heads.items():
        if kind == OTHER_KIND:
            continue  # 该单位: any kind of body, too vague to say whose premises
        for match in re.finditer(re.escape("该" + head), text):
            sentence_start, _end = doc.sentence_span(match.start())
            at = max((text.rfind(w, sentence_start, match.start()) for w in words.at), default=-1)
            if at < 0 or match.start() - at > MAX_VENUE_PHRASE or not _held_after().match(text, match.end()):
                continue
            named = [
                m for m in doc.mentions
                if m.type == "ORG" and sentence_start <= m.start < match.start()
                and (body := doc.bodies.get(m.text)) is not None and body.kind == kind
            ]
            if not named:
                continue
            name = named[-1].text
            if name in doc.places:
                continue
            parent = next((n for _s, e, n, _l in doc.place_spans if e == match.start()), None)
            parent = parent or article_division(doc, "district")
            doc.places[name] = Place(name=name, level="site", parent=parent)


MAX_EVENT_NAME = 15  # characters of an event's name between a school and its 开幕 (第十二届秋季田径运动会)
INSTITUTION = "institution"


def _holds_event(doc: Doc, mention: Mention) -> bool:
    """二七区长江路第二小学第十二届秋季田径运动会开幕: a school or hospital opening a clause, whose event opens
    or is held (a ``venue_verb`` of visit_words.tsv) in the same clause, holds it on its premises."""
    text = doc.text
    if mention.start > 0 and text[mention.start - 1] not in CLAUSE_BREAKS and is_han(text[mention.start - 1]):
        return False
    body = doc.bodies.get(mention.text)
    if body is None or body.kind != INSTITUTION:
        return False
    for pos in range(mention.end, min(len(text), mention.end + MAX_EVENT_NAME + 1)):
        if text[pos] in CLAUSE_BREAKS:
            return False
        if text.startswith(visit_words().venue_verbs, pos):
            return pos > mention.end
    return False


def _area_before(doc: Doc, start: int) -> str | None:
    """The place X of ``X辖区`` right before ``start`` (梧桐办事处辖区|佛光发电有限公司: the company lies in it)."""
    for word in visit_words().within:
        if doc.text.endswith(word, 0, start):
            return next((name for _s, e, name, _l in doc.place_spans if e == start - len(word)), None)
    return None


def _resumes_after_alias(doc: Doc, before_end: int, start: int, end: int) -> bool:
    """Whether the suffix words ``text[start:end]`` (党支部) go on the body that ends at ``before_end``
    across a bracketed alias of it: 财政局(审计局)党支部."""
    text = doc.text
    return (
        before_end < start
        and text[before_end] in "(（"
        and text[start - 1] in ")）"
        and not any(c in "()（）" for c in text[before_end + 1 : start - 1])
        and is_elliptical(doc, text[start:end])
        and doc.lex.body_suffix_of(text[start:end]) is not None
        and doc.lex.body_suffix_of(text[start:end])[1].attach == "parent"
    )


def _first_suffix_start(doc: Doc, start: int, end: int) -> int:
    """Where the first body suffix of the name ``text[start:end]`` begins (its end when none does)."""
    return next(
        (pos for pos in range(start, end) if (u := doc.unit_starting.get(pos)) is not None and u.kind == "B"), end
    )


def _shared_suffix_conjuncts(doc: Doc, start: int, end: int) -> tuple[int, list[tuple[int, int]]] | None:
    """明湖、潮河、前程办事处; 区党工委主题教育第一、第二指导组: items before a body name, joined by 、, that
    share its suffix (and the words before the first item, when those open with a place or body). Items
    are 2-4 characters and hold no suffix or division of their own (组织部、宣传部 are two whole names).

    Only two kinds of list share a suffix this way: offices named after their area (the ``office`` suffixes of
    ``place_suffixes.tsv``: 明湖、潮河、前程办事处) and ordinals (第一、第二指导组). Elsewhere a word before 、 is
    mostly a word of its own (存款、资金结算、电子银行; 国瑞地产、国瑞购物中心), never a name missing its suffix.
    Returns where the shared prefix starts (the first item's start when there is none) and the items' spans,
    or None when there is no such list."""
    lex = doc.lex
    text = doc.text
    suffix_start = _first_suffix_start(doc, start, end)
    stem = suffix_start - start
    if stem < MIN_CONJUNCT or stem > MAX_CONJUNCT or start < MIN_CONJUNCT + 1 or text[start - 1] != "、":
        return None
    suffix = doc.unit_starting[suffix_start].text if suffix_start in doc.unit_starting else ""
    ordinal = bool(_ORDINAL.fullmatch(text[start:suffix_start]))
    if suffix not in office_suffixes(doc) and not ordinal:
        return None
    items: list[tuple[int, int]] = []
    pos = start - 1  # at a 、
    while pos > 0 and text[pos] == "、":
        item_end = pos
        item_start = _item_start(doc, item_end)
        if item_end - item_start > MAX_CONJUNCT:
            item_start = item_end - stem  # the first item, after a shared prefix: as long as the last stem
        item = text[item_start:item_end]
        if item_end - item_start < MIN_CONJUNCT or item in lex.non_bodies or (ordinal and not _ORDINAL.fullmatch(item)):
            return None
        if any(doc.unit_covering(p) is not None for p in range(item_start, item_end)):
            return None  # 区委、区政府: each item a whole name
        if any(s < item_end and item_start < e and level != "site" for s, e, _n, level in doc.place_spans):
            return None  # 金水区、二七区…: divisions, not the names of offices (龙湖, a lake, may name one)
        items.insert(0, (item_start, item_end))
        pos = item_start - 1
    if not items:
        return None
    opener = items[0][0]  # where the first item starts
    limit = max(0, opener - MAX_FREE)
    boundary = opener
    while boundary > limit and is_han(text[boundary - 1]) and text[boundary - 1] not in CLAUSE_BREAKS:
        if doc.stop_ending_at(boundary):
            break
        boundary -= 1
    if boundary < opener and not _anchored(doc, boundary, opener):
        return None  # a verb or a word before the list that names nothing: no list of names
    return boundary, items


def _item_start(doc: Doc, end: int) -> int:
    """Where an item of a list ending at ``end`` starts: after the 、 before it, a clause break, a stop
    word or a function word (走访了|宇通客车), looking back no further than a name may reach."""
    text = doc.text
    pos = end
    while pos > 0 and end - pos < MAX_FREE and is_han(text[pos - 1]) and text[pos - 1] not in CLAUSE_BREAKS:
        if pos < end and doc.stop_ending_at(pos):
            break
        pos -= 1
    return doc.after_function_words(pos, end) if pos < end else pos


def _register_conjunct(doc: Doc, prefix: str, name: str, prefix_start: int) -> None:
    """Add one body of a shared-suffix list under its full name (the prefix's abbreviation resolved);
    an office (办事处) is also the place it governs."""
    place: str | None = None
    full = prefix + name
    if prefix and prefix[0] in ABBREVIATION_LEVELS and doc.unit_starting.get(prefix_start) is None:
        place = resolve_division(doc, prefix[0], prefix_start)
        if place is not None:
            full = place + prefix[1:] + name
    if full in doc.lex.non_bodies:
        return
    body_from_name(doc, full, place)
    suffix = doc.lex.body_suffix_of(name)
    if suffix is not None and suffix[0] in office_suffixes(doc) and not prefix and name not in doc.places:
        doc.places[name] = Place(name=name, level="town", parent=article_division(doc, "district"))


def _coordinated_levels(doc: Doc, start: int, end: int) -> bool:
    """省市总工会, 市县两级…: two abbreviations of different levels share one body name; each
    division has its own body (河南省总工会, 郑州市总工会). ``市区`` and the like are words, no pair."""
    text = doc.text
    first, second, rest = text[start : start + 1], text[start + 1 : start + 2], text[start + 2 : end]
    levels = (ABBREVIATION_LEVELS.get(first), ABBREVIATION_LEVELS.get(second))
    if None in levels or levels[0] == levels[1] or len(rest) < 2 or text[start : start + 2] in doc.lex.non_places:
        return False
    if text[start + 1 : start + 3] in doc.lex.non_places:
        return False  # 县|乡村振兴局: the second character opens a word (乡村), it is no division's abbreviation
    if _opens_noun(text, start + 1) and not is_elliptical(doc, rest):
        return False  # 县|市场监管局: 市场 is a word, and 场监管局 no body's name (市县|政府, 省市|总工会 are pairs)
    if doc.lex.body_suffix_of(rest) is None or doc.unit_starting.get(start, None) is not None:
        return False
    for offset, char in ((0, first), (1, second)):
        place = resolve_division(doc, char, start + offset)
        if place is not None:
            body_from_name(doc, place + rest, place)
    return True


def _opens_noun(text: str, pos: int) -> bool:
    """Whether a dictionary noun of two or three characters starts at ``pos`` (市场, 市场监管)."""
    tags = word_tags()
    return any(tags.get(text[pos : pos + length], "").startswith("n") for length in (2, 3) if pos + length <= len(text))


def _has_verb(text: str, start: int, end: int) -> bool:
    """Whether a dictionary verb or verbal noun (two characters or more) stands in ``text[start:end]``."""
    tags = word_tags()
    return any(
        tags.get(text[i : i + length], "").startswith("v")
        for i in range(start, end)
        for length in range(2, min(4, end - i) + 1)
    )


def _bracketed_alias(text: str, start: int, end: int, body_ends: set[int]) -> bool:
    """Whether ``text[start:end]`` stands in brackets right after another body's name."""
    return (
        start >= 2
        and text[start - 1] in "(（"
        and end < len(text)
        and text[end] in ")）"
        and start - 1 in body_ends
    )


def _kind_only(doc: Doc, name: str) -> bool:
    """Whether ``name`` is only body suffix words of no division's own kind (公司, 调研组, 集团有限公司),
    or those after generic words (平台公司): a bare 纪工委 or 管委会 is the article's division's,
    市委督查室 the city's, so those are names."""
    lex = doc.lex
    if name[0] in ABBREVIATION_LEVELS:
        return False
    if any(name.startswith(p) and name[len(p) : len(p) + 1] in ABBREVIATION_LEVELS for p in body_prefixes()):
        return False  # 团区委: the league committee of the article's district, as 区委 is its party committee
    if any(lex.unit_kinds[m.group()] in ("P", "K") for m in lex.unit_regex.finditer(name)):
        return False
    offices = office_suffixes(doc)  # a division has many 办事处: a bare one is no division's own

    def level_kind(suffix: str) -> bool:
        return lex.body_kind(suffix) in LEVEL_KINDS and suffix not in offices

    stem = name
    while (suffix := lex.body_suffix_of(stem)) is not None and suffix[0] != stem:
        if level_kind(suffix[0]):
            return False
        stem = stem[: -len(suffix[0])]
    if stem in lex.body_suffixes:
        # 支部, 党组 alone: a part of a body not named (“五星”支部创建), so no one's
        return not level_kind(stem) or lex.body_suffixes[stem].attach == "parent"
    return lex.only_generic(stem)  # 平台公司, 专业公司, 街道办事处: a kind qualified, still no name


def _venue_place(doc: Doc, start: int, end: int) -> bool:
    """Whether a room or ground of the body named at ``text[start:end]`` follows its name
    (管委会第一会议室, 中学附属小学春藤路校区); if so, add it as a place taking the body's name in."""
    lex = doc.lex
    text = doc.text
    owner = text[start:end]
    inside = next((v for v in lex.venue_suffixes if owner.endswith(v) and len(owner) > len(v)), None)
    for gap in range(MAX_VENUE_GAP + 1):
        pos = end + gap
        if pos > len(text):
            return False
        if pos > end and (not is_han(text[pos - 1]) or text[pos - 1] in CLAUSE_BREAKS or doc.stop_ending_at(pos)):
            return False
        suffix = "" if inside else next((v for v in lex.venue_suffixes if text.startswith(v, pos)), None)
        if suffix is None:
            continue
        if doc.trim_left(end, pos, max_words=MAX_VENUE_GAP) != end or _has_verb(text, end, pos):
            return False  # a verb or function word between (集团汇报新政务服务大厅): no room of the body
        venue_end = pos + len(suffix)
        name = text[start:venue_end]
        division = resolve_division(doc, name[0], start) if name[0] in "省市区县" else None
        if division is not None:
            name = division + name[1:]  # 、县人民医院新院区 → 郓城县人民医院新院区, as the body is named
        kept = [span for span in doc.place_spans if not (start <= span[0] and span[1] <= venue_end)]
        doc.place_spans = sorted([*kept, (start, venue_end, name, "site")], key=lambda x: (x[0], -x[1]))
        doc.add_mention("LOC", start, venue_end, "rule:venue")
        if name not in doc.places:
            parent = article_division(doc, "district") or doc.settings.home_city
            doc.places[name] = Place(name=name, level="site", parent=parent)
        return True
    return False


def _anchored(doc: Doc, start: int, end: int) -> bool:
    """Whether the name ``text[start:end]`` opens with a place, an abbreviation or another body."""
    unit = doc.unit_starting.get(start)
    if unit is not None and unit.kind in ("P", "K", "B") and unit.end <= end:
        return True
    if any(span_start == start for span_start, _e, _n, _l in doc.place_spans):
        return True
    return doc.text[start] in ABBREVIATION_LEVELS and start + 1 < end


def _broken_suffix(doc: Doc, start: int, end: int) -> bool:
    """部门, 处理, 主办, 带队, 共产党员, 集中学习 …: a suffix that is part of another word."""
    text = doc.text
    non_bodies = doc.lex.non_bodies
    if any(text[end - 1 : end - 1 + k] in non_bodies for k in (2, 3)):
        return True  # the suffix's last character starts a word (党员, 学习)
    if any(text[start : start + k] in non_bodies for k in range(end - start + 1, end - start + 3)):
        return True  # a word starts with the suffix and runs past it (中心工作)
    if end - start != 1:
        return False
    if any(text[max(0, end - k) : end] in non_bodies for k in (2, 3)):
        return True
    return _closes_verb(doc, start)


def _closes_verb(doc: Doc, start: int) -> bool:
    """Whether the one-character suffix at ``start`` ends a dictionary verb or adverb with the character before
    it (和睦相处, 依法严厉查处, 举办), with no division or body right before that word: 市侨办, 区防办 are bodies."""
    if start < 1:
        return False
    word = doc.text[start - 1 : start + 1]
    tag = word_tags().get(word, "")
    if not (tag.startswith("v") or tag == "d"):
        return False
    before = start - 1
    if before > 0 and doc.text[before - 1] in ABBREVIATION_LEVELS:
        return False
    unit = doc.unit_ending.get(before)
    return unit is None or unit.kind not in ("P", "B", "K")


def _after_verb_before_place(doc: Doc, pos: int, limit: int) -> int:
    """Past a verb that opens a clause right before a place or known body (批评|日本政府,
    荣获|郑州市技术监督局): the verb's object is the name. A verb before a bare suffix (建设银行)
    may be the name's own first word, so it stays."""
    tags = word_tags()
    text = doc.text
    after = pos
    for _verb in range(MAX_OPENING_VERBS):  # 传达|学习|省委…精神: two verbs in a row, then the abbreviated body
        word = next(
            (text[after : after + n] for n in range(min(4, limit - after), 1, -1) if text[after : after + n] in tags),
            None,
        )
        if word is None or not tags[word].startswith("v"):
            return pos
        after += len(word)
        unit = doc.unit_starting.get(after)
        # a place, a known body, or a body named by a division's abbreviation (省委, 市政府) is the verb's object
        if after == limit and unit is not None and unit.kind == "B" and unit.text[0] in ABBREVIATION_LEVELS:
            return after
        anchored = (unit is not None and unit.kind in ("P", "K")) or any(
            start == after for start, _e, _n, _l in doc.place_spans
        )
        if anchored and after < limit:
            return after
    return pos


def _name_words_only(doc: Doc, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is name words only, maybe two groups of them joined by a conjunction inside
    one name (罗山县|文化广电和旅游|局, 政务服务和大数据管理局)."""
    if doc.trim_left(start, end, max_words=6) == start:
        return True
    text = doc.text
    for pos in range(start + 2, end - 1):
        if text[pos] in doc.lex.conjunctions:
            after = pos + 1
            return doc.trim_left(start, pos, max_words=4) == start and doc.trim_left(after, end, max_words=4) == after
    return False


def _abbreviated_long_name(doc: Doc, start: int, suffix_start: int) -> bool:
    """Whether ``text[start:suffix_start]`` is a division's abbreviation (县, 区 …) or a zone's (示范区) then name
    words only, maybe two groups joined by a conjunction (县|文化广电和旅游|局, 示范区|文化广电和旅游|局)."""
    text = doc.text
    opening = next((z for z in zone_abbreviations() if text.startswith(z, start)), text[start : start + 1])
    if opening not in ABBREVIATION_LEVELS and opening not in zone_abbreviations():
        return False
    # a verb of the task the body is named after (body_task_verbs.txt: 县|创建|全国文明城市|指挥部) is part of the name
    words_start = start + len(opening)
    words_start += len(next((v for v in body_task_verbs() if text.startswith(v, words_start)), ""))
    return suffix_start - words_start > 1 and _name_words_only(doc, words_start, suffix_start)


def _abbreviated_clause_start(doc: Doc, pos: int, suffix_start: int) -> int | None:
    """The start of the clause ``pos`` lies in, a few characters back at most, when from there to the suffix
    is an abbreviated long name (see :func:`_abbreviated_long_name`), else None."""
    text = doc.text
    start = pos
    while start > 0 and pos - start < ABBREVIATED_REACH and is_han(text[start - 1]):
        if text[start - 1] in CLAUSE_BREAKS:
            break
        start -= 1
    at_clause_start = start == 0 or text[start - 1] in CLAUSE_BREAKS or not is_han(text[start - 1])
    return start if at_clause_start and _abbreviated_long_name(doc, start, suffix_start) else None


@cache
def body_task_verbs() -> tuple[str, ...]:
    """Verbs of the task a body is named after (创建): ``body_task_verbs.txt``."""
    return tuple(read_entries("body_task_verbs.txt"))


@cache
def zone_abbreviations() -> tuple[str, ...]:
    """Zones written without their name as a division's abbreviation is (示范区): ``zone_abbreviations.txt``."""
    return tuple(read_entries("zone_abbreviations.txt"))


def _conjunction_ending(doc: Doc, pos: int) -> str | None:
    """The conjunction (及, 以及, 和, 与) that ends at ``pos``, if any."""
    for length in (2, 1):
        if pos >= length and doc.text[pos - length : pos] in doc.lex.conjunctions:
            return doc.text[pos - length : pos]
    return None


def _name_ends(doc: Doc, pos: int) -> bool:
    """Whether a body or place name ends at ``pos`` (a body suffix, known body or place)."""
    unit = doc.unit_ending.get(pos)
    if unit is not None and unit.kind in ("B", "K", "P") and not _broken_suffix(doc, unit.start, unit.end):
        return True
    return any(end == pos for _s, end, _n, _l in doc.place_spans)


def _zone_before(doc: Doc, start: int, end: int) -> bool:
    """Whether the place ``text[start:end]`` is a zone that holds many bodies (园区, 产业园): the name of a body
    after it is its own (起重工业园区|华诚起重集团), where a site otherwise opens a body's name (贾鲁河片区指挥部)."""
    if not doc.text.endswith(zone_suffixes(), start, end):
        return False
    # 石佛园区|运营中心: a word for what the zone's own body does names that body with the zone
    tag = word_tags().get(doc.text[end : end + 2], "")
    return tag[:1] not in ("n", "v", "a") or tag.startswith(("nr", "nz", "ns"))


@cache
def _governing_verbs() -> tuple[str, ...]:
    """Role verbs that govern the body after them (巡察, 调研: role_verbs.tsv, side ``after``), two characters
    or more."""
    return tuple(sorted({v.verb for v in role_verbs() if v.side == "after" and len(v.verb) > 1}, key=len, reverse=True))


def _governing_verb_at(text: str, pos: int) -> str:
    return next((verb for verb in _governing_verbs() if text.startswith(verb, pos)), "")


def _adverb_at(text: str, pos: int) -> bool:
    """Whether an adverb (坚决, 认真, 积极: tags d, ad) opens ``text[pos:]``: no name goes on with one."""
    tags = word_tags()
    return any(tags.get(text[pos : pos + length], "") in ("d", "ad") for length in (2, 3))


def _higher_division_at(text: str, pos: int) -> bool:
    """Whether a prefecture or province name, in full or without its 市/省, starts at ``pos`` (宜昌楚恒…, 湖北…)."""
    gazetteer = load_gazetteer()
    for length in (2, 3):
        stem = text[pos : pos + length]
        if len(stem) < length:
            break
        if gazetteer.named(stem + "市", "city") or gazetteer.named(stem + "省", "province"):
            return True
        if stem.endswith(("市", "省")) and gazetteer.named(stem) and not is_county_level(stem):
            return True
    return False


def _county_at(text: str, pos: int) -> bool:
    """Whether a county-level division's full name starts at ``pos`` (澧县, 汉寿县)."""
    gazetteer = load_gazetteer()
    return any(gazetteer.named(text[pos : pos + length], "district") for length in (2, 3, 4))


def _name_start(doc: Doc, suffix_start: int) -> int | None:
    """Where a body name ending in the suffix at ``suffix_start`` begins (None: no name).

    Free characters right after a place or body belong to the name whatever they are
    (中原区委理论学习中心组); free characters with nothing before them are trimmed to the nouns
    next to the suffix (郭宏力|带队, 要求|社会事业局).
    """
    text = doc.text
    place_ends = {end: start for start, end, _n, _l in doc.place_spans}
    town_ends = {end for _s, end, _n, level in doc.place_spans if level in LOCAL_LEVELS}
    pos = suffix_start
    free = 0
    anchored = False
    division_starts = {start for start, _e, _n, level in doc.place_spans if level not in LOCAL_LEVELS}
    while pos > 0:
        if pos in town_ends and pos < suffix_start and _higher_division_at(text, pos):
            anchored = True  # 小溪塔街道|宜昌楚恒化工有限公司: a company under its city's name, the town is where it is
            break
        opens_division = pos in division_starts or _county_at(text, pos)
        after_town = pos in town_ends or text.endswith(TOWN_ENDINGS, 0, pos)  # 码头铺镇, a town no list holds
        if opens_division and pos < suffix_start and (after_town or _conjunction_ending(doc, pos)):
            # 城头山镇|澧县稻香源农机专业合作社: a body under its county's name after a town, which is where it is;
            # 整治点和|汉寿县城北污水处理厂: a name opening with a division after a conjunction is the list's next item
            anchored = True
            break
        unit = doc.unit_ending.get(pos)
        is_anchor = unit is not None and unit.kind in ("P", "B", "K") and not _broken_suffix(doc, unit.start, unit.end)
        # a place anchors the name when only name words stand between (大庙村|便民服务|站), not
        # a verb (惠济区|委托第三方|公司)
        at_place = pos in place_ends and (free == 0 or _name_words_only(doc, pos, pos + free))
        if pos in place_ends and free >= MIN_CONJUNCT and _zone_before(doc, place_ends[pos], pos):
            anchored = free <= CLAUSE_NAME_MAX  # 起重工业园区|华诚起重集团: a company in a zone, named on its own
            break
        if is_anchor and unit is not None and unit.kind in ("B", "K") and free and _adverb_at(text, pos):
            break  # 尉氏县委|坚决拥护市委: a body then a verb phrase; the name is what follows
        governing = _governing_verb_at(text, pos) if is_anchor and unit is not None and unit.kind in ("B", "K") else ""
        if governing and free > len(governing):
            # 第三巡察组|巡察|开放办: a body, the verb it does to another, that other's name
            pos += len(governing)
            anchored = True
            break
        if is_anchor or at_place:
            pos = unit.start if is_anchor and unit is not None else place_ends[pos]
            free = 0
            anchored = True
            continue
        if unit is not None and unit.kind == "T":
            break
        conjunction = _conjunction_ending(doc, pos)
        if conjunction and _name_ends(doc, pos - len(conjunction)):
            anchored = free <= CLAUSE_NAME_MAX  # 贾鲁河片区指挥部及|金科集团: two names, as after 、
            break
        char = text[pos - 1]
        if char in CLAUSE_BREAKS or not is_han(char):
            # a short name that opens a clause is taken whole (、创新发展局, 、高新投控股集团), but for
            # the function words a clause may open with (,随着|保险公司, ,通过|村委会); a name opening with its
            # division's abbreviation and made of name words is whole however long (,县人力资源和社会保障局)
            anchored = free <= CLAUSE_NAME_MAX or _abbreviated_long_name(doc, pos, suffix_start)
            # (a name opening with its division's abbreviation is whole: ,县文化和旅游局 keeps its 和; so is one
            # opening with a zone's: ,示范区文化广电和旅游局, where 示范 is no verb to step over)
            zone_named = text.startswith(zone_abbreviations(), pos)
            if char != "、" and free and text[pos] not in ABBREVIATION_LEVELS and not zone_named:
                pos = doc.after_function_words(pos, suffix_start)
            if not zone_named:
                pos = _after_verb_before_place(doc, pos, suffix_start)
            break
        if doc.stop_ending_at(pos):
            # after a verb that governs a body (巡察|开放办, 调研|经济发展局) the name is taken whole
            # so is a name opening with its division's abbreviation (由|县禁毒委员会|主办: 禁毒 is a verb there)
            governed = any(text.endswith(verb, 0, pos) for verb in _governing_verbs())
            anchored = (governed or text[pos] in ABBREVIATION_LEVELS) and free <= CLAUSE_NAME_MAX
            break
        if free >= MAX_FREE:
            # ,示范区创建全国文明城市|指挥部: a clause opening with an abbreviated long name just before is whole
            start = _abbreviated_clause_start(doc, pos, suffix_start)
            if start is None:
                return None
            pos, anchored = start, True
            break
        pos -= 1
        free += 1
        anchored = False
    if pos == 0:  # the text opens with the name: as after a clause break
        anchored = free <= CLAUSE_NAME_MAX
        if free:
            pos = doc.after_function_words(pos, suffix_start)
        pos = _after_verb_before_place(doc, pos, suffix_start)
    if free and not anchored:
        pos = doc.trim_left(pos, pos + free, max_words=6)
    suffix = doc.unit_starting.get(suffix_start)
    if pos == suffix_start and suffix is not None and len(suffix.text) == 1:
        return None  # a lone 局 or 办 is no name
    if pos > suffix_start:
        return None  # a verb stepped over reached past the suffix (任委|任…): no name ends here
    return pos
