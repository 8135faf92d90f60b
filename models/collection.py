"""Where a document belongs on a Jekyll site: its collection, and whether it is an article
at all or a data record (a person's profile, a company).

Pure functions of a path and a document's front matter, so the indexing workers
can call them for every file.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Mapping
from typing import Any

from models.jekyll_post import DATE_KEYS
from models.vault import NOTE_NAME

# Folders with a leading underscore that Jekyll reads as something other than a
# collection: data files, templates, styles, plugins and the built site.
NOT_COLLECTIONS = frozenset({"_data", "_includes", "_layouts", "_sass", "_site", "_plugins"})

# What an article has at least one of: a title, a blurb, a date (a post's, an event's) or a
# link. A data record (``_people``: name, bio, twitter; ``_companies``: name, overview,
# funding; a sponsorship) has none of them and no body: it describes something, it does
# not tell anything.
ARTICLE_KEYS = (
    "title",
    "excerpt",
    "publishedDateTime",
    *DATE_KEYS,
    "startDateTime",
    "originalUrl",
    "webUrl",
)


def _folders(path: str, roots: Iterable[str]) -> list[str]:
    """The folders between the innermost root holding ``path`` and the file."""
    best = ""
    for root in roots:
        root = root.rstrip("/" + os.sep) + os.sep
        if path.startswith(root) and len(root) > len(best):
            best = root
    if not best:
        return []
    return path[len(best) :].replace(os.sep, "/").split("/")[:-1]


def collection_of(path: str, roots: Iterable[str]) -> str | None:
    """The Jekyll collection ``path`` sits in: the innermost ``_name`` folder between its
    corpus root and the file, without the underscore.

    ``_news/a.md`` is in ``news``, ``_archive/_news/a.md`` in ``news`` (an archive keeps
    the collection's folder), ``_learning/books/ai/a.md`` in ``learning``. A file in
    no such folder, or whose root is the file itself, has none (``None``). Only the part
    below the root counts: a ``_name`` folder above it (``/home/_me/site``) is not the
    site's.
    """
    for folder in reversed(_folders(path, roots)):
        if len(folder) > 1 and folder.startswith("_") and folder not in NOT_COLLECTIONS:
            return folder[1:]
    return None


def _given(value: Any) -> bool:
    return value is not None and (not isinstance(value, str) or bool(value.strip()))


def is_no_article(front_matter: Mapping[str, Any], body: str) -> bool:
    """Whether a page is the site's frame, not a text to read, which was listed as an
    undated article: an Eleventy page left out of every list its site makes (its posts,
    its feed, its sitemap: ``eleventyExcludeFromCollections: true`` marks a 404 page, a
    feed's or an archive's template), a docs site's home page of blocks (VitePress's
    ``layout: home``, VuePress's ``home: true``, with a ``hero`` or ``features``), or a
    blog's list of posts that its theme draws where the page says ``index: true`` (the
    Vue blog's, on VitePress) or names a layout of lists (Hugo's ``layout: list`` for a
    news archive, Jekyll themes' ``archive``, ``tags``, ``categories``, nodejs.org's
    ``blog-category``) and holds no text
    of its own; or a page the site publishes
    only as a redirect: jekyll-redirect-from's ``redirect_to`` (GitLab's docs write it
    too, over a line that says where the page went), a body of nothing but a refresh
    (``<meta http-equiv="refresh" …>``) or Docusaurus's ``<Redirect to=…/>``, or a whole
    HTML page that sends its reader on at once, whatever it says meanwhile (the page
    jekyll-redirect-from writes, kept as a source where a blog moved away)."""
    if front_matter.get("eleventyExcludeFromCollections") is True:
        return True
    # A page and a refresh both open with a tag: a body without one is neither.
    if _given(front_matter.get("redirect_to")) or ("<" in body and _only_redirect(body)):
        return True
    listing = front_matter.get("index") is True or _lists_posts(front_matter.get("layout"))
    if listing and not _FRAME.sub("", body):
        return True
    home = front_matter.get("layout") == "home" or front_matter.get("home") is True
    return home and any(key in front_matter for key in _HOME_BLOCKS)


def _only_redirect(body: str) -> bool:
    """Whether ``body`` sends its reader elsewhere as it opens, and says nothing else (a
    stub is short: a page of text is not searched), or is a page of its own that no
    reader stays on ("Redirecting…", a link to click if the browser does not go)."""
    if _WHOLE_PAGE.match(body) and _SENT_AT_ONCE.search(body):
        return True
    if len(body) > _STUB_SIZE or not _REDIRECT.search(body):
        return False
    return not _FRAME.sub("", _MODULE_LINE.sub("", body))


_REDIRECT = re.compile(r"<meta\s[^<>]*http-equiv=[\"']?refresh\b|<Redirect\s", re.IGNORECASE)
_STUB_SIZE = 2000
_WHOLE_PAGE = re.compile(r"\s*<(?:!doctype\s+html|html)\b", re.IGNORECASE)
# A refresh of no delay to another address, its attributes in either order.
_SENT_AT_ONCE = re.compile(
    r"<meta\s(?=[^<>]*http-equiv=[\"']?refresh\b)"
    r"(?=[^<>]*content=[\"']?\s*0*\.?0*\s*[;,]\s*url\s*=)[^<>]*>",
    re.IGNORECASE,
)
_MODULE_LINE = re.compile(r"^(?:import|export)\s.*$", re.MULTILINE)  # MDX's: what it imports
_HOME_BLOCKS = ("hero", "features", "heroText", "heroImage")  # VuePress's are the last two
# What shows no text of a page: its scripts and styles, its tags (a theme's component,
# ``<PostList />``), its spaces.
# The words that name a layout that draws a list of posts, not a page's text.
_LIST_LAYOUTS = frozenset({"list", "archive", "archives", "tag", "tags", "category", "categories"})
_LAYOUT_WORDS = re.compile(r"[\W_]+")


def _lists_posts(layout: Any) -> bool:
    """Whether a page's ``layout`` draws a list of posts, by a word of its name (``list``,
    ``blog-category``: nodejs.org's blog's page; ``post-archive``)."""
    return isinstance(layout, str) and not _LIST_LAYOUTS.isdisjoint(
        _LAYOUT_WORDS.split(layout.lower())
    )


_FRAME = re.compile(r"<(script|style)\b[^>]*>.*?</\1>|<[^<>]*>|\s+", re.DOTALL | re.IGNORECASE)


def is_data_record(front_matter: Mapping[str, Any], body: str) -> bool:
    """Whether a document is a data record rather than an article, by its shape: it has
    none of ``ARTICLE_KEYS`` and no body. Decided per document, whatever its folder is
    called, so other sites' data folders (``_authors``, ``_speakers``) are recognised
    too, and an article filed in an odd folder is not lost."""
    if body and not body.isspace():  # told without a copy of the body, as ``strip`` makes
        return False
    return not any(map(_given, map(front_matter.get, ARTICLE_KEYS)))  # no Python loop


# The keys that file an article (where it goes, whose it is, in what language) and tell
# nothing of their own; a data record is described by keys of its own (a name, a bio).
FILING_KEYS = frozenset(
    ("category", "categories", "tags", "topics", "keywords", "type", "author", "authors")
    + ("draft", "published", "lang", "language")
)


def stub_keys(front_matter: Mapping[str, Any], body: str) -> list[str]:
    """The keys of a document taken for a data record that only file an article, none
    describing a thing (``category: news`` and no body): an article left without its
    text, which would vanish from the list without a word; else none. ``path``, ``body``
    and a vault note's name are the parser's own."""
    if not is_data_record(front_matter, body):
        return []
    written = [key for key in front_matter if key not in ("path", "body", NOTE_NAME)]
    return written if written and set(written) <= FILING_KEYS else []
