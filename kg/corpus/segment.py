"""Splitting a page's classified lines into articles.

A page holds several articles, each: one to three headline lines, a lead (usually opening with a
dateline such as ``本报讯``), body paragraphs, and a byline, which may come last, may share a
line with the last sentence, or may come in brackets after the dateline. The cues, in order:

1. A Markdown heading always starts an article, except a heading directly followed by a deeper
   one (``#`` above ``##``): that is the page's title, stored as ``page_title``.
2. A run of short, unpunctuated lines (``candidate`` lines) right before a dateline is the next
   article's headline: its last three lines (earlier ones stay with the previous article, or
   become the page title at the top of the page). This holds even when the line before ended
   mid-sentence: a headline is never glued to body text.
3. Without a dateline, such a run starts an article only where an article can end: at the top
   of the page, or after a finished paragraph or a byline when the article before is *closed*,
   i.e. no trailing byline is still expected from it (its reporters came in brackets, it had no
   dateline, or its byline was already seen). A run followed by a byline and then text is a
   headline with the byline on top. On pages whose articles are Markdown headings, only rules
   1 and 2 start articles. On a page that credits its articles (datelines, bylines), an article
   started this way must turn out to have a byline of its own; if it has none, its "headline"
   was a subhead of the article before, and it is merged back as a paragraph of that article.
4. Everything else (body text, short lines that do not start an article, paragraphs printed
   after the byline) belongs to the article being read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from kg.corpus.bylines import Byline, Dateline
from kg.corpus.lexicon import lead_openers, longest_first
from kg.corpus.lines import MAX_HEADLINE_LINES, Line, ends_paragraph, join_broken

_MAX_RUN = 8  # longer runs of short lines are text, not one headline


@dataclass
class ArticleBlock:
    """One article's lines as found on the page, before its text is repaired."""

    headline_lines: list[str] = field(default_factory=list)
    heading_index: int | None = None  # which headline line was a Markdown heading
    page_title: str | None = None
    lines: list[Line] = field(default_factory=list)  # lead and body lines, in page order
    byline: Byline = field(default_factory=Byline)
    dateline: Dateline | None = None
    closed: bool = True  # no trailing byline is expected any more
    by_layout_only: bool = False  # started by rule 3: no dateline or heading announced it

    @property
    def credited(self) -> bool:
        return bool(self.byline.reporters or self.byline.correspondents)

    @property
    def awaiting_text(self) -> bool:
        return not self.lines and self.dateline is None

    def add_byline(self, byline: Byline) -> None:
        self.byline.extend(byline)
        self.closed = True


def _headline_texts(lines: list[Line]) -> list[str]:
    """The headline's lines, a line the column wrapped joined to the one that continues it.

    A line of parallel phrases (with a space inside) is a kicker that happens to be as wide as
    the column, not a wrapped line. A line cut after a comma (``尽职责,严分工,``) goes on too.
    """
    texts: list[str] = []
    continues = False
    for line in lines:
        if continues:
            texts[-1] = join_broken(texts[-1], line.text)
        else:
            texts.append(line.text)
        continues = (line.wrapped and " " not in line.text) or line.text[-1:] in (",", "，")
    return texts


