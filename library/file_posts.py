"""The articles a file holds besides its own: the posts of ox-hugo's one-file blog, each
stored at the file's path, ``#`` and its place (``models.org_subtrees``), with no row of
its own in ``files``. What a refresh does to a file (forgets it, notes what leaves with
it, tells a move from a removal) it does to the file's posts too.
"""

from __future__ import annotations

import os
import sqlite3

ORG_SUFFIX = ".org"  # ``models.org_mode``'s: the indexing process imports no parser
_MARK = ORG_SUFFIX + "#"  # where the file's path ends in a post's


def posts_of(db: sqlite3.Connection, paths: list[str]) -> list[str]:
    """The stored posts of those of ``paths`` that may hold some (Org files): the range of
    paths after ``path#`` in the index's order, a seek each."""
    sql = "SELECT path FROM articles WHERE path >= ? AND path < ?"
    found: list[str] = []
    for path in paths:
        if path[-4:].lower() == ORG_SUFFIX:
            found += (row[0] for row in db.execute(sql, (path + "#", path + "$")))
    return found


def with_posts(db: sqlite3.Connection, paths: list[str]) -> list[str]:
    """``paths`` and the paths of their posts."""
    posts = posts_of(db, paths)
    return paths + posts if posts else paths


def file_of_post(path: str) -> tuple[str, bool]:
    """The file a stored path is in, and whether the path is a post's within it (and no
    file's: a name may hold ``.org#`` too)."""
    end = path.lower().rfind(_MARK)
    if end < 0 or os.path.lexists(path):
        return path, False
    return path[: end + len(ORG_SUFFIX)], True
