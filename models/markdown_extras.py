"""Markdown extensions the reader's Markdown view lacks, as text it can show.

Footnotes, as Markdown Extra, kramdown and GitHub write them (``text[^note]`` and
``[^note]: what it says``): the view showed the marks raw, the definitions run into one
paragraph. A mark becomes ``[note]``, and each definition a paragraph of its own that
starts so. Task lists (``- [ ] to do``, ``- [x] done``): the boxes become ☐ and ☑.
Markdown code keeps what it shows."""

from __future__ import annotations

import re

from models.liquid import MARKDOWN_CODE

_EXTRAS = re.compile(
    MARKDOWN_CODE
    + r"|^[ ]{0,3}\[\^(?P<defined>[^][\s]+)\]:[ \t]*"  # a definition, at a line's start
    r"|\[\^(?P<note>[^][\s]+)\]"
    r"|^(?P<item>[ \t]*[-*+][ \t]+)\[(?P<box>[ xX])\](?=[ \t])",
    re.DOTALL | re.MULTILINE,
)


def _replace(match: re.Match[str]) -> str:
    if (code := match.group("fence") or match.group("span")) is not None:
        return code
    if (item := match.group("item")) is not None:
        return item + ("☐" if match.group("box") == " " else "☑")
    if (defined := match.group("defined")) is not None:
        return f"\n\\[{defined}\\] "
    return f"\\[{match.group('note')}\\]"


def plain_extras(body: str) -> str:
    """``body`` with its footnotes and task lists' boxes as plain text."""
    if "[^" not in body and "[ ]" not in body and "[x]" not in body.lower():
        return body
    return _EXTRAS.sub(_replace, body)
