"""The list as stories: one row per story, worked out from the ids of a result.

Grouping runs on every filter keystroke, so it is a few numpy passes over arrays
indexed by article id, loaded once per index version after the reader's first frame,
never a Python object per row. Most stories are one article, which is its own row:
the map holds only the articles of shared stories (a few in a hundred), so loading it
reads those from the index and not every article, and every other article is a row of
its own. A story's row is its headline among the matching members
(``library.headline``: highest quality, then earliest), placed where its first member
came in the list. Ids, ranks and story indexes are held in 32 bits.
"""

from __future__ import annotations

import copy
import sqlite3
from array import array
from collections.abc import Callable, Container
from typing import TYPE_CHECKING, NamedTuple

from library.db import select_in
from library.headline import Member, best_first
from library.results import ResultSet, chosen_ids
from library.story_parts import STORY_DIGITS

if TYPE_CHECKING:
    import numpy

    from library.closure import ListChanges

NO_DATE = -(1 << 62)
LATEST = 1 << 62
# The headline order (``library.headline``) in SQL: SQLite sorts, not Python.
HEADLINE_ORDER = "quality IS NULL, quality DESC, published IS NULL, published, identity"
CHUNK = 16384  # rows read at a time when the map is loaded

NOTE_SEPARATOR = " · "  # between the parts of a story's note, which a narrow row drops


class StoryMap:
    """By article id: its shared story (a dense index; -1 for an article that is its own
    story) and its place in the headline order; the dates of the members in that order."""

    def __init__(self, db: sqlite3.Connection) -> None:
        import numpy

        cursor = db.execute(
            "SELECT id, story, coalesce(published, ?) FROM articles "
            "WHERE duplicate_of IS NULL AND story IN (SELECT story FROM articles "
            "WHERE story IS NOT NULL GROUP BY story HAVING count(*) > 1) "
            f"ORDER BY {HEADLINE_ORDER}",
            (NO_DATE,),
        )
        read, codes, dates = array("q"), array("q"), array("q")
        while rows := cursor.fetchmany(CHUNK):
            read.extend(row[0] for row in rows)
            codes.extend(int(row[1], 16) for row in rows)
            dates.extend(row[2] for row in rows)
        ids = numpy.frombuffer(read, numpy.int64)
        # Every article stored by now is known: those not read are stories of their own.
        size = (db.execute("SELECT max(id) FROM articles").fetchone()[0] or 0) + 1
        self.codes, dense = numpy.unique(numpy.frombuffer(codes, numpy.int64), return_inverse=True)
        self.story = numpy.full(size, -1, numpy.int32)  # id -> dense story index
        self.story[ids] = dense
        self.rank = numpy.zeros(size, numpy.int32)  # id -> place in the headline order
        self.rank[ids] = numpy.arange(len(ids))
        self.by_rank = ids.astype(numpy.int32)
        self.dates = numpy.frombuffer(dates, numpy.int64).copy()  # by place in that order
        self.shared, self.shared_codes = _shared(self.story, self.codes)

    def updated(self, db: sqlite3.Connection, changes: ListChanges) -> StoryMap:
        """A copy of this map without the articles that left the list and with those that
        entered it, and the articles whose story they join, read by story alone: each
        arrival of a watched file would otherwise load the map again. The members of
        the stories joined are ranked again in the headline order, in the places those
        already in the map held and new ones after: ranked after them, the headline's
        own file written again by a feed handed its story's row to a lesser source until
        the next start, and ``lede list --stories`` named another headline."""
        import numpy

        sql = "SELECT story FROM articles WHERE id IN ({marks}) AND story IS NOT NULL"
        joined = {row[0] for row in select_in(db, sql, changes.entered)}
        sql = (
            "SELECT id, published, quality, identity, story FROM articles "
            "WHERE duplicate_of IS NULL AND story IN ({marks})"
        )
        rows = list(select_in(db, sql, joined))
        rows.sort(key=lambda row: best_first(Member(*row[:4])))
        ids = numpy.fromiter((row[0] for row in rows), numpy.int64, len(rows))
        codes = numpy.fromiter((int(row[4], 16) for row in rows), numpy.int64, len(rows))
        left = numpy.fromiter(changes.left, numpy.int64, len(changes.left))
        entered = numpy.fromiter(changes.entered, numpy.int64, len(changes.entered))
        size = max([len(self.story), *(int(i.max()) + 1 for i in (entered, left) if len(i))])
        held = numpy.fromiter((self._holds(row[0], changes) for row in rows), bool, len(rows))
        fresh = len(rows) - int(held.sum())
        places = numpy.concatenate(
            [
                numpy.sort(self.rank[ids[held]]),
                len(self.by_rank) + numpy.arange(fresh, dtype=numpy.int64),
            ]
        )
        new = copy.copy(self)
        new.codes, dense = _joined(self.codes, codes)
        new.story = _grown(self.story, size, -1)
        new.story[left] = -1
        new.story[entered] = -1  # a story of its own, unless read below
        new.story[ids] = dense
        new.rank = _grown(self.rank, size, 0)
        new.rank[ids] = places
        new.by_rank = _grown(self.by_rank, len(self.by_rank) + fresh, 0)
        new.by_rank[places] = ids
        dates = (NO_DATE if row[1] is None else row[1] for row in rows)
        new.dates = _grown(self.dates, len(self.dates) + fresh, 0)
        new.dates[places] = numpy.fromiter(dates, numpy.int64, len(rows))
        new.shared, new.shared_codes = _shared(new.story, new.codes)
        return new

    def _holds(self, article: int, changes: ListChanges) -> bool:
        """Whether ``article`` is in this map already and stays as it is."""
        known = article < len(self.story) and self.story[article] >= 0
        return bool(known) and article not in changes.entered and article not in changes.left

    def covers(self, ids: numpy.ndarray) -> bool:
        """Whether every id was stored when this map was loaded or last updated."""
        return not len(ids) or int(ids.max()) < len(self.story)

    def grouped(
        self, results: ResultSet, read: numpy.ndarray, starred: numpy.ndarray
    ) -> StoryResults:
        """``results`` with one row per story; ``read`` and ``starred`` mark those ids (by
        id: empty when none are).

        A story's row is where its first member was, showing its best-ranked member.
        An article whose story is its own is its row as it stands. Only a few articles
        in a hundred share a story, so the passes over the whole list are few (the
        story of each, whether each is read, the rows kept); the rest works on the
        members of shared stories alone, gathered by ``ufunc.at`` (one pass each, no
        sort) into arrays as long as there are shared stories."""
        import numpy

        ids = numpy.frombuffer(results.ids, numpy.int64)
        count = len(ids)
        story = self.story[ids]
        in_map = numpy.flatnonzero(story >= 0)
        place = self.shared[story[in_map]]  # among the shared stories; -1 for a story of one
        del story
        members = in_map[place >= 0]  # positions in the list, in order
        group = place[place >= 0]
        if len(read):
            was_read = read[ids]
            member_read = was_read[members]
            read_alone = int(numpy.count_nonzero(was_read)) - int(numpy.count_nonzero(member_read))
            member_unread = ~member_read
            del was_read
        else:
            read_alone, member_unread = 0, numpy.ones(len(members), bool)
        shared = len(self.shared_codes)
        first = numpy.full(shared, count, numpy.int64)
        numpy.minimum.at(first, group, members)
        places = numpy.flatnonzero(first < count)  # the stories with a member listed
        firsts = first[places]
        is_row = numpy.ones(count, bool)
        is_row[members] = False
        is_row[firsts] = True
        dropped = members[~is_row[members]]
        heads = chosen_ids(ids, is_row)
        del is_row
        rows = firsts - numpy.searchsorted(dropped, firsts)  # each story's row among the rows
        member_ids = ids[members]
        best = numpy.full(shared, len(self.by_rank), numpy.int64)
        numpy.minimum.at(best, group, self.rank[member_ids])
        numpy.frombuffer(heads, numpy.int64)[rows] = self.by_rank[best[places]]
        dates = self.dates[self.rank[member_ids]]
        earliest = numpy.full(shared, LATEST, numpy.int64)
        numpy.minimum.at(earliest, group, numpy.where(dates == NO_DATE, LATEST, dates))
        latest = numpy.full(shared, NO_DATE, numpy.int64)
        numpy.maximum.at(latest, group, dates)
        stories = SharedStories(
            numpy.bincount(group, minlength=shared),
            numpy.bincount(group, member_unread, minlength=shared).astype(numpy.int64),
            _counted(group, starred, ids[members], shared),
            earliest,
            latest,
        )
        order = numpy.argsort(rows)
        unread_alone = count - len(members) - read_alone
        return StoryResults(
            results,
            heads,
            (rows[order], places[order]),
            stories,
            unread_alone + int(stories.unread.sum()),
            self,
        )


