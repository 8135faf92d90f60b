"""Where lede keeps its files: config, state and cache, overridable by the XDG variables."""

from __future__ import annotations

import errno
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


def make_folder(folder: Path) -> None:
    """Make ``folder`` and its parents. One of them that is a link leading nowhere (an XDG
    variable naming a link whose target was removed) is said to be one: the system says
    only "File exists" of it, which sent users looking for a file."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        for place in (folder, *folder.parents):
            if place.is_symlink() and not place.exists():
                target = os.readlink(place)
                raise FileNotFoundError(
                    errno.ENOENT, f"a link to {target}, which is not there", str(place)
                ) from None
        raise


def make_own_folder(folder: Path, what: str, variable: str) -> None:
    """Make ``folder``, which holds ``what`` (as "the index") and is found by the XDG
    ``variable``; one that cannot be made is said to be that one, with what to do.
    "Not a directory: ~/.cache/lede/index" said neither, nor which file was in the way."""
    try:
        make_folder(folder)
    except OSError as error:
        blocking = next((place for place in (folder, *folder.parents) if place.is_file()), None)
        if blocking is not None:
            why = f"{blocking} is a file; move it aside, or set {variable} to another folder"
        else:
            where = f": {error.filename}" if error.filename else ""
            why = f"{error.strerror or error}{where}; set {variable} to another folder"
        raise OSError(error.errno, f"cannot make {what}'s folder {folder}: {why}") from None


def user_path(text: str) -> str:
    """A corpus path as a person wrote it where no shell read it first (the settings,
    ``$LEDE_FEEDS``, a launcher's argument): ``~`` is the home folder and one pair of
    quotes around it is taken off (an env file keeps them: ``LEDE_FEEDS="~/news"``), but a
    path that exists as written is kept. ``'~/news'`` was "no such file or folder"."""
    if os.path.lexists(text):
        return text
    quoted = len(text) >= 2 and text[0] == text[-1] and text[0] in "'\""
    inner = text[1:-1] if quoted else text
    if os.path.lexists(inner):
        return inner
    return os.path.expanduser(inner)


def config_file() -> Path:
    """The user's settings file."""
    return Path(platformdirs.user_config_dir(APP, appauthor=False)) / "config.toml"


def corpus_key(roots: list[str]) -> str:
    """What names a corpus, however its roots are spelled: their resolved paths."""
    return "\n".join(sorted(os.path.realpath(root) for root in roots))


def index_file(roots: list[str]) -> Path:
    """One index database per set of corpus roots, named by their resolved paths."""
    digest = hashlib.sha256(corpus_key(roots).encode("utf-8", "surrogateescape")).hexdigest()[:16]
    return cache_dir() / "index" / f"{digest}.sqlite"
