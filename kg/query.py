"""SPARQL over a built graph (a Turtle/N-Triples/JSON-LD file or an Oxigraph store), safely.

A query is SPARQL text, a ``.rq`` file, or the name of a bundled query in ``ontology/queries/``
(its header comment says what it does and which ``--param`` it takes). Safety:

* Parameters are bound with a ``VALUES`` block inserted into the query's outer ``WHERE`` group,
  their values escaped as SPARQL literals (or checked as IRIs): text never becomes query syntax.
* A SPARQL UPDATE is refused unless ``allow_update``. Queries run through ``Store.query``, which
  cannot change data, so a mislabelled update cannot slip through either. With ``allow_update``
  an update on ``--store`` changes that store; on ``--data`` it rewrites that file (atomically, in
  its own format) and nothing else.
* The query runs in a worker process; past ``timeout`` seconds the worker is killed and
  QueryTimeout says so. Loading the data is not counted against the timeout.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import GraphError, KgError, UsageError
from kg.graph.namespaces import TERM_PREFIXES, all_prefixes, compact
from kg.resources import ontology_dir
from kg.settings import DEFAULT_BASE_IRI

DEFAULT_DATA = Path("output/graph.ttl")
FORMATS = ("table", "csv", "tsv", "json")


class QueryTimeout(KgError):
    """A query ran longer than --timeout and was stopped."""


class UpdateRefused(KgError):
    """A SPARQL UPDATE without --allow-update."""


# --- values and results -------------------------------------------------------------------------


@dataclass(frozen=True)
class Value:
    """One cell of a result: an IRI, a blank node (``_:b0``) or a literal's lexical form."""

    text: str
    iri: bool = False

    def __str__(self) -> str:
        return self.text


@dataclass
class QueryResult:
    kind: str  # "select" | "ask" | "graph" | "update"
    columns: list[str] = field(default_factory=list)
    rows: list[tuple[Value | None, ...]] = field(default_factory=list)
    message: str = ""  # what an update did
    prefixes: dict[str, str] = field(default_factory=dict)  # for compact IRIs in tables

    def records(self) -> list[dict[str, str | None]]:
        return [
            {c: (str(v) if v is not None else None) for c, v in zip(self.columns, row, strict=False)}
            for row in self.rows
        ]


# --- bundled queries ------------------------------------------------------------------------------


@dataclass(frozen=True)
class BundledQuery:
    name: str
    path: Path
    description: str
    params: dict[str, str]  # name → description
    required: frozenset[str]


_PARAM_LINE = re.compile(r"^#\s*@param\s+([A-Za-z_]\w*)\s*:?\s*(.*)$")


def _header(text: str) -> list[str]:
    lines = []
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        lines.append(line)
    return lines


def describe_query(path: Path) -> BundledQuery:
    """Read a query's header comment: the first line describes it, ``# @param x: …`` its parameters."""
    header = _header(path.read_text(encoding="utf-8"))
    description = header[0].lstrip("#").strip() if header else ""
    params: dict[str, str] = {}
    required = set()
    for line in header:
        match = _PARAM_LINE.match(line)
        if match:
            params[match.group(1)] = match.group(2).strip()
            if match.group(2).strip().lower().startswith("required"):
                required.add(match.group(1))
    return BundledQuery(path.stem, path, description, params, frozenset(required))


def bundled_queries() -> dict[str, BundledQuery]:
    folder = ontology_dir() / "queries"
    return {path.stem: describe_query(path) for path in sorted(folder.glob("*.rq"))}


_SPARQL_START = re.compile(r"\b(SELECT|ASK|CONSTRUCT|DESCRIBE|INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|PREFIX)\b", re.I)


def resolve_query(query: str) -> tuple[str, BundledQuery | None]:
    """SPARQL text, plus the bundled query's description when ``query`` named one."""
    text = query.strip()
    if text.endswith(".rq") or (len(text) < 300 and "\n" not in text and Path(text).is_file()):
        path = Path(text)
        if not path.is_file():
            raise UsageError("no such query file", text)
        return path.read_text(encoding="utf-8"), describe_query(path)
    bundled = bundled_queries()
    if text in bundled:
        return bundled[text].path.read_text(encoding="utf-8"), bundled[text]
    if (_SPARQL_START.search(text) and "{" in text) or text.upper().startswith(("CLEAR", "DROP", "LOAD", "CREATE")):
        return text, None
    raise UsageError(
        f"{text!r} is not SPARQL, a .rq file or a bundled query; bundled queries: {', '.join(bundled) or 'none'}"
    )


