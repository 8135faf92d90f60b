"""``lede sync`` stopped while git fetches (Ctrl-C, SIGTERM): it ends as the other
commands do, one line and exit 130 or 143, and its git ends with it. Git runs in a
session of its own (no terminal for ssh to prompt on), so neither signal reached it:
it went on fetching after the command had ended, for as long as the origin kept it."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import time
from pathlib import Path

import pytest

from tests.conftest import lede_executable
from tests.git_corpus import GitCorpus, git, git_corpus

__all__ = ["git_corpus"]  # the fixture, for pytest
WAIT = 30  # seconds: far more than the command may take to end


def _stat(pid: int) -> list[str]:
    """The fields of ``/proc/PID/stat`` after the name: state, ppid, group, session..."""
    return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()


def _running(where: int, field: int) -> list[int]:
    """The live processes whose ``field`` (1: parent, 3: session) is ``where``."""
    found = []
    for pid in filter(str.isdigit, os.listdir("/proc")):
        with contextlib.suppress(OSError, IndexError, ValueError):
            fields = _stat(int(pid))
            if int(fields[field]) == where and fields[0] != "Z":
                found.append(int(pid))
    return found


def _left_in(sessions: list[int]) -> list[int]:
    """What still runs in ``sessions`` a few seconds on (a killed git ends at once)."""
    deadline = time.monotonic() + 5
    while True:
        left = [pid for session in sessions for pid in _running(session, 3)]
        if not left or time.monotonic() > deadline:
            return left
        time.sleep(0.1)


@pytest.mark.parametrize(
    ("signum", "said", "exit_code"),
    [(signal.SIGINT, "lede: interrupted", 130), (signal.SIGTERM, "lede: terminated", 143)],
    ids=["ctrl-c", "sigterm"],
)
def test_sync_stopped_mid_fetch_ends_its_git(
    git_corpus: GitCorpus,
    isolated_dirs: dict[str, Path],
    signum: int,
    said: str,
    exit_code: int,
) -> None:
    with socket.create_server(("127.0.0.1", 0)) as silent:  # takes a connection, says nothing
        origin = f"http://127.0.0.1:{silent.getsockname()[1]}/news.git"
        git(git_corpus.reader, "remote", "set-url", "origin", origin)
        command = subprocess.Popen(
            [lede_executable(), "sync", str(git_corpus.reader)],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),  # as a shell's
        )
        try:
            silent.settimeout(WAIT)
            with silent.accept()[0]:  # git waits for its answer now
                gits = _running(command.pid, 1)
                assert gits, "no git under the command"
                command.send_signal(signum)
                out, _ = command.communicate(timeout=WAIT)
                left = _left_in(gits)  # each git is the first of a session of its own
        finally:
            if command.poll() is None:
                command.kill()
                command.communicate()
    assert (command.returncode, out) == (exit_code, said + "\n")
    assert not left, "git outlived the command"
