"""Persons and officials: names bound to the posts their title chains state, and other named persons.

Rules (each writes :class:`Person` objects and PER mentions with its name as the provenance rule):

- ``title-chain``: every segment of a chain (:mod:`kg.extract.titles`) is a post of the name that
  ends it; an empty body is the title's implied body (区长 → the district's 政府, ``title_bodies.tsv``)
  or the body before it in the chain (副书记、常委 …); after a party group (党组, 党委) a non-party
  title belongs to the group's parent (郑州市政务办党组书记、主任 → 郑州市政务办 主任).
- ``shared-title``: names joined by ``、`` to a chain's name hold its titles that several persons hold
  at once (副市长李红、刘建国; ``shared_titles.txt``). Titles in brackets right after a name are its
  chain too (卢志强（区党工委委员、管委会副主任）, :func:`kg.extract.titles.find_chains`).
- ``name-title``: a name right before a title (习近平总书记, 王新亭书记, 张三副市长); a post when the
  title implies its body, or when a body is named right before the name (中国房地产业协会宋春华会长).
- ``name-list``: names joined by ``、`` after a descriptor (区领导乔耸、李晓雷…等), or two or more
  such names closed by ``等``: persons with no post, because 区领导 does not say which body they lead.
- ``comrade``: a name before 同志 (任长霞同志).
- ``body-speaker``: a name right after a body and before a speech verb (…服务队蔡杰介绍说).
- ``noun-name``: a name right after a noun for a kind of person (志愿者王秀英作为…, 居民赵桂兰老人说:
  ``person_nouns.txt``).
- ``crf``: PER spans of the statistical tagger (:func:`kg.ner.find_entities`) when it is installed.

Bylines (``记者 简洋``, ``通讯员 张帅``) are found first; their names are authors, never officials.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from kg.errors import KgError
from kg.extract.bodies import BodyRef, body_from_name, normalise_body, resolve_division
from kg.extract.lexicon import ABBREVIATION_LEVELS, base_title, word_tags
from kg.extract.mentions import SENTENCE_ENDS, Doc, is_han
from kg.extract.roles import person_nouns
from kg.extract.titles import Chain, Segment
from kg.model import Mention, Person, Post

# A CRF person span is taken only this sure (mean marginal probability of its labels): the rules
# already find officials; the tagger adds names that no title introduces.
CRF_MIN_CONFIDENCE = 0.9
# Word classes a given name never is (相当 adverb, 一下 numeral, 关于 preposition …): jieba's tags
FUNCTION_TAGS = frozenset("dmpcurqfty")
CUE_REACH = 4  # a person cue must stand this close to a tagged name (志愿者张晓燕, 蔡杰介绍说)


@cache
def _byline_regex(roles: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(role) for role in roles)
    return re.compile(f"(?:(?<![\u4e00-\u9fff])|(?<=本报))(?:{alternatives})[ \u3000]*")


def person(doc: Doc, name: str) -> Person:
    found = doc.persons.get(name)
    if found is None:
        found = doc.persons[name] = Person(name=name)
    return found


def add_person_mention(doc: Doc, start: int, end: int, rule: str, confidence: float = 1.0) -> Person:
    found = person(doc, doc.text[start:end])
    mention = doc.add_mention("PER", start, end, rule, confidence)
    if all((m.start, m.end) != (start, end) for m in found.mentions):
        found.mentions.append(mention)
    _drop_places_inside(doc, start, end)
    return found


def _drop_places_inside(doc: Doc, start: int, end: int) -> None:
    """黄河清: a known place that opens a name (黄河) is no place there; the place goes when the article
    names it nowhere else."""
    inside = [m for m in doc.mentions if m.type == "LOC" and start <= m.start and m.end <= end]
    if not inside:
        return
    doc.mentions = [m for m in doc.mentions if m not in inside]
    doc.place_spans = [s for s in doc.place_spans if not (start <= s[0] and s[1] <= end)]
    named = {name for _s, _e, name, _l in doc.place_spans}
    for mention in inside:
        name = mention.text
        if name in doc.places and name not in named and doc.text.count(name) == doc.text.count(doc.text[start:end]):
            del doc.places[name]


def add_post(found: Person, post: Post) -> None:
    for existing in found.posts:
        if existing.title == post.title and existing.body == post.body:
            return
    found.posts.append(post)


# --- bylines ----------------------------------------------------------------------------------


def find_bylines(doc: Doc) -> None:
    """Names after 记者/通讯员 (and the article's reporters): PER mentions that are never officials."""
    text = doc.text
    roles = doc.lex.byline_roles
    for match in _byline_regex(roles).finditer(text):
        pos = match.end()
        glued = match.group()[-1:] not in " \u3000"  # 记者简洋 as well as 记者 简洋; 摄影展开幕 is none
        while pos < len(text) and not text.startswith(roles, pos):
            ends = [
                e
                for e in doc.name_candidates(pos)
                if (e >= len(text) or not is_han(text[e])) and not (glued and doc.is_common_word(pos, e))
            ]
            if not ends:
                break
            end = ends[0]
            doc.byline_spans.append((pos, end))
            doc.add_mention("PER", pos, end, "rule:byline")
            pos = end
            while pos < len(text) and text[pos] in " \u3000":
                pos += 1
    authors = set(doc.article.reporters) | set(doc.article.correspondents)
    for name in authors:
        for match in re.finditer(re.escape(name), text):
            span = (match.start(), match.end())
            if span not in doc.byline_spans and match.start() > 0 and text[match.start() - 1] in " \u3000)":
                doc.byline_spans.append(span)
                doc.add_mention("PER", span[0], span[1], "rule:byline")


def in_byline(doc: Doc, start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in doc.byline_spans)


# --- title chains -----------------------------------------------------------------------------


def bind_officials(doc: Doc, chains: list[Chain]) -> None:
    """Posts for every chain. A chain that opens with a bare title right after the name of the chain
    before it (郑州大学党委书记宋毛平、校长刘炯天) continues that chain's body, and so does a bare
    deputy title after the head the chain before it named in the same sentence
    (区人大常委会主任黄德胜主持会议，副主任刘建平…: the deputies of the same 区人大常委会)."""
    last_end, last_body, last_title = -1, None, ""
    for chain in chains:
        if in_byline(doc, chain.name_start, chain.name_end):
            continue
        found = add_person_mention(doc, chain.name_start, chain.name_end, "rule:title-chain")
        previous: BodyRef | None = None
        chain_place: str | None = None
        opening = chain.segments[0]
        bare = opening.body_start == opening.title_start and opening.title in doc.lex.titles
        between = doc.text[last_end : chain.start]
        continues = between in ("、", "，", ",") or _deputy_of(opening.title, last_title, between)
        if bare and last_body is not None and continues:
            previous, chain_place = last_body, last_body.place
        confidence = 0.95 if len(chain.segments) == 1 else 0.9
        chain_posts: list[Post] = []
        for segment in chain.segments:
            body = _segment_body(doc, segment, previous, chain_place)
            if body is not None:
                previous = body
                chain_place = body.place or chain_place
            title = segment.title
            if body is None and _speaks_for_a_kind(doc, title):
                continue  # 项目单位代表、…公司总经理霍东升: one speaking for units of a kind holds no post as such
            representative = body is not None and doc.lex.is_representative(body.kind, base_title(title))
            provenance = doc.provenance(segment.body_start, chain.name_end, "title-chain", confidence)
            chain_posts.append(Post(title, body.name if body else None, provenance, representative))
            add_post(found, chain_posts[-1])
        # 副主任许红军、郭建伟、马秀兰，秘书长杨立峰: the list's last name is where the next chain continues
        list_end = share_posts(doc, chain, [post for post in chain_posts if is_shared_title(doc, post.title)])
        last_end, last_body, last_title = list_end, previous, chain.segments[-1].title


def _speaks_for_a_kind(doc: Doc, title: str) -> bool:
    """Whether ``title`` is a representative's title (``representative.tsv``: 代表) after words that name no body
    (项目单位代表, 企业代表): a role at the event, not a post (人大代表 has its body, 代表 alone is a title)."""
    words = {t for _kind, t in doc.lex.representative}
    return any(title.endswith(word) and len(title) > len(word) for word in words)


def _deputy_of(title: str, head_title: str, between: str) -> bool:
    """Whether ``title`` is a deputy of the rank ``head_title`` names (主任 → 副主任, 书记 → 副书记),
    with only words of the same sentence between them (a deputy's body is carried over only so far)."""
    rank = base_title(title)
    return (
        "副" in title[: len(title) - len(rank)]
        and "副" not in head_title
        and base_title(head_title) == rank
        and not any(ch in SENTENCE_ENDS for ch in between)
    )


def is_shared_title(doc: Doc, title: str) -> bool:
    """Whether several persons hold the title at once (副市长, 常委: ``shared_titles.txt``)."""
    lex = doc.lex
    if title in lex.shared_titles or base_title(title) in lex.shared_titles:
        return True
    return any(title.startswith(m) and len(title) > len(m) + 1 for m in lex.shared_title_modifiers)


def share_posts(doc: Doc, chain: Chain, shared: list[Post]) -> int:
    """副市长李红、刘建国: names joined by 、 to the chain's name hold its shared titles too. A name
    followed by a title of its own (李四书记) or a chain of its own (、区长张三) is left alone.
    Returns the end of the last name that holds them (the chain's own name when none follows)."""
    text = doc.text
    pos = chain.name_end
    while shared and text[pos : pos + 1] == "、":
        end = doc.name_after(pos + 1)
        if end is None or in_byline(doc, pos + 1, end):
            return pos
        after = doc.unit_starting.get(end)
        if after is not None and after.kind == "T":
            return pos
        other = add_person_mention(doc, pos + 1, end, "rule:shared-title", 0.85)
        for post in shared:
            provenance = doc.provenance(chain.start, end, "shared-title", 0.85)
            add_post(other, Post(post.title, post.body, provenance, post.representative))
        pos = end
    return pos


def _segment_body(doc: Doc, segment: Segment, previous: BodyRef | None, chain_place: str | None) -> BodyRef | None:
    lex = doc.lex
    if segment.unknown_body:
        return None
    body_text = doc.text[segment.body_start : segment.body_end]
    if body_text and lex.place_level(body_text) is not None and lex.body_suffix_of(body_text) is None:
        chain_place = lex.canonical_place(body_text)  # 惠济区副区长: a division, the title says the body
        body_text = ""
        previous = None
    if body_text:
        previous = _sibling_parent(doc, body_text, previous, chain_place)
        return normalise_body(doc, segment.body_start, segment.body_end, previous, chain_place, in_chain=True)
    template = lex.title_body(segment.title)
    if template is not None:
        return _body_from_template(doc, template, segment.title_start, chain_place)
    if previous is None or segment.title not in lex.titles:
        return None  # 全国政协委员、民建中央常委: words no lexicon reads stand for another body
    suffix = lex.body_suffix_of(previous.name)
    if (
        suffix is not None
        and suffix[1].kind == "party_committee"
        and suffix[1].attach == "parent"
        and previous.parent
        and base_title(segment.title) not in lex.party_titles
    ):
        return body_from_name(doc, previous.parent, previous.place)
    return previous


def _sibling_parent(doc: Doc, body_text: str, previous: BodyRef | None, chain_place: str | None) -> BodyRef | None:
    """宣传部部长、统战部部长: a part of the same kind as the part before it is its sibling, so it
    hangs on that part's parent (区委统战部, not 区委宣传部统战部)."""
    if previous is None or previous.parent is None:
        return previous
    lex = doc.lex
    mine, theirs = lex.body_suffix_of(body_text), lex.body_suffix_of(previous.name)
    if mine is None or theirs is None or mine[1].attach != "parent" or mine[1].kind != theirs[1].kind:
        return previous
    return body_from_name(doc, previous.parent, previous.place or chain_place)


def _body_from_template(doc: Doc, template: str, pos: int, chain_place: str | None) -> BodyRef | None:
    if not template.startswith("{"):
        return body_from_name(doc, template)
    char, rest = template[1], template[3:]
    level = ABBREVIATION_LEVELS.get(char)
    fits = chain_place is not None and (doc.lex.place_level(chain_place) == level or chain_place.endswith(char))
    place = chain_place if fits else None
    place = place or resolve_division(doc, char, pos)
    if place is None:
        return None
    return body_from_name(doc, place + rest, place)


# --- other person rules -----------------------------------------------------------------------


def find_names_before_titles(doc: Doc) -> None:
    """习近平总书记, 王新亭书记: a name right before a title that no name follows."""
    for unit in doc.units:
        if unit.kind != "T" or unit.text not in doc.lex.titles_after_name or doc.name_after(unit.end) is not None:
            continue
        start = doc.name_before(unit.start)
        if start is None or in_byline(doc, start, unit.start):
            continue
        clause_start = start == 0 or not is_han(doc.text[start - 1])
        if not (clause_start or doc.follows_name(unit.end) or doc.text[unit.end : unit.end + 1] in ("为", "的")):
            continue
        found = add_person_mention(doc, start, unit.start, "rule:name-title", 0.85)
        template = doc.lex.title_body(unit.text)
        if any(p.title == unit.text for p in found.posts):
            continue
        # without a body the title implies, the body named right before (中国房地产业协会宋春华会长)
        body = _body_ending_at(doc, start) if template is None else _body_from_template(doc, template, unit.start, None)
        if body is not None:
            provenance = doc.provenance(start, unit.end, "name-title", 0.8)
            add_post(found, Post(unit.text, body.name, provenance))


def _body_ending_at(doc: Doc, pos: int) -> BodyRef | None:
    """The body whose mention ends right at ``pos`` (a name follows it)."""
    for mention in doc.mentions:
        if mention.type == "ORG" and mention.end == pos:
            return normalise_body(doc, mention.start, mention.end)
    return None


@cache
def _descriptor_regex(descriptors: frozenset[str]) -> re.Pattern[str]:
    return re.compile("|".join(re.escape(d) for d in sorted(descriptors, key=len, reverse=True)))


def find_name_lists(doc: Doc) -> None:
    """区领导乔耸、李晓雷、杜建强等: the names of a list after a descriptor."""
    text = doc.text
    for match in _descriptor_regex(doc.lex.descriptors).finditer(text):
        pos = match.end()
        names: list[tuple[int, int]] = []
        while pos < len(text):
            ends = doc.name_candidates(pos)
            chosen = next((e for e in ends if e < len(text) and text[e] == "、"), None)
            if chosen is None:
                chosen = next((e for e in ends if doc.follows_name(e)), None)
                if chosen is not None:
                    names.append((pos, chosen))
                break
            names.append((pos, chosen))
            pos = chosen + 1
        if not names or not doc.follows_name(names[-1][1]):
            continue
        if len(names) == 1 and not text.startswith(("等", "同志"), names[0][1]):
            continue  # one name after 领导 is a list only when 等 or 同志 closes it
        for start, end in names:
            if not in_byline(doc, start, end):
                add_person_mention(doc, start, end, "rule:name-list", 0.9)


def find_listed_names(doc: Doc) -> None:
    """张三、李四、王五等: two or more names joined by 、 and closed by 等 (no descriptor needed)."""
    text = doc.text
    for match in re.finditer("等", text):
        names: list[tuple[int, int]] = []
        pos = match.start()
        while True:
            start = _list_item_start(doc, pos)
            if start is None:
                names = [] if not names or text[pos : pos + 1] == "、" else names
                break
            names.insert(0, (start, pos))
            if start > 0 and text[start - 1] == "、":
                pos = start - 1
                continue
            break
        if len(names) < 2:
            continue
        for start, end in names:
            if not in_byline(doc, start, end):
                add_person_mention(doc, start, end, "rule:name-list", 0.85)


def _list_item_start(doc: Doc, end: int) -> int | None:
    """Start of a name that ends at ``end`` inside a list: after 、, a clause break, or a descriptor."""
    text = doc.text
    for length in (3, 2, 4):
        start = end - length
        if start < 0 or end not in doc.name_candidates(start) or doc.is_common_word(start, end):
            continue
        before = text[start - 1] if start > 0 else ""
        if not before or before == "、" or not is_han(before) or doc.precedes_name(start):
            return start
        if any(text[max(0, start - len(d)) : start] == d for d in doc.lex.descriptors):
            return start
    return None


def find_comrades(doc: Doc) -> None:
    """任长霞同志: a name before 同志."""
    for match in re.finditer("同志", doc.text):
        start = doc.name_before(match.start())
        if start is not None and not in_byline(doc, start, match.start()):
            add_person_mention(doc, start, match.start(), "rule:comrade", 0.85)


def find_body_speakers(doc: Doc) -> None:
    """…志愿服务队蔡杰介绍说: a name between a body and a speech verb."""
    for mention in list(doc.mentions):
        if mention.type != "ORG":
            continue
        end = doc.name_after(mention.end)
        if end is None or not doc.text.startswith(doc.lex.speech_verbs, end):
            continue
        if not in_byline(doc, mention.end, end):
            add_person_mention(doc, mention.end, end, "rule:body-speaker", 0.8)


@cache
def _person_noun_regex() -> re.Pattern[str]:
    nouns = sorted(person_nouns(), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, nouns)))


