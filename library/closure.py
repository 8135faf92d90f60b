"""Keeping duplicates and the topic closure up to date for a few changed articles, not
rebuilt whole.

Rebuilding the closure joins every article's topics with their ancestors: about
a third of a second at 50,000 articles, too much for each file that arrives while
the reader runs. While the topic keys and their ancestors stay the same (no new
topic, no taxonomy change; the targeted refresh checks), only the rows of articles
that went, came, or stopped or started being a duplicate need to change. Whether an
article is a duplicate depends on the articles of its identity alone, so only the
identities of changed articles are looked at again.
"""

from __future__ import annotations

import sqlite3
from typing import NamedTuple

from library.db import select_in


class ListChanges(NamedTuple):
    """Articles (by id) that left the list of stories and that entered it: forgotten ones
    and new duplicates, new ones and former duplicates."""

    left: frozenset[int]
    entered: frozenset[int]


def identities_of(db: sqlite3.Connection, ids: set[int]) -> set[str]:
    """The identities of these articles."""
    sql = "SELECT identity FROM articles WHERE id IN ({marks})"
    return {row[0] for row in select_in(db, sql, ids)}


def duplicate_ids(db: sqlite3.Connection, identities: set[str]) -> set[int]:
    """The articles of these identities that are duplicates of another."""
    sql = "SELECT id FROM articles WHERE duplicate_of NOT NULL AND identity IN ({marks})"
    return {row[0] for row in select_in(db, sql, identities)}


def mark_duplicates_among(db: sqlite3.Connection, identities: set[str]) -> None:
    """``indexer.mark_duplicates`` for the articles of these identities only."""
    db.executemany(
        "UPDATE articles SET duplicate_of = (SELECT min(o.id) FROM articles o "
        "WHERE o.identity = articles.identity AND o.path < articles.path) WHERE identity = ?",
        [(identity,) for identity in identities],
    )


def listed_changes(
    db: sqlite3.Connection,
    forgotten: set[int],
    new: set[int],
    identities: set[str],
    duplicates_before: set[int],
) -> ListChanges:
    """What left the list (``forgotten`` articles, new duplicates) and what entered it
    (``new`` articles and former duplicates, but no duplicate), among ``identities``."""
    duplicates = duplicate_ids(db, identities)
    left = forgotten | (duplicates - duplicates_before - new)
    entered = (new | (duplicates_before - forgotten - duplicates)) - duplicates
    return ListChanges(frozenset(left), frozenset(entered))


def update_closure(db: sqlite3.Connection, changes: ListChanges) -> None:
    """Drop the closure rows of articles that left the list; add those that entered it."""
    left, entered = changes
    if left:  # one pass over the closure, which is indexed by node, not by article
        db.execute("CREATE TEMP TABLE IF NOT EXISTS stale_articles (id INTEGER PRIMARY KEY)")
        db.execute("DELETE FROM stale_articles")
        db.executemany("INSERT INTO stale_articles VALUES (?)", [(i,) for i in left])
        db.execute("DELETE FROM topic_closure WHERE article_id IN (SELECT id FROM stale_articles)")
    db.executemany(
        "INSERT INTO topic_closure SELECT DISTINCT p.node, t.article_id FROM article_topics t "
        "JOIN topic_ancestors p ON p.key = t.key WHERE t.article_id = ?",
        [(i,) for i in entered],
    )
