"""An Obsidian vault's templates, which are no notes: the folder its Templates plugin
takes them from (``.obsidian/templates.json``), Templater's (its ``data.json``), and the
daily note's template (``.obsidian/daily-notes.json``). Read as notes, a vault listed
``<% tp.file.title %>`` and ``{{title}}`` pages among its own, undated.
"""

from __future__ import annotations

import json
import os
from typing import Any

from library.scan import VAULT_SETTINGS
from models.regular_file import settings_text

# Each settings file, from the vault's settings folder, and its key naming a template's
# folder (``/`` after it) or file (a note's name, without ``.md``).
_TEMPLATE_SETTINGS = (
    ("templates.json", "folder", "/"),
    (os.path.join("plugins", "templater-obsidian", "data.json"), "templates_folder", "/"),
    ("daily-notes.json", "template", ".md"),
)


def is_vault(folder: str) -> bool:
    """Whether ``folder`` is an Obsidian vault's top (it holds ``.obsidian``)."""
    return os.path.isdir(os.path.join(folder, VAULT_SETTINGS))


def template_paths(vault: str) -> list[str]:
    """The templates of the vault at ``vault``, from it: folders with a ``/`` after them,
    files by their names; none where its settings name none, or do not read."""
    found = []
    for name, key, suffix in _TEMPLATE_SETTINGS:
        named = _setting(os.path.join(vault, VAULT_SETTINGS, name), key)
        if not isinstance(named, str):
            continue
        path = os.path.normpath(named.strip().strip("/"))
        if path in (".", "") or path.startswith(os.pardir) or os.path.isabs(path):
            continue
        found.append(path + ("" if path.endswith(suffix) else suffix))
    return found


def _setting(path: str, key: str) -> Any:
    """The value of ``key`` in the JSON settings file at ``path``; None where it has none."""
    text = settings_text(path)
    if text is None:
        return None
    try:
        settings = json.loads(text)
    except (ValueError, RecursionError):  # not JSON, or nested past what it parses
        return None
    return settings.get(key) if isinstance(settings, dict) else None
