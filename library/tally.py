"""Counting for the tree: articles per part of the site, and per topic node.

A node's count must agree with the list the node shows. Counts per part of the
site (each collection and language with the site's published flag) come from one grouped
query, and each node adds up the parts its ``SitePart`` holds: the same rule the
stored listing filters with. Topic counts use the conditions of the default
stream's list. Both run in the counting worker, never on the UI thread.
"""

from __future__ import annotations

import sqlite3
from typing import NamedTuple

from library.schedule import moment, published_sql
from library.search import UNREAD
from library.stream import SitePart

STARRED = "a.identity IN (SELECT identity FROM state.starred)"


class Tally(NamedTuple):
    """How many articles, and how many of them are unread."""

    total: int
    unread: int


class PartTally(NamedTuple):
    """The articles of one collection (``None``: in none) and language with one value of
    the flag."""

    collection: str | None
    language: str | None
    published: bool
    total: int
    unread: int
    starred: int


def tally_parts(db: sqlite3.Connection) -> list[PartTally]:
    """Articles, unread and starred, per collection, language and published flag (as of
    now), in one query."""
    sql = (
        f"SELECT a.collection, a.language, {published_sql(moment(db))}, count(*), "
        f"sum({UNREAD}), sum({STARRED}) FROM articles a WHERE a.duplicate_of IS NULL "
        "GROUP BY 1, 2, 3"
    )
    return [
        PartTally(collection, language, bool(published), total, unread or 0, starred or 0)
        for collection, language, published, total, unread, starred in db.execute(sql)
    ]


def within(parts: list[PartTally], part: SitePart, *, starred: bool = False) -> Tally:
    """The articles of ``parts`` that ``part`` holds (only the starred, with ``starred``:
    then ``unread`` is not counted)."""
    held = [p for p in parts if part.holds(p.collection, p.language, p.published)]
    if starred:
        return Tally(sum(p.starred for p in held), 0)
    return Tally(sum(p.total for p in held), sum(p.unread for p in held))


def count_by_topic(db: sqlite3.Connection, where: str, params: list[object]) -> dict[str, int]:
    """Articles per topic node, descendants included, of those matching the compiled
    conditions ``where``: ``tally_by_topic`` without the unread, which needs no reading
    state (``lede topics`` may have none)."""
    return dict(db.execute(_by_topic("count(*)", where), params).fetchall())


def tally_by_topic(db: sqlite3.Connection, where: str, params: list[object]) -> dict[str, Tally]:
    """Articles per topic node, descendants included, of those matching the compiled
    conditions ``where`` (see ``Search.compile``). The closure table is read alone;
    the articles that match, and those read, are each looked up once as a set."""
    unread_sql = (
        "sum(t.article_id NOT IN (SELECT a.id FROM articles a "
        "WHERE a.identity IN (SELECT identity FROM state.read)))"
    )
    found = db.execute(_by_topic(f"count(*), {unread_sql}", where), params)
    return {node: Tally(total, unread or 0) for node, total, unread in found}


def _by_topic(columns: str, where: str) -> str:
    """``columns`` per topic node, of the articles matching ``where`` (the closure holds
    no duplicates: with no conditions it is read alone)."""
    matching = (
        f" AND t.article_id IN (SELECT a.id FROM articles a WHERE a.duplicate_of IS NULL{where})"
        if where
        else ""
    )
    return f"SELECT t.node, {columns} FROM topic_closure t WHERE 1{matching} GROUP BY t.node"
