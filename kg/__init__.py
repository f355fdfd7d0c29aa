"""kg: a knowledge graph of Chinese local-government news.

The library is the product; the CLI (``kg.cli``) only parses options and calls it. Heavy modules
(jieba, rdflib, pyoxigraph) are imported lazily so that ``kg --help`` starts fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from kg.build import BuildResult


def build(paths: Any = ("seeds",), **options: Any) -> BuildResult:
    """Read pages, extract, resolve, and write the graph: see :func:`kg.build.build`."""
    from kg.build import build as _build

    return _build(paths, **options)