# --- reading SPARQL without parsing it: comments, strings and IRIs are skipped ------------------

_TOKEN = re.compile(
    r"""
    (?P<comment>\#[^\n]*)
  | (?P<string>'''.*?'''|\"\"\".*?\"\"\"|'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*")
  | (?P<iri><[^<>"{}|^`\\\s]*>)
  | (?P<var>[?$][A-Za-z_]\w*)
  | (?P<word>[A-Za-z_][\w-]*:?[\w.-]*)
  | (?P<brace>[{}])
  | (?P<other>\S)
    """,
    re.X | re.S,
)

_UPDATE_WORDS = {"INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH"}
_QUERY_WORDS = {"SELECT", "ASK", "CONSTRUCT", "DESCRIBE"}


def _tokens(text: str):
    for match in _TOKEN.finditer(text):
        if match.lastgroup != "comment":
            yield match


def is_update(text: str) -> bool:
    """Whether SPARQL text is an UPDATE: its first keyword after PREFIX/BASE declarations."""
    expect_declaration = 0
    for token in _tokens(text):
        word = token.group().upper()
        if expect_declaration:
            expect_declaration -= 1
            continue
        if word == "PREFIX":
            expect_declaration = 2  # the prefix name and its IRI
            continue
        if word == "BASE":
            expect_declaration = 1
            continue
        return word in _UPDATE_WORDS
    return False


def _where_brace(text: str) -> int:
    """The index just after the ``{`` that opens the query's outer WHERE group."""
    first_brace = None
    after_where = False
    for token in _tokens(text):
        if token.lastgroup == "word" and token.group().upper() == "WHERE":
            after_where = True
        elif token.lastgroup == "brace" and token.group() == "{":
            if after_where:
                return token.end()
            if first_brace is None:
                first_brace = token.end()
    if first_brace is None:
        raise UsageError("cannot bind parameters: the query has no WHERE group")
    return first_brace


_PARAM_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def sparql_literal(value: str) -> str:
    """A value as a SPARQL string literal; every character that could end the literal is escaped."""
    escaped = (
        value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t")
    )
    return f'"{escaped}"'


def sparql_term(value: str) -> str:
    """``<iri>`` stays an IRI (checked), anything else becomes a string literal."""
    if value.startswith("<") and value.endswith(">"):
        iri = value[1:-1]
        if not iri or re.search(r'[<>"{}|^`\\\s]', iri):
            raise UsageError(f"parameter value {value!r} is not a valid IRI")
        return value
    return sparql_literal(value)


def bind_parameters(text: str, params: dict[str, str], bundled: BundledQuery | None = None) -> str:
    """Insert ``VALUES (?a ?b) { ("x" <y>) }`` at the start of the outer WHERE group.

    ``?name`` gets the value as a plain string; ``?name_zh``, if the query uses it, the same string
    tagged ``@zh``, which matches the graph's labels directly (an index lookup, not a FILTER over
    every label).
    """
    if bundled is not None:
        missing = sorted(bundled.required - set(params))
        if missing:
            raise UsageError(
                f"query {bundled.name!r} needs --param {', '.join(f'{m}=…' for m in missing)} "
                f"({'; '.join(f'{m}: {bundled.params[m]}' for m in missing)})"
            )
    if not params:
        return text
    code = "".join(t.group() + " " for t in _tokens(text) if t.lastgroup not in {"string", "iri"})
    variables: dict[str, str] = {}
    for name in sorted(params):
        if not _PARAM_NAME.match(name):
            raise UsageError(f"parameter name {name!r} must be a SPARQL variable name (letters, digits, _)")
        term = sparql_term(params[name])
        uses_plain = re.search(rf"[?$]{name}(?!\w)", code) is not None
        uses_zh = re.search(rf"[?$]{name}_zh(?!\w)", code) is not None and not term.startswith("<")
        if not uses_plain and not uses_zh:
            raise UsageError(f"the query has no variable ?{name} to bind --param {name}")
        if uses_plain:
            variables[name] = term
        if uses_zh:
            variables[f"{name}_zh"] = term + "@zh"
    block = f" VALUES ({' '.join('?' + n for n in variables)}) {{ ({' '.join(variables.values())}) }} "
    position = _where_brace(text)
    return text[:position] + block + text[position:]


