"""Running a per-file function over many files on every core, in batches."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from typing import TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

POOL_THRESHOLD = 400
BATCH = 256


def map_batches(
    function: Callable[[list[Item]], list[Result]], items: list[Item], preload: str
) -> Iterator[list[Result]]:
    """Yield ``function(batch)`` for batches of ``items``, in order.

    Small jobs run in-process (a pool costs more than it saves). Large ones use
    a forkserver pool with ``preload`` imported once, which is safe to start
    from a threaded program such as the UI.
    """
    batches = [items[i : i + BATCH] for i in range(0, len(items), BATCH)]
    if len(items) < POOL_THRESHOLD or (os.cpu_count() or 1) < 2:
        for batch in batches:
            yield function(batch)
        return
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload([preload])
    with ProcessPoolExecutor(max_workers=os.cpu_count(), mp_context=context) as pool:
        yield from pool.map(function, batches)
