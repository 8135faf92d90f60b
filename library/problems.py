"""Problems of a corpus as a whole (not of one file): the index and ``lede check`` both
report them, in these words."""

from __future__ import annotations

from collections.abc import Sequence

from models.problem import Problem
from models.topic import TopicTree


def duplicate_warning(path: str, original: str) -> Problem:
    """A second file of a story already in the corpus."""
    return Problem(path, 1, "warning", f"duplicate of {original} (same URL)")


def topic_warnings(
    tree: TopicTree, paths: Sequence[str], lines: Sequence[int] = ()
) -> list[Problem]:
    """What is wrong with the taxonomy (cycles, unknown parents...), each at the file of
    the entry it is about: ``paths`` holds the file of each entry the tree was built from,
    and ``lines``, where known, the line it starts on there."""
    return [
        Problem("(topics)", None, "warning", message)
        if entry is None
        else Problem(paths[entry], lines[entry] if lines else None, "warning", message)
        for entry, message in tree.warnings
    ]
