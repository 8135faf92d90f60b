"""The title MkDocs gives a page of its docs that names none and opens with no heading:
"Home" for the docs' own ``index.md``, else its file's name, dashes and underscores as
spaces, capitalised where written in small letters alone (``getting_started.md``:
"Getting started"; a ``README.md`` is its folder's ``index``). Textual's 17 pages of its
API, each an ``::: textual.events.Blur`` its plugin renders, were warned of as having
"no title or name".
"""

from __future__ import annotations

import os
from contextvars import ContextVar

MKDOCS_DOCS: ContextVar[str | None] = ContextVar("mkdocs_docs", default=None)
"""The docs folder of the MkDocs site whose page is being read (``library.loader``)."""


def mkdocs_title(path: str) -> str:
    """The title MkDocs gives the page at ``path`` by its name; ``""`` for a file of no
    MkDocs site's docs."""
    docs = MKDOCS_DOCS.get()
    if docs is None:
        return ""
    stem = os.path.splitext(os.path.basename(path))[0]
    stem = "index" if stem == "README" else stem
    if stem == "index" and os.path.dirname(path) == docs.rstrip(os.sep):
        return "Home"
    title = stem.replace("-", " ").replace("_", " ")
    return title.capitalize() if title.lower() == title else title
