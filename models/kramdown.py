"""Removing kramdown's markup for the renderer (Jekyll's default Markdown): attribute
lists (``{: .note}``, ``{:toc}``) and extensions (``{::options /}``), which a site never
shows and the reader would show as written, and a definition's marker. A ``{::comment}``
goes with its content; Markdown code keeps them, as literal text."""

from __future__ import annotations

import re

from models.liquid import MARKDOWN_CODE

_KRAMDOWN = re.compile(
    MARKDOWN_CODE + r"|^[ \t]*[*+-][ \t][^\n]*\n[ \t]*\{:toc\}[ \t]*\n?"  # the list a TOC replaces
    r"|\{::comment\}.*?(?:\{:/comment\}|\{:/\}|\Z)"
    r"|^[ \t]*\{:[^{}\n]*\}[ \t]*\n?"  # a line of its own: gone with its line
    r"|\{:[^{}\n]*\}"
    # A definition list's ``: definition`` under its term (kramdown's, PHP Markdown Extra's,
    # Pandoc's): the term then the definition, each on a line.
    r"|(?<=\S)[ \t]*(?P<definition>\n):[ \t]+(?=\S)",
    re.DOTALL | re.MULTILINE,
)


def _replace(match: re.Match[str]) -> str:
    if match.group("definition"):
        return "\\\n"  # a hard line break
    return match.group("fence") or match.group("span") or ""


def strip_kramdown(body: str) -> str:
    """``body`` without kramdown's attribute lists and extensions, its definitions under
    their terms."""
    if "{:" not in body and "\n:" not in body:
        return body
    return _KRAMDOWN.sub(_replace, body)
