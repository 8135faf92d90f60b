"""A damaged index is a cache: rebuilt, and said so in one line. A damaged reading state
is the user's: the command line leaves it as it is and names it, with what to do; the
reader, which needs one, sets it aside whole and starts a new one with what it could read
of it."""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from library import paths
from library.corpus import open_state
from library.damage import REBUILT
from library.index import CorpusIndex
from tests.conftest import QUERY_DOCS, LedeRunner
from tests.tui.pilot import indexed, notifications, titles, until
from tui.app import LedeApp
from tui.widgets.article_list import ArticleList

GARBAGE = bytes(range(256)) * 64


def half(path: Path) -> None:
    """Cut a file to half its size, as a copy or a disk that gave up midway."""
    os.truncate(path, path.stat().st_size // 2)


def garbage(path: Path) -> None:
    path.write_bytes(GARBAGE)


def files_table(path: Path) -> None:
    """Overwrite the table of indexed files, leaving the header and schema readable: the
    index opens, and fails only once the refresh reads it."""
    with contextlib.closing(sqlite3.connect(path)) as db:
        page_size = db.execute("PRAGMA page_size").fetchone()[0]
        [root] = db.execute("SELECT rootpage FROM sqlite_master WHERE name = 'files'").fetchone()
    with path.open("r+b") as handle:
        handle.seek((root - 1) * page_size)
        handle.write(GARBAGE[:page_size])


DAMAGE: dict[str, Callable[[Path], None]] = {
    "half": half,
    "garbage": garbage,
    "files table": files_table,
}


def damaged_index(corpus: Path, run_lede: LedeRunner, damage: Callable[[Path], None]) -> Path:
    """The corpus indexed by the real ``lede index``, then its index damaged."""
    assert run_lede("index", corpus).returncode == 0
    database = paths.index_file([str(corpus)])
    damage(database)
    return database


@pytest.mark.parametrize("damage", DAMAGE)
def test_a_damaged_index_is_rebuilt_and_said_so(
    damage: str, query_corpus: Path, run_lede: LedeRunner
) -> None:
    damaged_index(query_corpus, run_lede, DAMAGE[damage])
    listed = run_lede("list", query_corpus)
    assert listed.returncode == 0, listed.stderr
    assert listed.stderr == f"lede: {REBUILT}\n"
    assert len(listed.stdout.splitlines()) == len(QUERY_DOCS)
    again = run_lede("list", query_corpus)
    assert (again.returncode, again.stderr) == (0, "")  # healed for good
    DAMAGE[damage](paths.index_file([str(query_corpus)]))
    indexed = run_lede("index", query_corpus)
    assert indexed.returncode == 0, indexed.stderr
    assert indexed.stderr == f"lede: {REBUILT}\n"
    assert indexed.stdout.startswith(f"indexed {len(QUERY_DOCS)} articles")


def full_text(path: Path) -> None:
    """Overwrite the full-text index's words: opening and refreshing never read them, only a
    query for a word does."""
    with contextlib.closing(sqlite3.connect(path)) as db:
        page_size = db.execute("PRAGMA page_size").fetchone()[0]
        [root] = db.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = 'article_text_data'"
        ).fetchone()
    with path.open("r+b") as handle:
        handle.seek((root - 1) * page_size)
        handle.write(GARBAGE[:page_size])


@pytest.mark.parametrize("command", [("list", "-q", "gemini"), ("stats", "-q", "gemini")])
def test_an_index_found_damaged_by_a_query_is_rebuilt_and_the_query_answered(
    command: tuple[str, ...], query_corpus: Path, run_lede: LedeRunner
) -> None:
    damaged_index(query_corpus, run_lede, full_text)
    plain = run_lede("list", query_corpus)
    assert (plain.returncode, plain.stderr) == (0, "")  # nothing read the damage yet
    done = run_lede(*command, query_corpus)
    assert done.returncode == 0, done.stderr
    assert done.stderr == f"lede: {REBUILT}\n"
    assert "Gemini" in done.stdout or done.stdout.startswith("1 article")
    again = run_lede(*command, query_corpus)
    assert (again.returncode, again.stderr, again.stdout) == (0, "", done.stdout)


@pytest.mark.parametrize("damage", DAMAGE)
async def test_the_reader_rebuilds_a_damaged_index_and_says_so(
    damage: str, query_corpus: Path, run_lede: LedeRunner
) -> None:
    from tests.tui.pilot import notifications, until
    from tui.widgets.article_list import ArticleList

    damaged_index(query_corpus, run_lede, DAMAGE[damage])
    app = LedeApp([str(query_corpus)])
    async with app.run_test(size=(160, 45)) as pilot:
        await until(pilot, lambda: bool(app.screen.query(ArticleList)))
        articles = app.screen.query_one(ArticleList)
        await until(pilot, lambda: REBUILT in notifications(app))
        await until(pilot, lambda: articles.count == len(QUERY_DOCS))


async def test_the_reader_rebuilds_an_index_a_filter_finds_damaged(
    query_corpus: Path, run_lede: LedeRunner
) -> None:
    """The first word typed reads the damage: the reader ended with a traceback."""
    from tests.tui.pilot import indexed, notifications, titles, until

    damaged_index(query_corpus, run_lede, full_text)
    app = LedeApp([str(query_corpus)])
    async with app.run_test(size=(160, 45)) as pilot:
        await indexed(pilot)
        assert REBUILT not in notifications(app)  # nothing read the damage yet
        await pilot.press("slash", *"gemini")
        await until(pilot, lambda: REBUILT in notifications(app), "the rebuild said")
        await until(pilot, lambda: titles(app) == ["Google unveils Gemini"], "the match")
    assert app.return_code in (None, 0)


