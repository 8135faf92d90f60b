"""Which of the folders indexed are in an Obsidian vault, as the index last read them.

A note is read as a vault's (its tags nest, its body's ``#tags`` count) by where it lies,
which its file does not show: a folder opened in Obsidian after it was indexed gains a
``.obsidian`` and no note changes. The index keeps which folders were in a vault (the
roots in one, and the vaults the scan found below them), and a folder that turned
(either way) has its files read again. Only the roots were kept: a vault that came
below a root indexed before was not seen, and its notes stayed plain articles.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterable

from models.vault import in_vault


def vault_roots(roots: list[str]) -> list[str]:
    """Those of ``roots`` (folders or files named) in a vault now."""
    return [
        root
        for root in roots
        if in_vault(os.path.join(root, "note.md") if os.path.isdir(root) else root)
    ]


def vault_folders(roots: list[str], found: Iterable[str]) -> list[str]:
    """The folders in a vault: those of ``roots`` in one now, and the vaults ``found``
    below them by the scan (``scan``'s ``vaults``)."""
    return sorted({*vault_roots(roots), *found})


def turned_folders(db: sqlite3.Connection, roots: list[str], found: Iterable[str]) -> set[str]:
    """The folders that were in a vault when the index was last brought up to date and
    are no more, or the other way round."""
    held = db.execute("SELECT value FROM facts WHERE name = 'vault_roots'").fetchone()
    if held is None:  # a folder first indexed: read as it is now
        return set()
    return set(json.loads(held[0])) ^ set(vault_folders(roots, found))


def note_vault_roots(db: sqlite3.Connection, folders: list[str]) -> None:
    """Keep which ``folders`` are in a vault now (``vault_folders``), as their files were
    read (written only when that changed: most starts write nothing)."""
    now = json.dumps(folders)
    held = db.execute("SELECT value FROM facts WHERE name = 'vault_roots'").fetchone()
    if held is None or held[0] != now:
        db.execute("INSERT OR REPLACE INTO facts VALUES ('vault_roots', ?)", (now,))
