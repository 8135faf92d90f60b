"""The web address a Nikola site publishes a post or a page at, from its ``conf.py``.

Nikola writes each file its ``POSTS`` and ``PAGES`` patterns match (``("posts/*.md",
"blog", "post.tmpl")``) into the folder the entry names, keeping the folders below the
pattern's own (``posts/2024/05/x.md``: ``blog/2024/05/``), under its slug (its ``slug``,
else its file's name slugified), as ``slug.html``, or ``slug/`` where ``PRETTY_URLS`` (its
default since Nikola 8) says; the address is ``SITE_URL`` and that path. Read without it,
pypy.org's 461 posts had nothing to open or copy. A translation (``x.es.md``) is at the
same path in its language's folder, as ``TRANSLATIONS`` names it (``"es": "./es"``).
"""

from __future__ import annotations

import functools
import os
import re
from fnmatch import fnmatchcase
from typing import Any
from urllib.parse import quote

from library.nikola_site import SETTINGS_FILE
from library.pelican_settings import literal_settings
from library.site_addresses import host_of
from library.site_root import Site
from models.article import Article

_UNSLUGGED = re.compile(r"[^\w\s-]")
_DASHES = re.compile(r"[-\s]+")


@functools.lru_cache(maxsize=64)  # each site's settings read once
def _nikola(site: Site) -> tuple[str, tuple[tuple[str, str], ...], bool, dict[str, str]]:
    """A Nikola site's address, its ``POSTS`` and ``PAGES`` patterns with the folder each
    writes to, whether its addresses are pretty, and the folder of each translation."""
    settings = literal_settings(os.path.join(site.folder, SETTINGS_FILE))
    host = host_of(settings.get("SITE_URL"))
    entries = []
    for name in ("POSTS", "PAGES"):
        declared = settings.get(name)
        for entry in declared if isinstance(declared, list | tuple) else ():
            if isinstance(entry, list | tuple) and len(entry) > 1:
                pattern, folder = entry[0], entry[1]
                if isinstance(pattern, str) and isinstance(folder, str):
                    entries.append((pattern.removeprefix("./").lstrip("/"), folder.strip("/")))
    pretty = settings.get("PRETTY_URLS", True) is not False
    translations = settings.get("TRANSLATIONS")
    folders = {
        str(code): folder.strip().removeprefix("./").strip("/")
        for code, folder in (translations.items() if isinstance(translations, dict) else ())
        if isinstance(folder, str)
    }
    return host, tuple(entries), pretty, folders


def nikola_address(site: Site, path: str, article: Article) -> str:
    """Where the Nikola site ``site`` publishes the file ``path``; "" where its settings
    name no host or no pattern takes the file."""
    host, entries, pretty, translations = _nikola(site)
    relative = os.path.relpath(path, site.folder).replace(os.sep, "/")
    if not host or relative.startswith("../"):
        return ""
    stem = os.path.splitext(os.path.basename(relative))[0]
    language = ""
    if (code := os.path.splitext(stem)[1].lstrip(".")) in translations:  # ``x.es.md``
        stem, language = os.path.splitext(stem)[0], translations[code]
    for pattern, destination in entries:
        base, _, files = pattern.rpartition("/")
        within = relative[len(base) + 1 :] if base else relative
        if base and not relative.startswith(base + "/"):
            continue
        if not fnmatchcase(os.path.basename(relative), files):
            continue
        below = os.path.dirname(within)
        slug = _slug(article, stem)
        parts = [part for part in (language, destination, below, slug) if part]
        address = "/".join(parts) + ("/" if pretty else ".html")
        return host + "/" + quote(address, safe="/-._~")
    return ""


def _slug(article: Article, stem: str) -> str:
    """A post's ``slug``, else its file's name as Nikola slugifies it."""
    extra: dict[str, Any] = article.model_extra or {}
    own = extra.get("slug")
    if isinstance(own, str) and own.strip():
        return own.strip()
    return _DASHES.sub("-", _UNSLUGGED.sub("", stem).strip().lower()).strip("-")
