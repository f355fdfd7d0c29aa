"""Model objects → RDF triples: the only module that knows how extractions become the graph.

The graph is a set of triples held as N-Triples term strings (``<iri>``, ``"text"@zh``,
``"0.9"^^<…#decimal>``). That keeps building cheap, makes the graph hashable and sortable into
one deterministic order, and lets the exporters hand whole files to pyoxigraph's Rust parser and
serialiser instead of creating millions of Python term objects (see kg.graph.export). The terms
used are documented in ontology/README.md and defined in ontology/kg.ttl.
"""

from __future__ import annotations

import datetime
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from kg.graph.iri import IriMinter
from kg.graph.namespaces import FOAF, KG, ORG, PROV, RDF_TYPE, RDFS_LABEL, SCHEMA, XSD, all_prefixes
from kg.model import Article, Event, Extraction, Provenance
from kg.resources import lexicon_path, ontology_dir
from kg.settings import Settings

if TYPE_CHECKING:
    import rdflib

# --- N-Triples terms ------------------------------------------------------------------------

_LITERAL_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}


_NEEDS_ESCAPE = re.compile(r'[\\"\x00-\x1f\x7f]')


def _escape_char(match: re.Match[str]) -> str:
    char = match.group()
    return _LITERAL_ESCAPES.get(char) or f"\\u{ord(char):04X}"


def _escape_literal(text: str) -> str:
    return _NEEDS_ESCAPE.sub(_escape_char, text) if _NEEDS_ESCAPE.search(text) else text


def nt_iri(iri: str) -> str:
    return f"<{iri}>"


def nt_text(text: str, lang: str | None = "zh") -> str:
    """A string literal, language-tagged unless ``lang`` is None."""
    return f'"{_escape_literal(text)}"@{lang}' if lang else f'"{_escape_literal(text)}"'


def nt_typed(lexical: str, datatype: str) -> str:
    return f'"{_escape_literal(lexical)}"^^<{datatype}>'


def nt_integer(value: int) -> str:
    return nt_typed(str(value), XSD + "integer")


def nt_decimal(value: float) -> str:
    # xsd:decimal has no exponent form: format through Decimal, four places are plenty for a score.
    text = format(Decimal(str(round(value, 4))).normalize(), "f")
    return nt_typed(text, XSD + "decimal")


# Predicates written first within a subject, so every node reads "what it is, what it is called".
_PREDICATE_RANK = {nt_iri(RDF_TYPE): "0", nt_iri(RDFS_LABEL): "1"}


def _subject_key(subject: str) -> bytes:
    # UTF-8 bytes sort in code-point order but compare with memcmp: sorting str with Chinese in it
    # is several times slower. Without the closing '>' a node comes before the nodes under it.
    return subject[1:-1].encode("utf-8")


def _entry_key(entry: tuple[str, str]) -> tuple[str, str]:
    predicate, obj = entry
    return _PREDICATE_RANK.get(predicate, "2") + predicate, obj


def subject_ntriples(subject: str, entries: Iterable[tuple[str, str]]) -> list[str]:
    """One subject's (predicate, object) entries as N-Triples lines, in the graph's fixed order."""
    return [f"{subject} {p} {o} .\n" for p, o in sorted(entries, key=_entry_key)]


