"""Moves kept beside the reading state: what sits at their file's name is never waited on."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from library.kept_moves import keep, kept_file, take
from tests.fifo_calls import without_waiting


def test_moves_kept_are_taken_in_their_order(tmp_path: Path) -> None:
    state = tmp_path / "state.sqlite"
    keep(state, [("a.md", "b.md")])
    keep(state, [("b.md", "c.md")])
    assert take(state)[1] == [("a.md", "b.md"), ("b.md", "c.md")]


def test_a_line_nested_past_what_its_parser_goes_is_passed_over(tmp_path: Path) -> None:
    """A hand-edited or hostile line ended the command that opened the reading state:
    "unexpected error: RecursionError", and the moves on the other lines were lost."""
    state = tmp_path / "state.sqlite"
    keep(state, [("a.md", "b.md")])
    with kept_file(state).open("a", encoding="utf-8") as file:
        file.write("[" * 100_000 + "]" * 100_000 + "\n")
    keep(state, [("b.md", "c.md")])
    assert take(state)[1] == [("a.md", "b.md"), ("b.md", "c.md")]


def test_a_fifo_where_moves_are_kept_is_named_not_waited_on(tmp_path: Path) -> None:
    """Opened to be written, the FIFO waited for a reader for ever."""
    state = tmp_path / "state.sqlite"
    fifo = kept_file(state)
    os.mkfifo(fifo)
    with pytest.raises(OSError) as failed:
        without_waiting(fifo, lambda: keep(state, [("a.md", "b.md")]))
    assert (failed.value.strerror, failed.value.filename) == (
        "a named pipe (FIFO), not a file",
        str(fifo),
    )


def test_a_folder_where_moves_are_kept_is_named(tmp_path: Path) -> None:
    state = tmp_path / "state.sqlite"
    kept_file(state).mkdir()
    with pytest.raises(OSError, match="a folder, not a file"):
        keep(state, [("a.md", "b.md")])
