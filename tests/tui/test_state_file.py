"""The reading state's file removed or replaced while the reader runs. SQLite went on
writing to the removed file, which no one would open again: every mark made after
it was lost, and the reader ended leaving no state at all. Removed, it is created
again with the reader's marks and those made since; replaced (a sync tool bringing
another copy), the reader shows and writes the new one."""

from __future__ import annotations

import contextlib
import os
import sqlite3
from pathlib import Path

import pytest

from library.state import StateStore
from tests.tui.pilot import indexed, notifications, settled, until
from tests.tui.test_workers import quiet_list
from tui.app import LedeApp
from tui.widgets.article_list import ArticleList


def saved(path: Path, flag: str) -> set[str]:
    """The identities with ``flag`` in the state file at ``path``, as another lede reads them."""
    store = StateStore(path)
    try:
        return store.flagged("read" if flag == "read" else "starred")
    finally:
        store.close()


@pytest.mark.parametrize("removed", [("",), ("", "-wal", "-shm")], ids=["file", "with-log"])
async def test_a_state_file_removed_while_reading_is_made_again_with_every_mark(
    reader_corpus: Path, removed: tuple[str, ...]
) -> None:
    app = LedeApp([str(reader_corpus)])
    async with app.run_test(size=(160, 45)) as pilot:
        articles = await quiet_list(pilot)
        articles.focus()
        path = app.session.state.path
        first = articles.current
        assert first is not None
        await pilot.press("s")
        await until(pilot, lambda: saved(path, "starred") == {first.identity})
        for suffix in removed:
            os.unlink(f"{path}{suffix}")
        await pilot.press("j", "m")
        second = articles.current
        assert second is not None and second.identity != first.identity
        await until(pilot, lambda: path.exists() and saved(path, "read") == {second.identity})
        assert saved(path, "starred") == {first.identity}  # what it held before, kept
        await settled(pilot)
    assert saved(path, "read") == {second.identity}
    assert saved(path, "starred") == {first.identity}


async def test_a_state_file_replaced_while_reading_is_the_one_shown_and_written(
    reader_corpus: Path, tmp_path: Path
) -> None:
    app = LedeApp([str(reader_corpus)])
    async with app.run_test(size=(160, 45)) as pilot:
        articles = await quiet_list(pilot)
        articles.focus()
        path = app.session.state.path
        first = articles.current
        assert first is not None and articles.results is not None
        await pilot.press("s")
        await until(pilot, lambda: saved(path, "starred") == {first.identity})
        third = list(articles.results)[2].identity
        other = StateStore(tmp_path / "brought.sqlite")  # another machine's copy
        other.set("starred", [third], True)
        other.close()
        os.replace(tmp_path / "brought.sqlite", path)  # as a sync tool puts it in place
        await until(pilot, lambda: articles.starred == {third}, seconds=10)
        await pilot.press("j", "m")
        second = articles.current
        assert second is not None
        await until(pilot, lambda: saved(path, "read") == {second.identity})
        await settled(pilot)
    assert saved(path, "starred") == {third}
    assert saved(path, "read") == {second.identity}


def test_a_fifo_at_the_state_s_path_is_named_and_the_reader_opens(start) -> None:
    """Opening it waited for a writer forever: a blank screen that Ctrl-C did not end."""
    from library.corpus import state_file

    state = state_file()
    state.parent.mkdir(parents=True)
    os.mkfifo(state)
    terminal = start()
    terminal.wait_for("Hangzhou may ban")
    terminal.wait_for("The reading state cannot be written (a named pipe")
    terminal.press("q")
    assert terminal.close() == 0
    assert state.is_fifo()  # left as it was


def given_a_column_more(path: Path) -> None:
    """Give each table of the state at ``path`` a column more, as a later lede may."""
    StateStore(path).close()
    with contextlib.closing(sqlite3.connect(path)) as db:
        for table in ("read", "starred", "saved_queries", "sessions"):
            db.execute(f"ALTER TABLE {table} ADD COLUMN device TEXT")
        db.commit()


async def test_a_state_a_later_lede_gave_a_column_more_takes_marks(reader_corpus: Path) -> None:
    """Every mark and visit was refused: "table read has 3 columns but 2 values"."""
    from library.corpus import state_file

    given_a_column_more(state_file())
    app = LedeApp([str(reader_corpus)])
    async with app.run_test(size=(160, 45)) as pilot:
        await indexed(pilot)
        articles = app.screen.query_one(ArticleList)
        first = articles.current
        await pilot.press("m", "s")
        await until(pilot, lambda: first.identity in articles.starred)
        assert first.identity in articles.read
        assert not [said for said in notifications(app) if "not saved" in said]
    assert saved(state_file(), "read") == saved(state_file(), "starred") == {first.identity}
    with contextlib.closing(sqlite3.connect(state_file())) as db:
        assert db.execute("SELECT count(*) FROM sessions WHERE ended > started").fetchone() == (1,)
