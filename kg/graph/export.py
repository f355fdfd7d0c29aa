"""Writing the graph: Turtle, N-Triples, JSON-LD, the HTML view, and a persistent Oxigraph store.

Every file is deterministic (the triples are sorted first, blank nodes are never made) and is
written atomically. Turtle goes through pyoxigraph: the sorted N-Triples are parsed and written
again by its Rust serialiser, which keeps the given order and groups each subject's triples; a
million triples take seconds where rdflib's serialiser takes minutes.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
from collections.abc import Sequence
from pathlib import Path

from kg.errors import GraphError, UsageError
from kg.gcpause import collector_paused
from kg.graph.namespaces import RDF_TYPE, XSD, compact
from kg.graph.rdf import KnowledgeGraph
from kg.io import atomic_writer, write_bytes_atomic

FILE_NAMES = {"ttl": "graph.ttl", "nt": "graph.nt", "jsonld": "graph.jsonld", "html": "graph.html"}


def turtle_header(prefixes: dict[str, str]) -> bytes:
    """The prefix lines of our Turtle and the blank line after them."""
    return "".join(f"@prefix {prefix}: <{namespace}> .\n" for prefix, namespace in prefixes.items()).encode() + b"\n"


def _turtle_body(ntriples: bytes, prefixes: dict[str, str]) -> bytes:
    """pyoxigraph's Turtle of sorted N-Triples, without its prefix lines (written in its own order)."""
    import pyoxigraph

    triples = pyoxigraph.parse(ntriples, format=pyoxigraph.RdfFormat.N_TRIPLES)
    body = pyoxigraph.serialize(triples, format=pyoxigraph.RdfFormat.TURTLE, prefixes=prefixes)
    lines = body.split(b"\n")
    start = 0
    while start < len(lines) and lines[start].startswith(b"@prefix "):
        start += 1
    return b"\n".join(lines[start:])


def turtle_bytes(graph: KnowledgeGraph) -> bytes:
    """Pretty Turtle: prefixes first (in a fixed order), then each subject's triples grouped."""
    return turtle_header(graph.prefixes) + _turtle_body(graph.ntriples(), graph.prefixes)


def turtle_blocks(ntriples: bytes, subjects: int, prefixes: dict[str, str]) -> list[bytes]:
    """The Turtle of each subject of sorted N-Triples holding ``subjects`` subjects, one block each.

    A subject's block (its first line, then its tab-indented lines) depends on its own triples
    alone, so blocks made apart splice into the same file as one serialisation of everything.
    Raises ValueError if the serialiser's output does not split into one block per subject.
    """
    blocks: list[bytes] = []
    body = _turtle_body(ntriples, prefixes)
    current: list[bytes] = []
    for line in body.splitlines(keepends=True):
        if not line.startswith(b"\t") and current:
            blocks.append(b"".join(current))
            current = []
        current.append(line)
    if current:
        blocks.append(b"".join(current))
    if len(blocks) != subjects or any(not block.endswith(b" .\n") for block in blocks):
        raise ValueError(f"Turtle of {subjects} subjects split into {len(blocks)} blocks")
    return blocks


_NT_ESCAPE = re.compile(r"\\(u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)")
_NT_CHARS = {"t": "\t", "b": "\b", "n": "\n", "r": "\r", "f": "\f"}


def _unescape(text: str) -> str:
    """The text of an N-Triples string literal (ECHAR and UCHAR escapes undone)."""
    if "\\" not in text:
        return text

    def replace(match: re.Match[str]) -> str:
        code = match.group(1)
        if len(code) > 1:
            return chr(int(code[1:], 16))
        return _NT_CHARS.get(code, code)

    return _NT_ESCAPE.sub(replace, text)


def literal_parts(term: str) -> tuple[str, str | None, str | None]:
    """(text, language tag, datatype IRI) of an N-Triples literal (``"…"@zh``, ``"…"^^<…>``), escapes undone."""
    end = term.rfind('"')
    rest = term[end + 1 :]
    language = rest[1:] if rest.startswith("@") else None
    datatype = rest[3:-1] if rest.startswith("^^<") else None
    return _unescape(term[1:end]), language, datatype


class _Compactor:
    """``prefix:local`` for IRIs, remembering each namespace's prefix (millions of calls)."""

    def __init__(self, prefixes: dict[str, str]) -> None:
        self.prefixes = prefixes
        self.by_namespace = {namespace: prefix for prefix, namespace in prefixes.items()}
        self.cache: dict[str, str] = {}

    def __call__(self, iri: str) -> str:
        cut = max(iri.rfind("/"), iri.rfind("#")) + 1
        prefix = self.by_namespace.get(iri[:cut])
        if prefix is not None:
            return f"{prefix}:{iri[cut:]}"
        namespace = iri[:cut]
        if namespace not in self.cache:  # deeper IRIs (posts, participations): the longest namespace
            self.cache[namespace] = compact(namespace, self.prefixes)
        return self.cache[namespace] + iri[cut:]


def _jsonld_value(term: str, compact_iri: _Compactor) -> dict[str, str]:
    if term.startswith("<"):
        return {"@id": compact_iri(term[1:-1])}
    if term.startswith("_:"):
        return {"@id": term}
    value, language, datatype = literal_parts(term)
    if language is not None:
        return {"@value": value, "@language": language}
    if datatype is not None and datatype != XSD + "string":
        return {"@value": value, "@type": compact_iri(datatype)}
    return {"@value": value}


