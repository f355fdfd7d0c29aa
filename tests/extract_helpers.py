"""Running the extraction pipeline on a sentence or two in a test: one article made from the text."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from kg.corpus import read_articles
from kg.evaluation import match_article
from kg.extract.pipeline import analyse, extract_article
from kg.model import Article, Event, Extraction, Place
from kg.settings import Settings


def article_of(text: str, headline: str | None = None) -> Article:
    """An article of ``text``; with ``headline``, the headline is put on a line before it, else the text's
    first line is the headline."""
    if headline is None:
        headline = text.partition("\n")[0]
    else:
        text = headline + "\n" + text
    return Article(id="t-0-00000000", file="t.txt", position=0, headline=headline, text=text)


def doc_of(text: str, headline: str | None = None):
    """The analysed document (mentions, persons, bodies, places) of one article."""
    return analyse(article_of(text, headline), Settings())


def extract_of(text: str, headline: str | None = None) -> Extraction:
    return extract_article(article_of(text, headline), Settings())


def first_event(text: str, headline: str | None = None) -> Event:
    events = extract_of(text, headline).events
    assert events, "no event found"
    return events[0]


def posts_of(doc, name: str) -> list[tuple[str, str | None]]:
    """(title, body) of each post of the person ``name``, in the order found."""
    return [(post.title, post.body) for post in doc.persons[name].posts]


def person_roles(event: Event) -> dict[str, str]:
    return {p.agent: p.role for p in event.participants if p.agent_type == "person"}


def body_roles(event: Event) -> dict[str, str]:
    return {p.agent: p.role for p in event.participants if p.agent_type == "body"}


def events_and_places(headline: str, *paragraphs: str) -> tuple[list[Event], dict[str, Place]]:
    """The events and the places by name of one article: ``headline`` and ``paragraphs``, a line each."""
    extraction = extract_of("\n".join(paragraphs), headline)
    return extraction.events, {p.name: p for p in extraction.places}


def page_events(pages: Path, file: str, headline: str) -> list[Event]:
    """The events of the article of a page that a gold record names, read as the CLI reads it (the page's city)."""
    article = match_article(read_articles([pages / file]).articles, file, headline)
    assert article is not None, f"no article {headline!r} in {file}"
    return extract_article(article, Settings()).events


@cache
def _page_articles(page: Path) -> tuple[Article, ...]:
    return tuple(read_articles([page]).articles)


def page_article(page: Path, headline_part: str) -> Article:
    """The article of the page file ``page`` whose first two lines (a kicker or the headline, then the title or the
    lead) hold ``headline_part``."""
    return next(a for a in _page_articles(page) if headline_part in a.text.split("\n", 2)[0] + a.text.split("\n", 2)[1])


def page_event(page: Path, headline_part: str, settings: Settings | None = None) -> Event:
    """The first event of :func:`page_article`."""
    events = extract_article(page_article(page, headline_part), settings or Settings()).events
    assert events, "no event found"
    return events[0]
