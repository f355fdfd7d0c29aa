"""Work in a forked copy of this process: it starts at once, with everything this process has loaded or built.

A copy needs nothing pickled to get its input (a graph of a million triples is simply there), only its result
comes back. Forking is safe on Linux when this process runs one thread: a copy of a process with other threads (a
progress bar, a Dask client, a server) could inherit a lock held forever. Callers fall back to working in this
process, or to a fork server, where :func:`fork_is_safe` says no.
"""

from __future__ import annotations

import multiprocessing
import signal
import sys
import threading
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any, Generic, TypeVar

from kg.gcpause import heap_frozen

T = TypeVar("T")


def fork_is_safe() -> bool:
    return sys.platform == "linux" and "fork" in multiprocessing.get_all_start_methods() and (
        threading.active_count() == 1
    )


def _run(send: Connection, function: Callable[..., Any], args: tuple[Any, ...]) -> None:
    # Ctrl-C reaches the whole process group; the parent alone decides what to do (it stops this copy).
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        outcome: tuple[bool, Any] = (True, function(*args))
    except BaseException as error:  # handed to the parent, which raises it
        outcome = (False, error)
    try:
        send.send(outcome)
    except Exception as error:  # the result or the error does not pickle: say what it was
        send.send((False, RuntimeError(f"{type(outcome[1]).__name__} from a forked process: {error}")))
    finally:
        send.close()


class ForkedCall(Generic[T]):
    """``function(*args)`` running in a forked copy of this process (only where :func:`fork_is_safe`)."""

    def __init__(self, function: Callable[..., T], *args: Any) -> None:
        context = multiprocessing.get_context("fork")
        self._receive, send = context.Pipe(duplex=False)
        self._process = context.Process(target=_run, args=(send, function, args), daemon=True)
        with heap_frozen():
            self._process.start()
        send.close()

    def result(self) -> T:
        """Wait for the copy; its return value, or its exception raised here."""
        try:
            succeeded, value = self._receive.recv()
        except EOFError:
            self._process.join()
            code = self._process.exitcode
            raise RuntimeError(f"a forked process ended without a result (exit code {code})") from None
        finally:
            self._receive.close()
        self._process.join()
        if succeeded:
            return value
        raise value

    def cancel(self) -> None:
        """Stop the copy now (this process is failing or was interrupted)."""
        self._process.kill()
        self._process.join()
        self._receive.close()
