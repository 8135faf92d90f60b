"""A worker process of its own for Python work kept off the reader's thread: kept for
calls that come again and again (``KeptWorker``), or for one call (``run_apart``,
``apart``). The batches of many files go to a pool instead (``library.parallel``)."""

from __future__ import annotations

import contextlib
import multiprocessing
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from multiprocessing.connection import Connection
from typing import Any, TypeVar

from library.pool_end import shut_down, stop
from library.worker_start import in_background, reader_bond, start_workers, worker_pool

Result = TypeVar("Result")


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
                self._pool = worker_pool(multiprocessing.get_context("forkserver"), 1)
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
            target=_answer, args=(sending, reader_bond(), function, args), daemon=True
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
    in_background(bond)
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
