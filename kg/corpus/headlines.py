"""Which of an article's headline lines is its headline, and which make its subtitle.

Chinese news headlines come in up to three parts: a kicker above (引题, often short parallel
phrases: ``学“长霞” 铸初心``), the main title (主题, usually naming who did what:
``惠济区党史学习教育领导小组办公室赴任长霞先进事迹陈列馆参观学习``), and a subtitle below (副题).
Print-to-text conversion may put them on separate lines or run them into one line separated by
spaces. The main title becomes ``Article.headline``; the other parts, in page order, the
``subtitle``. Cues, all general:

- A Markdown heading is the headline as written.
- A part that opens with a known place (``中原区…``, from ``ontology/lexicon/known_places.tsv``)
  names the actor: when exactly one part does, it is the main title.
- Otherwise a kicker of short parallel phrases above a longer or plain line yields to that line;
  and on one line, a clearly longest Chinese segment (at least 12 wide and 1.5 times any other)
  is the title. Parallel phrases of like length (``关心群众身边事 主动服务解民忧``) stay whole, and
  so do lines of English words.
"""

from __future__ import annotations

import re
from functools import cache

from kg.corpus.lines import display_width

_KICKER_PART_WIDTH = 10
_TITLE_MIN_WIDTH = 12
_TITLE_RATIO = 1.5
_PLACE_TITLE_MIN_WIDTH = 8
_HAN_RE = re.compile(r"[\u3400-\u9fff]")


@cache
def _place_names() -> tuple[str, ...]:
    """Known place names and their aliases (two characters or more), longest first."""
    try:
        from kg.resources import data_lines, lexicon_path

        rows = data_lines(lexicon_path("known_places.tsv"))
    except (OSError, FileNotFoundError):
        return ()
    names: set[str] = set()
    for row in rows:
        columns = row.split("\t")
        names.add(columns[0].strip())
        if len(columns) > 3:
            names.update(alias.strip() for alias in columns[3].split(","))
    return tuple(sorted((name for name in names if len(name) >= 2), key=lambda name: (-len(name), name)))


def starts_with_place(text: str) -> bool:
    return text.startswith(_place_names())


def _is_kicker(line: str) -> bool:
    """A line of short parallel phrases (``学“长霞” 铸初心``)."""
    parts = line.split(" ")
    return len(parts) >= 2 and all(display_width(part) <= _KICKER_PART_WIDTH for part in parts)


def _the_one_naming_a_place(parts: list[str], min_width: float = 0) -> int | None:
    naming = [index for index, part in enumerate(parts) if starts_with_place(part)]
    if len(naming) == 1 and display_width(parts[naming[0]]) >= min_width:
        return naming[0]
    return None


def split_title_line(line: str) -> tuple[str, str | None]:
    """A one-line headline that holds a main title and short phrases beside it, split.

    ``全市“八大群体”母亲河畔健步走 庆建党100周年 奋进黄河战略新征程`` → the first segment, and the
    other two as the subtitle; ``全景展现“绿水青山就是金山银山”发展理念 中原区“生态中原”摄影展开幕``
    → the segment that opens with a place.
    """
    segments = line.split(" ")
    if len(segments) < 2 or not all(_HAN_RE.search(segment) for segment in segments):
        return line, None
    main = _the_one_naming_a_place(segments, _PLACE_TITLE_MIN_WIDTH)
    if main is None:
        widths = [display_width(segment) for segment in segments]
        longest = max(range(len(segments)), key=widths.__getitem__)
        others = [width for index, width in enumerate(widths) if index != longest]
        if widths[longest] < _TITLE_MIN_WIDTH or widths[longest] < _TITLE_RATIO * max(others):
            return line, None
        main = longest
    rest = " ".join(segment for index, segment in enumerate(segments) if index != main)
    return segments[main], rest


def choose_headline(lines: list[str], heading_index: int | None) -> tuple[str, str | None]:
    """(headline, subtitle) from the headline lines, in page order (see the module docstring)."""
    if not lines:
        return "", None
    if heading_index is None and len(lines) == 1:
        return split_title_line(lines[0])
    if heading_index is not None:
        main = heading_index
    else:
        main = _the_one_naming_a_place(lines)
        if main is None:
            kicker_above = len(lines) >= 2 and _is_kicker(lines[0])
            title_below = kicker_above and (" " not in lines[1] or display_width(lines[1]) > display_width(lines[0]))
            main = 1 if title_below else 0
    others = [line for position, line in enumerate(lines) if position != main]
    return lines[main], " ".join(others) or None
