"""Where a document's front matter says, under other programs' names, what the article's
fields hold: Hugo's page ``params``, a post's ``author`` and ``categories``, a draft's
``status``, a blog's ``canonical_url`` and cover picture, a profile's ``bio``.

Kept apart from the model (``models.article``), which declares the fields: what is read
into them grows with every site generator and notes tool met, and the model should not.
"""

from __future__ import annotations

import os
import re
from datetime import date
from typing import Any

from models.clipping import clipped
from models.cover_image import cover_image
from models.inline_tags import with_tags
from models.jekyll_post import post_title, written_date
from models.labels import blog_category, blog_labels
from models.markdown_extras import heading_text, opening_heading
from models.mkdocs_page import mkdocs_title
from models.page_dates import published_date, updated_date
from models.vault import NOTE_NAME


def _in_drafts(data: dict[str, Any]) -> bool:
    """Whether a document is in a Jekyll site's ``_drafts`` folder: not published."""
    path = data.get("path")
    return isinstance(path, str) and f"{os.sep}_drafts{os.sep}" in path


# Where a document names the page it is a copy of: Obsidian's Web Clipper's ``source``; a
# post written first elsewhere its ``canonical_url`` (dev.to's, Jekyll's SEO tag's) or
# ``canonicalURL`` (Hugo's PaperMod); one jekyll-import brought over from Blogger or
# Tumblr its ``blogger_orig_url`` or ``tumblr_url``.
_ORIGINAL_KEYS = ("source", "canonical_url", "canonicalURL", "blogger_orig_url", "tumblr_url")


# A post's ``status`` that keeps it off its site: WordPress's (which its exports keep) and
# Ghost's drafts, and WordPress's posts pending review, private or in the bin.
_UNPUBLISHED_STATUSES = frozenset({"draft", "pending", "private", "trash"})


# Keys that name what a field of the article holds, under the field's key.
_SINGULAR_KEYS = {
    "author": "authors",
    "author_name": "authors",  # nanoc's (Prometheus's blog)
    "by": "authors",  # the Go blog's
    "locations": "location",
}


def _unpublished_status(value: Any) -> bool:
    return isinstance(value, str) and value.strip().lower() in _UNPUBLISHED_STATUSES


# Where an item's blurb is, where it has no ``excerpt``: a profile's or a company's, a
# post's description or summary, a Bridgetown or Hashnode post's ``subtitle``, and the
# description Hashnode's backups give search engines (``seoDescription``).
_BLURB_KEYS = (
    "bio",
    "overview",
    "description",
    "summary",
    "intro",
    "abstract",
    "subtitle",
    "seoDescription",
)


# What a Hugo theme reads from a page's ``params``, where it means what it means at the
# top; not ``type``, ``published`` or ``tags``, which are Hugo's own only at the top.
_HUGO_PARAMS = ("author", "authors", "description", "summary", "images")


def _opening_heading(body: Any) -> str:
    """The heading a body opens with: Docusaurus, MkDocs and GitHub Pages title an
    untitled page by it, so their pages were listed by file name ("rbac")."""
    found = opening_heading(body) if isinstance(body, str) else None
    return heading_text(found.text) if found else ""  # as the page shows it


def _navigation_title(entry: Any) -> str:
    """What an Eleventy site's menu calls a page (its ``eleventyNavigation``'s ``title``,
    else ``key``): a docs page whose layout writes its heading was called by its file's
    name ("collections-api")."""
    if not isinstance(entry, dict):
        return ""
    name = entry.get("title") or entry.get("key")
    return name if isinstance(name, str) else ""


def _is_address(value: Any) -> bool:
    """Whether ``value`` is a whole web address (a ``url`` that is a site's own path, as
    Hugo's ``/blog/x/``, is none)."""
    return isinstance(value, str) and value.strip().lower().startswith(("http://", "https://"))


def as_written(value: Any) -> Any:
    """A number or a date as the text YAML read it from; anything else as it is."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, date):  # a datetime too
        return value.isoformat()
    return value


_YEAR_OR_MONTH = re.compile(r"\d{4}(?:-\d\d)?")


def _is_year(value: Any) -> bool:
    """Whether ``value`` is a year, as a number or as text (``published: "2014"``), or a
    year's month (``"2008-06"``)."""
    text = str(value).strip() if isinstance(value, int | str) else ""
    return bool(_YEAR_OR_MONTH.fullmatch(text))


