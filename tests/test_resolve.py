"""Person keys across articles and pages (kg.resolve)."""

from __future__ import annotations

from kg.model import Article, Body, Extraction, Person, Post, Provenance
from kg.resolve import resolve
from kg.settings import Settings


def extraction(file: str, position: int, persons: dict[str, list[tuple[str, str, str]]]) -> Extraction:
    """persons: name -> [(title, body, body's place)]"""
    article = Article(id=f"{file}-{position}", file=file, position=position, headline="h", text="t")
    made, bodies = [], {}
    for name, posts in persons.items():
        person = Person(name=name)
        for title, body, place in posts:
            person.posts.append(Post(title, body, Provenance(article.id, 0, 0, 1, "title-chain")))
            bodies[body] = Body(body, place=place)
        made.append(person)
    return Extraction(article=article, persons=made, bodies=list(bodies.values()))


def keys(extractions: list[Extraction]) -> list[tuple[str, str]]:
    return [(p.name, p.key) for x in extractions for p in x.persons]


def test_same_page_same_person_and_compatible_pages_merge() -> None:
    xs = [
        extraction("a.txt", 0, {"丁文霞": [("副书记", "惠济区委", "惠济区")]}),
        extraction("a.txt", 1, {"丁文霞": []}),
        extraction("b.txt", 0, {"丁文霞": [("区长", "惠济区政府", "惠济区")]}),
    ]
    assert keys(resolve(xs, Settings())) == [("丁文霞", "丁文霞")] * 3


def test_conflicting_namesakes_get_distinct_stable_keys() -> None:
    def pages() -> list[Extraction]:
        return [
            extraction("a.txt", 0, {"王新": [("主任", "郑州市政务办", "郑州市")]}),
            extraction("b.txt", 0, {"王新": [("局长", "开封市财政局", "开封市")]}),
        ]

    first = keys(resolve(pages(), Settings()))
    assert first == [("王新", "王新"), ("王新", "王新-开封市财政局")]
    assert keys(resolve(pages(), Settings())) == first  # deterministic
    # A page that sorts after the others does not rename them.
    more = [*pages(), extraction("c.txt", 0, {"王新": [("校长", "郑州中学", "郑州市")]})]
    assert keys(resolve(more, Settings()))[:2] == first


def test_cross_page_switch_keeps_pages_apart() -> None:
    xs = [
        extraction("a.txt", 0, {"乔耸": [("书记", "中原区委", "中原区")]}),
        extraction("b.txt", 0, {"乔耸": [("书记", "中原区委", "中原区")]}),
    ]
    found = keys(resolve(xs, Settings(cross_page=False)))
    assert found[0] == ("乔耸", "乔耸") and found[1][1] != "乔耸"
    assert len({k for _n, k in found}) == 2
