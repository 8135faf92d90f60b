"""Something other than a file where the index or the reading state goes: a named pipe,
a link leading round in a loop or to nothing. SQLite opening a FIFO to read it waited
for a writer forever, in a call Ctrl-C did not end (``lede list`` hung); it said "disk
I/O error" and "unable to open database file" of the others, which sent users looking
for a file. Each is now named in one line, like a folder there, and never opened."""

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
