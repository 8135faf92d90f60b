"""The reader's side of keeping the index in step with the files: a full refresh, the
paths a watcher names, the files changed while the reader was closed, and what each
carries along (the reading state of moved posts, the story map).

A part of ``ReaderSession`` kept apart: the locks, the worker process and the order
of writes are one concern, which the session's queries and flags do not share.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Iterable
from functools import partial

from library.index import CorpusIndex, ProgressCallback, RefreshReport
from library.kept_moves import keep, waiting
from library.kept_stories import KeptStories
from library.state_writes import NotSaved, StateWrites
from library.stream import Stream
from library.writer import Waiting, behind, marked


class IndexInStep:
    """Refreshes of a session's index (``ReaderSession`` holds what is declared here)."""

    paths: list[str]
    index: CorpusIndex
    stream: Stream
    stories: KeptStories
    writes: StateWrites
    _writing: threading.Lock  # one refresh at a time: a full one, or a watcher's
    _closing: threading.Event  # a refresh waiting for another lede gives up
    _awaited: str  # whom a watcher's refresh waits for (see ``refresh``)
    _renamed: dict[str, str]  # an article known by its path: its new path

    def load_stories(self) -> None:
        """Load every article's story for grouping the list (safe to call from a thread;
        until it is loaded the list shows every article)."""
        self.stories.load()

    def refresh(
        self,
        progress: ProgressCallback | None = None,
        waiting: Waiting | None = None,
        *,
        damaged: bool = False,
    ) -> RefreshReport:
        """Bring the index up to date with the files (safe to call from a thread);
        ``damaged``: build it again (see ``ReaderSession.results``)."""
        with behind(self._writing, lambda: self._awaited, waiting):
            report = self.index.refresh(progress, waiting, damaged=damaged)
        self._carry(report)
        if report.parsed or report.removed:
            self.load_stories()  # here, in the refresh's thread, not on a keystroke
            self.stream = self.stream.speaking(self.paths, self.index.languages())
        return report

    def refresh_paths(self, paths: Iterable[str]) -> RefreshReport:
        """Bring the index up to date with the files at ``paths`` only (from a thread)."""
        return self._in_step(partial(self.index.refresh_paths, paths))

    def refresh_recent(self, waiting: Waiting | None = None) -> RefreshReport | None:
        """Bring the files most likely changed while the reader was closed up to date
        (from a thread, before the full refresh; ``waiting`` as ``refresh``'s); None for an
        index that holds no article yet, which the full refresh parses whole."""
        if self.index.db.execute("SELECT 1 FROM articles LIMIT 1").fetchone() is None:
            return None
        return self._in_step(self.index.refresh_recent, waiting)

    def _in_step(
        self, refresh: Callable[[], RefreshReport], waiting: Waiting | None = None
    ) -> RefreshReport:
        """Run a targeted refresh under the index's lock (another lede then waits for the
        reader by name: ``writer.marked``), and keep the story map in step with it."""

        def awaiting(whom: str) -> None:  # it gives up once the reader ends
            if self._closing.is_set():
                raise InterruptedError("the reader ended")
            self._awaited = whom  # and a full refresh asked for meanwhile says so
            if waiting is not None:
                waiting(whom)

        with (
            behind(self._writing, lambda: self._awaited, waiting),
            marked(self.index.db_path, awaiting),
        ):
            self._awaited = ""
            report = refresh()
        self._carry(report)
        if report.parsed or report.removed:
            self.stories.changed(report.listed)
        return report

    def _carry(self, report: RefreshReport) -> None:
        """The reading state of the posts a refresh found moved goes with them (in the
        order of writes)."""
        if not report.renamed:  # moves a run could not carry, if any, are carried now
            if waiting(self.writes.path):
                with contextlib.suppress(NotSaved):
                    self.writes.submit(lambda store: store.carry([])).result()
            return
        try:
            self.writes.submit(lambda store: store.carry(report.renamed)).result()
        except NotSaved:
            with contextlib.suppress(OSError):  # for the next lede that can write it
                keep(self.writes.path, list(report.renamed))
            raise
        for old, new in report.renamed:
            self._renamed.pop(new, None)  # back where it was: the old move is over
            self._renamed[old] = new

    def stories_stored_elsewhere(self) -> None:
        """Take into the story map the articles another lede stored (from a thread): this
        reader's refresh found them in place and told the map nothing, and its list, then
        holding articles the map lacked, showed every article instead of one row per story
        until ``r``. Loaded whole: which articles came is not known here."""
        kept = self.stories.map
        newest = self.index.db.execute("SELECT max(id) FROM articles").fetchone()[0]
        if kept is not None and newest is not None and newest >= len(kept.story):
            self.stories.changed(None)

    def start_writer(self) -> None:
        """Start the process that indexes changed paths (from a thread, after any full
        refresh in progress: start-up work comes first)."""
        with self._writing:
            self.index.start_writer()