def find_noun_persons(doc: Doc) -> None:
    """社区志愿者王秀英作为…, 居民赵桂兰老人说: a name right after a noun for a kind of person
    (``person_nouns.txt``), ended by a follower word, punctuation, or another such noun."""
    text = doc.text
    nouns = _person_noun_regex()
    persons = [(m.start, m.end) for m in doc.mentions if m.type == "PER"]
    tags = word_tags()
    for match in nouns.finditer(text):
        start = match.end()
        if any(s <= start < e for s, e in persons):
            continue
        if text[start - 1 : start + 1] in tags:
            continue  # 老师傅陈博: the noun's last character opens the next word (师傅)
        end = doc.name_after(start)
        if end is None:
            end = next((e for e in doc.name_candidates(start) if nouns.match(text, e)), None)
        if end is None or doc.is_common_word(start, end) or in_byline(doc, start, end):
            continue
        surname = doc.lex.is_surname_start(text, start)
        if end - start - surname < 2 and not doc.follows_name_strongly(end):
            continue  # 志愿者齐聚,: a one-character given name needs a word such as 表示 to confirm it
        if (tags.get(text[start + surname : end]) or "x")[0] in FUNCTION_TAGS:
            continue  # 员工和相当于, 老师谈一下: the "given name" is an adverb or a numeral phrase
        if any(p in doc.unit_starting for p in range(start, end)):
            continue  # a title, body or place: 居民区, 群众路线
        add_person_mention(doc, start, end, "rule:noun-name", 0.8)
        persons.append((start, end))


