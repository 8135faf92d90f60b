"""The list as stories: one row per story, worked out from the ids of a result.

Grouping runs on every filter keystroke, so it is a few numpy passes over arrays
indexed by article id (each article's story, headline rank and date), loaded once
per index version after the reader's first frame, never a Python object per row.
A story's row is its headline among the matching members (``library.stories.headline``:
highest quality, then earliest), placed where its first member came in the list.
"""

from __future__ import annotations

import sqlite3
from array import array
from collections.abc import Callable, Container
from typing import TYPE_CHECKING

from library.results import ResultSet
from library.stories import Member, headline_key

if TYPE_CHECKING:
    import numpy

NO_DATE = -(1 << 62)


class StoryMap:
    """Every article's story as an integer, its rank as a headline, and its date."""

    def __init__(self, db: sqlite3.Connection) -> None:
        import numpy

        rows = db.execute(
            "SELECT id, coalesce(story, ''), quality, published, identity FROM articles "
            "WHERE duplicate_of IS NULL"
        ).fetchall()
        size = max((row[0] for row in rows), default=0) + 1
        self.story = numpy.zeros(size, numpy.int64)
        self.rank = numpy.zeros(size, numpy.int64)
        self.published = numpy.full(size, NO_DATE, numpy.int64)
        self.names: dict[int, str] = {}
        members = [
            Member(article, published, quality, identity)
            for article, _, quality, published, identity in rows
        ]
        ranked = sorted(range(len(rows)), key=lambda i: headline_key(members[i]))
        for rank, i in enumerate(ranked):
            article, story, _, published, _ = rows[i]
            code = int(story, 16) if story else -article  # no story yet: a story of its own
            self.story[article] = code
            self.names[code] = story
            self.rank[article] = rank
            if published is not None:
                self.published[article] = published

    def covers(self, ids: numpy.ndarray) -> bool:
        """Whether every id was in the index when this map was loaded."""
        return not len(ids) or int(ids.max()) < len(self.story)

    def grouped(self, results: ResultSet, read: numpy.ndarray) -> StoryResults:
        """``results`` with one row per story; ``read`` marks read ids (by id)."""
        import numpy

        ids = numpy.frombuffer(results.ids, numpy.int64)
        codes = self.story[ids]
        order = numpy.lexsort((self.rank[ids], codes))  # by story, headline first
        starts = numpy.flatnonzero(numpy.r_[True, codes[order][1:] != codes[order][:-1]])
        if not len(ids):
            starts = starts[:0]
        first = numpy.minimum.reduceat(order, starts) if len(ids) else starts
        placed = numpy.argsort(first, kind="stable")  # stories where their first member was
        heads = ids[order[starts]][placed]
        sizes = numpy.diff(numpy.r_[starts, len(ids)])[placed]
        unread = ~read[ids[order]] if len(read) else numpy.ones(len(ids), bool)
        unread_counts = numpy.add.reduceat(unread, starts)[placed] if len(ids) else sizes
        dates = self.published[ids[order]]
        known = numpy.where(dates == NO_DATE, numpy.iinfo(numpy.int64).max, dates)
        spans = (
            (
                numpy.minimum.reduceat(known, starts)[placed],
                numpy.maximum.reduceat(dates, starts)[placed],
            )
            if len(ids)
            else (sizes, sizes)
        )
        names = [self.names.get(int(code), "") for code in codes[order[starts]][placed]]
        return StoryResults(
            results, array("q", heads.tobytes()), sizes, unread_counts, spans, names
        )


class StoryResults(ResultSet):
    """A result with one row per story: each row's number of sources, unread sources
    and dates; the articles behind the rows are the original result's."""

    def __init__(
        self,
        members: ResultSet,
        heads: array[int],
        sizes: numpy.ndarray,
        unread: numpy.ndarray,
        spans: tuple[numpy.ndarray, numpy.ndarray],
        names: list[str],
    ) -> None:
        super().__init__(members.connection, heads, members.read)
        self.members = members
        self.sizes = sizes
        self.unread_sources = unread
        self.spans = spans
        self.names = names

    @property
    def unread(self) -> int:
        """Unread articles behind the rows (the status line counts articles)."""
        return self.members.unread

    def story_at(self, position: int) -> str | None:
        """The story of a row that stands for more than one article."""
        if 0 <= position < len(self.names) and self.sizes[position] > 1:
            return self.names[position] or None
        return None

    def note(self, position: int, day: Callable[[int], str]) -> str:
        """``3 sources · 2 unread · 03-05…03-07`` for a story's row, else ''."""
        size = int(self.sizes[position])
        if size < 2:
            return ""
        first, last = int(self.spans[0][position]), int(self.spans[1][position])
        when = ""
        if last != NO_DATE:
            start, end = day(first), day(last)
            when = f" · {start[5:]}" + (f"…{end[5:]}" if end != start else "")
        return f"{size} sources · {int(self.unread_sources[position])} unread{when}"

    def identities(self) -> list[str]:
        """Every article behind the rows (marking a story read marks all its sources)."""
        return self.members.identities()


def read_mask(size: int, read: Container[int] | dict[int, None]) -> numpy.ndarray:
    """A boolean array by id, true for the read ones."""
    import numpy

    mask = numpy.zeros(size, bool)
    if isinstance(read, dict) and read:
        ids = numpy.fromiter(read, numpy.int64, len(read))
        mask[ids[ids < size]] = True
    return mask
