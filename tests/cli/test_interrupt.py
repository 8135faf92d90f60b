"""Ctrl-C ends a command at once, even in the middle of one long SQLite statement.

Python runs a signal's handler only between its own instructions; a statement over a
million rows (building an index, the topic closure) would hold a Ctrl-C off until it
ends. Real processes, real signals, real SQLite."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from itertools import product
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import CTRL_C_AS_IN_A_TERMINAL

ROOT = Path(__file__).resolve().parents[2]
# Minutes of work for SQLite: far longer than any test may wait.
LONG = (
    "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 4000000000) "
    "SELECT count(*) FROM c"
)
WAIT = 60  # seconds: the interrupted statement must end long before this


def _python(script: str, env: dict[str, str], **popen: Any) -> subprocess.Popen[str]:
    """``script`` run by Python in a process of its own, Ctrl-C handled as a program
    started from a terminal handles it, its output and errors read as one text."""
    return subprocess.Popen(
        [sys.executable, "-c", CTRL_C_AS_IN_A_TERMINAL + script],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=env,
        **popen,
    )


def _ctrl_c_when_slow(script: str, tmp_path: Path, signum: int = signal.SIGINT) -> tuple[str, int]:
    """Run ``script`` (Python, in its own process) and send it a Ctrl-C (or ``signum``)
    each time it says "slow" (before each start of its long step); its other output and
    exit code. Killed, and failed, if it is still running after ``WAIT``."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "LONG": LONG, "TMP": str(tmp_path)}
    child = _python(script, env)
    watchdog = threading.Timer(WAIT, child.kill)
    watchdog.start()
    said: list[str] = []
    try:
        assert child.stdout is not None
        for line in child.stdout:
            if line.strip() == "slow":
                child.send_signal(signum)
            else:
                said.append(line)
        code = child.wait()
    finally:
        watchdog.cancel()
    assert code != -signal.SIGKILL, f"still running {WAIT} s after Ctrl-C"
    return "".join(said), code


def test_a_long_statement_ends_on_ctrl_c(tmp_path: Path) -> None:
    script = """
import os, sqlite3, sys
from pathlib import Path
from library.db import connect, interrupted
db = connect(Path(os.environ["TMP"]) / "x.db")
while True:
    try:
        print("slow", flush=True)
        db.execute(os.environ["LONG"]).fetchone()
    except KeyboardInterrupt:  # it came before the statement began: again
        continue
    except sqlite3.Error as error:
        print("interrupted" if interrupted(error) else f"other: {error}")
    break
"""
    out, code = _ctrl_c_when_slow(script, tmp_path)
    assert out.strip() == "interrupted"
    assert code == 0


@pytest.mark.parametrize(
    ("signum", "said", "exit_code"),
    [(signal.SIGINT, "lede: interrupted", 130), (signal.SIGTERM, "lede: terminated", 143)],
    ids=["ctrl-c", "sigterm"],
)
def test_lede_index_stopped_in_a_long_step_says_so(
    tmp_path: Path, signum: int, said: str, exit_code: int
) -> None:
    """The closure step slowed to minutes: Ctrl-C there is one line and exit 130. A
    SIGTERM (a service stopped, ``timeout``) ended it without a word, and a log held
    nothing to say why it stopped: now one line and exit 143, at once."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.md").write_text("---\ntitle: One\ntopics: [x]\n---\nText.\n")
    script = f"""
import os, sys
import tui.command
import library.upkeep as upkeep
def slow(db, tree):
    print("slow", flush=True)
    db.execute(os.environ["LONG"]).fetchone()
