"""A page a site's generator wrote, which no one writes front matter into.

A project's repository often keeps its built site beside its sources (Apache Flink's
``content`` holds the pages Hugo made of ``docs``; a GitHub Pages branch merged in):
each is a whole HTML document, from ``<!DOCTYPE html>`` on. A check warned of every
one that it has no front matter, 660 warnings on Flink's repository, burying the
warnings that matter. So is the page R Markdown or Quarto renders beside its source, in
a collection too (a distill blog's ``_posts/tfruns/tfruns.html`` beside ``tfruns.Rmd``:
96 warnings on the RStudio AI Blog). An HTML fragment without front matter (an include,
a page to be), and another whole page in a collection (a newsletter saved into
``_newsletters``), are still warned of: each may be meant to be a document.
"""

from __future__ import annotations

import os

from models.collection import collection_of
from models.regular_file import NotRegular, TooLarge, read_regular

_HTML = (".html", ".htm")
_OPENINGS = (b"<!doctype html", b"<html")
_LOOKED_AT = 256  # bytes: past a byte-order mark and a few blank lines
# What renders to a page of the same name beside it: R Markdown, Quarto, a notebook.
_SOURCES = (".Rmd", ".rmd", ".Rmarkdown", ".qmd", ".ipynb")


def is_built_page(path: str, root: str) -> bool:
    """Whether ``path`` (found under ``root``) is an HTML file that is a whole page, in no
    collection or rendered from its source beside it (``post.Rmd``): its first characters
    (past a byte-order mark and blank lines) open ``<!DOCTYPE html>`` or ``<html>``. A
    FIFO put at its name since it was found is no page: opening it waited for ever."""
    if not path.lower().endswith(_HTML):
        return False
    if collection_of(path, (root,)) is not None and not _rendered(path):
        return False
    try:
        start = read_regular(path, _LOOKED_AT, keep_head=True)
    except TooLarge as larger:
        start = larger.head
    except (OSError, NotRegular):
        return False
    return start.removeprefix(b"\xef\xbb\xbf").lstrip().lower().startswith(_OPENINGS)


def _rendered(path: str) -> bool:
    """Whether the page ``path`` has a source of its name beside it that renders to it."""
    stem = os.path.splitext(path)[0]
    return any(os.path.isfile(stem + suffix) for suffix in _SOURCES)
