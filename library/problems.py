"""Problems of a corpus as a whole (not of one file): the index and ``lede check`` both
report them, in these words."""

from __future__ import annotations

from models.problem import Problem
from models.topic import TopicTree


def duplicate_warning(path: str, original: str) -> Problem:
    """A second file of a story already in the corpus."""
    return Problem(path, 1, "warning", f"duplicate of {original} (same URL)")


def topic_warnings(tree: TopicTree) -> list[Problem]:
    """What is wrong with the taxonomy as a whole (cycles, unknown parents...)."""
    return [Problem("(topics)", None, "warning", warning) for warning in tree.warnings]
