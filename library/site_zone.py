"""The time zone a site's settings give the dates its pages write without an offset.

Jekyll reads ``date: 2024-01-02 20:00:00`` in its ``timezone:`` setting and Hugo in its
``timeZone``; read in the reader's own zone, the same post was a different moment on
every machine, a day apart across the date line. A file's site is the nearest folder
above it that holds a site's settings."""

from __future__ import annotations

import functools
import os
from datetime import tzinfo
from zoneinfo import ZoneInfo

from library.hugo_settings import read_settings_file, site_settings
from library.site import CONFIG_FILES


def site_zone(path: str) -> tzinfo | None:
    """The zone the site holding ``path`` names, or ``None`` (the local one)."""
    return _folder_zone(os.path.dirname(os.path.abspath(path)))


@functools.lru_cache(maxsize=4096)  # each folder once, however many files it holds
def _folder_zone(folder: str) -> tzinfo | None:
    for name in CONFIG_FILES:
        jekyll = read_settings_file(os.path.join(folder, name))
        if jekyll is not None:
            return _zone(jekyll.get("timezone"))
    hugo = site_settings(folder) if os.path.isdir(os.path.join(folder, "content")) else {}
    if hugo:  # a Hugo site holds its pages in ``content``: an app's ``config.json`` is none
        return _zone(hugo.get("timezone"))
    parent = os.path.dirname(folder)
    return None if parent == folder else _folder_zone(parent)


def _zone(name: object) -> tzinfo | None:
    """The zone of an IANA name (``America/Los_Angeles``); ``None`` for anything else."""
    if not isinstance(name, str) or not name.strip():
        return None
    try:
        return ZoneInfo(name.strip())
    except (KeyError, ValueError, OSError):  # no such zone, or no name of one
        return None
