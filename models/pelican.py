"""Pelican's (and MultiMarkdown's) metadata: ``Key: value`` lines that open a Markdown
file in place of front matter, up to its first blank line::

    Title: This Week in Rust 579
    Date: 2024-12-25
    Category: This Week in Rust

Nikola writes the same lines as reStructuredText comments, in an HTML comment in a
Markdown or HTML post::

    <!--
    .. title: Version 2 is out
    .. date: 2017-05-12 12:50:41 UTC
    -->

where the lines may be indented, and the page may follow the comment's last line at once.

Older Nikola posts keep the same lines in a sidecar ``POST.meta`` beside ``POST.txt``, or
in its first format, the values alone, one a line: title, slug, date, tags, link and
description.

A file is read so only when its first lines are all such lines and one is its ``Title``:
prose that opens with "Note: ..." is no metadata.
"""

from __future__ import annotations

import re
import textwrap
from typing import Any

from models.frontmatter import SplitDocument
from models.text import plain_line_ends

_BLANK_LINE = re.compile(r"\r?\n[ \t]*\r?\n")  # spaces alone make a blank line too
_COMMENT_END = re.compile(r"\r?\n[ \t]*-->[ \t]*(?:\r?\n|$)")  # the line closing the comment
_KEY_LINE = re.compile(r"(?:\.\. )?([A-Za-z][A-Za-z0-9_-]*):(?:[ \t]+(.*))?")  # Nikola's ``.. ``
# Pelican's lists; its one ``Author`` and its one ``Category`` are each a name whole.
_LISTS = {"tags": "tags", "authors": "authors"}
_ONE = {"author": "authors", "category": "categories"}
# What each line of Nikola's first sidecar format holds, in order: it names no keys.
_SIDECAR_KEYS = ("title", "slug", "date", "tags", "link", "description")


def split_metadata(text: str) -> SplitDocument | None:
    """The metadata block and the body after it; ``None`` when ``text`` opens with none."""
    if text.startswith("<!--") and (end := _COMMENT_END.search(text)):  # Nikola's, in a
        head, rest = text[: end.start()], text[end.end() :]  # Markdown or HTML post, the
        lines = plain_line_ends(head).split("\n")  # page maybe right below it
        body = rest.lstrip("\r\n")
        body_line = len(lines) + 2 + rest[: len(rest) - len(body)].count("\n")
        if lines[0].strip() != "<!--" or len(lines) < 2:
            return None
        lines = textwrap.dedent("\n".join(lines[1:])).strip("\n").split("\n")  # indented
        head = "\n".join(lines)
    else:
        found = _BLANK_LINE.search(text)
        head, body = (text, "") if found is None else (text[: found.start()], text[found.end() :])
        head = plain_line_ends(head).rstrip("\n")
        lines = head.split("\n")
        body_line = len(lines) + 2
    if not _KEY_LINE.fullmatch(lines[0]) or len(lines) > 100:
        return None
    for line in lines:
        if not (_KEY_LINE.fullmatch(line) or line[:1] in (" ", "\t")):
            return None
    if "title" not in (found[1].lower() for found in map(_KEY_LINE.match, lines) if found):
        return None
    language = "nikola" if lines[0].startswith(".. ") else "metadata"
    return SplitDocument(head, body.replace("\r\n", "\n"), body_line, language)


def sidecar_metadata(text: str) -> str:
    """A Nikola post's ``POST.meta`` as ``.. key: value`` lines, whichever format it is in."""
    lines = plain_line_ends(text).strip("\n").split("\n")
    if lines[0].startswith(".. ") and _KEY_LINE.fullmatch(lines[0]):
        return "\n".join(lines)
    # Lines past the description, or fewer than six, are as Nikola takes them: unread, blank.
    values = zip(_SIDECAR_KEYS, lines, strict=False)
    return "\n".join(f".. {key}: {value.strip()}" for key, value in values)


def metadata_values(head: str) -> dict[str, Any]:
    """The block's values by lower-cased key, as the article model reads front matter."""
    data: dict[str, Any] = {}
    key = ""
    for line in head.replace("\r\n", "\n").split("\n"):
        found = _KEY_LINE.fullmatch(line)
        if found is None:  # a value's next line
            data[key] = f"{data[key]} {line.strip()}".strip()
            continue
        key = found[1].lower()
        data[key] = (found[2] or "").strip()
    for key, name in _LISTS.items():
        if key in data:
            data[name] = _items(data.pop(key))
    for key, name in _ONE.items():
        if data.get(key):
            data[name] = [data.pop(key)]
    if data.get("status", "").lower() == "draft":
        data["draft"] = True
    if data.get("type", "").lower() == "text":  # Nikola's every post's, where its ``micro``
        del data["type"]  # is a short one: a post, no other kind of item
    return data


def _items(value: str) -> list[str]:
    """A list as Pelican splits it: on semicolons where there is one, so that a name may
    hold a comma (``Authors: Smith, John; Doe, Jane``), else on commas."""
    return [item.strip() for item in value.split(";" if ";" in value else ",") if item.strip()]
