"""Duplicates and the topic closure (each story under every node above its topics):
built whole, or kept up to date for a few changed articles.

Rebuilding the closure joins every article's topics with their ancestors: about
a third of a second at 50,000 articles, too much for each file that arrives while
the reader runs. While the topic keys and their ancestors stay the same (no new
topic, no taxonomy change; ``upkeep`` checks), only the rows of articles
that went, came, or stopped or started being a duplicate need to change. Whether an
article is a duplicate depends on the articles of its identity alone, so only the
identities of changed articles are looked at again.
"""

from __future__ import annotations

import sqlite3
from typing import NamedTuple

from library.db import select_in
from models.topic import TopicTree


class TaxonomyRow(NamedTuple):
    """A taxonomy entry as stored in the index."""

    name: str
    parent: str
    id: str
    shortname: str
    description: str


# The site's order: files by name, a file's entries as written (and stored).
_SITE_ORDER = " ORDER BY path, rowid"


def taxonomy_places(db: sqlite3.Connection) -> tuple[list[str], list[int]]:
    """The file of each stored taxonomy entry and its line there, in the order the tree
    is built from."""
    rows = db.execute("SELECT path, line FROM taxonomy" + _SITE_ORDER).fetchall()
    return [path for path, _ in rows], [line or 1 for _, line in rows]


def read_topic_tree(db: sqlite3.Connection) -> TopicTree:
    """The topic tree from the stored taxonomy files and the topics articles use, those of
    a vault's notes nested."""
    topics = [
        TaxonomyRow(*(value or "" for value in row))
        for row in db.execute(
            "SELECT name, parent, topic_id, shortname, description FROM taxonomy" + _SITE_ORDER
        )
    ]
    sql = "SELECT name, max(nests) FROM article_topics GROUP BY name ORDER BY name"
    used = db.execute(sql).fetchall()
    return TopicTree.build(topics, [name for name, _ in used], [name for name, n in used if n])


class ListChanges(NamedTuple):
    """Articles (by id) that left the list of stories and that entered it: forgotten ones
    and new duplicates, new ones and former duplicates."""

    left: frozenset[int]
    entered: frozenset[int]


def identities_of(db: sqlite3.Connection, ids: set[int]) -> set[str]:
    """The identities of these articles."""
    sql = "SELECT identity FROM articles WHERE id IN ({marks})"
    return {row[0] for row in select_in(db, sql, ids)}


# The first by path of an identity's articles, for each of the others (NULL for itself):
# the article kept does not hang on which file was stored first, and is the one
# ``lede check`` keeps.
_FIRST_BY_PATH = (
    "(SELECT o.id FROM articles o WHERE o.identity = articles.identity "
    "AND o.path < articles.path ORDER BY o.path LIMIT 1)"
)


def duplicate_ids(db: sqlite3.Connection, identities: set[str]) -> set[int]:
    """The articles of these identities that are duplicates of another."""
    sql = "SELECT id FROM articles WHERE duplicate_of NOT NULL AND identity IN ({marks})"
    return {row[0] for row in select_in(db, sql, identities)}


def mark_duplicates_among(db: sqlite3.Connection, identities: set[str]) -> None:
    """``mark_duplicates`` for the articles of these identities only."""
    db.executemany(
        f"UPDATE articles SET duplicate_of = {_FIRST_BY_PATH} WHERE identity = ?",
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
    if left:  # keyed by node: a seek for each node and article, not a pass over it all
        db.execute("CREATE TEMP TABLE IF NOT EXISTS stale_articles (id INTEGER PRIMARY KEY)")
        db.execute("DELETE FROM stale_articles")
        db.executemany("INSERT INTO stale_articles VALUES (?)", [(i,) for i in left])
        db.execute(
            "DELETE FROM topic_closure WHERE node IN (SELECT DISTINCT node FROM topic_ancestors) "
            "AND article_id IN (SELECT id FROM stale_articles)"
        )
    db.executemany(
        "INSERT INTO topic_closure SELECT DISTINCT p.node, t.article_id FROM article_topics t "
        "JOIN topic_ancestors p ON p.key = t.key WHERE t.article_id = ?",
        [(i,) for i in entered],
    )


def mark_duplicates(db: sqlite3.Connection) -> None:
    """Files with the same identity are one story: all but the first path point to it."""
    db.execute("UPDATE articles SET duplicate_of = NULL WHERE duplicate_of IS NOT NULL")
    db.execute(
        f"UPDATE articles SET duplicate_of = {_FIRST_BY_PATH} "
        "WHERE identity IN (SELECT identity FROM articles GROUP BY identity HAVING count(*) > 1)"
    )


def rebuild_closure(db: sqlite3.Connection, tree: TopicTree) -> None:
    """Each story under every node above its topics, so counts and ``topic:`` are SQL.

    Python resolves each distinct topic key to its ancestors (a few hundred rows);
    SQLite joins that with every article's topics. Duplicates are left out, so a
    count is a plain GROUP BY; they are the few, so they are looked up once rather
    than for each article and topic.
    """
    db.execute("DELETE FROM topic_ancestors")
    db.executemany("INSERT INTO topic_ancestors VALUES (?, ?)", ancestor_pairs(db, tree))
    db.execute("DELETE FROM topic_closure")
    # In the order the table is kept, so each row goes at its end (in the order of the
    # topic keys, rows went all over it); the key drops a pair met twice.
    db.execute(
        "INSERT OR IGNORE INTO topic_closure SELECT p.node, t.article_id FROM article_topics t "
        "JOIN topic_ancestors p ON p.key = t.key "
        "WHERE t.article_id NOT IN (SELECT id FROM articles WHERE duplicate_of IS NOT NULL) "
        "ORDER BY p.node, t.article_id"
    )


def ancestor_pairs(db: sqlite3.Connection, tree: TopicTree) -> set[tuple[str, str]]:
    """(topic key, node above it) for every topic key articles use."""
    pairs: set[tuple[str, str]] = set()
    for (key,) in db.execute("SELECT DISTINCT key FROM article_topics"):
        node = tree.resolve(key)
        pairs.update((key, ancestor) for ancestor in (tree.ancestors(node) if node else []))
    return pairs
