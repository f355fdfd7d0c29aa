"""Places: divisions and sites with their level and containment, and whose ``区``/``市`` an article means.

Two sources: known divisions (``known_places.tsv``, with aliases and parents) and names found by
their suffix (``place_suffixes.tsv``: 镇, 街道, 村, 社区, 公园, 路 …), whose left edge is the nearest
stop word, clause break, or place before them. A place right before another contains it
(花园口镇大庙村 → 大庙村 ⊂ 花园口镇); a site or village with no such container is placed in the
division the article is about (黄河滩地公园 in an article on 惠济区 → ⊂ 惠济区).

Which division does an abbreviation mean (``区委``, ``市政府``, ``区长``)? The rule, in order:
``区``/``县``/``镇``/``乡`` → the nearest division of that level named before it in the article
(the headline counts), else the first named after it; ``市`` → a county-level city the headline names
alone (not as a visit's destination) and the lead names too (新密市委常委会召开…: its 市委), else the home
city (``Settings.home_city``) when the headline and lead name it or name no city, else a county-level city
they name (荥阳市 on its own page), else the one other city they name (武汉市 in a report on Wuhan), else the
home city;
``省`` → the province of the home city.
"""

from __future__ import annotations

import re
from functools import cache

from kg.extract.determiners import PLACE, after_determiners
from kg.extract.divisions import article_county, county_before, county_prefecture, is_county_level, load_gazetteer
from kg.extract.lexicon import ABBREVIATION_LEVELS, load_lexicon, read_entries, word_tags
from kg.extract.mentions import CLAUSE_BREAKS, Doc, is_han
from kg.extract.visits import ends_phrase, visit_word_before, visit_words
from kg.model import Place

ADMIN_LEVELS = ("province", "city", "district", "town", "village")
MAX_STEM = {"town": 5, "village": 4, "site": 10}
MIN_STEM = 2
MAX_AFTER_VISIT = 2  # free characters after a visit word read as a whole name (来到|练集镇)
MAX_TOWN_AFTER_VISIT = 3  # and before a town's suffix (深入|码头铺镇)
# a town's name holding one of these names its county first (梁河县河西乡)
COUNTY_SUFFIXES = "县旗区"
# a village's name right after a word (三乡镇|东柳泉村): the word is a town's name, not the generic 乡镇
_VILLAGE_NEXT = re.compile(r"[\u4e00-\u9fff]{2,4}?(?:村|社区)(?![\u4e00-\u9fff]{0,1}[民委])")
# tags of function words (pronoun, preposition, conjunction, particle, adverb, numeral, measure word): 各|河段
FUNCTION_TAGS = ("r", "p", "c", "u", "d", "m", "q")
LIST_JOINERS = "和及与"  # one-character words that join the items of a list of names, as 、 does
MAX_PROJECT_GAP = 4  # nouns between a site's name and the word that makes it a project (园区|安置房|项目)


