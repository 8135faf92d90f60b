"""A Foam workspace's notes: Foam (a VS Code extension) reads every Markdown file of its
workspace as a note, front matter or none, titled by its ``title``, else the heading it
opens with, else its file's name. A workspace made from Foam's template keeps its note
templates in ``.foam`` at its top, which marks it; its notes have no front matter, and
the template's 77 of them were each warned of as having none, 2 of them listed.
"""

from __future__ import annotations

import os
from functools import lru_cache
from typing import TYPE_CHECKING

from models.file_folder import folder_of
from models.text import plain_line_ends

if TYPE_CHECKING:
    from models.frontmatter import SplitDocument

FOAM_SETTINGS = ".foam"  # the folder that makes a Foam workspace of the one holding it


def foam_note(text: str, path: str) -> SplitDocument | None:
    """A workspace's note that opens with no front matter: all of it the body (``None``
    elsewhere, for a file that is no note, or for an empty one)."""
    if not path.lower().endswith(".md") or not text.strip() or not _in_workspace(folder_of(path)):
        return None
    from models.frontmatter import SplitDocument  # as ``models.vault`` imports it

    return SplitDocument("", plain_line_ends(text), 1)


@lru_cache(maxsize=256)
def _in_workspace(folder: str) -> bool:
    """Whether ``folder`` is a Foam workspace or in one (each folder looked at once)."""
    if os.path.isdir(os.path.join(folder, FOAM_SETTINGS)):
        return True
    parent = os.path.dirname(folder)
    return parent != folder and _in_workspace(parent)
