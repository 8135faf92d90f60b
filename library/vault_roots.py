"""Which of the folders indexed are in an Obsidian vault, as the index last read them.

A note is read as a vault's (its tags nest, its body's ``#tags`` count) by where it lies,
which its file does not show: a folder opened in Obsidian after it was indexed gains a
``.obsidian`` and no note changes. The index keeps which of its folders were in a vault,
and a folder that turned (either way) has its files read again.
"""

from __future__ import annotations

import json
import os
import sqlite3

from models.vault import in_vault


def vault_roots(roots: list[str]) -> list[str]:
    """Those of ``roots`` (folders or files named) in a vault now."""
    return [
        root
        for root in roots
        if in_vault(os.path.join(root, "note.md") if os.path.isdir(root) else root)
    ]


def turned_roots(db: sqlite3.Connection, roots: list[str]) -> set[str]:
    """Those of ``roots`` that were in a vault when the index was last brought up to date
    and are no more, or the other way round."""
    found = db.execute("SELECT value FROM facts WHERE name = 'vault_roots'").fetchone()
    if found is None:  # a folder first indexed: read as it is now
        return set()
    held = set(json.loads(found[0]))
    now = set(vault_roots(roots))
    return {root for root in roots if (root in held) != (root in now)}


def note_vault_roots(db: sqlite3.Connection, roots: list[str]) -> None:
    """Keep which of ``roots`` are in a vault now, as their files were read (written only
    when that changed: most starts write nothing)."""
    now = json.dumps(vault_roots(roots))
    held = db.execute("SELECT value FROM facts WHERE name = 'vault_roots'").fetchone()
    if held is None or held[0] != now:
        db.execute("INSERT OR REPLACE INTO facts VALUES ('vault_roots', ?)", (now,))