def find_places(doc: Doc) -> None:
    """Add LOC mentions and :class:`Place` objects for every place the article names."""
    lex = doc.lex
    text = doc.text
    spans: list[tuple[int, int, str, str]] = []
    # Known divisions and their aliases (units of kind P).
    for unit in doc.units:
        if unit.kind != "P":
            continue
        canonical = lex.canonical_place(unit.text)
        qualified = unit.text != canonical or _generic_zone_name(doc, canonical)
        other = _other_division_before(doc, unit.start, canonical) if qualified else None
        if other is not None:
            # 汝州|高新技术产业开发区: the zone of another county or city, not the alias's own (郑州's 高新区)
            spans.append((unit.start - len(other), unit.end, other + unit.text, "site"))
            continue
        if unit.text != canonical and unit.text not in lex.standalone_aliases:
            # 中原 alone is no place; 中原 + a body or place suffix is (中原绿化管理队).
            following = doc.unit_starting.get(unit.end)
            if following is None or following.kind not in ("B",):
                continue
        spans.append((unit.start, unit.end, canonical, lex.known_places[canonical].level))
    spans.extend(_gazetteer_spans(doc, spans))
    spans.extend(_numbered_road_spans(doc, spans))
    # Places found by their suffix, left to right so that a place can contain the next one.
    known_ends = {end: (start, name, level) for start, end, name, level in spans}
    found: list[tuple[int, int, str, str]] = []
    ends_found: dict[int, tuple[int, str, str]] = dict(known_ends)
    for match in _suffix_regex(doc).finditer(text):
        start_suffix, end = match.start(), match.end()
        suffix = match.group()
        level = lex.place_suffixes[suffix]
        unit = doc.unit_covering(start_suffix)
        office = suffix in office_suffixes(doc) and unit is not None and (unit.start, unit.end) == (start_suffix, end)
        # 科|技园: a one-character body suffix opening a word (non_bodies.txt) is no body there, the place suffix stands
        opens_word = unit is not None and len(unit.text) == 1 and text[unit.start : unit.end + 1] in lex.non_bodies
        if unit is not None and unit.kind in ("B", "T", "K", "P") and unit.end > start_suffix and not (
            office or opens_word
        ):
            continue
        longer = (len(suffix) + 1, len(suffix) + 2)
        # 村民 is a word, but in 岸上村|民宿集群 the characters after the suffix make a noun of their own
        word_after = word_tags().get(text[end : end + 2]) == "n"
        kept_word = word_after or _river_before_section(doc, start_suffix, suffix, ends_found)
        if (any(text[start_suffix : start_suffix + k] in lex.non_places for k in longer) and not kept_word) or (
            any(text[max(0, end - k) : end] in lex.non_places for k in longer) and not _VILLAGE_NEXT.match(text, end)
        ):
            continue  # 乡村, 村民, 跑路: the suffix is part of another word (but 三乡镇东柳泉村: a town, its village)
        # 丰产路街道|人力资源市场, 某镇|农贸市场: a zone's kind right after its town or village is its whole name there
        # and so is a zone's kind of three characters or more right after its county or city (长葛市|科技园区)
        held_by = ends_found.get(start_suffix, (0, "", ""))[2]
        held_zone = _is_zone(suffix) and (
            held_by in ("town", "village") or (held_by in ("district", "city") and len(suffix) >= 3)
        )
        start = start_suffix if held_zone else _stem_start(doc, start_suffix, MAX_STEM[level], ends_found, suffix)
        if start is None:
            continue
        start = after_determiners(doc, start, start_suffix, PLACE)  # 众多|山, 一种|泸沽湖
        if office and any(word in text[start:start_suffix] for word in _office_non_area()):
            continue  # 驻京办事处: a representative office, it governs no area
        if start_suffix - start < _min_stem(doc, suffix, start, ends_found) and not held_zone:
            continue  # 众多|山, 很多|小山: a determiner and a kind
        name = text[start:end]
        generic_end = any(name.endswith(w) and len(w) >= len(name) - 1 for w in lex.non_places)
        if name in lex.non_places or (generic_end and not _VILLAGE_NEXT.match(text, end)):
            continue
        if _kind_only(doc, text[start:start_suffix]) and not held_zone:
            continue  # 核心片区, 区级公园, 青少年社区, 旅游景区, 原料仓库: a kind of place, no name
        if level == "site" and _idiom_before(doc, start, start_suffix):
            continue  # 脱贫致富路: a slogan, not a road (解放路, 建设路 are roads)
        container = _division_inside(doc, start, start_suffix)
        if container is not None and container < start_suffix and lex.only_generic(text[container:start_suffix]):
            container = None  # 中央文化区北核心片区: a part of the zone, named after it, is one name
        if container is not None:
            # 安义县万埠镇: the county is a place of its own and contains the town
            found.append((start, container, text[start:container], "district"))
            ends_found[container] = (start, text[start:container], "district")
            start, name = container, text[container:end]
            if end - start <= len(suffix):
                continue  # 梁河县|河…: the suffix starts the next name, it ends none
        before = ends_found.get(start)
        held = (before is not None and before[2] in ADMIN_LEVELS) or _opens_with_division(doc, start, start_suffix)
        held = held or _division_section(doc, start, start_suffix, ends_found)
        if suffix in lex.contained_suffixes and not held:
            continue  # …高质量发展核心示范区: a policy zone; 东狼城岗村|高标准农田示范区, 曲周|经济开发区 are sites
        if level == "site" and before is not None and before[2] == "village" and (
            _is_zone(name) or suffix in lex.contained_suffixes
        ):
            # 汪洋村|莲藕产业园, 东狼城岗村|高标准农田示范区: a zone is named with the village it lies in; a site
            # with a name of its own is not (何家冲村|红二十五军长征出发地纪念馆)
            name = before[1] + name
        project = _project_end(doc, end) if level == "site" else None
        if level == "site" and before is not None and before[2] in ("district", "city") and _is_zone(name):
            name = before[1] + name  # 长垣市|起重工业园区: a county's industrial zone is named with it
        elif level == "site" and before is not None and before[2] == "town" and _is_zone(name) and project is None:
            name = before[1] + name  # 出山镇|种业产业园: so is a town's (not a project built in it: 国基路街道|…项目)
        if project is not None:
            name, end = name + text[end:project], project  # 河南智能传感产业园|项目
        found.append((start, end, name, level))
        ends_found[end] = (start, name, level)
    spans.extend(found)
    spans.sort(key=lambda s: (s[0], -s[1]))
    # Keep the outer of nested places (长兴路街道 over 长兴路).
    kept: list[tuple[int, int, str, str]] = []
    for span in spans:
        if kept and kept[-1][0] <= span[0] and span[1] <= kept[-1][1]:
            continue
        kept.append(span)
    doc.place_spans = [_with_house_number(doc, span) for span in kept]
    abbreviated = _abbreviated_sites(doc)
    for start, end, _name, _level in kept:
        doc.add_mention("LOC", start, end, "lexicon" if (start, end) in {(s, e) for s, e, _, _ in spans} else "rule")
    for start, end, _name, _level in abbreviated:
        doc.add_mention("LOC", start, end, "rule")
    doc.place_spans = sorted(doc.place_spans + abbreviated, key=lambda span: (span[0], -span[1]))
    _build_places(doc)