class KnowledgeGraph:
    """A set of RDF triples in N-Triples form, with the prefixes they are written with.

    ``len(graph)`` is the number of distinct triples. ``sorted_triples()`` is the one order every
    export uses: subjects by IRI, then ``rdf:type``, ``rdfs:label`` and the other predicates.
    """

    def __init__(self, prefixes: dict[str, str] | None = None) -> None:
        self.prefixes: dict[str, str] = dict(prefixes or {})
        # Triples grouped by subject as they are added: exports need them grouped and sorted, and
        # sorting the distinct subjects is far cheaper than sorting every triple.
        self._subjects: dict[str, set[tuple[str, str]]] = {}
        self._size = 0
        self._ntriples: tuple[int, bytes] | None = None  # cached export; triples are only ever added

    def __len__(self) -> int:
        return self._size

    def __iter__(self) -> Iterator[tuple[str, str, str]]:
        for subject, entries in self._subjects.items():
            for predicate, obj in entries:
                yield subject, predicate, obj

    def __contains__(self, triple: object) -> bool:
        if not isinstance(triple, tuple) or len(triple) != 3:
            return False
        entries = self._subjects.get(triple[0])
        return entries is not None and (triple[1], triple[2]) in entries

    def add(self, subject: str, predicate: str, obj: str) -> None:
        """Add a triple of N-Triples terms (make them with nt_iri, nt_text, nt_typed)."""
        entries = self._subjects.get(subject)
        if entries is None:
            entries = self._subjects[subject] = set()
        before = len(entries)
        entries.add((predicate, obj))
        self._size += len(entries) - before

    def link(self, subject: str, predicate: str, obj: str) -> None:
        """Add a triple whose three terms are all IRIs (given bare)."""
        self.add(f"<{subject}>", f"<{predicate}>", f"<{obj}>")

    def add_subjects(self, triples: dict[str, set[tuple[str, str]]]) -> None:
        """Add triples grouped by subject (a set of (predicate, object) each)."""
        for subject, new in triples.items():
            entries = self._subjects.get(subject)
            if entries is None:
                entries = self._subjects[subject] = set()
            before = len(entries)
            entries |= new
            self._size += len(entries) - before

    def update(self, triples: Iterable[tuple[str, str, str]]) -> None:
        for subject, predicate, obj in triples:
            self.add(subject, predicate, obj)

    def sorted_triples(self) -> list[tuple[str, str, str]]:
        ordered = []
        for subject in sorted(self._subjects, key=_subject_key):
            ordered.extend((subject, p, o) for p, o in sorted(self._subjects[subject], key=_entry_key))
        return ordered

    def ntriples(self) -> bytes:
        """The whole graph as N-Triples, one triple a line, in the deterministic order."""
        if self._ntriples is None or self._ntriples[0] != self._size:
            lines = []
            for subject in sorted(self._subjects, key=_subject_key):
                lines.extend(subject_ntriples(subject, self._subjects[subject]))
            self._ntriples = (self._size, "".join(lines).encode("utf-8"))
        return self._ntriples[1]

    def to_rdflib(self) -> rdflib.Graph:
        """An rdflib copy (for pySHACL and tests); slow for very large graphs."""
        import rdflib

        graph = rdflib.Graph()
        graph.parse(data=self.ntriples().decode("utf-8"), format="nt")
        for prefix, namespace in self.prefixes.items():
            graph.bind(prefix, namespace, override=True)
        return graph

    @classmethod
    def from_terms(cls, triples: Iterable[tuple[object, object, object]], prefixes: dict[str, str]) -> KnowledgeGraph:
        """From pyoxigraph terms (whose ``str()`` is their N-Triples form)."""
        graph = cls(prefixes)
        graph.update((str(s), str(p), str(o)) for s, p, o in triples)
        return graph


# --- vocabulary mappings ----------------------------------------------------------------------

# Body kinds (ontology/lexicon/body_kinds.tsv) → our classes; all are org:Organization as well.
BODY_CLASSES = {
    "party_committee": "PartyCommittee",
    "party": "PartyCommittee",
    "party_working_committee": "PartyCommittee",
    "government": "Government",
    "administrative_committee": "Government",
    "peoples_congress": "PeoplesCongress",
    "people_s_congress": "PeoplesCongress",
    "congress": "PeoplesCongress",
    "cppcc": "CPPCC",
    "discipline_inspection": "DisciplineInspection",
    "discipline": "DisciplineInspection",
    "supervision_commission": "DisciplineInspection",
    "court_or_procuratorate": "CourtOrProcuratorate",
    "court": "CourtOrProcuratorate",
    "procuratorate": "CourtOrProcuratorate",
    "judiciary": "CourtOrProcuratorate",
    "mass_organisation": "MassOrganisation",
    "mass_organization": "MassOrganisation",
    "enterprise": "Enterprise",
    "company": "Enterprise",
    "bank": "Enterprise",
    "institution": "Institution",
    "school": "Institution",
    "hospital": "Institution",
    "department": "Department",
    "bureau": "Department",
    "office": "Department",
}

_BODY_CLASS_NAMES = frozenset(BODY_CLASSES.values())

# Place levels → individuals of kg:PlaceLevel. County-level divisions are districts, street
# offices (街道, 办事处) are towns, communities (社区) are villages: the same rung of the hierarchy.
PLACE_LEVELS = {
    "province": "Province",
    "city": "City",
    "prefecture": "City",
    "district": "District",
    "county": "District",
    "town": "Town",
    "township": "Town",
    "street": "Town",
    "subdistrict": "Town",
    "village": "Village",
    "community": "Village",
    "site": "Site",
}
PARTS_OF_DAY = frozenset({"early_morning", "morning", "noon", "afternoon", "evening", "night"})
_PUBLISHED_TYPES = {10: "date", 7: "gYearMonth", 4: "gYear"}

