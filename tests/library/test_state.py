"""Read and starred state: changes, undo, persistence, and durability under kill -9."""

from __future__ import annotations

import contextlib
import os
import re
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from library import state_writes
from library.corpus import open_state
from library.session import ReaderSession
from library.state import StateChange, StateStore
from library.state_writes import LOCKED, NotSaved, StateWrites


def test_set_reports_only_what_flipped_and_undo_reverts_it(state_store: StateStore) -> None:
    state_store.set("read", ["a"], True)
    change = state_store.set("read", ["a", "b", "c", "b"], True)
    assert change == StateChange("read", ("b", "c"), True)
    assert state_store.flagged("read") == {"a", "b", "c"}
    undone = state_store.undo(change)
    assert undone == StateChange("read", ("b", "c"), False)
    assert state_store.flagged("read") == {"a"}
    assert state_store.undo(undone) == change
    assert state_store.flagged("read") == {"a", "b", "c"}


def test_unsetting_and_flags_are_independent(state_store: StateStore) -> None:
    state_store.set("read", ["a", "b"], True)
    state_store.set("starred", ["b"], True)
    assert state_store.set("read", ["b", "missing"], False) == StateChange("read", ("b",), False)
    assert state_store.flagged("read") == {"a"}
    assert state_store.flagged("starred", ["a", "b", "z"]) == {"b"}


def test_flags_for_many_identities_at_once(state_store: StateStore) -> None:
    identities = [f"https://x.test/{i}" for i in range(2500)]  # more than one SQL chunk
    change = state_store.set("read", identities, True)
    assert len(change.identities) == 2500
    assert state_store.flagged("read", identities[::-1]) == set(identities)
    state_store.undo(change)
    assert state_store.flagged("read") == set()


def test_state_survives_reopening(tmp_path: Path) -> None:
    path = tmp_path / "nested" / "state.sqlite"
    store = StateStore(path)
    store.set("read", ["https://x.test/1", "/corpus/a.md"], True)
    store.set("starred", ["https://x.test/1"], True)
    store.save_query("vision", "topic:vision is:unread")
    store.close()
    reopened = StateStore(path)
    assert reopened.flagged("read") == {"https://x.test/1", "/corpus/a.md"}
    assert reopened.flagged("starred") == {"https://x.test/1"}
    assert reopened.saved_queries() == [("vision", "topic:vision is:unread")]
    reopened.delete_query("vision")
    assert reopened.saved_queries() == []
    reopened.close()


def test_two_stores_on_one_file_see_each_others_commits(tmp_path: Path) -> None:
    first, second = StateStore(tmp_path / "s.db"), StateStore(tmp_path / "s.db")
    first.set("read", ["a"], True)
    assert second.flagged("read", ["a"]) == {"a"}
    second.set("read", ["a"], False)
    assert first.flagged("read", ["a"]) == set()
    first.close()
    second.close()


