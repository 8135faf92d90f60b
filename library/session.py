"""A reading session: one corpus index and the user's reading state, opened together.

The UI and the CLI both go through this, so they see the same state.
"""

from __future__ import annotations

from library.corpus import default_paths, open_index, open_state
from library.index import UNREAD, CorpusIndex, ProgressCallback, RefreshReport
from library.state import StateStore
from models.topic import TopicTree


class ReaderSession:
    """The corpus index and reading state behind the reader."""

    def __init__(self, paths: list[str] | None = None) -> None:
        self.paths = list(paths or default_paths())
        self.state: StateStore = open_state()
        self.index: CorpusIndex = open_index(self.paths, self.state)

    def refresh(self, progress: ProgressCallback | None = None) -> RefreshReport:
        """Bring the index up to date with the files (safe to call from a thread)."""
        return self.index.refresh(progress)

    def flags(self) -> tuple[set[str], set[str]]:
        """Identities that are read, and that are starred."""
        return self.state.flagged("read"), self.state.flagged("starred")

    def counts(self) -> tuple[TopicTree, dict[str, int], dict[str, int], tuple[int, int, int]]:
        """The topic model, total and unread counts per topic, and (all, unread, starred)."""
        index = self.index
        totals = index.topic_counts()
        unread = index.topic_counts(unread_only=True)
        everything, unread_total, starred = index.db.execute(
            f"SELECT count(*), sum({UNREAD}), "
            "sum(a.identity IN (SELECT identity FROM state.starred)) "
            "FROM articles a WHERE a.duplicate_of IS NULL"
        ).fetchone()
        return index.topic_tree(), totals, unread, (everything, unread_total or 0, starred or 0)

    def close(self) -> None:
        """Close both databases."""
        self.index.close()
        self.state.close()