upkeep.rebuild_closure = slow
from tui.cli import main
sys.exit(main(["index", {str(corpus)!r}]))
"""
    out, code = _ctrl_c_when_slow(script, tmp_path, signum)
    assert out.strip().splitlines()[-1] == said
    assert "Traceback" not in out
    assert code == exit_code


def test_ctrl_c_while_the_command_starts_is_one_line(tmp_path: Path) -> None:
    """A Ctrl-C typed as the command starts lands in one of its imports, which showed
    that import's traceback."""
    script = """
import os, signal
import tui.command
os.kill(os.getpid(), signal.SIGINT)  # while it imports the rest
import tui.cli
print("not interrupted")
"""
    child = _python(script, {**os.environ, "PYTHONPATH": str(ROOT)})
    out, _ = child.communicate(timeout=WAIT)
    assert (child.returncode, out) == (130, "lede: interrupted\n")


def _index_in_a_terminal(
    corpus: Path, home: Path, ctrl_c_after: float | None, whole_group: bool = True
) -> tuple[str, int, int]:
    """``lede index`` in a session of its own, as a terminal runs a command, sent Ctrl-C
    after ``ctrl_c_after`` seconds as a terminal sends it (to every process of the
    group), or to the command alone (as ``kill -INT`` does); its output, exit code and
    session. Killed, and failed, past ``WAIT``."""
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        **{f"XDG_{name}_HOME": str(home / name.lower()) for name in ("CACHE", "DATA", "CONFIG")},
    }
    script = (  # as the lede command runs it
        f"import sys\nsys.argv = ['lede', 'index', {str(corpus)!r}]\n"
        "from tui.command import run\nrun()\n"
    )
    child = _python(script, env, start_new_session=True)
    try:
        if ctrl_c_after is not None:
            with contextlib.suppress(subprocess.TimeoutExpired):
                child.wait(ctrl_c_after)
            with contextlib.suppress(ProcessLookupError):
                (os.killpg if whole_group else os.kill)(child.pid, signal.SIGINT)
        out, _ = child.communicate(timeout=WAIT)
    except subprocess.TimeoutExpired:
        os.killpg(child.pid, signal.SIGKILL)
        child.communicate()
        raise AssertionError(f"lede index still running {WAIT} s after Ctrl-C") from None
    return out, child.returncode, child.pid


def test_ctrl_c_anywhere_in_a_cold_index_ends_it_at_once_in_one_line(tmp_path: Path) -> None:
    """Its workers had Ctrl-C too and printed their tracebacks; and a Ctrl-C that landed
    in the pool's own bookkeeping hung the command for good after 'lede: interrupted'."""
    from library.synthetic import generate

    corpus = tmp_path / "corpus"
    generate(corpus, 3000, seed=5)
    started = time.monotonic()
    out, code, _ = _index_in_a_terminal(corpus, tmp_path / "whole", None)
    whole = time.monotonic() - started
    assert code == 0, out
    sessions = set()
    for share, whole_group in product((0.15, 0.3, 0.45, 0.6, 0.75, 0.9), (True, False)):
        home = tmp_path / f"at-{share}-{whole_group}"
        out, code, session = _index_in_a_terminal(corpus, home, whole * share, whole_group)
        sessions.add(session)
        assert "Traceback" not in out, (share, whole_group, out)
        assert (code, out.strip().splitlines()[-1]) == (130, "lede: interrupted") or (
            code in (0, -signal.SIGINT) and out.startswith("indexed ")  # done before it
        ), (share, whole_group, code, out)
        shutil.rmtree(home, ignore_errors=True)
    assert not _left_in(sessions), "a worker outlived its command"


def _left_in(sessions: set[int]) -> list[int]:
    """The processes still running in ``sessions`` (a command's workers are in its
    session), looked for a few seconds: a worker ends within a second of its command."""
    deadline = time.monotonic() + 5
    while True:
        left = []
        for pid in filter(str.isdigit, os.listdir("/proc")):
            with contextlib.suppress(OSError, IndexError, ValueError):
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
                if int(fields[3]) in sessions:  # the session, after state, ppid and group
                    left.append(int(pid))
        if not left or time.monotonic() > deadline:
            return left
        time.sleep(0.1)
