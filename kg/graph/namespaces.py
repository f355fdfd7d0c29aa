"""The namespaces of the graph: the W3C and schema.org vocabularies we reuse, ours, and instances.

Instance namespaces hang off the base IRI (``Settings.base_iri``) so that a user can mint the
graph under their own domain; the term namespace ``kg:`` is fixed because the ontology file
(ontology/kg.ttl) defines it.
"""

from __future__ import annotations

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
OWL = "http://www.w3.org/2002/07/owl#"
XSD = "http://www.w3.org/2001/XMLSchema#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
SH = "http://www.w3.org/ns/shacl#"
ORG = "http://www.w3.org/ns/org#"
SCHEMA = "https://schema.org/"
FOAF = "http://xmlns.com/foaf/0.1/"
PROV = "http://www.w3.org/ns/prov#"
TIME = "http://www.w3.org/2006/time#"
DCTERMS = "http://purl.org/dc/terms/"
KG = "https://kg.example.org/ontology#"

RDF_TYPE = RDF + "type"
RDFS_LABEL = RDFS + "label"

# Prefixes of the vocabularies, in the order they are written at the head of a Turtle file.
TERM_PREFIXES: dict[str, str] = {
    "rdf": RDF,
    "rdfs": RDFS,
    "owl": OWL,
    "xsd": XSD,
    "skos": SKOS,
    "sh": SH,
    "org": ORG,
    "schema": SCHEMA,
    "foaf": FOAF,
    "prov": PROV,
    "time": TIME,
    "dcterms": DCTERMS,
    "kg": KG,
}

# Instance kinds: the path segment under the base IRI and the Turtle prefix that abbreviates it.
# The prefix of bodies is ``body`` because ``org`` is the W3C organisation vocabulary.
INSTANCE_SEGMENTS: dict[str, str] = {
    "person": "person/",
    "body": "org/",
    "place": "place/",
    "post": "post/",
    "role": "role/",
    "event": "event/",
    "article": "article/",
    "page": "page/",
}


def sparql_prefixes(prefixes: dict[str, str] = TERM_PREFIXES) -> str:
    """The PREFIX declarations of a SPARQL query for ``prefixes`` (by default every vocabulary's)."""
    return "".join(f"PREFIX {prefix}: <{namespace}>\n" for prefix, namespace in prefixes.items())


def instance_prefixes(base_iri: str) -> dict[str, str]:
    """Prefixes for the instance namespaces under ``base_iri`` (``person:`` → ``{base}person/``)."""
    return {prefix: base_iri + segment for prefix, segment in INSTANCE_SEGMENTS.items()}


def all_prefixes(base_iri: str) -> dict[str, str]:
    """Every prefix a graph built under ``base_iri`` is written with."""
    return {**TERM_PREFIXES, **instance_prefixes(base_iri)}


def compact(iri: str, prefixes: dict[str, str]) -> str:
    """``https://schema.org/Event`` → ``schema:Event`` with the longest matching namespace."""
    best = ""
    best_prefix = ""
    for prefix, namespace in prefixes.items():
        if iri.startswith(namespace) and len(namespace) > len(best):
            best, best_prefix = namespace, prefix
    return f"{best_prefix}:{iri[len(best) :]}" if best else iri
