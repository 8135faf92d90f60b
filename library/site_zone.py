"""The time zone a site's settings give the dates its pages write without an offset.

Jekyll reads ``date: 2024-01-02 20:00:00`` in its ``timezone:`` setting and Hugo in its
``timeZone``; read in the reader's own zone, the same post was a different moment on
every machine, a day apart across the date line. A file's site is the nearest folder
above it that holds a site's settings (``library.site_root``)."""

from __future__ import annotations

import functools
import os
from datetime import tzinfo
from zoneinfo import ZoneInfo

from library.hugo_settings import read_settings_file, site_settings
from library.site import CONFIG_FILES
from library.site_root import site_of


def site_zone(path: str) -> tzinfo | None:
    """The zone the site holding ``path`` names, or ``None`` (the local one)."""
    site = site_of(path)
    return None if site is None else _site_zone(site.folder, site.kind)


@functools.lru_cache(maxsize=256)  # each site's settings read once
def _site_zone(folder: str, kind: str) -> tzinfo | None:
    if kind == "jekyll":
        for name in CONFIG_FILES:
            jekyll = read_settings_file(os.path.join(folder, name))
            if jekyll is not None:
                return _zone(jekyll.get("timezone"))
        return None
    return _zone(site_settings(folder).get("timezone")) if kind == "hugo" else None


def _zone(name: object) -> tzinfo | None:
    """The zone of an IANA name (``America/Los_Angeles``); ``None`` for anything else."""
    if not isinstance(name, str) or not name.strip():
        return None
    try:
        return ZoneInfo(name.strip())
    except (KeyError, ValueError, OSError):  # no such zone, or no name of one
        return None
