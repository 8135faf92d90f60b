"""Moves kept beside the reading state: what sits at their file's name is never waited on."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from library.kept_moves import keep, kept_file, take


def test_moves_kept_are_taken_in_their_order(tmp_path: Path) -> None:
    state = tmp_path / "state.sqlite"
    keep(state, [("a.md", "b.md")])
    keep(state, [("b.md", "c.md")])
    assert take(state)[1] == [("a.md", "b.md"), ("b.md", "c.md")]


def test_a_fifo_where_moves_are_kept_is_named_not_waited_on(tmp_path: Path) -> None:
    """Opened to be written, the FIFO waited for a reader for ever."""
    state = tmp_path / "state.sqlite"
    fifo = kept_file(state)
    os.mkfifo(fifo)
    failed: list[OSError] = []

    def keeping() -> None:
        try:
            keep(state, [("a.md", "b.md")])
        except OSError as error:
            failed.append(error)

    kept = threading.Thread(target=keeping)
    kept.start()
    kept.join(5)
    stuck = kept.is_alive()
    if stuck:  # a reader that comes and goes sets it free
        os.close(os.open(fifo, os.O_RDONLY | os.O_NONBLOCK))
        kept.join()
    assert not stuck, "the FIFO was waited on"
    assert [(error.strerror, error.filename) for error in failed] == [
        ("a named pipe (FIFO), not a file", str(fifo))
    ]


def test_a_folder_where_moves_are_kept_is_named(tmp_path: Path) -> None:
    state = tmp_path / "state.sqlite"
    kept_file(state).mkdir()
    with pytest.raises(OSError, match="a folder, not a file"):
        keep(state, [("a.md", "b.md")])