# --- loading data ---------------------------------------------------------------------------------

_RDF_FORMATS = {
    ".ttl": "TURTLE",
    ".nt": "N_TRIPLES",
    ".nq": "N_QUADS",
    ".trig": "TRIG",
    ".jsonld": "JSON_LD",
    ".json": "JSON_LD",
    ".rdf": "RDF_XML",
    ".xml": "RDF_XML",
    ".owl": "RDF_XML",
}


def rdf_format(path: Path):
    import pyoxigraph

    name = _RDF_FORMATS.get(path.suffix.lower())
    if name is None:
        raise UsageError(f"unknown RDF format {path.suffix!r}; use .ttl, .nt, .nq, .trig, .jsonld or .rdf", str(path))
    return getattr(pyoxigraph.RdfFormat, name)


def load_data(data: Path):
    """An in-memory store holding the RDF file ``data``."""
    import pyoxigraph

    data = Path(data)
    if not data.is_file():
        raise GraphError("no such graph file (run `kg build` first, or pass --data/--store)", str(data))
    store = pyoxigraph.Store()
    try:
        store.bulk_load(path=str(data), format=rdf_format(data))
    except (SyntaxError, ValueError) as error:
        raise GraphError(f"cannot parse: {error}".splitlines()[0], str(data)) from error
    return store


def open_store(path: Path, writable: bool = False):
    import pyoxigraph

    path = Path(path)
    if not (path / "CURRENT").exists():
        raise GraphError("not an Oxigraph store (build one with `kg build --store DIR`)", str(path))
    try:
        return pyoxigraph.Store(str(path)) if writable else pyoxigraph.Store.read_only(str(path))
    except OSError as error:
        raise GraphError(f"cannot open the store: {error}", str(path)) from error


def file_prefixes(path: Path) -> dict[str, str]:
    """The prefixes declared at the head of a Turtle file (ours declare them all first)."""
    prefixes: dict[str, str] = {}
    if path.suffix.lower() in {".ttl", ".trig"} and path.is_file():
        with path.open(encoding="utf-8", errors="replace") as handle:
            for line in handle:
                match = re.match(r"^\s*(?:@prefix|PREFIX)\s+([\w-]*):\s*<([^>]*)>", line, re.I)
                if match:
                    prefixes[match.group(1)] = match.group(2)
                elif line.strip() and not line.lstrip().startswith(("#", "@base", "BASE")):
                    break
    return prefixes or all_prefixes(DEFAULT_BASE_IRI)


# --- running --------------------------------------------------------------------------------------


def _cell(term: object) -> Value | None:
    import pyoxigraph

    if term is None:
        return None
    if isinstance(term, pyoxigraph.NamedNode):
        return Value(term.value, iri=True)
    if isinstance(term, pyoxigraph.BlankNode):
        return Value(f"_:{term.value}")
    if isinstance(term, pyoxigraph.Literal):
        return Value(term.value)
    return Value(str(term))


def _evaluate(store, text: str) -> QueryResult:
    import pyoxigraph

    try:
        result = store.query(text)
    except SyntaxError as error:
        raise GraphError(f"SPARQL syntax error: {error}".splitlines()[0]) from error
    if isinstance(result, pyoxigraph.QueryBoolean):
        return QueryResult("ask", ["ask"], [(Value("true" if bool(result) else "false"),)])
    if isinstance(result, pyoxigraph.QuerySolutions):
        columns = [variable.value for variable in result.variables]
        rows = [tuple(_cell(solution[i]) for i in range(len(columns))) for solution in result]
        return QueryResult("select", columns, rows)
    rows = [(_cell(t.subject), _cell(t.predicate), _cell(t.object)) for t in result]
    return QueryResult("graph", ["subject", "predicate", "object"], rows)


