"""A title written as a phrase in brackets, which YAML reads as a list or a mapping.

Docs are titled after the syntax they describe (``title: {#if ...}``, ``title:
{let/const ...}``, ``title: {@render ...}``, ``title: [create your own]``), and sites
whose generator reads the text after the colon as written (Svelte's, and any reading
its front matter line by line) show those titles. YAML reads the second and the last as
a mapping and a list, and refuses the first and the third: the page lost its title, or
the whole document, with an error. A title that is one bracketed phrase closing at its
line's end is read as written, with a warning.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from models.frontmatter import SplitDocument

# Keys whose value is a line of text, never a list or a mapping (a description may be
# a mapping of languages).
TEXT_KEYS = frozenset({"title", "subtitle"})

WRITTEN = "{!r} is a phrase in brackets, which YAML reads as a list or mapping: read as its text"

_CLOSERS = {"[": "]", "{": "}"}


def closes_at_end(value: str) -> bool:
    """Whether the bracket ``value`` opens with closes at its last character, and only
    there: one phrase, not YAML that goes on past the line nor text after it."""
    closer = _CLOSERS.get(value[:1])
    if closer is None:
        return False
    depth = 0
    for place, character in enumerate(value):
        depth += (character == value[0]) - (character == closer)
        if depth == 0:
            return place == len(value) - 1
    return False


def _written(key: str, split: SplitDocument) -> str | None:
    """The value of top-level ``key`` as written on its line, where it is one bracketed
    phrase there."""
    found = re.search(
        rf"^{re.escape(key)}:[ \t]+([\[{{].*?)[ \t]*$", split.front_matter, re.MULTILINE
    )
    if found is None or not closes_at_end(found[1]):
        return None
    return found[1]


def read_as_written(data: dict[str, Any], keys: Iterable[Any], split: SplitDocument) -> list[str]:
    """Of ``keys`` (fields that failed validation), the text keys YAML read as a list or
    a mapping from a bracketed phrase: each set in ``data`` to its text as written, and
    returned. Asked only of a document that failed validation."""
    if split.language not in ("yaml", "unopened_yaml"):
        return []
    mended = []
    for key in dict.fromkeys(keys):
        if key in TEXT_KEYS and isinstance(data.get(key), list | dict):
            text = _written(key, split)
            if text is not None:
                data[key] = text
                mended.append(key)
    return mended
