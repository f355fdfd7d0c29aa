"""The ``kg`` command line: a thin layer that parses options and calls the library.

Each command lives in its own module and is loaded only when it is run, so ``kg --help`` stays
fast. Errors the user causes print one line and exit 2; Ctrl-C prints one line and exits 130;
anything else is a bug and prints a one-line report unless ``--debug`` asks for the traceback.
"""

from __future__ import annotations

import importlib
import io
import os
import sys
from typing import Any

import click

from kg.errors import KgError

# command name -> (module, function, one-line help shown by ``kg --help``)
COMMANDS: dict[str, tuple[str, str, str]] = {
    "articles": ("kg.cli.articles", "articles", "List the articles found in news pages."),
    "extract": ("kg.cli.extract", "extract", "Extract officials, bodies, places and events as JSON lines."),
    "eval": ("kg.cli.evaluate", "evaluate", "Score extraction against a gold standard or an NER corpus."),
    "build": ("kg.cli.build", "build", "Read pages and write the knowledge graph (Turtle, HTML, ...)."),
    "validate": ("kg.cli.graph", "validate", "Check a graph against the SHACL shapes."),
    "query": ("kg.cli.query", "query", "Run SPARQL (text, a .rq file or a bundled query name)."),
    "stats": ("kg.cli.graph", "stats", "Network statistics of a built graph."),
    "view": ("kg.cli.view", "view", "Render a built graph as an interactive HTML network."),
    "serve": ("kg.cli.serve", "serve", "Serve a graph as a SPARQL 1.1 endpoint on localhost."),
    "load": ("kg.cli.serve", "load", "Push a built graph to a SPARQL 1.1 Graph Store endpoint."),
}


def _silence_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's final flush does not fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, io.UnsupportedOperation):
        pass  # stdout is not a real file (CliRunner): nothing will be flushed to a closed pipe


class KgGroup(click.Group):
    """A group whose commands are imported on first use and whose errors are one line."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name not in COMMANDS:
            return None
        module, attr, _ = COMMANDS[name]
        return getattr(importlib.import_module(module), attr)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        # Help lines come from the table above so that listing commands imports none of them.
        rows = [(name, COMMANDS[name][2]) for name in self.list_commands(ctx)]
        with formatter.section("Commands"):
            formatter.write_dl(rows)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except KgError as error:
            if ctx.obj and ctx.obj.get("debug"):
                raise
            click.echo(f"Error: {error}", err=True)
            ctx.exit(error.exit_code)
        except KeyboardInterrupt:
            click.echo("Interrupted: nothing written was left half-done.", err=True)
            ctx.exit(130)
        except BrokenPipeError:
            # The reader went away (``kg extract | head``): stop quietly, as other Unix tools do.
            _silence_stdout()
            ctx.exit(141)
        except (click.ClickException, click.exceptions.Exit, click.exceptions.Abort, SystemExit):
            raise
        except Exception as error:  # a bug: one line for users, the traceback with --debug
            if ctx.obj and ctx.obj.get("debug"):
                raise
            click.echo(f"Internal error: {type(error).__name__}: {error} (run with --debug for details)", err=True)
            ctx.exit(3)


@click.group(cls=KgGroup)
@click.version_option(package_name="kg")
@click.option("--debug", is_flag=True, help="Show full tracebacks for errors.")
@click.pass_context
def main(ctx: click.Context, debug: bool) -> None:
    """kg: turn Chinese local-government news into a knowledge graph.

    Exit codes: 0 success; 1 finished but skipped bad files (--skip-bad); 2 bad input or usage;
    3 internal error; 130 interrupted; 141 output pipe closed.
    """
    ctx.ensure_object(dict)
    ctx.obj["debug"] = debug


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
