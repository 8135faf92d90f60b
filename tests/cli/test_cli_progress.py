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
from tests.e2e.tools import latin1_locale


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("index-progress") / "site"
    generate(root, 1200, plain=True)
    return root


def drawn_on_a_terminal(site: Path, env: dict[str, str] | None = None) -> tuple[bytes, str]:
    """What ``lede index site`` draws on its terminal (stderr), and its output."""
    controller, terminal = pty.openpty()
    process = subprocess.Popen(
        [lede_executable(), "index", str(site)],
        stdin=terminal,
        stdout=subprocess.PIPE,
        stderr=terminal,
        env={**os.environ, **(env or {})},
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
    return drawn, stdout


def test_on_a_terminal_the_bar_is_redrawn_in_place(site: Path, isolated_dirs: object) -> None:
    drawn, stdout = drawn_on_a_terminal(site)
    text = drawn.decode()
    lines = text.split("\r")
    assert len(lines) >= 3  # the first commits, then the rest
    assert re.search(r"indexing 256/1,201 █+░+ 21%", text)
    assert re.search(r"indexing 1,201/1,201 █{24} 100%\s*\n$", text)
    assert "\x1b" not in text
    assert stdout.startswith("indexed 1,200 articles from 1,201 files")


def test_a_latin1_terminal_gets_a_bar_it_can_show(
    site: Path, isolated_dirs: object, tmp_path: Path
) -> None:
    """Under a Latin-1 locale the bar was 24 question marks: its blocks are not Latin-1."""
    drawn, _ = drawn_on_a_terminal(site, latin1_locale(tmp_path))
    text = drawn.decode("latin-1")
    assert re.search(r"indexing 256/1,201 #+\.+ 21%", text)
    assert re.search(r"indexing 1,201/1,201 #{24} 100%\s*\n$", text)


def test_into_a_pipe_nothing_is_drawn(site: Path, run_lede: LedeRunner) -> None:
    done = run_lede("index", site)
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert "\r" not in done.stdout and "\x1b" not in done.stdout
    assert done.stdout.startswith("indexed 1,200 articles from 1,201 files")
