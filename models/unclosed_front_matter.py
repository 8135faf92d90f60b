"""YAML front matter whose closing ``---`` line is missing, read up to where its keys end.

A post written by hand that opens its front matter and forgets to close it lost the
whole post to one missing line. Its keys end where a blank line is followed by a line
no key or indented value begins: the body's first. A file that holds no such line (one
saved half-written, keys cut short) stays an error, as does one whose first line after
``---`` is no key (a Markdown rule at the top of a text).
"""

from __future__ import annotations

import re

from models.frontmatter import MAX_FRONT_MATTER_CHARS, DocumentError, SplitDocument

# ``title:``, ``og:image:``, ``"a key":``: a key and its colon, then a value or the line's end.
_KEY = re.compile(r"""(?:"[^"\n]*"|'[^'\n]*'|\w[\w.:-]*)[ \t]*:(?:[ \t]|\r?$)""")
UNCLOSED = "front matter has no closing '---' line: it is read as ending at this blank line"


def split_unclosed(text: str, start: int, blank_lines: int) -> SplitDocument:
    """The front matter opened by ``---`` on the line before ``start``, ending before the
    blank line the body follows; raises ``DocumentError`` where no body follows keys."""
    not_closed = DocumentError("front matter is not closed by a '---' line", 1)
    lines = text[start : start + MAX_FRONT_MATTER_CHARS].split("\n")
    if not lines or not _KEY.match(lines[0]):
        raise not_closed
    blank = None  # the index of the first of the blank lines before the current one
    for number, line in enumerate(lines):
        if not line.strip():
            blank = number if blank is None else blank
            continue
        if blank is not None and not _KEY.match(line) and line[0] not in " \t":
            return _split_at(text, start, blank_lines, lines, blank)
        blank = None
    raise not_closed


def _split_at(
    text: str, start: int, blank_lines: int, lines: list[str], blank: int
) -> SplitDocument:
    """The document split before its ``blank`` line (an index into ``lines``)."""
    front = "\n".join(lines[:blank]) + "\n"
    body = text[start + len(front) :]
    if "\r" in front:
        front = front.replace("\r\n", "\n")
    if "\r" in body:
        body = body.replace("\r\n", "\n")
    front = "\n" * blank_lines + front
    body_line = front.count("\n") + 2
    return SplitDocument(front, body, body_line, "yaml", (UNCLOSED, body_line))
