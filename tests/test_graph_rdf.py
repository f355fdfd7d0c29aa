"""The RDF built from extractions: IRIs, core vocabulary, provenance, determinism."""

from __future__ import annotations

import pytest
from test_graph_samples import inspection_extraction, sample_extractions, study_extraction, visit_extraction

from kg.errors import UsageError
from kg.graph.iri import IriMinter, segment
from kg.graph.namespaces import FOAF, KG, ORG, PROV, RDF_TYPE, RDFS_LABEL, SCHEMA, XSD
from kg.graph.rdf import build_graph, nt_decimal, nt_iri, nt_text, nt_typed
from kg.settings import Settings

BASE = "https://kg.example.org/id/"


def has(graph, s: str, p: str, o: str) -> bool:
    return (nt_iri(s), nt_iri(p), o) in graph


def test_iri_segments_keep_chinese_and_encode_what_iris_forbid() -> None:
    assert segment("丁文霞") == "丁文霞"
    assert segment("a b/c") == "a%20b%2Fc"
    assert segment("<x>") == "%3Cx%3E"
    assert segment("郑州\u3000市") == "郑州%E3%80%80市"  # an ideographic space is not kept raw


def test_iris_follow_the_vocabulary_patterns() -> None:
    iri = IriMinter(BASE)
    assert iri.person("丁文霞") == BASE + "person/丁文霞"
    assert iri.body("惠济区委") == BASE + "org/惠济区委"
    assert iri.post("丁文霞", "惠济区委", "副书记") == BASE + "post/丁文霞/惠济区委/副书记"
    assert iri.role("副书记") == BASE + "role/副书记"
    assert iri.event("000_x-0-ab", 2) == BASE + "event/000_x-0-ab/2"
    assert iri.participation(iri.event("000_x-0-ab", 2), 1) == BASE + "event/000_x-0-ab/2/p1"


def test_bad_base_iri_is_a_usage_error() -> None:
    with pytest.raises(UsageError, match="base IRI"):
        IriMinter("not an iri")
    with pytest.raises(UsageError):
        IriMinter("https://example.org/id")  # must end with / or #


def test_official_with_posts_bodies_and_roles() -> None:
    graph = build_graph([inspection_extraction()], Settings())
    person = BASE + "person/丁文霞"
    post = BASE + "post/丁文霞/惠济区委/副书记"
    assert has(graph, person, RDF_TYPE, nt_iri(FOAF + "Person"))
    assert has(graph, person, FOAF + "name", nt_text("丁文霞"))
    assert has(graph, person, ORG + "holds", nt_iri(post))
    assert has(graph, post, RDF_TYPE, nt_iri(ORG + "Post"))
    assert has(graph, post, ORG + "heldBy", nt_iri(person))
    assert has(graph, post, ORG + "postIn", nt_iri(BASE + "org/惠济区委"))
    assert has(graph, post, ORG + "role", nt_iri(BASE + "role/副书记"))
    assert has(graph, post, RDFS_LABEL, nt_text("惠济区委副书记"))
    assert has(graph, BASE + "org/惠济区委", RDF_TYPE, nt_iri(KG + "PartyCommittee"))
    assert has(graph, BASE + "org/惠济区委", RDF_TYPE, nt_iri(ORG + "Organization"))
    assert has(graph, BASE + "org/惠济区委", KG + "inPlace", nt_iri(BASE + "place/惠济区"))
    assert has(graph, BASE + "role/副书记", RDFS_LABEL, nt_text("副书记"))


def test_event_date_places_participants_and_provenance() -> None:
    extraction = inspection_extraction()
    graph = build_graph([extraction], Settings())
    event = BASE + f"event/{extraction.article.id}/0"
    assert has(graph, event, RDF_TYPE, nt_iri(SCHEMA + "Event"))
    assert has(graph, event, RDF_TYPE, nt_iri(KG + "Inspection"))
    assert has(graph, event, SCHEMA + "startDate", nt_typed("--04-08", XSD + "gMonthDay"))
    assert has(graph, event, KG + "dateText", nt_text("4月8日上午"))
    assert has(graph, event, KG + "partOfDay", nt_text("morning", None))
    assert has(graph, event, KG + "primaryLocation", nt_iri(BASE + "place/黄河滩地公园"))
    assert has(graph, event, SCHEMA + "location", nt_iri(BASE + "place/惠济区"))
    assert has(graph, event, SCHEMA + "attendee", nt_iri(BASE + "person/胡荃"))
    assert has(graph, event, PROV + "wasDerivedFrom", nt_iri(BASE + f"article/{extraction.article.id}"))
    # 胡荃 accompanied, 阎红心 led: one participation node each, with the sentence as evidence
    hu = BASE + f"event/{extraction.article.id}/0/p2"
    assert has(graph, hu, KG + "agent", nt_iri(BASE + "person/胡荃"))
    assert has(graph, hu, KG + "role", nt_iri(KG + "Accompanied"))
    assert has(graph, BASE + f"event/{extraction.article.id}/0/p1", KG + "role", nt_iri(KG + "Led"))
    start = extraction.article.text.index("胡荃陪同")
    assert has(graph, hu, KG + "evidenceStart", nt_typed(str(start), XSD + "integer"))
    assert has(graph, hu, KG + "evidence", nt_text(extraction.article.sentences[1].text))
    assert has(graph, hu, KG + "confidence", nt_decimal(0.9))
    assert has(graph, BASE + "place/黄河滩地公园", SCHEMA + "containedInPlace", nt_iri(BASE + "place/惠济区"))
    assert has(graph, BASE + "place/惠济区", KG + "level", nt_iri(KG + "District"))


