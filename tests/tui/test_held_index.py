"""The reader on an index another program holds: it says whom it waits for, with the
index's path, within a second, and goes on once the program lets go. It showed
"indexing…" for SQLite's 30 s busy timeout, then "database is locked"."""

from __future__ import annotations

import os
import pty
import select
import subprocess
import sys
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

from library.corpus import open_index
from library.index import RefreshReport
from tests.conftest import lede_executable, write_document
from tests.library.test_state import held_by_another_program
from tests.tui.pilot import indexed, notifications, status, titles, until
from tui.app import LedeApp

DEADLINE = 30.0


async def test_the_reader_says_which_index_another_program_holds_and_goes_on_after(
    tmp_path: Path,
) -> None:
    corpus = tmp_path / "corpus"
    write_document(corpus, "a.md", 'title: "Alpha"')
    index = open_index([str(corpus)], None)
    index.refresh()
    index.close()
    write_document(corpus, "b.md", 'title: "Beta"')  # new while the reader was closed
    said = f"waiting for another program, which holds the index {index.db_path}…"
    app = LedeApp([str(corpus)])
    with ExitStack() as holder:
        holder.enter_context(held_by_another_program(index.db_path))
        async with app.run_test(size=(160, 45)) as pilot:
            started = time.monotonic()
            await until(pilot, lambda: app.sub_title == said, seconds=DEADLINE)
            shown = f"Waiting for another program, which holds the index {index.db_path}…"
            # On the screen too (no title bar), told right after the subtitle.
            await until(pilot, lambda: shown in notifications(app), "the notice", DEADLINE)
            assert time.monotonic() - started < 10  # well within SQLite's busy timeout, loaded
            holder.close()  # the program lets go: the new file is indexed and listed
            await indexed(pilot, DEADLINE)
            await until(pilot, lambda: "Beta" in titles(app), seconds=DEADLINE)
            assert app.sub_title == ""


async def test_a_lede_list_run_while_the_reader_refreshes_names_the_reader_and_its_pid(
    tmp_path: Path,
) -> None:
    """The reader stores the files a watcher names in a worker process, under SQLite's
    own lock only: a ``lede list`` run meanwhile in another terminal said it waited for
    "another program, which holds the index". It now says it waits for the reader."""
    corpus = tmp_path / "corpus"
    write_document(corpus, "a.md", 'title: "Alpha"')
    app = LedeApp([str(corpus)])
    async with app.run_test(size=(160, 45)) as pilot:
        await indexed(pilot, DEADLINE)
        session = app.session
        assert session is not None
        storing, stored = threading.Event(), threading.Event()
        refresh_paths = session.index.refresh_paths

        def slow_refresh(paths: Iterable[str]) -> RefreshReport:
            storing.set()  # as the worker stores many files: held until the listing is in
            stored.wait(DEADLINE)
            return refresh_paths(paths)

        session.index.refresh_paths = slow_refresh  # type: ignore[method-assign]
        new = write_document(corpus, "b.md", 'title: "Beta"')
        refreshing = threading.Thread(target=session.refresh_paths, args=([str(new)],))
        refreshing.start()
        assert storing.wait(DEADLINE)
        primary, secondary = pty.openpty()  # its stderr a terminal, as a person runs it
        listing = subprocess.Popen(
            [lede_executable(), "list", str(corpus)],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=secondary,
            text=True,
        )
        os.close(secondary)
        try:
            said = _first_line(primary)
        finally:
            stored.set()
            out, _ = listing.communicate(timeout=DEADLINE)
            os.close(primary)
            refreshing.join(DEADLINE)
        assert (
            said == f"lede: waiting for the lede reader (pid {os.getpid()}) indexing this corpus…"
        )
        assert "Beta" in out and "Alpha" in out  # the list the reader's refresh left
        await until(pilot, lambda: "Beta" in titles(app), seconds=DEADLINE)


HOLDING_LEDE = """
import sys
from pathlib import Path

from library.writer import name_holder, writing

name_holder("lede index")
with writing(Path(sys.argv[1])):
    print("held", flush=True)
    sys.stdin.read()
"""


