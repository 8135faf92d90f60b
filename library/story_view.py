"""Results seen as stories: one entry per story, in the order its first member comes,
with its members and its headline (``library.headline``: highest quality,
then earliest)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from typing import NamedTuple

from library.db import select_in
from library.headline import Member, headline
from library.results import ArticleRow, row_columns


class StoryEntry(NamedTuple):
    """One story of a list: its id, its members in list order, and the one shown."""

    story: str
    members: list[ArticleRow]
    headline: ArticleRow

    @property
    def span(self) -> tuple[int | None, int | None]:
        """The first and last dates of its members (``None`` when none has one)."""
        dates = [row.published for row in self.members if row.published is not None]
        return (min(dates), max(dates)) if dates else (None, None)


def stories_of(db: sqlite3.Connection, article_ids: Iterable[int]) -> dict[int, str]:
    """The story of each article (one without a story yet is a story of its own)."""
    sql = "SELECT id, coalesce(story, 'a' || id) FROM articles WHERE id IN ({marks})"
    return dict(select_in(db, sql, article_ids))


def story_entries(rows: list[ArticleRow], stories: dict[int, str]) -> list[StoryEntry]:
    """The rows grouped by story, each story where its first row was."""
    members: dict[str, list[ArticleRow]] = {}
    for row in rows:
        members.setdefault(stories.get(row.id, f"a{row.id}"), []).append(row)
    entries = []
    for story, rows_of_story in members.items():
        by_id = {row.id: row for row in rows_of_story}
        best = headline(Member(r.id, r.published, r.quality, r.identity) for r in rows_of_story)
        entries.append(StoryEntry(story, rows_of_story, by_id[best]))
    return entries


def story_sources(db: sqlite3.Connection, article_id: int) -> list[ArticleRow]:
    """Every source of the story of an article, earliest first (it alone, if alone)."""
    sql = (
        f"SELECT {row_columns()} FROM articles WHERE duplicate_of IS NULL AND story = "
        "(SELECT story FROM articles WHERE id = ?) ORDER BY published IS NULL, published, id"
    )
    return [ArticleRow(*row) for row in db.execute(sql, (article_id,))]


def story_of(db: sqlite3.Connection, article_id: int) -> str | None:
    """The story an article is in now (``None`` when it is gone from the index)."""
    found = db.execute("SELECT story FROM articles WHERE id = ?", (article_id,)).fetchone()
    return None if found is None or found[0] is None else str(found[0])


def story_headline(db: sqlite3.Connection, story: str) -> str | None:
    """The title of a story's headline as the index holds it now (``None`` when none of
    its articles is left)."""
    from library.story_map import HEADLINE_ORDER

    sql = (
        "SELECT title FROM articles WHERE duplicate_of IS NULL AND story = ? "
        f"ORDER BY {HEADLINE_ORDER} LIMIT 1"
    )
    found = db.execute(sql, (story,)).fetchone()
    return None if found is None else str(found[0])
