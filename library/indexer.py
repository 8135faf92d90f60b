"""The write path of a corpus index: what changed on disk is parsed and stored (the rows
of each file by ``file_rows``).

Keyed by (path, size, mtime) so a warm start re-parses only changed files.
Cold parsing runs in a process pool that returns compact records. A refresh
uses its own connection, so it can run in a worker thread while the reader
reads through others.
"""

from __future__ import annotations

import dataclasses
import sqlite3
import time
from collections.abc import Callable, Iterable
from contextlib import nullcontext
from functools import partial
from pathlib import Path

from library import scan_problems
from library.damage import discard, is_damage
from library.db import CannotOpen, IndexReadOnly, connect
from library.differences import Counted, Differences, find_differences
from library.file_rows import drop_files, forget, keep_first_seen, note_departures, store
from library.renames import Known, carry_first_seen, known_by_path
from library.reports import ProgressCallback, RefreshReport
from library.scan import FoundFile, Skipped
from library.schema import (
    BUILD_INDEXES,
    BULK,
    DROP_INDEXES,
    INDEXES,
    create_index,
    ensure_schema,
)
from library.site_settings_files import forget_settings
from library.story_index import STORY_INDEX, grouping
from library.upkeep import Noted, keep_up, note, rebuild
from library.vault_roots import note_vault_roots, vault_folders
from library.word_sets import built_beside, forget_all
from library.writer import Waiting, free_of_programs, writing
from models.vault import forget_vaults

COMMIT_EVERY = 5000
FIRST_COMMIT = 256  # rows: a cold index commits after its first batch, then twice as far each time
# After a bulk load, the index of stories is left to the grouping, which writes every
# story and builds it after (built before, it was built twice).
_BEFORE_STORIES = "".join(create_index(name) for name in INDEXES if name != STORY_INDEX)


def refresh(
    roots: list[str],
    db_path: Path,
    progress: ProgressCallback | None = None,
    waiting: Waiting | None = None,
    *,
    damaged: bool = False,
) -> RefreshReport:
    """Bring the index at ``db_path`` up to date with the files under ``roots``, as its
    one writer (``waiting`` is told while another process writes; see ``writer``).
    A damaged index is a cache like any other: it is discarded and built again, as it is
    at once when a reader found it ``damaged``."""
    started = time.perf_counter()
    with writing(db_path, waiting):
        free_of_programs(db_path, waiting)
        if not damaged:
            try:
                return _refresh(roots, db_path, progress, started)
            except sqlite3.DatabaseError as error:
                if not is_damage(error):
                    raise _unwritable(db_path, error) from None
        discard(db_path)
        db = connect(db_path)
        try:
            ensure_schema(db)
        finally:
            db.close()
        report = _refresh(roots, db_path, progress, started)
    return dataclasses.replace(report, rebuilt=True)


_UNWRITABLE = (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED, sqlite3.SQLITE_READONLY)


def _unwritable(db_path: Path, error: sqlite3.DatabaseError) -> Exception:
    """``CannotOpen`` (one line, with the path) for an index another program holds past
    the busy timeout, or a read-only file; else ``error`` itself (a full disk's is
    answered by removing the index)."""
    code = getattr(error, "sqlite_errorcode", 0) & 0xFF
    if code == sqlite3.SQLITE_READONLY:
        return IndexReadOnly(db_path, error)
    return CannotOpen(db_path, error) if code in _UNWRITABLE else error