async def test_r_while_a_watcher_waits_for_a_lede_index_says_whom_it_waits_for(
    tmp_path: Path,
) -> None:
    """A file saved while ``lede index`` ran in another terminal: the watcher's refresh
    waited for it, and ``r`` then waited behind the watcher with no "waiting for" line,
    the subtitle empty, as if the reader had ignored the key."""
    corpus = tmp_path / "corpus"
    write_document(corpus, "a.md", 'title: "Alpha"')
    app = LedeApp([str(corpus)])
    async with app.run_test(size=(160, 45)) as pilot:
        await indexed(pilot, DEADLINE)
        assert app.session is not None
        other = subprocess.Popen(
            [sys.executable, "-c", HOLDING_LEDE, str(app.session.index.db_path)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        try:
            assert other.stdout is not None and other.stdout.readline() == "held\n"
            write_document(corpus, "b.md", 'title: "Beta"')
            await pilot.pause(1.5)  # the watcher sees it and waits for the other lede
            await pilot.press("r")
            said = f"waiting for lede index (pid {other.pid}) indexing this corpus…"
            await until(pilot, lambda: app.sub_title == said, seconds=3)
            shown = f"Waiting for lede index (pid {other.pid}) indexing this corpus…"
            await until(pilot, lambda: shown in notifications(app), "the notice", 3)
        finally:
            other.communicate("", timeout=DEADLINE)
        await indexed(pilot, DEADLINE)
        await until(pilot, lambda: "Beta" in titles(app), seconds=DEADLINE)
        await until(pilot, lambda: app.sub_title == "", seconds=DEADLINE)


@contextmanager
def _behind_a_lede_index(tmp_path: Path) -> Iterator[tuple[Path, subprocess.Popen[str]]]:
    """A corpus indexed, a file new since, and a ``lede index`` of it holding the index
    (it lets go once told, and at the end): the corpus and that program."""
    corpus = tmp_path / "corpus"
    write_document(corpus, "a.md", 'title: "Alpha"')
    index = open_index([str(corpus)], None)
    index.refresh()
    index.close()
    write_document(corpus, "b.md", 'title: "Beta"')
    other = subprocess.Popen(
        [sys.executable, "-c", HOLDING_LEDE, str(index.db_path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert other.stdout is not None and other.stdout.readline() == "held\n"
        yield corpus, other
    finally:
        if other.poll() is None:
            other.communicate("", timeout=DEADLINE)


async def test_r_in_a_reader_started_behind_a_lede_index_says_whom_it_waits_for(
    tmp_path: Path,
) -> None:
    """The reader's first refresh, waiting for ``lede index``, had set the subtitle: the
    refresh ``r`` started in its place found it set, and said nothing on the screen."""
    with _behind_a_lede_index(tmp_path) as (corpus, other):
        app = LedeApp([str(corpus)])
        async with app.run_test(size=(160, 45)) as pilot:
            said = f"waiting for lede index (pid {other.pid}) indexing this corpus…"
            await until(pilot, lambda: app.sub_title == said, seconds=DEADLINE)
            await pilot.press("r")
            shown = f"Waiting for lede index (pid {other.pid}) indexing this corpus…"
            await until(pilot, lambda: shown in notifications(app), "the notice", 3)
            other.communicate("", timeout=DEADLINE)
            await indexed(pilot, DEADLINE)
            await until(pilot, lambda: "Beta" in titles(app), seconds=DEADLINE)


def _first_line(descriptor: int) -> str:
    """The first line written to a pseudo-terminal (within ``DEADLINE`` seconds)."""
    read = b""
    deadline = time.monotonic() + DEADLINE
    waiter = select.poll()  # not select(): a test run holds descriptors past its 1024
    waiter.register(descriptor, select.POLLIN)
    while b"\n" not in read and time.monotonic() < deadline:
        if waiter.poll(100):
            try:
                read += os.read(descriptor, 1024)
            except OSError:  # the other end closed
                break
    return read.decode("utf-8", "replace").split("\n")[0].rstrip("\r")


async def test_a_reader_started_behind_a_lede_index_says_so_on_screen_until_it_ends(
    tmp_path: Path,
) -> None:
    """The reader has no title bar: a reader started while ``lede index`` stored a large
    corpus said whom it waited for in its subtitle only, and showed a part of the articles
    for as long as that took (15 s on 20,000 files) with no word of why. The line above
    the list says it, even on 80 columns, and stops saying it once the wait is over."""
    with _behind_a_lede_index(tmp_path) as (corpus, other):
        app = LedeApp([str(corpus)])
        async with app.run_test(size=(80, 24)) as pilot:
            said = f"waiting for lede index (pid {other.pid}) indexing this corpus…"
            await until(pilot, lambda: said in status(app), "the status line", DEADLINE)
            other.communicate("", timeout=DEADLINE)
            await indexed(pilot, DEADLINE)
            await until(pilot, lambda: "Beta" in titles(app), seconds=DEADLINE)
            assert "waiting" not in status(app)