EVENT_CLASSES = {
    "inspection": "Inspection",
    "research": "ResearchVisit",
    "research_visit": "ResearchVisit",
    "meeting": "Meeting",
    "study": "StudySession",
    "study_session": "StudySession",
    "supervision": "SupervisionTour",
    "supervision_tour": "SupervisionTour",
    "campaign": "Campaign",
    "ceremony": "Ceremony",
    "drill": "Drill",
    "other": "OtherEvent",
}

PARTICIPATION_ROLES = {
    "led": "Led",
    "accompanied": "Accompanied",
    "attended": "Attended",
    "presided": "Presided",
    "spoke": "Spoke",
    "visitor": "Visitor",
    "host": "Host",
    "inspected": "Inspected",
    "organiser": "Organiser",
    "organizer": "Organiser",
    "co_organiser": "CoOrganiser",
    "co_organizer": "CoOrganiser",
}


def _key(kind: str) -> str:
    return "".join(c if c.isalnum() else "_" for c in kind.strip().lower()).strip("_")


@cache
def _body_classes() -> dict[str, str]:
    """Kinds → classes: the built-in table, then ontology/lexicon/body_kinds.tsv (kind, class)."""
    table = dict(BODY_CLASSES)
    path = lexicon_path("body_kinds.tsv")
    if path.is_file():
        for line in path.read_text(encoding="utf-8").splitlines():
            fields = line.split("\t")
            if line.startswith("#") or len(fields) < 2:
                continue
            table[_key(fields[0])] = fields[1].strip()
    return table


@cache
def body_class(kind: str) -> str | None:
    """Our class for a body kind; None for kinds that are only org:Organization."""
    name = _body_classes().get(_key(kind))
    return KG + name if name and name in _BODY_CLASS_NAMES else None


@cache
def place_level(level: str) -> str | None:
    name = PLACE_LEVELS.get(_key(level))
    return KG + name if name else None


def event_class(kind: str) -> str:
    return KG + EVENT_CLASSES.get(_key(kind), "OtherEvent")


def participation_role(role: str) -> str:
    # An unknown role is still a participation: it falls back to the most general role.
    return KG + PARTICIPATION_ROLES.get(_key(role), "Attended")


# --- building ---------------------------------------------------------------------------------

_TYPE = nt_iri(RDF_TYPE)
_LABEL = nt_iri(RDFS_LABEL)


def _most_common(values: Iterable[str | None]) -> str | None:
    """The most frequent non-empty value, ties broken alphabetically (deterministic)."""
    counts = Counter(v for v in values if v)
    if not counts:
        return None
    return min(counts, key=lambda v: (-counts[v], v))


@dataclass
class ArticleReports:
    """What one article says about nodes that several articles may describe, merged in :func:`assemble`.

    Kept apart from the article's own triples so that a rebuild can merge them (they are small)
    without loading every article's triples.
    """

    article_id: str
    persons: list[tuple[str, str]] = field(default_factory=list)  # (key, name), first naming first
    # Every body and place named, with what each report says: (kind, parent, place) of a body,
    # (level, parent) of a place. Plain tuples: a rebuild reads thousands of them back.
    bodies: dict[str, list[tuple[str, str | None, str | None]]] = field(default_factory=dict)
    places: dict[str, list[tuple[str, str | None]]] = field(default_factory=dict)
    # (post IRI, evidence start, the provenance entries of this report) in the order reported
    posts: list[tuple[str, int, tuple[tuple[str, str], ...]]] = field(default_factory=list)
    terms: set[str] = field(default_factory=set)  # kg: terms used as objects (their labels are copied)


@dataclass
class ArticleFragment:
    """One article's contribution to the graph: its triples by subject, and its reports."""

    triples: dict[str, set[tuple[str, str]]]
    reports: ArticleReports


