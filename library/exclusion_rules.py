"""The paths a site leaves out, by Jekyll's rules, which the readers of other sites state
their own exclusions in: a pattern names a path from the site's folder and excludes what it
matches as a glob (``*`` crosses folders) or as a prefix (``LICENSE`` takes
``LICENSE-MIT``); ``include`` takes a path back, by its path or its name.
"""

from __future__ import annotations

import os
import re
from fnmatch import fnmatchcase

_GLOB = frozenset("*?[")


class SiteExclusions:
    """The paths under ``root`` a site leaves out, asked of one folder at a time."""

    def __init__(self, root: str, exclude: list[str], include: list[str]) -> None:
        self.root = os.path.join(root, "")
        self._exclude = _by_kind(exclude)
        self._include = _by_kind(include)
        self.ignored: tuple[re.Pattern[str], ...] = ()  # files whose path one is found in

    def within(self, folder: str) -> SiteExclusions | None:
        """These exclusions if one may match an entry of ``folder`` (a folder of the
        site), else None: most folders are matched by none, and their files are not asked."""
        inside = os.path.join(folder, "")[len(self.root) :]
        literal, glob = self._exclude
        if self.ignored or glob or any(pattern.startswith(inside) for pattern in literal):
            return self
        return None

    def excludes(self, path: str, folder: bool) -> bool:
        """Whether the site leaves out ``path`` (a file, or a ``folder`` and all it holds)."""
        entry = path[len(self.root) :]
        if not folder and any(pattern.search(path) for pattern in self.ignored):
            return True
        if not _matches(entry, folder, *self._exclude):
            return False
        name = os.path.basename(entry)
        return not any(_matches(taken, folder, *self._include) for taken in (entry, name))

    def covers(self, path: str) -> bool:
        """Whether ``path`` or a folder it is in is left out (for a path a watcher names)."""
        parts = path[len(self.root) :].split(os.sep)
        for depth in range(1, len(parts) + 1):
            here = self.root + os.sep.join(parts[:depth])
            if self.excludes(here, folder=depth < len(parts) or os.path.isdir(here)):
                return True
        return False


def _by_kind(patterns: list[str]) -> tuple[list[str], list[str]]:
    """Patterns without a glob's characters (tested as prefixes), and globs."""
    globs = [pattern for pattern in patterns if _GLOB & set(pattern)]
    return [pattern for pattern in patterns if pattern not in globs], globs


def _matches(entry: str, folder: bool, literal: list[str], glob: list[str]) -> bool:
    """Jekyll's test of one path against patterns: as a glob, as a prefix, or (a folder)
    as the pattern with a slash after it."""
    for pattern in literal:
        if entry.startswith(pattern) or (folder and pattern == entry + "/"):
            return True
    return any(fnmatchcase(entry, pattern) for pattern in glob)
