"""The settings files a site's pages were parsed with, so that a change of one parses the
site's pages again.

A post's address, authors, time zone or language come from its site's settings
(``_config.yml``, ``hugo.toml``, an authors file), which a process reads once and keeps.
Each settings file is stored as it was read (``settings_files``, filled from what the
workers read: ``models.regular_file.taken_settings``). A refresh looks at those files
alone, a few per site; one changed or gone makes it forget what this process kept of
every site's settings and parse every file of its site again, which reads it anew.
"""

from __future__ import annotations

import os
import sqlite3
import sys
from collections.abc import Iterable

_KEEPERS = ("library", "models")  # the packages whose modules keep what settings say
# How the settings files of sites end, beside the YAML of documents' own kinds: a watcher
# tells of a change to one (``hugo.toml``, ``docusaurus.config.js``, ``pelicanconf.py``).
SETTINGS_SUFFIXES = frozenset(
    {".toml", ".json", ".js", ".mjs", ".cjs", ".ts", ".mts", ".cts", ".py", ".properties"}
)


def changed_settings(db: sqlite3.Connection) -> list[str]:
    """The stored settings files that are no longer as they were read: changed or gone."""
    changed = []
    for path, size, mtime_ns in db.execute("SELECT path, size, mtime_ns FROM settings_files"):
        try:
            info = os.stat(path)
        except OSError:
            changed.append(path)
            continue
        if (info.st_size, info.st_mtime_ns) != (size, mtime_ns):
            changed.append(path)
    return changed


def sites_of(settings: Iterable[str]) -> list[str]:
    """The folder of the site each of the ``settings`` files is of (its own folder where
    it makes none any more), as the settings are now."""
    from library.site_root import site_of

    forget_kept_settings()
    folders = set()
    for path in settings:
        site = site_of(path)
        folders.add(site.folder if site is not None else os.path.dirname(path))
    return sorted(folders)


def forget_settings(db: sqlite3.Connection, settings: list[str]) -> None:
    """Forget the ``settings`` files the index holds, and what this process kept of any
    site's settings: the site's files are parsed next, and read them again."""
    if settings:
        db.executemany("DELETE FROM settings_files WHERE path = ?", [(p,) for p in settings])
        forget_kept_settings()


def forget_kept_settings() -> None:
    """Empty every cache of the library's and the models' modules. What a site's settings
    say is kept in a cache per reader of them (its addresses, authors, sections,
    languages...); forgetting all of them at once, only when a settings file changed,
    leaves none behind that a new reader would add."""
    from library.site_root import forget_last_site

    forget_last_site()
    for name, module in list(sys.modules.items()):
        if name.partition(".")[0] not in _KEEPERS:
            continue
        for value in list(vars(module).values()):
            clear = getattr(value, "cache_clear", None)
            if callable(clear) and getattr(value, "__module__", None) == name:
                clear()
