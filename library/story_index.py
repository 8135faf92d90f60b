"""Stories in the index: which articles are grouped, and grouping those a refresh added.

News is grouped: the ``news`` collection of a Jekyll site (its archive too), or the
documents of a plain folder, which sit in no collection. Every other article is a story
of its own. The indexing workers compute a news article's signature; after a refresh
that stored some, their terms are counted into the index's term counts
(``library.story_terms``) and the new articles are placed into the stories of those
already grouped. Only the stored articles near a new one in time are restored (from
their stored signatures, without comparing them): within ``2 * WINDOW`` of it, which
holds every member of any story it could join, as a story spans at most ``WINDOW``.
So placing a few articles costs what they touch, not the corpus. On a cold index
nothing is restored, so that is a grouping from scratch, on two cores when the
articles are many (``story_split``). Copies of one article (one
identity: a news file and its archived copy) share its story.

Incremental and batch results may differ in two ways. An article that comes late (a
new file dated before stored ones) joins or starts a story among the stories as
stored; a batch would have placed it in date order, before the later ones, whose
choices could then differ. (Joining a story before its earliest member, it renames
the story after itself, stored members and all, as a batch names it: the same members
get the same id however the index was built.) And stored articles keep the stories
they were given under the term counts of their time, while a new one is weighed by
today's. Otherwise a new article meets the stories a batch would compare it with,
weighed alike.

Grouping runs apart from the reader's process (``grouping``): it is seconds of Python
at 50,000 articles and would otherwise hold the interpreter lock while a person types.
After a bulk load its worker counts the new terms while the refresh builds the rest.
"""

from __future__ import annotations

import os
import sqlite3
from array import array
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from functools import partial
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING

from library.schema import BULK, create_index

if TYPE_CHECKING:
    from library.story_parts import StoryArticle
    from library.story_terms import Counted

NEWS = "news"
STORY_INDEX = "articles_story"

# Correlated, so it looks only at the articles without a story (an IN list of every
# grouped identity was a scan of the index per refresh).
_COPIES_TAKE_THEIR_STORY = (
    "UPDATE articles SET story = (SELECT o.story FROM articles o "
    "WHERE o.identity = articles.identity AND o.story IS NOT NULL) "
    "WHERE story IS NULL AND EXISTS (SELECT 1 FROM articles o "
    "WHERE o.identity = articles.identity AND o.story IS NOT NULL)"
)
_ARTICLE = "a.id, a.published, a.identity, s.signature"  # a StoryArticle
_GROUPED = (
    "SELECT {columns} FROM articles a JOIN signatures s ON s.article_id = a.id "
    "WHERE a.duplicate_of IS NULL AND a.story IS {null}"
)
_NEW = _GROUPED.replace("{null}", "NULL")
# Whether more than ? articles wait for a story (read through the index of stories).
_TO_WRITE = "SELECT count(*) FROM (SELECT 1 FROM articles WHERE story IS NULL LIMIT ? + 1)"
# ``stories._order``: the dated by date, then the undated. Apart, the dated are read
# through the index of dates and sorted only where dates tie: a sort of every row
# (signatures and all) took twice as long.
_IN_ORDER = (
    " AND a.published IS NOT NULL ORDER BY a.published, a.identity, a.id",
    " AND a.published IS NULL ORDER BY a.identity, a.id",
)
_FROM_DATE = " AND a.published >= ? ORDER BY a.published, a.identity, a.id"


def spans_near(dates: Iterable[int | None]) -> list[tuple[int, int]]:
    """The spans of time within ``2 * WINDOW`` of any of the dates, merged, in order."""
    from library.story_parts import WINDOW

    spans: list[tuple[int, int]] = []
    for date in sorted(date for date in dates if date is not None):
        start, end = date - 2 * WINDOW, date + 2 * WINDOW
        if spans and start <= spans[-1][1]:
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
    return spans


def _near(db: sqlite3.Connection, dates: list[int | None]) -> list[tuple[StoryArticle, str]]:
    """The grouped articles, with their stories, dated within ``spans_near(dates)``."""
    from library.story_parts import StoryArticle

    sql = _GROUPED.format(columns=f"{_ARTICLE}, a.story", null="NOT NULL")
    sql += " AND a.published BETWEEN ? AND ?"
    return [
        (StoryArticle(*row[:4]), row[4])
        for span in spans_near(dates)
        for row in db.execute(sql, span)
    ]


def in_stories(collection: str | None, url: str) -> bool:
    """Whether an article is grouped into stories: news (its collection's, or a plain
    folder's) that reports an original elsewhere (``url``: its ``originalUrl``, else its
    ``webUrl``, as an archive keeps only that). A site's own posts link none, and a
    blog's monthly updates or a release and its call for testing were one story."""
    return (collection is None or collection == NEWS) and bool(url)


def assign_stories(db_path: Path | str) -> int:
    """Give every article of the index at ``db_path`` without a story its story, in a
    worker process; how many news articles were placed."""
    with grouping(db_path, ahead=False) as assign:
        return assign()


@contextmanager
def grouping(db_path: Path | str, *, ahead: bool) -> Iterator[Callable[[], int]]:
    """``assign_stories`` for the body to call once the articles are stored with their
    duplicates marked, in a worker started now. When ``ahead`` (a bulk load), the worker
    counts the new signatures' terms meanwhile: seconds of one core at a million
    articles, while the body builds indexes, the topic closure and the listing on one
    core (``library.indexer``)."""
    from library.one_worker import KeptWorker

    worker = KeptWorker("library.story_index")
    try:
        if ahead:
            worker.begin(count_ahead, str(db_path))
        yield partial(worker.run, _assign, str(db_path))
    except BaseException:
        worker.stop()
        raise
    worker.close(wait=True)