def test_a_damaged_index_of_another_version_is_rebuilt(query_corpus: Path, tmp_path: Path) -> None:
    """Its tables are dropped for the new ones, and dropping reads the damage."""
    database = tmp_path / "index.db"
    first = CorpusIndex([str(query_corpus)], database)
    first.refresh()
    first.close()  # its pages written back from the log, where the damage reaches them
    with contextlib.closing(sqlite3.connect(database)) as db:
        db.execute("PRAGMA user_version = 1")
    files_table(database)
    index = CorpusIndex([str(query_corpus)], database)
    assert index.rebuilt
    index.refresh()
    assert len(index.search("")) == len(QUERY_DOCS)


def damaged_state() -> Path:
    state = open_state()
    state.set("read", ["https://example.test/tensorflow-3"], True)
    state.close()
    garbage(state.path)
    return state.path


def test_a_damaged_state_is_named_left_alone_and_the_list_still_works(
    query_corpus: Path, run_lede: LedeRunner
) -> None:
    path = damaged_state()
    listed = run_lede("list", query_corpus)
    assert listed.returncode == 0
    assert len(listed.stdout.splitlines()) == len(QUERY_DOCS)
    [line] = listed.stderr.splitlines()
    assert str(path) in line and "damaged" in line and "move it aside" in line
    unread = run_lede("list", "-q", "is:unread", query_corpus)
    assert unread.returncode == 1
    assert "needs the reading state" in unread.stderr
    assert path.read_bytes() == GARBAGE
    assert sorted(os.listdir(path.parent)) == [path.name]  # no journal left beside it


async def test_the_reader_sets_a_damaged_state_aside_and_opens(query_corpus: Path) -> None:
    """It ended at once with a line asking for the file to be moved by hand."""
    path = damaged_state()
    app = LedeApp([str(query_corpus)])
    async with app.run_test(size=(160, 45)) as pilot:
        await indexed(pilot)
        assert app.is_running and len(titles(app)) == len(QUERY_DOCS)
        [said] = [line for line in notifications(app) if "damaged" in line]
        aside = path.with_name("state.sqlite.damaged")
        assert str(aside) in said and "nothing was readable" in said
        await pilot.press("m")  # the new state takes marks
        articles = app.screen.query_one(ArticleList)
        await until(pilot, lambda: len(articles.read) == 1, "the mark")
    assert aside.read_bytes() == GARBAGE  # kept whole, for whoever wants to look into it
    assert len(open_state().flagged("read")) == 1


def anothers_state() -> Path:
    """Another program's SQLite database where the reading state goes."""
    path = paths.data_dir() / "state.sqlite"
    path.parent.mkdir(parents=True, exist_ok=True)
    with contextlib.closing(sqlite3.connect(path)) as db:
        db.execute("CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)")
        db.execute("INSERT INTO moz_places (url) VALUES ('https://example.test/')")
        db.commit()
    return path


def test_another_programs_database_is_no_reading_state_and_is_left_as_it_is(
    query_corpus: Path, run_lede: LedeRunner
) -> None:
    """It was taken for one: its journal made a write-ahead log, and lede's tables written
    in beside its own."""
    path = anothers_state()
    before = path.read_bytes()
    listed = run_lede("list", query_corpus)
    assert (listed.returncode, len(listed.stdout.splitlines())) == (0, len(QUERY_DOCS))
    [line] = listed.stderr.splitlines()
    assert str(path) in line and "another program's database (its tables: moz_places)" in line
    assert path.read_bytes() == before
    assert sorted(os.listdir(path.parent)) == [path.name]


async def test_the_reader_sets_another_programs_database_aside_and_opens(
    query_corpus: Path,
) -> None:
    path = anothers_state()
    before = path.read_bytes()
    app = LedeApp([str(query_corpus)])
    async with app.run_test(size=(160, 45)) as pilot:
        await indexed(pilot)
        assert len(titles(app)) == len(QUERY_DOCS)
        [said] = [line for line in notifications(app) if "another program's" in line]
        assert str(path.with_name("state.sqlite.damaged")) in said
    assert path.with_name("state.sqlite.damaged").read_bytes() == before
    assert open_state().flagged("read") == set()


async def test_the_marks_a_state_cut_short_still_holds_are_read_back(query_corpus: Path) -> None:
    """A file cut in half (a copy or a disk that gave up midway) still holds the pages
    of its first half: the marks on them are kept, the rest are lost with the file."""
    state = open_state()
    marked = [f"https://example.test/read-{number}" for number in range(3000)]
    state.set("read", marked, True)
    state.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    state.close()
    half(state.path)
    app = LedeApp([str(query_corpus)])
    async with app.run_test(size=(160, 45)) as pilot:
        await indexed(pilot)
        [said] = [line for line in notifications(app) if "damaged" in line]
    kept = open_state().flagged("read")
    assert 0 < len(kept) < len(marked) and kept <= set(marked)
    assert f"{len(kept):,} marks and saved searches were read back" in said
