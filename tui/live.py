"""Keeping the running reader in step with its corpus: files that change while it runs
(a watcher), and a ``git pull`` asked for with ``R`` (``library.sync``).

Indexing happens in the watcher's thread or a thread worker, never on the UI
thread; the screen is told afterwards, through the app's queue, and updates in
place (``MainScreen.follow_changes``).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from library.counts import plural
from library.damage import filled_its_disk, is_damage
from library.reports import ArticleChanges
from library.schedule import next_instant
from models.text import printable

REFILL = 1.0  # seconds at least between two updates of the reader during a burst
NOTE = 3.0  # seconds a note of what arrived shows; the next waits until it has gone
CLOCK_LOOK = 60.0  # seconds at most between two looks at when a page next goes up or down
STATE_LOOK = 2.0  # seconds between two looks at what other readers marked read or starred

if TYPE_CHECKING:
    from textual.timer import Timer

    from library.reports import RefreshReport
    from library.session import ReaderSession
    from library.watch import CorpusWatcher
    from library.writer import Waiting
    from tui.app import LedeApp


def describe(changes: ArticleChanges) -> str:
    """``3 new articles, 1 changed, 2 removed, 1 moved`` (what there is of it)."""
    parts = []
    if changes.added:
        parts.append(plural(changes.added, "new article"))
    if changes.changed:
        parts.append(f"{plural(changes.changed, 'article')} changed")
    if changes.removed:
        parts.append(f"{plural(changes.removed, 'article')} removed")
    if changes.moved:
        parts.append(f"{plural(changes.moved, 'article')} moved")
    return ", ".join(parts)


class CorpusFollower:
    """The reader's watcher and syncs, for ``app`` showing ``session``."""

    def __init__(self, app: LedeApp, session: ReaderSession) -> None:
        self.app = app
        self.session = session
        self.watcher: CorpusWatcher | None = None
        self._arrived = ArticleChanges(0, 0, 0, 0)  # not yet said
        self._shown = 0.0  # when the reader was last updated (monotonic)
        self._timer: Timer | None = None
        self._noted = 0.0  # when what arrived was last said (monotonic)
        self._note_timer: Timer | None = None
        self._version: int | None = None  # the index's data version the watcher last saw
        self._clock: Timer | None = None
        self._due: int | None = None  # when a page next goes up or comes down, if known
        self._state_timer: Timer | None = None

    def start(self) -> None:
        """Start watching (once the reader is on screen: its import is not start-up's)."""
        from library.watch import CorpusWatcher

        self.watcher = CorpusWatcher(self.session.index.roots, self._changed, self._failed)
        self.watcher.start()
        self.app.run_worker(
            self.session.start_writer, thread=True, group="writer", exit_on_error=False
        )
        self.follow_the_clock()
        self._state_timer = self.app.set_interval(STATE_LOOK, self._look_at_state)

    def _look_at_state(self) -> None:
        """Show what another reader of the corpus marked read or starred (UI thread): each
        kept its own marks on screen, and counts, until something here changed."""
        if self.session.state_changed_elsewhere() and (reader := self.app.reader_screen()):
            # The index may have changed too, and the list not be refilled yet: the cursor
            # is kept on its article where it is now stored (a post moved carries its
            # marks, a change seen here before the move is shown).
            reader.refresh_list(moved=True)
            reader.refresh_tree()

    def follow_the_clock(self) -> None:
        """Update the reader as its site puts a page up or takes one down (UI thread): the
        index keeps when, and a reader left open showed it only once a file changed. The
        next instant is looked at again now and then, as files indexed meanwhile bring
        theirs (and the reader asks again once they are indexed)."""
        if self._clock is not None:
            self._clock.stop()
        self._due = next_instant(self.session.index.db)
        wait = CLOCK_LOOK if self._due is None else min(CLOCK_LOOK, self._due - time.time())
        self._clock = self.app.set_timer(max(wait, 0.0), self._clock_struck)

    def _clock_struck(self) -> None:
        passed = self._due is not None and time.time() >= self._due
        if passed and (reader := self.app.reader_screen()):
            reader.follow_changes()
        self.follow_the_clock()

    def wait_until_watching(self, timeout: float = 10.0) -> None:
        """Wait (in a thread) until changes are watched: a scan of the corpus started after
        that misses nothing, since what it does not see yet the watcher will."""
        if self.watcher is not None:
            self.watcher.ready.wait(timeout)

    def stop(self) -> None:
        if self._state_timer is not None:
            self._state_timer.stop()
        if self._clock is not None:
            self._clock.stop()
            self._clock = None
        if self.watcher is not None:
            self.watcher.stop()
        from library.sync import stop_git

        stop_git()  # a sync's git, still fetching, must not outlive the reader

    def look_at_recent(self, waiting: Waiting | None = None) -> None:
        """Index what changed among the files most likely to have changed while the reader
        was closed (in a thread, before the walk of every file, telling ``waiting`` whom
        it waits for), and show it."""
        self._index(partial(self.session.refresh_recent, waiting))

    def _changed(self, paths: set[str]) -> None:
        """Index what the watcher saw (in its thread), and say what kept one of those
        files out: a file still being written fails to parse now and is parsed again on
        its next change, but a file saved broken would otherwise just vanish from the list,
        and so would one made a FIFO, or a folder made unreadable."""
        report = self._index(partial(self.session.refresh_paths, paths), self._stored_elsewhere)
        errors = [*(report.unreadable if report else ()), *self.session.errors(paths)]
        if errors:
            self.app.call_later(self.app.show_problems, errors)

    def _index(
        self,
        refresh: Callable[[], RefreshReport | None],
        elsewhere: Callable[[], bool] = lambda: False,
    ) -> RefreshReport | None:
        """What ``refresh`` found, shown; None where it failed."""
        try:
            report = refresh()
            stored_elsewhere = elsewhere()  # asked every time: it keeps where the index stood
            if stored_elsewhere:
                self.session.stories_stored_elsewhere()
        except InterruptedError:  # the reader ended while this waited for another lede
            return None
        except Exception as error:  # noqa: BLE001 - shown to the user, never a traceback
            if not self._dealt_with(error):
                self._failed(f"Indexing changed files failed: {error}")
            return None
        if report is not None and (report.parsed or report.removed or stored_elsewhere):
            self.app.call_later(self._show, report)
        return report

    def _dealt_with(self, error: Exception) -> bool:
        """Whether the reader deals with what stopped indexing (from any thread), as a
        full refresh does: a full disk ends it, a damaged index is built again. A note
        said each, and the reader went on without the files, on a damaged index or one
        that held the disk full."""
        if filled_its_disk(error):
            self.app.call_later(self.app.end_on_a_full_disk)
            return True
        if is_damage(error):  # as a read that meets it has it
            self.app.call_later(self._build_again)
            return True
        return False

    def _build_again(self) -> None:
        """Have the damaged index built again (UI thread), unless the reader is indexing
        the whole corpus, which meets the damage itself and builds it again: a second
        build, begun meanwhile, discarded the file the first was filling."""
        if not any(w.group == "index" and not w.is_finished for w in self.app.workers):
            self.session.on_damage()

    def _stored_elsewhere(self) -> bool:
        """Whether the index changed since the watcher last looked (in its thread): another
        lede watching the same corpus may have stored what both saw, leaving this one
        nothing to do, and its screen showed a removed file, and no new one, for good.
        The first time, nothing tells: the reader is filled again all the same."""
        version = self.session.index.db.execute("PRAGMA data_version").fetchone()[0]
        changed = self._version is None or version != self._version
        self._version = version
        return changed

    def _failed(self, message: str) -> None:
        self.app.call_later(self.app.notify, message, severity="warning", markup=False)

    def _show(self, report: RefreshReport) -> None:
        """Update the reader in place (UI thread): at once after a quiet spell, but at most
        once every ``REFILL`` seconds while a burst is indexed, so keys stay answered."""
        if report.articles:
            self._arrived = ArticleChanges(
                *map(sum, zip(self._arrived, report.articles, strict=True))
            )
        if self._timer is None:
            wait = self._shown + REFILL - time.monotonic()
            if wait > 0:
                self._timer = self.app.set_timer(wait, self._refill)
            else:
                self._refill()

    def _refill(self) -> None:
        self._timer = None
        self._shown = time.monotonic()
        if reader := self.app.reader_screen():
            reader.follow_changes()
        self.follow_the_clock()  # the files indexed may put a page up sooner
        if self._note_timer is None:
            self._say_what_arrived()

    def _say_what_arrived(self) -> None:
        """A quiet note of what arrived, one at a time: a feed writing a file a second
        stacked three notes of "1 new article" over the article being read for as long as
        it ran. What arrives while one shows is said, summed, once it has gone."""
        self._note_timer = None
        wait = self._noted + NOTE - time.monotonic()
        if wait > 0:
            self._note_timer = self.app.set_timer(wait, self._say_what_arrived)
            return
        note, self._arrived = describe(self._arrived), ArticleChanges(0, 0, 0, 0)
        if note:
            self._noted = time.monotonic()
            self.app.notify(note, timeout=NOTE, markup=False)

    def sync(self) -> None:
        """``git pull`` the corpus in a thread worker and index what came."""
        self.app.notify("Syncing…", timeout=1.5)
        self.app.run_worker(
            self._sync, thread=True, exclusive=True, group="sync", exit_on_error=False
        )

    def _sync(self) -> None:
        """Pull each root, then index the files the pulls changed, as the watcher does
        (which may have seen them already): not the whole corpus again."""
        from library.sync import SyncError, pull

        lines = []
        paths: list[str] = []
        failed = False
        for root in self.session.index.roots:
            try:
                pulled = pull(root)
            except SyncError as error:
                lines.append(f"{printable(root)}: {error}")
                failed = True
            else:
                lines.append(f"{printable(root)}: {pulled.summary()}")
                paths.extend(pulled.paths())
        try:
            report = self.session.refresh_paths(paths)
        except Exception as error:  # noqa: BLE001 - shown to the user, never a traceback
            if not self._dealt_with(error):
                lines.append(f"Indexing failed: {error}")
                failed = True
        else:
            if report.parsed or report.removed:
                self.app.call_later(self._show, report)
        self.app.call_later(
            self.app.notify,
            "\n".join(lines),
            title="Sync",
            severity="error" if failed else "information",
            timeout=8 if failed else 4,
            markup=False,
        )
