"""When a site puts a page up and takes it down, as its generator reads the page's dates.

Hugo builds no page whose publish date is still to come or whose expiry date has passed
(unless its settings say ``buildFuture``, ``buildExpired``); Jekyll no post or other
collection's document dated in the future (unless ``future: true``). Whether such a page
is published changes with the clock, not with its file, so parsing keeps the instants
(``ParsedDocument.schedule``) and a list compares them with the time it is made at
(``library.schedule``): a flag decided once, as the file was read, stayed wrong.
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import date
from typing import Any

from models.fields import unix_seconds
from models.jekyll_post import first_date, name_date


@dataclass(frozen=True)
class Schedule:
    """The front matter keys (the first given counts) that date when a page
    goes up and when it comes down; ``by_name``: else the date its file name starts with."""

    publish: tuple[str, ...] = ()
    expiry: tuple[str, ...] = ()
    by_name: bool = False
    any_case: bool = False  # Hugo's keys are read in any case, Jekyll's as written


UNSCHEDULED = Schedule()
SITE_SCHEDULE: ContextVar[Schedule] = ContextVar("site_schedule", default=UNSCHEDULED)
"""How the site of the file being read schedules its pages (``library.site_schedule``)."""

Instants = tuple[int | None, int | None]  # going up, coming down: Unix seconds, or None


def scheduled(data: Mapping[str, Any], path: str) -> Instants:
    """When the page at ``path`` with front matter ``data`` goes up, if that is still to
    come (a moment past stays past: nothing of it needs keeping), and when it comes down."""
    schedule = SITE_SCHEDULE.get()
    if schedule is UNSCHEDULED:
        return None, None
    keyed = {str(k).lower(): v for k, v in data.items()} if schedule.any_case else data
    up = first_date(keyed, schedule.publish)
    if up is None and schedule.by_name:
        up = name_date(path)
    down = first_date(keyed, schedule.expiry)
    return _to_come(up), None if down is None else unix_seconds(down)


_EPOCH_DAY = date(1970, 1, 1).toordinal()


def _to_come(day: date | None) -> int | None:
    """The moment of ``day`` while it is to come. A day written two days before today
    has passed in every zone: it is not turned into a moment (most pages are so)."""
    if day is None or day.toordinal() < _EPOCH_DAY + int(time.time() // 86400) - 1:
        return None
    moment = unix_seconds(day)
    return moment if moment is not None and moment > time.time() else None


def held_back(instants: Instants, now: float) -> bool:
    """Whether a page the site's flag publishes is not up yet, or no more, at ``now``."""
    up, down = instants
    return (up is not None and up > now) or (down is not None and down <= now)