def test_year_from_settings_completes_month_day_dates() -> None:
    extraction = inspection_extraction()
    graph = build_graph([extraction], Settings(year=2021))
    event = BASE + f"event/{extraction.article.id}/0"
    assert has(graph, event, SCHEMA + "startDate", nt_typed("2021-04-08", XSD + "date"))


def test_post_reported_by_two_articles_keeps_both_sources() -> None:
    graph = build_graph([inspection_extraction(), visit_extraction()], Settings())
    post = BASE + "post/丁文霞/惠济区政府/区长"
    sources = [o for s, p, o in graph if s == nt_iri(post) and p == nt_iri(PROV + "qualifiedDerivation")]
    assert len(sources) == 2
    derived = {o for s, p, o in graph if s == nt_iri(post) and p == nt_iri(PROV + "wasDerivedFrom")}
    assert len(derived) == 2
    # the flat evidence is that of one report only, so every post has exactly one
    starts = [o for s, p, o in graph if s == nt_iri(post) and p == nt_iri(KG + "evidenceStart")]
    assert len(starts) == 1


def test_same_input_same_triples_and_adding_a_page_renames_nothing() -> None:
    first = build_graph(sample_extractions(), Settings())
    again = build_graph(sample_extractions(), Settings())
    assert first.ntriples() == again.ntriples()
    smaller = build_graph([inspection_extraction(), visit_extraction()], Settings())
    subjects_before = {s for s, _, _ in smaller}
    subjects_after = {s for s, _, _ in build_graph([*sample_extractions()], Settings())}
    assert subjects_before <= subjects_after
    assert nt_iri(BASE + "person/王新亭") in subjects_after - subjects_before
    assert len(study_extraction().persons) == 1


def test_base_iri_from_settings() -> None:
    graph = build_graph([visit_extraction()], Settings(base_iri="https://example.org/kg/"))
    assert any(s == "<https://example.org/kg/person/王新>" for s, _, _ in graph)
    assert not any("kg.example.org/id/" in s for s, _, _ in graph)
    assert graph.prefixes["person"] == "https://example.org/kg/person/"


def test_literals_are_escaped_for_n_triples() -> None:
    assert nt_text('他说"好"\n') == '"他说\\"好\\"\\n"@zh'
    assert nt_decimal(1.0) == f'"1"^^<{XSD}decimal>'
    assert nt_decimal(0.12345) == f'"0.1235"^^<{XSD}decimal>'


def test_quirky_extractions_still_give_a_conforming_graph() -> None:
    from dataclasses import replace

    from kg.graph.validate import validate
    from kg.model import Body, EventDate, Participation, Provenance

    extraction = inspection_extraction()
    article = extraction.article
    odd = Provenance(article.id, 99, 50, 40, "", 1.7)  # no such sentence, end before start, score > 1
    event = extraction.events[0]
    extraction.events = [
        replace(
            event,
            kind="parade",  # not a kind we know
            date=EventDate(text="2月30日黄昏", month=2, day=30, part_of_day="dusk"),
            provenance=odd,
            participants=[
                *event.participants,
                Participation("某某公司", "body", "sponsor", odd),  # a body no list names, an unknown role
            ],
        )
    ]
    extraction.bodies = [*extraction.bodies, Body("惠济区委组织部", "department", "惠济区委", "惠济区")]
    graph = build_graph([extraction], Settings(year=2021))
    report = validate(graph)
    assert report.conforms, report.summary()
    event_iri = BASE + f"event/{article.id}/0"
    assert has(graph, event_iri, RDF_TYPE, nt_iri(KG + "OtherEvent"))
    assert not any(s == nt_iri(event_iri) and p == nt_iri(SCHEMA + "startDate") for s, p, _ in graph)
    assert has(graph, event_iri, KG + "dateText", nt_text("2月30日黄昏"))
    assert has(graph, BASE + "org/某某公司", RDF_TYPE, nt_iri(ORG + "Organization"))
    assert has(graph, BASE + "org/惠济区委组织部", ORG + "subOrganizationOf", nt_iri(BASE + "org/惠济区委"))