# In a grouping's worker process: the terms counted ahead, by index, for its next call.
_counted_ahead: dict[str, Counted] = {}


def count_ahead(db_path: str) -> None:
    """Count the terms of the signatures not counted yet, for ``_assign`` to store."""
    from library.db import connect
    from library.story_terms import count_terms

    db = connect(Path(db_path))
    try:
        _counted_ahead[db_path] = count_terms(db)
    finally:
        db.close()


def _assign(db_path: str) -> int:
    from library.db import connect

    ahead = _counted_ahead.pop(db_path, None)
    db = connect(Path(db_path))
    try:
        with db:
            return place_new(db, db_path, ahead)
    finally:
        db.close()


def place_new(
    db: sqlite3.Connection, db_path: str | None = None, ahead: Counted | None = None
) -> int:
    """Place the articles without a story (see the module); how many news articles.
    Given the index's path, a cold index's many are grouped on two cores
    (``story_split``); given their terms counted ``ahead``, they are not counted again."""
    from library.signature import signature_terms
    from library.stories import place_in_order
    from library.story_parts import StoryArticle, story_id
    from library.story_terms import count_new, frequencies

    grouped = db.execute("SELECT 1 FROM articles WHERE story IS NOT NULL LIMIT 1").fetchone()
    if grouped:  # none to take in a cold index, nor any near the new ones
        db.execute(_COPIES_TAKE_THEIR_STORY)
    # Kept up row by row, the index of stories took each new id (a hash) to a page of its
    # own: past ``BULK`` stories to write, it is dropped for the writes and built after.
    bulk = db.execute(_TO_WRITE, (BULK,)).fetchone()[0] > BULK
    if bulk:
        db.execute(f"DROP INDEX IF EXISTS {STORY_INDEX}")
    counted = count_new(db, ahead)
    restored = []
    if grouped:
        restored = _near(db, [date for (date,) in db.execute(_NEW.format(columns="a.published"))])
    corpus = counted
    if not counted.df:  # counted before: read the counts of the terms wanted
        signatures = chain(
            (article.signature for article, _ in restored),
            (signature for (signature,) in db.execute(_NEW.format(columns="s.signature"))),
        )
        corpus = frequencies(db, signature_terms(" ".join(signatures)), counted.total)
    new = _NEW.format(columns=_ARTICLE)
    rows = map(StoryArticle._make, chain.from_iterable(db.execute(new + o) for o in _IN_ORDER))
    middle = None if grouped else _middle_date(db)
    renames: list[tuple[str, str]] = []
    if db_path is None or middle is None:
        placing = place_in_order(restored, rows, corpus, renames)
    else:
        from library.story_split import place_split

        later = (new + _FROM_DATE, new + _IN_ORDER[1])
        placing = place_split(db_path, rows, corpus, middle, later)
    placed = _write_stories(db, placing)
    db.executemany("UPDATE articles SET story = ? WHERE story = ?", [r[::-1] for r in renames])
    alone = db.execute(
        "SELECT id, identity FROM articles a WHERE story IS NULL AND duplicate_of IS NULL "
        "AND NOT EXISTS (SELECT 1 FROM signatures s WHERE s.article_id = a.id)"
    ).fetchall()
    db.executemany(
        "UPDATE articles SET story = ? WHERE id = ?",
        [(story_id(identity), article) for article, identity in alone],
    )
    db.execute(_COPIES_TAKE_THEIR_STORY)
    db.execute(create_index(STORY_INDEX))  # after a bulk load, left to be built here
    return placed


def _middle_date(db: sqlite3.Connection) -> int | None:
    """The middle date of the corpus, when enough articles wait for a story to group them
    on two cores (see ``story_split``: any date gives the same stories; the middle
    shares the work). Read through the index of dates: the articles waiting, joined
    with their signatures and sorted, took seconds at a million."""
    from library.story_split import SPLIT_FROM

    waiting: int = db.execute(_TO_WRITE, (SPLIT_FROM,)).fetchone()[0]
    if (os.cpu_count() or 1) < 2 or waiting <= SPLIT_FROM:
        return None
    dated: int = db.execute("SELECT count(published) FROM articles").fetchone()[0]
    middle = db.execute(
        "SELECT published FROM articles WHERE published IS NOT NULL ORDER BY published "
        "LIMIT 1 OFFSET ?",
        (dated // 2,),
    ).fetchone()
    return None if middle is None else int(middle[0])


def _write_stories(db: sqlite3.Connection, placed: Iterable[tuple[int, str]]) -> int:
    """Store each article's story; how many. In id order, as the table is kept: in date
    order each row was a page of its own, most of them out of SQLite's cache, so each
    was read and spilled again. Held as numbers meanwhile (a story id is hex), 16 bytes
    an article."""
    import numpy

    from library.story_parts import STORY_DIGITS

    ids, stories = array("q"), array("q")
    for article, story in placed:
        ids.append(article)
        stories.append(int(story, 16))
    order = numpy.argsort(numpy.frombuffer(ids, numpy.int64), kind="stable").tolist()
    db.executemany(
        "UPDATE articles SET story = ? WHERE id = ?",
        ((f"{stories[i]:0{STORY_DIGITS}x}", ids[i]) for i in order),
    )
    return len(ids)
