"""Eleventy's JavaScript front matter (``---js``), read for its constants.

Eleventy runs that code and takes the names it declares as the page's data. lede runs
no code, but a post's title, date, tags and draft flag are most often plain constants
(``const title = "A post";``): those are read as JSON reads them, and a name given
anything else (a function, an object, an expression) is code, left out. A constant nested
deeper than YAML may be is left out too, and said so with its line: Python's JSON reader
recurses once a level, and its failure's own words were all a writer was told.
"""

from __future__ import annotations

import json
import re
from typing import Any

from models.frontmatter import MAX_YAML_DEPTH

_DECLARATION = re.compile(
    r"^[ \t]*(?:const|let|var)[ \t]+([A-Za-z_$][\w$]*)[ \t]*=[ \t]*(.*?)[ \t]*;?[ \t]*$",
    re.MULTILINE,
)
_QUOTED = re.compile(r"'([^'\\\n]*)'|`([^`\\$\n]*)`")  # JavaScript's other strings, plain

_TOO_DEEP = object()  # what JSON's reader could not go down to the end of
Passed = list[tuple[int, str]]  # a line of the code (from 1), and why a constant there is not read


def javascript_constants(code: str) -> tuple[dict[str, Any], Passed]:
    """The names ``code`` declares with a plain value (text, a number, a flag, a list), and
    the constants passed over for their depth."""
    data: dict[str, Any] = {}
    passed: Passed = []
    for declared in _DECLARATION.finditer(code):
        name, value = declared.groups()
        as_json = _QUOTED.sub(lambda found: json.dumps(found[1] or found[2] or ""), value)
        try:
            found = json.loads(as_json)
        except ValueError:
            continue
        except RecursionError:
            found = _TOO_DEEP
        if found is _TOO_DEEP or _deeper_than(found, MAX_YAML_DEPTH):
            line = code.count("\n", 0, declared.start()) + 1
            passed.append(
                (line, f"'{name}' is nested deeper than {MAX_YAML_DEPTH} levels: not read")
            )
        elif not isinstance(found, dict):
            data[name] = found
    return data, passed


def _deeper_than(value: Any, most: int) -> bool:
    """Whether lists and objects in ``value`` go more than ``most`` levels down (asked
    without recursion: what is read must also be stored and shown)."""
    levels = [(value, 1)]
    while levels:
        item, depth = levels.pop()
        if isinstance(item, list | dict):
            if depth > most:
                return True
            levels.extend(
                (inner, depth + 1) for inner in (item.values() if isinstance(item, dict) else item)
            )
    return False


def enclosed(code: str, start: int, brackets: str = "{}") -> str:
    """The text of ``code`` from ``start``, just inside an opening bracket, to the one
    that closes it (``brackets``: the pair, ``{}`` or ``()``), else to its end: an
    object's entries or a call's arguments, and not those of whatever follows."""
    depth = 1
    for at in range(start, len(code)):
        depth += {brackets[0]: 1, brackets[1]: -1}.get(code[at], 0)
        if depth == 0:
            return code[start:at]
    return code[start:]
