"""Participant roles: who led, accompanied, attended, presided or spoke; which body visited, hosted or organised.

A sentence is cut into clauses at commas, semicolons and colons (never at ``、``, which separates the items
of one list). A role verb from ``role_verbs.tsv`` governs the agents of its clause: the agents before it
(``胡荃陪同……``, ``王新一行``, ``由郑州市总工会主办``) or, for verbs whose side is ``after``, the agents after it
(``陪同阎红心等一行``: the guest leads the visit). A clause that only lists agents (``郑州市人大常委会副主任蔡红,
惠济区委副书记、区长丁文霞,……等一同考察``) takes the verb of the clause that follows it.

A body named in the title of a person (``郑州市人大常委会主任胡荃``) is that person's employer, not a
participant: the person is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from kg.extract.lexicon import load_lexicon, read_entries, read_rows, word_tags

CLAUSE_BREAK = re.compile(r"[，,；;：:。！？!?\n]")
WEAK_PRIORITY = 15
ADJACENT_BOOST = 100
PARTY_JOINERS = "与同"  # 南乐县与|河南乐丰生物材料有限公司…签约: the other side of a deal
PARTY_PRIORITY = 95  # a party to a deal is that, whatever verb of holding (举行) ends its clause
PERSON_ROLE_ORDER = ("presided", "led", "accompanied", "attended", "spoke")
BODY_ROLE_ORDER = ("organiser", "co_organiser", "visitor", "host", "inspected", "attended")


@dataclass(frozen=True)
class RoleVerb:
    verb: str
    side: str  # "before": the verb follows its agents; "after": the verb precedes them
    person_role: str | None
    body_role: str | None
    priority: int


@dataclass(frozen=True)
class Agent:
    """A person or body occurrence in the text: the name it resolves to and where it stands."""

    name: str
    kind: str  # "person" | "body"
    start: int
    end: int


@dataclass(frozen=True)
class RoleHit:
    agent: Agent
    role: str
    verb: str
    verb_start: int
    priority: int


@cache
def role_verbs() -> tuple[RoleVerb, ...]:
    verbs = []
    for verb, side, person_role, body_role, priority in read_rows("role_verbs.tsv"):
        verbs.append(
            RoleVerb(
                verb,
                side,
                None if person_role == "-" else person_role,
                None if body_role == "-" else body_role,
                int(priority),
            )
        )
    return tuple(verbs)


@cache
def participant_nouns() -> tuple[str, ...]:
    return tuple(read_entries("participant_nouns.tsv"))


@cache
def context_words(kind: str) -> tuple[str, ...]:
    """The words of one kind in ``event_context.tsv`` (noun_suffix, blocker, single_verb_after …)."""
    return tuple(text for row_kind, text in read_rows("event_context.tsv") if row_kind == kind)


def noun_suffixes() -> tuple[str, ...]:
    return context_words("noun_suffix")


def not_subject_nouns() -> tuple[str, ...]:
    return context_words("not_subject_after")


@cache
def _verb_pattern() -> re.Pattern[str]:
    words = sorted({v.verb for v in role_verbs()}, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, words)))


def _clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans, cursor = [], start
    for match in CLAUSE_BREAK.finditer(text, start, end):
        if match.start() > cursor:
            spans.append((cursor, match.start()))
        cursor = match.end()
    if cursor < end:
        spans.append((cursor, end))
    return spans


def _verbs_in(text: str, start: int, end: int, taken: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """Role-verb occurrences in ``text[start:end]`` outside agents' names and not used as nouns (调研组)."""
    found = []
    for match in _verb_pattern().finditer(text, start, end):
        if any(s < match.end() and match.start() < e for s, e in taken):
            continue
        if len(match.group(0)) == 1 and not _single_verb_ok(text, match.start(), taken):
            continue
        if text.startswith(noun_suffixes(), match.end()) and match.group(0) not in ("一行", "陪同"):
            continue
        found.append((match.start(), match.end(), match.group(0)))
    return found


def _single_verb_ok(text: str, position: int, taken: list[tuple[int, int]]) -> bool:
    """A one-character verb (到, 赴, 率, 说) inside a word (收到, 到访) is no verb."""
    if position == 0 or not ("\u4e00" <= text[position - 1] <= "\u9fff"):
        return True
    if any(e == position for _s, e in taken):
        return True
    # 赵桂兰老人说: a word for the kind of person (person_nouns.txt) stands between the name and the verb
    ends = {e for _s, e in taken}
    if any(text.endswith(noun, 0, position) and position - len(noun) in ends for noun in person_nouns()):
        return True
    return text.endswith(context_words("single_verb_after"), 0, position)


@cache
def person_nouns() -> tuple[str, ...]:
    """Words for a kind of person (老人, 村民): ``person_nouns.txt``."""
    return tuple(read_entries("person_nouns.txt"))


def _is_list_clause(text: str, clause: tuple[int, int], agents: list[Agent]) -> bool:
    """A clause that names agents but has no verb of its own ("区长丁文霞," "全区各单位主要负责人,")."""
    inside = [a for a in agents if clause[0] <= a.start < clause[1]]
    tail = text[max([a.end for a in inside], default=clause[0]) : clause[1]].strip()
    if inside and len(tail) <= 2:
        return True
    return tail.endswith(participant_nouns())