def _write_back(store, data: Path) -> None:
    """Rewrite ``data`` with the store's triples, deterministically and atomically, in its format."""
    from kg.graph.export import turtle_bytes, write_jsonld
    from kg.graph.rdf import KnowledgeGraph
    from kg.io import write_bytes_atomic

    graph = KnowledgeGraph.from_terms(
        ((q.subject, q.predicate, q.object) for q in store), file_prefixes(data) if data.suffix == ".ttl" else {}
    )
    suffix = data.suffix.lower()
    if suffix == ".ttl":
        write_bytes_atomic(data, turtle_bytes(graph))
    elif suffix == ".nt":
        write_bytes_atomic(data, graph.ntriples())
    elif suffix in {".jsonld", ".json"}:
        graph.prefixes = all_prefixes(DEFAULT_BASE_IRI)
        write_jsonld(graph, data)
    else:
        raise UsageError("updates can be written back only to .ttl, .nt or .jsonld files", str(data))


def _execute(text: str, update: bool, data: Path | None, store_path: Path | None) -> QueryResult:
    """Load, then run one query or update in this process."""
    store = open_store(store_path, writable=update) if store_path is not None else load_data(data)  # type: ignore[arg-type]
    return _execute_on(store, text, update, data, store_path)


def _execute_on(store, text: str, update: bool, data: Path | None, store_path: Path | None) -> QueryResult:
    where = f"store {store_path}" if store_path is not None else str(data)
    if not update:
        return _evaluate(store, text)
    before = len(store)
    try:
        store.update(text)
    except SyntaxError as error:
        raise GraphError(f"SPARQL syntax error: {error}".splitlines()[0]) from error
    after = len(store)
    if store_path is None:
        assert data is not None
        _write_back(store, data)
    else:
        store.flush()
    return QueryResult("update", message=f"updated {where}: {before} → {after} triples")


_LOADED = b"L"  # the worker writes this byte once the data is loaded; the timeout starts then


def worker_main() -> None:
    """The worker process: a pickled request on stdin, the loaded marker and a pickled reply on stdout."""
    import pickle
    import sys

    text, update, data, store_path = pickle.load(sys.stdin.buffer)
    out = sys.stdout.buffer
    loaded = False
    try:
        store = open_store(store_path, writable=update) if store_path is not None else load_data(data)
        out.write(_LOADED)
        out.flush()
        loaded = True
        reply: tuple = ("result", _execute_on(store, text, update, data, store_path))
    except KgError as error:
        reply = ("error", type(error).__name__, str(error))
    except Exception as error:  # reported to the caller as a graph error, never lost
        reply = ("error", "GraphError", f"{type(error).__name__}: {error}")
    if not loaded:
        out.write(_LOADED)
    pickle.dump(reply, out)
    out.flush()


