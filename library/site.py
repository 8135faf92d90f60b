"""Whether a corpus root is a Jekyll site, whose news is its default stream, or a plain
folder of documents, which is shown whole."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable
from itertools import islice

from library.scan import MARKUP_SUFFIXES
from models.collection import NOT_COLLECTIONS

BRIDGETOWN_CONFIG = "bridgetown.config.yml"
# Jekyll's, and Bridgetown's (a Jekyll descendant that reads its pages from ``src``).
CONFIG_FILES = ("_config.yml", "_config.yaml", "_config.toml", BRIDGETOWN_CONFIG)
QUARTO_CONFIGS = ("_quarto.yml", "_quarto.yaml")


def is_quarto_project(folder: str) -> bool:
    """Whether ``folder`` is a Quarto project (a website or blog): its ``_name`` files and
    folders are pieces it includes or keeps aside, no pages, and no Jekyll collections."""
    return any(os.path.isfile(os.path.join(folder, name)) for name in QUARTO_CONFIGS)


def is_lektor_project(folder: str) -> bool:
    """Whether ``folder`` is a Lektor project (its ``NAME.lektorproject`` beside it): its
    pages are in ``content``, beside which are its templates (Jinja), models and assets."""
    with contextlib.suppress(OSError), os.scandir(folder) as entries:
        return any(entry.name.endswith(".lektorproject") for entry in islice(entries, LOOKED_AT))
    return False


def _holds_documents(folder: str) -> bool:
    """Whether a document sits anywhere under ``folder``: stops at the first, with no
    folder listed whole (a collection may hold a million files)."""
    folders = [folder]
    while folders:
        with contextlib.suppress(OSError), os.scandir(folders.pop()) as entries:
            for entry in entries:
                if entry.name.startswith("."):
                    continue
                if entry.name.lower().endswith(MARKUP_SUFFIXES):
                    return True
                if entry.is_dir():
                    folders.append(entry.path)
    return False


def is_jekyll_site(root: str) -> bool:
    """A folder is a Jekyll site when it holds a Jekyll configuration (``_config.yml``),
    a ``_data`` folder, or a collection folder with documents in it (``_news``; Jekyll's
    own ``_layouts``, ``_includes``... do not count).

    A ``_name`` folder alone is not enough: plain folders have ``_attachments`` or
    ``_build`` too, and taking one for a site would hide all but its news. A file
    is never a site, nor is a Quarto project (its ``_partials`` were its only stream).
    """
    if not os.path.isdir(root) or is_quarto_project(root):
        return False
    if any(os.path.isfile(os.path.join(root, name)) for name in CONFIG_FILES):
        return True
    for name in subfolders(root, names=True):  # not every entry of a folder of millions
        if len(name) < 2 or not name.startswith("_"):
            continue
        if name == "_data" or (
            name not in NOT_COLLECTIONS and _holds_documents(os.path.join(root, name))
        ):
            return True
    return False


LOOKED_AT = 1000  # entries of a folder looked at for collection folders: a folder with
# more holds documents (a collection of a million files is one folder), not collections


def has_collection(root: str, names: Iterable[str]) -> bool:
    """Whether the site has a folder for one of the collections ``names``, at its top or
    one folder down (``_archive/_news``, or a ``collections_dir``)."""
    folders = (root, *subfolders(root))
    return any(os.path.isdir(os.path.join(f, f"_{name}")) for f in folders for name in names)


def collection_folders(root: str) -> frozenset[str]:
    """The collections a site holds folders for (``_news`` is ``news``), at its top and
    one folder down; of a folder of many entries, only the first ``LOOKED_AT``."""
    found: set[str] = set()
    for folder in (root, *subfolders(root)):
        found.update(
            name[1:]
            for name in subfolders(folder, names=True)
            if len(name) > 1 and name.startswith("_") and name not in NOT_COLLECTIONS
        )
    return frozenset(found)


def subfolders(folder: str, names: bool = False) -> list[str]:
    """The folders among the first ``LOOKED_AT`` entries of ``folder`` (their paths, or
    ``names``), hidden ones left out."""
    found = []
    try:
        with os.scandir(folder) as entries:
            for entry in islice(entries, LOOKED_AT):
                with contextlib.suppress(OSError):
                    if not entry.name.startswith(".") and entry.is_dir():
                        found.append(entry.name if names else entry.path)
    except OSError:
        pass
    return found
