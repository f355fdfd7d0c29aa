"""A page as a list of classified lines: the unit the article splitter works on.

Blank lines carry almost no information in print-layout text (a sentence broken by the column is
often followed by one or three blank lines), so they are dropped; what each non-blank line *is*
comes from its own shape:

- ``heading``: a Markdown ATX heading (``#``/``##`` …), marker removed.
- ``lead``: it opens with a dateline (``本报讯``, ``本报北京4月8日电`` …).
- ``byline``: the whole line is a byline (``记者 张改华 通讯员 吕杨子``).
- ``candidate``: short, without sentence-final punctuation: it may be a headline line.
- ``subhead``: a short enumerated heading inside an article (``一、强化组织领导``): a paragraph of
  its own, never joined to the text after it.
- ``header``: a running page header (``2021年4月14日 星期三 第07版``): dropped.
- ``body``: anything else.

On a page hard-wrapped at a fixed column width (most lines the same width), a full-width line
without final punctuation is a wrapped body line, not a headline, unless a dateline follows it
directly; such a line may also be wider than a headline usually is.

A byline that follows the last sentence on the same line (``…贡献。记者 简洋``) is split off into
a line of its own. Markdown hard line breaks (two trailing spaces or a backslash) join a line to
the next one before anything is classified: ``尽职责,严分工,  ⏎全力改善全区空气质量`` is one line.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from kg.corpus.bylines import Byline, Dateline, parse_byline, parse_dateline, split_trailing_byline

# A line ending in one of these ends its paragraph (closing quotes after them too).
PARAGRAPH_END = frozenset("。！？!?…；;：:.")
CLOSING_MARKS = frozenset("”’」』）)】》〉\"'")
MAX_HEADLINE_LINES = 3
# A headline line is at most this wide (a hanzi counts 1, an ASCII character 1/2) …
MAX_HEADLINE_WIDTH = 64
# … or this wide when a dateline follows it directly.
MAX_HEADLINE_WIDTH_BEFORE_LEAD = 100
# Hard-wrapped pages: lines at least this wide are counted, and the commonest width (±1) must
# hold this share of them, over at least this many lines.
_WRAP_MIN_WIDTH = 12
_WRAP_SHARE = 0.4
_WRAP_MIN_LINES = 6
_WRAP_TOLERANCE = 1.5
_MAX_BRACKET_JOIN = 90
_SUBHEAD_MAX_WIDTH = 30
_BULLETS = "■□●○◆◇▲△★☆※►▶ "
_BROKEN_TITLE_WIDTH = 20
# Marks that open an in-article subhead or list item: never an article headline.
_ENUMERATOR_RE = re.compile(
    r"^(?:[一二三四五六七八九十]+[、是]|[（(][一二三四五六七八九十\d]+[)）]|\d{1,2}[.、．]|[①-⑳■□●○◆◇▲△★☆※►▶·-])"
)
_HEADING_RE = re.compile(r"^(#{1,6})(?:[ \t]+|(?=[^#\s][^#]*$))(.*?)(?:[ \t]+#+)?[ \t]*$")
_SPACES_RE = re.compile(r" {2,}")
_HAN_RE = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_HAS_WORD_RE = re.compile(r"[\w\u3400-\u9fff]")
_ASCII_WORD_END = re.compile(r"[A-Za-z0-9,;:.!?)\]\"'%]$")
_ASCII_WORD_START = re.compile(r"^[A-Za-z0-9(\[\"'“]")
_PAGE_HEADER_RE = re.compile(
    r"第\s*[0-9０-９一二三四五六七八九十]+\s*版|星期[一二三四五六日天]|(?<![A-Za-z])[A-Z]\d{1,2}\s*版"
)
_MAX_HEADER_WIDTH = 40
_INNER_FULL_STOP_RE = re.compile(r"[a-z]\.\s+[A-Z]")
_INNER_PUNCTUATION_RE = re.compile(r"[，,、；;：:。！？!?]")


@dataclass
class Line:
    text: str
    kind: str = "body"  # heading | lead | byline | candidate | subhead | header | body
    level: int = 0  # Markdown heading level
    byline: Byline | None = None
    dateline: Dateline | None = None
    wrapped: bool = False  # as wide as the column of a hard-wrapped page: the text goes on


def ends_paragraph(text: str) -> bool:
    """Does the line end a paragraph (。！？… or a closing quote after one)?

    An ASCII full stop after a digit ends one only in English text: in Chinese it is more likely
    a decimal point cut by the line break (``PM2.`` / ``5``).
    """
    index = len(text) - 1
    while index >= 0 and text[index] in CLOSING_MARKS:
        index -= 1
    if index < 0 or text[index] not in PARAGRAPH_END:
        return False
    if text[index] == "." and index > 0 and text[index - 1].isdigit():
        return _is_english(text[-200:])
    return True


def _is_english(text: str) -> bool:
    """Mostly ASCII and without a single hanzi: text whose words are separated by spaces."""
    return len(text.encode("ascii", errors="ignore")) * 2 > len(text) and not _HAN_RE.search(text)


def join_broken(left: str, right: str) -> str:
    """Join two halves of a line broken by the print layout.

    Chinese joins without a space (even across digits: ``20``/``20年``); English lines join with
    one, as the break stood for a space.
    """
    if _ASCII_WORD_END.search(left) and _ASCII_WORD_START.match(right) and _is_english(left[-200:]):
        return f"{left} {right}"
    return left + right


def display_width(text: str) -> float:
    """Width in hanzi: an ASCII character counts half."""
    ascii_count = len(text.encode("ascii", errors="ignore"))
    return len(text) - ascii_count / 2


def is_headline_candidate(text: str, max_width: float = MAX_HEADLINE_WIDTH, before_lead: bool = False) -> bool:
    """Short, no sentence-final punctuation, not a list item and not a quotation on its own.

    Right above a dateline, a headline may end with a question or exclamation mark
    (``如何让群众少跑腿？``); elsewhere such a short line is more likely the end of a paragraph.
    """
    if len(text) > 2 * max_width or display_width(text) > max_width:
        return False
    if not _HAS_WORD_RE.search(text) or text[-1] in ",，、":
        return False
    if ends_paragraph(text) and not (before_lead and text.rstrip("”’」』\"'")[-1:] in ("？", "！", "?", "!")):
        return False
    if "。" in text or _ENUMERATOR_RE.match(text) or text[0] in "，,、”’)）】》":
        return False
    if _INNER_FULL_STOP_RE.search(text):
        return False  # an English sentence ends inside: running text
    # A quotation standing alone (“前人栽树，后人乘凉”) is body text, not a headline.
    return not (text[0] in '“"「' and text[-1] in '”"」' and any(mark in text for mark in "，,；;"))


def _raw_lines(text: str) -> list[tuple[str, bool]]:
    """Non-blank lines, whitespace-trimmed and runs of spaces collapsed, each with a flag: does
    it end in a Markdown hard line break (two spaces, or a backslash)?"""
    lines = []
    for raw in text.split("\n"):
        line = raw.strip()
        if line:
            hard_break = raw.endswith("  ") or line.endswith("\\")
            lines.append((_SPACES_RE.sub(" ", line), hard_break))
    return lines


def _merge_hard_breaks(raw: list[tuple[str, bool]]) -> list[tuple[str, int]]:
    """Split off Markdown heading markers and, on Markdown pages, join hard-broken lines.

    Returns (text, heading level) per logical line. Trailing spaces mean nothing on a page that
    is not Markdown (full-width indentation spaces are common there), and a hard break never
    joins a line to a heading, a dateline or a byline.
    """
    parsed = []
    for text, hard_break in raw:
        heading = _HEADING_RE.match(text)
        level = len(heading.group(1)) if heading and heading.group(2).strip() else 0
        parsed.append((heading.group(2).strip() if level else text, level, hard_break))
    markdown = any(level for _, level, _ in parsed)
    merged: list[tuple[str, int]] = []
    pending_break = False
    for content, level, hard_break in parsed:
        if markdown and hard_break and content.endswith("\\"):
            content = content[:-1].rstrip()
        if (
            pending_break
            and not level
            and not ends_paragraph(merged[-1][0])
            and parse_dateline(content) is None
            and parse_byline(content) is None
        ):
            merged[-1] = (join_broken(merged[-1][0], content), 0)
        else:
            merged.append((content, level))
        pending_break = markdown and hard_break and not level and bool(content)
    return merged


def is_subhead(text: str) -> bool:
    """A short enumerated heading inside an article: ``一、强化组织领导``, ``（二）压实责任``."""
    return (
        display_width(text) <= _SUBHEAD_MAX_WIDTH
        and bool(_ENUMERATOR_RE.match(text))
        and not _INNER_PUNCTUATION_RE.search(text[2:])
    )


def wrap_width(texts: list[str]) -> float | None:
    """The column width a hard-wrapped page was wrapped at, or None when lines vary freely."""
    widths = [round(display_width(text)) for text in texts]
    counted = [width for width in widths if width >= _WRAP_MIN_WIDTH]
    if len(counted) < _WRAP_MIN_LINES:
        return None
    counts = Counter(counted)
    width = max(counts, key=lambda w: (counts[w - 1] + counts[w] + counts[w + 1], w))
    share = (counts[width - 1] + counts[width] + counts[width + 1]) / len(counted)
    return float(width) if share >= _WRAP_SHARE else None


def _complete_dateline_brackets(logical: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """Rejoin a dateline's byline bracket that a hard wrap cut: ``本报讯(记者 杨丽萍 通讯员 李香`` / ``懿 丁云凤)…``."""
    merged: list[tuple[str, int]] = []
    index = 0
    while index < len(logical):
        text, level = logical[index]
        index += 1
        dateline = None if level else parse_dateline(text)
        if dateline is not None and dateline.byline is None:
            opening = text[dateline.dateline_end :].lstrip()
            while (
                opening[:1] in ("(", "（")
                and not any(mark in opening for mark in ")）")
                and index < len(logical)
                and not logical[index][1]
                and len(opening) < _MAX_BRACKET_JOIN
            ):
                text = join_broken(text, logical[index][0])
                opening = text[dateline.dateline_end :].lstrip()
                index += 1
        merged.append((text, level))
    return merged


