"""Footnotes as text the reader's Markdown view can show. Sites write them as Markdown
Extra, kramdown and GitHub do (``text[^note]`` and ``[^note]: what it says``); the view
knows neither, and showed the marks raw with the definitions run into one paragraph.
A mark becomes ``[note]``, and each definition a paragraph of its own that starts so.
Markdown code keeps what it shows."""

from __future__ import annotations

import re

from models.liquid import MARKDOWN_CODE

_FOOTNOTES = re.compile(
    MARKDOWN_CODE
    + r"|^[ ]{0,3}\[\^(?P<defined>[^][\s]+)\]:[ \t]*"  # a definition, at a line's start
    r"|\[\^(?P<note>[^][\s]+)\]",
    re.DOTALL | re.MULTILINE,
)


def _replace(match: re.Match[str]) -> str:
    if (code := match.group("fence") or match.group("span")) is not None:
        return code
    if (defined := match.group("defined")) is not None:
        return f"\n\\[{defined}\\] "
    return f"\\[{match.group('note')}\\]"


def plain_footnotes(body: str) -> str:
    """``body`` with its footnote marks and definitions as plain text."""
    if "[^" not in body:
        return body
    return _FOOTNOTES.sub(_replace, body)
