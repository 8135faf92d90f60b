"""A refresh told which paths changed (what a file watcher reports), and the work it
keeps proportional to them.

Each path is looked at (``changed_paths``), parsed if it changed and forgotten if it is
gone, without walking the rest of the corpus. What depends on other articles is then
brought up to date for the changed articles alone: the duplicates among their
identities, the topic closure of those that left or entered the list (unless a topic
came or went), the stored listing (a place found for each; see ``listing``), the
stories of the new news (``story_index.place_new``: compared with stored articles near
them in time). The reader runs this in a worker process (``KeptWorker``), so none of it
holds the interpreter lock of the process a person types into; that process parses too,
on one core, leaving the other to the reader (a first index takes every core).
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterable
from importlib import import_module
from pathlib import Path

from library.changed_paths import look_at
from library.closure import (
    ListChanges,
    duplicate_ids,
    identities_of,
    listed_changes,
    mark_duplicates_among,
    update_closure,
)
from library.db import connect, select_in
from library.indexer import (
    ArticleChanges,
    RefreshReport,
    ancestor_pairs,
    forget,
    read_topic_tree,
    rebuild_closure,
    store,
    unsee,
)
from library.listing import update_listing
from library.parallel import map_batches
from library.story_index import place_new
from models.topic import topic_key


def prepare() -> None:
    """Import the parser, which a worker would otherwise import for its first file."""
    import_module("library.summaries")


def refresh_paths(roots: list[str], db_path: Path, paths: Iterable[str]) -> RefreshReport:
    """Bring the index at ``db_path`` up to date with just ``paths`` (files or folders)."""
    started = time.perf_counter()
    db = connect(db_path)
    try:
        found = look_at(db, roots, paths)
        touched = [item.path for item in found.changed] + found.gone
        before = _article_paths(db, touched)
        parsed = 0
        listed = None
        tree_kept = True
        if found.changed or found.gone:
            # One transaction: the reader goes on seeing the index as it was, its stored
            # listing included, until all of this is in.
            with db:
                forgotten = _article_ids(db, found.gone + found.stored)
                identities = identities_of(db, forgotten)
                duplicates = duplicate_ids(db, identities)
                topics = _topics_of(db, forgotten)
                taxonomy = _holds_taxonomy(db, found.gone + found.stored)
                for path in found.gone + found.stored:
                    forget(db, path)
                unsee(db, found.gone)
                first_new = (db.execute("SELECT max(id) FROM articles").fetchone()[0] or 0) + 1
                parsing = map_batches("library.summaries:index_many", found.changed, pooled=False)
                for batch in parsing:
                    topics.update(name for record in batch for name in record.topics)
                    taxonomy = taxonomy or any(record.taxonomy for record in batch)
                    store(db, batch, time.time())
                    parsed += len(batch)
                new = _stored_from(db, first_new)
                identities |= identities_of(db, new)
                duplicates |= duplicate_ids(db, identities)
                mark_duplicates_among(db, identities)
                listed = listed_changes(db, forgotten, new, identities, duplicates)
                tree_kept = _keep_closure(db, listed, topics, first_new, taxonomy)
                update_listing(db, listed)
            if parsed:  # the new news joins or starts its story, as in a full refresh
                with db:
                    place_new(db)
        after = _article_paths(db, touched)
        scanned = db.execute("SELECT count(*) FROM files").fetchone()[0]
    finally:
        db.close()
    changes = ArticleChanges(len(after - before), len(after & before), len(before - after))
    return RefreshReport(
        scanned,
        parsed,
        len(found.gone),
        time.perf_counter() - started,
        articles=changes,
        listed=listed,
        topics_changed=not tree_kept,
    )


def _keep_closure(
    db: sqlite3.Connection, listed: ListChanges, topics: set[str], first_new: int, taxonomy: bool
) -> bool:
    """The closure kept up for what changed while the topic tree stays as it was, which
    is so when no taxonomy changed and every topic of the articles that went or came is
    still used by an article that stayed (the tree is the taxonomy and the used topics).
    Otherwise the tree is read again, and the closure rebuilt if its topics changed.
    Whether the tree is known to be as it was."""
    if not taxonomy and all(_kept_in_use(db, name, first_new) for name in topics):
        update_closure(db, listed)
        return True
    tree = read_topic_tree(db)
    if ancestor_pairs(db, tree) == set(db.execute("SELECT * FROM topic_ancestors")):
        update_closure(db, listed)
    else:  # a topic came or went, or the taxonomy changed
        rebuild_closure(db, tree)
    return False


def _kept_in_use(db: sqlite3.Connection, name: str, first_new: int) -> bool:
    """Whether an article stored before this refresh (below id ``first_new``) uses ``name``."""
    sql = "SELECT 1 FROM article_topics WHERE key = ? AND name = ? AND article_id < ? LIMIT 1"
    return db.execute(sql, (topic_key(name), name, first_new)).fetchone() is not None


def _stored_from(db: sqlite3.Connection, first: int) -> set[int]:
    """The articles stored from id ``first`` on (this refresh's, as ids only grow)."""
    return {row[0] for row in db.execute("SELECT id FROM articles WHERE id >= ?", (first,))}


def _topics_of(db: sqlite3.Connection, ids: set[int]) -> set[str]:
    sql = "SELECT DISTINCT name FROM article_topics WHERE article_id IN ({marks})"
    return {row[0] for row in select_in(db, sql, ids)}


def _holds_taxonomy(db: sqlite3.Connection, paths: list[str]) -> bool:
    sql = "SELECT 1 FROM taxonomy WHERE path IN ({marks}) LIMIT 1"
    return any(True for _ in select_in(db, sql, paths))


def _article_ids(db: sqlite3.Connection, paths: list[str]) -> set[int]:
    sql = "SELECT id FROM articles WHERE path IN ({marks})"
    return {row[0] for row in select_in(db, sql, paths)}


def _article_paths(db: sqlite3.Connection, paths: list[str]) -> set[str]:
    """Those of ``paths`` that the index holds an article for."""
    sql = "SELECT path FROM articles WHERE path IN ({marks})"
    return {row[0] for row in select_in(db, sql, paths)}
