"""Where a site's settings say its pages' dates come from: Hugo's ``[frontmatter]``
``date`` and ``lastmod`` lists, the first source that gives one counting.

A source is a front matter key (read in any case, as Hugo does), ``:filename`` (the date
a file's name starts with, ``2024-01-15-title.md``, or its bundle folder's) or
``:fileModTime`` (when the file last changed), or one date for every page (``=2012-03-02``:
Pelican's ``DEFAULT_DATE``). A site that puts ``:filename`` first dates
a post by its name even where its ``date:`` says another day; one that ends with
``:fileModTime`` dates every page. Where none gives a date, a page is dated as any other
(``models.article``). Hugo's ``:git`` asks the history of a work tree, which is not read.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from models.jekyll_post import first_date, name_date

FILE_NAME = ":filename"
FILE_CHANGED = ":filemodtime"  # Hugo's ``:fileModTime``, tokens being read in lower case
FIXED = "="  # before a date, the source that is that date (Pelican's ``DEFAULT_DATE``)


@dataclass(frozen=True)
class SiteDates:
    """The sources of a page's ``date`` and of its ``lastmod`` (when it last changed), in
    lower case, first first; none: as any page."""

    date: tuple[str, ...] = ()
    lastmod: tuple[str, ...] = ()


AS_ANY_PAGE = SiteDates()
SITE_DATES: ContextVar[SiteDates] = ContextVar("site_dates", default=AS_ANY_PAGE)
"""How the site of the file being read dates its pages (``library.site_schedule``)."""


def site_dated(data: Mapping[str, Any], sources: tuple[str, ...]) -> date | None:
    """The date the first of ``sources`` gives the page with front matter ``data`` (its
    ``path`` among them), if any."""
    if not sources:
        return None
    keyed = {str(key).lower(): value for key, value in data.items()}
    path = data.get("path")
    path = path if isinstance(path, str) else ""
    for source in sources:
        if source == FILE_NAME:
            found = name_date(path) if path else None
        elif source == FILE_CHANGED:
            found = _changed(path)
        elif source.startswith(FIXED):
            found = first_date({"date": source[len(FIXED) :]}, ("date",))
        else:
            found = first_date(keyed, (source,))
        if found is not None:
            return found
    return None


def _changed(path: str) -> datetime | None:
    """When the file at ``path`` last changed (the index reads it again when it does)."""
    try:
        return datetime.fromtimestamp(os.stat(path).st_mtime, UTC) if path else None
    except (OSError, OverflowError, ValueError):
        return None
