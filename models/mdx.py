"""MDX (Markdown with JSX components, as Docusaurus, Astro, Next.js and Gatsby sites write
their posts) read as the Markdown around its components.

What a reader sees of an MDX page is its Markdown and the text inside its components;
the lines that import the components, the comments, and the component tags themselves
are the page's code, which the Markdown view showed as text (``import Tabs from …``,
``<Release.Provider>``). Code blocks are kept as they are.
"""

from __future__ import annotations

import re

from models.fences import fence_closed, fence_opened

MDX_SUFFIX = ".mdx"

_ESM = re.compile(r"(?:import|export)\s")
_COMPONENT = re.compile(r"</?[A-Z][\w.]*(?:\s[^<>]*)?/?>|<>|</>")
"""A component's tag (capitalised, or a member such as ``Release.Provider``) or a
fragment's. A tag ends before the next ``<``, so one left open costs the text up to it."""
_OPEN_TAG = re.compile(r"\s*<[A-Za-z][\w.-]*(?:\s[^<>]*)?$")
"""A line that starts a tag and leaves it open: its attributes follow on the next lines."""


def mdx_markdown(body: str) -> str:
    """``body`` without its import and export statements, ``{/* comments */}`` and
    component tags, outside code blocks."""
    kept: list[str] = []
    fence = ""  # the open code fence
    in_statement = False  # an import or export, which runs to a blank line
    in_tag = False  # a tag written over several lines (``<img`` then its attributes)
    for line in _without_comments(body).split("\n"):
        if fence:
            kept.append(line)
            if fence_closed(fence, line):
                fence = ""
        elif in_tag:
            if ">" in line:
                in_tag = False
                kept.append(_COMPONENT.sub("", line[line.index(">") + 1 :]))
            elif not line.strip():
                in_tag = False  # no tag runs past a blank line
                kept.append(line)
        elif in_statement or _ESM.match(line):
            in_statement = bool(line.strip())
        elif _OPEN_TAG.match(line):
            in_tag = True
        else:
            fence = fence_opened(line)
            kept.append(line if fence else _COMPONENT.sub("", line))
    return "\n".join(kept)


def _without_comments(body: str) -> str:
    """``body`` without ``{/* … */}``; an unclosed one is left as it is. A comment's
    look-alike inside a code span or block is rare enough to be taken too."""
    if "{/*" not in body:
        return body
    parts: list[str] = []
    at = 0
    while (start := body.find("{/*", at)) >= 0 and (end := body.find("*/}", start + 3)) >= 0:
        parts.append(body[at:start])
        at = end + 3
    parts.append(body[at:])
    return "".join(parts)
