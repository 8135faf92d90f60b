"""The web address a site publishes its own post at, where its settings say.

A site's own posts name no address of their own (no ``url``, no ``originalUrl``), so
nothing could be opened or copied of them: the site's settings say where it publishes
them. A Jekyll site by its ``url`` (else the domain its ``CNAME`` gives GitHub Pages)
and ``baseurl`` and the ``permalink`` a post, its front matter defaults, its ``posts``
collection or the site gives (the named styles too); Hugo, Zola and Pelican sites as
``library.page_addresses`` says, Nikola's as ``library.nikola_addresses`` does. A site
that names no host of its own gives no address: none is guessed.
"""

from __future__ import annotations

import functools
import os
import re
from datetime import datetime
from typing import Any
from urllib.parse import quote

from library.jekyll_categories import folder_categories
from library.site import CONFIG_FILES
from library.site_root import Site, settings_of, site_of
from models.article import Article
from models.regular_file import settings_text

# Jekyll's named permalink styles (``permalink: pretty``)
JEKYLL_STYLES = {
    "date": "/:categories/:year/:month/:day/:title:output_ext",
    "pretty": "/:categories/:year/:month/:day/:title/",
    "ordinal": "/:categories/:year/:y_day/:title:output_ext",
    "weekdate": "/:categories/:year/W:week/:short_day/:title:output_ext",
    "none": "/:categories/:title:output_ext",
}
_PLACEHOLDER = re.compile(r":([a-z_]+)")
_PATH_SAFE = "/-._~!$&'()*+,;=:@"  # what Jekyll leaves unescaped in a path
_PRETTY = re.compile(r"[^\w._~!$&'()+,;=@]+")  # Jekyll's "pretty" slugs keep these
_PLAIN = re.compile(r"[^\w]+|_+")
_DOMAIN = re.compile(r"(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}")  # a CNAME's one line
_POST_NAME = re.compile(r"\d{4}-\d{1,2}-\d{1,2}-(.+)")  # Jekyll reads no post from another


def site_address(path: str, article: Article) -> str:
    """Where the site holding ``path`` publishes ``article``, or "" where it does not say
    (or ``path`` is in no site)."""
    site = site_of(path)
    if site is None or not article.published:  # a draft is at no address yet
        return ""
    if site.kind == "jekyll":
        return jekyll_address(site, path, article)
    if site.kind in ("hugo", "pelican"):
        from library.page_addresses import page_address

        return page_address(site, path, article)
    if site.kind == "nikola":
        from library.nikola_addresses import nikola_address

        return nikola_address(site, path, article)
    return ""


def host_of(value: Any) -> str:
    """A site's own address from its settings (``https://example.org/``), without its
    last slash; "" for anything else (a path, a template, nothing)."""
    text = value.strip() if isinstance(value, str) else ""
    if not re.fullmatch(r"https?://[^\s/{}<>\"'`]+(/[^\s{}<>\"'`]*)?", text, re.IGNORECASE):
        return ""
    return text.rstrip("/")


def pages_host(folder: str) -> str:
    """The address GitHub Pages serves the site at ``folder`` at, where the ``CNAME``
    file beside its settings names its domain: GitHub Pages gives a Jekyll site that
    names no ``url`` that one; "" where there is none."""
    domain = (settings_text(os.path.join(folder, "CNAME")) or "").strip().lower()
    return f"https://{domain}" if _DOMAIN.fullmatch(domain) else ""


@functools.lru_cache(maxsize=256)  # each site's once
def _jekyll_site(site: Site) -> tuple[str, str, tuple[tuple[str, str], ...]]:
    """A Jekyll site's address (``url`` and ``baseurl``), its posts' permalink, and its
    front matter defaults' permalinks for posts (the folder each is for, and it).
    Bridgetown's posts are at addresses of other rules: none."""
    settings = settings_of(site)
    bridgetown = not any(
        os.path.isfile(os.path.join(site.folder, name)) for name in CONFIG_FILES[:-1]
    )
    host = "" if bridgetown else host_of(settings.get("url")) or pages_host(site.folder)
    base = settings.get("baseurl")
    if host and isinstance(base, str) and base.strip("/ "):
        host += "/" + base.strip("/ ")
    collections = settings.get("collections")
    posts = collections.get("posts") if isinstance(collections, dict) else None
    permalink = posts.get("permalink") if isinstance(posts, dict) else None
    if not isinstance(permalink, str):
        permalink = settings.get("permalink")
    defaults = []
    given = settings.get("defaults")
    for entry in given if isinstance(given, list) else ():
        if not isinstance(entry, dict) or not isinstance(entry.get("values"), dict):
            continue
        scope = entry.get("scope")
        scope = scope if isinstance(scope, dict) else {}
        value = entry["values"].get("permalink")
        if scope.get("type", "posts") == "posts" and isinstance(value, str):
            folder = scope.get("path", "")
            if isinstance(folder, str) and "*" not in folder:
                defaults.append((folder.strip("/"), value))
    permalink = permalink if isinstance(permalink, str) else "date"
    return host, permalink, tuple(defaults)


