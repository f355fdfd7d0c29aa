"""``kg eval``: score extraction against the seeds' gold standard, or the NER tagger on a corpus."""

from __future__ import annotations

import json
from pathlib import Path

import click

from kg.errors import UsageError


@click.command("eval")
@click.argument("gold", required=False, type=click.Path(exists=True, dir_okay=True, path_type=Path))
@click.argument("paths", nargs=-1, type=click.Path(exists=True))
@click.option(
    "--ner",
    "ner_file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Score the NER tagger on annotated sentences (JSON lines: id, text, entities).",
)
@click.option("--format", "output_format", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option(
    "--details",
    is_flag=True,
    help="Also list each missed and spurious item (organisations, places, officials, persons) under the scores.",
)
def evaluate(
    gold: Path | None, paths: tuple[str, ...], ner_file: Path | None, output_format: str, details: bool
) -> None:
    """Score extraction against GOLD (the pages in PATH..., the seeds by default), or with --ner the
    PER/ORG/LOC tagger on FILE: exact-span precision, recall and F1 per category."""
    from kg.ner.evaluate import format_table

    if ner_file is not None:
        if gold is not None:
            raise UsageError("give either --ner FILE or a GOLD standard, not both")
        from kg.ner.evaluate import evaluate_ner

        scores = evaluate_ner(ner_file)
    elif gold is not None:
        from kg.evaluation import evaluate_gold

        scores = evaluate_gold(gold, list(paths), details=details)
    else:
        raise UsageError("nothing to score: give a GOLD standard or --ner FILE")
    if output_format == "json":
        click.echo(json.dumps(scores, ensure_ascii=False, indent=2))
    else:
        click.echo(format_table(scores))
        if details:
            from kg.evaluation import format_details

            click.echo(format_details(scores))
