"""Quarto's escapes, shown as Quarto shows them.

A shortcode written to be shown, not run, has three braces (``{{{< include x.qmd >}}}``
shows ``{{< include x.qmd >}}``), and a chunk written to be shown, not run, two
(```` ```{{python}} ```` shows ```` ```{python} ````): lede showed the escapes as
written. A shortcode so escaped is taken as Hugo's escaped one, which the template
reading shows (see ``models.liquid``); a chunk is shown as code, its fence lines too.
"""

from __future__ import annotations

import re

from models.liquid import MARKDOWN_CODE

QUARTO_SUFFIX = ".qmd"

_ESCAPED_SHORTCODE = re.compile(r"\{\{\{<(?P<call>(?:[^>]|>(?!\}\}\}))*)>\}\}\}")
_ESCAPED_CHUNK = re.compile(
    r"^(?P<opening>[ \t]*`{3,}[ \t]*)\{\{(?P<name>[^{}\n]*)\}\}", re.MULTILINE
)
_CODE = re.compile(MARKDOWN_CODE, re.DOTALL | re.MULTILINE)


def quarto_markdown(body: str) -> str:
    """``body`` with its escaped shortcodes and chunks as Quarto shows them."""
    if "{{" not in body:
        return body
    body = _ESCAPED_SHORTCODE.sub(r"{{</*\g<call>*/>}}", body)
    return _CODE.sub(_chunk_shown, body) if "`{{" in body else body


def _chunk_shown(match: re.Match[str]) -> str:
    """Code with its escaped chunks' fence lines unescaped; a block that is such a chunk
    is shown whole, its fence lines in a longer fence, as Quarto shows it."""
    code = match.group()
    if match.group("fence") is None:
        return code
    shown = _ESCAPED_CHUNK.sub(r"\g<opening>{\g<name>}", code)
    if shown == code or not _ESCAPED_CHUNK.match(code):
        return shown
    longer = match.group("mark")[0] * (len(match.group("mark")) + 1)
    return f"{longer}\n{shown}\n{longer}"
