"""The ontology defines every kg: term the graph uses, with labels, a definition and an alignment."""

from __future__ import annotations

import rdflib
from rdflib.namespace import OWL, RDF, RDFS, SKOS
from test_graph_samples import sample_extractions

from kg.graph.namespaces import KG
from kg.graph.rdf import EVENT_CLASSES, PARTICIPATION_ROLES, PLACE_LEVELS, build_graph
from kg.resources import ontology_dir
from kg.settings import Settings

ONTOLOGY = rdflib.Graph().parse(ontology_dir() / "kg.ttl", format="turtle")
KGNS = rdflib.Namespace(KG)


def defined_terms() -> set[rdflib.URIRef]:
    return {s for s in ONTOLOGY.subjects() if isinstance(s, rdflib.URIRef) and str(s).startswith(KG)}


def test_every_term_has_chinese_and_english_labels_and_a_definition() -> None:
    terms = defined_terms()
    assert len(terms) > 50
    for term in terms:
        languages = {label.language for label in ONTOLOGY.objects(term, RDFS.label)}
        assert {"zh", "en"} <= languages, term
        assert (term, SKOS.definition, None) in ONTOLOGY or (term, RDFS.comment, None) in ONTOLOGY, term


def test_our_classes_and_properties_specialise_the_w3c_and_schema_vocabularies() -> None:
    for cls in ONTOLOGY.subjects(RDF.type, OWL.Class):
        if str(cls).startswith(KG):
            assert list(ONTOLOGY.objects(cls, RDFS.subClassOf)), cls
    assert (KGNS.Participation, RDFS.subClassOf, rdflib.URIRef("http://www.w3.org/ns/prov#Association")) in ONTOLOGY
    assert (KGNS.agent, RDFS.subPropertyOf, rdflib.URIRef("http://www.w3.org/ns/prov#agent")) in ONTOLOGY
    assert (KGNS.Inspection, RDFS.subClassOf, KGNS.Event) in ONTOLOGY
    assert (KGNS.Event, RDFS.subClassOf, rdflib.URIRef("https://schema.org/Event")) in ONTOLOGY


def test_every_kg_term_the_graph_uses_is_defined() -> None:
    graph = build_graph(sample_extractions(), Settings())
    used = {term[1:-1] for triple in graph for term in triple[1:] if term.startswith("<" + KG)}
    assert used
    assert used <= {str(t) for t in defined_terms()}


def test_mapping_tables_name_only_defined_terms() -> None:
    defined = {str(t) for t in defined_terms()}
    for table in (EVENT_CLASSES, PARTICIPATION_ROLES, PLACE_LEVELS):
        assert {KG + name for name in table.values()} <= defined


def test_roles_carry_the_vocabulary_labels() -> None:
    labels = {
        str(role).removeprefix(KG): str(label)
        for role in ONTOLOGY.subjects(RDF.type, KGNS.ParticipationRole)
        for label in ONTOLOGY.objects(role, RDFS.label)
        if label.language == "zh"
    }
    assert labels == {
        "Led": "带队",
        "Accompanied": "陪同",
        "Attended": "参加",
        "Presided": "主持",
        "Spoke": "讲话",
        "Visitor": "来访",
        "Host": "接待",
        "Inspected": "被检查",
        "Organiser": "主办",
        "CoOrganiser": "承办",
    }


def test_shapes_parse_and_target_every_kind_of_node() -> None:
    shapes = rdflib.Graph().parse(ontology_dir() / "shapes.ttl", format="turtle")
    sh = rdflib.Namespace("http://www.w3.org/ns/shacl#")
    targets = {str(t) for t in shapes.objects(None, sh.targetClass)}
    for cls in (
        "http://xmlns.com/foaf/0.1/Person",
        "http://www.w3.org/ns/org#Organization",
        "http://www.w3.org/ns/org#Post",
        "https://schema.org/Place",
        "https://schema.org/Event",
        KG + "Participation",
        "https://schema.org/NewsArticle",
    ):
        assert cls in targets
