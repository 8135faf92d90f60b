"""A refresh told which paths changed (what a file watcher reports), and the work it
keeps proportional to them.

Each path is looked at (``changed_paths``), parsed if it changed and forgotten if it is
gone, without walking the rest of the corpus. What depends on other articles is then
brought up to date for the changed articles alone (``upkeep``, as a warm start does
for a few changed files): the duplicates among their identities, the topic closure of
those that left or entered the list (unless a topic came or went), the stored listing
(a place found for each; see ``listing``), and the stories of the new news
(``story_index.place_new``: compared with stored articles near them in time). The
reader runs this in a worker process (``KeptWorker``), so none of it holds the
interpreter lock of the process a person types into; that process parses too, on one
core, leaving the other to the reader (a first index takes every core).
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Iterable
from importlib import import_module
from pathlib import Path

from library import scan_problems
from library.changed_paths import look_at
from library.db import connect, select_in
from library.file_rows import drop_files, forget, keep_first_seen, note_departures, store
from library.listing import newest_ids
from library.parallel import map_batches
from library.renames import carry_first_seen, known_by_path
from library.reports import ArticleChanges, RefreshReport
from library.site_settings_files import forget_settings
from library.story_index import place_new
from library.upkeep import keep_up, note
from library.word_sets import keep

RECENT = 1000  # files looked at before a warm start's walk: of each kind in recent_paths


def prepare() -> None:
    """Import the parser, which a worker would otherwise import for its first file."""
    import_module("library.summaries")


def refresh_paths(roots: list[str], db_path: Path, paths: Iterable[str]) -> RefreshReport:
    """Bring the index at ``db_path`` up to date with just ``paths`` (files or folders)."""
    started = time.perf_counter()
    paths = list(paths)  # looked at twice when something changed
    db = connect(db_path)
    try:
        found = look_at(db, roots, paths)
        if found.changed or found.gone or found.settings:
            # Another reader of the corpus saw the same files and may be storing them: the
            # write lock first, then the files looked at again against what is stored by
            # then. Looked at once, both stored every file, and the second failed on
            # "UNIQUE constraint failed: articles.path", showing none of them.
            db.execute("BEGIN IMMEDIATE")
            found = look_at(db, roots, paths)
        touched = [item.path for item in found.changed] + found.gone
        before = _article_paths(db, touched)
        departing = known_by_path(db, found.gone)
        renamed: list[tuple[str, str]] = []
        parsed = 0
        listed = None
        tree_kept = True
        if found.changed or found.gone or found.settings:
            # One transaction: the reader goes on seeing the index as it was, its stored
            # listing included, until all of this is in.
            with db:
                noted = note(db, touched, found.gone + found.stored)
                note_departures(db, found.gone)
                for path in found.gone + found.stored:
                    forget(db, path)
                drop_files(db, found.gone)
                forget_settings(db, found.settings)
                parsing = map_batches("library.summaries:index_many", found.changed, pooled=False)
                for batch in parsing:
                    store(db, batch, time.time())
                    parsed += len(batch)
                new = [item.path for item in found.changed if item.path not in before]
                renamed = carry_first_seen(db, departing, known_by_path(db, new))
                keep_first_seen(db)
                listed, tree_kept = keep_up(db, noted)
            if parsed:  # the new news joins or starts its story, as in a full refresh
                with db:
                    place_new(db)
                with db:
                    keep(db)
        elif db.in_transaction:
            db.commit()  # stored by the other reader meanwhile: nothing left to do here
        scan_problems.keep_of(db, paths, found.unusable)
        after = _article_paths(db, touched)
        scanned = db.execute("SELECT count(*) FROM files").fetchone()[0]
    finally:
        db.close()
    arrived = {after[path] for path in after.keys() - before.keys()}
    moved = sum(before[path] in arrived for path in before.keys() - after.keys()) + len(renamed)
    changes = ArticleChanges(
        len(after.keys() - before.keys()) - moved,
        len(after.keys() & before.keys()),
        len(before.keys() - after.keys()) - moved,
        moved,
    )
    return RefreshReport(
        scanned,
        parsed,
        len(found.gone),
        time.perf_counter() - started,
        articles=changes,
        listed=listed,
        topics_changed=not tree_kept,
        renamed=tuple(renamed),
        unreadable=tuple(skipped.as_problem() for skipped in found.unusable),
    )


def recent_paths(db: sqlite3.Connection, count: int = RECENT) -> list[str]:
    """The files of the newest articles and of those the index took in last: where a
    change made while the reader was closed most likely is (a correction to today's news,
    a file written again soon after it came)."""
    newest = select_in(db, "SELECT path FROM articles WHERE id IN ({marks})", newest_ids(db, count))
    arrived = db.execute("SELECT path FROM articles ORDER BY first_seen DESC LIMIT ?", (count,))
    return sorted({row[0] for rows in (newest, arrived) for row in rows})


def refresh_recent(roots: list[str], db_path: Path, count: int = RECENT) -> RefreshReport:
    """``refresh_paths`` for the ``recent_paths`` of the index: on a warm start, a change
    among them is shown at once, not when the walk of every file (seconds for a million)
    reaches it. A post known by its path that is gone is left to the walk."""
    db = connect(db_path)
    try:
        paths = recent_paths(db, count)
        # A post known by its path whose file is gone may have moved anywhere: left to
        # the walk, which finds where, for its marks to follow it (``renames``).
        gone = [path for path in paths if not os.path.lexists(path)]
        held = known_by_path(db, gone)
    finally:
        db.close()
    return refresh_paths(roots, db_path, [path for path in paths if path not in held])


def _article_paths(db: sqlite3.Connection, paths: list[str]) -> dict[str, str]:
    """Those of ``paths`` that the index holds an article for, with its identity (an
    article gone from one path and come to another under it was moved)."""
    sql = "SELECT path, identity FROM articles WHERE path IN ({marks})"
    return dict(select_in(db, sql, paths))