def _put(data: dict[str, Any], key: str, value: Any) -> None:
    """``value`` at ``key``, or no ``key`` where it is ``None``: the model drops a blank key
    in any case, and a mapping that holds none is taken as it is, not copied again."""
    if value is None:
        data.pop(key, None)
    else:
        data[key] = value


def article_fields(data: dict[str, Any]) -> dict[str, Any]:
    """A copy of the front matter with what other programs write read into the article's
    keys. Entries of other collections are named, not titled, and their blurb is the
    excerpt; a Jekyll post is dated by its ``date`` or its file name (any page by a date
    in its address); an untitled document is titled by the heading it opens with, else
    (a Jekyll post) by its name; a blog's ``category``, ``categories`` and ``tags``
    are its topics where it names none; a ``draft`` (or a draft's ``status``, a post in
    ``_drafts``, or an Eleventy page of ``permalink: false``) is an item the site did
    not publish; the page it copies (``canonical_url``), else a whole address in
    ``url``, is its link where it names none other; a blog's cover picture
    (``cover_image``, ``image``...) is its image where it lists none."""
    data = dict(data)
    params = data.get("params")
    if isinstance(params, dict):  # Hugo's page parameters: a theme's byline and
        for key in _HUGO_PARAMS:  # blurb there (``params: {author: …}``)
            if key in params:
                data.setdefault(key, params[key])
    clipped(data)  # what a read-later tool writes in its own way (``models.clipping``)
    if not data.get("images") and (cover := cover_image(data)):
        data["images"] = [cover]  # a blog's one picture, named as its tool names it
    if "title" in data:  # a title YAML read as a number or a day (``title: 0``)
        data["title"] = as_written(data["title"])
    named = data.pop(NOTE_NAME, None)  # a vault's note, as Obsidian names it
    if not data.get("title"):
        data["title"] = (
            data.get("name")
            or data.get("display_name")  # GitHub's explore topics and collections
            or data.get("pagetitle")  # Pandoc's (Quarto's) title of the page's window
            or named
            or _opening_heading(data.get("body"))
            or mkdocs_title(data.get("path", ""))  # a page of an MkDocs site's docs
            or _navigation_title(data.get("eleventyNavigation"))
            or post_title(data.get("path", ""))
        )
    if data.get("publishedDateTime") is None:
        _put(data, "publishedDateTime", published_date(data))
        data.pop("published_at", None)  # a blog's (dev.to's), read as the rest are
    if not (data.get("originalUrl") or data.get("webUrl")):
        linked = [key for key in _ORIGINAL_KEYS if _is_address(data.get(key))]
        # A feed's item names its page in ``link``, a planet's post its original so; an
        # undated page's link is the home of what it describes (GitHub's explore topics:
        # minecraft.net).
        if not linked and data.get("publishedDateTime") is not None:
            linked = [key for key in ("url", "link") if _is_address(data.get(key))]
        if linked:  # the first that gives one
            data["originalUrl"] = data[linked[0]]
    published = data.get("published")
    if not isinstance(published, bool) and (written_date(published) or _is_year(published)):
        del data["published"]  # Hugo's date, or a book's year (ocaml.org's), not Jekyll's flag
    if data.get("updatedDateTime") is None:
        _put(data, "updatedDateTime", updated_date(data))
        data.pop("updated_at", None)  # Qiita's (``''`` before it is first posted)
    if not data.keys().isdisjoint(_SINGULAR_KEYS):  # few: one look for all of them
        for one, many in _SINGULAR_KEYS.items():
            if many not in data and one in data:
                data[many] = data.pop(one)
    category = data.get("category")
    if isinstance(category, list):  # Hugo's taxonomy: no one kind of item
        del data["category"]
    if data.get("topics") is None:  # a blog's own labels (``topics:`` left blank too)
        data["topics"] = with_tags(  # each once (``[[Clippings]]``, ``clippings``)
            [],
            [*blog_category(category), *blog_labels(data.get("categories"))]
            + blog_labels(data.get("tags")),
        )
    if "published" not in data and (
        data.get("draft") is True
        or ("draft" not in data and _unpublished_status(data.get("status")))
        or data.get("ignorePublish") is True  # Qiita's: its CLI posts it not
        or data.get("private") is True  # Qiita's (shared by its link, not listed)
        or _in_drafts(data)
        or data.get("permalink") is False  # Eleventy writes no page of it
    ):
        data["published"] = False
    if not data.get("excerpt"):
        for key in _BLURB_KEYS:
            if isinstance(data.get(key), str) and data[key].strip():  # dev.to's ""
                data["excerpt"] = data[key]
                break
    return data