class SharedStories(NamedTuple):
    """By shared story (its place among them): its members in a result, those unread,
    those starred, and their earliest and latest dates."""

    sizes: numpy.ndarray
    unread: numpy.ndarray
    starred: numpy.ndarray
    earliest: numpy.ndarray
    latest: numpy.ndarray


class StoryRow(NamedTuple):
    """A row of a story list that stands for a shared story: its headline's id, its
    sources (in the result), unread and starred sources, earliest and latest dates (``LATEST``,
    ``NO_DATE`` when none), and its story as ``int(story id, 16)``."""

    head: int
    size: int
    unread: int
    starred: int
    earliest: int
    latest: int
    code: int

    def note(self, day: Callable[[int], str]) -> str:
        """``3 sources · 2 unread · 03-05…03-07``: what the row adds to its headline."""
        when = ""
        if self.latest != NO_DATE:
            start, end = day(self.earliest), day(self.latest)
            when = NOTE_SEPARATOR + start[5:] + (f"…{end[5:]}" if end != start else "")
        return f"{self.size} sources{NOTE_SEPARATOR}{self.unread} unread{when}"


class StoryResults(ResultSet):
    """A result with one row per story; the articles behind the rows are the original
    result's. A row of a story of one is its article alone; only the rows of shared
    stories keep counts and dates (``SharedStories``), read when a row is shown."""

    def __init__(
        self,
        members: ResultSet,
        heads: array[int],
        story_rows: tuple[numpy.ndarray, numpy.ndarray],
        shared: SharedStories,
        unread: int,
        stories: StoryMap,
    ) -> None:
        super().__init__(members.connection, heads, members.read, members.starred)
        self.members = members
        # The rows that stand for a shared story, in order, and each one's place among them.
        self.story_rows, self.story_places = story_rows
        self.shared = shared
        self._unread = unread
        self.stories = stories

    @property
    def unread(self) -> int:
        """Unread articles behind the rows (the status line counts articles)."""
        return self._unread

    @property
    def articles(self) -> int:
        """The articles behind the rows: a shared story's row stands for several."""
        return len(self.members)

    def story_row(self, position: int) -> StoryRow | None:
        """The row at ``position`` as a story; None for an article that is a story of its
        own."""
        import numpy

        at = int(numpy.searchsorted(self.story_rows, position))
        if at == len(self.story_rows) or self.story_rows[at] != position:
            return None
        place = int(self.story_places[at])
        shared = self.shared
        return StoryRow(
            self.ids[position],
            int(shared.sizes[place]),
            int(shared.unread[place]),
            int(shared.starred[place]),
            int(shared.earliest[place]),
            int(shared.latest[place]),
            int(self.stories.shared_codes[place]),
        )

    def position_of(self, article_id: int) -> int | None:
        """Where an article is: its row, or the row of the story it is a source of (``c``
        from a source that is no headline went to the top)."""
        import numpy

        found = super().position_of(article_id)
        story = self.stories.story
        if found is not None or not 0 <= article_id < len(story) or story[article_id] < 0:
            return found
        heads = numpy.frombuffer(self.ids, numpy.int64)
        of_heads = story[heads.clip(0, len(story) - 1)]
        rows = numpy.flatnonzero((heads < len(story)) & (of_heads == story[article_id]))
        return int(rows[0]) if len(rows) else None

    def story_at(self, position: int) -> str | None:
        """The story of a row that stands for more than one article."""
        if not 0 <= position < len(self.ids):
            return None
        row = self.story_row(position)
        return f"{row.code:0{STORY_DIGITS}x}" if row is not None and row.size > 1 else None

    @property
    def article_ids(self) -> array[int]:
        """Every article behind the rows: the timeline counts these, not the headlines."""
        return self.members.ids

    def identities(self) -> list[str]:
        """Every article behind the rows (marking a story read marks all its sources)."""
        return self.members.identities()


