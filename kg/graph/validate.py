"""SHACL validation of a built graph against ontology/shapes.ttl (pySHACL on an rdflib copy)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import GraphError
from kg.graph.namespaces import TERM_PREFIXES, compact
from kg.graph.rdf import KnowledgeGraph
from kg.resources import ontology_dir

RDF_FORMATS = {".ttl": "turtle", ".nt": "nt", ".jsonld": "json-ld", ".json": "json-ld", ".rdf": "xml", ".owl": "xml"}


@dataclass(frozen=True)
class Violation:
    focus: str
    path: str
    message: str
    severity: str
    constraint: str  # the SHACL constraint component, e.g. MinCount


@dataclass
class ValidationReport:
    conforms: bool
    triples: int
    violations: list[Violation] = field(default_factory=list)
    prefixes: dict[str, str] = field(default_factory=lambda: dict(TERM_PREFIXES))

    def summary(self, limit: int = 30) -> str:
        """A readable report: the verdict, each kind of problem with its count, then the first problems."""
        if self.conforms:
            return f"Conforms: {self.triples} triples satisfy every shape in ontology/shapes.ttl."
        lines = [f"Does not conform: {len(self.violations)} problem(s) in {self.triples} triples."]
        kinds = Counter((v.path, v.constraint) for v in self.violations)
        lines.append("Problems by property and constraint:")
        for (path, constraint), count in sorted(kinds.items(), key=lambda item: (-item[1], item[0])):
            lines.append(f"  {count:>6} × {compact(path, self.prefixes) or '(node)'} {constraint}")
        lines.append("First problems:")
        for violation in self.violations[:limit]:
            path = compact(violation.path, self.prefixes) or "(node)"
            lines.append(f"  {compact(violation.focus, self.prefixes)} {path}: {violation.message}")
        if len(self.violations) > limit:
            lines.append(f"  … and {len(self.violations) - limit} more")
        return "\n".join(lines)


def load_rdflib(path: Path):
    """Parse an RDF file into rdflib; a GraphError names the file when it cannot be read."""
    import rdflib

    path = Path(path)
    if not path.is_file():
        raise GraphError("no such graph file (run `kg build` first?)", str(path))
    rdf_format = RDF_FORMATS.get(path.suffix.lower())
    if rdf_format is None:
        raise GraphError(f"unknown RDF format {path.suffix!r}; use .ttl, .nt or .jsonld", str(path))
    graph = rdflib.Graph()
    try:
        graph.parse(str(path), format=rdf_format)
    except Exception as error:  # rdflib raises many parser-specific types
        raise GraphError(f"cannot parse as {rdf_format}: {error}".splitlines()[0], str(path)) from error
    return graph


def validate(graph: KnowledgeGraph | Path | str, shapes: Path | None = None) -> ValidationReport:
    """Validate a graph (a KnowledgeGraph or an RDF file) against the SHACL shapes."""
    import pyshacl
    import rdflib
    from rdflib.namespace import SH

    data = graph.to_rdflib() if isinstance(graph, KnowledgeGraph) else load_rdflib(Path(graph))
    shapes_graph = rdflib.Graph().parse(str(shapes or ontology_dir() / "shapes.ttl"), format="turtle")
    conforms, results, _ = pyshacl.validate(data, shacl_graph=shapes_graph, inference="none", advanced=False)
    violations = []
    for result in results.subjects(rdflib.RDF.type, SH.ValidationResult):
        component = str(results.value(result, SH.sourceConstraintComponent) or "")
        constraint = component.removeprefix(str(SH)).removesuffix("ConstraintComponent")
        path = results.value(result, SH.resultPath)
        violations.append(
            Violation(
                focus=str(results.value(result, SH.focusNode)),
                path=str(path) if isinstance(path, rdflib.URIRef) else "",
                message=str(results.value(result, SH.resultMessage) or constraint),
                severity=str(results.value(result, SH.resultSeverity) or "").removeprefix(str(SH)),
                constraint=constraint,
            )
        )
    # "does not conform to the shape X" only repeats the nested problems that are reported too
    detailed = {v.focus for v in violations if v.constraint != "Node"}
    violations = [v for v in violations if v.constraint != "Node" or v.focus not in detailed]
    violations.sort(key=lambda v: (v.focus, v.path, v.message))
    prefixes = {**TERM_PREFIXES, **{p: str(ns) for p, ns in data.namespaces() if p}}
    return ValidationReport(conforms=bool(conforms), triples=len(data), violations=violations, prefixes=prefixes)
