"""Something other than a file where the index, the reading state or the moves kept
beside it go: a named pipe, a link leading round in a loop or to nothing. Opening a FIFO
to read it waited for a writer forever, in a call Ctrl-C did not end (``lede list``
hung); SQLite said "disk I/O error" and "unable to open database file" of the others,
which sent users looking for a file. Each is now named in one line, like a folder
there, and never opened."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import LedeRunner

HANG = 30  # seconds after which a command that has not ended is taken as hung


def a_fifo(path: Path) -> str:
    os.mkfifo(path)
    return "a named pipe (FIFO), not a file"


def a_link_loop(path: Path) -> str:
    path.symlink_to(path.name)
    return "link cannot be followed: too many levels of symbolic links"


def a_link_to_nowhere(path: Path) -> str:
    gone = path.parent / "removed" / path.name  # no file can be made there
    path.symlink_to(gone)
    return f"a link to {gone}, which is not there"


@pytest.mark.parametrize("make", [a_fifo, a_link_loop, a_link_to_nowhere])
def test_what_is_no_file_at_the_state_is_named_and_the_list_goes_on(
    query_corpus: Path, run_lede: LedeRunner, make: Callable[[Path], str]
) -> None:
    from library.corpus import state_file

    state = state_file()
    state.parent.mkdir(parents=True)
    said = make(state)
    listed = run_lede("list", query_corpus, timeout=HANG)
    assert listed.returncode == 0 and listed.stdout
    warning = f"lede: warning: no reading state, so no is: queries ({said}: {state})\n"
    assert listed.stderr == warning
    asked = run_lede("list", query_corpus, "-q", "is:unread", timeout=HANG)
    assert asked.returncode == 1
    assert asked.stderr.splitlines()[-1].startswith("lede: bad query: is:unread needs the reading")


@pytest.mark.parametrize("make", [a_fifo, a_link_loop, a_link_to_nowhere])
@pytest.mark.parametrize("command", ["list", "index"])
def test_what_is_no_file_at_the_index_is_named(
    query_corpus: Path, run_lede: LedeRunner, make: Callable[[Path], str], command: str
) -> None:
    from library.paths import index_file

    index = index_file([str(query_corpus)])
    index.parent.mkdir(parents=True)
    said = make(index)
    ran = run_lede(command, query_corpus, timeout=HANG)
    assert (ran.returncode, ran.stdout, ran.stderr) == (1, "", f"lede: {said}: {index}\n")
    assert index.is_symlink() or index.is_fifo()  # left as it was


def test_a_fifo_where_moves_wait_for_the_state_is_not_waited_on(
    query_corpus: Path, run_lede: LedeRunner
) -> None:
    """Every command that opens the reading state read the moves kept beside it first."""
    from library.corpus import open_state
    from library.kept_moves import kept_file

    state = open_state()
    state.close()
    os.mkfifo(kept_file(state.path))
    listed = run_lede("list", query_corpus, timeout=HANG)
    assert (listed.returncode, listed.stderr) == (0, "")
    assert listed.stdout


def a_folder(path: Path) -> str:
    path.mkdir()
    return "a folder, not a file"


@pytest.mark.parametrize(("end", "make"), [("-wal", a_folder), ("-shm", a_fifo)])
def test_what_is_no_file_where_the_index_keeps_its_log_is_named(
    query_corpus: Path, run_lede: LedeRunner, end: str, make: Callable[[Path], str]
) -> None:
    """SQLite said "unable to open database file" or "disk I/O error" of the index, whose
    file was fine: the folder or FIFO beside it is named."""
    from library.paths import index_file

    assert run_lede("index", query_corpus).returncode == 0
    index = index_file([str(query_corpus)])
    beside = Path(f"{index}{end}")
    said = make(beside)
    ran = run_lede("list", query_corpus, timeout=HANG)
    assert (ran.returncode, ran.stdout, ran.stderr) == (1, "", f"lede: {said}: {beside}\n")


def test_a_folder_where_the_state_keeps_its_log_is_named_and_the_list_goes_on(
    query_corpus: Path, run_lede: LedeRunner
) -> None:
    from library.corpus import state_file

    assert run_lede("list", query_corpus).returncode == 0
    log = Path(f"{state_file()}-wal")
    log.mkdir()
    listed = run_lede("list", query_corpus, "-q", "is:unread", timeout=HANG)
    assert listed.returncode == 0 and listed.stdout
    assert listed.stderr == (
        "lede: warning: the reading state cannot be written, so it is read as it is"
        f" (a folder, not a file: {log})\n"
    )
