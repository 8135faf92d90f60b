"""The theme last chosen in the command palette, kept in the reading state for the next
start.

Kept in the state, not written into the settings file: that file is the person's own
(its comments, its order), which lede reads and never rewrites. The settings' theme still
has the last word when it is changed after the choice: a choice is kept with the theme
the settings named as it was made, and applies only while they name that one still.
"""

from __future__ import annotations

import json
import sqlite3


def chosen(db: sqlite3.Connection, named: str | None) -> str | None:
    """The theme chosen last, while the settings still name ``named``, the theme they
    named then; ``None`` where none was chosen, or it cannot be read (a state older than
    this, damaged or locked: the settings' theme is as good)."""
    try:
        row = db.execute("SELECT value FROM choices WHERE name = 'theme'").fetchone()
        theme, over = json.loads(row[0]) if row else (None, None)
    except (sqlite3.Error, ValueError, TypeError):
        return None
    return theme if isinstance(theme, str) and over == named else None


def keep(db: sqlite3.Connection, theme: str, named: str | None) -> None:
    """Keep ``theme`` as the one chosen, over ``named``, the settings' theme now."""
    # Made here, not at opening: a state file made read-only still opens.
    db.execute("CREATE TABLE IF NOT EXISTS choices (name TEXT PRIMARY KEY, value TEXT)")
    db.execute(
        "INSERT OR REPLACE INTO choices (name, value) VALUES ('theme', ?)",
        (json.dumps([theme, named]),),
    )
