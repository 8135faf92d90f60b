"""The filter field: an Input whose typing repaints only itself.

Textual's Input sets its virtual size on every keystroke, and a virtual size
change asks for a layout of the whole screen, which then repaints everything:
about a fifth of a filter keystroke's cost on a large corpus. This field has a
fixed size (its own ``DEFAULT_CSS``), so a repaint of the field is all a keystroke needs.

It has no validators, so it never validates: Input's validation sets its
``-valid`` class on the first keystroke, and a class change applies the
stylesheet again, a large part of that keystroke. ``-invalid`` is the reader's own,
for a query it cannot run.

Keys that come faster than the list can follow (a paste in a terminal without bracketed
paste arrives as one key per character) are typed into the field at once, and the list
catches up when they stop: a list for every key costs, over the whole paste, the square
of the query's length, minutes for a pasted page.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from textual import events
from textual.binding import Binding
from textual.message import Message
from textual.timer import Timer
from textual.widgets import Input

from library.filter_history import KEPT
from tui.textual_internals import message_clock, virtual_size_without_layout

CATCH_UP = 0.05  # seconds without keys waiting before the list catches up with the field


class FilterField(Input):
    """The ``/`` filter: an Input that never changes the layout while typing."""

    DEFAULT_CSS = """
    FilterField {
        width: 1fr;  /* a fixed size: typing then repaints the field, not the whole screen */
        height: 3;
    }
    """

    BINDINGS = [
        # A priority binding runs as Enter arrives, before the keys read with it are sent
        # on: they belong to the list, and were typed into the field while it handled Enter.
        Binding("enter", "leave", "To the list", priority=True, id="filter.leave"),
        # The screen's esc, named here for the footer, which showed no key of the field.
        Binding("escape", "screen.back", "Clear", id="filter.clear"),
        Binding("up", "recall(-1)", "Earlier filter", id="filter.earlier"),
        Binding("down", "recall(1)", "Later filter", show=False, id="filter.later"),
    ]

    virtual_size = virtual_size_without_layout()

    @dataclass
    class Used(Message):
        """A filter was used (the field left with it): the latest of the history now."""

        text: str

    def __init__(self, kept: Callable[[], list[str]] = list, **options: Any) -> None:
        """``kept`` gives the filters of earlier sessions, asked for as the field is first
        used, not as the reader starts."""
        super().__init__(validate_on=(), **options)
        self._kept: Callable[[], list[str]] | None = kept
        self._typed_at: float | None = None  # when the key being handled was typed
        self._applied_at = 0.0  # when the list last caught up with the field
        self._catching_up: Timer | None = None
        self.history: list[str] = []  # the filters left, the latest last (``remember``)
        self._recalled: int | None = None  # where ``↑`` and ``↓`` are in ``history``
        self._draft = ""  # what was typed before ``↑``, which ``↓`` comes back to

    def on_focus(self) -> None:
        """The filters of earlier sessions come before this one's, on first use."""
        if self._kept is not None:
            earlier = [text for text in self._kept() if text not in self.history]
            self._kept = None
            self.history = [*earlier, *self.history][-KEPT:]

    def on_blur(self) -> None:
        """Leaving the field (Enter, tab, a click) uses its filter: it is remembered. One
        cleared with esc leaves nothing to remember."""
        self._recalled = None
        text = self.value.strip()
        if text:
            if text in self.history:  # used again: once, as the latest
                self.history.remove(text)
            self.history.append(text)
            del self.history[:-KEPT]
            self.post_message(self.Used(text))

    def action_recall(self, step: int) -> None:
        """``↑`` (``step`` -1) and ``↓`` (1): an earlier or a later filter used,
        and past the latest, what was being typed; the list follows as when typing."""
        at = self._recalled
        if at is None:
            self._draft = self.value
            # The filter shown is the latest one used: ``↑`` goes on to the one before.
            latest = bool(self.history) and self.history[-1] == self.value.strip()
            at = len(self.history) - latest
        at = min(max(at + step, 0), len(self.history))
        self._recalled = None if at == len(self.history) else at
        self.value = self._draft if self._recalled is None else self.history[at]
        self.cursor_position = len(self.value)

    def action_leave(self) -> None:
        """Enter: on to the list after the field, as tab goes there (at once: see the
        binding); the filter is then whole, and a mistake left in it is said."""
        self.screen.focus_next()

    async def _on_key(self, event: events.Key) -> None:
        """Noted before Input's own handler types the key (Textual calls both)."""
        self._typed_at = event.time

    def apply(self, show: Callable[[], None]) -> None:
        """Call ``show`` (the list for the field's text) now, unless the key just typed
        waited while the list was made for an earlier one: then keys are coming faster
        than lists, and ``show`` waits until they stop. A change made by the reader
        itself, not by a key, is shown at once."""
        typed, self._typed_at = self._typed_at, None
        if self._catching_up is not None:
            self._catching_up.stop()
        if typed is not None and typed < self._applied_at:
            self._catching_up = self.set_timer(CATCH_UP, lambda: self._show(show))
        else:
            self._show(show)

    def _show(self, show: Callable[[], None]) -> None:
        self._catching_up = None
        show()
        self._applied_at = message_clock()
