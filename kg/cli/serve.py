"""``kg serve`` and ``kg load``: a local SPARQL endpoint, and pushing a graph to any endpoint."""

from __future__ import annotations

from pathlib import Path

import click


@click.command()
@click.option(
    "--store", "store", type=click.Path(path_type=Path), help="A pyoxigraph store built by `kg build --store`."
)
@click.option("--data", "data", type=click.Path(path_type=Path), help="A graph file (.ttl, .nt, .rdf, .jsonld).")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=7878, show_default=True, type=click.IntRange(0, 65535), help="Port (0: any free).")
@click.option("--writable", is_flag=True, help="Accept SPARQL updates and Graph Store PUT/POST/DELETE.")
def serve(store: Path | None, data: Path | None, host: str, port: int, writable: bool) -> None:
    """Serve a graph as a SPARQL 1.1 endpoint (GET/POST /query, Graph Store at /store).

    Give --store DIR or --data FILE (default: output/graph.ttl if it exists). Read-only unless
    --writable. Stop it with Ctrl-C.
    """
    from kg.serve import serve as run_server

    if store is None and data is None:
        data = Path("output") / "graph.ttl"
    run_server(store=store, data=data, host=host, port=port, writable=writable, announce=_announce)


def _announce(message: str) -> None:
    click.echo(message, err=True)


@click.command()
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--endpoint", required=True, help="Graph Store URL, e.g. http://127.0.0.1:7878/store (Oxigraph).")
@click.option("--graph", "graph", default=None, help="Named graph IRI to load into (default: the default graph).")
@click.option("--append", is_flag=True, help="POST: add to the graph instead of replacing it (PUT).")
@click.option("--user", default=None, help="User name for HTTP basic authentication.")
@click.option("--password", default=None, envvar="KG_ENDPOINT_PASSWORD", help="Password (or $KG_ENDPOINT_PASSWORD).")
def load(file: Path, endpoint: str, graph: str | None, append: bool, user: str | None, password: str | None) -> None:
    """Push a built graph to a SPARQL 1.1 Graph Store endpoint (Oxigraph, Fuseki, GraphDB).

    Fuseki: --endpoint http://HOST:3030/DATASET/data; GraphDB:
    --endpoint http://HOST:7200/repositories/REPO/rdf-graphs/service.
    """
    from kg.serve import push_graph

    result = push_graph(file, endpoint, graph=graph, replace=not append, user=user, password=password)
    target = f"graph <{graph}>" if graph else "the default graph"
    verb = "Added" if append else "Loaded"
    click.echo(f"{verb} {result.triples} triples into {target} at {endpoint} (HTTP {result.status}).")
