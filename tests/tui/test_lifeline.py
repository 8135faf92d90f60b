"""No process of lede outlives its terminal: a hangup at any moment, SIGTERM, kill -9."""

from __future__ import annotations

import os
import signal
import sys
import time
from pathlib import Path

import pytest

from library.synthetic import generate
from tests.tui.terminal import Terminal, family, processes

ARTICLES = 4000  # enough for the pool and an index that takes a few seconds


@pytest.fixture(scope="module")
def big_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("big") / "corpus"
    generate(root, ARTICLES, plain=True)
    return root


def gone(pids: set[int], timeout: float) -> dict[int, str]:
    """Waits for ``pids`` to end; returns those still alive at the deadline."""
    deadline = time.monotonic() + timeout
    while True:
        table = processes()
        alive = {pid: table[pid][2] for pid in pids if pid in table}
        if not alive or time.monotonic() > deadline:
            return alive
        time.sleep(0.1)


def wait_for_workers(terminal: Terminal) -> dict[int, str]:
    """The reader's processes once its pool is parsing (the index is being built)."""
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        terminal.read(0.05)
        members = family(terminal.process.pid)
        if sum("forkserver" in command for command in members.values()) >= 2:
            return members
    raise AssertionError(f"no pool workers started: {family(terminal.process.pid)}")


@pytest.mark.parametrize("moment", [0.1, 0.3, 0.6, "indexing"])
def test_a_hangup_at_any_moment_ends_every_process_of_lede(
    start, big_corpus: Path, moment: float | str
) -> None:
    terminal = start(corpus=big_corpus)
    if moment == "indexing":
        members = wait_for_workers(terminal)
    else:
        terminal.read(float(moment))
        members = family(terminal.process.pid)
    os.close(terminal.master)  # the terminal goes away
    assert gone(set(members) | set(family(terminal.process.pid)), timeout=30) == {}
    assert terminal.process.wait(timeout=1) is not None


def test_killing_the_reader_ends_its_pool_workers(start, big_corpus: Path) -> None:
    terminal = start(corpus=big_corpus)
    members = wait_for_workers(terminal)
    terminal.process.kill()
    terminal.process.wait()
    assert gone(set(members), timeout=30) == {}
    os.close(terminal.master)


def test_sigterm_gives_the_terminal_back(start) -> None:
    terminal = start()
    terminal.wait_for("Hangzhou may ban")
    terminal.process.send_signal(signal.SIGTERM)
    assert terminal.close() == 128 + signal.SIGTERM
    left = terminal.output.rindex(b"\x1b[?1049l")  # the user's screen given back
    assert terminal.output.index(b"\x1b[?1049h") < left
    assert b"\x1b[?1000l" in terminal.output[left - 200 :]  # mouse reporting switched off
    assert terminal.output[left:].strip().endswith(b"lede: terminated")  # as a command says
    assert b"Traceback" not in terminal.output


ENDS_SLOWLY = """
import os, signal, time
from textual.app import App
from textual.widgets import Static
from tui.lifeline import Lifeline

class Stuck(Static):
    def on_unmount(self) -> None:
        time.sleep(30)  # an end that outlasts the grace, as on a machine busy enough

class Reader(App):
    def compose(self):
        yield Stuck("reading")

    def on_mount(self) -> None:
        self.set_timer(0.2, lambda: os.kill(os.getpid(), signal.SIGTERM))

app = Reader()
with Lifeline(app):
    app.run()
"""


def test_sigterm_is_said_when_the_end_outlasts_the_grace() -> None:
    """Ended by the deadline before the app had ended, the reader exited 143 without a word."""
    environment = os.environ | {"PYTHONPATH": str(Path(__file__).parents[2])}
    terminal = Terminal([sys.executable, "-c", ENDS_SLOWLY], environment, (80, 24))
    terminal.wait_for("reading")
    assert terminal.close() == 128 + signal.SIGTERM
    assert terminal.output.strip().endswith(b"lede: terminated")
