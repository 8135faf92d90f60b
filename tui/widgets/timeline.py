"""One line above the list: its articles over time, as bars of block characters.

The list changes on every filter keystroke; the timeline does not keep up key for
key. It is counted once the list has rested for a moment, in a thread, and comes back
as a message, so typing never waits for it. Where the cursor's article falls is marked.
"""

from __future__ import annotations

from array import array
from dataclasses import dataclass
from time import monotonic
from typing import TYPE_CHECKING

from textual import on, work
from textual.content import Content
from textual.message import Message
from textual.timer import Timer
from textual.widget import Widget

if TYPE_CHECKING:
    from library.timeline import DatesById, Histogram

BARS = "▁▂▃▄▅▆▇█"
DEBOUNCE = 0.25  # seconds the list rests before it is counted again


def bar_of(count: int, largest: int) -> str:
    """A block as high as ``count`` is of ``largest``; a space for none, a sliver for few."""
    if count <= 0 or largest <= 0:
        return " "
    return BARS[max(0, min(len(BARS) - 1, round(count * len(BARS) / largest) - 1))]


class Timeline(Widget):
    """The list's articles per day, week or month over their span, with the cursor's
    article marked."""

    DEFAULT_CSS = """
    Timeline {
        height: 1;
        padding: 0 1;
        color: $primary;
    }
    """

    @dataclass
    class Counted(Message):
        """A histogram counted in a thread, for the ids it was counted from."""

        ids: array[int]
        histogram: Histogram | None

    def __init__(self, dates: DatesById, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.dates = dates
        self.histogram: Histogram | None = None
        self.marked: int | None = None  # the published time of the cursor's article
        self._ids: array[int] | None = None  # what the list shows
        self._counted: array[int] | None = None  # what the histogram counts
        self._timer: Timer | None = None
        self._changed_at = 0.0  # when the list last changed (monotonic seconds)

    @property
    def pending(self) -> bool:
        """True while the histogram does not yet count what the list shows."""
        return self._ids is not self._counted

    def follow(self, ids: array[int]) -> None:
        """The list now shows ``ids``: count them once it rests (at once the first time).

        A keystroke only notes the time: one timer, started by the first key of a burst,
        waits until no key came for ``DEBOUNCE`` seconds (no timer made per key)."""
        if ids is self._ids:
            return
        self._ids = ids
        self._changed_at = monotonic()
        if self._counted is None:
            self.call_after_refresh(self._start)
        elif self._timer is None:
            self._timer = self.set_timer(DEBOUNCE, self._rested)

    def _rested(self) -> None:
        """Count now if the list has rested long enough, else wait for the rest of it."""
        self._timer = None
        remaining = self._changed_at + DEBOUNCE - monotonic()
        if remaining > 0.01:
            self._timer = self.set_timer(remaining, self._rested)
        else:
            self._start()

    def forget(self) -> None:
        """The index changed: dates are read again, and the list counted again (even if
        the list itself did not change)."""
        self.dates.forget()
        self._counted = None
        if self._ids is not None:
            self.call_after_refresh(self._start)

    def mark(self, published: int | None) -> None:
        """Mark where the cursor's article falls."""
        if published != self.marked:
            self.marked = published
            self.refresh()

    def on_resize(self) -> None:
        if self._ids is not None:
            self._counted = None
            self._start()

    def _start(self) -> None:
        if self._ids is not None and self.is_attached:
            self._count(self._ids, self._bar_width())

    def _bar_width(self) -> int:
        width = self.content_region.width or self.size.width
        return max(1, width - 2 * (len("2021-03-08") + 1))

    # Named: a worker is otherwise described by the repr of its arguments, here every id.
    @work(thread=True, exclusive=True, group="timeline", exit_on_error=False, description="count")
    def _count(self, ids: array[int], width: int) -> None:
        import numpy

        from library.timeline import histogram

        chosen = numpy.frombuffer(ids, numpy.int64) if len(ids) else numpy.empty(0, numpy.int64)
        dates = self.dates.load(int(chosen.max()) if len(chosen) else 0)
        self.post_message(self.Counted(ids, histogram(dates, chosen, width)))

    @on(Counted)
    def _counted_ready(self, event: Counted) -> None:
        event.stop()
        if event.ids is not self._ids:
            return  # the list moved on while it was counted
        self._counted = event.ids
        self.histogram = event.histogram
        self.refresh()

    def render(self) -> Content:
        histogram = self.histogram
        if histogram is None:
            return Content("")
        label, marker = "$text-muted", "reverse $accent"
        largest = max(histogram.counts)
        marked = histogram.bucket_of(self.marked)
        bars = [
            (bar_of(count, largest), marker if bucket == marked else "")
            for bucket, count in enumerate(histogram.counts)
        ]
        first, last = histogram.ends
        return Content.assemble((first + " ", label), *bars, (" " + last, label))
