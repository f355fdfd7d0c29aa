"""Extraction of one article: small components run in a declared order over one :class:`Doc`.

Order (each component reads what the earlier ones added):

1. ``units``      cut the text into titles, body suffixes, known bodies and places (one regex pass)
2. ``places``     LOC mentions, places with level and containment
3. ``bodies``     ORG mentions, bodies with kind, parent and division
4. ``titles``     TITLE mentions
5. ``bylines``    reporters and correspondents named in the text (authors, never officials)
6. ``officials``  title chains bound to names, names before titles, name lists, 同志, speakers
7. ``crf``        PER spans of the statistical tagger, when it is installed
8. ``coref``      every further occurrence of a known name
9. ``times``      TIME mentions (:func:`kg.extract.dates.parse_dates`, the event detector's date rules)
10. ``events``     :func:`kg.extract.events.detect_events` over everything above
"""

from __future__ import annotations

from collections.abc import Callable

from kg.extract import coref, officials, places, titles
from kg.extract.bodies import find_body_mentions
from kg.extract.dates import parse_dates
from kg.extract.events import detect_events
from kg.extract.lexicon import load_lexicon
from kg.extract.mentions import Doc, build_doc, dedupe_mentions
from kg.model import Article, Extraction
from kg.settings import Settings


def _officials(doc: Doc) -> None:
    officials.bind_officials(doc, titles.find_chains(doc))
    officials.find_names_before_titles(doc)
    officials.find_name_lists(doc)
    officials.find_listed_names(doc)
    officials.find_comrades(doc)
    officials.find_body_speakers(doc)
    officials.find_noun_persons(doc)


def _times(doc: Doc) -> None:
    for mention, _date in parse_dates(doc.text):
        doc.mentions.append(mention)


COMPONENTS: list[tuple[str, Callable[[Doc], None]]] = [
    ("places", places.find_places),
    ("bodies", find_body_mentions),
    ("titles", titles.find_title_mentions),
    ("bylines", officials.find_bylines),
    ("officials", _officials),
    ("crf", officials.find_crf_persons),
    ("coref", coref.link_names),
    ("times", _times),
]


def analyse(article: Article, settings: Settings) -> Doc:
    """Run every component but events; the document state they leave (for tests and tools)."""
    doc = build_doc(article, settings, load_lexicon())
    for _name, component in COMPONENTS:
        component(doc)
    doc.mentions = dedupe_mentions(doc.mentions)
    return doc


def extract_article(article: Article, settings: Settings) -> Extraction:
    """Mentions, persons with posts, bodies, places and events of one article."""
    doc = analyse(article, settings)
    persons = list(doc.persons.values())
    for found in persons:
        found.mentions.sort(key=lambda m: m.start)
    bodies = list(doc.bodies.values())
    place_list = list(doc.places.values())
    events = detect_events(article, doc.mentions, persons, bodies, place_list, settings)
    return Extraction(article=article, mentions=doc.mentions, persons=persons, bodies=bodies,
                      places=place_list, events=events)
