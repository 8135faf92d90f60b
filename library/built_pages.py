"""A page a site's generator wrote, which no one writes front matter into.

A project's repository often keeps its built site beside its sources (Apache Flink's
``content`` holds the pages Hugo made of ``docs``; a GitHub Pages branch merged in):
each is a whole HTML document, from ``<!DOCTYPE html>`` on. A check warned of every
one that it has no front matter, 660 warnings on Flink's repository, burying the
warnings that matter. An HTML fragment without front matter (an include, a page to
be), and a whole page in a collection (a newsletter saved into ``_newsletters``), are
still warned of: each may be meant to be a document.
"""

from __future__ import annotations

import contextlib

from models.collection import collection_of

_HTML = (".html", ".htm")
_OPENINGS = (b"<!doctype html", b"<html")


def is_built_page(path: str, root: str) -> bool:
    """Whether ``path`` (found under ``root``) is an HTML file that is a whole page, in no
    collection: its first characters (past a byte-order mark and blank lines) open
    ``<!DOCTYPE html>`` or ``<html>``."""
    if not path.lower().endswith(_HTML) or collection_of(path, (root,)) is not None:
        return False
    start = b""
    with contextlib.suppress(OSError), open(path, "rb") as file:
        start = file.read(256)
    return start.removeprefix(b"\xef\xbb\xbf").lstrip().lower().startswith(_OPENINGS)
