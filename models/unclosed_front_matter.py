"""Front matter whose closing line (``---``, ``+++``) is missing, read up to where its keys
end.

A post written by hand that opens its front matter and forgets to close it lost the
whole post to one missing line. Its keys end where a blank line is followed by a line
no key or indented value begins: the body's first. A file that holds no such line (one
saved half-written, keys cut short) stays an error, as does one whose first line after
``---`` is no key (a Markdown rule at the top of a text).
"""

from __future__ import annotations

import re

from models.frontmatter import MAX_FRONT_MATTER_CHARS, DocumentError, SplitDocument

_KEYS = {
    # ``title:``, ``og:image:``, ``"a key":``: a key and its colon, then a value or the end.
    "yaml": re.compile(r"""(?:"[^"\n]*"|'[^'\n]*'|\w[\w.:-]*)[ \t]*:(?:[ \t]|\r?$)"""),
    # ``title =``, ``"a key" =``, ``[params]``, ``[[menu.main]]``
    "toml": re.compile(
        r"""(?:"[^"\n]*"|'[^'\n]*'|[\w.-]+)[ \t]*=|\[\[?[\w."' -]+\]\]?[ \t]*\r?$"""
    ),
}
UNCLOSED = "front matter has no closing '{}' line: it is read as ending at this blank line"


def split_unclosed(text: str, start: int, blank_lines: int, language: str) -> SplitDocument:
    """The front matter in ``language`` (``yaml``, ``toml``) opened on the line before
    ``start``, ending before the blank line the body follows; raises ``DocumentError``
    where no body follows keys."""
    delimiter = "+++" if language == "toml" else "---"
    not_closed = DocumentError(f"front matter is not closed by a '{delimiter}' line", 1)
    key = _KEYS.get(language)
    lines = text[start : start + MAX_FRONT_MATTER_CHARS].split("\n")
    if key is None or not key.match(lines[0]):
        raise not_closed
    blank = None  # the index of the first of the blank lines before the current one
    for number, line in enumerate(lines):
        if not line.strip():
            blank = number if blank is None else blank
            continue
        if blank is not None and not key.match(line) and line[0] not in " \t":
            front, body = _split_at(text, start, lines[:blank])
            front = "\n" * blank_lines + front  # its lines where the file has them
            body_line = front.count("\n") + 2
            warning = (UNCLOSED.format(delimiter), body_line)
            return SplitDocument(front, body, body_line, language, warning)
        blank = None
    raise not_closed


def _split_at(text: str, start: int, front_lines: list[str]) -> tuple[str, str]:
    """The front matter (``front_lines``, from ``start``) and the body after them."""
    front = "\n".join(front_lines) + "\n"
    body = text[start + len(front) :]
    if "\r" in front:
        front = front.replace("\r\n", "\n")
    if "\r" in body:
        body = body.replace("\r\n", "\n")
    return front, body
