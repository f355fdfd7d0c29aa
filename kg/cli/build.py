"""``kg build``: read news pages and write the knowledge graph (Turtle, N-Triples, JSON-LD, HTML).

Exit codes: 0 success; 1 finished but skipped bad files (--skip-bad); 2 bad input or options.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import click

from kg.errors import UsageError


def read_page_dates(path: Path) -> dict[str, str]:
    """Page dates by file name: a JSON object, or lines ``file<TAB or space or comma>YYYY-MM-DD``."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise UsageError(f"cannot read the page dates: {error.strerror}", str(path)) from error
    if path.suffix.lower() == ".json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as error:
            raise UsageError(f"not valid JSON: {error}", str(path)) from error
        if not isinstance(data, dict):
            raise UsageError("must be a JSON object {file name: date}", str(path))
        dates = {str(k): str(v) for k, v in data.items()}
    else:
        dates = {}
        for number, line in enumerate(text.splitlines(), 1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            fields = re.split(r"[\t,]+|\s+", line, maxsplit=1)
            if len(fields) != 2:
                raise UsageError(f"line {number}: expected 'file date', got {line!r}", str(path))
            dates[fields[0].strip()] = fields[1].strip()
    for file, date in dates.items():
        if not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", date):
            raise UsageError(f"{file}: date {date!r} must be YYYY, YYYY-MM or YYYY-MM-DD", str(path))
    return dates


@click.command()
@click.argument("paths", nargs=-1, metavar="[PATH]...")
@click.option(
    "--out", type=click.Path(path_type=Path), default=Path("output"), show_default=True, help="Output folder."
)
@click.option(
    "--format",
    "formats",
    default="ttl,html",
    show_default=True,
    help="Comma-separated: ttl, nt, jsonld, html.",
)
@click.option("--year", type=click.IntRange(1949, 2100), help="Year of the pages when the articles do not say it.")
@click.option("--home-city", help="The newspaper's own city (what 市委 means), fixed "
              "[default: read from each page, else 郑州市].")
@click.option("--base-iri", help="Base IRI of the graph's nodes [default: https://kg.example.org/id/].")
@click.option(
    "--page-dates",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="File of page dates: 'file date' lines or a JSON object.",
)
@click.option("--no-cross-page", is_flag=True, help="Do not merge people of the same name across pages.")
@click.option("--jobs", type=click.IntRange(1, None), help="Extract in this many processes.")
@click.option(
    "--cache",
    "cache_dir",
    type=click.Path(path_type=Path),
    help="Cache pages, extractions, graph fragments and the view in this folder: a rebuild redoes only what changed.",
)
@click.option("--store", type=click.Path(path_type=Path), help="Also load the graph into an Oxigraph store here.")
@click.option("--scheduler", help="Dask scheduler address (tcp://host:8786) to extract on a cluster.")
@click.option("--skip-bad", is_flag=True, help="Warn about unreadable pages and go on (exit 1 at the end).")
@click.option("--quiet", is_flag=True, help="Print nothing but errors.")
@click.pass_context
def build(
    ctx: click.Context,
    paths: tuple[str, ...],
    out: Path,
    formats: str,
    year: int | None,
    home_city: str | None,
    base_iri: str | None,
    page_dates: Path | None,
    no_cross_page: bool,
    jobs: int | None,
    cache_dir: Path | None,
    store: Path | None,
    scheduler: str | None,
    skip_bad: bool,
    quiet: bool,
) -> None:
    """Read news pages (files or folders of .txt; default: seeds) and write the graph under --out."""
    from kg.build import build as run_build
    from kg.graph.iri import check_base_iri
    from kg.settings import Settings

    settings_args: dict = {"cross_page": not no_cross_page}
    if year is not None:
        settings_args["year"] = year
    if home_city is not None:
        from kg.extract.divisions import home_city_name

        settings_args["home_city"] = home_city_name(home_city)
        settings_args["home_city_fixed"] = True
    if base_iri:
        settings_args["base_iri"] = check_base_iri(base_iri)
    if page_dates is not None:
        settings_args["page_dates"] = read_page_dates(page_dates)
    format_list = [f.strip() for f in formats.split(",") if f.strip()]
    if not format_list:
        raise UsageError("--format needs at least one of ttl, nt, jsonld, html")

    def warn(message: str) -> None:
        click.echo(f"Warning: {message}", err=True)

    result = run_build(
        paths=list(paths) or ["seeds"],
        out=out,
        formats=format_list,
        settings=Settings(**settings_args),
        jobs=jobs,
        skip_bad=skip_bad,
        cache_dir=cache_dir,
        store=store,
        scheduler=scheduler,
        progress=not quiet,
        warn=warn,
    )
    if not quiet:
        click.echo(
            f"{result.articles} articles, {result.officials} officials, {result.bodies} bodies, "
            f"{result.places} places, {result.events} events → {result.triples} triples "
            f"in {result.seconds:.1f} s"
        )
        for name, path in result.outputs.items():
            click.echo(f"  {name:<6} {path}")
    if result.skipped:
        click.echo(f"Skipped {len(result.skipped)} file(s):", err=True)
        for file, problem in result.skipped:
            click.echo(f"  {file}: {problem}", err=True)
        ctx.exit(1)
