"""From an article's lines to a :class:`kg.model.Article`: repaired paragraphs, offsets, id.

Broken print lines are joined: a line that does not end its paragraph (。！？… or a closing quote
after one) continues on the next line, however many blank lines lay between them, so
``郑州市人`` / ``大常委会副主任蔡红`` becomes ``郑州市人大常委会副主任蔡红``. Headlines and bylines
were set apart before this step, so they are never glued to body text.

The article text is the headline line, the subtitle line (if any), then the paragraphs, joined by
``\\n``; the byline is not part of it, and neither is a bare ``本报讯`` dateline (one that names a
place or date, ``本报北京4月8日电``, is kept). Every span and sentence offset indexes that text.
"""

from __future__ import annotations

import hashlib
from pathlib import PurePath

from kg.corpus.headlines import choose_headline
from kg.corpus.lines import Line, ends_paragraph, join_broken
from kg.corpus.segment import ArticleBlock
from kg.corpus.sentences import split_sentences
from kg.model import Article, Sentence, Span

_MAX_QUOTATION = 300  # characters a quotation may keep a paragraph open across line ends


def _lead_text(line: Line) -> str:
    """The lead line without its dateline's byline brackets (and without a bare ``本报讯``)."""
    dateline = line.dateline
    if dateline is None:
        return line.text
    rest = line.text[dateline.end :].strip()
    if dateline.plain:
        return rest
    head = line.text[: dateline.dateline_end]
    return f"{head} {rest}".strip() if rest else head


def repair_paragraphs(lines: list[Line]) -> list[str]:
    """Join lines broken by the layout into paragraphs; keep real paragraph breaks.

    A line ends its paragraph when it ends with final punctuation outside any open quotation
    (a hard-wrapped ``…有什么顾虑呢?`` inside “…” does not). A subhead (``一、强化组织领导``) is a
    paragraph of its own on both sides. Parts are collected and joined once, so a paragraph of
    a million wrapped lines costs linear time.
    """
    paragraphs: list[str] = []
    parts: list[str] = []  # the paragraph being built
    length = 0  # its length so far
    open_quotes = 0
    quote_opened_at = 0  # where its oldest open quotation began (at line granularity)

    def finish() -> None:
        nonlocal open_quotes, length
        if parts:
            paragraphs.append("".join(parts))
            parts.clear()
        open_quotes = length = 0

    for line in lines:
        text = _lead_text(line) if line.kind == "lead" else line.text
        if not text:
            continue
        if line.kind == "subhead":
            finish()
            paragraphs.append(text)
            continue
        if parts:
            joined = join_broken(parts[-1], text)
            parts.append(joined[len(parts[-1]) :])  # the separator (if any) and the new line
        else:
            parts.append(text)
        if not open_quotes:
            quote_opened_at = length
        length += len(parts[-1])
        open_quotes = max(0, open_quotes + text.count("“") - text.count("”"))
        # A quotation left open for longer than a quotation runs is a stray mark: ignore it.
        quoting = open_quotes and length - quote_opened_at <= _MAX_QUOTATION
        if ends_paragraph(text) and not quoting:
            finish()
    finish()
    return paragraphs


def page_stem(file: str) -> str:
    return "stdin" if file == "-" else PurePath(file).stem


def build_article(block: ArticleBlock, file: str, position: int) -> Article | None:
    """The article of ``block`` (position-th on its page), or None when it holds no text at all."""
    headline, subtitle = choose_headline(block.headline_lines, block.heading_index)
    blocks: list[tuple[str, str]] = []
    if headline:
        blocks.append((headline, "headline"))
    if subtitle:
        blocks.append((subtitle, "subtitle"))
    for index, paragraph in enumerate(repair_paragraphs(block.lines)):
        blocks.append((paragraph, "lead" if index == 0 else "body"))
    if not blocks:
        return None
    spans: list[Span] = []
    start = 0
    for content, kind in blocks:
        spans.append(Span(start, start + len(content), kind))
        start += len(content) + 1
    text = "\n".join(content for content, _ in blocks)
    sentences: list[Sentence] = []
    for paragraph_index, span in enumerate(spans):
        for begin, end in split_sentences(text[span.start : span.end], offset=span.start):
            sentences.append(Sentence(len(sentences), begin, end, paragraph_index, text[begin:end]))
    # text passed in directly (not read from a file) may hold lone surrogates: hash them rather than crash
    content_hash = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    return Article(
        id=f"{page_stem(file)}-{position}-{content_hash[:8]}",
        file=file,
        position=position,
        headline=headline,
        text=text,
        subtitle=subtitle,
        page_title=block.page_title,
        paragraphs=spans,
        sentences=sentences,
        reporters=list(block.byline.reporters),
        correspondents=list(block.byline.correspondents),
        content_hash=content_hash,
    )
