"""``kg validate`` and ``kg stats``: check a built graph against the shapes, and measure it.

Exit codes: validate 0 conforms, 2 does not conform (with a report) or cannot be read; stats 0, 2 bad input.
"""

from __future__ import annotations

import json
from pathlib import Path

import click


@click.command()
@click.argument("graph", required=False, type=click.Path(path_type=Path), default=Path("output/graph.ttl"))
@click.option("--shapes", type=click.Path(exists=True, dir_okay=False, path_type=Path), help="Other SHACL shapes.")
@click.option("--limit", type=click.IntRange(1, None), default=30, show_default=True, help="Problems to list.")
@click.pass_context
def validate(ctx: click.Context, graph: Path, shapes: Path | None, limit: int) -> None:
    """Check GRAPH (default output/graph.ttl) against ontology/shapes.ttl (exit 0 conforms, 2 not)."""
    from kg.graph.validate import validate as run_validation

    report = run_validation(graph, shapes)
    click.echo(report.summary(limit=limit), err=not report.conforms)
    if not report.conforms:
        ctx.exit(2)


@click.command()
@click.option("--data", type=click.Path(path_type=Path), help="Graph file [default: output/graph.ttl].")
@click.option("--store", type=click.Path(path_type=Path), help="Oxigraph store directory instead of a file.")
@click.option("--top", type=click.IntRange(1, None), default=10, show_default=True, help="Rows in each ranking.")
@click.option("--format", "output_format", type=click.Choice(["table", "json"]), default="table", show_default=True)
def stats(data: Path | None, store: Path | None, top: int, output_format: str) -> None:
    """Counts by type, the most active officials and bodies, co-attendance, centrality, communities."""
    from kg.errors import UsageError
    from kg.stats import compute_stats, format_stats

    if data is not None and store is not None:
        raise UsageError("give either --data or --store, not both")
    result = compute_stats(data=data, store=store, top=top)
    if output_format == "json":
        click.echo(json.dumps(result.to_dict(), ensure_ascii=False, indent=1))
    else:
        click.echo(format_stats(result))
