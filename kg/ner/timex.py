"""TIME mentions by rule: dates (``2021年4月8日``, ``4月8日上午``), clock times (``9时30分``) and
relative days (``昨日``, ``日前``). The words come from ``kg/ner/lexicon/time_words.txt``."""

from __future__ import annotations

import re
from functools import cache

from kg.model import Mention
from kg.ner.gazetteer import LEXICON_DIR, read_list

SOURCE = "rule:timex"
_DIGIT = r"[0-9０-９]"
_CN_DIGIT = "〇零○一二三四五六七八九十"


def _sections() -> dict[str, list[str]]:
    sections: dict[str, list[str]] = {}
    current = ""
    for entry in read_list(LEXICON_DIR / "time_words.txt"):
        if entry.startswith("[") and entry.endswith("]"):
            current = entry[1:-1]
            continue
        sections.setdefault(current, []).append(entry)
    return sections


@cache
def _pattern() -> re.Pattern[str]:
    words = _sections()
    part = "|".join(sorted(map(re.escape, words.get("part_of_day", [])), key=len, reverse=True))
    relative = "|".join(sorted(map(re.escape, words.get("relative", [])), key=len, reverse=True))
    number = rf"(?:{_DIGIT}{{1,2}}|[{_CN_DIGIT}]{{1,3}})"
    year = rf"(?:{_DIGIT}{{4}}|[{_CN_DIGIT}]{{4}})年"
    month = rf"{number}月(?:份|中旬|上旬|下旬|初|底)?"
    day = rf"{number}[日号]"
    clock = rf"{number}[时点](?:{number}分|半)?"
    date = rf"(?:{year}(?:{month}(?:{day})?)?|{month}(?:{day})?|{day}(?=(?:{part})))"
    full = rf"(?:(?:{date})(?:{part})?(?:{clock})?|(?:{relative})(?:{part})?(?:{clock})?|(?:{part}){clock})"
    return re.compile(full)


def find_times(text: str) -> list[Mention]:
    return [
        Mention("TIME", m.start(), m.end(), m.group(), SOURCE) for m in _pattern().finditer(text) if m.end() > m.start()
    ]
