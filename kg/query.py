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

Rows: ``limit`` keeps the first rows of a result (``kg query`` shows 1000 unless ``--limit``) and
says when more were cut. A bundled query may declare ``# @page NAME: PATTERN`` for an optional
parameter: run without ``--param NAME`` and with a limit, it is then evaluated for the values of
``?NAME_zh`` that PATTERN lists, in order, a batch of values at a time, until the limit is reached.
Its ORDER BY must start with ``?NAME_zh`` (or ``STR(?NAME_zh)``), so that those batches, one after
the other, are the same rows in the same order as one evaluation over every value; the engine then
never has to join and sort all the rows to show the first ones.

A bundled query may also declare ``# @view NAME``: ``kg build --store`` keeps its rows without
parameters in the store (``kg.graph.materialise``), and ``kg query --store`` run without
parameters reads them from there, by position, when the view was made from the same query text;
otherwise the query is evaluated as usual.
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
    truncated: bool = False  # rows past the limit were left out

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
    pages: dict[str, str] = field(default_factory=dict)  # parameter → the pattern listing its values
    view: str | None = None  # the materialised view of its rows without parameters (kg.graph.materialise)


_PARAM_LINE = re.compile(r"^#\s*@param\s+([A-Za-z_]\w*)\s*:?\s*(.*)$")
_PAGE_LINE = re.compile(r"^#\s*@page\s+([A-Za-z_]\w*)\s*:\s*(.+)$")
_VIEW_LINE = re.compile(r"^#\s*@view\s+([A-Za-z0-9_-]+)\b")


def _header(text: str) -> list[str]:
    lines = []
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        lines.append(line)
    return lines


def describe_query(path: Path) -> BundledQuery:
    """Read a query's header comment: the first line describes it, ``# @param x: …`` its parameters.

    ``# @page x: PATTERN`` pages it by ``x`` (see the module's docstring), ``# @view NAME`` names its
    materialised view (``kg.graph.materialise``).
    """
    header = _header(path.read_text(encoding="utf-8"))
    description = header[0].lstrip("#").strip() if header else ""
    params: dict[str, str] = {}
    pages: dict[str, str] = {}
    required = set()
    view = None
    for line in header:
        match = _PARAM_LINE.match(line)
        if match:
            params[match.group(1)] = match.group(2).strip()
            if match.group(2).strip().lower().startswith("required"):
                required.add(match.group(1))
        page = _PAGE_LINE.match(line)
        if page:
            pages[page.group(1)] = page.group(2).strip()
        declared = _VIEW_LINE.match(line)
        if declared:
            view = declared.group(1)
    return BundledQuery(path.stem, path, description, params, frozenset(required), pages, view)


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


def _query_code(text: str) -> str:
    """The query without its strings and IRIs, to look for variables in."""
    return "".join(t.group() + " " for t in _tokens(text) if t.lastgroup not in {"string", "iri"})


def _binding_terms(code: str, params: dict[str, str]) -> dict[str, str]:
    """Variable → SPARQL term for each parameter: ``?name`` and, if the query uses it, ``?name_zh``."""
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
    return variables


def bind_rows(text: str, rows: Sequence[dict[str, str]]) -> str:
    """Insert ``VALUES (?a ?b) { (x y) (z w) }`` (variable → SPARQL term, one dict a row) into the WHERE group."""
    variables = list(rows[0])
    lines = " ".join(f"({' '.join(row[v] for v in variables)})" for row in rows)
    block = f" VALUES ({' '.join('?' + v for v in variables)}) {{ {lines} }} "
    position = _where_brace(text)
    return text[:position] + block + text[position:]


def check_required(params: dict[str, str], bundled: BundledQuery | None) -> None:
    """A UsageError naming the bundled query's required parameters that ``params`` leaves out."""
    if bundled is not None:
        missing = sorted(bundled.required - set(params))
        if missing:
            raise UsageError(
                f"query {bundled.name!r} needs --param {', '.join(f'{m}=…' for m in missing)} "
                f"({'; '.join(f'{m}: {bundled.params[m]}' for m in missing)})"
            )


