"""Removing kramdown's markup for the renderer (Jekyll's default Markdown): attribute
lists (``{: .note}``, ``{:toc}``) and extensions (``{::options /}``), which a site never
shows and the reader would show as written. A ``{::comment}`` goes with its content;
Markdown code keeps them, as literal text."""

from __future__ import annotations

import re

from models.liquid import MARKDOWN_CODE

_KRAMDOWN = re.compile(
    MARKDOWN_CODE + r"|^[ \t]*[*+-][ \t][^\n]*\n[ \t]*\{:toc\}[ \t]*\n?"  # the list a TOC replaces
    r"|\{::comment\}.*?(?:\{:/comment\}|\{:/\}|\Z)"
    r"|^[ \t]*\{:[^{}\n]*\}[ \t]*\n?"  # a line of its own: gone with its line
    r"|\{:[^{}\n]*\}",
    re.DOTALL | re.MULTILINE,
)


def _replace(match: re.Match[str]) -> str:
    return match.group("fence") or match.group("span") or ""


def strip_kramdown(body: str) -> str:
    """``body`` without kramdown's attribute lists and extensions."""
    if "{:" not in body:
        return body
    return _KRAMDOWN.sub(_replace, body)
