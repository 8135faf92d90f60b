"""``lede`` run as a user whom a file's mode stops: tests run as root, who writes a file of
mode 444; the command then runs without the capabilities that let it."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import lede_executable


def unprivileged() -> list[str]:
    """What a command is run after to run as a user whom a file's mode stops."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("no setpriv to run lede as a user whom file modes stop")
    return [setpriv, "--bounding-set=-dac_override,-dac_read_search,-fowner"]


def run_unprivileged(*args: str | Path) -> subprocess.CompletedProcess[str]:
    """``lede`` run as a user whom a file's mode stops."""
    return subprocess.run(
        [*unprivileged(), lede_executable(), *map(str, args)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