def _crf_tagger() -> Callable[[str], list[Mention]] | None:
    try:
        from kg.ner import find_entities
    except ImportError:  # the statistical tagger is optional: rules alone still work
        return None
    return find_entities


def find_crf_persons(doc: Doc) -> None:
    """PER spans from the CRF tagger that look like names and lie in no body, place or title.

    The tagger runs only on sentences with a person cue (``person_cues.txt``: 介绍, 表示, 先生 …)
    and no name the rules found, so it adds what the rules cannot see at little cost. A span counts
    when it is sure (``CRF_MIN_CONFIDENCE``), starts with a surname, holds no dictionary word (阿姨,
    高水平, 幸福感), stands between name boundaries and has a cue right next to it.
    """
    tagger = _crf_tagger()
    if tagger is None:
        return
    text = doc.text
    cues = doc.lex.person_cues
    taken = [(m.start, m.end) for m in doc.mentions if m.type in ("PER", "ORG", "LOC", "TITLE")]
    persons = [(m.start, m.end) for m in doc.mentions if m.type == "PER"]
    for index, sentence_start in enumerate(doc.sentence_starts):
        sentence_end = doc.sentence_starts[index + 1] if index + 1 < len(doc.sentence_starts) else len(text)
        sentence = text[sentence_start:sentence_end]
        if not any(cue in sentence for cue in cues):
            continue
        if any(sentence_start <= s < sentence_end for s, _e in persons):
            continue
        try:
            found = tagger(sentence)
        except (FileNotFoundError, OSError, KgError):  # no trained model shipped: rules alone
            return
        for mention in found:
            start, end = sentence_start + mention.start, sentence_start + mention.end
            if mention.type != "PER" or mention.confidence < CRF_MIN_CONFIDENCE:
                continue
            if end not in doc.name_candidates(start) or in_byline(doc, start, end):
                continue
            if any(s < end and start < e for s, e in taken):
                continue
            if not (doc.follows_name(end) or doc.precedes_name(start)) or _any_word_prefix(doc, start, end):
                continue
            near = text[max(sentence_start, start - CUE_REACH) : start] + "|" + text[end : end + CUE_REACH + 2]
            if not any(cue in near for cue in cues):
                continue  # the cue is about someone else in the sentence
            add_person_mention(doc, start, end, "crf", min(mention.confidence, 0.8))


def _any_word_prefix(doc: Doc, start: int, end: int) -> bool:
    """Whether a dictionary word of two or more characters lies in the span after its first
    character (高|水平, 展|开幕), or opens it without being tagged a name (幸福|感)."""
    tags = word_tags()
    text = doc.text
    for a in range(start, end - 1):
        for b in range(a + 2, end + 1):
            tag = tags.get(text[a:b])
            if tag is not None and (a > start or not tag.startswith("nr")):
                return True
    return False