MARKER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from library.state import StateStore

    store = StateStore(Path(sys.argv[1]))
    number = 0
    while True:
        identity = f"https://news.test/story-{number}"
        store.set("read", [identity], True)
        store.set("starred", [identity], number % 2 == 0)
        print(identity, flush=True)
        number += 1
    """
)


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_every_change_reported_saved_survives_kill_9(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite"
    child = subprocess.Popen(
        [sys.executable, "-c", MARKER, str(path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    printed: list[str] = []
    deadline = time.monotonic() + 20
    try:
        while len(printed) < 150 and time.monotonic() < deadline:
            line = child.stdout.readline()
            if not line:
                break
            printed.append(line.strip())
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=10)
        # Through the same buffered reader: ``communicate`` reads the pipe itself and
        # would drop the lines this reader had already taken in.
        rest, errors = child.stdout.read(), child.stderr.read()
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
        child.stdout.close()
        child.stderr.close()
    printed += [line for line in rest.splitlines() if line.strip()]
    assert child.returncode == -signal.SIGKILL, errors
    assert len(printed) >= 150, errors
    store = StateStore(path)
    read = store.flagged("read")
    starred = store.flagged("starred")
    store.close()
    assert set(printed) <= read
    assert {identity for number, identity in enumerate(printed) if number % 2 == 0} <= starred
    # At most the one change in flight when the kill came is beyond what was printed.
    assert len(read - set(printed)) <= 1


def test_the_reader_sees_flags_changed_here_and_by_another_process(query_corpus: Path) -> None:
    """The reader keeps the flags between keystrokes; any change must still show."""
    session = ReaderSession([str(query_corpus)])
    session.refresh()
    assert session.flags() == (set(), set())
    first, second = [row.identity for row in session.index.search("", limit=2)]
    session.state.set("read", [first], True)
    assert session.flags() == ({first}, set())
    elsewhere = open_state()  # another lede (a `lede list` in another terminal, say)
    elsewhere.set("starred", [second], True)
    elsewhere.set("read", [first], False)
    assert session.flags() == (set(), {second})
    elsewhere.close()


def test_only_marks_and_saved_searches_made_elsewhere_are_changes_to_show(
    query_corpus: Path,
) -> None:
    """A visit recorded (this reader's own, in its queue of writes, or another reader's
    starting) moved the state's version: the reader refilled its list and tree seconds
    after it opened, resetting the tree's cursor under the user's keys."""
    session = ReaderSession([str(query_corpus)])
    session.refresh()
    session.visit.recorded.result()  # this reader's own visit, written on its own thread
    assert not session.state_changed_elsewhere()
    elsewhere = open_state()  # another reader of the corpus, starting and ending
    elsewhere.end_session(elsewhere.begin_session("corpus")[0])
    assert not session.state_changed_elsewhere()
    first = next(row.identity for row in session.index.search("", limit=1))
    elsewhere.set("read", [first], True)
    assert session.state_changed_elsewhere()
    assert not session.state_changed_elsewhere()  # told once
    elsewhere.save_query("Faces", "facial")
    assert session.state_changed_elsewhere()
    elsewhere.delete_query("Faces")
    assert session.state_changed_elsewhere()
    elsewhere.close()
    session.close()


def test_a_full_disk_is_reported_as_itself_and_loses_nothing(state_store: StateStore) -> None:
    """SQLite rolls a failed write back itself: rolling back again raised "cannot rollback -
    no transaction is active", and hid why the change was not saved."""
    state_store.set("read", ["https://a.test/kept"], True)
    pages = state_store.db.execute("PRAGMA page_count").fetchone()[0]
    state_store.db.execute(f"PRAGMA max_page_count = {pages + 1}")  # the disk is full
    many = [f"https://a.test/{number}/{'x' * 200}" for number in range(2000)]
    with pytest.raises(sqlite3.OperationalError, match="^database or disk is full$"):
        state_store.set("read", many, True)
    assert state_store.flagged("read") == {"https://a.test/kept"}


@contextlib.contextmanager
def held_by_another_program(path: Path, *, for_good: bool = False) -> Iterator[None]:
    """A second process holding the state database's write lock (BEGIN EXCLUSIVE);
    ``for_good``, in SQLite's exclusive locking mode, which keeps readers out too."""
    mode = "db.execute('PRAGMA locking_mode=EXCLUSIVE'); " if for_good else ""
    write = "db.execute('CREATE TABLE held (n)'); " if for_good else ""  # takes the file
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sqlite3, sys; db = sqlite3.connect(sys.argv[1], isolation_level=None); "
            f"{mode}db.execute('BEGIN EXCLUSIVE'); {write}print('held', flush=True); "
            "sys.stdin.read()",
            str(path),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "held\n"
        yield
    finally:
        holder.communicate("", timeout=10)