def _is_page_header(text: str) -> bool:
    return (
        display_width(text) <= _MAX_HEADER_WIDTH
        and bool(_PAGE_HEADER_RE.search(text))
        and not ends_paragraph(text)
        and "，" not in text
    )


def _is_wrapped(text: str, wrapped_at: float | None) -> bool:
    """Is the line as wide as the column a hard-wrapped page was wrapped at?"""
    return wrapped_at is not None and abs(display_width(text) - wrapped_at) <= _WRAP_TOLERANCE


def classify_lines(text: str) -> list[Line]:
    """The page's lines, each with its kind (see the module docstring)."""
    logical = _complete_dateline_brackets(_merge_hard_breaks(_raw_lines(text)))
    wrapped_at = wrap_width([content for content, level in logical if not level])
    lines: list[Line] = []
    for content, level in logical:
        if level:
            lines.append(Line(content, "heading", level=level))
            continue
        # A bullet mark may open a byline or a lead: ■本报记者 张三, □本报讯 …
        unmarked = content.lstrip(_BULLETS)
        byline = parse_byline(unmarked)
        if byline is not None:
            lines.append(Line(content, "byline", byline=byline))
            continue
        if unmarked != content and unmarked and parse_dateline(unmarked) is not None:
            content = unmarked
        trailing = split_trailing_byline(content)
        byline_line = None
        if trailing is not None:
            sentences, found = trailing
            byline_line = Line(content[len(sentences) :].strip(), "byline", byline=found)
            content = sentences
        dateline = parse_dateline(content)
        if dateline is None and _is_page_header(content):
            lines.append(Line(content, "header"))
        elif dateline is not None:
            lines.append(Line(content, "lead", dateline=dateline))
        elif _is_wrapped(content, wrapped_at) and not ends_paragraph(content):
            lines.append(Line(content, "body", wrapped=True))  # a full line of a hard-wrapped paragraph
        elif is_subhead(content):
            lines.append(Line(content, "subhead"))
        elif is_headline_candidate(content):
            lines.append(Line(content, "candidate"))
        else:
            lines.append(Line(content, "body"))
        if byline_line is not None:
            lines.append(byline_line)
    for index, line in enumerate(lines):
        if line.kind == "lead":
            _mark_headline_before(lines, index)
    return lines


