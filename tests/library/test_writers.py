"""Indexing one corpus from several processes at once: one writes, the others wait and
then find little or nothing left to do; nobody fails, nothing is stored twice."""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from library import paths
from library.db import connect
from library.state import StateStore
from library.synthetic import generate
from library.writer import ROLE, lock_path, marked, writing
from tests.conftest import lede_executable

# Counts past a thousand are written 3,000.
INDEXED = re.compile(
    r"^indexed ([\d,]+) articles from ([\d,]+) files \(([\d,]+) parsed, 0 removed\)"
)


def lede(*args: str | Path, cwd: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [lede_executable(), *map(str, args)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=cwd,
    )


def test_two_indexers_and_a_listing_at_once_store_each_article_once(tmp_path: Path) -> None:
    corpus = tmp_path / "site"
    generate(corpus, 3000, plain=True)
    articles = sum(1 for name in os.listdir(corpus) if name.endswith(".md"))
    database = paths.index_file([str(corpus)])
    indexers = [lede("index", corpus, cwd=tmp_path) for _ in range(2)]
    deadline = time.monotonic() + 60
    while not database.exists():  # the listing starts while the index is being built
        assert time.monotonic() < deadline, "no index was started"
        time.sleep(0.01)
    listing = lede("list", corpus, cwd=tmp_path)
    done = [process.communicate(timeout=120) for process in [*indexers, listing]]
    for process, (_, stderr) in zip([*indexers, listing], done, strict=True):
        assert process.returncode == 0, stderr
        assert stderr == "", stderr
    reports = [INDEXED.match(stdout) for stdout, _ in done[:2]]
    assert all(reports), [stdout for stdout, _ in done[:2]]
    files = int(reports[0][2].replace(",", ""))
    # One built the index; the other waited for it and found nothing left to parse.
    assert sorted(int(report[3].replace(",", "")) for report in reports if report) == [0, files]
    assert len(done[2][0].splitlines()) == articles  # the whole list, never a part of it
    with sqlite3.connect(database) as db:
        stored, distinct = db.execute(
            "SELECT count(*), count(DISTINCT path) FROM articles"
        ).fetchone()
    assert stored == distinct == articles


def test_a_writer_waits_for_the_lock_another_process_holds_and_is_told(tmp_path: Path) -> None:
    database = tmp_path / "index.sqlite"
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import fcntl, sys; f = open(sys.argv[1], 'w'); fcntl.flock(f, fcntl.LOCK_EX); "
            "print('held', flush=True); sys.stdin.read()",
            str(lock_path(database)),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None and holder.stdout.readline() == "held\n"
    told: list[float] = []

    def waiting(whom: str) -> None:
        told.append(time.monotonic())
        if len(told) == 3:
            holder.communicate("")  # the holder ends, and the kernel frees its lock

    with writing(database, waiting):
        assert holder.returncode == 0  # entered only once the holder was gone
    assert len(told) == 3


def test_a_waiter_may_give_up(tmp_path: Path) -> None:
    database = tmp_path / "index.sqlite"
    with writing(database):

        def give_up(whom: str) -> None:
            raise InterruptedError

        with pytest.raises(InterruptedError), writing(database, give_up):
            pytest.fail("entered a lock another writer holds")
    with writing(database):  # given up, it holds nothing
        pass


@pytest.mark.parametrize(("opener", "rounds"), [(connect, 50), (StateStore, 100)])
def test_many_open_a_new_database_at_once_and_none_is_refused(
    tmp_path: Path, opener: Callable[[Path], sqlite3.Connection | StateStore], rounds: int
) -> None:
    """Two ``lede index`` started together each switch the new index to WAL; SQLite lets
    one switch and reports the others busy at once. Here eight connections race to open
    each of many new files: without the wait, a few rounds saw a refusal."""
    refused: list[Exception] = []

    def open_when_all_are_ready(path: Path, ready: threading.Barrier) -> None:
        ready.wait()
        try:
            opened = opener(path)
            opened.close()
        except Exception as error:
            refused.append(error)

    for round_ in range(rounds):
        ready = threading.Barrier(8)
        path = tmp_path / f"{round_}.sqlite"
        openers = [
            threading.Thread(target=open_when_all_are_ready, args=(path, ready)) for _ in range(8)
        ]
        for thread in openers:
            thread.start()
        for thread in openers:
            thread.join()
    assert refused == []


def test_a_refresh_inside_a_mark_it_holds_goes_on_and_others_wait(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A refresh of a few paths that finds its index replaced refreshes it whole, in the
    same thread, under the lock its mark took: it went on, where waiting was for ever."""
    database = tmp_path / "index.sqlite"
    monkeypatch.setitem(ROLE, "name", "lede sync")
    with marked(database), writing(database, _its_own):
        told: list[str] = []

        def give_up(whom: str) -> None:
            told.append(whom)
            raise InterruptedError

        elsewhere = threading.Thread(target=lambda: _enter(database, give_up))
        elsewhere.start()
        elsewhere.join(10)
    assert told == [f"lede sync (pid {os.getpid()}) indexing this corpus"]


def _its_own(whom: str) -> None:
    pytest.fail(f"waited for its own lock, held by {whom}")


def _enter(database: Path, waiting: Callable[[str], None]) -> None:
    with contextlib.suppress(InterruptedError), writing(database, waiting):
        pytest.fail("entered a lock another writer holds")
