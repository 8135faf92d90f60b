"""What depends on other articles, kept up after a refresh changed some files: the
duplicates, the topic closure and the stored listing. One path for a warm start that
finds a few files changed and for a refresh told the paths (``targeted``).

Rebuilt whole, each is a pass over every article for any change at all (at 200,000
articles, seconds), paid for one edited file. What a rebuild would change is known
from the articles forgotten and stored: the duplicates among their identities, the
closure rows of those that left or entered the list, their places in the listing.
So a refresh notes (``note``), before it forgets anything, what it is about to forget
and the listing as it was; once the changed files are stored, ``keep_up`` brings the
rest up to date for those alone. The topic tree is read again (it reads every
article's topics) only when a topic may have come or gone.
"""

from __future__ import annotations

import sqlite3
from typing import NamedTuple

from library.closure import (
    ListChanges,
    ancestor_pairs,
    duplicate_ids,
    identities_of,
    listed_changes,
    mark_duplicates,
    mark_duplicates_among,
    read_topic_tree,
    rebuild_closure,
    update_closure,
)
from library.db import select_in
from library.file_posts import with_posts
from library.listing import ListingRow, read_listing, store_listing, update_listing
from library.schema import next_article_id
from models.topic import topic_key


class Noted(NamedTuple):
    """What the index held before a refresh forgot the files that changed."""

    paths: list[str]  # every file the refresh looks at again (changed or gone)
    forgotten: set[int]  # the articles of those about to be forgotten
    identities: set[str]  # their identities
    duplicates: set[int]  # the duplicates among those identities
    topics: set[tuple[str, int]]  # their topics, and whether they nest
    taxonomy: bool  # whether any of the files held taxonomy entries
    listing: ListingRow | None  # the stored listing
    first_new: int  # the id the first article stored next takes (ids only grow)


def note(db: sqlite3.Connection, paths: list[str], forgetting: list[str]) -> Noted:
    """Note what forgetting the files at ``forgetting`` (among ``paths``, the files the
    refresh looks at) will change, before it is done."""
    sql = "SELECT id FROM articles WHERE path IN ({marks})"
    forgotten = {row[0] for row in select_in(db, sql, with_posts(db, forgetting))}
    identities = identities_of(db, forgotten)
    topics = "SELECT DISTINCT name, nests FROM article_topics WHERE article_id IN ({marks})"
    return Noted(
        paths,
        forgotten,
        identities,
        duplicate_ids(db, identities),
        set(select_in(db, topics, forgotten)),
        _holds_taxonomy(db, forgetting),
        read_listing(db),
        next_article_id(db),
    )


def keep_up(db: sqlite3.Connection, noted: Noted) -> tuple[ListChanges | None, bool]:
    """Bring duplicates, closure and listing up to date for the articles that changed
    since ``noted``. What left the list and entered it, and whether the topic tree is
    surely as it was; ``None`` and ``False`` when all was rebuilt instead, as it is
    when no listing was stored (a refresh was stopped before this step)."""
    if noted.listing is None:
        rebuild(db)
        return None, False
    new = _stored_from(db, noted.first_new)
    identities = noted.identities | identities_of(db, new)
    duplicates = noted.duplicates | duplicate_ids(db, identities)
    mark_duplicates_among(db, identities)
    listed = listed_changes(db, noted.forgotten, new, identities, duplicates)
    tree_kept = _keep_closure(db, listed, noted)
    update_listing(db, listed, noted.listing)
    note_facts(db)
    return listed, tree_kept


def rebuild(db: sqlite3.Connection) -> None:
    """Duplicates, closure and listing built again over the whole corpus."""
    mark_duplicates(db)
    rebuild_closure(db, read_topic_tree(db))
    store_listing(db)
    note_facts(db)


def note_facts(db: sqlite3.Connection) -> None:
    """Keep what the reader asks of the whole corpus as it starts: asked then, a blog of a
    million articles, which names no provider, cost a pass over them all before the list."""
    db.execute(
        "INSERT OR REPLACE INTO facts VALUES ('names_providers', "
        "EXISTS (SELECT 1 FROM articles WHERE provider_name != ''))"
    )


def _keep_closure(db: sqlite3.Connection, listed: ListChanges, noted: Noted) -> bool:
    """The closure kept up for what changed while the topic tree stays as it was, which
    is so when no taxonomy changed and every topic of the articles that went or came is
    still used by an article that stayed (the tree is the taxonomy and the used topics).
    Otherwise the tree is read again, and the closure rebuilt if its topics changed.
    Whether the tree is known to be as it was."""
    sql = "SELECT DISTINCT name, nests FROM article_topics WHERE article_id >= ?"
    topics = noted.topics | set(db.execute(sql, (noted.first_new,)))
    taxonomy = noted.taxonomy or _holds_taxonomy(db, noted.paths)
    if not taxonomy and all(
        _kept_in_use(db, name, nests, noted.first_new) for name, nests in topics
    ):
        update_closure(db, listed)
        return True
    tree = read_topic_tree(db)
    if ancestor_pairs(db, tree) == set(db.execute("SELECT * FROM topic_ancestors")):
        update_closure(db, listed)
    else:  # a topic came or went, or the taxonomy changed
        rebuild_closure(db, tree)
    return False


def _kept_in_use(db: sqlite3.Connection, name: str, nests: int, first_new: int) -> bool:
    """Whether an article stored before this refresh (below id ``first_new``) uses ``name``,
    nested or not as ``nests`` says."""
    sql = (
        "SELECT 1 FROM article_topics "
        "WHERE key = ? AND name = ? AND nests = ? AND article_id < ? LIMIT 1"
    )
    return db.execute(sql, (topic_key(name), name, nests, first_new)).fetchone() is not None


def _stored_from(db: sqlite3.Connection, first: int) -> set[int]:
    """The articles stored from id ``first`` on (this refresh's, as ids only grow)."""
    return {row[0] for row in db.execute("SELECT id FROM articles WHERE id >= ?", (first,))}


def _holds_taxonomy(db: sqlite3.Connection, paths: list[str]) -> bool:
    sql = "SELECT 1 FROM taxonomy WHERE path IN ({marks}) LIMIT 1"
    return any(True for _ in select_in(db, sql, paths))
