"""Running a per-file function over many files on every core, in batches."""

from __future__ import annotations

import contextlib
import importlib
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import chain, islice
from multiprocessing import forkserver
from multiprocessing.connection import Connection
from typing import Any, TypeVar

from library.pool_end import shut_down, stop
from library.socket_folder import short_temporary_folder

Item = TypeVar("Item")
Result = TypeVar("Result")

POOL_THRESHOLD = 400
BATCH = 256
SCAN_SLICE = 0.05  # seconds of scanning between two results taken: the scan, far faster
# than parsing, ends early, and with it the total a progress shows
SCAN_AHEAD = 200  # batches the scan may hold unsent: a corpus of tens of thousands of
# files is held whole (its total is known at once); a far larger one would hold a record
# of every file in the process that stores
IN_FLIGHT = 4  # batches a worker is sent ahead: results a slower consumer has not taken
# wait in the pool, so they are few
WORKER_NICENESS = 10

_STARTING = threading.Lock()


def start_workers(preload: str) -> None:
    """Start the fork server with a real stderr (idempotent).

    A full-screen UI replaces ``sys.stderr`` with an object whose ``fileno()``
    is no descriptor, which makes the server fail to start; workers write
    nothing worth showing, so they get /dev/null (see ``_quiet_children``).
    """
    with _STARTING:  # two threads swapping stderr could leave the quiet one in place
        multiprocessing.set_forkserver_preload([preload])
        saved = sys.stderr
        with (
            open(os.devnull, "w") as quiet,
            _quiet_children(quiet.fileno()),
            _safe_path(),
            short_temporary_folder(),
        ):
            sys.stderr = quiet
            try:
                forkserver.ensure_running()
            finally:
                sys.stderr = saved


@contextlib.contextmanager
def _safe_path() -> Iterator[None]:
    """The server starts as ``python -c``, which puts the working folder first on its
    import path: run from a folder holding a package of one of lede's names (a project's
    ``models``), the server imported that package, and indexing failed. Its processes are
    told to leave the working folder out; others started later are not."""
    saved = os.environ.get("PYTHONSAFEPATH")
    os.environ["PYTHONSAFEPATH"] = "1"
    try:
        yield
    finally:
        if saved is None:
            del os.environ["PYTHONSAFEPATH"]
        else:
            os.environ["PYTHONSAFEPATH"] = saved


@contextlib.contextmanager
def _quiet_children(devnull: int) -> Iterator[None]:
    """A process started meanwhile from the main thread (the command line's) inherits
    Ctrl-C ignored and /dev/null for its error output, and so do the workers it starts
    (see ``_in_background``): a Ctrl-C that came while the server imported its preload,
    or while a worker started as the command ended, printed a traceback. Only the main
    thread may change them; the reader starts its server from a thread, its screen is
    on that output, and its keys send no Ctrl-C."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    error_output = os.dup(2)
    os.dup2(devnull, 2)
    try:
        yield
    finally:
        os.dup2(error_output, 2)
        os.close(error_output)
        signal.signal(signal.SIGINT, previous)


def _in_background(bond: Connection) -> None:
    """Start a worker behind the reader, and bound to it.

    Behind: a person waiting on the screen comes before an index being built.
    Niceness only orders processes that compete for the cores, so an index built
    with nothing else running takes no longer.

    Bound: a worker whose reader is gone, however it went, ends at once (see
    ``_bond``); else it would wait on its queue forever, holding the fork server and
    the reader's output open. A Ctrl-C, which a terminal sends to every process of the
    reader, is the reader's to handle: a worker it interrupted printed a traceback, and
    could leave its queue's lock held, so that the reader waited for it for ever as it
    ended.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    with contextlib.suppress(OSError, AttributeError):  # no os.nice on some systems
        os.nice(WORKER_NICENESS)
    threading.Thread(target=_end_with, args=(bond,), daemon=True).start()


def _end_with(bond: Connection) -> None:
    """End this worker once the reader at the other end of ``bond`` is gone."""
    with contextlib.suppress(EOFError, OSError):
        bond.recv_bytes()  # nothing is ever sent: this returns as the reader ends
    os._exit(1)


_BONDING = threading.Lock()
_bond_ends: tuple[Connection, Connection] | None = None  # kept open for this process's life


def _bond() -> Connection:
    """The reading end of a pipe whose writing end this process alone holds, for its
    workers: the system closes it as this process ends, whichever way it ends, and
    their reading it ends at that moment. A process id looked at now and then says
    less: an ended process keeps its id until its parent asks how it ended, and a
    parent reading the output a worker still held open never asked."""
    global _bond_ends
    with _BONDING:
        if _bond_ends is None:
            _bond_ends = multiprocessing.Pipe(duplex=False)
        return _bond_ends[0]


def _pool(context: multiprocessing.context.BaseContext, workers: int) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(
        max_workers=workers,
        mp_context=context,
        initializer=_in_background,
        initargs=(_bond(),),
    )