def bind_parameters(text: str, params: dict[str, str]) -> str:
    """Insert ``VALUES (?a ?b) { ("x" <y>) }`` at the start of the outer WHERE group.

    ``?name`` gets the value as a plain string; ``?name_zh``, if the query uses it, the same string
    tagged ``@zh``, which matches the graph's labels directly (an index lookup, not a FILTER over
    every label). Required parameters are checked by the caller (``check_required``).
    """
    if not params:
        return text
    return bind_rows(text, [_binding_terms(_query_code(text), params)])


@dataclass(frozen=True)
class Paging:
    """How to evaluate a query a batch of parameter values at a time (see the module's docstring)."""

    parameter: str
    listing: str  # SELECT DISTINCT ?<parameter>_zh WHERE { pattern } (sorted by the caller)
    params: dict[str, str]  # the other parameters, bound in every batch


def paging_for(text: str, bundled: BundledQuery | None, params: dict[str, str], limit: int | None) -> Paging | None:
    """The paging of a bundled query run with a row limit and without its ``@page`` parameter."""
    if bundled is None or not limit:
        return None
    free = [name for name in bundled.pages if name not in params]
    if not free:
        return None
    name = free[0]
    pattern = bundled.pages[name]
    if not re.search(rf"[?$]{name}_zh(?!\w)", pattern):
        raise UsageError(f"@page {name} of {bundled.path} must bind ?{name}_zh", str(bundled.path))
    select = next(t for t in _tokens(text) if t.lastgroup == "word" and t.group().upper() == "SELECT")
    listing = f"{text[: select.start()]}SELECT DISTINCT ?{name}_zh WHERE {{ {pattern} }}"
    return Paging(name, listing, dict(params))


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


def _first_rows(items, limit: int | None, cell) -> tuple[list, bool]:
    """Up to ``limit`` rows (all when None) and whether there was at least one more."""
    rows = []
    for item in items:
        if limit is not None and len(rows) >= limit:
            return rows, True
        rows.append(cell(item))
    return rows, False


def _evaluate(store, text: str, limit: int | None = None) -> QueryResult:
    """Run a query; only the first ``limit`` rows are read from the engine (all when None)."""
    import pyoxigraph

    try:
        result = store.query(text)
    except SyntaxError as error:
        raise GraphError(f"SPARQL syntax error: {error}".splitlines()[0]) from error
    if isinstance(result, pyoxigraph.QueryBoolean):
        return QueryResult("ask", ["ask"], [(Value("true" if bool(result) else "false"),)])
    if isinstance(result, pyoxigraph.QuerySolutions):
        columns = [variable.value for variable in result.variables]
        width = range(len(columns))
        rows, cut = _first_rows(result, limit, lambda solution: tuple(_cell(solution[i]) for i in width))
        return QueryResult("select", columns, rows, truncated=cut)
    rows, cut = _first_rows(result, limit, lambda t: (_cell(t.subject), _cell(t.predicate), _cell(t.object)))
    return QueryResult("graph", ["subject", "predicate", "object"], rows, truncated=cut)


FIRST_BATCH = 32  # parameter values in the first batch of a paged query
LAST_BATCH = 4096


def _evaluate_paged(store, text: str, paging: Paging, limit: int) -> QueryResult:
    """The first ``limit`` rows of ``text`` over every value of the paged parameter, a batch at a time.

    Batches follow the values' order, and the query orders its rows by that value first, so the
    batches' rows, one after the other, are the rows of one evaluation over all values. The values
    are sorted here, as SPARQL orders strings (by code point): the engine compares long strings by
    reading them from the store at every comparison, which for thousands of names costs more than
    the query. A batch is sized from the rows per value seen so far.
    """
    try:
        listed = store.query(paging.listing)
    except SyntaxError as error:
        raise GraphError(f"SPARQL syntax error in the @page pattern: {error}".splitlines()[0]) from error
    values = sorted((solution[0] for solution in listed if solution[0] is not None), key=lambda term: term.value)
    if not values:
        return _evaluate(store, bind_parameters(text, paging.params), limit)
    code = _query_code(text)
    name = paging.parameter
    result: QueryResult | None = None
    start, size = 0, FIRST_BATCH
    while start < len(values):
        end = min(start + size, len(values))
        while end < len(values) and values[end].value == values[end - 1].value:
            end += 1  # values equal as strings sort together: never split them across batches
        rows = []
        for value in values[start:end]:
            terms = _binding_terms(code, {**paging.params, name: value.value})
            if f"{name}_zh" in terms:
                terms[f"{name}_zh"] = str(value)  # the listed term itself, language tag and all
            rows.append(terms)
        done = 0 if result is None else len(result.rows)
        part = _evaluate(store, bind_rows(text, rows), limit - done)
        if result is None:
            result = part
        else:
            result.rows.extend(part.rows)
            result.truncated = part.truncated
        if result.truncated:
            break
        start = end
        # Enough values for the rows still wanted at the rate seen so far, a tenth more, at least doubling
        # while no row came back.
        per_value = len(result.rows) / start
        wanted = limit + 1 - len(result.rows)
        size = min(LAST_BATCH, max(FIRST_BATCH, int(wanted * 1.1 / per_value) + 1 if per_value else size * 2))
    assert result is not None
    return result


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