class _TripleSink:
    """Triples by subject, in N-Triples terms, and the three ways both builders add them."""

    triples: dict[str, set[tuple[str, str]]]

    def add(self, subject: str, predicate: str, obj: str) -> None:
        entries = self.triples.get(subject)
        if entries is None:
            entries = self.triples[subject] = set()
        entries.add((predicate, obj))

    def link(self, subject: str, predicate: str, obj: str) -> None:
        self.add(f"<{subject}>", f"<{predicate}>", f"<{obj}>")

    def typed_node(self, iri: str, classes: Iterable[str], label: str) -> None:
        subject = nt_iri(iri)
        for cls in classes:
            self.add(subject, _TYPE, nt_iri(cls))
        self.add(subject, _LABEL, nt_text(label))


class _FragmentBuilder(_TripleSink):
    """Turns one extraction into triples (by subject) and the reports merged across articles."""

    def __init__(self, settings: Settings, article_id: str) -> None:
        self.settings = settings
        self.iri = IriMinter(settings.base_iri)
        self.triples: dict[str, set[tuple[str, str]]] = {}
        self.reports = ArticleReports(article_id)
        self._persons: set[str] = set()

    def text(self, subject: str, predicate: str, text: str | None, lang: str | None = "zh") -> None:
        if text:
            self.add(nt_iri(subject), nt_iri(predicate), nt_text(text, lang))

    def person(self, key: str, name: str) -> str:
        # The node's type and name are written once the articles are merged: the first naming wins.
        if key not in self._persons:
            self._persons.add(key)
            self.reports.persons.append((key, name))
        return self.iri.person(key)

    def body(self, name: str) -> str:
        self.reports.bodies.setdefault(name, [])
        return self.iri.body(name)

    def place(self, name: str) -> str:
        self.reports.places.setdefault(name, [])
        return self.iri.place(name)

    def fragment(self) -> ArticleFragment:
        kg_prefix = "<" + KG
        self.reports.terms = {o for entries in self.triples.values() for _, o in entries if o.startswith(kg_prefix)}
        return ArticleFragment(self.triples, self.reports)

    # the parts of an extraction

    def add_extraction(self, extraction: Extraction) -> None:
        article = extraction.article
        article_iri = self.add_article(article)
        for body in extraction.bodies:
            self.reports.bodies.setdefault(body.name, []).append((body.kind, body.parent, body.place))
            self.link(article_iri, SCHEMA + "mentions", self.body(body.name))
        for place in extraction.places:
            self.reports.places.setdefault(place.name, []).append((place.level, place.parent))
            self.link(article_iri, SCHEMA + "mentions", self.place(place.name))
        keys_by_name: dict[str, str] = {}
        for person in extraction.persons:
            key = person.key or person.name
            keys_by_name.setdefault(person.name, key)
            person_iri = self.person(key, person.name)
            self.link(article_iri, SCHEMA + "mentions", person_iri)
            for post in person.posts:
                self.add_post(key, person_iri, post.title, post.body, post.representative, post.provenance, article)
        used: set[int] = set()
        for index, event in enumerate(extraction.events):
            # Ordinals name events; if the extractor left them equal, the list position does.
            ordinal = event.ordinal if event.ordinal not in used else index
            while ordinal in used:
                ordinal += 1
            used.add(ordinal)
            event_iri = self.add_event(event, ordinal, article, keys_by_name)
            self.link(article_iri, SCHEMA + "mentions", event_iri)

    def add_article(self, article: Article) -> str:
        iri = self.iri.article(article.id)
        self.typed_node(iri, [SCHEMA + "NewsArticle"], article.headline or article.id)
        self.text(iri, SCHEMA + "headline", article.headline)
        self.text(iri, SCHEMA + "alternativeHeadline", article.subtitle)
        self.text(iri, SCHEMA + "articleBody", article.text)
        self.text(iri, KG + "articleId", article.id, None)
        self.add(nt_iri(iri), nt_iri(KG + "position"), nt_integer(article.position))
        file_name = Path(article.file).name
        page = self.iri.page(Path(article.file).stem)
        self.link(iri, SCHEMA + "isPartOf", page)
        self.typed_node(page, [KG + "Page"], file_name)
        self.text(page, KG + "file", file_name, None)
        self.text(page, KG + "pageTitle", article.page_title)
        published = self.settings.page_dates.get(file_name) or self.settings.page_dates.get(Path(article.file).stem)
        datatype = _PUBLISHED_TYPES.get(len(published or ""))
        if published and datatype:
            self.add(nt_iri(iri), nt_iri(SCHEMA + "datePublished"), nt_typed(published, XSD + datatype))
        for reporter in article.reporters:
            self.link(iri, SCHEMA + "author", self.person(reporter, reporter))
        for correspondent in article.correspondents:
            self.link(iri, KG + "correspondent", self.person(correspondent, correspondent))
        return iri

    def add_post(
        self,
        person_key: str,
        person_iri: str,
        title: str,
        body: str | None,
        representative: bool,
        provenance: Provenance,
        article: Article,
    ) -> None:
        post_iri = self.iri.post(person_key, body, title)
        role_iri = self.iri.role(title)
        self.typed_node(role_iri, [ORG + "Role"], title)
        label = f"{body}{title}" if body else title
        if representative:
            self.typed_node(post_iri, [ORG + "Membership"], label)
            self.link(post_iri, ORG + "member", person_iri)
            self.link(person_iri, ORG + "hasMembership", post_iri)
            if body:
                self.link(post_iri, ORG + "organization", self.body(body))
                self.link(person_iri, ORG + "memberOf", self.body(body))
        else:
            self.typed_node(post_iri, [ORG + "Post"], label)
            self.link(post_iri, ORG + "heldBy", person_iri)
            self.link(person_iri, ORG + "holds", post_iri)
            if body:
                self.link(post_iri, ORG + "postIn", self.body(body))
        self.link(post_iri, ORG + "role", role_iri)
        # Several articles may report the same post: each report is a qualified derivation; the
        # flat provenance properties of the post come from its first report (see assemble).
        source = self.iri.post_source(post_iri, article.id, provenance.start)
        self.link(post_iri, PROV + "qualifiedDerivation", source)
        self.link(source, RDF_TYPE, PROV + "Derivation")
        self.link(source, PROV + "entity", self.iri.article(article.id))
        entries = _provenance_entries(self.iri, provenance, article)
        self.triples.setdefault(nt_iri(source), set()).update(entries)
        self.reports.posts.append((post_iri, provenance.start, entries))

    def add_event(self, event: Event, ordinal: int, article: Article, keys_by_name: dict[str, str]) -> str:
        iri = self.iri.event(article.id, ordinal)
        node = nt_iri(iri)
        date_text = event.date.text if event.date else ""
        label = " ".join(part for part in (date_text, event.places[0] if event.places else "", event.trigger) if part)
        self.typed_node(iri, [SCHEMA + "Event", event_class(event.kind)], label or event.trigger or "event")
        self.text(iri, KG + "trigger", event.trigger or event.kind or "event")
        self.triples.setdefault(node, set()).update(_provenance_entries(self.iri, event.provenance, article))
        if event.date:
            self.text(iri, KG + "dateText", event.date.text)
            if event.date.part_of_day in PARTS_OF_DAY:
                self.text(iri, KG + "partOfDay", event.date.part_of_day, None)
            if event.date.relative:
                self.add(node, nt_iri(KG + "relativeDate"), nt_typed("true", XSD + "boolean"))
            iso = self._iso_date(event, article)
            if iso:
                datatype = XSD + "gMonthDay" if iso.startswith("--") else XSD + "date"
                self.add(node, nt_iri(SCHEMA + "startDate"), nt_typed(iso, datatype))
        for position, place in enumerate(event.places):
            place_iri = self.place(place)
            self.link(iri, SCHEMA + "location", place_iri)
            if position == 0:
                self.link(iri, KG + "primaryLocation", place_iri)
        for number, participation in enumerate(event.participants, start=1):
            if participation.agent_type == "body":
                agent = self.body(participation.agent)
            else:
                key = keys_by_name.get(participation.agent, participation.agent)
                agent = self.person(key, participation.agent)
            role = participation_role(participation.role)
            part_iri = self.iri.participation(iri, number)
            self.link(part_iri, RDF_TYPE, KG + "Participation")
            self.add(nt_iri(part_iri), _LABEL, nt_text(f"{participation.agent} {term_labels()[role]}"))
            self.link(part_iri, KG + "agent", agent)
            self.link(part_iri, KG + "role", role)
            self.triples.setdefault(nt_iri(part_iri), set()).update(
                _provenance_entries(self.iri, participation.provenance, article)
            )
            self.link(iri, KG + "participation", part_iri)
            self.link(iri, SCHEMA + "attendee", agent)
            if role == KG + "Organiser":
                self.link(iri, SCHEMA + "organizer", agent)
        return iri

    def _iso_date(self, event: Event, article: Article) -> str | None:
        """The event's ISO date; a missing year comes from --page-dates or --year when given."""
        date = event.date
        if date is None or date.month is None or date.day is None:
            return None
        year = date.year
        if year is None:
            file_name = Path(article.file).name
            published = self.settings.page_dates.get(file_name) or self.settings.page_dates.get(Path(file_name).stem)
            if published and published[:4].isdigit():
                year = int(published[:4])
            elif self.settings.year:
                year = self.settings.year
        # A date the calendar does not have (2月30日, a misread) is left as text only.
        try:
            datetime.date(year or 2000, date.month, date.day)  # 2000: a leap year allows --02-29
        except (ValueError, TypeError):
            return None
        if year is None:
            return date.iso()
        return f"{year:04d}-{date.month:02d}-{date.day:02d}"


