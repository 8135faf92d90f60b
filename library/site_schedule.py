"""How the site holding a file dates and schedules its pages (see ``models.schedule``,
``models.site_dates``).

Hugo reads a page's date, its last change, and its publish and expiry dates from the keys
its ``[frontmatter]`` settings list (``:default`` standing for its own list, ``:filename``
for the date a file's name starts with), and builds the future or the expired when
``buildFuture`` or ``buildExpired`` says so. Jekyll dates its posts by ``date:``, else by
their file names, and publishes those dated ahead only with ``future: true``. Pelican
dates by the file's last change what has no date, where ``DEFAULT_DATE = "fs"`` says so,
or by the one date its ``DEFAULT_DATE`` gives.
"""

from __future__ import annotations

import functools
import os
from datetime import datetime
from typing import Any

from library.site_root import Site, settings_of, site_of
from models.schedule import UNSCHEDULED, Schedule
from models.site_dates import AS_ANY_PAGE, FILE_CHANGED, FILE_NAME, FIXED, SiteDates

HUGO_PUBLISH = ("publishdate", "pubdate", "published", "date")  # Hugo's defaults
HUGO_EXPIRY = ("expirydate", "unpublishdate")
HUGO_DATE = ("date", "publishdate", "pubdate", "published", "lastmod", "modified")
# Hugo's own, but for ``:git`` first: a page that says no last change was last changed when
# it was dated, not when a source further down the site's list says (its file's last change)
HUGO_LASTMOD = ("lastmod", "modified", "date", "publishdate", "pubdate", "published")
JEKYLL = Schedule(publish=("date",), by_name=True)
PELICAN_BY_FILE = SiteDates(("date", FILE_NAME, FILE_CHANGED), ("modified", FILE_CHANGED))


def site_schedule(path: str) -> Schedule:
    """How the site holding ``path`` schedules it: not at all outside a site."""
    site = site_of(path)
    if site is None:
        return UNSCHEDULED
    if site.kind == "hugo":
        return _hugo_schedule(site)
    if site.kind != "jekyll" or settings_of(site).get("future") is True:
        return UNSCHEDULED
    return JEKYLL if _in_posts(path, site.folder) else UNSCHEDULED


def site_dates(path: str) -> SiteDates:
    """Where the site holding ``path`` takes its pages' dates from, if its settings say."""
    site = site_of(path)
    if site is not None and site.kind == "hugo":
        return _hugo_dates(site)
    if site is not None and site.kind == "pelican":
        return _pelican_dates(settings_of(site).get("DEFAULT_DATE"))
    return AS_ANY_PAGE


def _pelican_dates(default: Any) -> SiteDates:
    """Pelican's ``DEFAULT_DATE``: ``"fs"``, a page with no date of its own, nor one in its
    file's name, is dated when its file last changed, and that is its last change too
    unless it says another; a date (``"2012-03-02"``) or the numbers of one (``(2012, 3,
    2, 14, 1, 1)``) dates every such page, which was listed undated."""
    if default == "fs":
        return PELICAN_BY_FILE
    if isinstance(default, tuple | list) and all(type(part) is int for part in default):
        try:
            default = datetime(*default).isoformat()
        except (TypeError, ValueError, OverflowError):
            return AS_ANY_PAGE
    if isinstance(default, str) and default.strip():
        return SiteDates(("date", FILE_NAME, FIXED + default.strip()))
    return AS_ANY_PAGE


@functools.lru_cache(maxsize=256)  # each site's once, not each page's
def _hugo_schedule(site: Site) -> Schedule:
    settings = settings_of(site)
    keys = _frontmatter(site)
    publish = _keys(keys.get("publishdate"), HUGO_PUBLISH, (FILE_NAME,))
    return Schedule(
        () if settings.get("buildfuture") is True else _keys_only(publish),
        () if settings.get("buildexpired") is True else _keys(keys.get("expirydate"), HUGO_EXPIRY),
        by_name=FILE_NAME in publish,
        any_case=True,
    )


@functools.lru_cache(maxsize=256)
def _hugo_dates(site: Site) -> SiteDates:
    """A site's ``date`` and ``lastmod`` lists, where its settings give them (else a page
    is dated as any other, by more keys than Hugo's own)."""
    keys = _frontmatter(site)
    sources = (FILE_NAME, FILE_CHANGED)
    return SiteDates(
        _keys(keys.get("date"), HUGO_DATE, sources) if "date" in keys else (),
        _keys(keys.get("lastmod"), HUGO_LASTMOD, sources) if "lastmod" in keys else (),
    )


def _frontmatter(site: Site) -> dict[str, Any]:
    """The site's ``[frontmatter]`` table, its keys in lower case."""
    given = settings_of(site).get("frontmatter")
    return {str(k).lower(): v for k, v in given.items()} if isinstance(given, dict) else {}


def _keys(given: Any, default: tuple[str, ...], tokens: tuple[str, ...] = ()) -> tuple[str, ...]:
    """The front matter keys a ``[frontmatter]`` list names, ``:default`` as Hugo's own,
    in lower case, with those of its ``tokens`` read here; ``:git`` (a work tree's history)
    is not."""
    if not isinstance(given, list):
        return default
    found: list[str] = []
    for key in given:
        if key == ":default":
            found += default
        elif isinstance(key, str) and (not key.startswith(":") or key.lower() in tokens):
            found.append(key.lower())
    return tuple(found)


def _keys_only(sources: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(source for source in sources if not source.startswith(":"))


def _in_posts(path: str, folder: str) -> bool:
    """Whether ``path`` is a post of the Jekyll site at ``folder`` (in a ``_posts`` folder,
    a collection's too). Jekyll reads another collection's documents dated ahead into its lists
    (a site's upcoming events), so only a post waits for its day."""
    between = os.path.relpath(os.path.dirname(os.path.abspath(path)), folder).split(os.sep)
    return "_posts" in between
