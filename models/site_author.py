"""The author a site's settings name for each of its posts that names none, as its
generator signs them: Pelican's ``AUTHOR``, Nikola's ``BLOG_AUTHOR`` and the author of a
Gatsby site's ``siteMetadata``. This Week in Rust's 669 issues named nobody, where its site
signs each "TWiR Contributors"."""

from __future__ import annotations

from contextvars import ContextVar

SITE_AUTHOR: ContextVar[str] = ContextVar("site_author", default="")
"""The author of the site of the file being read, if its settings name one
(``library.site_author``)."""
