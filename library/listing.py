"""The whole list in date order, stored by each refresh with the part of the site each
article is in, so that a warm start and a default stream read it instead of walking
the index.

Walking every row of the date index costs about a hundred milliseconds on 50,000
articles; reading the stored list costs a few. A site's default stream (the news,
maybe without what the site did not publish) is that list filtered by a byte per
article, one code per (collection, published) pair, with ``bytes.translate`` and
``itertools.compress``: both run in C, and neither needs numpy, which the first
frame must not wait for.
"""

from __future__ import annotations

import json
import sqlite3
from array import array
from itertools import compress

from library.schema import SORTS
from library.stream import SitePart

CODES = 256  # a code is a byte: collection number * 2 + published


def store_listing(db: sqlite3.Connection) -> None:
    """Keep the list in date order, and each article's part code (left out when a corpus
    has more collections than a byte can tell apart: the lists are then asked of SQL)."""
    sql = (
        "SELECT a.id, a.collection, a.is_published FROM articles a "
        f"WHERE a.duplicate_of IS NULL ORDER BY {SORTS['date']}"
    )
    rows = db.execute(sql).fetchall()
    names = list(dict.fromkeys(collection for _, collection, _ in rows))
    parts = None
    if 2 * len(names) <= CODES:
        number = {name: 2 * i for i, name in enumerate(names)}
        parts = bytes(number[collection] + published for _, collection, published in rows)
    ids = array("q", (row[0] for row in rows))
    db.execute(
        "INSERT OR REPLACE INTO listing VALUES ('date', ?, ?, ?)",
        (ids.tobytes(), parts, json.dumps(names)),
    )


def stored_listing(db: sqlite3.Connection, part: SitePart) -> array[int] | None:
    """The stored list in date order, only the articles in ``part``; ``None`` while a
    refresh is changing things (or when the parts could not be stored)."""
    row = db.execute("SELECT ids, parts, part_names FROM listing WHERE sort = 'date'").fetchone()
    if row is None:
        return None
    if part == SitePart():
        return array("q", row[0])
    parts, names = row[1], json.loads(row[2])
    if parts is None:
        return None
    keep = bytes(
        code // 2 < len(names) and part.holds(names[code // 2], bool(code % 2))
        for code in range(CODES)
    )
    return array("q", compress(memoryview(row[0]).cast("q"), parts.translate(keep)))
