"""How the site holding a file schedules its pages (see ``models.schedule``).

Hugo reads a page's publish and expiry dates from the keys its ``[frontmatter]`` settings
list (``:default`` standing for its own list), and builds the future or the expired when
``buildFuture`` or ``buildExpired`` says so. Jekyll dates its posts by ``date:``, else by
their file names, and publishes those dated ahead only with ``future: true``.
"""

from __future__ import annotations

import functools
import os
from typing import Any

from library.site_root import Site, settings_of, site_of
from models.schedule import UNSCHEDULED, Schedule

HUGO_PUBLISH = ("publishdate", "pubdate", "published", "date")  # Hugo's defaults
HUGO_EXPIRY = ("expirydate", "unpublishdate")
JEKYLL = Schedule(publish=("date",), by_name=True)


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


@functools.lru_cache(maxsize=256)  # each site's once, not each page's
def _hugo_schedule(site: Site) -> Schedule:
    settings = settings_of(site)
    given = settings.get("frontmatter")
    keys = {str(k).lower(): v for k, v in given.items()} if isinstance(given, dict) else {}
    return Schedule(
        () if settings.get("buildfuture") is True else _keys(keys.get("publishdate"), HUGO_PUBLISH),
        () if settings.get("buildexpired") is True else _keys(keys.get("expirydate"), HUGO_EXPIRY),
        any_case=True,
    )


def _keys(given: Any, default: tuple[str, ...]) -> tuple[str, ...]:
    """The front matter keys a ``[frontmatter]`` list names, ``:default`` as Hugo's own;
    its other tokens (``:filename``, ``:git``, ``:fileModTime``) are not read here."""
    if not isinstance(given, list):
        return default
    found: list[str] = []
    for key in given:
        if key == ":default":
            found += default
        elif isinstance(key, str) and not key.startswith(":"):
            found.append(key.lower())
    return tuple(found)


def _in_posts(path: str, folder: str) -> bool:
    """Whether ``path`` is a post of the Jekyll site at ``folder`` (in a ``_posts`` folder,
    a collection's too). Jekyll reads another collection's documents dated ahead into its lists
    (a site's upcoming events), so only a post waits for its day."""
    between = os.path.relpath(os.path.dirname(os.path.abspath(path)), folder).split(os.sep)
    return "_posts" in between
