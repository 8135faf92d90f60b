"""Front matter written as JSON with no delimiter lines: Hugo's, a JSON object that opens
the file (``{"title": ...}``), and Hexo's, the object's members without braces up to a
``;;;`` line.

A file that opens with ``{`` may be anything else (Liquid's ``{% raw %}``, MDX's
``{/* */}``): only an object that parses is front matter; anything else is no front
matter, not an error. A Jupyter notebook is JSON through and through: its post's front
matter is in its first cell (``models.notebook``), and the notebook itself is none (read as
such, one with megabytes of outputs was an error, "JSON is larger than ...").
"""

from __future__ import annotations

import json
import re

from models.frontmatter import SplitDocument
from models.notebook import NOTEBOOK_SUFFIX

_OPENING = re.compile(r"\ufeff?[ \t\r\n]*(?=[{\"])")
_HEXO_END = re.compile(r"^;;;[ \t]*\r?$", re.MULTILINE)
_DECODER = json.JSONDecoder()


def split_json(text: str, path: str) -> SplitDocument | None:
    """Hugo's or Hexo's JSON front matter and the body after it, or None."""
    if path.lower().endswith(NOTEBOOK_SUFFIX):
        return None
    if (opening := _OPENING.match(text)) is None:
        return None
    start = opening.end()
    if text[start] == "{":
        try:
            data, end = _DECODER.raw_decode(text, start)
        except (ValueError, RecursionError):
            return None
        line_end = text.find("\n", end)
        body_start = len(text) if line_end < 0 else line_end + 1
        if text[end:body_start].strip():
            return None  # text goes on after the object on its closing line: no front matter
        front = text[start:end]
    elif (hexo_end := _HEXO_END.search(text, start)) is not None:
        front = "{" + text[start : hexo_end.start()] + "}"
        try:
            data = json.loads(front)
        except (ValueError, RecursionError):
            return None
        body_start = hexo_end.end() + 1
    else:
        return None
    if not isinstance(data, dict):
        return None
    body_line = text.count("\n", 0, body_start) + 1
    return SplitDocument(front, text[body_start:], body_line, "unfenced_json")
