"""A SPARQL 1.1 endpoint on localhost over a pyoxigraph store, and a client that loads graphs.

The endpoint is a small WSGI application (standard library server, one thread per request):

- ``GET /query?query=…`` and ``POST /query`` (form-encoded or ``application/sparql-query``), per
  the SPARQL 1.1 Protocol, with ``default-graph-uri`` / ``named-graph-uri``; results negotiated
  from ``Accept`` (or a ``format`` parameter): SPARQL JSON, XML, CSV and TSV for SELECT/ASK;
  Turtle, N-Triples, RDF/XML for CONSTRUCT/DESCRIBE.
- ``GET /store`` (``?default`` or ``?graph=IRI``): the SPARQL 1.1 Graph Store HTTP Protocol read.
- Read-only unless ``writable``: then ``POST /update`` and Graph Store ``PUT``/``POST``/``DELETE``; each write
  retires the store's materialised views (kg/graph/materialise.py), which ``kg query`` then evaluates afresh.

:func:`push_graph` is the other direction: it sends a Turtle graph to any Graph Store endpoint
(Oxigraph's ``/store``, Fuseki's ``/DATASET/data``, GraphDB's ``rdf-graphs/service``).
"""

from __future__ import annotations

import base64
import threading
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from socketserver import ThreadingMixIn
from typing import Any
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

from kg.errors import GraphError, InputError, UsageError
from kg.graph.materialise import invalidate_views

StartResponse = Callable[[str, list[tuple[str, str]]], Any]
Environ = dict[str, Any]

SELECT_TYPES = {
    "application/sparql-results+json": "JSON",
    "application/json": "JSON",
    "application/sparql-results+xml": "XML",
    "application/xml": "XML",
    "text/xml": "XML",
    "text/csv": "CSV",
    "text/tab-separated-values": "TSV",
}
GRAPH_TYPES = {
    "text/turtle": "TURTLE",
    "application/x-turtle": "TURTLE",
    "application/n-triples": "N_TRIPLES",
    "text/plain": "N_TRIPLES",
    "application/rdf+xml": "RDF_XML",
}
# The ``format`` parameter's short names (as several endpoints accept).
FORMAT_NAMES = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
    "turtle": "text/turtle",
    "ttl": "text/turtle",
    "nt": "application/n-triples",
    "ntriples": "application/n-triples",
    "rdfxml": "application/rdf+xml",
}
RDF_SUFFIXES = {".ttl": "TURTLE", ".nt": "N_TRIPLES", ".rdf": "RDF_XML", ".owl": "RDF_XML", ".jsonld": "JSON_LD"}
MAX_BODY = 512 * 1024 * 1024


# --- opening a store ------------------------------------------------------------------------


def open_store(store: str | Path | None = None, data: str | Path | None = None, writable: bool = False) -> Any:
    """A pyoxigraph store: an on-disk one (read-only unless ``writable``), or one in memory loaded from a file.

    A store opened for writing is locked against other writers (a running ``kg build --store``).
    """
    import pyoxigraph

    if (store is None) == (data is None):
        raise UsageError("give exactly one of --store DIR or --data FILE")
    if store is not None:
        path = Path(store)
        if not path.is_dir():
            raise InputError("no such store directory", str(path))
        try:
            return pyoxigraph.Store(str(path)) if writable else pyoxigraph.Store.read_only(str(path))
        except OSError as error:
            raise GraphError(f"cannot open the store: {error}", str(path)) from error
    path = Path(str(data))
    if not path.is_file():
        raise InputError("no such graph file", str(path))
    memory = pyoxigraph.Store()
    try:
        memory.bulk_load(path=str(path), format=rdf_format(path))
    except (SyntaxError, ValueError, OSError) as error:
        raise GraphError(f"cannot parse the graph: {error}", str(path)) from error
    return memory


def rdf_format(path: Path) -> Any:
    import pyoxigraph

    name = RDF_SUFFIXES.get(path.suffix.lower())
    if name is None:
        raise InputError(
            f"unknown RDF file type {path.suffix!r}; use one of {', '.join(sorted(RDF_SUFFIXES))}", str(path)
        )
    return getattr(pyoxigraph.RdfFormat, name)


# --- content negotiation --------------------------------------------------------------------


def _accepted(accept: str) -> list[str]:
    """Media types of an Accept header, best first (q values respected, stable otherwise)."""
    ranked = []
    for position, part in enumerate(accept.split(",")):
        fields = [f.strip() for f in part.split(";")]
        if not fields[0]:
            continue
        quality = 1.0
        for field in fields[1:]:
            if field.startswith("q="):
                try:
                    quality = float(field[2:])
                except ValueError:
                    quality = 0.0
        if quality > 0:
            ranked.append((-quality, position, fields[0].lower()))
    return [media for _, _, media in sorted(ranked)]


