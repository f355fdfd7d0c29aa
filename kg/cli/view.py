"""``kg view``: render a built graph as one interactive, offline HTML page."""

from __future__ import annotations

from pathlib import Path

import click


def _type_list(ctx: click.Context, param: click.Parameter, value: str | None) -> list[str] | None:
    if not value:
        return None
    return [part.strip() for part in value.split(",") if part.strip()]


@click.command()
@click.option("--data", "data", type=click.Path(path_type=Path), default=Path("output/graph.ttl"), show_default=True,
              help="The graph to draw (Turtle, N-Triples or JSON-LD).")
@click.option("--out", type=click.Path(path_type=Path), default=Path("output/graph.html"), show_default=True,
              help="Where to write the page.")
@click.option("--focus", metavar="NAME", help="Draw only the neighbourhood of the node with this name.")
@click.option("--hops", type=click.IntRange(min=0), default=1, show_default=True,
              help="How many steps around --focus to draw.")
@click.option("--types", callback=_type_list, metavar="person,body,place,event,article",
              help="Node types to draw (comma-separated).")
@click.option("--min-degree", type=click.IntRange(min=0), default=0, show_default=True,
              help="Leave out nodes with fewer connections than this.")
@click.option("--title", help="The page title.")
def view(
    data: Path, out: Path, focus: str | None, hops: int, types: list[str] | None, min_degree: int, title: str | None
) -> None:
    """Render a built graph as an interactive HTML network that works offline."""
    from kg.view.html import render_html

    written = render_html(data, out, focus=focus, hops=hops, types=types, min_degree=min_degree, title=title)
    click.echo(f"wrote {written}")
