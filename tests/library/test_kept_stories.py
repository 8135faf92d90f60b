"""The reader's story map follows refreshes without making them wait for a load."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import numpy

from library import targeted
from library.corpus import open_index, open_state
from library.kept_stories import KeptStories
from library.synthetic import generate
from tests.git_corpus import article

WAIT = 10.0  # seconds: far beyond any real wait; a call that blocks never returns sooner


def test_a_change_during_a_load_returns_at_once_and_the_load_applies_it(tmp_path: Path) -> None:
    root = tmp_path / "site"
    generate(root, 40, seed=3, plain=True)
    index = open_index([str(root)], open_state())
    index.refresh()
    before = sqlite3.connect(index.db_path, check_same_thread=False)  # the index as it was
    before.execute("BEGIN")
    before.execute("SELECT count(*) FROM articles").fetchone()
    release, reading = threading.Event(), threading.Event()
    connections = iter([before])

    def db() -> sqlite3.Connection:
        held = next(connections, None)
        if held is None:
            return index.db
        reading.set()
        assert release.wait(WAIT)
        return held

    kept = KeptStories(db)
    loading = threading.Thread(target=kept.load)
    loading.start()
    assert reading.wait(WAIT)
    report = targeted.refresh_paths(
        index.roots, index.db_path, [str(article(root, "new.md", "Arrived during the load"))]
    )
    assert report.listed is not None and len(report.listed.entered) == 1
    following = threading.Thread(target=kept.changed, args=(report.listed,))
    following.start()
    following.join(WAIT)
    assert not following.is_alive(), "the change waited for the load"
    release.set()
    loading.join(WAIT)
    assert kept.map is not None
    (new,) = report.listed.entered
    assert kept.map.covers(numpy.array([new]))
    assert before.execute("SELECT count(*) FROM articles").fetchone()[0] == 40  # as it was


def test_a_change_before_the_first_load_is_left_to_it(tmp_path: Path) -> None:
    root = tmp_path / "site"
    generate(root, 20, seed=4, plain=True)
    index = open_index([str(root)], open_state())
    index.refresh()
    kept = KeptStories(lambda: index.db)
    report = targeted.refresh_paths(
        index.roots, index.db_path, [str(article(root, "new.md", "Arrived first"))]
    )
    assert report.listed is not None
    kept.changed(report.listed)
    assert kept.map is None
    kept.load()
    assert kept.map is not None
    assert kept.map.covers(numpy.array(sorted(report.listed.entered)))