def _river_before_section(doc: Doc, start: int, suffix: str, ends_found: dict[int, tuple[int, str, str]]) -> bool:
    """会亭镇|沱河段: a river's suffix opening a word of its own (河段, non_places.txt) still ends the river's name
    where one or two characters that make no word stand between it and the division the river runs through."""
    if suffix not in doc.lex.natural_suffixes or start in ends_found:
        return False  # 木寨村鹳河|河段: a river's name ends before it, the suffix opens the word 河段
    for length in (1, 2):
        stem = doc.text[max(0, start - length) : start]
        before = ends_found.get(start - length)
        if before is None or before[2] not in ADMIN_LEVELS or not all(is_han(c) for c in stem):
            continue
        tag = word_tags().get(stem)
        name_like = tag is None if length == 2 else not (tag or "n").startswith(FUNCTION_TAGS)
        if name_like and stem not in doc.lex.weak_stops:
            return True
    return False


def _division_section(doc: Doc, start: int, end: int, ends_found: dict[int, tuple[int, str, str]]) -> bool:
    """长江|枝江|段: a site (a river) followed by the short name of a division it runs through names its section
    there, a site of its own (a contained suffix needs no place before it then)."""
    site_end = next((e for e, (s, _n, level) in ends_found.items() if s == start and level == "site" and e < end), None)
    if site_end is None:
        return False
    short = doc.text[site_end:end]
    if not 2 <= len(short) <= 3 or not all(is_han(c) for c in short):
        return False
    names = [short, *(short + suffix for suffix in ("市", "县", "区"))]
    return any(name in doc.lex.known_places or load_gazetteer().named(name) for name in names)


