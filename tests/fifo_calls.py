"""A call that must not wait on a FIFO, made in a thread: the test fails, rather than
hangs, when the call waits in open() for the FIFO's other end."""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

Answer = TypeVar("Answer")


def without_waiting(fifo: Path, call: Callable[[], Answer], seconds: float = 10) -> Answer:
    """What ``call`` returns (or raises), ``fifo`` being where it looks; fails if it waited
    on ``fifo``."""
    outcome: list[tuple[bool, Any]] = []

    def calling() -> None:
        try:
            outcome.append((True, call()))
        except BaseException as error:  # raised again here, in the test
            outcome.append((False, error))

    thread = threading.Thread(target=calling, daemon=True)
    thread.start()
    thread.join(seconds)
    stuck = thread.is_alive()
    if stuck:  # either end opened and closed at once sets the call free
        for end in (os.O_WRONLY, os.O_RDONLY):
            with contextlib.suppress(OSError):
                os.close(os.open(fifo, end | os.O_NONBLOCK))
        thread.join(seconds)
    assert not stuck, f"{fifo.name} was waited on"
    answered, value = outcome[0]
    if not answered:
        raise value
    return value
