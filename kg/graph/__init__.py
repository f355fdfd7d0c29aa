"""The graph stage: extractions → RDF (rdf), IRIs (iri), files and stores (export), SHACL (validate)."""
