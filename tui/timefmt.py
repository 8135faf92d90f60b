"""Dates as a reader wants them: local time (see ``library.days``), and how long ago."""

from __future__ import annotations

from datetime import UTC, datetime, time

from library.days import to_local


def local_datetime(moment: datetime) -> str:
    """``2020-10-28 17:26`` in the local time zone; ``2020-10-28`` at midnight, where a
    date was given without a time (an event of whole days does not end at 00:00)."""
    local = to_local(moment).replace(tzinfo=None)
    if local.time() == time():
        return local.date().isoformat()
    return local.isoformat(" ", "minutes")


def now() -> datetime:
    """The current time; snapshot tests replace this so ages do not change with the date."""
    return datetime.now(UTC)


def time_ago(moment: datetime) -> str:
    """A rough age such as ``3 days ago`` or ``5 years ago``."""
    seconds = (now() - moment).total_seconds()
    if seconds < 0:
        return "in the future"
    for unit, size in (
        ("year", 365 * 86400),
        ("month", 30 * 86400),
        ("day", 86400),
        ("hour", 3600),
        ("minute", 60),
    ):
        if seconds >= size:
            count = int(seconds // size)
            return f"{count} {unit}{'s' if count > 1 else ''} ago"
    return "just now"
