"""How many stored articles hold each story term, kept in the index as articles come and go.

Grouping weighs a term by how rare it is in the whole corpus. Kept here, placing a few
new articles reads the counts of their terms and of their neighbours' in time, not
every stored signature (``library.story_index``). The counts cover every stored
signature marked ``counted`` (copies of an article included): grouping counts the new
ones first, forgetting an article takes its terms off.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Iterable
from typing import NamedTuple

from library.db import select_in
from library.signature import signature_terms
from library.story_weights import Frequencies, chunked


class Counted(NamedTuple):
    """The terms of the signatures not counted yet, counted (``count_terms``)."""

    before: int  # the signatures counted before
    added: int  # those counted here
    counts: dict[str, int]  # by term, in the order ``story_terms`` keeps them


def count_terms(db: sqlite3.Connection) -> Counted:
    """Count the terms of the signatures not counted yet, writing nothing: a bulk load's
    are counted ahead, while the refresh still writes what else depends on its articles
    (``story_index.count_ahead``), and stored by ``count_new``."""
    before: int = db.execute("SELECT count(*) FROM signatures WHERE counted").fetchone()[0]
    signatures = db.execute("SELECT signature FROM signatures WHERE NOT counted")
    counts: Counter[str] = Counter()
    added = 0
    # One split of a chunk's signatures joined: the terms of each, in one list (C, not
    # Python). Chunks, as every term of a million signatures at once was gigabytes.
    for chunk in chunked(signatures):
        added += len(chunk)
        counts.update(signature_terms(" ".join(signature for (signature,) in chunk)))
    # Stored in the table's order, each row goes where the last one went, not into a page
    # anywhere in it; the sort is done here, ahead of the grouping when the count is.
    return Counted(before, added, {term: counts[term] for term in sorted(counts)})


def count_new(db: sqlite3.Connection, ahead: Counted | None = None) -> Frequencies:
    """Add the terms of the signatures not counted yet (those counted ``ahead``, if no
    signature came or went since); the counts of all counted.

    When none were counted before (a cold index), the counts just made are all of them
    and are returned whole; otherwise only the total is known here (``frequencies``
    reads the terms wanted)."""
    if ahead is None or not _still_uncounted(db, ahead):
        ahead = count_terms(db)
    before, added, counts = ahead
    if counts:
        db.executemany(
            "INSERT INTO story_terms VALUES (?, ?) "
            "ON CONFLICT (term) DO UPDATE SET df = df + excluded.df",
            counts.items(),
        )
    if added:
        db.execute("UPDATE signatures SET counted = 1 WHERE NOT counted")
    return Frequencies(before + added, counts if before == 0 else {})


def _still_uncounted(db: sqlite3.Connection, ahead: Counted) -> bool:
    """Whether the signatures not counted are still those counted ``ahead``. They are when
    the refresh that counted them, the index's one writer, stored and forgot no article
    since; told by their number, read from an index of them alone."""
    uncounted: int = db.execute("SELECT count(*) FROM signatures WHERE NOT counted").fetchone()[0]
    return uncounted == ahead.added


def frequencies(db: sqlite3.Connection, terms: Iterable[str], total: int) -> Frequencies:
    """The counts of ``terms`` among the ``total`` counted signatures, read from the index."""
    sql = "SELECT term, df FROM story_terms WHERE term IN ({marks})"
    return Frequencies(total, dict(select_in(db, sql, set(terms))))


def forget_signature(db: sqlite3.Connection, article_id: int) -> None:
    """Drop an article's signature, and its terms from the counts if they were in them."""
    found = db.execute(
        "SELECT signature, counted FROM signatures WHERE article_id = ?", (article_id,)
    ).fetchone()
    if found is None:
        return
    signature, counted = found
    if counted:
        terms = [(term,) for term in signature_terms(signature)]
        db.executemany("UPDATE story_terms SET df = df - 1 WHERE term = ?", terms)
        db.executemany("DELETE FROM story_terms WHERE term = ? AND df <= 0", terms)
    db.execute("DELETE FROM signatures WHERE article_id = ?", (article_id,))
