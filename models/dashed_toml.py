"""TOML front matter between ``---`` lines, where Hugo's and Zola's is between ``+++``.

Gleam's site (its news, its case studies, in Djot) writes ``title = "Gleam version 1"``,
``published = 2024-03-04`` and an ``[author]`` table between ``---`` lines. YAML refuses
it, or reads it as one long text: each page was reported invalid and left out. Where
YAML gives no mapping and the block's first key is TOML's (``key = value``), the block
is read as TOML. Asked only of a block YAML failed on, so a YAML page costs nothing more.
"""

from __future__ import annotations

import re
from typing import Any

from models.frontmatter import DocumentError, load_toml

_TOML_KEY = re.compile(r"[A-Za-z_][\w-]*[ \t]*=[ \t]*\S")


def dashed_toml(text: str) -> dict[str, Any] | None:
    """The block ``text`` read as TOML, where its first line that holds anything is a
    TOML key's and TOML reads it; else None."""
    for line in text.split("\n", 20)[:20]:
        stripped = line.strip()
        if stripped and not stripped.startswith("#"):
            if _TOML_KEY.match(stripped) is None:
                return None
            break
    else:
        return None
    try:
        return load_toml(text)
    except DocumentError:
        return None
