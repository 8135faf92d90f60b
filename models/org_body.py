"""An Org mode body read as the Markdown the detail view shows.

Its headlines (``** Fixes``) are Markdown's headings, its source and example blocks
(``#+BEGIN_SRC python``) fenced code, its quote blocks quotes, its links
(``[[https://…][text]]``) Markdown's links, and its ``*bold*``, ``/italic/``,
``=verbatim=``, ``~code~`` and ``+strike+`` Markdown's marks, where Org reads them as
marks (``_underline_`` stays as it is written, as Markdown has none). Keyword lines, comments and
property drawers show nothing; lists and paragraphs read alike in both.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_HEADLINE = re.compile(r"(\*{1,6})[ \t]+(?:(?:TODO|DONE)[ \t]+)?(.*?)(?:[ \t]+:[\w@#%:]+:)?[ \t]*")
_BLOCK = re.compile(r"#\+begin_(\w+)(?:[ \t]+([\w+#.-]+))?.*", re.IGNORECASE)
_DRAWER = re.compile(r":[A-Za-z_-]+:[ \t]*")
# Org's bounds of a mark (``org-emphasis-regexp-components``): after the start of a line,
# a blank or one of ``-({'"``; before its end, a blank or one of ``-.,:!?;'")}\[``; the
# text inside neither starting nor ending with a blank. ``/usr/bin/`` in a sentence is a
# path, no italics. A link begins at the first of its brackets, and each part is bounded:
# a line of a hundred thousand ``[`` or ``*a`` was tried from each one to its end.
_INLINE = re.compile(
    r"(?<!\[)\[\[(?P<url>[^\[\]\n]{1,2048})\](?:\[(?P<text>[^\]\n]{1,1024})\])?\]"
    r"|(?<![^\s\-({'\"])(?P<mark>[*/=~+_])(?P<marked>\S(?:[^\n]{0,300}?\S)?)(?P=mark)"
    r"(?=[\s\-.,:!?;'\")}\\\[]|$)"
)
_MARKS = {"*": "**", "/": "*", "=": "`", "~": "`", "+": "~~", "_": "_"}  # Markdown: no underline


def org_markdown(body: str) -> str:
    """``body`` (Org mode) as Markdown, as the module's words say."""
    return "\n".join(_lines(body.split("\n")))


def _lines(lines: list[str]) -> Iterator[str]:
    number = 0
    while number < len(lines):
        line = lines[number].rstrip()
        number += 1
        stripped = line.strip()
        if found := _BLOCK.fullmatch(stripped):
            kind = found[1].lower()
            end = _closing(lines, number, kind)
            block = lines[number:end]
            number = end + 1
            if kind in ("src", "example", "verse"):
                yield from (f"```{found[2] or ''}" if kind == "src" else "```", *block, "```")
            elif kind == "quote":
                yield from (f"> {text}".rstrip() for text in _lines(block))
            else:
                yield from _lines(block)
            continue
        if stripped.startswith("#+") or stripped == "#" or stripped.startswith("# "):
            continue  # a keyword or a comment
        if _DRAWER.fullmatch(stripped) and stripped.upper() != ":END:":
            number = _drawer_end(lines, number)
            continue
        if found := _HEADLINE.fullmatch(line):
            yield "#" * len(found[1]) + " " + _inline(found[2])
            continue
        yield _inline(line)


def _inline(text: str) -> str:
    """Links and marks in ``text`` as Markdown's."""

    def replaced(found: re.Match[str]) -> str:
        if found["url"]:
            url = found["url"]
            return f"[{found['text'] or url}]({url})"
        mark = _MARKS[found["mark"]]
        return f"{mark}{found['marked']}{mark}"

    return _INLINE.sub(replaced, text)


def _closing(lines: list[str], number: int, kind: str) -> int:
    """The line that closes a ``#+begin_kind`` block opened before ``number``."""
    closing = f"#+end_{kind}"
    for index in range(number, len(lines)):
        if lines[index].strip().lower() == closing:
            return index
    return len(lines)


def _drawer_end(lines: list[str], number: int) -> int:
    """The line after a drawer's ``:END:``, or ``number`` where none closes it."""
    for index in range(number, min(len(lines), number + 200)):
        if lines[index].strip().upper() == ":END:":
            return index + 1
    return number
