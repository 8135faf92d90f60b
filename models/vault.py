"""Whether a file is a note of an Obsidian vault: a folder at or above it holds the
vault's settings (``.obsidian``), as Obsidian keeps them at its root, or Obsidian Publish's
style sheet (``publish.css``), which a published vault keeps there too: a vault in a
repository that ignores its settings (Obsidian's own help) warned of 1,910 notes as having
no title, and its tags written in their text were none.

A vault's notes are called by their file names, its tags nest at their slashes
(``project/alpha`` under ``project``), and a note's ``#tags`` in its body are tags
(``models.inline_tags``); elsewhere none of this holds.
"""

from __future__ import annotations

import os
from functools import lru_cache
from typing import TYPE_CHECKING

from models.file_folder import folder_of
from models.text import plain_line_ends

if TYPE_CHECKING:
    from models.frontmatter import SplitDocument


def vault_note(text: str, path: str) -> SplitDocument | None:
    """A vault's note that opens with no front matter, as most do: all of it the body,
    titled as any untitled page is (``None`` elsewhere, for a file that is no note, or
    for an empty one)."""
    if not path.lower().endswith(".md") or not text.strip() or not in_vault(path):
        return None
    # Here, not above: the process that stores an index asks ``in_vault`` and never loads
    # the parser.
    from models.frontmatter import SplitDocument

    return SplitDocument("", plain_line_ends(text), 1)


NOTE_NAME = "\x00note name"  # the key a note's name is handed to the model under: no
# front matter writes a NUL, so none of its own keys is taken for it


def note_name(path: str) -> str:
    """What Obsidian calls a note: its file's name, whatever heading its text opens with."""
    return os.path.splitext(os.path.basename(path))[0]


def in_vault(path: str) -> bool:
    """Whether the file at ``path`` is in an Obsidian vault (asked of every file indexed:
    a path that is absolute already, as the scan's are, is not made so again)."""
    return vault_root(folder_of(path)) is not None


PUBLISH_STYLE = "publish.css"


@lru_cache(maxsize=256)
def vault_root(folder: str) -> str | None:
    """The vault ``folder`` is or is in (the folder holding its ``.obsidian``, or its
    ``publish.css``), if any."""
    while True:
        if os.path.isdir(os.path.join(folder, ".obsidian")) or os.path.isfile(
            os.path.join(folder, PUBLISH_STYLE)
        ):
            return folder
        parent = os.path.dirname(folder)
        if parent == folder:
            return None
        folder = parent


def forget_vaults() -> None:
    """Look again at which folders are vaults: one opened in Obsidian (or no longer) since
    is then seen, where a process kept for long held what it first found."""
    vault_root.cache_clear()
