"""Starting worker processes behind the reader and bound to it: the fork server they
come from, their niceness, and the pipe that ends them as the reader ends."""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import sys
import threading
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import forkserver
from multiprocessing.connection import Connection

from library.socket_folder import short_temporary_folder

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
    (see ``in_background``): a Ctrl-C that came while the server imported its preload,
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


def in_background(bond: Connection) -> None:
    """Start a worker behind the reader, and bound to it.

    Behind: a person waiting on the screen comes before an index being built.
    Niceness only orders processes that compete for the cores, so an index built
    with nothing else running takes no longer.

    Bound: a worker whose reader is gone, however it went, ends at once (see
    ``reader_bond``); else it would wait on its queue forever, holding the fork server and
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


def reader_bond() -> Connection:
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


def worker_pool(context: multiprocessing.context.BaseContext, workers: int) -> ProcessPoolExecutor:
    """A pool of ``workers`` processes, each behind the reader and bound to it."""
    return ProcessPoolExecutor(
        max_workers=workers,
        mp_context=context,
        initializer=in_background,
        initargs=(reader_bond(),),
    )