def _run_in_worker(text: str, update: bool, data: Path | None, store: Path | None, timeout: float) -> QueryResult:
    """Run in a child process that is killed when the query is not done within ``timeout`` seconds.

    A fresh interpreter (not fork or multiprocessing) so that it works whatever the caller's
    __main__ or threads are, and so that a stuck query can be stopped cleanly.
    """
    import pickle
    import subprocess
    import sys

    process = subprocess.Popen(
        [sys.executable, "-c", "from kg.query import worker_main; worker_main()"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        bufsize=0,  # unbuffered: reading the one-byte marker must not swallow the reply
    )
    try:
        assert process.stdin is not None and process.stdout is not None
        pickle.dump((text, update, data, store), process.stdin)
        process.stdin.close()
        process.stdin = None  # so that communicate() does not flush the closed pipe
        loaded = process.stdout.read(1)  # loading is not part of the query's time
        if loaded != _LOADED:
            raise GraphError(f"the query worker failed: {process.communicate()[1].decode(errors='replace')[-500:]}")
        try:
            output, errors = process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired as expired:
            raise QueryTimeout(
                f"query stopped after {timeout:g} s (--timeout {timeout:g}); narrow it (LIMIT, a --param) "
                "or allow more time"
            ) from expired
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    try:
        message = pickle.loads(output)
    except Exception as error:
        raise GraphError(f"the query worker failed: {errors.decode(errors='replace')[-500:]}") from error
    if message[0] == "error":
        error_class = {"UsageError": UsageError, "QueryTimeout": QueryTimeout}.get(message[1], GraphError)
        raise error_class(message[2])
    return message[1]


def run_query(
    query: str,
    data: Path | None = None,
    store: Path | None = None,
    params: dict[str, str] | None = None,
    allow_update: bool = False,
    timeout: float = 60.0,
) -> QueryResult:
    """Run SPARQL text, a .rq file or a bundled query over ``data`` (default output/graph.ttl) or ``store``.

    ``timeout`` ≤ 0 runs the query in this process with no time limit.
    """
    if data is not None and store is not None:
        raise UsageError("give either --data or --store, not both")
    if store is None:
        data = Path(data) if data is not None else DEFAULT_DATA
        if not data.is_file():
            raise GraphError("no such graph file (run `kg build` first, or pass --data/--store)", str(data))
        rdf_format(data)  # an unknown suffix is a usage error before any worker starts
    else:
        store = Path(store)
        if not (store / "CURRENT").exists():
            raise GraphError("not an Oxigraph store (build one with `kg build --store DIR`)", str(store))
    text, bundled = resolve_query(query)
    update = is_update(text)
    if update and not allow_update:
        target = f"store {store}" if store is not None else f"file {data}"
        raise UpdateRefused(
            f"this is a SPARQL UPDATE and would change the {target}; it was refused. "
            "Pass --allow-update to apply it (it rewrites that file or store in place)."
        )
    if update and params:
        raise UsageError("--param binds SELECT/ASK/CONSTRUCT queries only, not updates")
    if not update:
        text = bind_parameters(text, params or {}, bundled)
    if timeout and timeout > 0:
        result = _run_in_worker(text, update, data, store, timeout)
    else:
        result = _execute(text, update, data, store)
    result.prefixes = file_prefixes(data) if data is not None else all_prefixes(DEFAULT_BASE_IRI)
    return result


# --- output ---------------------------------------------------------------------------------------


def _display(value: Value | None, prefixes: dict[str, str], width: int = 80) -> str:
    if value is None:
        return ""
    text = compact(value.text, prefixes) if value.iri else value.text
    text = text.replace("\r", " ").replace("\n", " ").replace("\t", " ")
    from wcwidth import wcswidth

    if wcswidth(text) > width:
        while wcswidth(text) > width - 1:
            text = text[:-1]
        text += "…"
    return text


def _pad(text: str, width: int) -> str:
    from wcwidth import wcswidth

    return text + " " * (width - max(wcswidth(text), 0))


def format_table(columns: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """An aligned text table; Chinese characters count as two columns wide."""
    from wcwidth import wcswidth

    widths = [max([wcswidth(c), *(max(wcswidth(r[i]), 0) for r in rows)]) for i, c in enumerate(columns)]
    lines = ["  ".join(_pad(c, w) for c, w in zip(columns, widths, strict=True)).rstrip()]
    lines.append("  ".join("─" * w for w in widths))
    lines.extend("  ".join(_pad(cell, w) for cell, w in zip(row, widths, strict=True)).rstrip() for row in rows)
    return "\n".join(lines)


def format_result(result: QueryResult, fmt: str = "table") -> str:
    """The result as an aligned table (IRIs shortened with prefixes), CSV, TSV or JSON (full IRIs)."""
    if result.kind == "update":
        return json.dumps({"update": result.message}, ensure_ascii=False) if fmt == "json" else result.message
    if fmt == "table":
        prefixes = {**TERM_PREFIXES, **result.prefixes}
        body = format_table(result.columns, [[_display(v, prefixes) for v in row] for row in result.rows])
        return f"{body}\n({len(result.rows)} row{'s' if len(result.rows) != 1 else ''})"
    if fmt == "json":
        return json.dumps(result.records(), ensure_ascii=False, indent=1)
    if fmt in {"csv", "tsv"}:
        buffer = io.StringIO()
        if fmt == "csv":
            writer = csv.writer(buffer, lineterminator="\n")
            writer.writerow(result.columns)
            writer.writerows([[str(v) if v is not None else "" for v in row] for row in result.rows])
        else:
            buffer.write("\t".join(result.columns) + "\n")
            for row in result.rows:
                cells = [
                    (str(v) if v is not None else "").replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")
                    for v in row
                ]
                buffer.write("\t".join(cells) + "\n")
        return buffer.getvalue().rstrip("\n")
    raise UsageError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}")