def jsonld_document(graph: KnowledgeGraph) -> dict[str, object]:
    """Compact JSON-LD: one node object per subject in the graph's order, the prefixes as @context."""
    compact_iri = _Compactor(graph.prefixes)
    rdf_type = f"<{RDF_TYPE}>"
    nodes: list[dict[str, object]] = []
    node: dict[str, list] = {}
    current = None
    for subject, predicate, obj in graph.sorted_triples():
        if subject != current:
            current = subject
            node = {"@id": compact_iri(subject[1:-1]) if subject.startswith("<") else subject}  # type: ignore[dict-item]
            nodes.append(node)
        if predicate == rdf_type and obj.startswith("<"):
            node.setdefault("@type", []).append(compact_iri(obj[1:-1]))
        else:
            node.setdefault(compact_iri(predicate[1:-1]), []).append(_jsonld_value(obj, compact_iri))
    return {"@context": dict(graph.prefixes), "@graph": nodes}


def jsonld_text(graph: KnowledgeGraph) -> str:
    """The JSON-LD document with one node a line: readable, and json's C encoder (no ``indent``) is fast."""
    document = jsonld_document(graph)
    context = json.dumps(document["@context"], ensure_ascii=False, indent=1)
    nodes = ",\n".join(json.dumps(node, ensure_ascii=False) for node in document["@graph"])  # type: ignore[union-attr]
    return f'{{"@context": {context},\n"@graph": [\n{nodes}\n]}}\n'


def write_jsonld(graph: KnowledgeGraph, path: Path) -> None:
    with atomic_writer(path) as handle:
        handle.write(jsonld_text(graph))


def render_view(graph: KnowledgeGraph, path: Path) -> None:
    """The interactive view of ``graph`` (:mod:`kg.view.html`), from the graph in memory: the page ``kg view``
    draws from its Turtle, without parsing it back."""
    from kg.view.html import index_of_graph, render_html

    with collector_paused():
        render_html(index_of_graph(graph), path)


class _View:
    """graph.html, drawn in a forked copy of this process while this one writes the other outputs when the build
    may use more than one process, else here; put into place by :meth:`finish`, never half-written."""

    def __init__(self, graph: KnowledgeGraph, path: Path, processes: int) -> None:
        from kg.forked import ForkedCall, fork_is_safe

        self.graph, self.path = graph, path
        fd, tmp = tempfile.mkstemp(prefix=f".{path.stem}.", suffix=path.suffix, dir=path.parent)
        os.close(fd)
        self.tmp = Path(tmp)
        self.call = ForkedCall(render_view, graph, self.tmp) if processes > 1 and fork_is_safe() else None

    def finish(self) -> Path:
        if self.call is None:
            render_view(self.graph, self.tmp)
        else:
            self.call.result()
        os.replace(self.tmp, self.path)
        return self.path

    def abandon(self) -> None:
        if self.call is not None:
            self.call.cancel()
        self.tmp.unlink(missing_ok=True)


def _looks_like_store(directory: Path) -> bool:
    """An Oxigraph (RocksDB) directory, or an empty one: safe to replace."""
    entries = list(directory.iterdir())
    return not entries or (directory / "CURRENT").exists() or any(e.name.startswith("OPTIONS-") for e in entries)


def write_store(graph: KnowledgeGraph, store: Path) -> Path:
    """Replace the contents of the Oxigraph store at ``store`` with ``graph``.

    The new store is built in a temporary directory beside it and renamed into place, so readers
    never see a half-loaded store and a failed load keeps the old one. The bundled queries'
    materialised views (``kg.graph.materialise``) are made in it before the rename: never stale.
    """
    import pyoxigraph

    from kg.graph.materialise import materialise_views

    store = Path(store)
    if store.exists() and (not store.is_dir() or not _looks_like_store(store)):
        raise UsageError("is not an Oxigraph store directory; refusing to replace it", str(store))
    store.parent.mkdir(parents=True, exist_ok=True)
    building = Path(tempfile.mkdtemp(prefix=f".{store.name}.", suffix=".new", dir=store.parent))
    try:
        database = pyoxigraph.Store(str(building))
        database.bulk_load(graph.ntriples(), format=pyoxigraph.RdfFormat.N_TRIPLES)
        materialise_views(database)
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
    graph: KnowledgeGraph, out: Path, formats: Sequence[str], store: Path | None = None, processes: int = 1
) -> dict[str, Path]:
    """Write the requested formats under ``out`` (graph.ttl, graph.nt, graph.jsonld, graph.html).

    Returns the path of each file written by format, and ``"store"`` when a store was loaded. With
    ``processes`` > 1 the view is drawn in a second process while the others are written.
    """
    out = Path(out)
    unknown = [f for f in formats if f not in FILE_NAMES]
    if unknown:
        raise UsageError(f"unknown format {', '.join(unknown)}; choose from {', '.join(FILE_NAMES)}")
    out.mkdir(parents=True, exist_ok=True)
    written: dict[str, Path] = {}
    view = _View(graph, out / FILE_NAMES["html"], processes) if "html" in formats else None
    try:
        if "ttl" in formats:
            written["ttl"] = out / FILE_NAMES["ttl"]
            write_bytes_atomic(written["ttl"], turtle_bytes(graph))
        if "nt" in formats:
            written["nt"] = out / FILE_NAMES["nt"]
            write_bytes_atomic(written["nt"], graph.ntriples())
        if "jsonld" in formats:
            written["jsonld"] = out / FILE_NAMES["jsonld"]
            write_jsonld(graph, written["jsonld"])
        if view is not None:
            written["html"] = view.finish()
    except BaseException:
        if view is not None:
            view.abandon()
        raise
    if store is not None:
        written["store"] = write_store(graph, Path(store))
    return written
