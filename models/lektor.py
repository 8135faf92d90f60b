"""A Lektor page: a ``contents.lr`` file (``contents+de.lr``, its German alternative) of
fields separated by lines of ``---``, each opened by its name::

    title: Lektor 3.1 Released
    ---
    author: Joseph Nix
    ---
    pub_date: 2018-08-11
    ---
    body:

    Lektor continues to be discovered…

A field whose first line holds no value is the lines after it (one blank line first
dropped); a line of more dashes inside a value is written with one more (``----`` is
``---``). A flow field (``body`` made of blocks) opens each block with ``#### name ####``
and separates the block's own fields with ``----``.

The page's ``body`` (else its ``text`` or ``content``) is its text; the blog plugin's
``pub_date`` dates it; ``tags`` are one a line (or separated by commas); a page of
``_hidden: yes`` is not built, so not published; a ``redirect`` page's ``target`` is
where it sends its reader. A page's model (``_model``) is kept as written.
"""

from __future__ import annotations

import os
import re
from typing import Any

from models.frontmatter import SplitDocument
from models.text import plain_line_ends

_BODY_FIELDS = ("body", "text", "content", "contents")
_BLOCK_HEADING = re.compile(r"^#{4,}[ \t]*([\w-]+)[ \t]*#{4,}[ \t]*$", re.MULTILINE)
_ALTERNATIVE = re.compile(r"contents\+([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]+)?)\.lr")
_NO = frozenset({"no", "false", "0", ""})


def is_lektor_page(path: str) -> bool:
    """Whether the file is a Lektor page by its name (``contents.lr``, ``contents+de.lr``):
    asked of every file, so only its name is looked at."""
    return path.endswith(".lr") and os.path.basename(path).startswith("contents")


def lektor_fields(text: str) -> list[tuple[str, str, int]]:
    """The fields of ``text`` in order: name, value and the line (1-based) the value starts
    on, as Lektor reads them (a flow block's fields too, once read out of its field)."""
    fields: list[tuple[str, str, int]] = []
    key: str | None = None
    lines: list[str] = []
    start = 0
    skip_blank = False

    def flush() -> None:
        if key is not None:
            value = "\n".join(_unescaped(line) for line in lines)
            fields.append((key, value.strip("\n"), start))

    for number, line in enumerate(text.split("\n"), 1):
        if line.strip() == "---":
            flush()
            key, lines, skip_blank = None, [], False
        elif key is not None:
            if skip_blank:
                skip_blank = False
                if not line.strip():
                    start = number + 1
                    continue
            lines.append(line)
        elif ":" in line:
            name, value = line.split(":", 1)
            key = name.strip()
            value = value.strip(" \t")
            lines = [value] if value.strip() else []
            skip_blank = not lines
            start = number + 1 if skip_blank else number
    flush()
    return fields


def _unescaped(line: str) -> str:
    """A line of dashes longer than the separator stands for one dash fewer."""
    bare = line.strip()
    if len(bare) > 3 and bare == "-" * len(bare):
        return bare[1:]
    return line


def split_lektor(text: str, path: str) -> SplitDocument | None:
    """The page's fields and its text; ``None`` for a file that is no Lektor page."""
    if not is_lektor_page(path):
        return None
    text = plain_line_ends(text)
    fields = lektor_fields(text)
    if not fields:
        return None
    named = {key: (value, line) for key, value, line in fields}
    for key in _BODY_FIELDS:
        if key in named:
            value, line = named[key]
            return SplitDocument(text, flow_text(value), line, "lektor")
    return SplitDocument(text, "", text.count("\n") + 2, "lektor")


def flow_text(value: str) -> str:
    """A field's text: a flow's blocks as their fields' texts, one after another (an
    image's file name, a height, is no text); any other field as it is."""
    if not _BLOCK_HEADING.search(value):
        return value
    parts: list[str] = []
    for block in _BLOCK_HEADING.split(value)[2::2]:
        for _key, text, _line in lektor_fields(block.strip("\n")):
            if "\n" in text or len(text.split()) > 3:
                parts.append(text)
    return "\n\n".join(parts)


def lektor_values(text: str, path: str) -> dict[str, Any]:
    """The page's fields but its text, as the keys a post's front matter names them."""
    data: dict[str, Any] = {}
    for key, value, _line in lektor_fields(text):
        data[key] = value
    for key in _BODY_FIELDS:
        if key in data:
            del data[key]
            break
    if "pub_date" in data and "date" not in data:
        data["date"] = data.pop("pub_date")
    if isinstance(tags := data.get("tags"), str):
        lines = [line.strip() for line in tags.split("\n") if line.strip()]
        if len(lines) == 1:
            lines = [tag.strip() for tag in lines[0].split(",") if tag.strip()]
        data["tags"] = lines
    if str(data.get("_hidden", "")).strip().lower() not in _NO:
        data["published"] = False
    if data.get("_model") == "redirect" and data.get("target"):
        data["redirect_to"] = data["target"]
    if found := _ALTERNATIVE.fullmatch(os.path.basename(path)):
        data.setdefault("lang", found[1])
    return data
