"""The whole list in date order, stored by each refresh with the part of the site each
article is in, so that a warm start and a default stream read it instead of walking
the index.

Walking every article in date order costs about a hundred milliseconds on 50,000
articles; reading the stored list costs a few. No index keeps that order: other
scopes are put in it by the list (``Search``), which holds it already. A site's
default stream (the news, maybe without what the site did not publish) is that list
filtered by a byte per article, one code per (collection, language, published), with
``bytes.translate`` and ``itertools.compress``: both run in C, and neither needs
numpy, which the first frame must not wait for.
"""

from __future__ import annotations

import json
import sqlite3
from array import array
from bisect import bisect_left
from itertools import compress, filterfalse
from typing import TYPE_CHECKING

from library.db import select_in
from library.schedule import withheld
from library.schema import SORTS
from library.stream import SitePart
from library.title_order import SORT as TITLE_ORDER

if TYPE_CHECKING:
    from library.closure import ListChanges

READ_PIECE = 1 << 20  # bytes of the stored list read at a time
CODES = 256  # a code is a byte: the number of its (collection, language) * 2 + published
Part = tuple[str | None, str | None]  # an article's collection and language
ListingRow = tuple[bytes, bytes | None, str]  # ids, parts, part_names (see ``store_listing``)
IN_PLACE = 40  # articles in the list per changed one, at least, to update it in place


def store_listing(db: sqlite3.Connection) -> None:
    """Keep the list in date order, and each article's part code (left out when a corpus
    has more collections and languages than a byte can tell apart: the lists are then
    asked of SQL)."""
    sql = (
        "SELECT a.id, a.collection, a.language, a.is_published FROM articles a "
        f"WHERE a.duplicate_of IS NULL ORDER BY {SORTS['date']}"
    )
    ids, codes = array("q"), bytearray()
    number: dict[Part, int] = {}  # (collection, language) -> 2 * its place among the parts
    for article, collection, language, published in db.execute(sql):  # one pass, no row kept
        code = number.setdefault((collection, language), 2 * len(number))
        ids.append(article)
        if code < CODES:
            codes.append(code + published)
    parts = bytes(codes) if len(codes) == len(ids) else None
    db.execute(
        "INSERT OR REPLACE INTO listing VALUES ('date', ?, ?, ?)",
        (ids.tobytes(), parts, json.dumps(list(number))),
    )


def read_listing(db: sqlite3.Connection) -> ListingRow | None:
    """The stored list's row as it is (``None`` when there is none)."""
    row: ListingRow | None = db.execute(
        "SELECT ids, parts, part_names FROM listing WHERE sort = 'date'"
    ).fetchone()
    return row


def update_listing(db: sqlite3.Connection, changes: ListChanges, stored: ListingRow | None) -> None:
    """Store the list ``stored`` (read before the refresh changed anything) without the
    articles that left it and with those that entered it: each takes its place by a
    binary search whose steps are lookups by id, so a new file costs a few dozen
    lookups, and numpy (in the writer, never before the reader's first frame) takes
    out and puts in without a pass of Python over the list. Past one change in
    ``IN_PLACE`` articles (a big pull), or with no list stored, it is read whole again."""
    if stored is None or stored[1] is None or len(changes.entered) * IN_PLACE > len(stored[0]) // 8:
        store_listing(db)
        return
    import numpy

    names = _parts(stored[2])
    codes = {name: 2 * i for i, name in enumerate(names)}
    ids = numpy.frombuffer(stored[0], numpy.int64)
    parts = numpy.frombuffer(stored[1], numpy.uint8)
    if changes.left:
        left = numpy.fromiter(changes.left, numpy.int64, len(changes.left))
        kept = ~numpy.isin(ids, left)
        ids, parts = ids[kept], parts[kept]
    sql = (
        f"SELECT a.id, a.published, {TITLE_ORDER}, a.collection, a.language, a.is_published "
        "FROM articles a WHERE a.id IN "
    )
    entered = list(select_in(db, sql + "({marks})", changes.entered))
    for name in dict.fromkeys((row[3], row[4]) for row in entered):
        if name not in codes:
            codes[name] = 2 * len(names)
            names.append(name)
    if 2 * len(names) > CODES:
        store_listing(db)
        return
    keys = {article: _date_key(article, date, title) for article, date, title, *_ in entered}

    def key(article: int) -> tuple[bool, int, str, int]:
        return _listed_key(db, keys, int(article))

    placed = sorted(entered, key=lambda row: keys[row[0]])
    if placed:  # positions in the list as it was: numpy puts each before what is there
        at = [bisect_left(ids, keys[row[0]], key=key) for row in placed]
        ids = numpy.insert(ids, at, [row[0] for row in placed])
        parts = numpy.insert(parts, at, [codes[row[3], row[4]] + row[5] for row in placed])
    db.execute(
        "INSERT OR REPLACE INTO listing VALUES ('date', ?, ?, ?)",
        (ids.tobytes(), parts.tobytes(), json.dumps(names)),
    )


