"""Query results as ids in display order, with rows fetched a page at a time.

A list of many thousand articles keeps as many integers, not rows: the screen
asks only for the rows it paints, so memory and time stay flat with corpus
size. The ids are an ``array`` of int64: 8 bytes each, never looked into by
garbage collections, and shared with numpy without a copy.

Narrowing a result to the articles holding the typed words is the work of
every filter keystroke, over every id in the list: it runs in numpy, on arrays
of ids, far faster than a Python membership test per id. numpy is slow to import,
so nothing on the way to the first frame imports it (the reader imports it in the background once
it is up; the first filter keystroke waits for that import if it must).

Read ids, counted against on every keystroke, are a dict (``id_set``): a frozenset
would be looked into by every garbage collection, a dict of integers is not.
"""

from __future__ import annotations

import sqlite3
from array import array
from collections import OrderedDict
from collections.abc import Callable, Container, Iterable, Iterator
from functools import cached_property
from typing import TYPE_CHECKING, NamedTuple

from library.db import select_in
from library.schedule import published_now
from library.schema import STORED_URL

if TYPE_CHECKING:
    import numpy

PAGE = 64  # about a screen: a new result fetches what the list paints, little more
CACHED_PAGES = 64


def row_columns() -> str:
    """The columns of an ``ArticleRow``, its published flag as of now."""
    return (
        f"id, title, provider_name, published, quality, identity, {STORED_URL}, path, "
        f"collection, {published_now()}, kind"
    )


class ArticleRow(NamedTuple):
    """What the article list shows for one article."""

    id: int
    title: str
    provider: str
    published: int | None  # Unix seconds, UTC
    quality: int | None
    identity: str
    url: str
    path: str
    collection: str | None = None  # the site's collection folder (``news``), if any
    is_published: int = 1  # 0: the site did not publish it (``published: false``), or not now
    kind: str = "article"  # front matter ``type``: article, course, video...


def id_set(ids: Iterable[int]) -> dict[int, None]:
    """Ids for membership tests that garbage collections need not look into."""
    return dict.fromkeys(ids)


def id_array(text: str | None) -> numpy.ndarray:
    """The ids of comma-separated text (as SQLite's ``group_concat`` gives them): one
    string crosses from SQLite, not a row per id."""
    import numpy

    if not text:
        return numpy.empty(0, numpy.int64)
    return numpy.fromstring(text, dtype=numpy.int64, sep=",")


def chosen_ids(ids: numpy.ndarray, chosen: numpy.ndarray) -> array[int]:
    """The ``ids`` (int64) that the mask ``chosen`` marks, in order, as a result's ids.

    ``compress``, not ``ids[chosen]``: indexing by a mask branches on every id, and a
    mask of some ids in two costs a missed branch prediction in two. The ids are then
    copied once into the array: ``tobytes`` would make a copy more, as large as the list."""
    import numpy

    held = array("q")
    held.frombytes(numpy.compress(chosen, ids).data.cast("B"))
    return held


def id_mask(ids: numpy.ndarray, size: int = 0) -> numpy.ndarray:
    """A boolean array by id, true at ``ids`` (at least ``size`` long). Testing a list's
    ids against it is one pass: a sorting membership test grows faster than the list."""
    import numpy

    mask = numpy.zeros(max(size, int(ids.max()) + 1 if len(ids) else 0), bool)
    mask[ids] = True
    return mask


def marked(mask: numpy.ndarray, ids: numpy.ndarray) -> numpy.ndarray:
    """For each of ``ids``, whether ``mask`` (by id) marks it; ids past its end are not
    marked."""
    import numpy

    inside = ids < len(mask)
    found: numpy.ndarray
    if inside.all():
        found = mask[ids]
        return found
    found = numpy.zeros(len(ids), bool)
    found[inside] = mask[ids[inside]]
    return found


def fetch_rows(db: sqlite3.Connection, ids: Iterable[int]) -> dict[int, ArticleRow]:
    """Rows by id, in chunks that stay under SQLite's parameter limit."""
    sql = f"SELECT {row_columns()} FROM articles WHERE id IN ({{marks}})"
    return {row[0]: ArticleRow(*row) for row in select_in(db, sql, ids)}


def _gone(article_id: int) -> ArticleRow:
    """A placeholder for an article removed since the query ran (the list re-queries soon)."""
    return ArticleRow(article_id, "(no longer in the corpus)", "", None, None, "", "", "")


class ResultSet:
    """The ids matching a query, in order, and their rows on demand.

    Rows are fetched through ``connection``, which gives the calling thread's own
    connection: a result made in one thread may be read in another.
    """

    def __init__(
        self,
        connection: Callable[[], sqlite3.Connection],
        ids: Iterable[int],
        read: Container[int] = (),
        starred: Container[int] = (),
    ) -> None:
        self.connection = connection
        self.ids = ids if isinstance(ids, array) else array("q", ids)
        self.read = read  # ids of read articles (any, not only these): shared, never copied
        self.starred = starred  # and of starred ones, alike
        self._pages: OrderedDict[int, list[ArticleRow]] = OrderedDict()

    @cached_property
    def unread(self) -> int:
        """How many of the results are not read (counted when first asked)."""
        if not self.read:
            return len(self.ids)
        return len(self.ids) - sum(map(self.read.__contains__, self.ids))

    def narrowed(self, keep: numpy.ndarray | None, drop: numpy.ndarray | None) -> ResultSet:
        """The results whose id ``keep`` marks (any, when ``None``) and ``drop`` does not,
        in the same order; both are masks by id (``id_mask``)."""
        import numpy

        ids = numpy.frombuffer(self.ids, numpy.int64)  # the same memory, not a copy
        chosen = numpy.ones(len(ids), bool) if keep is None else marked(keep, ids)
        if drop is not None:
            chosen &= ~marked(drop, ids)
        return ResultSet(self.connection, chosen_ids(ids, chosen), self.read, self.starred)

    def head(self, count: int) -> ResultSet:
        """The first ``count`` results."""
        return ResultSet(self.connection, self.ids[:count], self.read, self.starred)

    def __len__(self) -> int:
        return len(self.ids)

    @property
    def articles(self) -> int:
        """How many articles the rows stand for."""
        return len(self.ids)

    def __iter__(self) -> Iterator[ArticleRow]:
        for position in range(len(self.ids)):
            yield self.row(position)

    def row(self, position: int) -> ArticleRow:
        """The row at ``position`` (its page is fetched once and kept while recent)."""
        number = position // PAGE
        page = self._pages.get(number)
        if page is None:
            ids = self.ids[number * PAGE : (number + 1) * PAGE]
            rows = fetch_rows(self.connection(), ids)
            page = [rows.get(i) or _gone(i) for i in ids]
            self._pages[number] = page
            if len(self._pages) > CACHED_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(number)
        return page[position % PAGE]

    def position_of(self, article_id: int) -> int | None:
        """Where an article is in the results, if it is there (one numpy pass: asked on
        every filter keystroke, ``array.index`` makes a Python integer of every id)."""
        import numpy

        found = numpy.flatnonzero(numpy.frombuffer(self.ids, numpy.int64) == article_id)
        return int(found[0]) if len(found) else None

    @property
    def article_ids(self) -> array[int]:
        """The articles behind the rows, each row one here (a story's row stands for
        several: see ``StoryResults``)."""
        return self.ids

    def identities(self) -> list[str]:
        """Every result's identity (for marking all shown as read)."""
        sql = "SELECT id, identity FROM articles WHERE id IN ({marks})"
        found: dict[int, str] = dict(select_in(self.connection(), sql, self.ids))
        return [found[i] for i in self.ids if i in found]
