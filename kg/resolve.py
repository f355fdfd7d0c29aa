"""Entity resolution across articles: every person gets a stable key (:attr:`Person.key`).

The rule:

1. **Same page, same name, one person.** Articles of one page are one day of one paper: two articles
   naming 丁文霞 name the same 丁文霞.
2. **Across pages, same name with compatible bodies, one person** (``Settings.cross_page``; off, every
   page keeps its own persons). Two pages' 丁文霞 are compatible when they share a body or a division
   (惠济区委 and 惠济区政府 share 惠济区), or when one of them holds no post at all. Pages are taken in
   file-name order and each joins the first compatible person of that name.
3. **Keys.** A person's key is the name itself (丁文霞) unless several persons share the name; then
   the first (by file name, then article position) keeps the bare name and each other one gets the
   name plus the first body that tells it apart (王新-开封市政务办), or the page's file stem when it
   holds no post, with ``-2``, ``-3`` … only if that still clashes. Keys depend only on the pages'
   content and names, so re-running gives the same keys, and adding a page renames nobody unless the
   new page sorts first and clashes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from kg.model import Extraction, Person
from kg.settings import Settings


@dataclass
class _Entity:
    name: str
    order: tuple[str, int]  # (file name, article position) of its first mention
    page: str
    bodies: list[str] = field(default_factory=list)  # in order of first statement
    places: set[str] = field(default_factory=set)
    persons: list[Person] = field(default_factory=list)

    @property
    def has_posts(self) -> bool:
        return bool(self.bodies)

    def compatible(self, other: _Entity) -> bool:
        if not self.has_posts or not other.has_posts:
            return True
        return bool(set(self.bodies) & set(other.bodies)) or bool(self.places & other.places)

    def absorb(self, other: _Entity) -> None:
        self.bodies.extend(b for b in other.bodies if b not in self.bodies)
        self.places |= other.places
        self.persons.extend(other.persons)


def _page_entities(extractions: list[Extraction]) -> list[_Entity]:
    """Rule 1: one entity per (page, name)."""
    by_page_name: dict[tuple[str, str], _Entity] = {}
    for extraction in extractions:
        article = extraction.article
        page = Path(article.file).name
        places = {b.name: b.place for b in extraction.bodies}
        for person in extraction.persons:
            key = (page, person.name)
            entity = by_page_name.get(key)
            if entity is None:
                entity = by_page_name[key] = _Entity(person.name, (page, article.position), page)
            entity.order = min(entity.order, (page, article.position))
            entity.persons.append(person)
            for post in person.posts:
                if post.body and post.body not in entity.bodies:
                    entity.bodies.append(post.body)
                if post.body and places.get(post.body):
                    entity.places.add(places[post.body])  # type: ignore[arg-type]
    return sorted(by_page_name.values(), key=lambda e: (e.order, e.name))


def resolve(extractions: list[Extraction], settings: Settings) -> list[Extraction]:
    """Set :attr:`Person.key` on every person of ``extractions`` (returned, changed in place)."""
    merged: dict[str, list[_Entity]] = {}
    for entity in _page_entities(extractions):
        same_name = merged.setdefault(entity.name, [])
        target = next((e for e in same_name if e.compatible(entity)), None) if settings.cross_page else None
        if target is None:
            same_name.append(entity)
        else:
            target.absorb(entity)
    for name, entities in merged.items():
        taken: set[str] = set()
        for index, entity in enumerate(entities):
            key = name if index == 0 else _distinct_key(entity, entities[:index])
            base, number = key, 2
            while key in taken:
                key = f"{base}-{number}"
                number += 1
            taken.add(key)
            for person in entity.persons:
                person.key = key
    return extractions


def _distinct_key(entity: _Entity, earlier: list[_Entity]) -> str:
    known = {b for e in earlier for b in e.bodies}
    body = next((b for b in entity.bodies if b not in known), None)
    return f"{entity.name}-{body or Path(entity.page).stem}"
