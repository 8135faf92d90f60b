"""A Markdown file with no front matter that is named as a dated post is
(``2026-01-06-issue-03.md``) and opens with a heading: a newsletter's or a changelog's
archive kept as plain Markdown, one issue a file, in which lede found no documents.

It is read as a post with empty front matter would be: dated by its name, titled by its
heading. A file so named that opens with prose is still no document.
"""

from __future__ import annotations

from models.frontmatter import SplitDocument
from models.jekyll_post import name_date
from models.markdown_extras import opening_heading
from models.text import plain_line_ends


def dated_page(text: str, path: str) -> SplitDocument | None:
    """The whole of ``text`` as a body with no front matter, or ``None`` where the file is
    not so named or does not open with a heading."""
    if not path.lower().endswith((".md", ".markdown")) or name_date(path) is None:
        return None
    body = plain_line_ends(text)
    if opening_heading(body) is None:
        return None
    return SplitDocument("", body, 1)
