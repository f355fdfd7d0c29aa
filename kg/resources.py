"""Where the bundled knowledge lives: ``ontology/`` (lexicons, ontology, shapes, queries).

In a source checkout it is the top-level ``ontology/`` folder; in an installed wheel it is packed
as ``kg/ontology``.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path


@cache
def ontology_dir() -> Path:
    here = Path(__file__).resolve().parent
    for candidate in (here / "ontology", here.parent / "ontology"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("the ontology/ folder is missing from this installation")


def lexicon_path(name: str) -> Path:
    return ontology_dir() / "lexicon" / name


def data_lines(path: Path) -> list[str]:
    """The lines of a word-list file (one entry a line), without blank lines and ``#`` comment lines.

    Lines are returned as written (tabs and all): each list decides how to split and strip its own.
    """
    text = path.read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]