class _Splitter:
    def __init__(self, lines: list[Line]) -> None:
        self.lines = lines
        self.blocks: list[ArticleBlock] = []
        self.current: ArticleBlock | None = None
        self.page_title: str | None = None
        self.pending_byline = Byline()  # a byline seen before any article
        self.markdown_page = any(line.kind == "heading" for line in lines)

    def start(self, headline_lines: list[str], heading: bool = False) -> ArticleBlock:
        block = ArticleBlock(headline_lines=headline_lines, page_title=self.page_title)
        if heading:
            block.heading_index = 0
        if self.pending_byline.reporters or self.pending_byline.correspondents:
            block.byline.extend(self.pending_byline)
            self.pending_byline = Byline()
        self.blocks.append(block)
        self.current = block
        return block

    def line_before_allows_start(self, index: int) -> bool:
        if index == 0:
            return True
        before = self.lines[index - 1]
        return before.kind in ("byline", "heading") or ends_paragraph(before.text)

    def add_text(self, line: Line) -> None:
        if self.current is None:
            self.start([])
        assert self.current is not None
        self.current.lines.append(line)

    def run(self) -> list[ArticleBlock]:
        index = 0
        while index < len(self.lines):
            line = self.lines[index]
            if line.kind == "heading":
                index = self.on_heading(index)
            elif line.kind == "candidate":
                index = self.on_candidates(index)
            elif line.kind == "lead":
                self.on_lead(line)
                index += 1
            elif line.kind == "header":
                index += 1  # a running page header belongs to no article
            elif line.kind == "byline":
                assert line.byline is not None
                if self.current is None:
                    self.pending_byline.extend(line.byline)
                else:
                    self.current.add_byline(line.byline)
                index += 1
            else:
                self.add_text(line)
                index += 1
        return self.blocks

    def on_heading(self, index: int) -> int:
        line = self.lines[index]
        following = self.lines[index + 1] if index + 1 < len(self.lines) else None
        if following is not None and following.kind == "heading" and following.level > line.level:
            self.page_title = line.text
        else:
            self.start([line.text], heading=True)
        return index + 1

    def on_lead(self, line: Line) -> None:
        assert line.dateline is not None
        if self.current is None or not self.current.awaiting_text:
            self.start([])  # a dateline with no headline above it still opens an article
        block = self.current
        assert block is not None
        block.dateline = line.dateline
        if line.dateline.byline is not None:
            block.byline.extend(line.dateline.byline)
        # A bare dateline promises a byline at the end, unless one was already given.
        block.closed = bool(block.byline.reporters or block.byline.correspondents)
        block.lines.append(line)

    def on_candidates(self, index: int) -> int:
        end = index
        while end < len(self.lines) and self.lines[end].kind == "candidate" and end - index < _MAX_RUN:
            end += 1
        after_bylines = end
        while after_bylines < len(self.lines) and self.lines[after_bylines].kind == "byline":
            after_bylines += 1
        following = self.lines[end] if end < len(self.lines) else None
        after = self.lines[after_bylines] if after_bylines < len(self.lines) else None
        current = self.current

        # Right under a fresh headline (a Markdown heading): subtitle lines.
        if current is not None and current.awaiting_text and current.headline_lines:
            room = MAX_HEADLINE_LINES - len(current.headline_lines)
            if room > 0 and (following is None or following.kind != "candidate" or end - index <= room):
                taken = min(room, end - index)
                current.headline_lines.extend(line.text for line in self.lines[index : index + taken])
                return index + taken

        if current is None or (following is not None and following.kind == "lead"):
            starts = True
        elif self.markdown_page or after is None or after.kind not in ("lead", "body", "subhead"):
            starts = False
        elif after_bylines > end:  # headline, byline on top, then text
            starts = self.line_before_allows_start(index)
        else:
            starts = current.closed and self.line_before_allows_start(index)

        run = self.lines[index:end]
        if not starts:
            for line in run:
                self.add_text(line)
            return end
        headline, extra = run[-MAX_HEADLINE_LINES:], run[:-MAX_HEADLINE_LINES]
        if extra:
            if current is None:
                self.page_title = " ".join(line.text for line in extra)
            else:
                current.lines.extend(extra)
        block = self.start(_headline_texts(headline))
        block.by_layout_only = current is not None and (following is None or following.kind != "lead")
        for line in self.lines[end:after_bylines]:
            assert line.byline is not None
            block.byline.extend(line.byline)
        return after_bylines


@cache
def _lead_opener_re() -> re.Pattern[str]:
    words = "|".join(re.escape(word) for word in longest_first(lead_openers()))
    dates = r"\d{1,2}月\d{1,2}日|\d{4}年\d{1,2}月|\d{1,2}日(?:上午|下午|晚|早|凌晨|中午)"
    return re.compile(rf"^(?:{words}|{dates})")


def _opens_like_a_lead(block: ArticleBlock) -> bool:
    return bool(block.lines) and bool(_lead_opener_re().match(block.lines[0].text))


def _merge_uncredited(blocks: list[ArticleBlock]) -> list[ArticleBlock]:
    """Fold articles that only the layout suggested, and that neither a byline nor a lead-like
    opening (a date, 近日 …) confirmed, back into the article before them, on pages whose
    articles carry datelines or bylines."""
    if not any(block.dateline is not None or block.credited for block in blocks):
        return blocks
    kept: list[ArticleBlock] = []
    for block in blocks:
        confirmed = block.credited or _opens_like_a_lead(block)
        if kept and block.by_layout_only and block.dateline is None and not confirmed:
            previous = kept[-1]
            previous.lines.extend(Line(text, "subhead") for text in block.headline_lines)
            previous.lines.extend(block.lines)
        else:
            kept.append(block)
    return kept


def split_articles(lines: list[Line]) -> list[ArticleBlock]:
    """The articles of a page, in page order (see the module docstring for the rules)."""
    return _merge_uncredited(_Splitter(lines).run())
