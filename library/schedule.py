"""Whether an article is published at a moment: the site's flag (``is_published``), and
for a page its site puts up or takes down at a time (``models.schedule``), the clock.

The index keeps the instants, never the answer: a page scheduled for tomorrow is parsed
once and is published from tomorrow on. A list is made at the last instant passed
(``moment``), which moves on only when a page goes up or comes down, so the conditions of
a scope stay the same from one keystroke to the next, and the scope is kept, until then.
"""

from __future__ import annotations

import sqlite3
import time

# The instants around now, each one seek of its partial index: the last passed of either
# kind, and the next to come.
_AROUND = """SELECT
    (SELECT max(publish_at) FROM articles WHERE publish_at <= ?1),
    (SELECT max(expire_at) FROM articles WHERE expire_at <= ?1),
    (SELECT min(publish_at) FROM articles WHERE publish_at > ?1),
    (SELECT min(expire_at) FROM articles WHERE expire_at > ?1)"""


def published_sql(moment: int) -> str:
    """The SQL over ``articles`` of whether an article is published at ``moment``: 1 or 0."""
    return (
        f"(is_published AND ifnull(publish_at <= {int(moment)}, 1) "
        f"AND ifnull(expire_at > {int(moment)}, 1))"
    )


def published_now() -> str:
    """``published_sql`` at this second, for rows shown (no list is kept by it)."""
    return published_sql(int(time.time()))


def moment(db: sqlite3.Connection) -> int:
    """The moment lists are made at: the last instant a page went up or came down at, up
    to now (0 before any), where every article is as published as it is now."""
    return _around(db, int(time.time()))[0]


def next_instant(db: sqlite3.Connection) -> int | None:
    """When a page next goes up or comes down (Unix seconds), if one is to."""
    return _around(db, int(time.time()))[1]


def _around(db: sqlite3.Connection, now: int) -> tuple[int, int | None]:
    """The last instant up to ``now`` (0 before any) and the next after it (None: none)."""
    last_up, last_down, next_up, next_down = db.execute(_AROUND, (now,)).fetchone()
    coming = [instant for instant in (next_up, next_down) if instant is not None]
    return max(last_up or 0, last_down or 0), min(coming, default=None)


def withheld(db: sqlite3.Connection, at: int) -> dict[int, tuple[str | None, str | None]]:
    """The articles the site's flag publishes but the clock does not at moment ``at``,
    with their collections and languages."""
    sql = (
        "SELECT id, collection, language FROM articles WHERE publish_at > ?1 AND is_published "
        "UNION SELECT id, collection, language FROM articles WHERE expire_at <= ?1 "
        "AND is_published"
    )
    return {
        article: (collection, language) for article, collection, language in db.execute(sql, (at,))
    }


class Clock:
    """The moment of one connection, asked of the index again only once it changed or
    the next instant came: a scope is compiled on every keystroke."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db
        self._kept: tuple[int, int, int | None] | None = None  # version, moment, next

    def moment(self) -> int:
        """``moment`` of the connection's index, as of now."""
        now = int(time.time())
        version = self.db.execute("PRAGMA main.data_version").fetchone()[0]
        kept = self._kept
        if kept is None or kept[0] != version or (kept[2] is not None and now >= kept[2]):
            kept = self._kept = (version, *_around(self.db, now))
        return kept[1]
