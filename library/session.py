"""A reading session: one corpus index and the user's reading state, opened together.

The UI and the CLI both go through this, so they see the same state.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from library.corpus import open_index, open_state
from library.index import UNREAD, CorpusIndex, ProgressCallback, RefreshReport
from library.query import QueryError
from library.state import StateStore
from models.topic import TopicTree


class SavedCount(NamedTuple):
    """A saved query and how many articles it matches (``None`` if it no longer parses)."""

    name: str
    query: str
    total: int | None
    unread: int


@dataclass(frozen=True)
class TreeCounts:
    """The topic model with total and unread counts for every node of the tree."""

    model: TopicTree
    totals: dict[str, int]
    unread: dict[str, int]
    everything: int
    unread_total: int
    starred: int
    saved: list[SavedCount]


class ReaderSession:
    """The corpus index and reading state behind the reader."""

    def __init__(self, paths: list[str]) -> None:
        self.paths = list(paths)
        self._flags: tuple[tuple[int, int], set[str], set[str]] | None = None
        self.state: StateStore = open_state()
        self.index: CorpusIndex = open_index(self.paths, self.state)

    def refresh(self, progress: ProgressCallback | None = None) -> RefreshReport:
        """Bring the index up to date with the files (safe to call from a thread)."""
        return self.index.refresh(progress)

    def flags(self) -> tuple[set[str], set[str]]:
        """Identities that are read, and that are starred (read again only after a change:
        a reader of 40,000 articles would otherwise reload 40,000 per keystroke)."""
        version = self.state.version()
        if self._flags is None or self._flags[0] != version:
            self._flags = (version, self.state.flagged("read"), self.state.flagged("starred"))
        return self._flags[1], self._flags[2]

    def counts(self) -> TreeCounts:
        """Everything the topic tree shows, counted (safe to call from a thread)."""
        index = self.index
        everything, unread_total, starred = index.db.execute(
            f"SELECT count(*), sum({UNREAD}), "
            "sum(a.identity IN (SELECT identity FROM state.starred)) "
            "FROM articles a WHERE a.duplicate_of IS NULL"
        ).fetchone()
        saved = []
        for name, query in self.state.saved_queries():
            try:
                results = index.results(query)
                saved.append(SavedCount(name, query, len(results), results.unread))
            except QueryError:
                saved.append(SavedCount(name, query, None, 0))
        return TreeCounts(
            index.topic_tree(),
            index.topic_counts(),
            index.topic_counts(unread_only=True),
            everything,
            unread_total or 0,
            starred or 0,
            saved,
        )

    def close(self) -> None:
        """Close both databases."""
        self.index.close()
        self.state.close()