def _is_broken_title_line(text: str) -> bool:
    """``尽职责,严分工,``: a short headline line cut after a comma, continued on the next line."""
    return text[-1:] in (",", "，") and display_width(text) <= _BROKEN_TITLE_WIDTH and is_headline_candidate(text[:-1])


def _mark_headline_before(lines: list[Line], lead: int) -> None:
    """Lines right before a dateline are its headline even when long or as wide as the column.

    The line just above always is (a paragraph's last line ends with final punctuation). Up to
    two more above it are too, when the text above them ends a paragraph: a long headline that
    the column wrapped. Wrapped headline lines are marked so they join up again.
    """
    chain: list[int] = []
    index = lead - 1
    while (
        index >= 0
        and len(chain) < MAX_HEADLINE_LINES
        and lines[index].kind in ("body", "candidate")
        and (
            # only the line right above may end with ？ or ！ (a paragraph's end may, too) …
            is_headline_candidate(lines[index].text, MAX_HEADLINE_WIDTH_BEFORE_LEAD, before_lead=not chain)
            # … and a short line higher up may end with a comma: a subtitle broken in two
            or (chain and _is_broken_title_line(lines[index].text))
        )
    ):
        chain.append(index)
        index -= 1
    if not chain:
        return
    boundary = index < 0 or lines[index].kind in ("byline", "heading", "lead") or ends_paragraph(lines[index].text)
    for position in chain if boundary else chain[:1]:
        lines[position].kind = "candidate"
