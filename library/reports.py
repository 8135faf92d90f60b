"""What a refresh of the index reports: for progress lines, benchmarks, and the reader
it tells what changed."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from library.closure import ListChanges
    from models.problem import Problem

ProgressCallback = Callable[[int, int], None]
"""Called with (files parsed, files to parse); the total is 0 while a cold scan goes on."""


@dataclass(frozen=True)
class RefreshReport:
    """What a refresh did, for progress lines and benchmarks."""

    scanned: int
    parsed: int
    removed: int
    seconds: float
    rebuilt: bool = False  # the index was damaged, and was built again from the files
    articles: ArticleChanges | None = None  # counted by a refresh told which paths changed
    listed: ListChanges | None = None  # the articles it took out of the list and put in
    topics_changed: bool = True  # False: the topic tree is surely as it was
    # Articles known by their path (no link) whose file was moved or renamed: (the old
    # path, the new one), so that their reading state goes with them.
    renamed: tuple[tuple[str, str], ...] = ()
    # What a refresh told which paths changed found there and could not read (a folder
    # made unreadable, a FIFO at a document's name): its articles left without a word.
    unreadable: tuple[Problem, ...] = ()


class ArticleChanges(NamedTuple):
    """Articles that a refresh added, changed, removed and moved to another file (files
    that are not articles, or not yet, such as one still being written, are left out)."""

    added: int
    changed: int
    removed: int
    moved: int = 0