class KeptWorker:
    """One worker process kept for the calls made through it, behind the reader like the
    parsing: for Python work that comes again and again (each group of files a watcher
    reports) and would hold this process's interpreter lock while a person types. Started
    on the first call; runs a call here if no worker can start or the worker broke.
    ``preload`` is imported by the fork server if this starts it (a server already
    running keeps what it preloaded; the worker imports what else it needs)."""

    def __init__(self, preload: str) -> None:
        self.preload = preload
        self._pool: ProcessPoolExecutor | None = None
        # A start under way holds it, so that letting go of the worker (the reader
        # quitting) waits for the start and ends what it started.
        self._starting = threading.Lock()

    def run(self, function: Callable[..., Result], *args: Any) -> Result:
        """``function(*args)`` in the worker (``function`` must be importable by name)."""
        try:
            future = self._started().submit(function, *args)
        except (BrokenProcessPool, OSError, ValueError, RuntimeError):  # let go of meanwhile
            self.close()
            return function(*args)
        try:
            return future.result()  # the function's own errors are raised here as they are
        except BrokenProcessPool:  # the worker died before it could answer
            self.close()
            return function(*args)

    def begin(self, function: Callable[..., object], *args: Any) -> None:
        """Begin ``function(*args)`` in the worker and return at once, for what it leaves
        in the worker's process: the next ``run`` waits for it, as the worker takes calls
        in turn. What it returns or raises is not kept, and it is not run here if no
        worker can start: the call it prepares for must do without it."""
        try:
            self._started().submit(function, *args)
        except (BrokenProcessPool, OSError, ValueError, RuntimeError):
            self.close()

    def _started(self) -> ProcessPoolExecutor:
        with self._starting:
            if self._pool is None:
                start_workers(self.preload)
                self._pool = _pool(multiprocessing.get_context("forkserver"), 1)
            return self._pool

    def _let_go(self) -> ProcessPoolExecutor | None:
        with self._starting:
            pool, self._pool = self._pool, None
        return pool

    def close(self, wait: bool = False) -> None:
        """Let the worker end (it is started again by a later call); ``wait`` for it."""
        if (pool := self._let_go()) is not None:
            shut_down(pool, wait=wait)

    def stop(self) -> None:
        """End the worker now, in the middle of its call (one nobody waits for any more)."""
        if (pool := self._let_go()) is not None:
            stop(pool)


def run_apart(function: Callable[..., Result], args: tuple[Any, ...], preload: str) -> Result:
    """``function(*args)`` once, in a worker process of its own (see ``KeptWorker``); an
    interrupted call is stopped, not waited for."""
    worker = KeptWorker(preload)
    try:
        result = worker.run(function, *args)
    except BaseException:
        worker.stop()
        raise
    worker.close(wait=True)
    return result


@contextlib.contextmanager
def apart(
    function: Callable[..., Result], args: tuple[Any, ...], preload: str
) -> Iterator[Future[Result]]:
    """``function(*args)`` begun in a worker process of its own, behind this process and
    bound to it, while the body runs. The body need not wait for it: a worker still at
    it when the body ends (or is interrupted) is stopped, where a pool's worker would
    be waited for. A worker that cannot start is a future failed with why."""
    future: Future[Result] = Future()
    receiving, sending = multiprocessing.Pipe(duplex=False)
    try:
        start_workers(preload)
        context = multiprocessing.get_context("forkserver")
        process = context.Process(
            target=_answer, args=(sending, _bond(), function, args), daemon=True
        )
        process.start()
    except (OSError, ValueError) as error:
        receiving.close()
        future.set_exception(error)
        yield future
        return
    finally:
        sending.close()  # the worker holds its own end
    threading.Thread(target=_take_answer, args=(receiving, future), daemon=True).start()
    try:
        yield future
    finally:
        if process.is_alive():
            process.terminate()
        process.join()


def _answer(sending: Connection, bond: Connection, function: Callable[..., Any], args: Any) -> None:
    """Run ``function(*args)`` in an ``apart`` worker and send back how it ended."""
    _in_background(bond)
    try:
        answer = (True, function(*args))
    except BaseException as error:  # noqa: BLE001 - the caller learns that it failed, and why
        answer = (False, f"{type(error).__name__}: {error}")
    sending.send(answer)


def _take_answer(receiving: Connection, future: Future[Any]) -> None:
    """Wait for an ``apart`` worker's answer (in a thread: a large one fills the pipe
    before it is all sent) and settle ``future`` with it; a worker gone without one
    fails it."""
    try:
        succeeded, value = receiving.recv()
    except (EOFError, OSError) as error:
        future.set_exception(error)
        return
    finally:
        receiving.close()
    if succeeded:
        future.set_result(value)
    else:
        future.set_exception(RuntimeError(value))


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
    pool = _pool(multiprocessing.get_context("forkserver"), workers)
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
