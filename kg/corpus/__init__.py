"""The corpus layer: news pages (any supported encoding) in, :class:`kg.model.Article` objects out.

``read_articles`` reads files, directories and standard input; ``articles_from_text`` does the
same for one page already in memory; ``split_sentences`` is the sentence splitter the articles
use, for reuse by other stages. Steps, one module each: ``decode`` (bytes → text), ``normalise``
and ``html`` (characters), ``lines`` (classify lines), ``segment`` (lines → articles),
``assemble`` (repair broken lines, offsets, ids), ``reader`` (paths → pages).
"""

from __future__ import annotations

from kg.corpus.page import articles_from_text
from kg.corpus.reader import Corpus, read_articles, read_page
from kg.corpus.sentences import split_sentences
from kg.corpus.summary import article_summary

__all__ = ["Corpus", "article_summary", "articles_from_text", "read_articles", "read_page", "split_sentences"]