def _parts(stored: str) -> list[Part]:
    """The (collection, language) of each code, as ``part_names`` keeps them."""
    return [(collection, language) for collection, language in json.loads(stored)]


def _date_key(article: int, published: int | None, title: str) -> tuple[bool, int, str, int]:
    """Where an article goes in the date order (``SORTS['date']``, then by id, as the
    index on it keeps ties); ``title`` is its key in the order by title."""
    return (published is None, -(published or 0), title, article)


def _listed_key(
    db: sqlite3.Connection, keys: dict[int, tuple[bool, int, str, int]], article: int
) -> tuple[bool, int, str, int]:
    """An article's date key, looked up once by id."""
    key = keys.get(article)
    if key is None:
        published, title = db.execute(
            f"SELECT a.published, {TITLE_ORDER} FROM articles a WHERE a.id = ?", (article,)
        ).fetchone()
        key = keys[article] = _date_key(article, published, title)
    return key


def stored_listing(db: sqlite3.Connection, part: SitePart) -> array[int] | None:
    """The stored list in date order, only the articles in ``part``; ``None`` while a
    refresh is changing things (or when the parts could not be stored). The codes hold
    the site's flag; the few pages the clock holds back at ``part.moment`` are asked of
    the index (see ``library.schedule``)."""
    db.execute("SAVEPOINT stored_listing")  # the row and its blob as one refresh left them
    try:
        row = db.execute(
            "SELECT rowid, length(ids), parts, part_names FROM listing WHERE sort = 'date'"
        ).fetchone()
        if row is None:
            return None
        rowid, size, parts, names = row
        ids = _stored_ids(db, rowid, size)
        held_back = {} if part.published is None else withheld(db, part.moment)
    finally:
        db.execute("RELEASE stored_listing")
    if part == SitePart():
        return ids
    if parts is None:
        return None
    names = _parts(names)
    keep = bytes(
        code // 2 < len(names) and part.holds(*names[code // 2], bool(code % 2))
        for code in range(CODES)
    )
    listed = compress(ids, parts.translate(keep))
    if not held_back:
        return array("q", listed)
    if part.published:  # the codes say published; the clock says not yet, or no more
        return array("q", filterfalse(held_back.__contains__, listed))
    unpublished = dict.fromkeys(listed)  # and those the clock holds back, in their places
    unpublished.update((i, None) for i, name in held_back.items() if part.holds(*name, False))
    return array("q", filter(unpublished.__contains__, ids))


def newest_ids(db: sqlite3.Connection, count: int) -> array[int]:
    """The first ``count`` ids of the stored list (the newest articles), read from the
    head of its blob; none before a list is stored."""
    row = db.execute("SELECT substr(ids, 1, ?) FROM listing WHERE sort = 'date'", (8 * count,))
    head = row.fetchone()
    ids = array("q")
    if head is not None:
        ids.frombytes(head[0])
    return ids


def _stored_ids(db: sqlite3.Connection, rowid: int, size: int) -> array[int]:
    """The stored list's ids, read a piece at a time into one array: read whole, the blob
    was a second copy of the list, as large as it, at every start."""
    ids = array("q", [0]) * (size // 8)
    with (
        memoryview(ids) as view,
        view.cast("B") as into,
        db.blobopen("listing", "ids", rowid, readonly=True) as blob,
    ):
        for start in range(0, size, READ_PIECE):
            piece = blob.read(READ_PIECE)
            into[start : start + len(piece)] = piece
    return ids
