"""The corpus layer: news pages (any supported encoding) in, :class:`kg.model.Article` objects out.

``read_articles`` reads files, directories (``*.txt``, recursively, in sorted order) and standard
input (``-``); ``articles_from_text`` does the same for one page already in memory and never
raises; ``split_sentences`` is the sentence splitter the articles use, for reuse by other stages.

Steps, one module each: ``decode`` (bytes → text: UTF-8 with or without BOM, UTF-16 with BOM,
GB18030/GBK; binary and undecodable pages are refused with the byte offset), ``normalise`` and
``html`` (characters; HTML pages are stripped to their text, not rejected), ``lines`` (what each
line is: heading, dateline, byline, headline candidate, body), ``segment`` (lines → articles),
``headlines`` (main title vs kicker and subtitle), ``assemble`` (broken print lines joined,
offsets, ids), ``reader`` (paths → pages). Word lists live in ``kg/corpus/data/``.
"""

from __future__ import annotations

from kg.corpus.page import articles_from_text
from kg.corpus.reader import Corpus, read_articles, read_page
from kg.corpus.sentences import split_sentences
from kg.corpus.summary import article_summary

__all__ = ["Corpus", "article_summary", "articles_from_text", "read_articles", "read_page", "split_sentences"]
