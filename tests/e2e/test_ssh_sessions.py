"""The reader over ``ssh -t`` as people have it: a server's locale that is C, POSIX or
none, a TERM that is plain ``screen`` or none, a window resized in the help and during a
preview, and the connection dropped while a preview is fetched."""

from __future__ import annotations

import json
import os
import shlex
import signal
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.e2e.sshd import SshServer
from tests.e2e.terminal import TmuxTerminal
from tests.e2e.test_environments import TITLE, processes_with, world_corpus
from tests.e2e.tools import one_story_corpus
from tests.webserver import respond


@pytest.mark.parametrize(
    "setting",
    [
        "unset LANG LC_ALL",
        "export LANG=C",
        "export LANG=POSIX",
        "export LC_ALL=C TERM=screen",
        "unset TERM",
    ],
)
def test_over_ssh_in_each_locale_and_terminal_the_screen_is_whole(
    terminal: TmuxTerminal, sshd: SshServer, lede: str, tmp_path: Path, setting: str
) -> None:
    corpus = world_corpus(tmp_path)
    terminal.start(sshd.ssh_command(f"{setting}; exec {shlex.join([lede, str(corpus)])}"))
    screen = terminal.wait_for("2 articles · 2 unread", timeout=30)
    assert TITLE in screen and "\\u" not in screen
    terminal.send_keys("?")
    terminal.wait_for("lede — keys")
    terminal.resize(60, 20)  # the help follows the window, narrower and back
    terminal.wait_for("esc closes")
    terminal.resize(140, 40)
    terminal.wait_for("esc closes")
    terminal.send_keys("Escape")
    terminal.wait_until_gone("lede — keys")
    terminal.send_keys("q")
    assert terminal.wait_for_exit() == 0
    terminal.assert_screen_restored()


@pytest.fixture
def stalled() -> Iterator[threading.Event]:
    """Set at the end: a page that answers only then."""
    release = threading.Event()
    yield release
    release.set()


def ssh_clients(port: int) -> list[int]:
    """The ssh clients connected to ``port``."""
    found = []
    for entry in Path("/proc").iterdir():
        try:
            argv = (entry / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if argv[0].endswith(b"ssh") and str(port).encode() in argv:
            found.append(int(entry.name))
    return found


def test_the_connection_dropped_during_a_preview_leaves_nothing_and_keeps_the_star(
    terminal: TmuxTerminal,
    sshd: SshServer,
    lede: str,
    server,  # type: ignore[no-untyped-def]
    stalled: threading.Event,
    tmp_path: Path,
) -> None:
    server.routes["/slow"] = lambda request: stalled.wait(60) and respond(request, "<p>x</p>")
    corpus = one_story_corpus(tmp_path, server.url("/slow"))
    mark = str(tmp_path)  # in the environment of the reader and all it starts, only
    remote = sshd.ssh_command(shlex.join([lede, str(corpus)]), env={"E2E_SESSION": mark})
    terminal.start(remote, width=120, height=35)
    terminal.wait_for("1 article · 1 unread", timeout=30)
    terminal.send_keys("s")
    terminal.wait_for("★")
    terminal.send_keys("p")
    terminal.wait_for("Fetching")
    terminal.resize(70, 25)  # resized while the page is on its way
    terminal.wait_for("Fetching")
    for pid in ssh_clients(sshd.port):  # the connection drops
        os.kill(pid, signal.SIGKILL)
    deadline = time.monotonic() + 30
    while (left := processes_with("E2E_SESSION", mark)) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not left
    listed = subprocess.run(
        [lede, "list", "--json", "-q", "is:starred", str(corpus)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert (listed.returncode, listed.stderr) == (0, "")
    assert [json.loads(line)["title"] for line in listed.stdout.splitlines()] == [
        "Harbour bridge story"
    ]
