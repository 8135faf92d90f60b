"""Writes to the reading state, off the UI thread and in order, for the reader's screen.

Kept apart from the commands that ask for them: each write is queued on the state's
writing thread, its result comes back as a message, and a write that could not be saved
is said once while its words are on screen.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass
from functools import partial
from typing import Any

from textual import on, work
from textual.message import Message
from textual.screen import Screen

from library.session import ReaderSession
from library.state import Flag, StateChange, StateStore
from library.state_writes import NotSaved

FAILURE_SHOWN = 8  # seconds the note of a write to the reading state that failed stays


class StateWriting(Screen[None]):
    """Queue writes to the reading state and show what they changed."""

    session: ReaderSession
    _failure_said = ("", 0.0)  # the last note of a write that failed, and until when it shows

    @dataclass
    class StateWritten(Message):
        """A write to the reading state finished (``failure`` says why it did not)."""

        result: Any
        done: Callable[[Any], None]
        failure: str = ""

    def write_state(self, write: Callable[[StateStore], Any], done: Callable[[Any], None]) -> None:
        """Queue ``write`` on the state's writing thread (in order; see ``StateWrites``);
        ``done`` gets its result here. Keys go on being answered meanwhile, and a write
        that cannot be saved (locked by another program, a full disk) is a message."""
        self._await_write(self.session.writes.submit(write), done)

    @work(thread=True, group="state", exit_on_error=False)
    def _await_write(self, future: Future[Any], done: Callable[[Any], None]) -> None:
        try:
            self.post_message(self.StateWritten(future.result(), done))
        except NotSaved as error:
            self.post_message(self.StateWritten(None, done, str(error)))

    @on(StateWritten)
    def _state_written(self, event: StateWritten) -> None:
        self.session.state_changed_elsewhere()  # this write is shown here already
        if event.failure:
            self._say_failure(event.failure)
        else:
            event.done(event.result)

    def _say_failure(self, failure: str) -> None:
        """Say why a write was not saved, once while the same words are on screen: on a
        full disk each key of a run of them stacked one more note, until they hid the list."""
        said, until = self._failure_said
        now = time.monotonic()
        if failure != said or now >= until:
            self._failure_said = (failure, now + FAILURE_SHOWN)
            self.notify(failure, severity="error", markup=False, timeout=FAILURE_SHOWN)

    def change_flag(
        self,
        flag: Flag,
        identities: list[str],
        value: bool,
        said: Callable[[StateChange], None] | None = None,
    ) -> None:
        """Set or clear a flag, then repaint what depends on it and call ``said``."""

        def changed(change: StateChange) -> None:
            if change.identities:
                self.after_state_change()
            if said is not None:
                said(change)

        self.write_state(partial(self.session.set_flag, flag, identities, value), changed)

    def after_state_change(self) -> None:
        """Re-run the query (an is:unread list changes) and the counts after a change."""
        self.refresh_list()
        self.refresh_tree()

    def refresh_list(self, follow: bool = True, moved: bool = False) -> None:
        """Run the scope and filter again and show the result (the screen's own)."""
        raise NotImplementedError

    def refresh_tree(self) -> None:
        """Count the tree again (the screen's own)."""
        raise NotImplementedError
