"""Franklin.jl's page variables: Julia assignments that open a Markdown page in place of
front matter, as ``@def`` lines (Franklin's first form) or a ``+++`` block (its newer)::

    @def title = "Stanford Talk Announcement"
    @def rss_pubdate = Date(2012, 2, 27)
    @def authors = \"\"\"<a href="https://github.com/JeffBezanson">Jeff Bezanson</a>\"\"\"

A value is Julia: strings (``"..."``, or ``\"\"\"...\"\"\"`` over lines), numbers, ``true``
and ``false``, ``Date(y, m, d)`` and vectors of strings are read; any other expression is
code, which lede does not run, and is passed over. A ``+++`` block is read so only when
TOML refuses it and it holds a call or a tuple, which TOML never writes.
"""

from __future__ import annotations

import ast
import datetime
import os
import re
from typing import Any

from models.frontmatter import SplitDocument
from models.labels import BYLINE
from models.text import plain_line_ends

_DEF = re.compile(r"@def[ \t]+")
_ASSIGNMENT = re.compile(r"(?:@def[ \t]+)?([A-Za-z_][A-Za-z0-9_]*)[ \t]*=(?!=)[ \t]*(.*)", re.S)
_DATE = re.compile(r'Date\(\s*"?(\d{4})(?:\s*,\s*|-)(\d{1,2})(?:\s*,\s*|-)(\d{1,2})"?\s*\)')
_STRING = re.compile(r'"""(?:.|\n)*?"""|\'\'\'(?:.|\n)*?\'\'\'|"(?:[^"\\\n]|\\.)*"|\'[^\'\n]*\'')
_JULIA = re.compile(r"[A-Za-z_][A-Za-z0-9_.]*\(|[=\[,][ \t\n]*\(")  # a call, a tuple
_TAG = re.compile(r"<[^>]*>")
# Franklin's RSS variables stand for the page's date and description where it has none.
_STAND_INS = {"rss_pubdate": "date", "rss_description": "description", "rss": "description"}


def split_definitions(text: str) -> SplitDocument | None:
    """The ``@def`` lines that open ``text`` and the body after them; ``None`` when it
    opens with none."""
    if not _DEF.match(text.removeprefix("\ufeff")):  # most: told before the text is split
        return None
    lines = plain_line_ends(text).split("\n")
    statements = _statements(lines)
    count = 0  # the lines the definitions take, blank lines between them too
    for start, statement in statements:
        if not _DEF.match(statement):
            break
        count = start + statement.count("\n") + 1
    head = "\n".join(lines[:count])
    return SplitDocument(head, "\n".join(lines[count:]), count + 1, "franklin")


def is_julia_block(front_matter: str) -> bool:
    """Whether a ``+++`` block that TOML refused is Franklin's Julia: outside strings and
    comments, a call (``Date(2023, 7, 6)``) or a tuple, which TOML never has; a bare
    ``title = A (draft)`` is TOML's error still."""
    code = re.sub(r"#.*", "", _STRING.sub("", front_matter))
    return _JULIA.search(code) is not None


def is_franklin_settings(path: str) -> bool:
    """Whether a file of Franklin's variables is its site's ``config.md``, where Franklin
    keeps the variables of every page, not a page of its own."""
    return os.path.basename(path) == "config.md"


def franklin_values(head: str) -> dict[str, Any]:
    """The page variables that are plain values, by name, as the article model reads
    front matter."""
    data: dict[str, Any] = {}
    for _, statement in _statements(head.split("\n")):
        found = _ASSIGNMENT.fullmatch(statement.strip())
        if found is not None and (value := _value(found[2].strip())) is not None:
            data[found[1]] = value
    for name, key in _STAND_INS.items():
        if name in data and key not in data:
            data[key] = data.pop(name)
    for key in ("author", "authors"):  # a line of text to show, often of links to pages
        if isinstance(data.get(key), str):
            names = BYLINE.split(_TAG.sub("", data[key]))
            data[key] = [name.strip() for name in names if name.strip()]
    return data


def _statements(lines: list[str]) -> list[tuple[int, str]]:
    """Each statement that is not blank and its first line's index: a string or a
    bracket left open goes on over the next lines."""
    statements: list[tuple[int, str]] = []
    start, pending = 0, ""
    for index, line in enumerate(lines):
        if not pending and not line.strip():
            continue
        if not pending:
            start = index
        pending = f"{pending}\n{line}" if pending else line
        if not _open(pending):
            statements.append((start, pending))
            pending = ""
    if pending:
        statements.append((start, pending))
    return statements


def _open(statement: str) -> bool:
    """Whether a triple-quoted string or a bracket is left open at the statement's end."""
    if statement.count('"""') % 2:
        return True
    outside = _STRING.sub("", statement)  # a bracket in a string opens nothing
    return outside.count("[") + outside.count("(") > outside.count("]") + outside.count(")")


def _value(text: str) -> Any:
    """A plain Julia value, or ``None`` for code."""
    if text.startswith('"""') and text.endswith('"""') and len(text) >= 6:
        return text[3:-3].strip()
    if found := _DATE.fullmatch(text):
        try:
            return datetime.date(int(found[1]), int(found[2]), int(found[3]))
        except ValueError:
            return None
    if text in ("true", "false"):
        return text == "true"
    if text[:1] not in ('"', "[") and not re.fullmatch(r"-?\d+(?:\.\d+)?", text):
        return None
    try:
        value = ast.literal_eval(text)  # read as a literal: nothing is run
    except (ValueError, SyntaxError, MemoryError, RecursionError):
        return None
    if isinstance(value, list) and not all(isinstance(item, str) for item in value):
        return None
    return value
