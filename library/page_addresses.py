"""The address a Hugo, Zola or Pelican site publishes a page at, from its settings.

Hugo: its ``baseURL`` (its default language's, where that names one, and so its
``permalinks``), and a page's own ``url``, else its section's pattern in ``[permalinks]``
(``:year``, ``:slug``, ``:filename``, ``:sections[1:]``...), else its path in
``content`` with its ``slug`` for its name, in small letters. Zola: its ``base_url``,
and a page's ``path``, else its section's path and its ``slug`` or file's name (less the
date it starts with). Pelican: its ``SITEURL`` (``publishconf.py``'s over
``pelicanconf.py``'s, both read, never run) and its ``ARTICLE_URL`` or ``PAGE_URL``. A page
in another language than the site's own is left out, as is a site that names no host.
"""

from __future__ import annotations

import fnmatch
import functools
import os
import re
import string
import unicodedata
from datetime import datetime
from typing import Any
from urllib.parse import unquote

from library.hugo_settings import content_folders, own_language_settings
from library.pelican_settings import literal_settings
from library.site_addresses import fill, host_of
from library.site_root import Site, settings_of
from library.site_sections import hugo_content
from models.article import Article
from models.jekyll_post import BUNDLE_NAMES

_DATED = re.compile(r"\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?[_-]")
_HUGO_UNSAFE = re.compile(r"[^\w/._#+~-]+")
_SPACE = re.compile(r"\s")
_SECTIONS = re.compile(r":sections\[(-?\d*)(?::(-?\d*))?\]")


class _Settings:
    """What a site's settings say of its addresses, read once."""

    def __init__(self, site: Site) -> None:
        settings = settings_of(site)
        self.zola = "base_url" in settings
        own = {} if self.zola else own_language_settings(site.folder, settings)
        settings = settings | own  # its language's address and permalinks over the site's
        self.host = host_of(settings.get("base_url" if self.zola else "baseurl"))
        self.content = hugo_content(site.folder)
        others = content_folders(site.folder, settings)[1]
        self.others = tuple(os.path.join(site.folder, other) for other in others)
        given = settings.get("permalinks")
        given = given if isinstance(given, dict) else {}
        pages = given.get("page")
        self.permalinks = {
            str(key).lower(): value
            for key, value in (pages if isinstance(pages, dict) else given).items()
            if isinstance(value, str)
        }
        ugly = settings.get("uglyurls")  # the site's, or each section's
        self.ugly = (
            {str(key).lower(): value is True for key, value in ugly.items()}
            if isinstance(ugly, dict)
            else {"": ugly is True}
        )
        self.cased = settings.get("disablepathtolower") is True
        slugify = settings.get("slugify")
        self.slugified = not (isinstance(slugify, dict) and slugify.get("paths") in ("off", "safe"))
        # A language served at a host of its own is at its top, not in a folder of it.
        in_subdir = settings.get("defaultcontentlanguageinsubdir") is True and "baseurl" not in own
        if in_subdir and self.host:
            language = settings.get("defaultcontentlanguage")
            self.host += "/" + (str(language).lower() if language else "en")


@functools.lru_cache(maxsize=256)  # each site's once
def _settings(site: Site) -> _Settings:
    return _Settings(site)


def page_address(site: Site, path: str, article: Article) -> str:
    """Where the Hugo, Zola or Pelican site ``site`` publishes the page at ``path``."""
    if site.kind == "pelican":
        return pelican_address(site, path, article)
    known = _settings(site)
    relative = os.path.relpath(path, known.content).replace(os.sep, "/")
    if not known.host or relative.startswith("../"):
        return ""
    if any(path.startswith(other) or fnmatch.fnmatch(path, other) for other in known.others):
        return ""  # a translation, published at its language's addresses
    extra = article.model_extra or {}
    folders, name = relative.split("/")[:-1], os.path.splitext(relative.rsplit("/", 1)[-1])[0]
    section = name.lower() == "_index"
    if name.lower() in BUNDLE_NAMES:
        if not folders:
            return known.host + "/"
        if not section:
            name = folders.pop()
    address: str | None = (
        _zola_path(known, folders, name, extra, section)
        if known.zola
        else _hugo_path(known, folders, name, article, extra, section)
    )
    return "" if address is None else known.host + address


def _zola_path(
    known: _Settings, folders: list[str], name: str, extra: dict[str, Any], section: bool
) -> str:
    own = extra.get("page_path")  # its front matter's ``path``
    if isinstance(own, str) and own.strip("/ "):
        return "/" + own.strip("/ ") + "/"
    if section:
        return "/" + "".join(folder + "/" for folder in folders)
    slug = extra.get("slug")
    if not (isinstance(slug, str) and slug.strip()):
        slug = _DATED.sub("", name, count=1) or name
    slug = _slugified(slug) if known.slugified else slug.strip()
    return "/" + "".join(folder + "/" for folder in folders) + slug + "/"


def _hugo_path(
    known: _Settings,
    folders: list[str],
    name: str,
    article: Article,
    extra: dict[str, Any],
    section: bool,
) -> str | None:
    own = extra.get("url")
    if isinstance(own, str) and own.startswith("/"):
        return own  # as written, in its own letters
    slug = extra.get("slug")
    slug = slug.strip() if isinstance(slug, str) and slug.strip() else ""
    pattern = known.permalinks.get(folders[0].lower()) if folders and not section else None
    address: str | None = "/" + "/".join([*folders, slug or name] if not section else folders)
    if pattern is not None:
        address = _expanded(pattern, folders, name, slug, article)
    if address is None:
        return None
    address = _SPACE.sub("-", address)  # any space, a no-break one too, as Hugo's
    address = _HUGO_UNSAFE.sub("", address if known.cased else address.lower())
    address = re.sub(r"/{2,}", "/", address)
    ugly = known.ugly.get(folders[0].lower() if folders else "", known.ugly.get("", False))
    if address.endswith(".html"):
        return address
    if ugly and not section:  # ``/2019/05/15/oak.html`` of ``/:year/:month/:day/:slug/``
        return address.rstrip("/") + ".html"
    return address if address.endswith("/") else address + "/"


