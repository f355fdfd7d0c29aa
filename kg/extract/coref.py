"""Coreference within an article: a name alone after its first mention is the same person.

Once the rules have named a person anywhere in the article, every other occurrence of that exact
name is a mention of them (``乔耸表示`` after ``中原区委书记乔耸``). Longer names win over shorter ones
that they contain (王新亭 is not 王新), and byline names stay authors.
"""

from __future__ import annotations

import re

from kg.extract.mentions import Doc
from kg.extract.officials import add_person_mention, in_byline


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