def in_title_chain(text: str, body: Agent, persons: list[Agent]) -> bool:
    """Whether ``body`` heads the title of a person who follows it closely (``开封市人大常委会主任阎红心``)."""
    for person in persons:
        gap = text[body.end : person.start]
        close = 0 <= person.start - body.end <= 16 and not re.search(r"[，,；;。：:（(]", gap)
        if close and not re.search("[等和及与]", gap) and not _verbs_in(text, body.end, person.start, []):
            return True
    return False


@cache
def _title_after() -> re.Pattern[str]:
    """A post title right after a body's name (the officials' title list, less membership words)."""
    titles = [t for t in read_entries("titles.txt") if t not in participant_nouns()]
    alternatives = "|".join(map(re.escape, sorted(titles, key=len, reverse=True)))
    return re.compile(rf"(?:常务副|副|党组|党委|党工委)?(?:{alternatives})")


def title_follows(text: str, pos: int) -> bool:
    """Whether a post title starts at ``pos`` (新乡市|副市长武红艳)."""
    return _title_after().match(text, pos) is not None


def _heads_title(text: str, body: Agent, persons: list[Agent], employers: frozenset[str]) -> bool:
    if _title_after().match(text, body.end):
        return True  # 市委书记深入企业调研: a title even where no name follows
    if body.name not in employers:
        return False
    following = [p for p in persons if 0 <= p.start - body.end <= 40]
    return any(not _verbs_in(text, body.end, p.start, []) and "。" not in text[body.end : p.start] for p in following)


@cache
def _unnamed_heads_pattern() -> re.Pattern[str]:
    """Titles, then 及/和/与/等 and a noun for the body's people (participant_nouns.tsv): 及相关负责人."""
    nouns = "|".join(map(re.escape, sorted(participant_nouns(), key=len, reverse=True)))
    return re.compile(rf"[^，,；;。：:]*?[及和与等](?:其他)?(?:相关|有关)?(?:{nouns})")


def _unnamed_heads(text: str, body: Agent, persons: list[Agent]) -> bool:
    """梧桐办事处党工委书记、办事处主任及相关负责人陪同: titles of a body with no name, then its people in
    general: the body itself takes part (as its heads do)."""
    if not _title_after().match(text, body.end):
        return False
    match = _unnamed_heads_pattern().match(text, body.end)
    return match is not None and not any(body.end <= p.start < match.end() for p in persons)


def assign_roles(
    text: str, start: int, end: int, agents: list[Agent], weak: bool = True, employers: frozenset[str] = frozenset()
) -> list[RoleHit]:
    """Roles of the agents that stand in ``text[start:end]`` (one sentence), by the verbs that govern them.

    ``weak=False`` ignores the weak verbs (priority below ``WEAK_PRIORITY``: ``到``, ``开展``, the event verbs
    themselves), which say who acted only in the sentences that report the event (headline and lead).
    ``employers`` are the bodies of the posts of the persons named here: such a body followed by one of
    them in the same sentence is that person's title, even across a comma (``……领导小组组长,区党工委书记、
    管委会主任王新亭带队``)."""
    persons = [a for a in agents if a.kind == "person"]
    bodies = [
        a
        for a in agents
        if a.kind == "body"
        and (
            _unnamed_heads(text, a, persons)
            or (not in_title_chain(text, a, persons) and not _heads_title(text, a, persons, employers))
        )
    ]
    taken = [(a.start, a.end) for a in agents]
    clauses = _clauses(text, start, end)
    said = _words_said_from(text, clauses, persons)
    # 宁建设表示,尉氏县委坚决拥护市委决定……开展工作: a body in the words said does nothing at the event
    bodies = [b for b in bodies if b.start < said]
    active = sorted(persons + bodies, key=lambda a: a.start)
    verbs_by_clause = [_verbs_in(text, s, e, taken) for s, e in clauses]
    lexicon = [v for v in role_verbs() if weak or v.priority >= WEAK_PRIORITY]
    hits: list[RoleHit] = []
    for agent in active:
        if text.startswith(not_subject_nouns(), agent.end):
            continue  # 弘扬任长霞精神: the name qualifies a noun, it does not act
        if agent.kind == "body" and (deal := _deal_word_after_party(text, agent, taken)) is not None:
            hits.append(RoleHit(agent, "attended", deal[1], deal[0], PARTY_PRIORITY))
            continue
        index = next((i for i, (s, e) in enumerate(clauses) if s <= agent.start < e), None)
        if index is None:
            continue
        candidates: list[tuple[int, int, int, RoleVerb]] = []  # (priority, -distance, verb start, verb)
        # verbs after the agent in its own clause, then in the clauses that follow a list of agents
        j = index
        while j < len(clauses):
            for v_start, _v_end, word in verbs_by_clause[j]:
                if v_start < agent.end:
                    continue
                for verb in lexicon:
                    if verb.verb == word and verb.side == "before":
                        candidates.append((verb.priority, agent.end - v_start, v_start, verb))
            if candidates or verbs_by_clause[j] or not _is_list_clause(text, clauses[j], active):
                break
            j += 1
        # the subject of a sentence goes on acting in the clauses that follow it, up to the next agent
        # (连日来,金水区文化市场综合执法大队联合公安……,在辖区开展“扫黄打非”专项行动)
        first_in_clause = min(a.start for a in active if clauses[index][0] <= a.start < clauses[index][1])
        subject = agent.start == first_in_clause and (
            agent.start - clauses[index][0] <= 2 or _titled_subject(text, clauses[index][0], agent, agents)
        )
        if weak and subject and not candidates:  # only in the sentences that report the event
            for k in range(index + 1, len(clauses)):
                # another subject takes over; an object of the clause's verb does not (成立专项督查组)
                if any(clauses[k][0] <= a.start < clauses[k][1] and _opens_clause(text, clauses[k], a) for a in active):
                    break
                for v_start, _v_end, word in verbs_by_clause[k]:
                    for verb in lexicon:
                        if verb.verb == word and verb.side == "before":
                            candidates.append((verb.priority, agent.end - v_start, v_start, verb))
                if candidates:
                    break
        # verbs that govern the agent as their object, in its own clause
        for v_start, v_end, word in verbs_by_clause[index]:
            if v_end <= agent.start:
                for verb in lexicon:
                    if verb.verb == word and verb.side == "after":
                        # the direct object of a verb (巡察经济发展局) is governed by it before anything else
                        boost = ADJACENT_BOOST if agent.start - v_end <= 1 else 0
                        candidates.append((verb.priority + boost, v_end - agent.start, v_start, verb))
        best: RoleHit | None = None
        for priority, _distance, v_start, verb in sorted(candidates, key=lambda c: (c[0], c[1]), reverse=True):
            role = verb.person_role if agent.kind == "person" else verb.body_role
            if role:
                best = RoleHit(agent, role, verb.verb, v_start, priority)
                break
        if best:
            hits.append(best)
    return hits


