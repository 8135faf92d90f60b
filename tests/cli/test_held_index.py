"""An index another program holds (a database browser, a script in a write
transaction): the command says so at once, with the index's path, and Ctrl-C ends
the wait. It waited SQLite's busy timeout, 30 s, in silence, and Ctrl-C with it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from library.corpus import open_index
from tests.conftest import CTRL_C_AS_IN_A_TERMINAL, write_document
from tests.library.test_state import held_by_another_program

ROOT = Path(__file__).resolve().parents[2]
WAIT = 10  # seconds: far less than the 30 s of SQLite's busy timeout


@pytest.mark.parametrize("command", ["list", "index"])
def test_an_index_held_by_another_program_is_said_at_once_and_ctrl_c_ends_the_wait(
    tmp_path: Path, isolated_dirs: dict[str, Path], command: str
) -> None:
    corpus = tmp_path / "corpus"
    write_document(corpus, "a.md", 'title: "A"')
    index = open_index([str(corpus)], None)
    index.refresh()
    index.close()
    write_document(corpus, "b.md", 'title: "B"')  # something to write
    script = (
        f"import sys\nsys.argv = ['lede', {command!r}, {str(corpus)!r}]\n"
        "from tui.command import run\nrun()\n"
    )
    with held_by_another_program(index.db_path):
        child = subprocess.Popen(
            [sys.executable, "-c", CTRL_C_AS_IN_A_TERMINAL + script],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )
        watchdog = threading.Timer(WAIT, child.kill)
        watchdog.start()
        try:
            assert child.stderr is not None
            started = time.monotonic()
            said = child.stderr.readline()
            said_after = time.monotonic() - started
            child.send_signal(signal.SIGINT)
            rest = child.stderr.read()
            code = child.wait()
            ended_after = time.monotonic() - started - said_after
        finally:
            watchdog.cancel()
    whom = f"another program, which holds the index {index.db_path}"
    assert said == f"lede: waiting for {whom} (Ctrl-C to stop)…\n"
    assert said_after < 3  # the command's start-up, and a quarter of a second
    assert (code, rest) == (130, "lede: interrupted\n")
    assert ended_after < 2