def jekyll_address(site: Site, path: str, article: Article) -> str:
    """A Jekyll post's address (only a post's, of a site that names its ``url``)."""
    host, permalink, defaults = _jekyll_site(site)
    relative = os.path.relpath(path, site.folder).replace(os.sep, "/")
    categories = folder_categories(site, path)
    if not host or categories is None or article.published_at is None:
        return ""
    extra = article.model_extra or {}
    own = extra.get("permalink")
    if isinstance(own, str) and own.strip():
        permalink = own.strip()
    else:  # the most particular default that is for this post's folder
        found = [
            (len(folder), value)
            for folder, value in defaults
            if not folder or relative.startswith(folder + "/")
        ]
        if found:
            permalink = max(found, key=lambda pair: pair[0])[1]
    template = JEKYLL_STYLES.get(permalink, permalink)
    categories += _labels(extra.get("categories")) + _labels(article.category or None)
    named = _POST_NAME.fullmatch(os.path.splitext(os.path.basename(path))[0])
    slug = extra.get("slug")
    if named is None:
        return ""
    name = slug if isinstance(slug, str) and slug.strip() else named.group(1)
    values = _date_values(article.published_at) | {
        "title": _slugify(name, _PRETTY, cased=True),
        "slug": _slugify(name, _PLAIN, cased=False),
        "name": _slugify(named.group(0), _PRETTY, cased=True),
        "categories": "/".join(dict.fromkeys(c.lower() for c in categories)),
        "slugified_categories": "/".join(
            dict.fromkeys(_slugify(c, _PLAIN, cased=False) for c in categories)
        ),
        "output_ext": ".html",
        "collection": "posts",
    }
    address = fill(template, values)
    return "" if address is None else host + "/" + address.lstrip("/")


def fill(template: str, values: dict[str, str]) -> str | None:
    """``template`` with each ``:name`` replaced by its value, escaped as a path, and
    doubled slashes made one; None where it names a value not known."""
    unknown = False

    def value(match: re.Match[str]) -> str:
        nonlocal unknown
        name = match.group(1)
        for key in (name, name.rstrip("_")):
            if key in values:
                return quote(values[key], safe=_PATH_SAFE) + name[len(key) :]
        unknown = True
        return ""

    filled = _PLACEHOLDER.sub(value, template)
    if unknown or "{" in filled or not filled.strip("/"):
        return None
    return re.sub(r"/{2,}", "/", "/" + filled)


def _date_values(when: datetime) -> dict[str, str]:
    return {
        "year": f"{when.year:04d}",
        "month": f"{when.month:02d}",
        "day": f"{when.day:02d}",
        "i_month": str(when.month),
        "i_day": str(when.day),
        "short_year": f"{when.year % 100:02d}",
        "hour": f"{when.hour:02d}",
        "minute": f"{when.minute:02d}",
        "second": f"{when.second:02d}",
        "y_day": f"{when.timetuple().tm_yday:03d}",
        "short_month": when.strftime("%b"),
        "long_month": when.strftime("%B"),
        "week": f"{when.isocalendar()[1]:02d}",
        "short_day": when.strftime("%a"),
        "long_day": when.strftime("%A"),
    }


def _labels(value: Any) -> list[str]:
    """Jekyll's categories: a list, or a line of words (a ``category`` is one, whole)."""
    if isinstance(value, str):
        return value.split()
    if isinstance(value, list):
        return [str(item) for item in value if isinstance(item, str | int | float)]
    return []


def _slugify(text: str, unsafe: re.Pattern[str], *, cased: bool) -> str:
    slug = unsafe.sub("-", text).strip("-")
    return slug if cased else slug.lower()