def _counted(
    group: numpy.ndarray, flagged: numpy.ndarray, member_ids: numpy.ndarray, shared: int
) -> numpy.ndarray:
    """By shared story, how many of its members listed (``member_ids``, each story's
    place in ``group``) ``flagged`` marks (by id; empty when none is)."""
    import numpy

    if not len(flagged):
        return numpy.zeros(shared, numpy.int64)
    return numpy.bincount(group, flagged[member_ids], minlength=shared).astype(numpy.int64)


def _joined(known: numpy.ndarray, codes: numpy.ndarray) -> tuple[numpy.ndarray, numpy.ndarray]:
    """``known`` story codes with the new ones of ``codes`` added, and each of ``codes``'s
    dense index in the result."""
    import numpy

    order = numpy.argsort(known, kind="stable")
    place = numpy.searchsorted(known, codes, sorter=order).clip(0, max(len(known) - 1, 0))
    found = numpy.zeros(len(codes), bool)
    if len(known):
        found = known[order[place]] == codes
    fresh, fresh_dense = numpy.unique(codes[~found], return_inverse=True)
    dense = numpy.empty(len(codes), numpy.int64)
    dense[found] = order[place[found]]
    dense[~found] = len(known) + fresh_dense
    return numpy.concatenate([known, fresh]), dense


def _shared(story: numpy.ndarray, codes: numpy.ndarray) -> tuple[numpy.ndarray, numpy.ndarray]:
    """By story (its dense index): its place among the stories of more than one article
    in ``story`` (by id, -1 where none), or -1 for a story of one, and a last -1 that
    ``story``'s -1 finds; and the codes of the shared stories, by place."""
    import numpy

    shared = numpy.bincount(story[story >= 0], minlength=len(codes)) > 1
    place = numpy.full(len(codes) + 1, -1, numpy.int32)
    place[:-1][shared] = numpy.arange(int(shared.sum()), dtype=numpy.int32)
    return place, codes[shared]


def _grown(values: numpy.ndarray, size: int, fill: int) -> numpy.ndarray:
    """A copy of ``values`` made ``size`` long with ``fill``."""
    import numpy

    grown = numpy.full(size, fill, values.dtype)
    grown[: len(values)] = values
    return grown


def read_mask(size: int, read: Container[int] | dict[int, None]) -> numpy.ndarray:
    """A boolean array by id, true for the ids of ``read`` (or of the starred)."""
    import numpy

    mask = numpy.zeros(size, bool)
    if isinstance(read, dict) and read:
        ids = numpy.fromiter(read, numpy.int64, len(read))
        mask[ids[ids < size]] = True
    return mask
