"""A list's articles over time: counts per day, week or month, as many buckets as fit.

The reader draws this above its list and follows the filter with it, so counting must
cost next to nothing: the published time of every article is read once into an array
indexed by id, and a list's histogram is then a few vectorised numpy operations on its
ids (about a millisecond for 50,000), done off the keystroke path all the same. Buckets
are local days, like every date lede shows (at the UTC offset in force now).
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from library.results import id_array

if TYPE_CHECKING:
    import numpy

DAY = 86_400
WEEK = 7 * DAY
EPOCH_MONDAY = 4 * DAY  # 1970-01-01 was a Thursday: weeks start on the Monday after it
NO_DATE = -(2**62)  # an article without a date, in the array of dates by id
ID_RANGE = 1 << 16  # ids whose dates are read, or made months, at a time
# The local times a calendar date is given for: a date at either end of time, moved by
# the local offset, would fall outside them.
FIRST_SECOND = int(datetime(1, 1, 1, tzinfo=UTC).timestamp())
LAST_SECOND = int(datetime(9999, 12, 31, 23, 59, 59, tzinfo=UTC).timestamp())


@dataclass(frozen=True)
class Histogram:
    """Counts per bucket from ``first`` on, each bucket ``step`` units (day, week,
    month) long; ``offset`` is the UTC offset the buckets were cut at."""

    counts: list[int]
    unit: str  # "day", "week" or "month"
    step: int
    first: int  # the first bucket: days or weeks since the epoch, or months since 1970-01
    offset: int
    earliest: int  # the local times of the list's first and last dated article
    latest: int

    def bucket_of(self, timestamp: int | None) -> int | None:
        """The bucket a Unix time falls into, if it falls into one."""
        if timestamp is None:
            return None
        bucket = (_unit_number(timestamp + self.offset, self.unit) - self.first) // self.step
        return bucket if 0 <= bucket < len(self.counts) else None

    @property
    def ends(self) -> tuple[str, str]:
        """The first and last date of the list, ``2021-03-08`` or, by months, ``2021-03``:
        the start of the last bucket would end a list of March 29 to April 1 on March 29."""
        return self._date(self.earliest), self._date(self.latest)

    def _date(self, local_seconds: int) -> str:
        moment = _calendar(local_seconds)  # strftime's %Y drops the zeros of year 1
        month = f"{moment.year:04d}-{moment.month:02d}"
        return month if self.unit == "month" else f"{month}-{moment.day:02d}"

    @property
    def span(self) -> str:
        """What one bucket is, in words: ``day``, ``week``, ``3 months``."""
        return self.unit if self.step == 1 else f"{self.step} {self.unit}s"


def _unit_number(local_seconds: int, unit: str) -> int:
    """Days or weeks since the epoch, or months since 1970-01, of a local time in seconds."""
    if unit == "day":
        return local_seconds // DAY
    if unit == "week":
        return (local_seconds - EPOCH_MONDAY) // WEEK
    moment = _calendar(local_seconds)
    return (moment.year - 1970) * 12 + moment.month - 1


def _calendar(local_seconds: int) -> datetime:
    """The calendar date and time of a local time counted in seconds from the epoch (the
    first or last there is, past either end)."""
    return datetime.fromtimestamp(min(max(local_seconds, FIRST_SECOND), LAST_SECOND), UTC)


def local_offset() -> int:
    """The local time zone's offset from UTC now, in seconds."""
    offset = datetime.now().astimezone().utcoffset()
    return int(offset.total_seconds()) if offset else 0


def histogram(dates: numpy.ndarray, ids: numpy.ndarray, width: int) -> Histogram | None:
    """Counts of ``ids`` (dates looked up in ``dates``, indexed by id) over their span in at
    most ``width`` buckets: days if they fit, else weeks, else months (several per bucket
    if need be); ``None`` when none of them has a date.

    One pass, in place where it can be: at a million ids each copy of their dates is
    8 MB, and the undated are counted in a bucket of their own rather than left out by
    another copy."""
    import numpy

    if width < 1 or not len(ids):
        return None
    local = dates[ids]
    dated = local != NO_DATE
    if not dated.any():
        return None
    offset = local_offset()
    # Unit numbers grow with time: the span is that of the earliest and the latest.
    earliest = int(local.min(where=dated, initial=numpy.iinfo(numpy.int64).max)) + offset
    latest = int(local.max(where=dated, initial=NO_DATE)) + offset
    for unit in ("day", "week", "month"):
        first, last = _unit_number(earliest, unit), _unit_number(latest, unit)
        if last - first < width:
            break
    step = -(-(last - first + 1) // width)  # months per bucket, 1 unless they do not fit
    buckets = (last - first) // step + 1
    local += offset
    if earliest < FIRST_SECOND or latest > LAST_SECOND:  # in the buckets of the ends
        numpy.clip(local, FIRST_SECOND, LAST_SECOND, out=local)  # (the undated are set below)
    found = _unit_numbers(local, unit)
    found -= first
    found //= step
    found[~dated] = buckets
    counts = numpy.bincount(found, minlength=buckets + 1)[:buckets]
    return Histogram([int(count) for count in counts], unit, step, first, offset, earliest, latest)


def _unit_numbers(local: numpy.ndarray, unit: str) -> numpy.ndarray:
    """``_unit_number`` of every local time in an array at once, in place (months a slice
    at a time: numpy converts them into a new array)."""
    if unit == "day":
        local //= DAY
    elif unit == "week":
        local -= EPOCH_MONDAY
        local //= WEEK
    else:
        for start in range(0, len(local), ID_RANGE):
            times = local[start : start + ID_RANGE]
            times[:] = times.view("datetime64[s]").astype("datetime64[M]").view("int64")
    return local


class DatesById:
    """The published time of every article, by id, read when first asked and again after
    the index changed (``forget``); ``load`` is safe to call from any thread."""

    def __init__(self, connection: Callable[[], sqlite3.Connection]) -> None:
        self._connection = connection
        self._dates: numpy.ndarray | None = None
        self._lock = threading.Lock()

    def forget(self) -> None:
        """The index changed: read the dates again when next asked."""
        self._dates = None

    def load(self, largest_id: int) -> numpy.ndarray:
        """The dates, read again if ``largest_id`` is not in them (added since)."""
        import numpy

        with self._lock:
            dates = self._dates
            if dates is None or largest_id >= len(dates):
                db = self._connection()
                stored = db.execute("SELECT max(id) FROM articles").fetchone()[0] or 0
                dates = numpy.full(max(stored, largest_id) + 1, NO_DATE, dtype=numpy.int64)
                # Two strings cross from SQLite for a range of ids, not a Python tuple per
                # article; a range at a time, as the strings for every id were far larger
                # than the array they fill.
                # Ids past ``stored`` are left to the next load: a refresh may be adding
                # them, and the array ends there.
                for start in range(0, stored + 1, ID_RANGE):
                    ids_text, dates_text = db.execute(
                        "SELECT group_concat(id), "
                        f"group_concat(coalesce(published, {NO_DATE})) FROM articles "
                        "WHERE id >= ? AND id < ?",
                        (start, min(start + ID_RANGE, stored + 1)),
                    ).fetchone()
                    dates[id_array(ids_text)] = id_array(dates_text)
                self._dates = dates
            return dates
