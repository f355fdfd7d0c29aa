"""Pages saved as HTML instead of text: keep the visible text, drop the markup.

We strip rather than reject, because a saved web page is a common way to get a news page. Block
elements (``p``, ``div``, ``br``, ``li`` …) become line breaks, ``h1``–``h6`` become Markdown
``#`` headings (which the article splitter understands), ``script``/``style``/``head`` are dropped,
and entities are decoded. Source line breaks inside a block are HTML whitespace, not layout: they
vanish between Chinese characters and become one space elsewhere.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

_BLOCK_TAGS = frozenset(
    {"p", "div", "section", "article", "header", "footer", "aside", "nav", "main", "blockquote", "pre", "ul"}
    | {"ol", "li", "dl", "dt", "dd", "table", "tr", "td", "th", "caption", "figure", "figcaption", "form"}
    | {"fieldset", "address", "center", "hr", "title"}
)
_SKIPPED_TAGS = frozenset({"script", "style", "head", "noscript", "template", "svg"})
_HEADING_LEVEL = {f"h{level}": level for level in range(1, 7)}
_CJK = r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef“”‘’]"
_CJK_BREAK_RE = re.compile(rf"(?<={_CJK})\s*\n\s*(?={_CJK})")
_SPACE_RE = re.compile(r"\s+")
_HTML_START_RE = re.compile(r"\s*<(!doctype\s+html|html|head|body|meta|title|div|p|h[1-6])\b", re.IGNORECASE)


def looks_like_html(text: str) -> bool:
    """A page whose first non-blank content is an HTML tag."""
    return bool(_HTML_START_RE.match(text[:2000]))


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self.current: list[str] = []
        self.skip_depth = 0
        self.heading_level = 0

    def _flush(self) -> None:
        raw = "".join(self.current)
        self.current = []
        text = _SPACE_RE.sub(" ", _CJK_BREAK_RE.sub("", raw)).strip()
        if text:
            prefix = "#" * self.heading_level + " " if self.heading_level else ""
            self.blocks.append(prefix + text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED_TAGS:
            self.skip_depth += 1
        elif tag in _HEADING_LEVEL:
            self._flush()
            self.heading_level = _HEADING_LEVEL[tag]
        elif tag in _BLOCK_TAGS or tag == "br":
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED_TAGS:
            self.skip_depth = max(0, self.skip_depth - 1)
        elif tag in _HEADING_LEVEL:
            self._flush()
            self.heading_level = 0
        elif tag in _BLOCK_TAGS:
            self._flush()

    def handle_data(self, data: str) -> None:
        if not self.skip_depth:
            self.current.append(data)


def html_to_text(markup: str) -> str:
    """The visible text of an HTML page, one block a paragraph (separated by blank lines)."""
    parser = _TextExtractor()
    parser.feed(markup)
    parser.close()
    parser._flush()
    return "\n\n".join(parser.blocks)
