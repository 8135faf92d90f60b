"""Opening a corpus: which paths by default, and the index with its reading state."""

from __future__ import annotations

import os
from importlib.resources import files
from pathlib import Path

from library import paths
from library.index import CorpusIndex
from library.settings import Settings
from library.state import StateStore


def bundled_feeds() -> str:
    """The sample corpus shipped inside the package (works after a non-editable install)."""
    return str(files("feeds"))


def default_paths(settings: Settings) -> list[str]:
    """What to open when no path is given: ``$LEDE_FEEDS`` (``os.pathsep``-separated,
    each read by ``user_path`` as the settings' are: a quoted export or an env file leaves
    ``~`` and quotes), else the settings' ``paths``, else ``./feeds`` if present, else the
    sample."""
    env = os.environ.get("LEDE_FEEDS", "").strip()
    if env:
        return [paths.user_path(part) for part in env.split(os.pathsep) if part]
    if settings.paths:
        return list(settings.paths)
    if os.path.isdir("feeds"):
        return ["feeds"]
    return [bundled_feeds()]


def state_file() -> Path:
    """Where the user's reading state is kept."""
    return paths.data_dir() / "state.sqlite"


def open_state() -> StateStore:
    """The user's reading state."""
    path = state_file()
    paths.make_own_folder(path.parent, "the reading state", "XDG_DATA_HOME")
    return StateStore(path)


def open_index(roots: list[str], state: StateStore | None) -> CorpusIndex:
    """The index for ``roots`` (not yet refreshed), with ``state`` queryable as ``is:``
    (``is:`` is refused without one)."""
    path = paths.index_file(roots)
    paths.make_own_folder(path.parent, "the index", "XDG_CACHE_HOME")
    index = CorpusIndex(roots, path)
    if state is not None:
        index.attach_state(state.path)
    return index