def test_a_write_locked_out_by_another_program_fails_with_a_message(
    state_store: StateStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(state_writes, "LOCK_WAIT", 0.5)
    writes = StateWrites(state_store.path)
    with held_by_another_program(state_store.path):
        locked = writes.submit(lambda store: store.set("read", ["https://a.test/1"], True))
        with pytest.raises(NotSaved, match=f"^{LOCKED}$"):
            locked.result(timeout=10)
    after = writes.submit(lambda store: store.set("read", ["https://a.test/1"], True))
    assert after.result(timeout=10).identities == ("https://a.test/1",)
    writes.close()
    assert state_store.flagged("read") == {"https://a.test/1"}


def test_a_write_to_a_state_held_for_good_fails_with_a_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Its connection, opened on the first write, could not be: the error was no NotSaved."""
    monkeypatch.setattr(state_writes, "LOCK_WAIT", 0.5)
    path = tmp_path / "state.sqlite"
    StateStore(path).close()
    writes = StateWrites(path)
    with held_by_another_program(path, for_good=True):
        locked = writes.submit(lambda store: store.set("read", ["https://a.test/1"], True))
        said = f"reading state not saved: locked by another program: {path}"
        with pytest.raises(NotSaved, match=f"^{re.escape(said)}$"):
            locked.result(timeout=10)
    writes.close()


def test_a_write_on_a_full_disk_says_so_in_one_line(state_store: StateStore) -> None:
    writes = StateWrites(state_store.path)

    def fill(store: StateStore) -> StateChange:
        pages = store.db.execute("PRAGMA page_count").fetchone()[0]
        store.db.execute(f"PRAGMA max_page_count = {pages + 1}")
        return store.set("read", [f"https://a.test/{n}/{'x' * 200}" for n in range(2000)], True)

    with pytest.raises(NotSaved, match="^reading state not saved: database or disk is full$"):
        writes.submit(fill).result(timeout=10)
    writes.close()


@pytest.mark.parametrize("left", ["nothing", "its log", "an attached empty file"])
def test_a_removed_state_is_written_again_whole_by_the_next_write(
    tmp_path: Path, left: str
) -> None:
    """Marks made after the file was removed went to a file no one would open again."""
    path = tmp_path / "state.sqlite"
    writes = StateWrites(path)
    writes.submit(lambda store: store.set("starred", ["https://a.test/1"], True)).result()
    os.unlink(path)
    if left == "nothing":
        for suffix in ("-wal", "-shm"):
            os.unlink(f"{path}{suffix}")
    elif left == "an attached empty file":  # as the index's next connection leaves it
        sqlite3.connect(":memory:").execute("ATTACH DATABASE ? AS state", (str(path),))
        assert path.stat().st_size == 0
    writes.submit(lambda store: store.set("read", ["https://a.test/2"], True)).result()
    writes.close()
    again = StateStore(path)
    assert again.flagged("starred") == {"https://a.test/1"}
    assert again.flagged("read") == {"https://a.test/2"}
    again.close()


def test_a_replaced_state_is_the_one_written(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite"
    writes = StateWrites(path)
    writes.submit(lambda store: store.set("starred", ["https://a.test/1"], True)).result()
    brought = StateStore(tmp_path / "brought.sqlite")  # another machine's, synced in
    brought.set("starred", ["https://a.test/3"], True)
    brought.close()
    os.replace(tmp_path / "brought.sqlite", path)
    writes.submit(lambda store: store.set("read", ["https://a.test/2"], True)).result()
    writes.close()
    again = StateStore(path)
    assert again.flagged("starred") == {"https://a.test/3"}
    assert again.flagged("read") == {"https://a.test/2"}
    again.close()


def test_a_state_a_later_lede_gave_a_column_more_saves_queries_and_moves(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite"
    StateStore(path).close()
    with contextlib.closing(sqlite3.connect(path)) as db:
        for table in ("read", "starred", "saved_queries"):
            db.execute(f"ALTER TABLE {table} ADD COLUMN device TEXT")
        db.commit()
    store = StateStore(path)
    store.set("read", ["/corpus/old.md"], True)
    store.save_query("vision", "topic:vision")
    store.carry([("/corpus/old.md", "/corpus/new.md")])
    assert store.saved_queries() == [("vision", "topic:vision")]
    assert store.flagged("read") == {"/corpus/new.md"}
    store.close()
