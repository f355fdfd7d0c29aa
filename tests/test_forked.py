"""kg.forked: work in a forked copy of this process, its result or its error handed back."""

from __future__ import annotations

import os
import sys

import pytest

from kg.forked import ForkedCall, fork_is_safe

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="copies are forked on Linux only")


def _pid_and_sum(values: list[int]) -> tuple[int, int]:
    return os.getpid(), sum(values)


def _fail(message: str) -> None:
    raise ValueError(message)


def _die() -> None:
    os._exit(7)  # a copy killed mid-work, as by the kernel's out-of-memory killer


def test_the_copy_sees_what_this_process_holds_and_hands_back_its_result() -> None:
    values = list(range(100_000))  # not pickled to the copy: it inherits it
    pid, total = ForkedCall(_pid_and_sum, values).result()
    assert pid != os.getpid()
    assert total == sum(values)


def test_an_error_in_the_copy_is_raised_here() -> None:
    with pytest.raises(ValueError, match="bad page"):
        ForkedCall(_fail, "bad page").result()


def test_a_copy_that_ends_without_a_result_is_an_error_not_a_hang() -> None:
    with pytest.raises(RuntimeError, match="exit code 7"):
        ForkedCall(_die).result()


def test_forking_is_safe_only_with_one_thread() -> None:
    import threading

    assert fork_is_safe() == (threading.active_count() == 1)
