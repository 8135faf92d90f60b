"""The problems the index holds, read back: every one (with the corpus's own, see
``problems``), the errors that kept documents out, or those of some paths.

Apart from the facade (``index``): which problems each caller wants, and the indexes
that keep asking cheap in a corpus of thousands of broken files, are a concern of
their own.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable

from library.closure import taxonomy_places
from library.db import select_in
from library.problems import duplicate_warning, topic_warnings
from models.problem import Problem, Severity
from models.topic import TopicTree

_COLUMNS = "SELECT path, line, severity, message FROM problems"


def stored_problems(
    db: sqlite3.Connection, topic_tree: Callable[[], TopicTree], severity: Severity | None
) -> list[Problem]:
    """The problems found (only those of ``severity`` if given), with a warning for each
    duplicate story. The reader asks for errors after each refresh: the duplicate walk
    over every article is left out then."""
    where = "" if severity is None else " WHERE severity = ?"
    params = () if severity is None else (severity,)
    found = [Problem(*row) for row in db.execute(f"{_COLUMNS}{where} ORDER BY path, line", params)]
    if severity != "error":
        found += topic_warnings(topic_tree(), *taxonomy_places(db))
        found += [
            duplicate_warning(path, original)
            for path, original in db.execute(
                "SELECT a.path, o.path FROM articles a JOIN articles o "
                "ON o.id = a.duplicate_of ORDER BY a.path"
            )
        ]
    return found


def left_out(db: sqlite3.Connection) -> list[Problem]:
    """The errors that kept documents out, and what the scan could not take at all (a
    folder it cannot read, a name that is no UTF-8): a reader showed no word of the
    articles such a folder held, gone from its list."""
    sql = f"{_COLUMNS} WHERE severity = 'error' OR path = '' ORDER BY path, line"
    return [Problem(*row) for row in db.execute(sql)]


def kept_out(db: sqlite3.Connection) -> list[Problem]:
    """The errors of the files that hold no article, and of what the scan could not read
    at all: what no list holds (an error in one field leaves that field out, and its
    article is listed all the same; the scan's warnings are of files that are no document,
    a FIFO where a site's settings would be)."""
    sql = (
        f"{_COLUMNS} p WHERE severity = 'error' AND (path = '' OR NOT EXISTS "
        "(SELECT 1 FROM articles a WHERE a.path = p.path)) ORDER BY path, line"
    )
    return [Problem(*row) for row in db.execute(sql)]


def errors_of(db: sqlite3.Connection, paths: Iterable[str]) -> list[Problem]:
    """The errors that kept ``paths`` out, found through the index of paths: a watcher
    asks after each group of changes, in a corpus that may hold thousands of broken
    files."""
    sql = f"{_COLUMNS} WHERE severity = 'error' AND path IN ({{marks}})"
    found = [Problem(*row) for row in select_in(db, sql, paths)]
    return sorted(found, key=lambda problem: (problem.path, problem.line or 0))