def negotiate(accept: str, offered: dict[str, str], default: str) -> str | None:
    """The media type to answer with, or None when the client accepts nothing offered."""
    if not accept.strip():
        return default
    for media in _accepted(accept):
        if media in offered:
            return media
        if media in ("*/*", "application/*", "text/*"):
            kind = media.split("/")[0]
            if kind == "*" or default.startswith(kind + "/"):
                return default
            return next((m for m in offered if m.startswith(kind + "/")), None)
    return None


# --- the WSGI application -------------------------------------------------------------------


@dataclass
class Response:
    status: str
    body: bytes
    content_type: str = "text/plain; charset=utf-8"
    headers: tuple[tuple[str, str], ...] = ()


def _text(status: str, message: str) -> Response:
    return Response(status, (message.rstrip("\n") + "\n").encode())


def _read_body(environ: Environ) -> bytes:
    try:
        length = int(environ.get("CONTENT_LENGTH") or 0)
    except ValueError:
        length = 0
    if length > MAX_BODY:
        raise ValueError("request body too large")
    return environ["wsgi.input"].read(length) if length > 0 else b""


def _media(environ: Environ) -> str:
    return (environ.get("CONTENT_TYPE") or "").split(";")[0].strip().lower()


class SparqlApp:
    """The WSGI application: SPARQL Protocol at /query (and /update), Graph Store at /store."""

    def __init__(self, store: Any, writable: bool = False) -> None:
        self.store = store
        self.writable = writable
        # One writer at a time; pyoxigraph handles concurrent readers itself.
        self._write_lock = threading.Lock()

    def __call__(self, environ: Environ, start_response: StartResponse) -> Iterable[bytes]:
        try:
            response = self.route(environ)
        except ValueError as error:
            response = _text("400 Bad Request", str(error))
        headers = [("Content-Type", response.content_type), ("Content-Length", str(len(response.body)))]
        headers += list(response.headers)
        start_response(response.status, headers)
        return [response.body] if environ.get("REQUEST_METHOD") != "HEAD" else [b""]

    def route(self, environ: Environ) -> Response:
        path = environ.get("PATH_INFO") or "/"
        method = environ.get("REQUEST_METHOD", "GET")
        if path in ("/query", "/sparql"):
            return self.query(environ, method)
        if path == "/update":
            return self.update(environ, method)
        if path == "/store":
            return self.graph_store(environ, method)
        if path == "/" and method in ("GET", "HEAD"):
            mode = "read-write" if self.writable else "read-only"
            return _text(
                "200 OK",
                f"kg SPARQL 1.1 endpoint ({mode}, {len(self.store)} triples)\n"
                "GET/POST /query  SPARQL 1.1 Protocol query\n"
                "GET /store?default | ?graph=IRI  Graph Store Protocol"
                + ("\nPOST /update; PUT/POST/DELETE /store" if self.writable else ""),
            )
        return _text("404 Not Found", f"no resource at {path}; the SPARQL endpoint is /query")

    # -- query --------------------------------------------------------------------------------

    def query(self, environ: Environ, method: str) -> Response:
        params = urllib.parse.parse_qs(environ.get("QUERY_STRING", ""), keep_blank_values=True)
        if method in ("GET", "HEAD"):
            text = params.get("query", [None])[0]
        elif method == "POST":
            media = _media(environ)
            body = _read_body(environ)
            if media == "application/sparql-query":
                text = body.decode("utf-8")
            elif media == "application/x-www-form-urlencoded":
                form = urllib.parse.parse_qs(body.decode("utf-8"), keep_blank_values=True)
                for key, values in form.items():
                    params.setdefault(key, []).extend(values)
                text = params.get("query", [None])[0]
            else:
                return _text("415 Unsupported Media Type", f"cannot read a query sent as {media or 'no type'}")
        else:
            return Response("405 Method Not Allowed", b"use GET or POST\n", headers=(("Allow", "GET, POST"),))
        if not text:
            return _text("400 Bad Request", "missing the query parameter")
        if "update" in params:
            return _text("400 Bad Request", "updates go to /update, not /query")
        return self._answer(text, params, environ.get("HTTP_ACCEPT", ""))

    def _answer(self, text: str, params: dict[str, list[str]], accept: str) -> Response:
        import pyoxigraph

        options: dict[str, Any] = {}
        if params.get("default-graph-uri"):
            options["default_graph"] = [pyoxigraph.NamedNode(iri) for iri in params["default-graph-uri"]]
        if params.get("named-graph-uri"):
            options["named_graphs"] = [pyoxigraph.NamedNode(iri) for iri in params["named-graph-uri"]]
        wanted = params.get("format", [""])[0]
        if wanted:
            accept = FORMAT_NAMES.get(wanted.lower(), wanted)
        try:
            result = self.store.query(text, **options)
        except SyntaxError as error:
            return _text("400 Bad Request", f"query syntax error: {error}")
        except (OSError, ValueError) as error:
            return _text("500 Internal Server Error", f"query failed: {error}")
        if isinstance(result, pyoxigraph.QueryTriples):
            media = negotiate(accept, GRAPH_TYPES, "text/turtle")
            if media is None:
                return _text("406 Not Acceptable", f"a graph result is offered as {', '.join(GRAPH_TYPES)}")
            rdf = getattr(pyoxigraph.RdfFormat, GRAPH_TYPES[media])
            return Response("200 OK", result.serialize(format=rdf) or b"", f"{media}; charset=utf-8")
        media = negotiate(accept, SELECT_TYPES, "application/sparql-results+json")
        if media is None:
            return _text("406 Not Acceptable", f"results are offered as {', '.join(SELECT_TYPES)}")
        results_format = getattr(pyoxigraph.QueryResultsFormat, SELECT_TYPES[media])
        return Response("200 OK", result.serialize(format=results_format) or b"", f"{media}; charset=utf-8")

    # -- update -------------------------------------------------------------------------------

    def update(self, environ: Environ, method: str) -> Response:
        if not self.writable:
            return _text("403 Forbidden", "this endpoint is read-only (start it with --writable to allow updates)")
        if method != "POST":
            return Response("405 Method Not Allowed", b"use POST\n", headers=(("Allow", "POST"),))
        media = _media(environ)
        body = _read_body(environ).decode("utf-8")
        if media == "application/sparql-update":
            text = body
        elif media == "application/x-www-form-urlencoded":
            text = urllib.parse.parse_qs(body).get("update", [""])[0]
        else:
            return _text("415 Unsupported Media Type", f"cannot read an update sent as {media or 'no type'}")
        try:
            with self._write_lock:
                self.store.update(text)
                invalidate_views(self.store)
        except SyntaxError as error:
            return _text("400 Bad Request", f"update syntax error: {error}")
        return Response("204 No Content", b"")

    # -- graph store --------------------------------------------------------------------------

    def _target_graph(self, environ: Environ) -> Any:
        import pyoxigraph

        params = urllib.parse.parse_qs(environ.get("QUERY_STRING", ""), keep_blank_values=True)
        if "graph" in params:
            return pyoxigraph.NamedNode(params["graph"][0])
        if "default" in params:
            return pyoxigraph.DefaultGraph()
        raise ValueError("name the graph: ?default or ?graph=IRI")

    def graph_store(self, environ: Environ, method: str) -> Response:
        import pyoxigraph

        graph = self._target_graph(environ)
        if method in ("GET", "HEAD"):
            media = negotiate(environ.get("HTTP_ACCEPT", ""), GRAPH_TYPES, "text/turtle")
            if media is None:
                return _text("406 Not Acceptable", f"graphs are offered as {', '.join(GRAPH_TYPES)}")
            if not isinstance(graph, pyoxigraph.DefaultGraph) and not self.store.contains_named_graph(graph):
                return _text("404 Not Found", f"no graph {graph.value}")
            rdf = getattr(pyoxigraph.RdfFormat, GRAPH_TYPES[media])
            body = self.store.dump(format=rdf, from_graph=graph) or b""
            return Response("200 OK", body, f"{media}; charset=utf-8")
        if not self.writable:
            return _text("403 Forbidden", "this endpoint is read-only (start it with --writable to allow loading)")
        if method == "DELETE":
            with self._write_lock:
                existed = isinstance(graph, pyoxigraph.DefaultGraph) or self.store.contains_named_graph(graph)
                if isinstance(graph, pyoxigraph.DefaultGraph):
                    self.store.clear_graph(graph)
                elif existed:
                    self.store.remove_graph(graph)
                invalidate_views(self.store)
            return Response("204 No Content", b"") if existed else _text("404 Not Found", "no such graph")
        if method not in ("PUT", "POST"):
            return Response("405 Method Not Allowed", b"use GET, PUT, POST or DELETE\n")
        media = _media(environ)
        if media not in GRAPH_TYPES:
            return _text("415 Unsupported Media Type", f"send the graph as one of {', '.join(GRAPH_TYPES)}")
        rdf = getattr(pyoxigraph.RdfFormat, GRAPH_TYPES[media])
        body = _read_body(environ)
        try:
            triples = list(pyoxigraph.parse(body, format=rdf))
        except SyntaxError as error:
            return _text("400 Bad Request", f"cannot parse the graph: {error}")
        with self._write_lock:
            created = isinstance(graph, pyoxigraph.DefaultGraph) or not self.store.contains_named_graph(graph)
            if method == "PUT" and not created:
                self.store.clear_graph(graph)
            if method == "PUT" and isinstance(graph, pyoxigraph.DefaultGraph):
                self.store.clear_graph(graph)
            self.store.extend(pyoxigraph.Quad(t.subject, t.predicate, t.object, graph) for t in triples)
            invalidate_views(self.store)
        return Response("201 Created", b"") if created and method == "PUT" else Response("204 No Content", b"")


