"""Where lede keeps its files: config, state and cache, overridable by the XDG variables."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import platformdirs

APP = "lede"


def cache_dir() -> Path:
    """Re-creatable data: the corpus indexes and the preview cache."""
    return Path(platformdirs.user_cache_dir(APP, appauthor=False))


def data_dir() -> Path:
    """Data that must survive: read and starred state."""
    return Path(platformdirs.user_data_dir(APP, appauthor=False))


def config_file() -> Path:
    """The user's settings file."""
    return Path(platformdirs.user_config_dir(APP, appauthor=False)) / "config.toml"


def index_file(roots: list[str]) -> Path:
    """One index database per set of corpus roots, named by their resolved paths."""
    key = "\n".join(sorted(os.path.realpath(root) for root in roots))
    digest = hashlib.sha256(key.encode("utf-8", "surrogateescape")).hexdigest()[:16]
    return cache_dir() / "index" / f"{digest}.sqlite"
