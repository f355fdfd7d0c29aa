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
