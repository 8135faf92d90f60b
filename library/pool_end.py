"""Ending a process pool without racing this process's own end.

At its end, a process wakes each pool's own thread through a pipe, without the pool's
lock, to tell it that the process is ending; a pool shut down a moment before may be
closing that very pipe, and the wake-up was written to a pipe already closed: quitting
the reader just after its worker started printed "OSError: [Errno 9] Bad file
descriptor" (or "handle is closed") over the terminal. A pool shut down here has been
told to end already: its thread is left out of that wake-up, and the process's end
still waits for it, as for any thread.
"""

from __future__ import annotations

import concurrent.futures.process as executors
from concurrent.futures import ProcessPoolExecutor


def shut_down(pool: ProcessPoolExecutor, *, wait: bool = False) -> None:
    """``pool.shutdown`` (its calls not begun cancelled; ``wait``: for the rest), with no
    wake-up left to race."""
    _unwoken(pool)
    pool.shutdown(wait=wait, cancel_futures=True)


def stop(pool: ProcessPoolExecutor) -> None:
    """End ``pool``'s workers now, without waiting for their calls. A pool left as a
    Ctrl-C landed in its own bookkeeping (a worker being started, say) could wait for
    a worker that nothing would ever tell to end. A worker ended while it sent an answer
    leaves the pool's thread reading the rest, and this process waits for that thread as
    it ends: this process's own end of the answers' pipe is closed, so that the thread
    reads the pipe's end once the workers are gone, and stops."""
    # The pool names its processes and its answers' pipe only privately; ending the
    # processes is what it does itself once one of them breaks, and it never writes to
    # that pipe here.
    processes = list(getattr(pool, "_processes", {}).values())
    answers = getattr(pool, "_result_queue", None)
    shut_down(pool)
    for process in processes:
        process.terminate()
    if answers is not None:
        answers._writer.close()


def _unwoken(pool: ProcessPoolExecutor) -> None:
    """Leave ``pool``'s thread out of the wake-up at this process's end (read before the
    shutdown, which forgets the thread)."""
    manager = getattr(pool, "_executor_manager_thread", None)
    if manager is not None:
        executors._threads_wakeups.pop(manager, None)
