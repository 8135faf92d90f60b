"""A reading session: one corpus index and the user's reading state, opened together.

The UI and the CLI both go through this, so they see the same state. Everything
the reader asks of the corpus is a method here, so it can be tested without a
screen; the screen only routes.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from library.corpus import open_index, open_state, state_file
from library.damage import StateDamaged, is_damage
from library.db import CannotOpen
from library.index import CorpusIndex
from library.index_in_step import IndexInStep
from library.kept_stories import KeptStories
from library.paths import corpus_key
from library.query import Query, QueryError, with_prefix_last
from library.results import ArticleRow, ResultSet, id_set
from library.scope import ALL, Scope, scoped_query
from library.settings import Settings
from library.state import Flag, StateChange, StateStore
from library.state_rescue import rescue, stand_in
from library.state_writes import StateWrites
from library.stream import Stream, default_stream, not_in_corpus, streamed_collections
from library.tree_counts import TreeCounts, count_tree, stored_state
from library.visits import Visit
from models.problem import Problem

if TYPE_CHECKING:
    from models.article import Article


class IndexDamaged(QueryError):
    """The index was found damaged by a query; the list cannot be had until it is built
    again (``ReaderSession.on_damage`` is told to)."""


@dataclass(frozen=True)
class OpenedArticle:
    """An article parsed from its file, with which of its related links are in the corpus;
    ``problem`` says why there is no article, or why it was read only in part."""

    row: ArticleRow
    article: Article | None
    related_in_corpus: frozenset[str] = frozenset()
    problem: str = ""
    sources: tuple[ArticleRow, ...] = ()  # the story's, when it has more than one
    copies: tuple[str, ...] = ()  # files of the same original URL, listed as this one


class ReaderSession(IndexInStep):
    """The corpus index and reading state behind the reader.

    The UI thread uses the state store; the index gives each thread its own
    connection, so ``counts``, ``refresh`` and ``article`` may run in workers.
    """

    def __init__(self, paths: list[str], settings: Settings | None = None) -> None:
        self.paths = list(paths)
        settings = settings or Settings()
        self._flags: tuple[tuple[int, int], set[str], set[str]] | None = None
        # Articles opened from the list now shown, and that list's scope and filter.
        self._opened: tuple[tuple[Scope, str], set[str]] = ((ALL, ""), set())
        self._undo: list[StateChange] = []
        self._renamed: dict[str, str] = {}  # an article known by its path: its new path
        self.state_rescued = ""  # how a damaged reading state was replaced, to be said once
        self._stand_in: Path | None = None  # the folder of a stand-in for it, removed at the end
        try:
            self.state: StateStore = open_state()
        except StateDamaged as damaged:
            self.state, self.state_rescued = rescue(damaged.path, damaged.what)
        except (CannotOpen, OSError) as error:  # a full disk, a read-only folder
            self.state, self.state_rescued = stand_in(state_file(), error)
            self._stand_in = self.state.path.parent
        self.writes = StateWrites(self.state.path)  # the reader's writes, off its thread
        self.index: CorpusIndex = open_index(self.paths, self.state)
        self.stream: Stream = default_stream(
            self.paths,
            settings.collections,
            settings.hide_unpublished,
            self.index.holds_collections(),
            self.index.languages(),
        )
        self._collections_unsaid = settings.collections  # see ``collections_not_found``
        # Articles first seen since then are new since the last visit (see ``visits``).
        self.visit = Visit(self.state, self.writes, corpus_key(self.paths))
        self.previous_visit = self.visit.previous
        self._writing = threading.Lock()  # one refresh at a time: a full one, or a watcher's
        self._closing = threading.Event()  # a refresh waiting for another lede gives up
        self._awaited = ""  # whom a watcher's refresh waits for (see ``refresh``)
        self.stories_grouped = True  # one row per story (``c`` shows every article)
        self.stories = KeptStories(lambda: self.index.db)  # loaded after the first frame
        self._grouped: tuple[ResultSet, object, ResultSet] | None = None
        self._counted: tuple[int, int] | None = None  # see ``counts_behind``
        # The state's version and its marks' version: see ``state_changed_elsewhere``.
        self._state_seen: tuple[tuple[int, int], tuple[int, int]] | None = None
        self.state_changed_elsewhere()
        self.on_damage: Callable[[], None] = lambda: None  # told when a read finds damage

    def home_collections(self) -> frozenset[str]:
        """The collections whose items need no mark in a list: those the stream shows (a
        blog's posts, each marked ``posts`` else), or its own names before any is known."""
        home = self.stream.home
        return streamed_collections(home, self.index.collection_names()) or home

    def names_providers(self) -> bool:
        """Whether any article names its provider (see ``CorpusIndex.names_providers``)."""
        return self.index.names_providers()

    def collections_not_found(self) -> str | None:
        """Once, when the corpus holds collections: what to say of those the settings
        chose that it lacks (see ``stream.not_in_corpus``)."""
        chosen = self._collections_unsaid
        if not chosen or not self.stream.collections or not self.index.holds_collections():
            return None
        self._collections_unsaid = None
        return not_in_corpus(chosen, self.index.collection_names())

    def errors(self, paths: Iterable[str] | None = None) -> list[Problem]:
        """The problems that kept a document out, of every file (what the scan could not
        take too) or of ``paths`` (safe to call from a thread)."""
        return self.index.left_out() if paths is None else self.index.errors_of(paths)

    def results(self, scope: Scope, text: str, sort: str, *, shown: bool = True) -> ResultSet:
        """The list for a scope narrowed by the filter ``text``; the filter's last word
        matches as a prefix, as it is being typed (a saved query's words as saved).
        ``shown``: the list on screen, which keeps what was opened from it (``opened``);
        a count is not. Raises ``QueryError`` for a filter that cannot run, and
        ``IndexDamaged`` (after ``on_damage``) when the index is found damaged: a page
        only some words reach is read by no check made when it is opened."""
        query = self.query(scope, with_prefix_last(text))
        if shown:
            if self._opened[0] != (scope, text):
                self._opened = ((scope, text), set())
            if query.hides_read:
                query.opened = frozenset(self._opened[1])
        with self._damage_told():
            results = self.index.results(query, sort=sort)
        if scope.kind == "since":
            new = id_set(self.index.first_seen_since(self.previous_visit or time.time()))
            results = ResultSet(
                results.connection,
                filter(new.__contains__, results.ids),
                results.read,
                results.starred,
            )
        if not self.stories_grouped or query.stories:  # a story's own list shows its sources
            return results
        return self._as_stories(results)

    def query(self, scope: Scope, text: str) -> Query:
        """The query a scope and a filter make, within the session's stream: the default
        collections unless ``collection:`` says otherwise (a starred item is shown from
        any), without unpublished items while they are hidden."""
        query = scoped_query(scope, text)
        return self.stream.applied(query, every_collection=scope.kind == "starred")

    def toggle_unpublished(self) -> bool:
        """Hide unpublished items, or show them again; whether they are hidden now."""
        self.stream = self.stream.toggled()
        return self.stream.hide_unpublished

    def _as_stories(self, results: ResultSet) -> ResultSet:
        """One row per story (the same object for the same results, so nothing repaints)."""
        from library.story_map import read_mask

        stories = self.stories.map
        if stories is None:
            return results
        last = self._grouped
        if last is not None and last[0] is results and last[1] is stories:
            return last[2]
        import numpy

        if not stories.covers(numpy.frombuffer(results.ids, numpy.int64)):
            return results  # articles newer than the map: it is being loaded again
        size = len(stories.story)
        read, starred = (read_mask(size, flagged) for flagged in (results.read, results.starred))
        grouped = stories.grouped(results, read, starred)
        self._grouped = (results, stories, grouped)
        return grouped

    def why_no_articles(self) -> str:
        """Why the corpus lists no article at all (see ``library.empty``)."""
        from library.empty import why_no_articles

        return why_no_articles(self.index, self.paths)

    def opened(self, identity: str) -> None:
        """An article was opened from the list: it is marked read, and an unread list
        keeps it until its scope or filter changes. Run again at once, the list dropped
        it, and the detail pane followed the cursor to another article mid-read."""
        self._opened[1].add(identity)

    def flags(self) -> tuple[set[str], set[str]]:
        """Identities that are read, and that are starred (read again only after a change:
        asked per keystroke, they would otherwise be reloaded per keystroke)."""
        version = self.state.version()
        if self._flags is None or self._flags[0] != version:
            self._flags = (version, self.state.flagged("read"), self.state.flagged("starred"))
        return self._flags[1], self._flags[2]

    def state_changed_elsewhere(self) -> bool:
        """Whether another program (a reader of the same corpus in another terminal) marked
        articles read or starred, or saved a search, since this one last looked or wrote;
        a visit recorded, this reader's or another's, is no such change, and a state
        another program holds locked tells nothing yet (UI thread)."""
        try:
            if not self.state.in_place():  # removed or replaced: see ``state``
                self.index.attach_state(self.state.path)
            version = self.state.version()
            if self._state_seen is not None and self._state_seen[0] == version:
                return False  # nothing committed since (the look every few seconds)
            marks = self.state.marks_version()
        except (sqlite3.Error, OSError, StateDamaged):
            return False
        seen, self._state_seen = self._state_seen, (version, marks)
        return seen is not None and marks != seen[1]

    def set_flag(
        self, flag: Flag, identities: list[str], value: bool, store: StateStore | None = None
    ) -> StateChange:
        """Set or clear a flag (through ``store``, the writing thread's, if given); what
        changed can be undone."""
        change = (store or self.state).set(flag, identities, value)
        if change.identities:
            self._undo.append(change)
        return change

    def undo(self, store: StateStore | None = None) -> StateChange | None:
        """Revert the last change not yet undone (``None`` when there is none); one that
        could not be reverted stays to be tried again."""
        if not self._undo:
            return None
        (store or self.state).undo(self._undo[-1])
        return self._undo.pop()

    def article(self, row: ArticleRow) -> OpenedArticle:
        """The whole document of a row, parsed (safe to call from a thread): a file that
        vanished or broke since it was indexed comes back as a problem, and so does one
        replaced by a link that leads outside the corpus (it is not followed)."""
        from library.changed_paths import leads_outside
        from library.file_posts import file_of_post
        from library.loader import TOO_LARGE, load_file  # parsing code: not needed till now
        from models.schedule import held_back

        if leads_outside(row.path, self.index.roots):
            return OpenedArticle(row, None, problem="link leads outside the corpus; not followed")
        path, is_post = file_of_post(row.path)  # a post of a one-file blog is read from it
        held = os.path.join(path, "")
        roots = (r for r in self.index.roots if held.startswith(os.path.join(r, "")))
        root = next(roots, None)  # the corpus it is in: an AsciiDoc page's includes are read in it
        parsed = load_file(path, explicit=True, root=root)
        if is_post:
            parsed = next((p for p in parsed.posts if p.path == row.path), parsed)
        article = parsed.article
        if article is None:
            reason = parsed.problems[0].message if parsed.problems else "cannot be read"
            return OpenedArticle(row, None, problem=reason)
        if held_back(parsed.schedule, time.time()):  # its site has not put it up, or took it
            article.published = False  # down: the detail says so, as the list marks it
        urls = [item.url for item in article.related if item.url]
        in_corpus = frozenset(self.urls_in_corpus(urls))
        # Read up to the size limit: a body that ends early (empty, for one long line) says why.
        cut = next((item.message for item in parsed.problems if TOO_LARGE in item.message), "")
        copies = self.index.db.execute(  # by its identity's index, not a walk of the table
            "SELECT path FROM articles WHERE identity = ? AND duplicate_of = ? ORDER BY path",
            (row.identity, row.id),
        )
        return OpenedArticle(
            row, article, in_corpus, cut, self.sources(row), tuple(path for (path,) in copies)
        )

    def story_headline(self, story: str) -> str | None:
        """The title of ``story``'s headline now (``None`` when it has no article left)."""
        from library.story_view import story_headline

        return story_headline(self.index.db, story)

    def story_of(self, row: ArticleRow) -> str | None:
        """The id of the story ``row``'s article is in now."""
        from library.story_view import story_of

        return story_of(self.index.db, row.id)

    def sources(self, row: ArticleRow) -> tuple[ArticleRow, ...]:
        """The sources of ``row``'s story as the index holds them now."""
        from library.story_view import story_sources

        return tuple(story_sources(self.index.db, row.id))

    def stored_id(self, row: ArticleRow) -> int:
        """The id ``row``'s article is stored under now (see ``found_id``), else its own."""
        found = self.found_id(row)
        return row.id if found is None else found

    def found_id(self, row: ArticleRow) -> int | None:
        """The id ``row``'s article is stored under now, if it is stored: a file that
        changed is stored again, under a new id, and one renamed is found by its identity
        (its link), or where it was moved (one known by its path). Raises
        ``IndexDamaged``, as ``results`` does."""
        db = self.index.db
        path, seen = row.path, {row.path}
        while (path := self._renamed.get(path, path)) not in seen:
            seen.add(path)
        with self._damage_told():
            found = db.execute("SELECT id FROM articles WHERE path = ?", (path,)).fetchone()
            if found is None:
                sql = "SELECT id FROM articles WHERE identity = ?"
                found = db.execute(sql, (row.identity,)).fetchone()
        return None if found is None else int(found[0])

    @contextlib.contextmanager
    def _damage_told(self) -> Iterator[None]:
        """A read of the list's that finds the index damaged raises ``IndexDamaged``, once
        ``on_damage`` is told, in place of SQLite's error (a traceback out of a timer)."""
        try:
            yield
        except sqlite3.DatabaseError as error:
            if not is_damage(error):
                raise
            self.on_damage()
            raise IndexDamaged("the index is damaged; it is being built again") from None

    def urls_in_corpus(self, urls: list[str]) -> set[str]:
        """Those of ``urls`` whose article is in the corpus (one query for them all)."""
        return self.index.urls_in_corpus(urls) if urls else set()

    def find_by_url(self, url: str) -> ArticleRow | None:
        """The article a link points to, if it is in the corpus."""
        return self.index.find_by_url(url)

    def counts(self) -> TreeCounts:
        """Everything the topic tree shows, counted (safe to call from a thread)."""
        self._counted = stored_state(self.index)  # first: a change after it is counted again
        return count_tree(self)

    def counts_behind(self) -> bool:
        """Whether the index's articles changed since the tree was last counted: another
        lede may have stored them, which no refresh here says (safe to call from a thread)."""
        return self._counted != stored_state(self.index)

    def close(self) -> None:
        """Record the end of this visit, and close both databases once the writes asked
        for are done."""
        self._closing.set()
        self.visit.end(self.writes)  # unrecorded, the next visit counts from its start
        self.writes.close()
        self.index.stop_writer()
        self.index.close()
        self.state.close()
        if self._stand_in is not None:
            shutil.rmtree(self._stand_in, ignore_errors=True)
