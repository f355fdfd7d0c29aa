"""The one document model that every stage shares.

Data flows one way: ``corpus`` makes :class:`Article` objects, ``extract`` turns each into an
:class:`Extraction`, ``resolve`` gives entities stable keys across articles, and only ``graph``
knows RDF. Every offset is a Python string index into :attr:`Article.text` (end exclusive), so
``article.text[m.start:m.end] == m.text`` holds for every mention.

Objects are plain dataclasses so they pickle (for ``--jobs`` and Dask) and turn into JSON with
:func:`dataclasses.asdict`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# --- corpus ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Span:
    """A half-open character range of the article text, with what kind of block it is."""

    start: int
    end: int
    kind: str = "body"  # "headline" | "subtitle" | "lead" | "body"


@dataclass(frozen=True)
class Sentence:
    index: int
    start: int
    end: int
    paragraph: int  # index into Article.paragraphs
    text: str


@dataclass
class Article:
    """One news article, its text repaired (broken print lines joined) and normalised.

    ``text`` holds the headline, the subtitle (if any) and the body paragraphs, one block a line
    (joined by ``\\n``); the byline is not part of it (it becomes ``reporters`` and
    ``correspondents``).
    """

    id: str  # stable: "<file stem>-<position>-<8 hex of content hash>"
    file: str  # path of the page as given
    position: int  # 0-based index of the article on its page
    headline: str
    text: str
    subtitle: str | None = None
    page_title: str | None = None  # a title line that heads several articles of the page
    paragraphs: list[Span] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    reporters: list[str] = field(default_factory=list)
    correspondents: list[str] = field(default_factory=list)
    content_hash: str = ""  # sha256 hex of ``text``: the cache key

    def evidence(self, provenance: Provenance) -> str:
        """The sentence a fact was read from (by index, else the one holding its span), or its span."""
        if 0 <= provenance.sentence < len(self.sentences):
            return self.sentences[provenance.sentence].text
        for sentence in self.sentences:
            if sentence.start <= provenance.start < sentence.end:
                return sentence.text
        return self.text[max(provenance.start, 0) : max(provenance.end, 0)]


# --- extraction -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Provenance:
    """Where a fact came from: the article, the sentence, the span, the rule, and how sure."""

    article_id: str
    sentence: int  # index into Article.sentences, -1 when the fact has no single sentence
    start: int
    end: int
    rule: str  # e.g. "title-chain", "crf-ner", "role-verb:陪同"
    confidence: float = 1.0


@dataclass(frozen=True)
class Mention:
    """A typed span. Rules, lexicons and statistical taggers all write this one type.

    ``type`` is one of PER, ORG, LOC, TITLE, TIME (dates and times); others may be added.
    """

    type: str
    start: int
    end: int
    text: str
    source: str  # "lexicon", "rule:<name>", "crf", ...
    confidence: float = 1.0


@dataclass(frozen=True)
class Body:
    """An organisation under its normalised full name (``惠济区委``, ``郑州市人大常委会``)."""

    name: str
    kind: str = "other"  # see ontology/lexicon/body_kinds.tsv: party_committee, government, ...
    parent: str | None = None  # name of the body it is part of (``惠济区委组织部`` → ``惠济区委``)
    place: str | None = None  # the administrative division it belongs to (``惠济区``)


@dataclass(frozen=True)
class Place:
    name: str
    level: str = "site"  # province | city | district | town | village | site
    parent: str | None = None  # name of the place that contains it


@dataclass(frozen=True)
class Post:
    """A post held by a person: the title (``副书记``) in a body (``惠济区委``)."""

    title: str
    body: str | None
    provenance: Provenance
    representative: bool = False  # 人大代表 / 政协委员: a member of the body, not its leadership


@dataclass
class Person:
    """A person named in an article: an official with posts, or a plain person."""

    name: str
    posts: list[Post] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    key: str = ""  # stable identity across articles, set by ``kg.resolve``


@dataclass(frozen=True)
class Participation:
    """An agent taking part in an event in a role.

    Person roles: led, accompanied, attended, presided, spoke.
    Body roles: visitor, host, inspected, organiser, co_organiser, attended.
    """

    agent: str  # the person's or body's name as in Extraction.persons / bodies
    agent_type: str  # "person" | "body"
    role: str
    provenance: Provenance


@dataclass(frozen=True)
class EventDate:
    """A date as far as the article states it. Relative dates keep their text only."""

    text: str  # as written: "4月8日上午", "日前"
    year: int | None = None
    month: int | None = None
    day: int | None = None
    part_of_day: str | None = None  # morning | afternoon | evening | night | early_morning | noon
    relative: bool = False  # 昨日, 日前, 近日 ...

    def iso(self) -> str | None:
        """``2021-04-08`` with a year, ``--04-08`` (xsd:gMonthDay) without, None otherwise."""
        if self.month is None or self.day is None:
            return None
        if self.year is None:
            return f"--{self.month:02d}-{self.day:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"


@dataclass
class Event:
    kind: str  # inspection | research | meeting | study | supervision | campaign | ceremony | drill | other
    trigger: str
    provenance: Provenance  # the evidence sentence and the trigger's rule
    date: EventDate | None = None
    places: list[str] = field(default_factory=list)  # most specific first
    participants: list[Participation] = field(default_factory=list)
    ordinal: int = 0  # position among the article's events: part of the event's stable IRI


@dataclass
class Extraction:
    """Everything extracted from one article."""

    article: Article
    mentions: list[Mention] = field(default_factory=list)
    persons: list[Person] = field(default_factory=list)
    bodies: list[Body] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)

    @property
    def officials(self) -> list[Person]:
        return [p for p in self.persons if p.posts]