@dataclass(frozen=True)
class Request:
    """What the worker runs: the query (parameters bound, unless paged), where, and how many rows."""

    text: str
    update: bool = False
    data: Path | None = None
    store: Path | None = None
    limit: int | None = None  # rows to keep; None keeps all
    paging: Paging | None = None
    view: tuple[str, str] | None = None  # (name, digest of the query text): read from this view when fresh

    def open(self):
        return open_store(self.store, writable=self.update) if self.store is not None else load_data(self.data)  # type: ignore[arg-type]


def _execute(request: Request) -> QueryResult:
    """Load, then run one query or update in this process."""
    return _execute_on(request.open(), request)


def _execute_on(store, request: Request) -> QueryResult:
    where = f"store {request.store}" if request.store is not None else str(request.data)
    if not request.update:
        if request.view is not None:
            from kg.graph.materialise import view_reading_query

            reading = view_reading_query(store, *request.view, request.limit)
            if reading is not None:
                return _evaluate(store, reading, request.limit)
        if request.paging is not None and request.limit is not None:
            return _evaluate_paged(store, request.text, request.paging, request.limit)
        return _evaluate(store, request.text, request.limit)
    from kg.graph.materialise import view_quads

    # The graph's triples are counted, not its views' (an update may drop them; they are made again afterwards).
    before = len(store) - view_quads(store)
    try:
        store.update(request.text)
    except SyntaxError as error:
        raise GraphError(f"SPARQL syntax error: {error}".splitlines()[0]) from error
    after = len(store) - view_quads(store)
    if request.store is None:
        assert request.data is not None
        _write_back(store, request.data)
    else:
        store.flush()
    return QueryResult("update", message=f"updated {where}: {before} → {after} triples")


_LOADED = b"L"  # the worker writes this byte once the data is loaded; the timeout starts then


def _serve(request: Request, out) -> None:
    """Open the data, write the loaded marker, run the request and write the pickled reply to ``out``."""
    import pickle

    loaded = False
    try:
        store = request.open()
        out.write(_LOADED)
        out.flush()
        loaded = True
        reply: tuple = ("result", _execute_on(store, request))
    except KgError as error:
        reply = ("error", type(error).__name__, str(error))
    except Exception as error:  # reported to the caller as a graph error, never lost
        reply = ("error", "GraphError", f"{type(error).__name__}: {error}")
    if not loaded:
        out.write(_LOADED)
    pickle.dump(reply, out)
    out.flush()


def worker_main() -> None:
    """The worker process: a pickled Request on stdin, the loaded marker and a pickled reply on stdout."""
    import pickle
    import sys

    _serve(pickle.load(sys.stdin.buffer), sys.stdout.buffer)


def _reply(message: tuple) -> QueryResult:
    if message[0] == "error":
        error_class = {"UsageError": UsageError, "QueryTimeout": QueryTimeout}.get(message[1], GraphError)
        raise error_class(message[2])
    return message[1]


def _timed_out(timeout: float) -> QueryTimeout:
    return QueryTimeout(
        f"query stopped after {timeout:g} s (--timeout {timeout:g}); narrow it (LIMIT, a --param) or allow more time"
    )


def _single_threaded() -> bool:
    """Whether this process runs one thread only (Linux): only then is a plain fork safe."""
    import os

    try:
        return len(os.listdir("/proc/self/task")) == 1
    except OSError:
        return False