def _expanded(
    pattern: str, folders: list[str], name: str, slug: str, article: Article
) -> str | None:
    """A Hugo ``[permalinks]`` pattern with the page's values."""
    title = _urlized(article.title)
    pattern = _SECTIONS.sub(lambda found: "/".join(_sliced(folders, found)), pattern)
    values = {
        "section": folders[0],
        "sections": "/".join(folders),
        "title": title,
        "slug": slug or title,
        "filename": name,
        "contentbasename": name,
        "slugorfilename": slug or name,
        "slugorcontentbasename": slug or name,
    }
    when = article.published_at
    if when is not None:
        values |= _hugo_dates(when)
    elif re.search(r":(year|month|day|weekday|yearday)", pattern):
        return None
    filled = fill(pattern, values)
    # Hugo makes a path safe before it escapes it: made safe once ``fill`` had escaped
    # its values, "Café" was "cafc3a9".
    return None if filled is None else unquote(filled)


def _sliced(folders: list[str], found: re.Match[str]) -> list[str]:
    start, end = found.group(1), found.group(2)
    if end is None:  # ``:sections[1]``, one
        index = int(start) if start not in ("", "-") else 0
        return folders[index : index + 1] if -len(folders) <= index < len(folders) else []
    begin = int(start) if start not in ("", "-") else None
    stop = int(end) if end not in ("", "-") else None
    return folders[begin:stop]


def _hugo_dates(when: datetime) -> dict[str, str]:
    return {
        "year": f"{when.year:04d}",
        "month": f"{when.month:02d}",
        "monthname": when.strftime("%B").lower(),
        "day": f"{when.day:02d}",
        "weekday": str(when.isoweekday() % 7),
        "weekdayname": when.strftime("%A").lower(),
        "yearday": str(when.timetuple().tm_yday),
    }


def _urlized(title: str) -> str:
    """A title as Hugo's ``urlize`` writes it in an address."""
    return _HUGO_UNSAFE.sub("", title.strip().replace(" ", "-")).lower()


def _slugified(text: str) -> str:
    """Zola's and Pelican's slugs: letters without their accents and digits, in small
    letters, the rest a hyphen between words."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


# Pelican's


@functools.lru_cache(maxsize=256)
def _pelican(site: Site) -> tuple[str, dict[str, Any]]:
    """A Pelican site's address (its ``publishconf.py``'s, else its own) and settings."""
    settings = settings_of(site)
    published = literal_settings(os.path.join(site.folder, "publishconf.py"))
    host = host_of(published.get("SITEURL")) or host_of(settings.get("SITEURL"))
    return host, settings


def pelican_address(site: Site, path: str, article: Article) -> str:
    host, settings = _pelican(site)
    content = os.path.join(site.folder, "content")
    relative = os.path.relpath(path, content).replace(os.sep, "/")
    if not host or relative.startswith("../"):
        return ""
    extra = {str(key).lower(): value for key, value in (article.model_extra or {}).items()}
    own = extra.get("url")
    if isinstance(own, str) and own.strip() and "://" not in own:
        return host + "/" + own.strip().lstrip("/")
    folders = relative.split("/")[:-1]
    pages = settings.get("PAGE_PATHS", ["pages"])
    is_page = bool(folders) and isinstance(pages, list) and folders[0] in pages
    slug = extra.get("slug")
    if not (isinstance(slug, str) and slug.strip()):
        source = os.path.splitext(os.path.basename(path))[0]
        if settings.get("SLUGIFY_SOURCE", "title") == "title":
            source = article.title
        slug = _slugified(source)
    language = str(settings.get("DEFAULT_LANG", "en"))
    lang = article.language or language
    kind = "PAGE" if is_page else "ARTICLE"
    key = f"{kind}_LANG_URL" if lang != language else f"{kind}_URL"
    default = "pages/{slug}.html" if is_page else "{slug}.html"
    if lang != language:
        default = default.replace("{slug}", "{slug}-{lang}")
    template = settings.get(key, default)
    category = article.category or (
        folders[0] if folders and settings.get("USE_FOLDER_AS_CATEGORY", True) else ""
    )
    category = category or str(settings.get("DEFAULT_CATEGORY", "misc"))
    values: dict[str, Any] = {
        "slug": slug,
        "lang": lang,
        "category": _slugified(category),
        "author": _slugified(article.authors[0]) if article.authors else "",
        "date": article.published_at,
    }
    address = _formatted(template, values) if isinstance(template, str) else None
    if not slug or address is None:
        return ""
    return host + "/" + address.lstrip("/")


def _formatted(template: str, values: dict[str, Any]) -> str | None:
    """A Pelican ``{slug}`` pattern filled, only with the names it may use (and the parts
    of a date): none where it names another, or a date the page has not."""
    try:
        for _, field, _, _ in string.Formatter().parse(template):
            if field is None:
                continue
            name, _, part = field.partition(".")
            if name not in values or values[name] is None:
                return None
            if part and (name != "date" or part not in ("year", "month", "day")):
                return None
        return template.format(**values)
    except (ValueError, IndexError, KeyError, TypeError):
        return None