def _provenance_entries(iri: IriMinter, provenance: Provenance, article: Article) -> tuple[tuple[str, str], ...]:
    """prov:wasDerivedFrom, the evidence sentence, the fact's span, the rule and the confidence."""
    entries = [(nt_iri(PROV + "wasDerivedFrom"), nt_iri(iri.article(article.id)))]
    evidence = _evidence(provenance, article)
    if evidence:
        entries.append((nt_iri(KG + "evidence"), nt_text(evidence)))
    # Offsets and scores are clamped into their ranges so that a quirk upstream cannot make
    # the graph break its shapes (start ≤ end, confidence in [0, 1]).
    start = max(provenance.start, 0)
    entries.append((nt_iri(KG + "evidenceStart"), nt_integer(start)))
    entries.append((nt_iri(KG + "evidenceEnd"), nt_integer(max(provenance.end, start))))
    entries.append((nt_iri(KG + "extractor"), nt_text(provenance.rule or "unknown", None)))
    entries.append((nt_iri(KG + "confidence"), nt_decimal(min(max(provenance.confidence, 0.0), 1.0))))
    return tuple(entries)


def article_fragment(extraction: Extraction, settings: Settings) -> ArticleFragment:
    """The triples and reports of one resolved extraction (its persons' keys already set)."""
    builder = _FragmentBuilder(settings, extraction.article.id)
    builder.add_extraction(extraction)
    return builder.fragment()


