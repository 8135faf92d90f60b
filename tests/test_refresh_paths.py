"""A refresh told which paths changed looks at those alone, keeps when each file was first
seen, and counts the articles it added, changed and removed."""

from __future__ import annotations

import os
from pathlib import Path

from library.corpus import open_index, open_state
from library.indexer import ArticleChanges
from library.state import StateStore
from tests.git_corpus import article


def seen(index, name: str) -> float:
    row = index.db.execute(
        "SELECT first_seen FROM articles WHERE path LIKE ?", (f"%/{name}",)
    ).fetchone()
    return row[0]


def test_only_the_paths_named_are_looked_at(tmp_path: Path) -> None:
    root = tmp_path / "corpus"
    article(root, "a.md", "A")
    article(root, "b.md", "B")
    index = open_index([str(root)], open_state())
    index.refresh()
    article(root, "new.md", "New")
    article(root, "unnamed.md", "Not named")  # changed too, but nobody said so
    article(root, ".hidden.md", "Hidden")
    article(root, "a.md", "A again")
    os.utime(root / "a.md", ns=(1, 1))  # surely another mtime
    (root / "b.md").unlink()

    report = index.refresh_paths(
        [str(root / name) for name in ("new.md", ".hidden.md", "a.md", "b.md")]
        + [str(tmp_path / "elsewhere.md")]
    )
    assert report.articles == ArticleChanges(added=1, changed=1, removed=1)
    assert sorted(row.title for row in index.search("")) == ["A again", "New"]
    assert index.refresh_paths([str(root / "new.md")]).parsed == 0  # unchanged: not parsed
    assert index.refresh().parsed == 1  # the unnamed file was left for a full refresh


def test_first_seen_is_kept_while_a_file_changes_and_forgotten_when_it_goes(
    tmp_path: Path,
) -> None:
    root = tmp_path / "corpus"
    old = article(root, "old.md", "Old")
    os.utime(old, (1_000_000, 1_000_000))
    index = open_index([str(root)], open_state())
    index.refresh()
    assert seen(index, "old.md") == 1_000_000  # a cold index takes the file's time
    article(root, "old.md", "Old, edited")
    index.refresh_paths([str(old)])
    assert seen(index, "old.md") == 1_000_000
    old.unlink()
    index.refresh_paths([str(old)])
    article(root, "old.md", "Old, back again")
    index.refresh_paths([str(old)])
    assert seen(index, "old.md") > 1_000_000  # it entered the corpus again


def test_a_visit_is_new_since_the_previous_one_ended(tmp_path: Path) -> None:
    state = StateStore(tmp_path / "state.sqlite")
    first, previous = state.begin_session("corpus a")
    assert previous is None
    assert state.begin_session("corpus b")[1] is None  # another corpus, another history
    started = state.db.execute("SELECT started FROM sessions WHERE rowid = ?", (first,))
    assert state.begin_session("corpus a")[1] == started.fetchone()[0]  # never ended: killed
    last, _ = state.begin_session("corpus a")
    state.end_session(last)
    ended = state.db.execute("SELECT ended FROM sessions WHERE rowid = ?", (last,)).fetchone()
    assert state.begin_session("corpus a")[1] == ended[0]
