"""Finding the documents under the paths a user gives, safely.

Folders are walked recursively, following symlinked folders but never the
same folder twice, so symlink loops end. Hidden files and folders are skipped.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from operator import attrgetter
from typing import NamedTuple

MARKUP_SUFFIXES = (".md", ".markdown", ".mdown", ".html", ".htm")
"""Markdown and HTML: a file of these without front matter is worth a warning in a check."""
DOCUMENT_SUFFIXES = frozenset({*MARKUP_SUFFIXES, ".txt"})
TAXONOMY_SUFFIXES = frozenset({".yaml", ".yml"})
CANDIDATE_SUFFIXES = DOCUMENT_SUFFIXES | TAXONOMY_SUFFIXES
_NAME = attrgetter("name")


class FoundFile(NamedTuple):
    """A file to parse, with the stat data that says whether it changed and the root it
    was found under (the file itself when it was named), which places it in its site."""

    path: str
    size: int
    mtime_ns: int
    explicit: bool
    root: str


def _stat_file(path: str, explicit: bool) -> FoundFile | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return FoundFile(path, info.st_size, info.st_mtime_ns, explicit, path)


def scan(paths: Iterable[str]) -> Iterator[FoundFile | str]:
    """Yield every candidate file under ``paths``; a path that does not exist yields
    its own name as a string so the caller can report it."""
    seen_dirs: set[tuple[int, int]] = set()
    for root in paths:
        root = os.path.abspath(root)
        if os.path.isfile(root):
            found = _stat_file(root, explicit=True)
            if found:
                yield found
            continue
        if not os.path.isdir(root):
            yield root
            continue
        yield from _walk(root, seen_dirs)


def _walk(root: str, seen_dirs: set[tuple[int, int]]) -> Iterator[FoundFile]:
    stack = [root]
    while stack:
        folder = stack.pop()
        try:
            info = os.stat(folder)
        except OSError:
            continue
        if (info.st_dev, info.st_ino) in seen_dirs:
            continue
        seen_dirs.add((info.st_dev, info.st_ino))
        try:
            entries = sorted(os.scandir(folder), key=_NAME)
        except OSError:
            continue
        subfolders = []
        # This runs for every file of a corpus at each start, in a thread beside the UI:
        # the suffix is tested before anything that may ask the file system.
        for entry in entries:
            name = entry.name
            if name.startswith("."):
                continue
            dot = name.rfind(".")
            try:
                if dot > 0 and name[dot:].lower() in CANDIDATE_SUFFIXES and entry.is_file():
                    stat = entry.stat()
                    yield FoundFile(entry.path, stat.st_size, stat.st_mtime_ns, False, root)
                elif entry.is_dir():
                    subfolders.append(entry.path)
            except OSError:
                continue
        stack.extend(reversed(subfolders))
