"""The settings a document's reading looks up beside it (a vault's daily notes, a Logseq
graph's configuration, a blog's authors) are read as a regular file or not at all: a file
replaced by a FIFO after it was found to be a file was opened, and the index's worker
waited for a writer forever."""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from models.blog_authors import with_names
from models.daily_notes import daily_note_day
from models.logseq_journal import journal
from tests.fifo_calls import without_waiting

CASES: dict[str, tuple[str, Callable[[Path], Any], Any]] = {
    "obsidian": (
        ".obsidian/daily-notes.json",
        lambda root: daily_note_day(str(root / "2024-01-15.md")),
        date(2024, 1, 15),  # no settings read: named in Obsidian's own format
    ),
    "logseq": ("logseq/config.edn", lambda root: journal(str(root / "journals" / "x.md")), None),
    "authors": ("authors.yml", lambda root: with_names(["ada"], str(root / "a.md")), ["ada"]),
}


@pytest.mark.parametrize("case", CASES)
def test_settings_replaced_by_a_fifo_once_found_a_file_are_not_waited_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, case: str
) -> None:
    name, call, expected = CASES[case]
    fifo = tmp_path / name
    fifo.parent.mkdir(parents=True, exist_ok=True)
    os.mkfifo(fifo)
    regular = os.path.isfile
    # A regular file when asked, a FIFO by the time it is opened.
    monkeypatch.setattr(os.path, "isfile", lambda path: path == str(fifo) or regular(path))
    assert without_waiting(fifo, lambda: call(tmp_path), seconds=5) == expected
