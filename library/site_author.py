"""The author a site's settings sign its posts with (see ``models.site_author``)."""

from __future__ import annotations

import functools
import os

from library.nikola_site import SETTINGS_FILE as NIKOLA_SETTINGS
from library.pelican_settings import literal_settings
from library.site_root import Site, settings_of, site_of


def site_author(path: str) -> str:
    """The author the settings of the site holding ``path`` name, else ``""``."""
    site = site_of(path)
    return _named(site) if site is not None else ""


@functools.lru_cache(maxsize=256)  # each site's settings read once
def _named(site: Site) -> str:
    if site.kind == "pelican":
        name = settings_of(site).get("AUTHOR")
    elif site.kind == "nikola":
        name = literal_settings(os.path.join(site.folder, NIKOLA_SETTINGS)).get("BLOG_AUTHOR")
    else:
        return ""
    return name.strip() if isinstance(name, str) else ""