def _opens_with_division(doc: Doc, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` opens with the two-character short name of a county or city (曲周|经济 of
    曲周经济开发区: 曲周县)."""
    short = doc.text[start : start + 2]
    if end - start < 3 or not all(is_han(c) for c in short):
        return False
    names = [short + suffix for suffix in ("市", "县", "区")]
    return any(name in doc.lex.known_places or load_gazetteer().named(name) for name in names)


def _development_zone(doc: Doc, name: str) -> bool:
    """Whether a site's name is a development zone's: a zone suffix (zone_suffixes.txt) or a known zone's kind
    (高新区, 经开区) ends it."""
    if _is_zone(name):
        return True
    kinds = [c for c in doc.lex.known_places if name.endswith(c) and _generic_zone_name(doc, c)]
    return bool(kinds)


def _generic_zone_name(doc: Doc, canonical: str) -> bool:
    """Whether a known place's own name is a kind of zone its city qualifies in an alias (高新区: 郑州高新区), so
    that another county's or city's short name before it names that place's zone (界首|高新区)."""
    known = doc.lex.known_places.get(canonical)
    if known is None or not known.parent:
        return False
    short = known.parent[:-1] if known.parent.endswith(("市", "县", "区")) else known.parent
    return doc.lex.place_aliases.get(short + canonical) == canonical


def _other_division_before(doc: Doc, start: int, canonical: str) -> str | None:
    """The short name (two characters) of a county or city other than the known place's own container,
    written right before an alias of that place (汝州|高新技术产业开发区), or None."""
    short = doc.text[max(0, start - 2) : start]
    if len(short) < 2 or not all(is_han(c) for c in short):
        return None
    known = doc.lex.known_places.get(canonical)
    parent = known.parent if known is not None else None
    for suffix in ("市", "县", "区"):
        name = short + suffix
        if name != parent and name != canonical and (name in doc.lex.known_places or load_gazetteer().named(name)):
            return short
    return None


def _abbreviated_sites(doc: Doc) -> list[tuple[int, int, str, str]]:
    """在区文化馆举行, 到县体育馆: a site named by its division's abbreviation and a site suffix only is that
    division's (金水区文化馆), where a visit word, a clause break or the text's start stands before it."""
    lex = doc.lex
    text = doc.text
    taken = [(s, e) for s, e, _n, _l in doc.place_spans]
    found = []
    for match in _suffix_regex(doc).finditer(text):
        start = match.start() - 1
        if start < 0 or text[start] not in ABBREVIATION_LEVELS or lex.place_suffixes[match.group()] != "site":
            continue
        if any(s < match.end() and start < e for s, e in taken):
            continue
        opens = start == 0 or text[start - 1] in CLAUSE_BREAKS or not is_han(text[start - 1])
        visit = visit_words()
        if not opens and not any(text.endswith(w, 0, start) for w in visit.to + visit.at):
            continue
        division = resolve_abbreviation(doc, text[start], start)
        if division is not None:
            found.append((start, match.end(), division + match.group(), "site"))
    return found


@cache
def _place_kind_words() -> frozenset[str]:
    """旅游, 原料 (``place_kind_words.txt``): alone before a place suffix they make a kind of place."""
    return frozenset(read_entries("place_kind_words.txt"))


def _kind_only(doc: Doc, stem: str) -> bool:
    """Whether a name's stem is only generic modifiers (lexicon.only_generic) and words of the kinds of places
    (旅游|景区, 原料|仓库): it names no place."""
    if not stem:
        return False
    for length in range(len(stem), 0, -1):
        head = stem[:length]
        if (head in _place_kind_words() or doc.lex.only_generic(head)) and (
            length == len(stem) or _kind_only(doc, stem[length:])
        ):
            return True
    return False


@cache
def zone_suffixes() -> tuple[str, ...]:
    """Place suffixes of zones that hold many bodies (园区, 产业园), from ``zone_suffixes.txt``."""
    return tuple(read_entries("zone_suffixes.txt"))


def _is_zone(name: str) -> bool:
    return name.endswith(zone_suffixes())


@cache
def site_extensions() -> tuple[str, ...]:
    return tuple(read_entries("site_extensions.txt"))


def _project_end(doc: Doc, end: int) -> int | None:
    """Where the project a site's name opens ends (产业园|项目, 园区|安置房|项目), or None."""
    text = doc.text
    for gap in range(MAX_PROJECT_GAP + 1):
        pos = end + gap
        if pos > len(text) or (gap and (not is_han(text[pos - 1]) or text[pos - 1] in CLAUSE_BREAKS)):
            return None
        word = next((w for w in site_extensions() if text.startswith(w, pos)), None)
        if word is not None:
            between = text[end:pos]
            if between and between[0] in LIST_JOINERS:
                return None  # 旅游景区|和在建工程: a conjunction opens the next item, its project is not the site's
            if between and (word_tags().get(between, "n")[:1] not in ("n",) or doc.stop_ending_at(pos)):
                return None
            return pos + len(word)
    return None


@cache
def _works_site_words() -> tuple[str, ...]:
    return tuple(read_entries("works_site_words.txt"))


def _works_site_end(text: str, end: int) -> int:
    """Where a project's name ends with the ground it is built on (改建工程|施工现场), or ``end``."""
    word = next((w for w in _works_site_words() if text.startswith(w, end)), "")
    return end + len(word)


@cache
def _numbered_road_regex() -> re.Pattern[str]:
    kinds = "|".join(map(re.escape, read_entries("numbered_road_words.txt")))
    return re.compile(rf"(?:{kinds})[A-Z]?\d{{1,4}}线?|\d{{1,4}}(?:{kinds})")


def _numbered_road_spans(doc: Doc, known: list[tuple[int, int, str, str]]) -> list[tuple[int, int, str, str]]:
    """Numbered roads (国道209线, 209国道: ``numbered_road_words.txt``), sites, named with a project on them and its
    works site (国道209线|改建工程|施工现场) where one follows: a road runs through many places, the works site is where
    a visit went (a project on a park or zone keeps its own name: 金水科教园区安置房项目)."""
    found = []
    for match in _numbered_road_regex().finditer(doc.text):
        start, end = match.span()
        if any(s < end and start < e for s, e, _n, _l in known):
            continue
        project = _project_end(doc, end)
        if project is not None:
            end = _works_site_end(doc.text, project)
        found.append((start, end, doc.text[start:end], "site"))
    return found


@cache
def _gazetteer_regex() -> re.Pattern[str]:
    """Prefectures and counties of the whole country (divisions.tsv) with a name of three characters or
    more (石家庄市, 长安区, 正定县): those known_places.tsv lacks are found through it."""
    names = [n for n, found in load_gazetteer().by_name.items() if len(n) >= 3
             and any(d.level in ("city", "district") for d in found)]
    return re.compile("|".join(map(re.escape, sorted(names, key=len, reverse=True))))


@cache
def _short_county_regex() -> re.Pattern[str]:
    """Counties named by one character and 县 (涉县, 滑县, 沛县): found only where a word cannot end
    before them (:func:`_short_county_bounded`), since 和县 and 成县 hide in 市委和县委, 形成县域."""
    names = [n for n, found in load_gazetteer().by_name.items() if len(n) == 2 and n.endswith("县")
             and any(d.level == "district" for d in found)]
    return re.compile("|".join(map(re.escape, sorted(names))))


def _short_county_bounded(text: str, start: int, name: str) -> bool:
    """Whether a one-character county name starts a word: after no Chinese character, after a visit
    word of two characters or one that itself starts a word (来到涉县, ，在涉县), or right after its own
    prefecture or province (邯郸市涉县, 河北涉县)."""
    if start == 0 or not is_han(text[start - 1]):
        return True
    if _river_section_of(text, start, name):
        return True
    words = visit_words()
    for word in words.to + words.at:
        if text.endswith(word, 0, start) and (len(word) > 1 or start == 1 or not is_han(text[start - 2])):
            return True
    gazetteer = load_gazetteer()
    for county in gazetteer.named(name, "district"):
        parent = county.parent
        while parent:
            stem = parent[:-1] if parent[-1] in "市省" and len(parent) > 2 else parent
            if text.endswith(parent, 0, start) or text.endswith(stem, 0, start):
                return True
            up = gazetteer.named(parent)
            parent = up[0].parent if up else None
    return False


def _river_section_of(text: str, start: int, name: str) -> bool:
    """渭河|眉县|段: a one-character county between a river's suffix (``place_suffixes.tsv``'s ``natural``) and a
    one-character section suffix (its ``contained`` 段) names the river's section in that county."""
    lex = load_lexicon()
    end = start + len(name)
    sections = [s for s in lex.contained_suffixes if len(s) == 1]
    return text[start - 1] in lex.natural_suffixes and any(text.startswith(s, end) for s in sections)


def _gazetteer_matches(text: str) -> list[re.Match[str]]:
    """Gazetteer names in ``text``: those of three characters or more, then bounded one-character counties
    where no longer name stands."""
    matches = list(_gazetteer_regex().finditer(text))
    for match in _short_county_regex().finditer(text):
        if any(m.start() < match.end() and match.start() < m.end() for m in matches):
            continue
        if _short_county_bounded(text, match.start(), match.group()):
            matches.append(match)
    return sorted(matches, key=lambda m: m.start())


def _gazetteer_spans(doc: Doc, known: list[tuple[int, int, str, str]]) -> list[tuple[int, int, str, str]]:
    """Divisions outside known_places.tsv (长安区 on a 石家庄 page) where no known place stands."""
    gazetteer = load_gazetteer()
    found = []
    for match in _gazetteer_matches(doc.text):
        start, end, name = match.start(), match.end(), match.group()
        if name in doc.lex.known_places or doc.lex.place_aliases.get(name) is not None or name in doc.lex.non_places:
            continue  # known already, or a word (新城区公园: non_places.txt)
        if any(s < end and start < e for s, e, _n, _l in known):
            continue
        unit = doc.unit_covering(start)
        if unit is not None and unit.kind in ("B", "T", "K") and unit.end > start:
            continue
        levels = {d.level for d in gazetteer.named(name)}
        found.append((start, end, name, "city" if levels == {"city"} else "district"))
    return found


def _gazetteer_parent(doc: Doc, name: str, level: str) -> str | None:
    """The container of a division only the gazetteer knows: a county's prefecture (the home province's
    when the name repeats), a prefecture's province."""
    if level == "district":
        home = doc.settings.home_city
        return home if home in load_gazetteer().prefectures_of(name) else county_prefecture(name, home)
    parents = {d.parent for d in load_gazetteer().named(name, level) if d.parent}
    return parents.pop() if len(parents) == 1 else None


@cache
def _house_number() -> re.Pattern[str]:
    suffixes = sorted(read_entries("address_suffixes.txt"), key=len, reverse=True)
    return re.compile(rf"[0-9０-９]+(?:[—\-－~～至到][0-9０-９]+)?(?:{'|'.join(map(re.escape, suffixes))})")


def _with_house_number(doc: Doc, span: tuple[int, int, str, str]) -> tuple[int, int, str, str]:
    """A road and the house number after it are one site (颍河路166—171号院), see ``address_suffixes.txt``."""
    start, end, name, _level = span
    if not name.endswith(doc.lex.road_suffixes):
        return span
    match = _house_number().match(doc.text, end)
    if match is None:
        return span
    return start, match.end(), doc.text[start : match.end()], "site"


def office_suffixes(doc: Doc) -> frozenset[str]:
    """Place suffixes that are body suffixes too (``place_suffixes.tsv``'s third column ``office``): the
    office and the area it governs share one name (梧桐办事处 is a body and a town-level place)."""
    return doc.lex.office_suffixes


@cache
def _office_non_area() -> tuple[str, ...]:
    return tuple(read_entries("office_non_area.txt"))


def _idiom_before(doc: Doc, start: int, end: int) -> bool:
    """Whether the words before a site's suffix are an idiom or set phrase (脱贫致富|路)."""
    tags = word_tags()
    text = doc.text
    for length in range(min(4, end - start), 1, -1):
        tag = tags.get(text[end - length : end])
        if tag is not None:
            return tag in ("l", "i")
    return False


def _division_inside(doc: Doc, start: int, end: int) -> int | None:
    """The end of a county or district named at the start of a town's or village's name."""
    text = doc.text
    for pos in range(start + 2, end + 1):
        if text[pos - 1] in COUNTY_SUFFIXES:
            return pos
    return None


@cache
def _compiled_suffixes(suffixes: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(re.escape(s) for s in suffixes))


def _suffix_regex(doc: Doc) -> re.Pattern[str]:
    """Place suffixes whose names are found by rule (市, 区, 县, 省 are only known divisions)."""
    lex = doc.lex
    return _compiled_suffixes(tuple(s for s in lex.place_suffix_list if lex.place_suffixes[s] in MAX_STEM))


# Units of a date (2025年, 11月, 20日): after digits, one of them ends the date, it opens no name
DATE_UNITS = frozenset("年月日")


def _stem_start(
    doc: Doc, suffix_start: int, max_stem: int, ends_found: dict[int, tuple[int, str, str]], suffix: str = ""
) -> int | None:
    """Where the name before a place suffix starts, or None when it is too short to be a name.

    After a container (嵩阳街道|迎仙阁社区) or in a list (、须水河核心片区) the characters before the
    suffix are a name whatever words they make; elsewhere the name is trimmed to the nouns next to the
    suffix, and a verb may stand next to the suffix of a road only (建设|路, but 引导|社区 is no name).
    """
    text = doc.text
    lex = doc.lex
    road = suffix in lex.road_suffixes
    town = lex.place_suffixes.get(suffix) == "town"
    pos = suffix_start
    free_end = suffix_start  # the free characters before the suffix end here (or before a site taken in)
    whole = False  # the stem is taken untrimmed
    former = False  # a body's former site (旧址) was passed: its name is the site's
    while pos > 0 and suffix_start - pos < max_stem:
        if pos in ends_found:
            start, name, level = ends_found[pos]
            # a named site on a road lies on it (航海东路|宇通花园小区); a site named by one common word only is
            # named with the road (牌坊街|文化广场)
            after_road = (
                name.endswith(lex.road_suffixes) and not road and suffix_start - pos >= MIN_STEM
                and not _one_word(text[pos:suffix_start])
            )
            short_prefix = level in ("province", "city", "district") and text[start:pos] != name and (
                pos < suffix_start
                # 黄河|郑州|段: a division written short between a site and a contained suffix names a section
                or (suffix in lex.contained_suffixes and ends_found.get(start, (0, "", ""))[2] == "site")
            )
            # a park with a name of its own in a development zone (界首高新区|田营科技园) lies in it
            in_zone = (
                level == "site" and suffix_start - pos >= MIN_STEM and _development_zone(doc, name)
                and not _kind_only(doc, text[pos:suffix_start])  # 二砂文化创意园|核心片区: a part of it, one name
            )
            if (
                level == "site" and not (road and name.endswith(lex.road_suffixes)) and not after_road and not in_zone
            ) or short_prefix:
                # 黄河 + 滩地公园, 长兴路 + 街道, 春藤路 + 校区: part of the name; so is a province or city
                # written short (河南|智能传感产业园, 郑州|中学附属小学)
                pos = free_end = start
                continue
            # an admin division before: the container, not part of the name; a road before a road
            # (春藤路|玉兰街) is a crossing of two; a named site on a road (航海东路|宇通花园小区) lies on it
            whole = True
            if level in ("city", "district") and text[pos : pos + 1] in _section_suffixes(doc) and (
                suffix_start - pos > MIN_STEM
            ):
                pos += 1  # 渭河眉县段|常兴镇: the section of a river in the county ends before the town's name
            break
        char = text[pos - 1]
        # 代表、和尚桥镇: a conjunction never opens an item or a clause, so there it is the name's first character
        opens_item = pos < 2 or text[pos - 2] in CLAUSE_BREAKS
        if char in CLAUSE_BREAKS or not is_han(char) or (char in lex.weak_stops and not opens_item):
            # an item of a list of names (、须水河核心片区); so is a town's name after 和, 及, 与 (和舞泉镇, 和杨集乡:
            # 舞 and 集 read as other words, but a conjunction never stands inside a town's short name)
            whole = pos < free_end and (char == "、" or (char in LIST_JOINERS and town))
            break  # 和, 与, 及 join place names, they are never inside one
        if doc.stop_ending_at(pos):
            break
        unit = doc.unit_ending.get(pos)
        # a road named after a body (农科|路, 学院|路, 医院|路): the suffix is part of the road's name
        named_after = road and unit is not None and unit.kind == "B" and pos == suffix_start
        # a one-character suffix opening a word (科|教, 处|理: non_bodies.txt) is no suffix there
        broken = unit is not None and len(unit.text) == 1 and text[unit.start : unit.end + 1] in lex.non_bodies
        # 司令部|旧址纪念馆: the body whose former site this is names it, and so do the words before it
        former = former or (unit is not None and text.startswith(_former_site_words(), pos, suffix_start))
        # 来到|站|街镇: a one-character suffix with no name before it ends no body
        stemless = unit is not None and _stemless_suffix(text, unit.start, unit.end)
        if unit is not None and unit.kind in ("B", "T", "K") and not (named_after or broken or former or stemless):
            break
        pos -= 1
    if not whole and pos in ends_found and ends_found[pos][2] in ADMIN_LEVELS and suffix_start - pos == max_stem:
        whole = True  # 何家冲村|红二十五军长征出发地纪念馆: a name of the longest length, right after its village
    if free_end > pos and not whole:
        if lex.place_suffixes.get(suffix) == "village" and _verb_before(text, pos, free_end):
            return None  # 引导社区居民, 服务社区: a verb and its object
        trimmed = doc.trim_left(pos, free_end, max_words=4, first_verb=road)
        if trimmed == free_end and word_tags().get(text[free_end - 1]) == "q":
            # 摘星|台|公园: one character read as a measure word next to the suffix ends a name when nouns stand
            # before it (not a numeral or pronoun: 一座|公园, 这片|小区)
            before_measure = doc.trim_left(pos, free_end - 1, max_words=3)
            if free_end - 1 - before_measure >= MIN_STEM:
                trimmed = before_measure
        pos = _after_visit_word(text, pos, trimmed, MAX_TOWN_AFTER_VISIT if town else MAX_AFTER_VISIT)
    if pos < suffix_start and text[pos] in DATE_UNITS and pos > 0 and text[pos - 1].isdigit():
        pos += 1  # 2025年|城镇: a date's unit after its digits opens no name
    if suffix_start - pos < _min_stem(doc, suffix, pos, ends_found):
        return None
    return pos


def _section_suffixes(doc: Doc) -> frozenset[str]:
    """段: the one-character ``contained`` suffixes of ``place_suffixes.tsv``, a section of a river or road."""
    return frozenset(s for s in doc.lex.contained_suffixes if len(s) == 1)


def _min_stem(doc: Doc, suffix: str, start: int, ends_found: dict[int, tuple[int, str, str]]) -> int:
    """The shortest name before a suffix: one character for a river or lake right after the division it runs
    through (木寨村|鹳河), where it cannot be part of a word; two elsewhere."""
    before = ends_found.get(start)
    if suffix in doc.lex.natural_suffixes and before is not None and before[2] in ADMIN_LEVELS:
        return 1
    return MIN_STEM


def _one_word(stem: str) -> bool:
    """Whether ``stem`` is one common two-character word of the dictionary (文化, 中心), no proper name."""
    return len(stem) == 2 and word_tags().get(stem) == "n"


def _stemless_suffix(text: str, start: int, end: int) -> bool:
    """A one-character body suffix with no name before it (来到|站|街镇, a clause's first character): it ends
    no body there, so it is part of the place name it stands in (站街镇)."""
    if end - start != 1:
        return False
    if start == 0 or not is_han(text[start - 1]) or text[start - 1] in CLAUSE_BREAKS:
        return True
    words = visit_words()
    return any(text.endswith(w, 0, start) for w in words.to + words.at)


@cache
def _former_site_words() -> tuple[str, ...]:
    """旧址, 遗址 (``former_site_words.txt``): the body before one of them names the site."""
    return tuple(read_entries("former_site_words.txt"))


def _after_visit_word(text: str, start: int, trimmed: int, most: int) -> int:
    """来到|练集镇, 深入|出山镇: free characters right after a visit word, two at most (three before a town's
    suffix: 深入|码头铺镇), are the whole name even where they read as other words (练, 出, 铺 as verbs)."""
    words = visit_words()
    if start < trimmed <= start + most and any(text.endswith(w, 0, start) for w in words.to + words.at):
        return start
    return trimmed


def _verb_before(text: str, start: int, end: int) -> bool:
    """Whether the dictionary word right before ``end`` (within ``text[start:end]``) is a verb."""
    tags = word_tags()
    for length in range(min(4, end - start), 1, -1):
        tag = tags.get(text[end - length : end])
        if tag is not None:
            return tag in ("v", "vn")
    return False


def _build_places(doc: Doc) -> None:
    lex = doc.lex
    # sites and villages that name no container lie in the division a visit went to (赴登封参观…陈列馆),
    # else in the one the article is about
    # (a county-level city counts: 狮豹头乡 on a page about 卫辉市 lies in 卫辉市, not in the paper's city)
    visited = _visit_destination(doc)
    home_district = visited or article_county(doc.place_spans)
    previous: tuple[int, int, str, str] | None = None
    for span in doc.place_spans:
        start, _end, name, level = span
        known = lex.known_places.get(name)
        parent: str | None = known.parent if known else None
        if known is None and level in ("city", "district"):
            parent = _gazetteer_parent(doc, name, level)  # 长安区 ⊂ 石家庄市 on a 石家庄 page
        on_road = level == "site" and previous is not None and previous[2].endswith(lex.road_suffixes)
        if parent is None and previous is not None and previous[1] == start and (
            _rank(previous[3]) < _rank(level) or (on_road and not name.endswith(lex.road_suffixes))
        ):
            parent = previous[2]  # 花园口镇|大庙村; 航海东路|宇通花园小区 (a site on a road)
        if parent is None and level == "site":
            parent = _opening_division(doc, name)  # 郑州上街机场 ⊂ 上街区: the divisions its name opens with
        if parent is None and level == "site":
            parent = _town_named_after(doc, name)  # 王屋山景区 ⊂ 王屋镇: the town the article names after it
        if parent is None and level in ("town", "village", "site"):
            # the visit's destination, else the county its sentence names before it (赴兰考县……在东坝头乡),
            # else the article's
            county = county_before(doc.place_spans, start, doc.sentence_span(start)[0])
            parent = visited or county or home_district or doc.settings.home_city
        if parent == name:
            parent = None
        if level == "country":
            previous = span
            continue  # 中华人民共和国成立…: a state, not a place an event happens at (nor a site)
        if name not in doc.places or (doc.places[name].parent is None and parent):
            doc.places[name] = Place(name=name, level=level, parent=parent)
        previous = span
    # The known containers of known places (惠济区 ⊂ 郑州市 ⊂ 河南省) are places too.
    for name in list(doc.places):
        parent = doc.places[name].parent
        while parent and parent not in doc.places and parent in lex.known_places:
            known = lex.known_places[parent]
            if known.level == "country":
                break
            doc.places[parent] = Place(parent, known.level, known.parent if known.parent != "中华人民共和国" else None)
            parent = known.parent
        # and the gazetteer's, for divisions outside known_places.tsv (石家庄市 ⊂ 河北省)
        while parent and parent not in doc.places and (up := load_gazetteer().named(parent)):
            level = up[0].level
            grand = up[0].parent if len({d.parent for d in up}) == 1 else None
            doc.places[parent] = Place(parent, level, grand)
            parent = grand


def _opening_division(doc: Doc, name: str) -> str | None:
    """The district a site's name opens with, written short, maybe after its city (郑州|上街|机场 → 上街区)."""
    lex = doc.lex
    pos = 0
    while True:
        alias = next(
            (name[pos:end] for end in range(len(name) - 1, pos + 1, -1)
             if name[pos:end] in lex.place_aliases and lex.place_aliases[name[pos:end]] in lex.known_places),
            None,
        )
        if alias is None:
            return None
        canonical = lex.place_aliases[alias]
        if lex.known_places[canonical].level not in ("province", "city", "district"):
            return None
        pos += len(alias)
        if lex.known_places[canonical].level == "district":
            return canonical  # a province or city alone (河南|智能传感产业园) says less than the article's district


def _town_named_after(doc: Doc, name: str) -> str | None:
    """The town the article names whose name without its suffix (two characters or more) opens a site's name
    (王屋|山景区 in 王屋镇): a mountain, lake or scenic area gives its name to the town around it. A stem that is a
    place's name of its own (黄河 of 黄河街道, a river running through many places) says nothing of where."""
    named = {n for _s, _e, n, _l in doc.place_spans}
    for _start, _end, town, level in doc.place_spans:
        if level != "town":
            continue
        suffix = next((s for s in doc.lex.place_suffix_list if town.endswith(s)), "")
        stem = town[: len(town) - len(suffix)]
        own_name = stem in named or stem in doc.lex.place_suffixes or stem in doc.lex.known_places
        if len(stem) >= MIN_STEM and name.startswith(stem) and len(name) > len(stem) and not own_name:
            return town
    return None


def _visit_destination(doc: Doc) -> str | None:
    """The first district or city named right after a visit word (到惠济区, 赴登封), see ``visit_words.tsv``."""
    name_ends = {end: start for start, end, _n, _l in doc.place_spans}
    for start, end, name, level in doc.place_spans:
        if level not in ("district", "city") or not ends_phrase(doc.text, end):
            continue  # 来到…郑州红星化工有限公司: the city opens a company's name, nobody went to it
        if visit_word_before(doc.text, start, name_ends, end) == "to":
            return name
    return None


def _rank(level: str) -> int:
    return ADMIN_LEVELS.index(level) if level in ADMIN_LEVELS else len(ADMIN_LEVELS)


def article_division(doc: Doc, level: str) -> str | None:
    """The division of ``level`` the article is about: the first one its headline or text names."""
    for _start, _end, name, place_level in doc.place_spans:
        if place_level == level:
            return name
    return None


def resolve_abbreviation(doc: Doc, char: str, pos: int) -> str | None:
    """The full name of the division ``char`` (区, 市, 县 …) means at ``pos`` (see the module doc)."""
    level = ABBREVIATION_LEVELS.get(char)
    if level is None:
        return None
    lex = doc.lex
    if char == "市":
        return _article_city(doc)
    if char == "省":
        home = lex.known_places.get(doc.settings.home_city)
        # a city known_places.tsv does not list (石家庄市 on its own paper's page): the gazetteer's province
        return home.parent if home else load_gazetteer().province_of(doc.settings.home_city)
    before = [name for start, _e, name, lv in doc.place_spans if lv == level and start < pos and _matches(name, char)]
    if before:
        return before[-1]
    after = [name for start, _e, name, lv in doc.place_spans if lv == level and start >= pos and _matches(name, char)]
    return after[0] if after else None


def _article_city(doc: Doc) -> str:
    """The city ``市`` means: see the module doc (the home city unless the lead names another)."""
    lex = doc.lex
    home = doc.settings.home_city
    headline_end = len(doc.article.headline)
    lead_end = doc.sentence_span(min(headline_end + 1, max(0, len(doc.text) - 1)))[1]
    cities: list[str] = []
    visited = _visit_destination(doc)  # 市委常委…到荥阳市调研: the visitor's 市 is not the visited city
    for start, _end, name, level in doc.place_spans:
        if start >= lead_end:
            break
        if name == visited:
            continue
        if name.endswith("市") and level in ("city", "province") and name not in cities:
            cities.append(name)
    own = _headline_county_city(doc, lead_end, visited)
    if own is not None:
        return own  # 新密市委常委会召开…: the county-level city's own 市委, though the lead names 郑州市委 too
    if home in cities or not cities:
        return home
    county_level = [
        name for name in cities
        if (known := lex.known_places.get(name)) is not None
        and known.parent in lex.known_places
        and lex.known_places[known.parent].level == "city"
    ]
    if county_level:
        return county_level[0]  # 荥阳市 on its own page
    return cities[0] if len(cities) == 1 else home


def _headline_county_city(doc: Doc, lead_end: int, visited: str | None) -> str | None:
    """The county-level city the headline is about (the only city it names, not where a visit went), when
    the lead names it too: inside its own article, a bare 市 is that city's, not the prefecture's. Such a
    city is read as a city by its suffix when known_places.tsv lists it (新密市), as a county-level division
    when only the gazetteer does (邓州市委常委会 in 南阳日报): both count."""
    headline_end = len(doc.article.headline)
    named = {name for start, _e, name, level in doc.place_spans
             if start < headline_end and name.endswith("市") and level in ("city", "province", "district")}
    if len(named) != 1:
        return None
    (city,) = named
    in_lead = any(start < lead_end and name == city for start, _e, name, _l in doc.place_spans)
    if city == visited or not in_lead or not is_county_level(city):
        return None
    return city


def _matches(name: str, char: str) -> bool:
    """区 means a 区 (or a 新区), 县 a 县: the division's own suffix, when it has one."""
    if char in ("区", "县"):
        return name.endswith(char) or not name.endswith(("区", "县"))
    if char in ("镇", "乡"):
        return name.endswith(("镇", "乡", "街道"))
    return True
