"""Keeping the index up to date while the reader runs, and showing how far it has gone.

Kept apart from ``LedeApp``, which opens the corpus and hosts the reader: the index is
brought up to date in a thread, whose reports, waits and end are told to the reader's
screen here.
"""

from __future__ import annotations

import time

from rich.text import Text
from textual import work
from textual.app import App
from textual.worker import get_current_worker

from library.damage import FULL_DISK, REBUILT, discard, filled_its_disk
from library.session import ReaderSession
from library.writer import by_program
from models.problem import Problem
from models.text import printable
from tui.collector import keep_out_of_collections
from tui.live import CorpusFollower
from tui.screens.main import MainScreen

RELOAD_EVERY = 1.0  # seconds between refills of the list while indexing


class BackgroundIndexing(App[None]):
    """The index refreshed in a worker thread, and the reader told as it goes."""

    session: ReaderSession | None
    follower: CorpusFollower | None
    _rebuilding = False  # building a damaged index again
    _languages_said = False  # once a session: see ``Stream.languages_left_out``

    def reader_screen(self) -> MainScreen | None:
        """The reader's screen, under any dialog open on it; None while it has no panes
        (not built yet, or being taken down as the reader ends): what it would show is
        dropped."""
        for screen in self.screen_stack:
            if isinstance(screen, MainScreen) and screen.has_panes:
                return screen
        return None

    def end_on_a_full_disk(self) -> None:
        """The index filled its disk as it was written: what it holds of the corpus is
        not all there is to show, and what it wrote holds the disk full for every other
        program, so it is removed and the reader ends saying why."""
        assert self.session is not None
        discard(self.session.index.db_path)
        self._end_with(f"{FULL_DISK}: {printable(str(self.session.index.db_path.parent))}")

    def _end_with(self, line: str) -> None:
        """End the reader with ``lede: line`` on stderr, one line however long its path."""
        self.error_console.soft_wrap = True
        self.exit(return_code=1, message=Text(f"lede: {line}"))

    def _rebuild_damaged(self) -> None:
        """Build the index again, once, when a read found it damaged (UI thread)."""
        if not self._rebuilding:
            self._rebuilding = True
            self.index_corpus(damaged=True)

    @work(thread=True, exclusive=True, group="index", exit_on_error=False)
    def index_corpus(self, damaged: bool = False, asked: bool = False) -> None:
        """Bring the index up to date (``damaged``: build it again); the reader stays
        usable and fills in as it goes. ``asked``: by a person (``r``), who is then shown
        the index as it is, whoever brought it up to date (see ``_index_done``)."""
        assert self.session is not None
        worker = get_current_worker()
        reloaded = [0.0]  # when the list was last refilled; the first report refills at once
        ended = [False]  # a report still queued once indexing has ended is dropped
        waited = [False]  # another lede indexed meanwhile: what it stored is news here
        told = [""]  # whom this refresh said it waits for

        def progress(done: int, total: int) -> None:
            if worker.is_cancelled:
                raise InterruptedError
            # The bar is one row repainted; refilling the list and counts costs more, so
            # once a second keeps the UI responsive. Told through the app's queue, which
            # does not hold the indexer up.
            reload = time.monotonic() - reloaded[0] >= RELOAD_EVERY
            if reload:
                reloaded[0] = time.monotonic()
            self.call_later(self._indexed, done, total, reload, ended)

        def waiting(whom: str) -> None:  # another lede indexes this corpus, or a program
            if worker.is_cancelled:  # holds the index
                raise InterruptedError
            waited[0] = True
            said = f"waiting for {whom}…"
            if told[0] != said:  # once by this refresh (one cancelled by `r` said it before)
                told[0] = said
                self.call_from_thread(self._waiting_for, whom)
                if by_program(whom) or asked:  # which may hold it for long, or after `r`:
                    severity = "warning" if by_program(whom) else "information"  # on screen
                    self.call_from_thread(
                        self.notify, f"Waiting for {whom}…", severity=severity, markup=False
                    )

        if self.follower is not None:  # needs no watcher: the full scan comes after
            self.follower.look_at_recent(waiting)
            self.follower.wait_until_watching()
        try:
            report = self.session.refresh(progress, waiting, damaged=damaged)
            errors = self.session.errors()
        except InterruptedError:
            ended[0] = True
            return
        except Exception as error:  # noqa: BLE001 - shown to the user, never a traceback
            ended[0] = True
            if filled_its_disk(error):
                self.call_from_thread(self.end_on_a_full_disk)
                return
            self.call_from_thread(
                self.notify, f"Indexing failed: {error}", severity="error", markup=False
            )
            self.call_from_thread(self._index_done, False, [])
            return
        if report.rebuilt:
            self.call_from_thread(self.notify, REBUILT, severity="warning", timeout=8)
        ended[0] = True
        # Another lede may have stored the files before this one asked to: none waited.
        changed = report.parsed or report.removed or waited[0] or self.session.counts_behind()
        self.call_from_thread(self._index_done, changed, errors, asked)

    def _waiting_for(self, whom: str) -> None:
        self.sub_title = f"waiting for {whom}…"
        if (reader := self.reader_screen()) is not None:
            reader.show_waiting(whom)

    def _indexed(self, done: int, total: int, reload: bool, ended: list[bool]) -> None:
        reader = self.reader_screen()
        if reader is not None and not ended[0]:
            self.sub_title = f"indexing {done}/{total}" if total else f"indexing {done}…"
            reader.show_indexing(done, total)
            if reload and not self._rebuilding:  # until rebuilt, the list reads the damage
                reader.reload()

    def _index_done(self, changed: bool, problems: list[Problem], asked: bool = False) -> None:
        """Indexing ended; ``changed``: the index holds other articles than when the
        reader first counted them (stored here, or by another lede it waited for);
        ``asked``: by ``r``, after which the tree is counted again whatever this found
        (the list is refilled in any case)."""
        keep_out_of_collections()
        self._rebuilding = False
        self.sub_title = ""
        if reader := self.reader_screen():
            reader.indexing_done()
            if changed:
                reader.reload()
            elif asked:
                reader.refresh_tree()
        if self.follower is not None:  # the pages just indexed may go up or down soon
            self.follower.follow_the_clock()
        self.show_problems(problems)
        said = self.session.collections_not_found() if self.session else None
        if said:
            self.notify(said, severity="warning", timeout=10, markup=False)
        left_out = self.session.stream.languages_left_out() if self.session else None
        if left_out and not self._languages_said:
            self._languages_said = True
            self.notify(left_out, timeout=10, markup=False)

    def show_problems(self, problems: list[Problem]) -> None:
        """The first problem that kept a document out, and how many more there are."""
        if problems:
            first = problems[0]
            more = f" (and {len(problems) - 1} more; run lede check)" if len(problems) > 1 else ""
            self.notify(
                f"{first}{more}",
                title="Some documents could not be read",
                severity="warning",
                markup=False,
                timeout=8,
            )
