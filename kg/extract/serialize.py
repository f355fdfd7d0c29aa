"""The JSON shape of an :class:`Extraction` (``kg extract`` prints it; the evaluation reads it).

One object per article::

    {"id", "file", "headline",
     "mentions": [{"type", "text", "start", "end", "source"}],
     "officials": [{"name", "key", "posts": [{"org", "title", "representative"?}]}],
     "persons": [{"name", "key"}],              # every named person, officials included
     "bodies": [{"name", "kind", "parent", "place"}],
     "places": [{"name", "level", "parent"}],
     "events": [{"type", "date", "date_text", "places", "participants": [{"name", "role"}],
                 "organizations": [{"name", "role"}], "evidence", "trigger"}],
     "authors": [{"name", "role"}]}            # role: reporter | correspondent

``date`` is ISO (``2021-04-08``), ``--04-08`` without a year, or null; ``evidence`` is the sentence
the event was read from.
"""

from __future__ import annotations

from typing import Any

from kg.model import Article, Event, Extraction, Person


def official_to_dict(person: Person) -> dict[str, Any]:
    posts = []
    for post in person.posts:
        item: dict[str, Any] = {"org": post.body, "title": post.title}
        if post.representative:
            item["representative"] = True
        posts.append(item)
    return {"name": person.name, "key": person.key or person.name, "posts": posts}


def event_to_dict(event: Event, article: Article) -> dict[str, Any]:
    evidence = article.evidence(event.provenance)
    return {
        "type": event.kind,
        "date": event.date.iso() if event.date else None,
        "date_text": event.date.text if event.date else None,
        "places": list(event.places),
        "participants": [{"name": p.agent, "role": p.role} for p in event.participants if p.agent_type == "person"],
        "organizations": [{"name": p.agent, "role": p.role} for p in event.participants if p.agent_type == "body"],
        "evidence": evidence,
        "trigger": event.trigger,
    }


def extraction_to_dict(extraction: Extraction) -> dict[str, Any]:
    article = extraction.article
    authors = [{"name": name, "role": "reporter"} for name in article.reporters]
    authors += [{"name": name, "role": "correspondent"} for name in article.correspondents]
    return {
        "id": article.id,
        "file": article.file,
        "headline": article.headline,
        "mentions": [
            {"type": m.type, "text": m.text, "start": m.start, "end": m.end, "source": m.source}
            for m in extraction.mentions
        ],
        "officials": [official_to_dict(p) for p in extraction.officials],
        "persons": [{"name": p.name, "key": p.key or p.name} for p in extraction.persons],
        "bodies": [{"name": b.name, "kind": b.kind, "parent": b.parent, "place": b.place} for b in extraction.bodies],
        "places": [{"name": p.name, "level": p.level, "parent": p.parent} for p in extraction.places],
        "events": [event_to_dict(e, article) for e in extraction.events],
        "authors": authors,
    }
