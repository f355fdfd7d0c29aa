"""Pausing Python's cyclic garbage collector around stages that allocate much and free little."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic collector for the block, then restore it as it was.

    Reading a large cache index or graph makes hundreds of thousands of tuples and strings, none in a
    cycle, and every few hundred allocations would start a collection that scans them all again: paused,
    a rebuild takes about a third less time and the view a fifth. Reference counting still frees everything.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@contextmanager
def heap_frozen() -> Iterator[None]:
    """Freeze every object now alive for the block, around a fork: a forked copy leaves them out of its
    collections, which would otherwise scan everything it inherited (and copy every page they touch)."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()
