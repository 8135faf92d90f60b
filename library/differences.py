"""What changed on disk since the index was last brought up to date.

Every start walks the whole corpus and compares it with what the index holds. For a
large corpus that is long Python work, and in the reader's process it would hold the
interpreter lock just as a person starts typing, slowing the first filter keystrokes.
A corpus that large is compared in a worker process, which leaves the reader's free;
a small one is compared here, where it costs less than starting a process.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterable, Iterator
from typing import NamedTuple

from library.db import BUSY_TIMEOUT, select_in
from library.one_worker import run_apart
from library.scan import FoundFile, Skipped, scan
from library.sidecars import posts_beside
from library.site_settings_files import changed_settings, sites_of
from library.vault_roots import turned_folders

APART_FROM = 5000  # files in the index from which the comparison runs in a worker
# A file found, beside what the index holds of it.
_COMPARED = (
    "SELECT s.path, s.size, s.mtime_ns, s.origin, f.path IS NOT NULL "
    "FROM seen s LEFT JOIN files f ON f.path = s.path WHERE {where}"
)


class Differences(NamedTuple):
    """Files to parse again, and files to forget."""

    changed: list[FoundFile]  # new or changed, by path
    stored: list[str]  # the paths of ``changed`` that the index holds an older copy of
    gone: list[str]
    unusable: list[Skipped]  # what was found but cannot be indexed, and why
    vaults: list[str] = []  # the folders found holding a vault's settings (``vault_roots``)
    settings: list[str] = []  # the site settings files changed (``site_settings_files``)


def usable_files(
    items: Iterable[FoundFile | Skipped], unusable: list[Skipped]
) -> Iterator[FoundFile]:
    """The files of a scan; what it skipped goes to ``unusable``."""
    for item in items:
        if isinstance(item, Skipped):
            unusable.append(item)
            continue
        yield item


class Counted:
    """The files of a scan of ``roots`` as it yields them, counted: ``total`` is 0 until
    the scan has ended (the first batches are parsed and stored meanwhile). What it
    skipped goes to ``unusable``; the vaults it found are ``vaults``."""

    def __init__(self, roots: list[str], unusable: list[Skipped]) -> None:
        self.vaults: set[str] = set()
        self._files = usable_files(scan(roots, vaults=self.vaults), unusable)
        self._count = 0
        self._ended = False

    def __iter__(self) -> Iterator[FoundFile]:
        for found in self._files:
            self._count += 1
            yield found
        self._ended = True

    def total(self) -> int:
        """How many files the scan found, once it has ended (0 before)."""
        return self._count if self._ended else 0


def differences(db_path: str, roots: list[str]) -> Differences:
    """Compare the files under ``roots`` with the index at ``db_path`` (reads only).

    The comparison runs in SQL, so a large corpus costs no Python-side copy of
    every stored path. The files found are kept in path order (WITHOUT ROWID) and
    narrow (each one's root is a number, not its text again): the comparison then
    walks both tables in one order, and the temporary table stays in SQLite's cache.
    """
    db = sqlite3.connect(db_path, timeout=BUSY_TIMEOUT)
    unusable: list[Skipped] = []
    vaults: set[str] = set()  # the folders found holding a vault's settings
    origins: dict[tuple[bool, str], int] = {}  # (explicit, root) -> its number

    def numbered(items: Iterable[FoundFile]) -> Iterator[tuple[str, int, int, int]]:
        for item in items:
            origin = origins.setdefault((item.explicit, item.root), len(origins))
            yield item.path, item.size, item.mtime_ns, origin

    try:
        db.execute(
            "CREATE TEMP TABLE seen (path TEXT PRIMARY KEY, size INTEGER, mtime_ns INTEGER, "
            "origin INTEGER) WITHOUT ROWID"
        )
        db.executemany(
            "INSERT OR REPLACE INTO seen VALUES (?, ?, ?, ?)",
            # In no order (the table sorts): a folder of a million files streams.
            numbered(usable_files(scan(roots, ordered=False, vaults=vaults), unusable)),
        )
        differing = "f.size IS NOT s.size OR f.mtime_ns IS NOT s.mtime_ns ORDER BY s.path"
        rows = db.execute(_COMPARED.format(where=differing)).fetchall()
        gone = [
            row[0]
            for row in db.execute(
                "SELECT path FROM files WHERE path NOT IN (SELECT path FROM seen)"
            )
        ]
        if turned := turned_folders(db, roots, vaults):  # a vault's notes read as none, or back
            rows = sorted({*rows, *_under(db, turned)})
        if settings := changed_settings(db):  # their sites' files are read with them again
            rows = sorted({*rows, *_under(db, sites_of(settings))})
        if posts := posts_beside([row[0] for row in rows] + gone):  # their sidecars changed
            rows = sorted(
                {*rows, *select_in(db, _COMPARED.format(where="s.path IN ({marks})"), posts)}
            )
    finally:
        db.close()
    origin_of = list(origins)
    changed = [
        FoundFile(path, size, mtime, *origin_of[origin]) for path, size, mtime, origin, _ in rows
    ]
    stored = [row[0] for row in rows if row[4]]
    return Differences(changed, stored, gone, unusable, sorted(vaults), settings)


def _under(db: sqlite3.Connection, folders: Iterable[str]) -> Iterator[tuple[object, ...]]:
    """The files found at or under each of ``folders``, beside what the index holds of
    them (a seek of the table of files found, by path)."""
    where = "s.path = ? OR (s.path >= ? AND s.path < ?)"
    for folder in folders:
        below = os.path.join(folder, "")
        after = below[:-1] + chr(ord(below[-1]) + 1)  # past every path that starts so
        yield from db.execute(_COMPARED.format(where=where), (folder, below, after))


def find_differences(db_path: str, roots: list[str], indexed: int) -> Differences:
    """``differences``, in a worker process when the index holds ``APART_FROM`` files
    or more."""
    if indexed < APART_FROM:
        return differences(db_path, roots)
    return run_apart(differences, (db_path, roots), preload="library.differences")
