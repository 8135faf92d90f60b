"""Running a per-file function over many files on every core, in batches."""

from __future__ import annotations

import importlib
import multiprocessing
import os
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool
from itertools import chain, islice
from typing import Any, TypeVar

from library.pool_end import stop
from library.worker_start import start_workers, worker_pool

Item = TypeVar("Item")

POOL_THRESHOLD = 400
BATCH = 256
SCAN_SLICE = 0.05  # seconds of scanning between two results taken: the scan, far faster
# than parsing, ends early, and with it the total a progress shows
SCAN_AHEAD = 200  # batches the scan may hold unsent: a corpus of tens of thousands of
# files is held whole (its total is known at once); a far larger one would hold a record
# of every file in the process that stores
IN_FLIGHT = 4  # batches a worker is sent ahead: results a slower consumer has not taken
# wait in the pool, so they are few


def _named(function: str) -> Callable[[list[Any]], list[Any]]:
    """The function named ``"package.module:name"``, imported where it runs."""
    module, _, name = function.partition(":")
    named: Callable[[list[Any]], list[Any]] = getattr(importlib.import_module(module), name)
    return named


def _call(function: str, batch: list[Item]) -> list[Any]:
    return _named(function)(batch)


def _batches(items: Iterator[Item]) -> Iterator[list[Item]]:
    while batch := list(islice(items, BATCH)):
        yield batch


def map_batches(function: str, items: Iterable[Item], pooled: bool = True) -> Iterator[list[Any]]:
    """Yield the results of ``function`` (``"package.module:name"``, called with a list)
    for batches of ``items``, in order.

    ``items`` may be a lazy scan: workers start on the first batches while it goes
    on, and what they finish is yielded meanwhile. Small jobs run in-process (a pool
    costs more than it saves), which is known after peeking at the first
    ``POOL_THRESHOLD`` items, and so does every job when not ``pooled`` (in a worker
    process already, beside a reader that needs a core of its own). Large ones use a
    forkserver pool that imports the function's module once, which is safe to start
    from a threaded program such as the UI. The function is named, not passed: this
    process then imports its module only if it runs a batch itself (the parser's took
    0.3 s before any worker could start). If the pool cannot start or breaks, the
    remaining batches run in-process: slower, never lost.
    """
    iterator = iter(items)
    head = list(islice(iterator, POOL_THRESHOLD))
    scan = _batches(chain(head, iterator))
    left: list[list[Item]] = []  # batches sent to a pool that broke
    if pooled and len(head) == POOL_THRESHOLD and (os.cpu_count() or 1) >= 2:
        try:
            start_workers(function.partition(":")[0])
            yield from _pooled(function, scan, left)
            return
        except (BrokenProcessPool, OSError, ValueError):
            pass  # finished in-process below
    run = _named(function)
    for batch in chain(left, scan):
        yield run(batch)


def _pooled(
    function: str, scan: Iterator[list[Item]], left: list[list[Item]]
) -> Iterator[list[Any]]:
    """``map_batches`` in a pool, with at most ``IN_FLIGHT`` batches a worker sent ahead
    of the one awaited and ``SCAN_AHEAD`` batches scanned but not sent; should the pool
    break, the batches it did not answer are put in ``left``."""
    workers = os.cpu_count() or 2
    unsent: deque[list[Item]] = deque()
    waiting: deque[tuple[list[Item], Future[list[Any]]]] = deque()
    scanning = True
    pool = worker_pool(multiprocessing.get_context("forkserver"), workers)
    try:
        while scanning or unsent or waiting:
            until = time.monotonic() + SCAN_SLICE
            while scanning and len(unsent) < SCAN_AHEAD and time.monotonic() < until:
                batch = next(scan, None)
                scanning = batch is not None
                if batch is not None:
                    unsent.append(batch)
            while unsent and len(waiting) < IN_FLIGHT * workers:
                waiting.append((unsent[0], pool.submit(_call, function, unsent[0])))
                unsent.popleft()
            scan_waits = not scanning or len(unsent) >= SCAN_AHEAD
            if waiting and (scan_waits or waiting[0][1].done()):  # else: scan meanwhile
                result = waiting[0][1].result()
                waiting.popleft()
                yield result
    except (BrokenProcessPool, OSError, ValueError):
        left.extend(batch for batch, _ in waiting)
        left.extend(unsent)
        pool.shutdown()
        raise
    except BaseException:  # interrupted, or its consumer stopped or failed: none is waited for
        stop(pool)
        raise
    pool.shutdown()
