"""Stories in the index: which articles are grouped, and grouping those a refresh added.

News is grouped: the ``news`` collection of a Jekyll site (its archive too), or the
documents of a plain folder, which sit in no collection. Every other article is a story
of its own. The indexing workers compute a news article's signature; after a refresh
that stored some, the new ones are placed into the stories of those already grouped,
restored from their stored signatures without comparing them (``library.stories``).
On a cold index nothing is restored, so that is a grouping from scratch. Copies of one
article (one identity: a news file and its archived copy) share its story.

Grouping runs apart from the reader's process (``run_apart``): it is seconds of Python
at 50,000 articles and would otherwise hold the interpreter lock while a person types.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

NEWS = "news"

_COPIES_TAKE_THEIR_STORY = (
    "UPDATE articles SET story = (SELECT o.story FROM articles o "
    "WHERE o.identity = articles.identity AND o.story IS NOT NULL) "
    "WHERE story IS NULL AND identity IN (SELECT identity FROM articles WHERE story IS NOT NULL)"
)
_GROUPED = (
    "SELECT a.id, a.published, a.identity, s.signature{story} FROM articles a "
    "JOIN signatures s ON s.article_id = a.id "
    "WHERE a.duplicate_of IS NULL AND a.story IS {null}"
)


def in_stories(collection: str | None) -> bool:
    """Whether articles of this collection are grouped into stories (news only)."""
    return collection is None or collection == NEWS


def assign_stories(db_path: Path | str) -> int:
    """Give every article of the index at ``db_path`` without a story its story, in a
    worker process; how many news articles were placed."""
    from library.parallel import run_apart

    return run_apart(_assign, (str(db_path),), preload="library.story_index")


def _assign(db_path: str) -> int:
    from library.db import connect

    db = connect(Path(db_path))
    try:
        with db:
            return place_new(db)
    finally:
        db.close()


def place_new(db: sqlite3.Connection) -> int:
    """Place the articles without a story (see the module); how many news articles."""
    from library.stories import StoryArticle, StoryGrouper, story_id

    db.execute(_COPIES_TAKE_THEIR_STORY)
    new = [StoryArticle(*row) for row in db.execute(_GROUPED.format(story="", null="NULL"))]
    if new:
        grouper = StoryGrouper()
        placed = db.execute(_GROUPED.format(story=", a.story", null="NOT NULL"))
        restored = ((StoryArticle(*row[:4]), row[4]) for row in placed)
        stories = grouper.restore_and_place(restored, new)
        del grouper  # most of the memory: gone before the writes
        db.executemany(
            "UPDATE articles SET story = ? WHERE id = ?",
            [(story, article) for article, story in stories.items()],
        )
    alone = db.execute(
        "SELECT id, identity FROM articles a WHERE story IS NULL AND duplicate_of IS NULL "
        "AND NOT EXISTS (SELECT 1 FROM signatures s WHERE s.article_id = a.id)"
    ).fetchall()
    db.executemany(
        "UPDATE articles SET story = ? WHERE id = ?",
        [(story_id(identity), article) for article, identity in alone],
    )
    db.execute(_COPIES_TAKE_THEIR_STORY)
    return len(new)
