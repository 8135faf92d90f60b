"""Running a per-file function over many files on every core, in batches."""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from multiprocessing import forkserver
from typing import TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

POOL_THRESHOLD = 400
BATCH = 256


def start_workers(preload: str) -> None:
    """Start the fork server with a real stderr (idempotent).

    A full-screen UI replaces ``sys.stderr`` with an object whose ``fileno()``
    is no descriptor, which makes the server fail to start; workers write
    nothing worth showing, so they get /dev/null.
    """
    multiprocessing.set_forkserver_preload([preload])
    saved = sys.stderr
    with open(os.devnull, "w") as quiet:
        sys.stderr = quiet
        try:
            forkserver.ensure_running()
        finally:
            sys.stderr = saved


def map_batches(
    function: Callable[[list[Item]], list[Result]], items: list[Item], preload: str
) -> Iterator[list[Result]]:
    """Yield ``function(batch)`` for batches of ``items``, in order.

    Small jobs run in-process (a pool costs more than it saves). Large ones use
    a forkserver pool with ``preload`` imported once, which is safe to start
    from a threaded program such as the UI. If the pool cannot start or breaks,
    the remaining batches run in-process: slower, never lost.
    """
    batches = [items[i : i + BATCH] for i in range(0, len(items), BATCH)]
    done = 0
    if len(items) >= POOL_THRESHOLD and (os.cpu_count() or 1) >= 2:
        try:
            context = multiprocessing.get_context("forkserver")
            start_workers(preload)
            with ProcessPoolExecutor(max_workers=os.cpu_count(), mp_context=context) as pool:
                for result in pool.map(function, batches):
                    done += 1
                    yield result
        except (BrokenProcessPool, OSError, ValueError):
            pass  # finished in-process below
    for batch in batches[done:]:
        yield function(batch)
