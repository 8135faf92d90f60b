"""A Middleman site: its ``config.rb``, Ruby that activates Middleman's extensions
(``activate :blog``), and the folder of its pages, ``source`` unless ``set :source``
names another. Each folder of that one is a section (``blog``, ``docs``), as a Hugo
site's are (``library.site_sections``), so the reader streams the blog a ``blog.prefix``
keeps in its own folder, not the guides beside it. A blog's posts are the pages its
``blog.sources`` names (by default ``{year}-{month}-{day}-{title}.html`` at the top of
the pages, beside the site's About), in its ``blog.name``'s section, else its prefix's,
else ``blog``."""

from __future__ import annotations

import functools
import os
import re
from typing import NamedTuple

from models.language import language_code
from models.regular_file import settings_text

MIDDLEMAN_CONFIG = "config.rb"
MIDDLEMAN_LOCALIZED = "localizable"  # its i18n's pages, one for each language: no section
_MIDDLEMAN = re.compile(r"^\s*(?:activate|set|page|configure)\s+:", re.MULTILINE)
# ``set :source, "src"``: where its pages are, if not in ``source``.
_SOURCE = re.compile(r"""^\s*set\s+:source\s*,\s*(["'])([^"'\n]+)\1""", re.MULTILINE)


def is_middleman_site(folder: str) -> bool:
    """Whether ``folder`` holds a Middleman site: a ``config.rb`` written as Middleman's
    (``activate :blog``, ``set :source``), beside the folder of its pages. Compass writes
    a ``config.rb`` too, of assignments alone."""
    if not os.path.isfile(os.path.join(folder, MIDDLEMAN_CONFIG)):
        return False
    source = middleman_source(folder)
    return source is not None and os.path.isdir(os.path.join(folder, source))


@functools.lru_cache(maxsize=256)  # each site's settings read once
def middleman_source(folder: str) -> str | None:
    """The folder of the site's pages, from ``folder``: what ``set :source`` names, else
    ``source``; None where its ``config.rb`` is no Middleman site's."""
    text = settings_text(os.path.join(folder, MIDDLEMAN_CONFIG)) or ""
    if not _MIDDLEMAN.search(text):
        return None
    named = _SOURCE.search(text)
    source = os.path.normpath(named[2].strip("/")) if named else "source"
    return "source" if source.split(os.sep)[0] in (os.curdir, os.pardir) else source


# ``activate :blog do |blog| ... end``: one blog's settings, up to the block's ``end``.
_BLOG = re.compile(
    r"^([ \t]*)activate\s+:blog\b(?:\s+do\s*\|\s*(\w+)\s*\|(.*?)^\1end\b)?",
    re.MULTILINE | re.DOTALL,
)
_DEFAULT_SOURCES = "{year}-{month}-{day}-{title}.html"
# A part of a post's path its sources template names: a date's by its digits, any other
# (``{title}``, ``{category}``, ``{lang}``) by a name of one folder; ``:year`` is
# Middleman 3's way of writing ``{year}``.
_PART = re.compile(r"\{(\w+)\}|:(\w+)")
_DIGITS = {"year": r"\d{4}", "month": r"\d{1,2}", "day": r"\d{1,2}"}
# What a page's name ends with beyond its address's ``.html``: its templates' languages.
_TEMPLATE_SUFFIXES = frozenset({"md", "markdown", "mkd", "erb", "haml", "slim", "liquid"})


class MiddlemanBlog(NamedTuple):
    """A blog of a Middleman site: the section its posts are in, and what their paths
    from the site's pages match."""

    section: str
    sources: re.Pattern[str]


@functools.lru_cache(maxsize=256)  # each site's settings read once
def middleman_blogs(folder: str) -> tuple[MiddlemanBlog, ...]:
    """The blogs the Middleman site at ``folder`` activates."""
    text = settings_text(os.path.join(folder, MIDDLEMAN_CONFIG)) or ""
    blogs = []
    for found in _BLOG.finditer(text):
        settings = dict.fromkeys(("name", "prefix", "sources"), "")
        if found[2]:
            for key in settings:
                named = re.search(
                    rf"""^\s*{found[2]}\.{key}\s*=\s*(["'])([^"'\n]*)\1""", found[3], re.M
                )
                settings[key] = named[2].strip("/ ") if named else ""
        prefix, sources = settings["prefix"], settings["sources"] or _DEFAULT_SOURCES
        section = settings["name"] or prefix.split("/")[0] or "blog"
        template = "/".join(filter(None, (prefix, sources.lstrip("/"))))
        blogs.append(MiddlemanBlog(section, re.compile(_pattern(template))))
    return tuple(blogs)


def _pattern(template: str) -> str:
    """A regular expression of the paths a sources ``template`` names."""
    parts, end = [], 0
    for found in _PART.finditer(template):
        name = found[1] or found[2]
        parts += [re.escape(template[end : found.start()]), _DIGITS.get(name, r"[^/]+")]
        end = found.end()
    return "".join([*parts, re.escape(template[end:])])


def middleman_post_section(folder: str, inside: list[str]) -> str | None:
    """The section of a blog of the Middleman site at ``folder`` whose post is the page at
    ``inside`` (its path from the site's pages), if it is one: its address's path, without
    its templates' suffixes and a language's (``hello.ja.html.md`` is ``hello.html``),
    matches the blog's sources."""
    blogs = middleman_blogs(folder)
    if not blogs:
        return None
    parts = inside[-1].split(".")
    while len(parts) > 1 and parts[-1].lower() in _TEMPLATE_SUFFIXES:
        parts.pop()
    if parts[-1].lower() != "html":
        parts.append("html")
    if len(parts) > 2 and language_code(parts[-2]) is not None:
        del parts[-2]
    path = "/".join([*inside[:-1], ".".join(parts)])
    return next((blog.section for blog in blogs if blog.sources.fullmatch(path)), None)
