"""A site whose generator needs no front matter (``library.plain_page_sites`` says which):
MkDocs renders each Markdown file of its docs folder as a page, titled by the heading it
opens with, and so do VitePress, VuePress and Docusaurus of their pages and GitHub Pages of
a Jekyll site's. Knative's blog writes 47 of its 49 articles so, and none of them was read."""

from __future__ import annotations

from contextvars import ContextVar

from models.frontmatter import SplitDocument
from models.text import plain_line_ends

PLAIN_PAGES: ContextVar[bool] = ContextVar("plain_pages", default=False)
"""Whether the file being read is one of such a site's pages (``library.loader`` sets it)."""

_SUFFIXES = (".md", ".markdown", ".mdx")  # the last, Docusaurus's


def plain_page(text: str, path: str) -> SplitDocument | None:
    """Such a page that opens with no front matter: all of it the body (``None`` for a file
    of another site or another kind). One of nothing but headings, a blog's index where
    its plugin draws the list of posts (``# Blog``), is a page of nothing to read, no
    article, and no file a check warns of either: as one of no front matter, it was."""
    if not PLAIN_PAGES.get() or not path.lower().endswith(_SUFFIXES):
        return None
    if all(line.startswith("#") for line in text.split("\n") if line.strip()):
        return SplitDocument("", "", 1)
    return SplitDocument("", plain_line_ends(text), 1)
