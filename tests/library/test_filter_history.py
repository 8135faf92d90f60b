"""The filters the reader used, kept in the reading state: the latest, bounded."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from library import filter_history
from library.state import StateStore


def test_a_filter_used_again_is_kept_once_as_the_latest(tmp_path: Path) -> None:
    store = StateStore(tmp_path / "state.sqlite")
    assert store.filter_history() == []  # none kept yet: no table either
    for query in ("facial", "is:unread", "facial"):
        store.remember_filter(query)
    assert store.filter_history() == ["is:unread", "facial"]


def test_only_the_latest_are_kept(tmp_path: Path) -> None:
    store = StateStore(tmp_path / "state.sqlite")
    used = [f"word{number}" for number in range(filter_history.KEPT + 5)]
    for query in used:
        store.remember_filter(query)
    assert store.filter_history() == used[-filter_history.KEPT :]
    rows = sqlite3.connect(store.path).execute("SELECT count(*) FROM filter_history").fetchone()
    assert rows == (filter_history.KEPT,)  # the file does not grow with every filter
