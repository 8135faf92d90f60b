"""A kept worker answers every call from one process of its own; the calls' errors are
theirs, and a worker that died leaves the call to be answered here. A call apart answers
or says why it failed, and is stopped, not waited for."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from library import one_worker
from library.one_worker import KeptWorker


def fails_apart(here: int) -> str:
    """Raises in any process but ``here``; answers ``"here"`` in it."""
    if os.getpid() != here:
        raise OSError("failed in the worker")
    return "here"


def test_calls_are_answered_by_one_other_process() -> None:
    worker = KeptWorker("library.one_worker")
    try:
        first = worker.run(os.getpid)
        assert first != os.getpid()
        assert worker.run(os.getpid) == first
    finally:
        worker.close(wait=True)


def test_an_error_of_the_call_is_raised_not_run_again_here() -> None:
    worker = KeptWorker("library.one_worker")
    try:
        with pytest.raises(OSError, match="failed in the worker"):
            worker.run(fails_apart, os.getpid())
    finally:
        worker.close(wait=True)


def test_a_worker_that_died_leaves_the_call_to_this_process() -> None:
    worker = KeptWorker("library.one_worker")
    try:
        os.kill(worker.run(os.getpid), signal.SIGKILL)
        assert worker.run(fails_apart, os.getpid()) == "here"
        assert worker.run(os.getpid) != os.getpid()  # and the next call has a new worker
    finally:
        worker.close(wait=True)


def test_a_call_begun_is_answered_first_in_the_worker_and_leaves_its_state_there(
    tmp_path: Path,
) -> None:
    """``begin`` does not wait: what it leaves in the worker is there for the next call."""
    here = os.getcwd()
    worker = KeptWorker("library.one_worker")
    try:
        worker.begin(os.chdir, str(tmp_path))
        assert worker.run(os.getcwd) == str(tmp_path)
    finally:
        worker.close(wait=True)
    assert os.getcwd() == here


# A process that ends right after it let its worker go, its end held off (as a loaded
# machine does) between its look at the pool's pipe and its write to it.
ENDING_AFTER = """
import concurrent.futures.process as executors
import time

from library.one_worker import KeptWorker

worker = KeptWorker("library.one_worker")
worker.run(len, "abc")


def held_off(wakeup):
    if not wakeup._closed:
        time.sleep(0.3)
        wakeup._writer.send_bytes(b"")


executors._ThreadWakeup.wakeup = held_off
worker.{ending}()
"""


@pytest.mark.parametrize("ending", ["close", "stop"])
def test_a_process_ending_as_its_worker_ends_says_nothing(ending: str) -> None:
    """Quitting the reader just after its worker started: the process's end woke the
    pool's thread through the pipe that thread was closing, and "OSError: [Errno 9] Bad
    file descriptor" (or "handle is closed") was printed over the terminal."""
    done = subprocess.run(
        [sys.executable, "-c", ENDING_AFTER.format(ending=ending)],
        capture_output=True,
        text=True,
        cwd=Path(__file__).resolve().parents[2],  # this source, not an installed copy
        timeout=60,
    )
    assert (done.returncode, done.stderr) == (0, "")


def test_a_worker_let_go_of_while_it_starts_is_not_left_running(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The reader quit while its indexing worker was starting: the start went on after
    the worker was let go of, and its process outlived the quit (a pool nobody would
    end, left to the process's own end)."""
    import multiprocessing
    import threading

    started = threading.Event()
    real_start = one_worker.start_workers

    def slow_start(preload: str) -> None:
        started.set()
        time.sleep(0.5)  # the fork server's start, as on a busy machine
        real_start(preload)

    monkeypatch.setattr(one_worker, "start_workers", slow_start)
    before = set(multiprocessing.active_children())  # other tests' in this process
    worker = KeptWorker("library.one_worker")
    answers: list[int] = []
    calling = threading.Thread(target=lambda: answers.append(worker.run(os.getpid)))
    calling.start()
    assert started.wait(10)
    worker.close()  # as the reader quits
    calling.join(30)
    assert answers  # answered, here or in the worker
    deadline = time.monotonic() + 10
    while set(multiprocessing.active_children()) - before and time.monotonic() < deadline:
        time.sleep(0.05)
    assert set(multiprocessing.active_children()) - before == set()


def test_a_call_apart_answers_or_says_why_it_failed() -> None:
    with one_worker.apart(divmod, (17, 5), "library.one_worker") as later:
        assert later.result(timeout=60) == (3, 2)
    with (
        one_worker.apart(int, ("seven",), "library.one_worker") as later,
        pytest.raises(RuntimeError, match="ValueError: invalid literal"),
    ):
        later.result(timeout=60)


def test_a_call_apart_still_running_when_the_body_ends_is_stopped_not_waited_for() -> None:
    """An interrupted grouping must not wait for its second half (a pool's worker was
    joined, and an interrupted index hung)."""
    with one_worker.apart(time.sleep, (600,), "library.one_worker") as later:
        assert not later.done()
    with pytest.raises(EOFError):  # the worker is gone without an answer
        later.result(timeout=60)
