"""Writing the graph: Turtle, N-Triples, JSON-LD, the HTML view, and a persistent Oxigraph store.

Every file is deterministic (the triples are sorted first, blank nodes are never made) and is
written atomically. Turtle goes through pyoxigraph: the sorted N-Triples are parsed and written
again by its Rust serialiser, which keeps the given order and groups each subject's triples; a
million triples take seconds where rdflib's serialiser takes minutes.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Sequence
from pathlib import Path

from kg.errors import GraphError, UsageError
from kg.graph.namespaces import RDF_TYPE, XSD, compact
from kg.graph.rdf import KnowledgeGraph
from kg.io import atomic_writer, write_bytes_atomic

FILE_NAMES = {"ttl": "graph.ttl", "nt": "graph.nt", "jsonld": "graph.jsonld", "html": "graph.html"}


def turtle_bytes(graph: KnowledgeGraph) -> bytes:
    """Pretty Turtle: prefixes first (in a fixed order), then each subject's triples grouped."""
    import pyoxigraph

    triples = pyoxigraph.parse(graph.ntriples(), format=pyoxigraph.RdfFormat.N_TRIPLES)
    body = pyoxigraph.serialize(triples, format=pyoxigraph.RdfFormat.TURTLE, prefixes=graph.prefixes)
    # pyoxigraph writes the prefixes in its own order: write our header instead of its.
    lines = body.split(b"\n")
    start = 0
    while start < len(lines) and lines[start].startswith(b"@prefix "):
        start += 1
    header = "".join(f"@prefix {prefix}: <{namespace}> .\n" for prefix, namespace in graph.prefixes.items())
    return header.encode("utf-8") + b"\n" + b"\n".join(lines[start:])


def jsonld_document(graph: KnowledgeGraph) -> dict[str, object]:
    """Compact JSON-LD: one node object per subject, the prefixes as the @context."""
    import pyoxigraph

    nodes: dict[str, dict[str, object]] = {}
    order: list[str] = []
    triples = pyoxigraph.parse(graph.ntriples(), format=pyoxigraph.RdfFormat.N_TRIPLES)
    for triple in triples:
        subject = triple.subject.value
        if subject not in nodes:
            nodes[subject] = {"@id": compact(subject, graph.prefixes)}
            order.append(subject)
        node = nodes[subject]
        predicate = triple.predicate.value
        obj = triple.object
        if predicate == RDF_TYPE:
            node.setdefault("@type", []).append(compact(obj.value, graph.prefixes))  # type: ignore[union-attr]
            continue
        if isinstance(obj, pyoxigraph.NamedNode):
            value: dict[str, str] = {"@id": compact(obj.value, graph.prefixes)}
        elif obj.language:
            value = {"@value": obj.value, "@language": obj.language}
        elif obj.datatype.value == XSD + "string":
            value = {"@value": obj.value}
        else:
            value = {"@value": obj.value, "@type": compact(obj.datatype.value, graph.prefixes)}
        node.setdefault(compact(predicate, graph.prefixes), []).append(value)  # type: ignore[union-attr]
    return {"@context": dict(graph.prefixes), "@graph": [nodes[s] for s in order]}


def write_jsonld(graph: KnowledgeGraph, path: Path) -> None:
    with atomic_writer(path) as handle:
        json.dump(jsonld_document(graph), handle, ensure_ascii=False, indent=1)
        handle.write("\n")


def write_html(turtle_path: Path, path: Path) -> None:
    """The interactive view, rendered by kg.view.html from the Turtle just written."""
    from kg.view.html import render_html

    fd, tmp = tempfile.mkstemp(prefix=f".{path.stem}.", suffix=path.suffix, dir=path.parent)
    os.close(fd)
    try:
        render_html(turtle_path, Path(tmp))
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _looks_like_store(directory: Path) -> bool:
    """An Oxigraph (RocksDB) directory, or an empty one: safe to replace."""
    entries = list(directory.iterdir())
    return not entries or (directory / "CURRENT").exists() or any(e.name.startswith("OPTIONS-") for e in entries)


def write_store(graph: KnowledgeGraph, store: Path) -> Path:
    """Replace the contents of the Oxigraph store at ``store`` with ``graph``.

    The new store is built in a temporary directory beside it and renamed into place, so readers
    never see a half-loaded store and a failed load keeps the old one.
    """
    import pyoxigraph

    store = Path(store)
    if store.exists() and (not store.is_dir() or not _looks_like_store(store)):
        raise UsageError("is not an Oxigraph store directory; refusing to replace it", str(store))
    store.parent.mkdir(parents=True, exist_ok=True)
    building = Path(tempfile.mkdtemp(prefix=f".{store.name}.", suffix=".new", dir=store.parent))
    try:
        database = pyoxigraph.Store(str(building))
        database.bulk_load(graph.ntriples(), format=pyoxigraph.RdfFormat.N_TRIPLES)
        database.flush()
        del database  # closes the database files before the rename
        # mkdtemp makes the directory private (0700); a store is as readable as any folder made here
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(building, 0o777 & ~umask)
        old = None
        if store.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{store.name}.", suffix=".old", dir=store.parent))
            os.replace(store, old / "store")
        os.replace(building, store)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    except OSError as error:
        shutil.rmtree(building, ignore_errors=True)
        raise GraphError(f"cannot write the store: {error}", str(store)) from error
    except BaseException:
        shutil.rmtree(building, ignore_errors=True)
        raise
    return store


def write_outputs(
    graph: KnowledgeGraph, out: Path, formats: Sequence[str], store: Path | None = None
) -> dict[str, Path]:
    """Write the requested formats under ``out`` (graph.ttl, graph.nt, graph.jsonld, graph.html).

    Returns the path of each file written by format, and ``"store"`` when a store was loaded.
    """
    out = Path(out)
    unknown = [f for f in formats if f not in FILE_NAMES]
    if unknown:
        raise UsageError(f"unknown format {', '.join(unknown)}; choose from {', '.join(FILE_NAMES)}")
    out.mkdir(parents=True, exist_ok=True)
    written: dict[str, Path] = {}
    turtle: bytes | None = None
    if "ttl" in formats or "html" in formats:
        turtle = turtle_bytes(graph)
    if "ttl" in formats and turtle is not None:
        written["ttl"] = out / FILE_NAMES["ttl"]
        write_bytes_atomic(written["ttl"], turtle)
    if "nt" in formats:
        written["nt"] = out / FILE_NAMES["nt"]
        write_bytes_atomic(written["nt"], graph.ntriples())
    if "jsonld" in formats:
        written["jsonld"] = out / FILE_NAMES["jsonld"]
        write_jsonld(graph, written["jsonld"])
    if "html" in formats and turtle is not None:
        written["html"] = out / FILE_NAMES["html"]
        if "ttl" in written:
            write_html(written["ttl"], written["html"])
        else:  # the view reads Turtle: give it a temporary copy
            fd, tmp = tempfile.mkstemp(prefix=".graph.", suffix=".ttl", dir=out)
            with os.fdopen(fd, "wb") as handle:
                handle.write(turtle)
            try:
                write_html(Path(tmp), written["html"])
            finally:
                Path(tmp).unlink(missing_ok=True)
    if store is not None:
        written["store"] = write_store(graph, Path(store))
    return written
