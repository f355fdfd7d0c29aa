"""Pages in, resolved extractions out: what ``kg extract`` and the evaluation run."""

from __future__ import annotations

from collections.abc import Sequence

from kg.model import Extraction
from kg.settings import Settings


def extract_paths(paths: Sequence[str], settings: Settings) -> list[Extraction]:
    """Read the pages, extract every article and give persons their keys (:func:`kg.resolve.resolve`)."""
    from kg.corpus import read_articles
    from kg.extract.pipeline import extract_article
    from kg.resolve import resolve

    corpus = read_articles(list(paths))
    return resolve([extract_article(article, settings) for article in corpus.articles], settings)