def _refresh(
    roots: list[str], db_path: Path, progress: ProgressCallback | None, started: float
) -> RefreshReport:
    """Only files whose size or mtime changed are parsed; removed files are dropped.
    A cold index has nothing to compare, so the scan streams straight to the workers."""
    db = connect(db_path)
    unusable: list[Skipped] = []
    tree_kept = False
    forget_vaults()  # a folder may have become a vault (``vault_roots``)
    try:
        if db.execute("SELECT 1 FROM files LIMIT 1").fetchone() is None:
            counted = Counted(roots, unusable)
            changed: Iterable[FoundFile] = counted
            vaults: Iterable[str] = counted.vaults  # once the scan has ended
            gone: list[str] = []
            total: Callable[[], int] = counted.total  # 0 until the scan ends
            cold = True
            db.executescript(DROP_INDEXES + "DELETE FROM listing;")
            forget_all(db)
            noted = None
            departing: Known = {}
            stored: set[str] = set()
        else:
            db.executescript(BUILD_INDEXES)  # those an interrupted bulk load left out
            found, noted, departing = _forget_differences(db, roots, db_path)
            changed, gone, vaults = found.changed, found.gone, found.vaults
            stored = set(found.stored)
            unusable.extend(found.unusable)
            total = partial(len, found.changed)
            cold = False
            if total() > BULK:  # keeping indexes up row by row costs more than a build
                db.executescript(DROP_INDEXES)
                forget_all(db)  # and the kept sets of common words, built again after
        parsed = _parse_into(db, changed, total, progress, cold=cold)
        with (
            grouping(db_path, ahead=parsed > BULK) as assign_stories,
            built_beside(db, str(db_path)) if parsed else nullcontext(),
        ):
            with db:
                scan_problems.keep_all(db, unusable)
                # After a bulk load, or an interrupted run.
                db.executescript(_BEFORE_STORIES if parsed > BULK else BUILD_INDEXES)
                renamed = _moved(db, departing, changed, stored) if departing else []
                keep_first_seen(db)
                note_vault_roots(db, vault_folders(roots, vaults))
                if noted is not None:
                    tree_kept = keep_up(db, noted)[1]
                elif parsed or gone or _listing_lost(db):
                    rebuild(db)
            # After the list is complete (the reader is already usable); and when a run
            # was stopped before its articles had their stories, which no file says.
            if parsed or _stories_pending(db):
                assign_stories()
        scanned = db.execute("SELECT count(*) FROM files").fetchone()[0]
    finally:
        db.close()
    seconds = time.perf_counter() - started
    return RefreshReport(
        scanned, parsed, len(gone), seconds, topics_changed=not tree_kept, renamed=tuple(renamed)
    )


def _moved(
    db: sqlite3.Connection, departing: Known, changed: Iterable[FoundFile], stored: set[str]
) -> list[tuple[str, str]]:
    """The posts known by their path that were moved or renamed since the last refresh
    (``renames``: among the files gone and those new to the index, not ``stored``)."""
    arrived = [item.path for item in changed if item.path not in stored]
    return carry_first_seen(db, departing, known_by_path(db, arrived))


def _stories_pending(db: sqlite3.Connection) -> bool:
    """Whether an article waits for its story (read through the index of stories)."""
    return db.execute("SELECT 1 FROM articles WHERE story IS NULL LIMIT 1").fetchone() is not None


def _forget_differences(
    db: sqlite3.Connection, roots: list[str], db_path: Path
) -> tuple[Differences, Noted | None, Known]:
    """What changed since the last refresh, with the changed and the gone forgotten; what
    the index held before (``upkeep.note``), when few enough changed to bring what
    depends on them up to date rather than rebuild it; and the posts known by their path
    among the gone, which may have moved (``renames``)."""
    indexed = db.execute("SELECT count(*) FROM files").fetchone()[0]
    found = find_differences(str(db_path), roots, indexed)
    noted = None
    if (found.changed or found.gone) and len(found.changed) + len(found.gone) <= BULK:
        paths = [item.path for item in found.changed] + found.gone
        noted = note(db, paths, found.gone + found.stored)
    departing = known_by_path(db, found.gone)
    with db:
        if found.changed or found.gone:  # the stored listing goes with the first change
            db.execute("DELETE FROM listing")
        note_departures(db, found.gone)
        for path in found.gone + found.stored:
            forget(db, path)
        drop_files(db, found.gone)
        forget_settings(db, found.settings)
    return found, noted, departing


def _listing_lost(db: sqlite3.Connection) -> bool:
    """Whether articles are stored but no listing: a refresh was stopped after it forgot
    the listing and before it stored it again, and what depends on every article may
    be out of date."""
    if db.execute("SELECT 1 FROM listing LIMIT 1").fetchone() is not None:
        return False
    return db.execute("SELECT 1 FROM articles LIMIT 1").fetchone() is not None


def _parse_into(
    db: sqlite3.Connection,
    found: Iterable[FoundFile],
    total: Callable[[], int],
    progress: ProgressCallback | None,
    *,
    cold: bool,
) -> int:
    """Parse files on every core and store them as they arrive; returns how many.

    A file new to the index is first seen now; but a cold index (a first run, or one
    built again for a new schema) cannot tell what is new, and takes each file's
    modification time instead, so that its whole corpus does not look new at once.
    """
    from library.parallel import map_batches

    done = committed = 0
    commit_every = FIRST_COMMIT
    for batch in map_batches("library.summaries:index_many", found):
        store(db, batch, None if cold else time.time())
        done += len(batch)
        # Each commit flushes FTS5 segments; a few thousand rows per commit keeps that
        # cheap while the reader still fills in as indexing goes. The first commits come
        # sooner, so that a reader opened on a new corpus shows rows within a batch.
        if done - committed >= commit_every:
            db.commit()
            committed = done
            commit_every = min(2 * commit_every, COMMIT_EVERY)
        if progress:  # per batch: a reader that quits is not kept for thousands of rows
            progress(done, total())
    db.commit()
    if progress and done:
        progress(done, total() or done)
    return done
