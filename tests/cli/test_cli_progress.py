"""``lede index`` draws a progress bar on a terminal and writes none into a pipe."""

from __future__ import annotations

import os
import pty
import re
import subprocess
from pathlib import Path

import pytest

from library.synthetic import generate
from tests.conftest import LedeRunner, lede_executable


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("index-progress") / "site"
    generate(root, 1200, plain=True)
    return root


def test_on_a_terminal_the_bar_is_redrawn_in_place(site: Path, isolated_dirs: object) -> None:
    controller, terminal = pty.openpty()
    process = subprocess.Popen(
        [lede_executable(), "index", str(site)],
        stdin=terminal,
        stdout=subprocess.PIPE,
        stderr=terminal,
    )
    os.close(terminal)
    drawn = b""
    while True:
        try:
            chunk = os.read(controller, 4096)
        except OSError:  # the terminal's other end closed: the process has ended
            break
        if not chunk:
            break
        drawn += chunk
    os.close(controller)
    stdout = process.communicate(timeout=60)[0].decode()
    assert process.returncode == 0
    text = drawn.decode()
    lines = text.split("\r")
    assert len(lines) >= 3  # the first commits, then the rest
    assert re.search(r"indexing 256/1,201 █+░+ 21%", text)
    assert re.search(r"indexing 1,201/1,201 █{24} 100%\s*\n$", text)
    assert "\x1b" not in text
    assert stdout.startswith("indexed 1200 articles from 1201 files")


def test_into_a_pipe_nothing_is_drawn(site: Path, run_lede: LedeRunner) -> None:
    done = run_lede("index", site)
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert "\r" not in done.stdout and "\x1b" not in done.stdout
    assert done.stdout.startswith("indexed 1200 articles from 1201 files")
