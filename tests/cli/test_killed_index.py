"""``lede index`` killed (kill -9) at any moment of a cold index: the next command finds
the list whole and right, without a word about it. Real processes, real SQLite."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path

from library.synthetic import generate
from tests.conftest import LedeRunner, lede_executable

FRACTIONS = (0.1, 0.3, 0.5, 0.7, 0.9)  # of the time a whole cold index takes


def test_an_index_killed_anywhere_is_taken_up_by_the_next_command(
    tmp_path: Path, run_lede: LedeRunner, isolated_dirs: dict[str, Path]
) -> None:
    corpus = tmp_path / "site"
    generate(corpus, 3000, seed=4)
    started = time.monotonic()
    assert run_lede("index", corpus).returncode == 0
    whole = time.monotonic() - started
    expected = run_lede("list", "--json", "--all", corpus)
    assert expected.returncode == 0 and len(expected.stdout.splitlines()) >= 3000
    cache = isolated_dirs["XDG_CACHE_HOME"]
    for fraction in FRACTIONS:
        for path in (cache / "lede" / "index").glob("*.sqlite*"):
            path.unlink()  # cold again
        indexing = subprocess.Popen(
            [lede_executable(), "index", corpus],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=os.environ.copy(),
        )
        time.sleep(whole * fraction)
        indexing.send_signal(signal.SIGKILL)
        indexing.wait()
        listed = run_lede("list", "--json", "--all", corpus)
        assert (listed.returncode, listed.stderr) == (0, ""), fraction
        assert listed.stdout == expected.stdout, fraction
