"""The folder a file is in, as an absolute path.

Each document's parse asks of its folder several times (is it in a vault, in a Logseq
graph, in a site?), and making a path absolute cost more than each question's answer,
kept per folder: the last file's folder is kept, so each file's is made once."""

from __future__ import annotations

import os

_last: tuple[str, str] = ("", "")


def folder_of(path: str) -> str:
    """The absolute folder holding ``path``, normalised (as the scan gives a path
    already: not normalised again)."""
    global _last
    if _last[0] == path:
        return _last[1]
    if not os.path.isabs(path):  # not kept: the working folder may change
        return os.path.dirname(os.path.abspath(path))
    plain = "/." not in path and "//" not in path
    folder = os.path.dirname(path if plain else os.path.normpath(path))
    _last = (path, folder)
    return folder
