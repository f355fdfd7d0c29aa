"""Writing outputs so that an interrupted build never leaves a half-written file behind."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO


def _default_mode() -> int:
    """The mode a plain ``open()`` would give a new file under the current umask."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


@contextmanager
def atomic_writer(
    path: str | Path, mode: str = "w", encoding: str | None = "utf-8", sync: bool = True
) -> Iterator[IO]:
    """Write to a temporary file beside ``path`` and rename it into place only on success.

    ``sync=False`` skips the ``fsync``: for cache entries, which are checked when read, where
    thousands of syncs would cost more than the entries save.
    """
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, mode, encoding=None if "b" in mode else encoding) as handle:
            yield handle
            handle.flush()
            if sync:
                os.fsync(handle.fileno())
        os.chmod(tmp, _default_mode())  # mkstemp makes 0600 files; outputs are meant to be shared
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_text_atomic(path: str | Path, text: str) -> None:
    with atomic_writer(path) as handle:
        handle.write(text)


def write_bytes_atomic(path: str | Path, data: bytes, sync: bool = True) -> None:
    with atomic_writer(path, "wb", sync=sync) as handle:
        handle.write(data)
