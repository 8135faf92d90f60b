"""Annotated field types shared by the models: repaired text, aware datetimes, languages."""

from __future__ import annotations

from contextvars import ContextVar
from datetime import UTC, date, datetime, time, tzinfo
from functools import partial
from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator

from models.language import language_code
from models.text import repair_text, repaired_line, strip_tags

SITE_ZONE: ContextVar[tzinfo | None] = ContextVar("site_zone", default=None)
"""The zone the site being read gives dates without an offset (``library.site_zone``);
``None``: the local one."""


def _aware(value: Any) -> Any:
    """Date-only values become midnight, and naive datetimes a time, in the site's zone
    else the local one, as Jekyll reads them: taken as UTC, a day's posts showed on the
    day before west of it."""
    if isinstance(value, datetime):
        return value if value.tzinfo else _local(value)
    if isinstance(value, date):
        return _local(datetime.combine(value, time()))
    return value


def _local(naive: datetime) -> datetime:
    """``naive`` in the site's or the local time zone; in UTC at the ends of time, where
    the local one has none. A day alone (midnight) is the day written wherever it is
    read: midnight in a zone east of the reader was the day before."""
    if (zone := SITE_ZONE.get()) is not None and naive.time() != time():
        return naive.replace(tzinfo=zone)
    try:
        return naive.astimezone()
    except (OverflowError, OSError, ValueError):
        return naive.replace(tzinfo=UTC)


def unix_seconds(value: date) -> int | None:
    """The moment a front matter's date stands for, as ``AwareDatetime`` reads it (a day
    or a naive time in the site's zone), in Unix seconds; ``None`` past what one holds."""
    try:
        return int(_aware(value).timestamp())
    except (OverflowError, OSError, ValueError):
        return None


def _aware_after(value: datetime) -> datetime:
    """Aware, and a moment there is a day for: ``9999-12-31T23:59:59-14:00`` is in year
    10000 in UTC, where no date can show it (one such article stopped every list)."""
    value = value if value.tzinfo else value.replace(tzinfo=UTC)
    try:
        value.astimezone(UTC)
    except OverflowError:
        raise ValueError("the moment is outside the years 1 to 9999 in UTC") from None
    return value


Body = Annotated[str, AfterValidator(partial(repair_text, entities=False))]
"""A body: repaired, line breaks and HTML entities kept. It is Markdown, whose renderer
reads its entities where they are text: decoded before it, ``&lt;video&gt;`` became a tag
and was dropped, and ``&#124;`` split a table's cell."""

Line = Annotated[str, AfterValidator(repaired_line)]
"""Single-line text (titles, names): repaired and whitespace-collapsed."""

Title = Annotated[str, AfterValidator(lambda v: repaired_line(strip_tags(v)))]
"""An article's title: a ``Line`` without the HTML tags a site renders in it."""

Blurb = Annotated[str, AfterValidator(lambda v: repair_text(strip_tags(v)))]
"""An article's excerpt: ``Text`` without the HTML tags a site renders in it."""

Label = Annotated[str, AfterValidator(repaired_line)]
"""A topic name: like ``Line``, but a number or a mapping there is a mistake to report."""

Language = Annotated[str, BeforeValidator(lambda value: language_code(value) or "")]
"""An article's language as its front matter says it (``models.language``), else empty."""


_LARGEST = 2**63 - 1  # the index's integers are 64 bits


def _known(value: int | None) -> int | None:
    """Sites write ``-1`` for "not known" (``heat: -1``); a negative score or size is none.
    One past what the index holds is a mistake to report: stored, it stopped the index."""
    if value is not None and value > _LARGEST:
        raise ValueError(f"the number is larger than {_LARGEST}")
    return None if value is not None and value < 0 else value


Score = Annotated[int | None, AfterValidator(_known)]
"""A score, count or size (quality, heat, width): ``None`` when missing or unknown."""

AwareDatetime = Annotated[datetime, BeforeValidator(_aware), AfterValidator(_aware_after)]
"""A timezone-aware datetime from a YAML timestamp, a date or an ISO string."""
