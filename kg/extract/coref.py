"""Coreference within an article: later references to a person already named.

- ``coref``: once the rules have named a person anywhere in the article, every other occurrence of
  that exact name is a mention of them (``乔耸表示`` after ``中原区委书记乔耸``). Longer names win over
  shorter ones that they contain (王新亭 is not 王新), and byline names stay authors.
- ``coref:surname-title``: a surname followed by a form of address (``titles_after_name.txt``: 陈书记,
  吕区长) is the one person of the article with that surname; when several share it, the one whose
  post has that title. Nobody is linked when that still leaves more than one, or none.
- ``coref:pronoun``: a sentence that opens with 他 or 她 (``他要求…``) goes on about the one person the
  sentence before it names (``副区长吴昊现场观摩演练。``). The pronoun becomes one of that person's
  mentions (so the roles of its verbs are theirs), not a PER mention of the article: it is no name.
"""

from __future__ import annotations

import re

from kg.extract.lexicon import base_title
from kg.extract.mentions import Doc, is_han
from kg.extract.officials import add_person_mention, in_byline
from kg.model import Mention, Person


def link_names(doc: Doc) -> None:
    names = sorted((name for name in doc.persons if len(name) >= 2), key=len, reverse=True)
    if not names:
        return
    taken = [(m.start, m.end) for m in doc.mentions if m.type == "PER"]
    pattern = re.compile("|".join(re.escape(name) for name in names))
    for match in pattern.finditer(doc.text):
        start, end = match.start(), match.end()
        if any(s < end and start < e for s, e in taken) or in_byline(doc, start, end):
            continue
        unit = doc.unit_starting.get(start)
        if unit is not None and unit.end > end:
            continue  # the name is the start of a longer word
        add_person_mention(doc, start, end, "coref", 0.9)
        taken.append((start, end))
    link_surname_titles(doc)
    link_pronouns(doc)


PRONOUNS = ("他", "她")
# 他们, 她们, 其他 …: a pronoun of a group, or part of a word
PRONOUN_WORDS = ("他们", "她们", "他人", "她人")


def link_pronouns(doc: Doc) -> None:
    """他要求…: the one person named in the sentence before (see the module doc)."""
    text = doc.text
    starts = doc.sentence_starts
    for index in range(1, len(starts)):
        pos = starts[index]
        if not text.startswith(PRONOUNS, pos) or text.startswith(PRONOUN_WORDS, pos):
            continue
        previous_start, previous_end = starts[index - 1], pos
        named = {
            person.name
            for person in doc.persons.values()
            for mention in person.mentions
            if previous_start <= mention.start < previous_end
        }
        if len(named) != 1:
            continue  # nobody, or several: 他 is not sure
        person = doc.persons[named.pop()]
        person.mentions.append(Mention("PER", pos, pos + 1, text[pos], "coref:pronoun", 0.7))


def link_surname_titles(doc: Doc) -> None:
    """陈书记指出: the surname and the title refer to the article's 陈向东, 区委书记."""
    if not doc.persons:
        return
    text = doc.text
    taken = [(m.start, m.end) for m in doc.mentions if m.type == "PER"]
    for unit in doc.units:
        if unit.kind != "T" or unit.text not in doc.lex.titles_after_name:
            continue
        for length in (2, 1):
            start = unit.start - length
            if start < 0 or doc.lex.is_surname_start(text, start) != length:
                continue
            if start > 0 and is_han(text[start - 1]) and not doc.precedes_name(start):
                continue  # 习近平总书记: 平 ends a name, it is no surname here
            if any(s < unit.end and start < e for s, e in taken):
                continue
            person = _only_holder(doc, text[start : unit.start], unit.text)
            if person is not None:
                mention = doc.add_mention("PER", start, unit.end, "coref:surname-title", 0.8)
                person.mentions.append(mention)
                taken.append((start, unit.end))
            break


def _only_holder(doc: Doc, surname: str, title: str) -> Person | None:
    same_surname = [
        p for p in doc.persons.values()
        if len(p.name) > len(surname) and p.name.startswith(surname)
        and doc.lex.is_surname_start(p.name, 0) == len(surname)
    ]
    if len(same_surname) > 1:
        wanted = base_title(title)
        same_surname = [p for p in same_surname if any(base_title(post.title) == wanted for post in p.posts)]
    return same_surname[0] if len(same_surname) == 1 else None