class _Finisher(_TripleSink):
    """The nodes that several articles describe, written once every article's reports are in:
    persons' names, posts' primary provenance, bodies, places and the ontology terms' labels."""

    def __init__(self, settings: Settings) -> None:
        self.iri = IriMinter(settings.base_iri)
        self.triples: dict[str, set[tuple[str, str]]] = {}
        self.bodies: dict[str, list[tuple[str, str | None, str | None]]] = defaultdict(list)
        self.places: dict[str, list[tuple[str, str | None]]] = defaultdict(list)
        self.person_names: dict[str, str] = {}
        # post IRI → its reports (article id, start, provenance entries)
        self.post_sources: dict[str, list[tuple[str, int, tuple[tuple[str, str], ...]]]] = defaultdict(list)
        self.terms: set[str] = set()

    def add_reports(self, reports: ArticleReports) -> None:
        """One article's reports; articles must come in the order of their ids."""
        for key, name in reports.persons:
            if key not in self.person_names:
                self.person_names[key] = name
                iri = self.iri.person(key)
                self.typed_node(iri, [FOAF + "Person"], name or key)
                self.add(nt_iri(iri), nt_iri(FOAF + "name"), nt_text(name or key))
        for name, bodies in reports.bodies.items():
            self.bodies[name].extend(bodies)
        for name, places in reports.places.items():
            self.places[name].extend(places)
        for post_iri, start, entries in reports.posts:
            self.post_sources[post_iri].append((reports.article_id, start, entries))
        self.terms |= reports.terms

    def finish(self) -> dict[str, set[tuple[str, str]]]:
        for post_iri, sources in self.post_sources.items():
            _, _, entries = min(sources, key=lambda s: (s[0], s[1]))
            self.triples.setdefault(nt_iri(post_iri), set()).update(entries)
            for article_id, *_ in sources:
                self.link(post_iri, PROV + "wasDerivedFrom", self.iri.article(article_id))
        for name in sorted(self.bodies):
            self.add_body(name, self.bodies[name])
        # Bodies may name places that no article listed: those were registered while adding bodies.
        for name in sorted(self.places):
            self.add_place(name, self.places[name])
        self.add_term_labels()
        return self.triples

    def add_term_labels(self) -> None:
        """Copy the type and labels of the ontology terms the graph uses (kg:Led "带队"@zh "led"@en)."""
        described = ontology_terms()
        kg_prefix = "<" + KG
        used = self.terms | {o for entries in self.triples.values() for _, o in entries if o.startswith(kg_prefix)}
        for term in sorted(used):
            for subject, predicate, obj in described.get(term, ()):
                self.add(subject, predicate, obj)

    def add_body(self, name: str, reports: list[tuple[str, str | None, str | None]]) -> None:
        iri = self.iri.body(name)
        chosen = _most_common(body_class(kind) for kind, _, _ in reports)
        classes = [ORG + "Organization"] + ([chosen] if chosen else [])
        self.typed_node(iri, classes, name)
        parent = _most_common(parent for _, parent, _ in reports if parent != name)
        if parent:
            self.link(iri, ORG + "subOrganizationOf", self.iri.body(parent))
            if parent not in self.bodies:
                self.bodies[parent] = []
                self.add_body(parent, [])
        place = _most_common(place for _, _, place in reports)
        if place:
            self.places.setdefault(place, [])
            self.link(iri, KG + "inPlace", self.iri.place(place))

    def add_place(self, name: str, reports: list[tuple[str, str | None]]) -> None:
        iri = self.iri.place(name)
        self.typed_node(iri, [SCHEMA + "Place"], name)
        levels = [place_level(level) for level, _ in reports]
        known = [level for level in levels if level]
        if known:
            # The most specific claim loses to any administrative level: "site" is the default.
            administrative = [lv for lv in known if not lv.endswith("Site")]
            level = _most_common(administrative) or _most_common(known)
            if level:
                self.link(iri, KG + "level", level)
        parent = _most_common(parent for _, parent in reports if parent != name)
        if parent:
            self.link(iri, SCHEMA + "containedInPlace", self.iri.place(parent))
            if parent not in self.places:
                self.places[parent] = []
                self.add_place(parent, [])


