"""Bylines and datelines: who wrote an article, and where its lead paragraph begins.

A byline is a run of role words (``记者``, ``本报记者``, ``通讯员`` …, see
``data/byline_roles.tsv``) or media names (``高新时报``), each followed by one or more personal
names, optionally closed by a credit (``文/图``, ``文图``, ``摄`` …):
``记者 简洋 通讯员 宋珂 文/图``, ``本报记者 党贺喜 通讯员 申航 文图``, ``高新时报 方宝岭``.
It may stand on a line of its own, continue on the next line, or follow the last sentence of a
paragraph: ``…做出更大贡献。记者 简洋``.

A dateline opens a lead: ``本报讯``, ``本报北京4月8日电``, optionally with the byline in brackets:
``本报讯(记者 刘伟平 通讯员 张帅)``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from kg.corpus.lexicon import byline_credits, byline_roles, dateline_sources, longest_first, media_suffixes

_HAN = r"\u3400-\u9fff\uf900-\ufaff"
# A personal name: two to four hanzi, or a transliterated name with a middle dot.
_NAME_RE = re.compile(rf"[{_HAN}]{{2,4}}|[{_HAN}]{{1,8}}[·•][{_HAN}]{{1,10}}")
# Characters that almost never occur in a personal name but often in the words that follow
# 记者 in running text (记者了解到, 记者从…获悉): they keep sentences from passing as bylines.
_NOT_IN_NAMES = frozenset("的了是在到从对被将把说称获悉等也都就还又再已而或着过会这那该此们个讯电获据")
_SEPARATORS_RE = re.compile(r"[\s、,，;；/:：]+")
_MAX_BYLINE = 90


@dataclass
class Byline:
    reporters: list[str] = field(default_factory=list)
    correspondents: list[str] = field(default_factory=list)

    def extend(self, other: Byline) -> None:
        for name in other.reporters:
            if name not in self.reporters:
                self.reporters.append(name)
        for name in other.correspondents:
            if name not in self.correspondents:
                self.correspondents.append(name)


@cache
def _role_re() -> re.Pattern[str]:
    return re.compile("|".join(re.escape(word) for word in longest_first(list(byline_roles()))))


@cache
def _credit_re() -> re.Pattern[str]:
    credits = "|".join(re.escape(word) for word in longest_first(byline_credits()))
    return re.compile(rf"(?:{credits})$")


@cache
def _media_re() -> re.Pattern[str]:
    suffixes = "|".join(re.escape(word) for word in longest_first(media_suffixes()))
    return re.compile(rf"[{_HAN}]{{1,8}}(?:{suffixes})")


@cache
def _dateline_re() -> re.Pattern[str]:
    sources = "|".join(re.escape(word) for word in longest_first(dateline_sources()))
    # source, then an optional place/date of at most 16 characters, then 讯 or 电.
    where = r"(?P<where>[^\s，,。：:（(]{0,16}?)"
    return re.compile(rf"^(?:据)?(?:{sources}){where}(?:讯|电)(?=[\s（(：:，,]|$|[{_HAN}\d“])")


@cache
def _surnames() -> frozenset[str]:
    """The shared surname list (``ontology/lexicon/surnames.txt``), empty if it is missing."""
    try:
        from kg.resources import lexicon_path

        lines = lexicon_path("surnames.txt").read_text(encoding="utf-8").splitlines()
    except (OSError, FileNotFoundError):
        return frozenset()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def _starts_with_surname(name: str) -> bool:
    surnames = _surnames()
    return not surnames or name[:1] in surnames or name[:2] in surnames


@cache
def _role_or_medium_word_re() -> re.Pattern[str]:
    words = longest_first([*byline_roles(), *media_suffixes()])
    return re.compile("|".join(re.escape(word) for word in words))


def _mentions_role_or_medium(text: str) -> bool:
    return bool(_role_or_medium_word_re().search(text))


def _is_name(token: str) -> bool:
    return bool(_NAME_RE.fullmatch(token)) and not (set(token) & _NOT_IN_NAMES)


@cache
def _media_role_re() -> re.Pattern[str]:
    """A medium glued in front of a role word (``郑报融媒记者``): the medium is dropped."""
    return re.compile(rf"(?<![{_HAN}])(?:{_media_re().pattern})(?=(?:{_role_re().pattern}))")


def _tokens(text: str) -> list[str]:
    """Split a byline into tokens, cutting role words loose from names glued to them."""
    spaced = _media_role_re().sub(" ", text)
    spaced = _role_re().sub(lambda match: f" {match.group()} ", spaced)
    # Credits written with a slash (文/图) must survive the separator split.
    spaced = re.sub(r"(文|图)\s*/\s*(图|文)", r" \1\2 ", spaced)
    return [token for token in _SEPARATORS_RE.split(spaced) if token]


def parse_byline(text: str, allow_glued: bool = True) -> Byline | None:
    """The names in ``text`` if the whole of it is a byline, else None.

    With ``allow_glued=False`` every name must be separated from its role word by a space, which
    is how a byline that follows a sentence on the same line is told from running text.
    """
    text = text.strip()
    if not text or len(text) > _MAX_BYLINE:
        return None
    if text[0] in "（(【[" and text[-1] in "）)】]":
        text = text[1:-1].strip()  # a bracketed credit line: （记者 张三）, 【编辑：王五】
    if not _mentions_role_or_medium(text):
        return None  # every byline names a role or a medium: most lines stop here, cheaply
    if not allow_glued and _role_re().search(text) and re.search(rf"(?:{_role_re().pattern})[{_HAN}]", text):
        return None
    roles = byline_roles()
    byline = Byline()
    current: list[str] | None = None  # the list the next names go to
    names_since_role = 0
    any_name = False
    for token in _tokens(text):
        if token in roles:
            if current is not None and names_since_role == 0:
                return None  # a role word with nobody after it
            kind = roles[token]
            current = byline.correspondents if kind == "correspondent" else byline.reporters
            if kind == "editor":
                current = []  # page staff: their names are not the article's authors
            names_since_role = 0
            continue
        credit = _credit_re().search(token)
        if credit and credit.start() == 0:
            continue  # a bare credit: 文/图, 摄
        if _media_re().fullmatch(token):
            if current is not None and names_since_role == 0:
                return None
            current = byline.reporters  # a journalist credited by medium
            names_since_role = 0
            continue
        name = token
        if credit and not _is_name(name) and _is_name(name[: credit.start()]):
            name = name[: credit.start()]  # a credit glued to the name: 张三摄
        if current is None or not _is_name(name):
            return None
        if not _starts_with_surname(name) and re.search(rf"(?:{_role_re().pattern}){re.escape(name)}", text):
            return None  # glued to its role word, a name must start with a surname: 记者走基层 is a title
        if name not in current:
            current.append(name)
        names_since_role += 1
        any_name = True
    if not any_name or names_since_role == 0:
        return None
    return byline


_SENTENCE_END = "。！？!?…"
_CLOSING = "”’」』）)】"


def split_trailing_byline(text: str) -> tuple[str, Byline] | None:
    """``(sentence part, byline)`` when a byline follows the last sentence on the same line.

    ``…贡献。记者 简洋`` and ``…贡献。记者简洋``; running text that goes on past a line break
    (``…。记者了解到``, ``…。记者走访发现``) is not one, because a name glued to its role word must
    start with a surname and hold no function word.
    """
    tail_start = max(0, len(text) - _MAX_BYLINE - 2)
    if not _mentions_role_or_medium(text[tail_start:]):
        return None
    last = max(text.rfind(char, tail_start) for char in _SENTENCE_END)
    if last < 0:
        return None
    cut = last + 1
    while cut < len(text) and text[cut] in _CLOSING:
        cut += 1
    rest = text[cut:]
    opening = rest.strip()
    if not opening or not (_role_re().match(opening) or _media_re().match(opening)):
        return None
    byline = parse_byline(rest)
    if byline is None:
        return None
    return text[:cut].rstrip(), byline


@dataclass
class Dateline:
    end: int  # where the lead's own text begins
    plain: bool  # only "<source>讯": carries no place or date, so it is dropped from the text
    dateline_end: int  # end of the dateline word itself
    byline: Byline | None  # names given in brackets right after it


_BRACKET_RE = re.compile(r"\s*[（(]([^（()）]{1,90})[)）]\s*[:：]?\s*")


def _leading_byline(text: str, start: int) -> tuple[Byline | None, int]:
    """A byline written without brackets after a dateline: ``本报讯 记者 张三 通讯员 李四 4月8日,…``.

    The longest run of space-separated words from ``start`` that is a byline, when it opens
    with a role word and a space follows it; else (None, start).
    """
    if not (_role_re().match(text, start) or _media_role_re().match(text, start)):
        return None, start
    best: tuple[Byline | None, int] = (None, start)
    for space in re.finditer(r"\s+", text[start : start + _MAX_BYLINE]):
        byline = parse_byline(text[start : start + space.start()], allow_glued=False)
        if byline is not None:
            best = (byline, start + space.end())
    return best


def parse_dateline(text: str) -> Dateline | None:
    """The dateline at the start of a lead paragraph, if any."""
    match = _dateline_re().match(text)
    if not match:
        return None
    end = match.end()
    byline = None
    bracket = _BRACKET_RE.match(text, end)
    if bracket:
        byline = parse_byline(bracket.group(1))
        if byline is not None:
            end = bracket.end()
    if byline is None:
        skip = re.match(r"[\s:：，,]*", text[end:])
        end += skip.end() if skip else 0
        byline, end = _leading_byline(text, end)
    return Dateline(end=end, plain=not match.group("where"), dateline_end=match.end(), byline=byline)
