"""Nikola's ``POST.meta``: a post's title and date in a file beside ``POST.txt`` (read by
``loader``, where the post holds no metadata of its own).

The index keys each file by its own size and time, so a sidecar edited alone left its
post as it was read, until the post's own file changed. A sidecar is therefore kept in
the index as a file of its own, which holds no article; where it changed, came or went,
its post is read again (``posts_beside`` names it), at a start as for a watcher.
"""

from __future__ import annotations

from collections.abc import Iterable

SIDECAR_SUFFIX = ".meta"
POST_SUFFIXES = (".txt", ".rst", ".md", ".html")  # the posts Nikola gives a sidecar


def is_sidecar(path: str) -> bool:
    """Whether ``path`` names a post's sidecar (by its suffix alone)."""
    return path.lower().endswith(SIDECAR_SUFFIX)


def posts_beside(paths: Iterable[str]) -> list[str]:
    """The paths a post of each sidecar among ``paths`` may have (whether there or not)."""
    return [
        path[: -len(SIDECAR_SUFFIX)] + suffix
        for path in paths
        if is_sidecar(path)
        for suffix in POST_SUFFIXES
    ]