@cache
def deal_words() -> tuple[str, ...]:
    """Words of a deal (签约, 签订 …): ``project_deal_words.txt``."""
    return tuple(read_entries("project_deal_words.txt"))


def _deal_word_after_party(text: str, body: Agent, taken: list[tuple[int, int]]) -> tuple[int, str] | None:
    """(start, word) of the deal word (签约) that follows a body joined by 与 or 同 to the side it deals with, in
    its clause and with no role verb between (南乐县与河南乐丰生物材料有限公司…项目签约仪式在…举行): the body is
    a party to the deal, present at it, not the one that holds it; else None."""
    clause_start = max((m.end() for m in CLAUSE_BREAK.finditer(text, 0, body.start)), default=0)
    if body.start == clause_start or text[body.start - 1] not in PARTY_JOINERS:
        return None
    if text[body.start - 2 : body.start] in word_tags():
        return None  # 参与, 一同: the end of a word, no joiner
    clause_end = next((m.start() for m in CLAUSE_BREAK.finditer(text, body.end)), len(text))
    found = [(pos, word) for word in deal_words() if (pos := text.find(word, body.end, clause_end)) >= 0]
    if not found:
        return None
    pos, word = min(found)
    return None if _verbs_in(text, body.end, pos, taken) else (pos, word)


def _words_said_from(text: str, clauses: list[tuple[int, int]], persons: list[Agent]) -> int:
    """Where the words said begin: after the first clause in which a person speaks (宁建设表示,…), else past
    the text's end (据介绍,此次活动由区总工会主办: nobody speaks, the reporter tells)."""
    for clause_start, clause_end in clauses:
        speaker = any(clause_start <= p.start < clause_end for p in persons) or text[clause_start] in "他她"
        if speaker and text.endswith(load_lexicon().speech_verbs, clause_start, clause_end):
            return clause_end
    return len(text)


def _titled_subject(text: str, clause_start: int, person: Agent, agents: list[Agent]) -> bool:
    """Whether ``person`` opens the clause behind the title chain of a body (襄城县委书记李洪涛以…为题,…讲专题党课)."""
    if person.kind != "person":
        return False
    return any(
        a.kind == "body" and a.start - clause_start <= 2 and a.end <= person.start and in_title_chain(text, a, [person])
        for a in agents
    )


def _opens_clause(text: str, clause: tuple[int, int], agent: Agent) -> bool:
    """Whether ``agent`` stands where a clause's subject does: at its start, or after words with no verb."""
    if agent.start - clause[0] <= 2:
        return True
    tags = word_tags()
    words = (text[i : i + n] for i in range(clause[0], agent.start) for n in (2, 3) if i + n <= agent.start)
    return not _verbs_in(text, clause[0], agent.start, []) and not any(tags.get(w, "") == "v" for w in words)


def stronger(role: str, other: str, kind: str) -> bool:
    order = PERSON_ROLE_ORDER if kind == "person" else BODY_ROLE_ORDER
    rank = {r: i for i, r in enumerate(order)}
    return rank.get(role, len(order)) < rank.get(other, len(order))
