"""Files moved or renamed between two looks at the corpus: an article known by its path
(it has no link) gone from one file and come to another is the same article, and keeps
when it was first seen and, through ``StateStore.carry``, its reading state. A refresh
told which paths changed pairs them (``targeted``), and so does the walk of a warm start
(``indexer``): a post moved while the reader was closed keeps its marks too."""

from __future__ import annotations

import os
import sqlite3

from library.db import select_in
from library.file_posts import with_posts

Known = dict[str, tuple[str, float | None, float]]  # path: title, date, first seen


def known_by_path(db: sqlite3.Connection, paths: list[str]) -> Known:
    """Those of ``paths`` that hold an article known by its path (it has no link), with
    its title, its date, and when it was first seen."""
    sql = (
        "SELECT path, title, published, first_seen FROM articles "
        "WHERE identity = path AND path IN ({marks})"
    )
    rows = select_in(db, sql, with_posts(db, paths))  # a file's posts moved with it too
    return {row[0]: (row[1], row[2], row[3]) for row in rows}


def renames(departing: Known, arriving: Known) -> list[tuple[str, str]]:
    """(old path, new path) of each article known by its path whose file was moved to
    another folder under its name, or renamed in its folder: the same title and date, gone
    from one file and come to the other in one refresh. One that could be either of two
    is left: a guess would give one file's reading state to another."""
    gone: dict[tuple[str, float | None], list[str]] = {}
    for path, (title, published, _seen) in departing.items():
        gone.setdefault((title, published), []).append(path)
    pairs = []
    for path, (title, published, _seen) in arriving.items():
        near = [
            old
            for old in gone.get((title, published), [])
            if os.path.basename(old) == os.path.basename(path)
            or os.path.dirname(old) == os.path.dirname(path)
        ]
        if len(near) == 1:
            pairs.append((near[0], path))
    olds = [old for old, _new in pairs]
    return sorted(pair for pair in pairs if olds.count(pair[0]) == 1)


def carry_first_seen(
    db: sqlite3.Connection, departing: Known, arriving: Known
) -> list[tuple[str, str]]:
    """The ``renames`` among these files; each renamed article keeps when it was first
    seen (it is no news since the last visit), through ``keep_first_seen``."""
    pairs = renames(departing, arriving)
    if not pairs:
        return pairs
    db.executemany(  # the table ``note_departures`` made for the files gone
        "INSERT INTO departed VALUES (?, ?) ON CONFLICT (identity) DO NOTHING",
        [(new, departing[old][2]) for old, new in pairs],
    )
    return pairs
