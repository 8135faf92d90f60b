"""When a page was published and last changed, where no ``publishedDateTime`` or
``updatedDateTime`` says: the keys generators write, the site's own order of them, the
file's name and the page's address."""

from __future__ import annotations

from datetime import date
from typing import Any

from models.jekyll_post import (
    NOTE_DATE_KEYS,
    SITE_DATE_KEYS,
    address_date,
    day_name,
    first_date,
    folder_date,
    name_date,
    written_date,
)
from models.logseq import in_graph
from models.site_dates import SITE_DATES, site_dated
from models.vault import in_vault

# Where generators keep when a post was last changed.
_UPDATED_KEYS = (
    "lastmod",
    "last_modified_at",
    "updated",
    "updatedDate",
    "modDatetime",
    "modified",
    "dateModified",
    "last_update",
    "updated_at",  # Qiita's
    "modified_time",  # a Blogger post's, brought over by jekyll-import
)


def updated_date(data: dict[str, Any]) -> date | None:
    """When a page last changed: as its site's settings say (Hugo's ``lastmod``), else by
    its own keys, else an MkDocs blog post's ``date: {created: …, updated: …}``."""
    dates = data.get("date")
    mkdocs = written_date(dates.get("updated")) if isinstance(dates, dict) else None
    own = site_dated(data, SITE_DATES.get().lastmod)
    return own or first_date(data, _UPDATED_KEYS) or mkdocs


def published_date(data: dict[str, Any]) -> date | None:
    """A post's date where no ``publishedDateTime`` gives one: its front matter's own, its
    file's name, its page's address (the Rust blog's posts are dated there alone), the
    day its folder is named, the day its file's name is (``_day_named``)."""
    path = data.get("path", "")
    return (
        site_dated(data, SITE_DATES.get().date)  # a Hugo site's order, if its settings say
        or first_date(data, (*SITE_DATE_KEYS, "published", *NOTE_DATE_KEYS))
        or name_date(path)
        or address_date(data.get("page_path"), data.get("permalink"))
        or folder_date(path)
        or _day_named(path)
    )


def _day_named(path: str) -> date | None:
    """The day the file's whole name is, but in a notes vault or a graph, which date their
    daily notes and journals by their own settings (a note so named elsewhere in a vault
    is no day's, as Obsidian keeps it)."""
    day = day_name(path)
    return None if day is None or in_vault(path) or in_graph(path) else day
