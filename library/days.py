"""One notion of a day: the local one, everywhere.

The reader and ``lede list`` show dates in the local time zone, ``after:`` and
``before:`` count from local midnight, and JSON carries ISO 8601 with the local
offset, so an article published near midnight UTC sits on the same day wherever
a person sees it. At the very ends of the calendar (year 1, year 9999), where the
local time cannot be represented, UTC stands in rather than failing.
"""

from __future__ import annotations

import time as clock
from datetime import UTC, date, datetime, time

_OUT_OF_RANGE = (ValueError, OverflowError, OSError)


def local_zone() -> str:
    """The local time zone, by its names and offsets. A date without a time is stored as
    that day's local midnight, which another zone shows as another day: an index made in
    one zone is made again in another."""
    return f"{clock.tzname} {clock.timezone} {clock.altzone} {clock.daylight}"


def to_local(moment: datetime) -> datetime:
    """An aware datetime in the local time zone (as it is where local time is out of range)."""
    try:
        return moment.astimezone()
    except _OUT_OF_RANGE:
        return moment


def local_date(timestamp: int) -> str:
    """``2020-10-28``: the local day of a Unix time."""
    return to_local(datetime.fromtimestamp(timestamp, UTC)).date().isoformat()


def local_iso(timestamp: int) -> str:
    """``2020-10-28T17:26:00+01:00``: a Unix time in ISO 8601 with the local offset."""
    return to_local(datetime.fromtimestamp(timestamp, UTC)).isoformat()


def local_midnight(day: date) -> int:
    """The Unix time at which ``day`` begins in the local time zone."""
    try:
        return int(datetime.combine(day, time()).timestamp())
    except _OUT_OF_RANGE:
        return int(datetime.combine(day, time(), UTC).timestamp())
