"""The time zone a site's settings give the dates its pages write without an offset.

Jekyll reads ``date: 2024-01-02 20:00:00`` in its ``timezone:`` setting, Hugo in its
``timeZone`` and Pelican in its ``TIMEZONE``; read in the reader's own zone, the same
post was a different moment on every machine, a day apart across the date line. A
file's site is the nearest folder above it that holds a site's settings
(``library.site_root``)."""

from __future__ import annotations

from datetime import tzinfo
from zoneinfo import ZoneInfo

from library.site_root import settings_of, site_of


def site_zone(path: str) -> tzinfo | None:
    """The zone the site holding ``path`` names, or ``None`` (the local one)."""
    site = site_of(path)
    if site is None:
        return None
    return _zone(settings_of(site).get("TIMEZONE" if site.kind == "pelican" else "timezone"))


def _zone(name: object) -> tzinfo | None:
    """The zone of an IANA name (``America/Los_Angeles``); ``None`` for anything else."""
    if not isinstance(name, str) or not name.strip():
        return None
    try:
        return ZoneInfo(name.strip())
    except (KeyError, ValueError, OSError):  # no such zone, or no name of one
        return None
