"""A Pelican post in reStructuredText: its title, then its metadata as a field list (what
docutils calls the document's docinfo), in place of front matter::

    My super title
    ##############

    :date: 2010-10-03 10:20
    :tags: thats, awesome
    :category: yeah
    :summary: Short version for index and feeds

The title is the heading the document opens with (a ``:title:`` field names it too).
Pelican reads the fields as it reads a Markdown post's ``Key: value`` lines
(``models.pelican``). A ``.rst`` file is read so only when its fields are Pelican's
(a date, tags, a category…): a Sphinx page's ``:orphan:`` or a HOWTO's ``:Author:`` and
``:Release:`` make no post of it. In a Pelican site a title alone does, as it does for
Pelican, which needs no other field (it dates such a post by its file's name, or as its
``DEFAULT_DATE`` setting says); elsewhere a page that opens with a title is no post.
"""

from __future__ import annotations

import re
from contextvars import ContextVar
from typing import Any

from models.frontmatter import SplitDocument
from models.pelican import metadata_values
from models.text import plain_line_ends

# A line of one punctuation character repeated, under (and maybe over) a title.
_ADORNMENT = re.compile(r"([!-/:-@\[-`{-~])\1{2,}[ \t]*")
_FIELD = re.compile(r":(?P<key>[A-Za-z][A-Za-z0-9_-]*):(?:[ \t]+(?P<value>.*))?")
# The fields that say a document is a Pelican post or page; others alone do not.
_PELICAN_KEYS = frozenset(
    ("title", "date", "modified", "tags", "category", "slug", "summary", "status", "lang")
    + ("translation", "save_as", "url", "template")
)

IN_PELICAN_SITE: ContextVar[bool] = ContextVar("in_pelican_site", default=False)
"""Whether the file being read is in a Pelican site (``library.loader`` sets it)."""


def split_docinfo(text: str, path: str) -> SplitDocument | None:
    """The title and fields of a ``.rst`` post at ``path``, and the body after them;
    ``None`` where ``text`` opens with none (see the module's docstring)."""
    if not path.lower().endswith(".rst"):
        return None
    lines = plain_line_ends(text).split("\n")
    first = _next_text(lines, 0)
    title = section_title(lines, first)
    start = _next_text(lines, first + title[1]) if title else first
    end = start
    while end < len(lines) and (
        _FIELD.fullmatch(lines[end]) or (end > start and lines[end][:1] in (" ", "\t"))
    ):
        end += 1
    keys = {found["key"].lower() for line in lines[start:end] if (found := _FIELD.match(line))}
    if not keys:  # a title alone makes a post where Pelican reads the file, not elsewhere
        if title is None or not IN_PELICAN_SITE.get():
            return None
        end = first + title[1]
    elif not keys & _PELICAN_KEYS or (end < len(lines) and lines[end].strip()):
        return None  # no Pelican fields, or a list that goes on: no docinfo
    body = "\n".join(lines[end:]).lstrip("\n")
    return SplitDocument("\n".join(lines[:end]), body, end + 1, "docinfo")


def _next_text(lines: list[str], number: int) -> int:
    """The first line at or after ``number`` that is not blank."""
    while number < len(lines) and not lines[number].strip():
        number += 1
    return number


def _opening(lines: list[str], first: int) -> tuple[str | None, int]:
    """The title that opens at ``first``, if any, and the first line of text after it."""
    title = section_title(lines, first)
    if title is None:
        return None, first
    return title[0], _next_text(lines, first + title[1])


def section_title(lines: list[str], first: int) -> tuple[str, int] | None:
    """The title at ``first``, and how many lines it takes (two, or three with a line
    over it)."""
    window = [*lines[first : first + 3], "", "", ""]
    if _ADORNMENT.fullmatch(window[0]) and window[1].strip() and window[2] == window[0]:
        return window[1].strip(), 3
    text = window[0].strip()
    written = bool(text) and window[0][:1] not in (" ", "\t")
    if written and not _ADORNMENT.fullmatch(window[0]) and _ADORNMENT.fullmatch(window[1]):
        return (text, 2) if len(window[1].rstrip()) >= min(len(text), 4) else None
    return None


def docinfo_values(head: str) -> dict[str, Any]:
    """The title and fields by lower-cased key, as the article model reads front matter."""
    lines = head.split("\n")
    title, start = _opening(lines, _next_text(lines, 0))
    fields = [
        line if not (found := _FIELD.fullmatch(line)) else f"{found['key']}: {found['value'] or ''}"
        for line in lines[start:]
    ]
    data = metadata_values("\n".join(fields)) if fields else {}
    if title is not None:
        data.setdefault("title", title)
    return data
