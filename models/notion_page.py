"""A page Notion exported as Markdown: its title in a heading, then its database's
properties, one ``Name: value`` line each, and no front matter.

A Notion database of saved articles (its web clipper's, a reading list) exports each page
as ``# Title``, a blank line, ``Created: June 18, 2025 12:29 PM``, ``Tags: AI, Policy``,
``URL: https://…``, then its text. Without front matter each was passed over as no
document. The properties a reader has keys for are read as those keys; the rest are
left to the page.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from models.frontmatter import SplitDocument

# Notion's property names (as written, in small letters) and the keys each is read as.
_KEYS = {
    "date": "date",
    "published": "date",
    "publish date": "date",
    "date published": "date",
    "created": "created",
    "created time": "created",
    "date created": "created",
    "last edited time": "updated",
    "updated": "updated",
    "url": "originalUrl",
    "link": "originalUrl",
    "source": "originalUrl",
    "tags": "tags",
    "topics": "tags",
    "category": "tags",
    "categories": "tags",
    "author": "authors",
    "authors": "authors",
    "created by": "authors",
    "summary": "excerpt",
    "excerpt": "excerpt",
    "description": "excerpt",
}
_LISTS = frozenset({"tags", "authors"})
# The heading, a blank line, and the property lines up to the next blank line (or the end).
_PAGE = re.compile(r"# ([^\n]+)\n[ \t]*\n((?:[^\s#>|`*-][^:\n]{0,60}: [^\n]*(?:\n|$))+)")
# A relation's page, written after its name: ``Policy (https://www.notion.so/Policy-5a0…)``.
_RELATION = re.compile(r" \(https://www\.notion\.so/[^)\s]*\)")


def notion_page(text: str, path: str) -> SplitDocument | None:
    """The page's heading and properties as its front matter (``notion``), and the rest
    as its body; ``None`` where the file is no such page, or lists no property a reader
    has a key for."""
    if not text.startswith("# ") or not path.lower().endswith((".md", ".markdown")):
        return None
    found = _PAGE.match(text.replace("\r\n", "\n"))
    if found is None or not any(
        line.partition(": ")[0].strip().lower() in _KEYS for line in found[2].splitlines()
    ):
        return None
    from models.frontmatter import SplitDocument  # as ``models.clipping`` does: no YAML here

    front = found[0].rstrip("\n")
    return SplitDocument(front, found.string[found.end() :], front.count("\n") + 2, "notion")


def notion_values(front: str) -> dict[str, Any]:
    """The keys the page's heading and properties are read as (``notion_page``'s front)."""
    heading, _, properties = front.partition("\n")
    data: dict[str, Any] = {"title": heading.removeprefix("# ").strip()}
    for line in properties.splitlines():
        name, _, value = line.partition(": ")
        key = _KEYS.get(name.strip().lower())
        value = _RELATION.sub("", value).strip()
        if key is None or key in data or not value:
            continue
        if key == "originalUrl" and not value.startswith(("http://", "https://")):
            continue  # a source named, not linked
        data[key] = [part.strip() for part in value.split(",")] if key in _LISTS else value
    return data