def shared_triples(reports: Iterable[ArticleReports], settings: Settings) -> dict[str, set[tuple[str, str]]]:
    """The triples made from every article's reports together (``reports`` in article-id order)."""
    finisher = _Finisher(settings)
    for report in reports:
        finisher.add_reports(report)
    return finisher.finish()


@cache
def term_labels() -> dict[str, str]:
    """The Chinese label of each kg: term by full IRI (``kg:Led`` → ``带队``), as the ontology defines it."""
    labels = {}
    for term, triples in ontology_terms().items():
        for _, predicate, value in triples:
            if predicate == _LABEL and value.endswith('"@zh'):
                labels[term[1:-1]] = value[1 : -len('"@zh')]
    return labels


@cache
def ontology_terms() -> dict[str, tuple[tuple[str, str, str], ...]]:
    """The rdf:type and rdfs:label triples of each kg: term in ontology/kg.ttl, in N-Triples form."""
    import pyoxigraph

    path = ontology_dir() / "kg.ttl"
    keep = {nt_iri(RDF_TYPE), _LABEL}
    terms: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    for triple in pyoxigraph.parse(path=str(path), format=pyoxigraph.RdfFormat.TURTLE):
        subject, predicate = str(triple.subject), str(triple.predicate)
        if predicate in keep and subject.startswith("<" + KG):
            terms[subject].append((subject, predicate, str(triple.object)))
    return {term: tuple(triples) for term, triples in terms.items()}


def _evidence(provenance: Provenance, article: Article) -> str:
    """The fact's evidence sentence, never empty (the shapes require one): else the headline or id."""
    return article.evidence(provenance) or article.headline or article.id


def assemble(fragments: Iterable[ArticleFragment], settings: Settings) -> KnowledgeGraph:
    """The graph of articles' fragments, given in article-id order."""
    graph = KnowledgeGraph(all_prefixes(settings.base_iri))
    reports = []
    for fragment in fragments:
        graph.add_subjects(fragment.triples)
        reports.append(fragment.reports)
    graph.add_subjects(shared_triples(reports, settings))
    return graph


def build_graph(extractions: list[Extraction], settings: Settings) -> KnowledgeGraph:
    """The RDF graph of resolved extractions (len() is the number of triples)."""
    ordered = sorted(extractions, key=lambda x: x.article.id)
    return assemble((article_fragment(extraction, settings) for extraction in ordered), settings)