def _run_forked(request: Request, timeout: float) -> QueryResult:
    """Run in a forked child, killed past ``timeout`` seconds: no second interpreter to start and import.

    Used only from a single-threaded process (a command line run), where forking is safe.
    """
    import os
    import pickle
    import select
    import signal
    import time

    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: run, reply, and leave without running the parent's exit handlers
        code = 0
        try:
            os.close(read_end)
            with os.fdopen(write_end, "wb") as out:
                _serve(request, out)
        except BaseException:
            code = 1
        finally:
            os._exit(code)
    os.close(write_end)
    chunks: list[bytes] = []
    try:
        with os.fdopen(read_end, "rb", buffering=0) as pipe:
            if pipe.read(1) != _LOADED:  # loading is not part of the query's time
                raise GraphError("the query worker failed before loading the data")
            deadline = time.monotonic() + timeout
            while True:
                remaining = deadline - time.monotonic()
                if remaining <= 0 or not select.select([pipe], [], [], remaining)[0]:
                    raise _timed_out(timeout)
                chunk = pipe.read(1 << 20)
                if not chunk:
                    break
                chunks.append(chunk)
    finally:
        if os.waitpid(pid, os.WNOHANG) == (0, 0):
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
    try:
        message = pickle.loads(b"".join(chunks))
    except Exception as error:
        raise GraphError("the query worker failed without a reply") from error
    return _reply(message)


def _run_in_worker(request: Request, timeout: float) -> QueryResult:
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
        pickle.dump(request, process.stdin)
        process.stdin.close()
        process.stdin = None  # so that communicate() does not flush the closed pipe
        loaded = process.stdout.read(1)  # loading is not part of the query's time
        if loaded != _LOADED:
            raise GraphError(f"the query worker failed: {process.communicate()[1].decode(errors='replace')[-500:]}")
        try:
            output, errors = process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired as expired:
            raise _timed_out(timeout) from expired
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    try:
        message = pickle.loads(output)
    except Exception as error:
        raise GraphError(f"the query worker failed: {errors.decode(errors='replace')[-500:]}") from error
    return _reply(message)


def _refresh_views(store: Path) -> None:
    """Make the store's materialised views again after an update (the worker has closed the store).

    Not counted against --timeout, like loading: the update is done, and a view left half-made is
    not used (``kg.graph.materialise``).
    """
    from kg.graph.materialise import materialise_views

    database = open_store(store, writable=True)
    materialise_views(database)
    del database


def run_query(
    query: str,
    data: Path | None = None,
    store: Path | None = None,
    params: dict[str, str] | None = None,
    allow_update: bool = False,
    timeout: float = 60.0,
    limit: int | None = None,
    use_views: bool = True,
) -> QueryResult:
    """Run SPARQL text, a .rq file or a bundled query over ``data`` (default output/graph.ttl) or ``store``.

    ``timeout`` ≤ 0 runs the query in this process with no time limit. ``limit`` keeps the first
    rows (None or 0: all) and sets ``truncated`` when there were more; a bundled query with an
    ``@page`` parameter left unbound is then evaluated a batch of values at a time. A bundled
    query with an ``@view`` run on a store without parameters is read from its materialised
    view when the store holds a fresh one (``use_views=False``: always evaluated).
    """
    if data is not None and store is not None:
        raise UsageError("give either --data or --store, not both")
    if limit is not None and limit < 0:
        raise UsageError(f"--limit must be 0 (all rows) or more, not {limit}")
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
    params = params or {}
    paging = None
    view = None
    if not update:
        check_required(params, bundled)
        if use_views and store is not None and bundled is not None and bundled.view is not None and not params:
            from kg.graph.materialise import source_digest

            view = (bundled.view, source_digest(text))
        paging = paging_for(text, bundled, params, limit)
        if paging is None:
            text = bind_parameters(text, params)
        else:
            _binding_terms(_query_code(text), params)  # a bad parameter fails here, not in the worker
    request = Request(text, update, data, store, limit or None, paging, view)
    if not timeout or timeout <= 0:
        result = _execute(request)
    elif _single_threaded():
        result = _run_forked(request, timeout)
    else:
        result = _run_in_worker(request, timeout)
    if update and store is not None:
        _refresh_views(store)
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