# --- running the server ---------------------------------------------------------------------


class _ThreadingServer(ThreadingMixIn, WSGIServer):
    daemon_threads = True


class _QuietHandler(WSGIRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


def make_http_server(app: Callable[..., Iterable[bytes]], host: str, port: int, log: bool = True) -> WSGIServer:
    handler = WSGIRequestHandler if log else _QuietHandler
    try:
        return make_server(host, port, app, server_class=_ThreadingServer, handler_class=handler)
    except OSError as error:
        raise UsageError(f"cannot listen on {host}:{port}: {error.strerror or error}") from error


@contextmanager
def running_server(app: Callable[..., Iterable[bytes]], host: str = "127.0.0.1", port: int = 0) -> Iterator[str]:
    """Serve ``app`` on a background thread for the duration of the block; yields its base URL."""
    server = make_http_server(app, host, port, log=False)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True)
    thread.start()
    try:
        yield f"http://{host}:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def serve(
    store: str | Path | None = None,
    data: str | Path | None = None,
    host: str = "127.0.0.1",
    port: int = 7878,
    writable: bool = False,
    announce: Callable[[str], None] | None = None,
) -> None:
    """Serve a graph until interrupted. With ``--data`` and ``writable``, changes live in memory only."""
    app = SparqlApp(open_store(store, data, writable=writable), writable=writable)
    server = make_http_server(app, host, port)
    if announce:
        announce(f"SPARQL endpoint at http://{host}:{server.server_port}/query ({len(app.store)} triples)")
    try:
        server.serve_forever(poll_interval=0.5)
    finally:
        server.server_close()


