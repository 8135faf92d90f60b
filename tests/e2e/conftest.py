"""Fixtures for end-to-end tests in a real terminal: ``terminal`` (tmux), ``sshd`` and the
installed ``lede``.

Both fail, rather than skip, when tmux or OpenSSH is not installed: CI installs
them, so a missing one is a broken set-up that must not pass unnoticed.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

import pytest

from tests.e2e.sshd import SshServer
from tests.e2e.terminal import TmuxTerminal
from tests.e2e.tools import MissingToolError

T = TypeVar("T")


def _needs_tools(build: Callable[[], T]) -> T:
    """``build()``, or a plain test failure (no traceback) naming the package to install."""
    try:
        return build()
    except MissingToolError as error:
        reason = str(error)
    pytest.fail(reason, pytrace=False)


@pytest.fixture
def lede() -> str:
    """The ``lede`` console script installed beside this Python (what users run)."""
    script = Path(sys.executable).parent / "lede"
    assert script.exists(), "lede is not installed in this environment (run scripts/test)"
    return str(script)


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[TmuxTerminal]:
    """A private tmux terminal (``TERM=xterm-256color``, OSC 52 kept); closed afterwards."""
    term = _needs_tools(lambda: TmuxTerminal(tmp_path / "tmux"))
    try:
        yield term
    finally:
        term.close()


@pytest.fixture
def sshd(tmp_path: Path) -> Iterator[SshServer]:
    """A started sshd on 127.0.0.1 that accepts the current user with a temporary key."""
    server = _needs_tools(lambda: SshServer(tmp_path / "sshd"))
    server.start()
    try:
        yield server
    finally:
        server.stop()
        # Shown by pytest only when the test failed ("Captured stdout teardown").
        print(f"sshd log ({server.log_path}):\n{server.log()}")
