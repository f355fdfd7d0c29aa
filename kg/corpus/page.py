"""One page of text in, its articles out: normalise → (strip HTML) → classify lines → split → build."""

from __future__ import annotations

from kg.corpus.assemble import build_article
from kg.corpus.html import html_to_text, looks_like_html
from kg.corpus.lines import classify_lines
from kg.corpus.normalise import normalise_text
from kg.corpus.segment import split_articles
from kg.model import Article


def articles_from_text(text: str, file: str = "-") -> list[Article]:
    """The articles of one decoded page, in page order. Never raises on any text."""
    text = normalise_text(text)
    if looks_like_html(text):
        text = normalise_text(html_to_text(text))
    articles: list[Article] = []
    for block in split_articles(classify_lines(text)):
        article = build_article(block, file, len(articles))
        if article is not None:
            articles.append(article)
    return articles
