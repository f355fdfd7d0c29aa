"""A page as a list of classified lines: the unit the article splitter works on.

Blank lines carry almost no information in print-layout text (a sentence broken by the column is
often followed by one or three blank lines), so they are dropped; what each non-blank line *is*
comes from its own shape:

- ``heading``: a Markdown ATX heading (``#``/``##`` …), marker removed.
- ``lead``: it opens with a dateline (``本报讯``, ``本报北京4月8日电`` …).
- ``byline``: the whole line is a byline (``记者 张改华 通讯员 吕杨子``).
- ``candidate``: short, without sentence-final punctuation: it may be a headline line.
- ``body``: anything else.

A byline that follows the last sentence on the same line (``…贡献。记者 简洋``) is split off into
a line of its own. Markdown hard line breaks (two trailing spaces or a backslash) join a line to
the next one before anything is classified: ``尽职责,严分工,  ⏎全力改善全区空气质量`` is one line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.corpus.bylines import Byline, Dateline, parse_byline, parse_dateline, split_trailing_byline

# A line ending in one of these ends its paragraph (closing quotes after them too).
PARAGRAPH_END = frozenset("。！？!?…；;：:.")
CLOSING_MARKS = frozenset("”’」』）)】》〉\"'")
# A headline line is at most this wide (a hanzi counts 1, an ASCII character 1/2).
MAX_HEADLINE_WIDTH = 64
# Marks that open an in-article subhead or list item: never an article headline.
_ENUMERATOR_RE = re.compile(
    r"^(?:[一二三四五六七八九十]+[、是]|[（(][一二三四五六七八九十\d]+[)）]|\d{1,2}[.、．]|[①-⑳■□●○◆◇▲△★☆※►▶·-])"
)
_HEADING_RE = re.compile(r"^(#{1,6})(?:[ \t]+|(?=[^#\s][^#]*$))(.*?)(?:[ \t]+#+)?[ \t]*$")
_SPACES_RE = re.compile(r" {2,}")
_HAS_WORD_RE = re.compile(r"[\w\u3400-\u9fff]")
_ASCII_WORD_END = re.compile(r"[A-Za-z0-9,;:.!?)\]\"'%]$")
_ASCII_WORD_START = re.compile(r"^[A-Za-z0-9(\[\"'“]")


@dataclass
class Line:
    text: str
    kind: str = "body"  # heading | lead | byline | candidate | body
    level: int = 0  # Markdown heading level
    byline: Byline | None = None
    dateline: Dateline | None = None


def ends_paragraph(text: str) -> bool:
    """Does the line end a paragraph (。！？… or a closing quote after one)?"""
    index = len(text) - 1
    while index >= 0 and text[index] in CLOSING_MARKS:
        index -= 1
    return index >= 0 and text[index] in PARAGRAPH_END


def join_broken(left: str, right: str) -> str:
    """Join two halves of a line broken by the print layout: no space, except between ASCII words."""
    if _ASCII_WORD_END.search(left) and _ASCII_WORD_START.match(right):
        return f"{left} {right}"
    return left + right


def display_width(text: str) -> float:
    """Width in hanzi: an ASCII character counts half."""
    ascii_count = len(text.encode("ascii", errors="ignore"))
    return len(text) - ascii_count / 2


def is_headline_candidate(text: str) -> bool:
    """Short, no sentence-final punctuation, not a list item and not a quotation on its own."""
    if len(text) > 2 * MAX_HEADLINE_WIDTH or display_width(text) > MAX_HEADLINE_WIDTH:
        return False
    if not _HAS_WORD_RE.search(text) or ends_paragraph(text) or text[-1] in ",，、":
        return False
    if "。" in text or _ENUMERATOR_RE.match(text) or text[0] in "，,、”’)）】》":
        return False
    # A quotation standing alone (“前人栽树，后人乘凉”) is body text, not a headline.
    return not (text[0] in '“"「' and text[-1] in '”"」' and any(mark in text for mark in "，,；;"))


def _raw_lines(text: str) -> list[tuple[str, bool]]:
    """Non-blank lines, whitespace-trimmed and runs of spaces collapsed, with their hard-break flag."""
    lines = []
    for raw in text.split("\n"):
        hard_break = raw.endswith("  ") or raw.rstrip(" ").endswith("\\")
        line = raw.strip()
        if hard_break and line.endswith("\\"):
            line = line[:-1].rstrip()
        if line:
            lines.append((_SPACES_RE.sub(" ", line), hard_break))
    return lines


def _merge_hard_breaks(raw: list[tuple[str, bool]]) -> list[tuple[str, int]]:
    """Join Markdown hard-broken lines; return (text, heading level) per logical line."""
    merged: list[tuple[str, int]] = []
    pending_break = False
    for text, hard_break in raw:
        heading = _HEADING_RE.match(text)
        level = len(heading.group(1)) if heading and heading.group(2).strip() else 0
        content = heading.group(2).strip() if level else text
        if pending_break and merged and not level and not merged[-1][1] and not ends_paragraph(merged[-1][0]):
            merged[-1] = (join_broken(merged[-1][0], content), 0)
        else:
            merged.append((content, level))
        pending_break = hard_break and not level
    return merged


def classify_lines(text: str) -> list[Line]:
    """The page's lines, each with its kind (see the module docstring)."""
    lines: list[Line] = []
    for content, level in _merge_hard_breaks(_raw_lines(text)):
        if level:
            lines.append(Line(content, "heading", level=level))
            continue
        byline = parse_byline(content)
        if byline is not None:
            lines.append(Line(content, "byline", byline=byline))
            continue
        trailing = split_trailing_byline(content)
        byline_line = None
        if trailing is not None:
            sentences, found = trailing
            byline_line = Line(content[len(sentences) :].strip(), "byline", byline=found)
            content = sentences
        dateline = parse_dateline(content)
        if dateline is not None:
            lines.append(Line(content, "lead", dateline=dateline))
        elif is_headline_candidate(content):
            lines.append(Line(content, "candidate"))
        else:
            lines.append(Line(content, "body"))
        if byline_line is not None:
            lines.append(byline_line)
    return lines
