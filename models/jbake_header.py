"""JBake's header: ``key=value`` lines that open a Markdown, HTML or AsciiDoc post, up to a
line of six tildes, in place of front matter::

    title=Weekly Links #2
    date=2013-02-01
    type=post
    tags=weekly links, java
    status=published
    ~~~~~~

Its ``tags`` are split at commas, as JBake splits them; ``status=draft`` is a draft, as
any post's ``status`` is (``models.article_keys``).
"""

from __future__ import annotations

import re
from typing import Any

from models.frontmatter import SplitDocument
from models.text import plain_line_ends

_KEY_VALUE = re.compile(r"(?P<key>[A-Za-z][\w.-]*)[ \t]*=[ \t]*(?P<value>.*)")
_SEPARATOR = "~~~~~~"
_HEAD = 16 * 1024  # a header is a few lines: the separator is looked for this far


def split_jbake(text: str) -> SplitDocument | None:
    """The header and the body after its separator; ``None`` when ``text`` opens with no
    JBake header (one of ``key=value`` lines alone, a ``title`` or ``type`` among them)."""
    if not text[:1].isalpha() or f"\n{_SEPARATOR}" not in text[:_HEAD]:
        return None
    text = plain_line_ends(text)
    head, _, body = text.partition(f"\n{_SEPARATOR}")
    lines = head.split("\n")
    if not all(_KEY_VALUE.fullmatch(line) or not line.strip() for line in lines):
        return None
    keys = {found["key"].lower() for line in lines if (found := _KEY_VALUE.fullmatch(line))}
    if not keys & {"title", "type"}:
        return None
    newline = body.find("\n")
    body = body[newline + 1 :] if newline >= 0 else ""
    return SplitDocument(head, body, len(lines) + 2, "jbake")


def jbake_values(head: str) -> dict[str, Any]:
    """The header's values by lower-cased key, as the article model reads front matter."""
    data: dict[str, Any] = {}
    for line in head.split("\n"):
        if found := _KEY_VALUE.fullmatch(line):
            data[found["key"].lower()] = found["value"].strip()
    if "tags" in data:
        data["tags"] = [tag.strip() for tag in data["tags"].split(",") if tag.strip()]
    return data
