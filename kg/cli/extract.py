"""``kg extract PATH...``: officials, bodies, places and events of every article as JSON lines.

``kg extract --lines FILE`` instead tags every line of FILE as one document with the statistical
tagger (PER, ORG, LOC) and the time rules.
"""

from __future__ import annotations

import json

import click

from kg.settings import DEFAULT_HOME_CITY


@click.command()
@click.argument("paths", nargs=-1, metavar="PATH...")
@click.option("--format", "output_format", type=click.Choice(["jsonl"]), default="jsonl", show_default=True,
              help="Output format: one JSON object per article.")
@click.option("--year", type=int, default=None, help="The pages' year when the articles do not say it.")
@click.option("--home-city", default=None,
              help="The newspaper's city: what 市委 means (fixed; by default read from each page, "
                   f"else {DEFAULT_HOME_CITY}).")
@click.option("--lines", "lines_file", type=click.Path(dir_okay=False, allow_dash=True), default=None,
              help="Tag every line of this file (- for standard input) as one document.")
@click.option("--no-cross-page", is_flag=True, help="Do not merge same-named persons across pages.")
def extract(paths: tuple[str, ...], output_format: str, year: int | None, home_city: str | None,
            lines_file: str | None, no_cross_page: bool) -> None:
    """Extract officials, bodies, places and events from news pages (files, folders, - for stdin)."""
    from kg.errors import UsageError

    if lines_file is not None:
        if paths:
            raise UsageError("give either PATH... or --lines FILE, not both")
        from kg.ner.lines import extract_lines

        with click.open_file(lines_file, encoding="utf-8") as handle:
            for record in extract_lines(handle):
                click.echo(json.dumps(record, ensure_ascii=False))
        return
    if not paths:
        raise UsageError("give at least one PATH (a page, a folder, or - for standard input), or --lines FILE")
    from kg.extract.run import extract_paths
    from kg.extract.serialize import extraction_to_dict
    from kg.settings import Settings

    if home_city is not None:
        from kg.extract.divisions import home_city_name

        home_city = home_city_name(home_city)
    settings = Settings(home_city=home_city or DEFAULT_HOME_CITY, home_city_fixed=home_city is not None, year=year,
                        cross_page=not no_cross_page)
    for extraction in extract_paths(list(paths), settings):
        click.echo(json.dumps(extraction_to_dict(extraction), ensure_ascii=False))
