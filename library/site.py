"""Whether a corpus root is a Jekyll site, whose news is its default stream, or a plain
folder of documents, which is shown whole."""

from __future__ import annotations

import os

from library.scan import MARKUP_SUFFIXES
from models.collection import NOT_COLLECTIONS

CONFIG_FILES = ("_config.yml", "_config.yaml", "_config.toml")


def _holds_documents(folder: str) -> bool:
    """Whether a document sits anywhere under ``folder`` (stops at the first)."""
    for _, subfolders, names in os.walk(folder):
        subfolders[:] = [name for name in subfolders if not name.startswith(".")]
        if any(name.lower().endswith(MARKUP_SUFFIXES) for name in names):
            return True
    return False


def is_jekyll_site(root: str) -> bool:
    """A folder is a Jekyll site when it holds a Jekyll configuration (``_config.yml``),
    a ``_data`` folder, or a collection folder with documents in it (``_news``; Jekyll's
    own ``_layouts``, ``_includes``... do not count).

    A ``_name`` folder alone is not enough: plain folders have ``_attachments`` or
    ``_build`` too, and taking one for a site would hide all but its news. A file
    is never a site.
    """
    if not os.path.isdir(root):
        return False
    if any(os.path.isfile(os.path.join(root, name)) for name in CONFIG_FILES):
        return True
    try:
        entries = list(os.scandir(root))
    except OSError:
        return False
    for entry in entries:
        name = entry.name
        if len(name) < 2 or not name.startswith("_"):
            continue
        try:
            if not entry.is_dir():
                continue
        except OSError:
            continue
        if name == "_data" or (name not in NOT_COLLECTIONS and _holds_documents(entry.path)):
            return True
    return False
