"""Fixtures for end-to-end tests: the installed ``lede``, a tmux terminal, an sshd."""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.endtoend.sshd import Sshd
from tests.endtoend.tmux import TmuxTerminal

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def lede() -> str:
    """The ``lede`` console script installed beside this Python (what users run)."""
    script = Path(sys.executable).parent / "lede"
    assert script.exists(), "lede is not installed in this environment (run scripts/test)"
    return str(script)


@pytest.fixture
def reader_env(isolated_dirs: dict[str, Path]) -> dict[str, str]:
    """What the reader's process needs: this test's XDG folders and a UTF-8 locale."""
    return {name: str(path) for name, path in isolated_dirs.items()} | {
        "LANG": "C.UTF-8",
        "PATH": os.environ.get("PATH", ""),
    }


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[TmuxTerminal]:
    assert shutil.which("tmux"), "tmux is missing: install it (scripts/test does)"
    term = TmuxTerminal(tmp_path)
    yield term
    term.close()


@pytest.fixture
def sshd(tmp_path: Path) -> Iterator[Sshd]:
    server = Sshd(tmp_path / "sshd")
    yield server
    server.stop()
