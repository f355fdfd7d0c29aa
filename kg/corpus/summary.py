"""One article as a flat record, the shape ``kg articles`` prints (one JSON object a line)."""

from __future__ import annotations

from typing import Any

from kg.model import Article


def article_summary(article: Article, with_text: bool = False) -> dict[str, Any]:
    """id, file, headline, subtitle, page_title, reporters, correspondents, paragraph and
    sentence counts, and with ``with_text`` the repaired text."""
    record: dict[str, Any] = {
        "id": article.id,
        "file": article.file,
        "headline": article.headline,
        "subtitle": article.subtitle,
        "page_title": article.page_title,
        "reporters": list(article.reporters),
        "correspondents": list(article.correspondents),
        "paragraphs": len(article.paragraphs),
        "sentences": len(article.sentences),
    }
    if with_text:
        record["text"] = article.text
    return record
