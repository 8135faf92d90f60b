"""An event's start and end as event collections write them: ``start_date`` and
``end_date`` (Crystal's ``_events``, Jekyll's event themes), ``startDate`` and
``endDate`` (schema.org's Event, as Astro and Hugo themes name them).

lede reads an event's ``startDateTime``, which dates it where nothing else does; an
event that wrote its start under these names was listed undated, below every article.
"""

from __future__ import annotations

from typing import Any

from models.jekyll_post import written_date

_FIELDS = (
    ("startDateTime", ("start_date", "startDate")),
    ("endDateTime", ("end_date", "endDate")),
)


def with_event_dates(data: dict[str, Any]) -> None:
    """Give ``data`` the start and end its event writes under another name, where it
    gives none of its own and the value is a date."""
    for field, keys in _FIELDS:
        if field in data:
            continue
        for key in keys:
            if written_date(data.get(key)) is not None:
                data[field] = data[key]
                break
