"""``kg articles PATH...``: list the articles found in news pages.

Exit codes: 0 all pages read; 1 finished but skipped bad files (``--skip-bad``); 2 bad input.
"""

from __future__ import annotations

import json
import sys

import click

from kg.corpus import article_summary, read_articles


def _print_table(records: list[dict]) -> None:
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    table = Table(header_style="bold")
    table.add_column("#", justify="right")
    table.add_column("id", no_wrap=True)
    table.add_column("headline", overflow="fold")
    table.add_column("reporters", overflow="fold")
    table.add_column("paras", justify="right")
    table.add_column("sents", justify="right")
    for number, record in enumerate(records, 1):
        headline = escape(record["headline"]) or "(no headline)"
        if record["subtitle"]:
            headline += f"\n[dim]{escape(record['subtitle'])}[/dim]"
        people = escape("、".join(record["reporters"] + record["correspondents"]))
        table.add_row(str(number), record["id"], headline, people, str(record["paragraphs"]), str(record["sentences"]))
    stream = sys.stdout
    # Piped output has no terminal width: use a wide one rather than cut every headline short.
    width = None if stream.isatty() else 160
    Console(file=stream, width=width).print(table)


@click.command()
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["jsonl", "table"]),
    default="jsonl",
    show_default=True,
    help="One JSON object a line, or an aligned table.",
)
@click.option("--text", "with_text", is_flag=True, help="Include each article's repaired text (jsonl).")
@click.option("--skip-bad", is_flag=True, help="Warn about unreadable pages and go on (exit 1 at the end).")
@click.pass_context
def articles(ctx: click.Context, paths: tuple[str, ...], output_format: str, with_text: bool, skip_bad: bool) -> None:
    """List the articles in news pages (files, directories of .txt, or - for standard input).

    Pages may be UTF-8 (with or without BOM), GB18030/GBK or UTF-16 with BOM; HTML pages are
    stripped to their text.
    """

    def warn(message: str) -> None:
        click.echo(f"Warning: {message}", err=True)

    corpus = read_articles(list(paths), skip_bad=skip_bad, warn=warn)
    records = [article_summary(article, with_text=with_text) for article in corpus.articles]
    # A closed pipe (kg articles … | head) is handled once for every command in kg.cli.
    if output_format == "table":
        _print_table(records)
    else:
        for record in records:
            click.echo(json.dumps(record, ensure_ascii=False))
    if corpus.skipped:
        click.echo(f"Skipped {len(corpus.skipped)} bad file(s).", err=True)
        ctx.exit(1)
