"""A Pelican site's settings: the plain values its ``pelicanconf.py`` assigns (and those
of Nikola's ``conf.py``).

The file is Python, and is never run: only assignments of a literal at its top level
(``DEFAULT_DATE = "fs"``, ``TIMEZONE = "Europe/Paris"``) are read; a value computed or
imported is left out, as if the file did not set it.
"""

from __future__ import annotations

import ast
import contextlib
import os
from typing import Any

from models.regular_file import settings_text

SETTINGS_FILE = "pelicanconf.py"


def pelican_settings(folder: str) -> dict[str, Any]:
    """The literal settings of the Pelican site at ``folder``, by name (``DEFAULT_DATE``);
    none where its settings file does not read."""
    return literal_settings(os.path.join(folder, SETTINGS_FILE))


def literal_settings(path: str) -> dict[str, Any]:
    """The names a Python settings file (Pelican's ``pelicanconf.py``, Nikola's
    ``conf.py``) assigns a literal to at its top level; none where it does not read (a
    FIFO at its name, a file too large to be settings, Python that does not parse)."""
    if (text := settings_text(path)) is None:
        return {}
    try:
        tree = ast.parse(text)
    except (SyntaxError, ValueError, MemoryError, RecursionError):
        return {}
    found: dict[str, Any] = {}
    for statement in tree.body:
        if not isinstance(statement, ast.Assign) or len(statement.targets) != 1:
            continue
        target = statement.targets[0]
        if isinstance(target, ast.Name):
            with contextlib.suppress(ValueError, TypeError, SyntaxError, MemoryError):
                found[target.id] = ast.literal_eval(statement.value)
    return found
