"""``kg query``: run SPARQL (text, a .rq file or a bundled query name) over a built graph.

Exit codes: 0 success; 2 bad query, data or options, a refused update, or a timeout.
"""

from __future__ import annotations

from pathlib import Path

import click

from kg.errors import UsageError

DEFAULT_LIMIT = 1000  # rows shown unless --limit says otherwise (like datasette's max_returned_rows)


def _parse_params(values: tuple[str, ...]) -> dict[str, str]:
    params: dict[str, str] = {}
    for value in values:
        name, sep, text = value.partition("=")
        if not sep or not name:
            raise UsageError(f"--param {value!r} must look like name=value (e.g. --param name=王新亭)")
        params[name.strip()] = text
    return params


def _list_bundled() -> str:
    from kg.query import bundled_queries, format_table

    rows = []
    for query in bundled_queries().values():
        params = "; ".join(f"{name}: {text}" if text else name for name, text in query.params.items())
        rows.append([query.name, query.description, params])
    return format_table(["query", "what it answers", "--param"], rows)


@click.command()
@click.argument("query", required=False)
@click.option(
    "--data", type=click.Path(path_type=Path), help="Graph file (.ttl .nt .jsonld) [default: output/graph.ttl]."
)
@click.option("--store", type=click.Path(path_type=Path), help="Oxigraph store directory (from kg build --store).")
@click.option("--param", "params", multiple=True, metavar="NAME=VALUE", help="Bind ?NAME to a value (repeatable).")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["table", "csv", "tsv", "json"]),
    default="table",
    show_default=True,
    help="Aligned table (IRIs shortened), or CSV/TSV/JSON with full IRIs.",
)
@click.option(
    "--allow-update",
    is_flag=True,
    help="Apply a SPARQL UPDATE: it rewrites the --data file (atomically, same format) or changes the --store.",
)
@click.option(
    "--timeout",
    type=float,
    default=60.0,
    show_default=True,
    help="Stop the query after this many seconds (0: no limit).",
)
@click.option(
    "--limit",
    type=click.IntRange(min=0),
    default=DEFAULT_LIMIT,
    show_default=True,
    help="Show at most this many rows (a note on stderr says when more were cut); 0: all rows.",
)
@click.option("--list", "list_queries", is_flag=True, help="List the bundled queries and their parameters.")
def query(
    query: str | None,
    data: Path | None,
    store: Path | None,
    params: tuple[str, ...],
    output_format: str,
    allow_update: bool,
    timeout: float,
    limit: int,
    list_queries: bool,
) -> None:
    """Run QUERY: SPARQL text, a .rq file, or a bundled query name (see --list).

    \b
    Examples:
      kg query officials
      kg query person-events --param name=王新亭
      kg query place-events --param place=惠济区 --format csv
      kg query 'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }'
      kg query person-events --limit 0 --format csv > all.csv

    At most --limit rows are shown (1000 by default); a note on stderr says when more were cut.
    """
    from kg.query import format_result, run_query

    if list_queries:
        click.echo(_list_bundled())
        return
    if not query:
        raise UsageError("give a QUERY (SPARQL text, a .rq file or a bundled query name); see kg query --list")
    result = run_query(
        query,
        data=data,
        store=store,
        params=_parse_params(params),
        allow_update=allow_update,
        timeout=timeout,
        limit=limit,
    )
    click.echo(format_result(result, output_format))
    if result.truncated:
        note = f"kg query: first {limit} rows shown, more were cut (--limit N for more, --limit 0 for all)"
        click.echo(note, err=True)
