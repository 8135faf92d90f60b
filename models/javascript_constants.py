"""Eleventy's JavaScript front matter (``---js``), read for its constants.

Eleventy runs that code and takes the names it declares as the page's data. lede runs
no code, but a post's title, date, tags and draft flag are most often plain constants
(``const title = "A post";``): those are read as JSON reads them, and a name given
anything else (a function, an object, an expression) is code, left out.
"""

from __future__ import annotations

import json
import re
from typing import Any

_DECLARATION = re.compile(
    r"^[ \t]*(?:const|let|var)[ \t]+([A-Za-z_$][\w$]*)[ \t]*=[ \t]*(.*?)[ \t]*;?[ \t]*$",
    re.MULTILINE,
)
_QUOTED = re.compile(r"'([^'\\\n]*)'|`([^`\\$\n]*)`")  # JavaScript's other strings, plain


def javascript_constants(code: str) -> dict[str, Any]:
    """The names ``code`` declares with a plain value: text, a number, a flag, a list."""
    data: dict[str, Any] = {}
    for name, value in _DECLARATION.findall(code):
        as_json = _QUOTED.sub(lambda found: json.dumps(found[1] or found[2] or ""), value)
        try:
            found = json.loads(as_json)
        except ValueError:
            continue
        if not isinstance(found, dict):
            data[name] = found
    return data