# --- loading a graph into a remote endpoint -------------------------------------------------


@dataclass
class LoadResult:
    triples: int
    status: int
    url: str


def graph_store_url(endpoint: str, graph: str | None) -> str:
    """The Graph Store request URL: ``?graph=IRI`` for a named graph, ``?default`` otherwise."""
    parts = urllib.parse.urlsplit(endpoint)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise UsageError(f"the endpoint must be an http(s) URL, not {endpoint!r}")
    query = urllib.parse.urlencode({"graph": graph}) if graph else "default"
    joined = f"{parts.query}&{query}" if parts.query else query
    return urllib.parse.urlunsplit((parts.scheme, parts.netloc, parts.path, joined, ""))


def turtle_payload(path: Path) -> tuple[bytes, int]:
    """The graph as Turtle bytes and its number of triples (parsing it checks it before sending)."""
    import pyoxigraph

    if not path.is_file():
        raise InputError("no such graph file", str(path))
    source_format = rdf_format(path)
    try:
        triples = list(pyoxigraph.parse(path=str(path), format=source_format))
    except (SyntaxError, ValueError) as error:
        raise GraphError(f"cannot parse the graph: {error}", str(path)) from error
    if source_format == pyoxigraph.RdfFormat.TURTLE:
        return path.read_bytes(), len(triples)
    return pyoxigraph.serialize(triples, format=pyoxigraph.RdfFormat.TURTLE) or b"", len(triples)


def push_graph(
    path: str | Path,
    endpoint: str,
    graph: str | None = None,
    replace: bool = True,
    user: str | None = None,
    password: str | None = None,
    timeout: float = 120.0,
) -> LoadResult:
    """Send a graph file to a SPARQL 1.1 Graph Store endpoint: PUT replaces the graph, POST adds to it."""
    body, count = turtle_payload(Path(path))
    url = graph_store_url(endpoint, graph)
    request = urllib.request.Request(url, data=body, method="PUT" if replace else "POST")
    request.add_header("Content-Type", "text/turtle; charset=utf-8")
    if user is not None:
        token = base64.b64encode(f"{user}:{password or ''}".encode()).decode()
        request.add_header("Authorization", f"Basic {token}")
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return LoadResult(triples=count, status=response.status, url=url)
    except urllib.error.HTTPError as error:
        detail = error.read(300).decode("utf-8", "replace").strip().splitlines()
        reason = detail[0] if detail else error.reason
        raise GraphError(f"the endpoint refused the graph: HTTP {error.code} {reason}", url) from error
    except urllib.error.URLError as error:
        raise GraphError(f"cannot reach the endpoint: {error.reason}", url) from error
