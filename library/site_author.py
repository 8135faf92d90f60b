"""The author a site's settings sign its posts with (see ``models.site_author``)."""

from __future__ import annotations

import functools
import os
import re

from library.nikola_site import SETTINGS_FILE as NIKOLA_SETTINGS
from library.pelican_settings import literal_settings
from library.site_root import Site, settings_of, site_of
from models.regular_file import settings_text


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
    elif site.kind == "app":
        name = _gatsby_author(site.folder)
    else:
        return ""
    return name.strip() if isinstance(name, str) else ""


_GATSBY_CONFIGS = tuple(f"gatsby-config.{kind}" for kind in ("js", "mjs", "ts"))
# Where Gatsby's starter blog, and the blogs made from it, name the person its Bio signs
# each post with: ``siteMetadata: { author: { name: `Kyle Mathews`, … } }``. A bare
# ``author: `@gatsbyjs``` (the default starter's) is a handle for the page's metadata.
_GATSBY_AUTHOR = re.compile(r"""\bauthor\s*:\s*\{\s*name\s*:\s*(["'`])((?:(?!\1)[^\n$])+)\1""")


def _gatsby_author(folder: str) -> str | None:
    """The author a Gatsby site's settings give its ``siteMetadata``, if written plainly."""
    for name in _GATSBY_CONFIGS:
        if (text := settings_text(os.path.join(folder, name))) is not None:
            found = _GATSBY_AUTHOR.search(text)
            return found[2] if found else None
    return None
