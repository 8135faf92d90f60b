"""A post written in Org mode (``.org``), as Hugo reads them and Emacs writes them: its
``#+KEY: value`` lines in place of front matter::

    #+TITLE: Emacs 30 is out
    #+DATE: <2024-07-28 Sun>
    #+FILETAGS: :emacs:release:
    #+AUTHOR: Jo Hacker

Dates are Org's timestamps (``<2024-07-28 Sun 10:00>``, ``[2024-07-28]``) or written
plainly; tags Org's ``:a:b:``, Hugo's ``#+TAGS[]: a b`` or a comma list; ox-hugo's
``#+HUGO_TAGS:`` and the like are the keys without their prefix. A file with a title but no
date is a note (an org-roam page, an agenda), passed over as a Sphinx page is. The body is
shown as Markdown (``org_markdown``).
"""

from __future__ import annotations

import re
from typing import Any

from models.frontmatter import SplitDocument
from models.text import plain_line_ends

_KEYWORD = re.compile(r"#\+(?P<key>[A-Za-z_][\w-]*)(?P<list>\[\])?:(?:[ \t]+(?P<value>.*))?")
_STAMP = re.compile(
    r"[<\[](?P<day>\d{4}-\d\d-\d\d)(?:[ \t]+[^\d\s>\]]+)?(?P<time>[ \t]+\d\d?:\d\d)?"
)
ORG_SUFFIX = ".org"
_LISTS = ("tags", "filetags", "categories", "keywords")
_KEYS = {"filetags": "tags", "description": "excerpt", "subtitle": "excerpt"}
_HEAD_LINES = 100


def split_org(text: str, path: str) -> SplitDocument | None:
    """The keyword lines that open the Org post at ``path`` and its body; ``None`` where
    there are none, or no title and date among them."""
    if not path.lower().endswith(ORG_SUFFIX) or "#+" not in text[:4096]:
        return None
    if ":EXPORT_FILE_NAME:" in text:  # a one-file blog: a post a subtree (``org_subtrees``)
        return None
    text = plain_line_ends(text)
    lines = text.split("\n", _HEAD_LINES)[:_HEAD_LINES]
    end = 0
    while end < len(lines) and (
        _KEYWORD.fullmatch(lines[end].strip()) or not lines[end].strip() or lines[end][:1] == "#"
    ):
        end += 1
    head = "\n".join(lines[:end])
    values = org_values(head)
    if not values.get("title") or not values.get("date"):
        return None
    parts = text.split("\n", end)
    body = parts[end] if len(parts) > end else ""
    return SplitDocument(head, body, end + 1, "org", None, values)


def org_values(head: str) -> dict[str, Any]:
    """The keyword lines' values by lower-cased key, as front matter's keys."""
    data: dict[str, Any] = {}
    for line in head.split("\n"):
        found = _KEYWORD.fullmatch(line.strip())
        if found is None:
            continue
        key = found["key"].lower().removeprefix("hugo_")
        value = (found["value"] or "").strip()
        if key in _LISTS or found["list"]:
            data[_KEYS.get(key, key)] = _items(value)
        elif key in ("date", "publishdate", "lastmod"):
            data[key] = _day(value)
        else:
            data.setdefault(_KEYS.get(key, key), value)
    if isinstance(data.get("draft"), str):
        data["draft"] = data["draft"].lower() in ("t", "true", "yes")
    return data


def _items(value: str) -> list[str]:
    """Org's ``:a:b:``, Hugo's ``a b`` (``#+TAGS[]:``) or a comma list."""
    if value.startswith(":") and value.endswith(":"):
        return [item for item in value.split(":") if item]
    separator = "," if "," in value else None
    return [item.strip() for item in value.split(separator) if item.strip()]


def _day(value: str) -> str:
    """An Org timestamp as the date it says (``2024-07-28 10:00``); other text as it is."""
    found = _STAMP.match(value)
    if found is None:
        return value
    return found["day"] + (found["time"] or "")
