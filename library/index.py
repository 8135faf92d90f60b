"""The corpus index as the reader and the CLI read it: one facade over the schema
(``schema``), the write path (``indexer``) and the query compiler (``search``).

Each thread reads through a connection of its own (SQLite in WAL mode lets them
read while a refresh writes through yet another), with its own search caches:
no connection or cache is shared between threads. Read and starred state lives
in another database (``StateStore``) attached to every connection so queries can
filter on it. Opening an index imports no parsing code: a warm start touches
only SQLite.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from library import indexer
from library.closure import read_topic_tree
from library.damage import discard, file_identity, is_damage
from library.db import connect, select_in
from library.query import Query, parse_query
from library.query_sql import state_attached
from library.reports import ProgressCallback, RefreshReport
from library.results import ArticleRow, ResultSet, fetch_rows
from library.schema import ensure_schema, schema_current
from library.search import Search
from library.stored_articles import StoredArticle, stored_articles, topics_of
from library.stored_problems import errors_of, kept_out, left_out, stored_problems
from library.stream import SitePart
from library.tally import count_by_topic
from library.writer import Waiting, writing
from models.identity import normalise_url
from models.problem import Problem, Severity
from models.topic import TopicTree

if TYPE_CHECKING:
    from library.one_worker import KeptWorker

__all__ = ["CorpusIndex", "ProgressCallback", "RefreshReport", "StoredArticle"]


class CorpusIndex:
    """The searchable index of one corpus (a set of root paths)."""

    def __init__(self, roots: Iterable[str], db_path: Path) -> None:
        self.roots = [os.path.abspath(root) for root in roots]
        self.db_path = db_path
        self._state_source: str | None = None  # the reading state's file, or its address
        self._local = threading.local()
        self._tree: TopicTree | None = None
        self._generation = 0  # counts the times the file was rebuilt under the connections
        self._state_generation = 0  # counts the times the state's file was replaced
        self._writer: KeptWorker | None = None  # the process that indexes changed paths
        self.rebuilt = self._open_or_rebuild()
        self._opened = file_identity(db_path)

    def _open_or_rebuild(self) -> bool:
        """Open the index with its tables; a damaged one is discarded and created again,
        which is said by returning True (see ``damage``)."""
        try:
            if not schema_current(self.db):  # new, or of another version (whose tables
                with writing(self.db_path):  # are dropped): one process makes the tables
                    ensure_schema(self.db)
            return False
        except sqlite3.DatabaseError as error:
            if not is_damage(error):
                raise
        self.close()
        with writing(self.db_path):  # never while another process writes it
            try:
                ensure_schema(self.db)  # built again by that other process meanwhile?
                return False
            except sqlite3.DatabaseError as error:
                if not is_damage(error):
                    raise
            self.close()
            discard(self.db_path)
            ensure_schema(self.db)
        return True

    def _reopen_if_replaced(self) -> bool:
        """Open the index again if its file is gone or another (see ``file_identity``)
        and say so: the refresh that follows fills a new one."""
        if file_identity(self.db_path) == self._opened:
            return False
        self._generation += 1  # every thread's connection is opened again
        self._tree = None
        self.close()
        self._open_or_rebuild()
        self._opened = file_identity(self.db_path)
        return True

    @property
    def db(self) -> sqlite3.Connection:
        """This thread's connection (opened on its first use), the state attached."""
        return self._with_state(self._connection())

    def _connection(self) -> sqlite3.Connection:
        db: sqlite3.Connection | None = getattr(self._local, "db", None)
        if db is not None and self._local.generation != self._generation:
            self.close()  # onto a damaged file that has since been replaced
            db = None
        if db is None:
            db = self._local.db = connect(self.db_path)
            self._local.generation = self._generation
            self._local.state_generation = None
        return db

    def _with_state(self, db: sqlite3.Connection) -> sqlite3.Connection:
        """``db`` with the reading state attached as ``attach_state`` last named it. Only
        the state is attached anew when its file is replaced: opened again by its path, the
        index's connection made an empty file where a cleared cache had removed the index
        (with the state's folder: "no such table: articles" ended the reader)."""
        if self._state_source is None or self._local.state_generation == self._state_generation:
            return db
        if state_attached(db):
            db.execute("DETACH DATABASE state")
        db.execute("ATTACH DATABASE ? AS state", (self._state_source,))
        self._local.state_generation = self._state_generation
        return db

    def _search(self) -> Search:
        db = self.db  # first: a connection onto a rebuilt file is replaced with its caches
        search: Search | None = getattr(self._local, "search", None)
        if search is None:
            search = self._local.search = Search(db, lambda: self.db, self.topic_tree)
        return search

    def attach_state(self, path: Path, reading: str = "") -> None:
        """Make the read/starred state database queryable as ``state`` (again: by all);
        ``reading``: how one that cannot be written (another user's) is read as it is, a
        query of its address (``mode=ro``, ``immutable=1``)."""
        self._state_generation += 1  # each thread's connection attaches it (anew) by ``db``
        self._state_source = f"{path.as_uri()}?{reading}" if reading else str(path)
        self._with_state(self._connection())  # this thread's, now

    def start_writer(self) -> KeptWorker:
        """The process that indexes changed paths, started with the parser imported, so
        that the first file that arrives is not kept waiting for it."""
        if self._writer is None:
            from library.one_worker import KeptWorker
            from library.targeted import prepare

            self._writer = KeptWorker("library.summaries")  # as a first index preloads it
            self._writer.run(prepare)
        return self._writer

    def stop_writer(self) -> None:
        """Let the process that indexes changed paths end (started again when needed)."""
        if self._writer is not None:
            self._writer.close()
            self._writer = None

    def close(self) -> None:
        """Close this thread's connection (another thread's closes as that thread ends)."""
        db = getattr(self._local, "db", None)
        self._local.__dict__.clear()
        if db is not None:
            db.close()

    def refresh(
        self,
        progress: ProgressCallback | None = None,
        waiting: Waiting | None = None,
        *,
        damaged: bool = False,
    ) -> RefreshReport:
        """Bring the index up to date with the files on disk (through its own connection,
        so it can run in a worker thread while others read); ``waiting`` is told while
        another process writes the index; ``damaged``: built again from nothing."""
        self._reopen_if_replaced()
        report = indexer.refresh(self.roots, self.db_path, progress, waiting, damaged=damaged)
        if report.rebuilt:
            self._generation += 1
            self._opened = file_identity(self.db_path)
        if (report.parsed or report.removed) and report.topics_changed:
            self._tree = None  # built again when next asked
        return report

    def refresh_paths(self, paths: Iterable[str]) -> RefreshReport:
        """Bring the index up to date with just ``paths`` (see ``targeted``)."""
        from library.targeted import refresh_paths

        return self._in_writer(refresh_paths, list(paths))

    def refresh_recent(self) -> RefreshReport:
        """Bring the files most likely changed up to date (``targeted.refresh_recent``)."""
        from library.targeted import refresh_recent

        return self._in_writer(refresh_recent)

    def _in_writer(self, refresh: Callable[..., RefreshReport], *args: object) -> RefreshReport:
        """Run a targeted refresh in a worker process kept for it: a big pull indexed in
        groups would otherwise hold this process's interpreter lock for seconds, against
        the keys a person types. An index removed meanwhile is built again whole."""
        if self._reopen_if_replaced():
            return self.refresh()
        report = self.start_writer().run(refresh, self.roots, self.db_path, *args)
        if report.topics_changed:  # else the tree is not read again for every refill
            self._tree = None
        return report

    def rows_at(self, paths: Iterable[str]) -> list[ArticleRow]:
        """The articles of the files at ``paths`` (those that are articles), by path."""
        sql = "SELECT id FROM articles WHERE path IN ({marks}) ORDER BY path"
        ids = [row[0] for row in select_in(self.db, sql, paths)]
        found = fetch_rows(self.db, ids)
        return [found[i] for i in ids]

    def first_seen_since(self, moment: float) -> list[int]:
        """Stories the index first saw at ``moment`` (Unix seconds) or later."""
        sql = "SELECT id FROM articles WHERE first_seen >= ? AND duplicate_of IS NULL"
        return [row[0] for row in self.db.execute(sql, (moment,))]

    def topic_tree(self) -> TopicTree:
        """The topic tree from the taxonomy files and the topics articles use (cached)."""
        if self._tree is None:
            self._tree = read_topic_tree(self.db)
        return self._tree

    def topic_counts(self, within: Query | None = None) -> dict[str, int]:
        """Articles per topic node, descendants included (from the closure table); of
        those ``within`` a query's conditions (its words aside) if it is given."""
        where, params = self.conditions(within) if within is not None else ("", [])
        return count_by_topic(self.db, where, params)

    def conditions(self, query: Query) -> tuple[str, list[object]]:
        """The SQL conditions of a query without its words (see ``Search.compile``), for
        counting what it covers; raises ``QueryError`` like ``results``."""
        return self._search().compile(query)

    def collection_names(self) -> dict[str, str]:
        """The corpus's collections by lower-cased name."""
        return self._search().collection_names()

    def site_part(self, query: Query) -> SitePart:
        """The collections, languages and published flag ``query`` covers, by stored name."""
        return self._search().site_part(query)

    def saved_queries(self) -> list[tuple[str, str]]:
        """Saved (name, query) pairs by name, read through the attached state (so that any
        thread may ask, on its own connection)."""
        if not state_attached(self.db):
            return []
        sql = "SELECT name, query FROM state.saved_queries ORDER BY name COLLATE NOCASE"
        return self.db.execute(sql).fetchall()

    def problems(self, severity: Severity | None = None) -> list[Problem]:
        """The problems found (see ``stored_problems``)."""
        return stored_problems(self.db, self.topic_tree, severity)

    def left_out(self) -> list[Problem]:
        """The errors that kept documents out (see ``stored_problems.left_out``)."""
        return left_out(self.db)

    def kept_out(self) -> list[Problem]:
        """The errors that left documents out of every list (see ``stored_problems``)."""
        return kept_out(self.db)

    def errors_of(self, paths: Iterable[str]) -> list[Problem]:
        """The errors that kept ``paths`` out (see ``stored_problems.errors_of``)."""
        return errors_of(self.db, paths)

    def names_providers(self) -> bool:
        """Whether any article names its provider, as the last refresh found (a blog's name
        none, and the list gives their column to the titles)."""
        found = self.db.execute("SELECT value FROM facts WHERE name = 'names_providers'")
        row = found.fetchone()
        return row is None or bool(row[0])  # not known yet: as most corpora

    def holds_collections(self) -> bool | None:
        """Whether any article is in a collection; ``None`` while there are no articles."""
        if self.db.execute("SELECT 1 FROM articles LIMIT 1").fetchone() is None:
            return None
        sql = "SELECT 1 FROM articles WHERE collection IS NOT NULL LIMIT 1"
        return self.db.execute(sql).fetchone() is not None

    def languages(self) -> dict[str, int]:
        """How many articles are said to be in each language (one pass over its index)."""
        sql = "SELECT language, count(*) FROM articles WHERE language IS NOT NULL GROUP BY 1"
        return dict(self.db.execute(sql).fetchall())

    def count(self) -> int:
        """Number of articles, duplicates not counted: the length of the stored list, which
        holds them (a count of the rows walks every article), else counted."""
        listed = self.db.execute("SELECT length(ids) / 8 FROM listing WHERE sort = 'date'")
        counted = "SELECT count(*) FROM articles WHERE duplicate_of IS NULL"
        row = listed.fetchone() or self.db.execute(counted).fetchone()
        return int(row[0])

    def results(
        self,
        query: Query | str,
        *,
        sort: str = "date",
        limit: int | None = None,
    ) -> ResultSet:
        """Ids matching ``query`` in ``sort`` order; raises ``QueryError`` for a bad query
        (see ``Search.results``)."""
        if isinstance(query, str):
            query = parse_query(query)
        results = self._search().results(query, sort=sort)
        return results.head(limit) if limit is not None else results

    def search(
        self,
        query: Query | str,
        *,
        sort: str = "date",
        limit: int | None = None,
    ) -> list[ArticleRow]:
        """Matching rows, all at once (for the command line)."""
        return list(self.results(query, sort=sort, limit=limit))

    def row(self, article_id: int) -> ArticleRow | None:
        """One row by id."""
        return fetch_rows(self.db, [article_id]).get(article_id)

    def find_by_url(self, url: str) -> ArticleRow | None:
        """The article in the corpus whose identity is ``url`` normalised, if any."""
        found = self.db.execute(
            "SELECT id FROM articles WHERE identity = ? ORDER BY duplicate_of IS NOT NULL LIMIT 1",
            (normalise_url(url),),
        ).fetchone()
        return self.row(found[0]) if found else None

    def urls_in_corpus(self, urls: Iterable[str]) -> set[str]:
        """Those of ``urls`` whose article is in the corpus, asked in one query."""
        by_identity: dict[str, list[str]] = {}
        for url in urls:
            by_identity.setdefault(normalise_url(url), []).append(url)
        sql = "SELECT DISTINCT identity FROM articles WHERE identity IN ({marks})"
        found = select_in(self.db, sql, by_identity)
        return {url for (identity,) in found for url in by_identity[identity]}

    def topics_of(self, article_ids: Iterable[int]) -> dict[int, list[str]]:
        """Topic names per article id (see ``stored_articles``)."""
        return topics_of(self.db, article_ids)

    def stored(self, article_ids: list[int]) -> list[StoredArticle]:
        """Every stored column of the articles, in the order given (see ``stored_articles``)."""
        return stored_articles(self.db, article_ids)
