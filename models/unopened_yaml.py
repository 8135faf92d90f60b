"""YAML front matter with no opening line: Hexo's, as its first scaffolds wrote it::

    title: Hello World
    date: 2014-05-25 08:30:16 # when the post was made
    tags: [hexo, blog]
    ---
    The post.

Hexo reads the lines up to the first line of dashes as YAML. Read as Pelican's metadata
lines, up to the first blank line, such a post kept its YAML comments in its title and
date ("is no date"), its list's brackets in its topics, and its closing line in its body;
with no blank line before the dashes it was no document at all.

A Markdown or HTML file is read so only when its first lines are all YAML's (keys,
indented lines, list items, comments), a blank line only before the dashes, and one is
its ``title`` or ``date``: prose over a line of dashes (a heading's underline) is no
front matter.
"""

from __future__ import annotations

import re

from models.frontmatter import SplitDocument
from models.text import plain_line_ends

_KEY = re.compile(r"([A-Za-z_][\w-]*)[ \t]*:(?:[ \t]|\r?$)")
_CLOSING = re.compile(r"^-{3,}[ \t]*\r?$", re.MULTILINE)
_LOOKED_AT = 20_000  # characters of a file looked through for the closing line
_LINES = 100  # lines of front matter at most: past them, the dashes close something else
_NAMES = frozenset({"title", "date"})
_PAGES = (".md", ".markdown", ".mdown", ".html", ".htm")  # what a Hexo site renders so


def split_unopened_yaml(text: str, path: str) -> SplitDocument | None:
    """Hexo's front matter with no opening line and the body after it, or None (a file
    of another kind, a Lektor page's fields)."""
    text = text.removeprefix("\ufeff")
    if not path.lower().endswith(_PAGES) or not _KEY.match(text):
        return None
    if (closing := _CLOSING.search(text, 0, _LOOKED_AT)) is None:
        return None
    head = plain_line_ends(text[: closing.start()]).rstrip("\n")
    lines = head.split("\n")
    if len(lines) > _LINES:
        return None
    names = set()
    blank = False
    for line in lines:
        if not line.strip():
            blank = True
        elif blank:
            return None  # a paragraph after a blank line: prose, not front matter
        elif key := _KEY.match(line):
            names.add(key[1])
        elif line[:1] not in (" ", "\t", "-", "#"):
            return None
    if not names & _NAMES:
        return None
    body_start = closing.end() + 1
    body = plain_line_ends(text[body_start:]) if body_start <= len(text) else ""
    body_line = text.count("\n", 0, body_start) + 1
    return SplitDocument(head, body, body_line, "unopened_yaml")
