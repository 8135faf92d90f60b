"""The line above the article list: scope, counts, stories and sort, cut to fit.

The counts (articles, unread) are what a person looks for while typing a filter, so they
are never cut. The number of story rows, then the sort (first to a short form, "by
title"), give way when they would leave the scope fewer than ``MIN_HEAD`` cells, and a
longer scope (or story's title) is cut with an ellipsis. The filter is not repeated: the
field above the line shows it, and here it took the room of the sort. The sort gives way
last: nothing else on screen says which it is. The parts are laid out at render time
from the width the line has, so a resize lays them out again and an update is a repaint
of one row. A query's error is the exception: it takes the rows it
needs, so that what it says to type is read whole (a three-pane window gave the list
some sixty columns, and the filters an unknown one named were cut after the fourth).
"""

from __future__ import annotations

from textual.content import Content
from textual.timer import Timer
from textual.widget import Widget

from library.counts import plural
from library.results import ResultSet
from tui.cell_width import same_width
from tui.progress import BAR_WIDTH, progress_line

GAP = "  "
MIN_HEAD = 24  # "All articles  sources of Ab": room for the scope and a title's start
PULSE_EVERY = 0.2  # seconds between steps of the bar while the files are being counted


class ListStatus(Widget):
    """One row summarising what the list shows; updating it needs no layout pass but
    where an error comes, goes or changes how many rows it wraps to."""

    DEFAULT_CSS = """
    ListStatus {
        width: 1fr;
        height: 1;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._head = Content("")
        self._counts = Content("")
        self._articles = Content("")  # the counts while indexing, when all are new anyway
        self._stories = Content("")  # the rows stories make, when fewer than the articles
        self._new_above = Content("")  # rows come in above the view (``show_new_above``)
        self._sort: tuple[Content, ...] = ()  # its forms, the widest first
        self._error: Content | None = None
        self._rows = 1  # the height set: one row, or those the error wraps to
        self._progress: tuple[int, int] | None = None  # (done, total) while indexing
        self._waiting: Content | None = None  # whom indexing waits for, until it goes on
        self._tick = 0
        self._pulse: Timer | None = None

    def show_results(
        self,
        scope: str,
        results: ResultSet | None,
        sort: str,
        *,
        hidden: bool = False,
        story: str = "",
    ) -> None:
        """Show what the list holds: its articles, and the rows they make when stories
        group them (the tree counts articles too, so the two agree); ``hidden``:
        unpublished articles are left out; ``story``: the title of the story whose
        sources the list holds, named after the scope. A title is never read as markup."""
        self._head = Content.styled(same_width(scope), "bold")
        if story:
            self._head += Content.assemble((f"{GAP}sources of ", "dim"), same_width(story))
        rows = len(results) if results is not None else 0
        articles = results.articles if results is not None else 0
        self._articles = Content(plural(articles, "article"))
        self._counts = (
            self._articles + f" · {results.unread if results is not None else 0:,} unread"
        )
        if hidden:
            self._counts += " · unpublished hidden"
        stories = f" · {plural(rows, 'story', 'stories')}" if rows < articles else ""
        self._stories = Content(stories)
        self._sort = tuple(
            Content(GAP) + Content.styled(form, "dim") for form in (f"sort: {sort}", f"by {sort}")
        )
        self._error = None
        self._fit_rows()
        self.refresh()

    def show_new_above(self, count: int) -> None:
        """Say how many rows came in above the top of the list's view, kept with the
        counts until scrolled to: the article read keeps its line as news arrive, so
        they go up out of sight, and a note of them went after three seconds."""
        self._new_above = (
            Content.styled(f" · {count:,} new above ↑", "$text-accent") if count else Content("")
        )
        self.refresh()

    def show_error(self, message: str) -> None:
        """Show why the query cannot run, in place of the counts, wrapped."""
        self._error = Content.assemble(("⚠ ", "$text-error"), (message, "$text-error"))
        self._fit_rows()
        self.refresh()

    def on_resize(self) -> None:
        self._fit_rows()

    def _fit_rows(self) -> None:
        """Take the rows the error wraps to at this width, one without it."""
        width = self.content_size.width
        rows = len(self._error.wrap(width)) if self._error is not None and width > 0 else 1
        if rows != self._rows:
            self._rows = rows
            self.styles.height = rows

    def show_waiting(self, whom: str) -> None:
        """Say whom indexing waits for (another lede, a program holding the index), in
        place of the sort or the bar, until indexing goes on or ends. The reader has no
        title bar: said there, a reader started beside another lede's indexing showed a
        part of the articles for as long as it took and never said why."""
        self._waiting = Content.styled(f"waiting for {whom}…", "$text-warning")
        self.refresh()

    def show_progress(self, done: int, total: int) -> None:
        """Show indexing progress after the counts, in place of the sort and kept like the
        counts, until ``end_progress``; while the total is not known (0) the bar moves by
        itself. Each report repaints one row."""
        self._progress = (done, total)
        self._waiting = None
        if total <= 0 and self._pulse is None:
            self._pulse = self.set_interval(PULSE_EVERY, self._step)
        elif total > 0 and self._pulse is not None:
            self._pulse.stop()
            self._pulse = None
        self.refresh()

    def end_progress(self) -> None:
        """Indexing is over: the sort comes back."""
        if self._pulse is not None:
            self._pulse.stop()
            self._pulse = None
        self._progress = None
        self._waiting = None
        self.refresh()

    def _step(self) -> None:
        self._tick += 1
        self.refresh()

    def progress_text(self, width: int = BAR_WIDTH) -> str:
        """The progress line shown while indexing, with a bar ``width`` cells wide ('' when
        not indexing)."""
        if self._progress is None:
            return ""
        return progress_line(*self._progress, tick=self._tick, width=width)

    def render(self) -> Content:
        width = self.content_size.width
        if self._error is not None:
            return self._error
        if self._waiting is not None:  # the counts then say how much has been stored
            return fit(width, self._head, self._articles + GAP + self._waiting)
        if self._progress is not None:
            # Kept like the counts, the bar as wide as the row leaves room for, within bounds.
            counts = self._articles + GAP
            room = width - counts.cell_length - len(self.progress_text(0)) - 1
            progress = self.progress_text(max(0, min(BAR_WIDTH, room - len(GAP) - 8)))
            return fit(width, self._head, counts + Content.styled(progress, "$foreground"))
        counts = self._counts + self._new_above
        return fit(width, self._head, counts, (self._stories,), self._sort)


def fit(width: int, head: Content, counts: Content, *extras: tuple[Content, ...]) -> Content:
    """``head  counts`` and then ``extras`` in ``width`` cells: the head is cut first, down
    to ``MIN_HEAD``; then the extras, each given as its forms from the widest, give way,
    the first first, each to a shorter form of it before none; the counts never."""
    room = width - counts.cell_length - len(GAP)
    least = min(head.cell_length, MIN_HEAD)
    kept: list[Content] = []
    for forms in reversed(extras):
        form = next((form for form in forms if room - form.cell_length >= least), None)
        if form is not None:
            kept.insert(0, form)
            room -= form.cell_length
    if room <= 0:
        return counts.truncate(width, ellipsis=True)
    return Content("").join([head.truncate(room, ellipsis=True), Content(GAP), counts, *kept])
