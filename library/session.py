"""A reading session: one corpus index and the user's reading state, opened together.

The UI and the CLI both go through this, so they see the same state. Everything
the reader asks of the corpus is a method here, so it can be tested without a
screen; the screen only routes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple

from library.corpus import open_index, open_state
from library.index import CorpusIndex, ProgressCallback, RefreshReport
from library.query import QueryError, parse_query, with_prefix_last
from library.results import ArticleRow, ResultSet
from library.scope import Scope
from library.state import Flag, StateChange, StateStore
from models.problem import Problem
from models.topic import TopicTree

if TYPE_CHECKING:
    from models.article import Article


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


@dataclass(frozen=True)
class OpenedArticle:
    """An article parsed from its file, with which of its related links are in the corpus;
    ``problem`` says why there is no article."""

    row: ArticleRow
    article: Article | None
    related_in_corpus: frozenset[str] = frozenset()
    problem: str = ""


class ReaderSession:
    """The corpus index and reading state behind the reader.

    The UI thread uses the state store; the index gives each thread its own
    connection, so ``counts``, ``refresh`` and ``article`` may run in workers.
    """

    def __init__(self, paths: list[str]) -> None:
        self.paths = list(paths)
        self._flags: tuple[tuple[int, int], set[str], set[str]] | None = None
        self._undo: list[StateChange] = []
        self.state: StateStore = open_state()
        self.index: CorpusIndex = open_index(self.paths, self.state)

    def refresh(self, progress: ProgressCallback | None = None) -> RefreshReport:
        """Bring the index up to date with the files (safe to call from a thread)."""
        return self.index.refresh(progress)

    def errors(self) -> list[Problem]:
        """The problems that kept a document out (safe to call from a thread)."""
        return self.index.problems("error")

    def results(self, scope: Scope, text: str, sort: str) -> ResultSet:
        """The list for a scope narrowed by the filter ``text``; the filter's last word
        matches as a prefix, as it is being typed (a saved query's words as saved).
        Raises ``QueryError`` for a filter that cannot run."""
        typed = with_prefix_last(text)
        query = parse_query(f"{scope.key} {typed}" if scope.kind == "saved" else typed)
        if scope.kind in ("unread", "starred"):
            query.flags.add(scope.kind)
        elif scope.kind == "topic":
            query.topics.append(scope.key)
        return self.index.results(query, sort=sort)

    def why_no_articles(self) -> str:
        """Why the corpus lists no article at all (see ``library.empty``)."""
        from library.empty import why_no_articles

        return why_no_articles(self.index, self.paths)

    def flags(self) -> tuple[set[str], set[str]]:
        """Identities that are read, and that are starred (read again only after a change:
        asked per keystroke, they would otherwise be reloaded per keystroke)."""
        version = self.state.version()
        if self._flags is None or self._flags[0] != version:
            self._flags = (version, self.state.flagged("read"), self.state.flagged("starred"))
        return self._flags[1], self._flags[2]

    def set_flag(self, flag: Flag, identities: list[str], value: bool) -> StateChange:
        """Set or clear a flag; what changed can be undone."""
        change = self.state.set(flag, identities, value)
        if change.identities:
            self._undo.append(change)
        return change

    def undo(self) -> StateChange | None:
        """Revert the last change not yet undone (``None`` when there is none)."""
        if not self._undo:
            return None
        change = self._undo.pop()
        self.state.undo(change)
        return change

    def article(self, row: ArticleRow) -> OpenedArticle:
        """The whole document of a row, parsed (safe to call from a thread): a file that
        vanished or broke since it was indexed comes back as a problem."""
        from library.loader import load_file  # parsing code is not needed until now

        parsed = load_file(row.path, explicit=True)
        article = parsed.article
        if article is None:
            reason = parsed.problems[0].message if parsed.problems else "cannot be read"
            return OpenedArticle(row, None, problem=reason)
        urls = [item.url for item in article.related if item.url]
        return OpenedArticle(row, article, frozenset(self.urls_in_corpus(urls)))

    def urls_in_corpus(self, urls: list[str]) -> set[str]:
        """Those of ``urls`` whose article is in the corpus (one query for them all)."""
        return self.index.urls_in_corpus(urls) if urls else set()

    def find_by_url(self, url: str) -> ArticleRow | None:
        """The article a link points to, if it is in the corpus."""
        return self.index.find_by_url(url)

    def counts(self) -> TreeCounts:
        """Everything the topic tree shows, counted (safe to call from a thread)."""
        index = self.index
        everything, unread_total, starred = index.totals()
        saved = []
        for name, query in index.saved_queries():
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
            unread_total,
            starred,
            saved,
        )

    def close(self) -> None:
        """Close both databases."""
        self.index.close()
        self.state.close()
