"""The line above the article list: scope, filter, counts and sort, cut to fit its width.

The counts are what a person looks for while typing a filter, so they are never cut.
The sort gives way when it would leave the scope and filter fewer than ``MIN_HEAD``
cells, and a longer filter (then the scope) is cut with an ellipsis. The parts are laid
out at render time from the width the line has, so a resize lays them out again and an
update is a repaint of one row.
"""

from __future__ import annotations

from textual.content import Content
from textual.widget import Widget

GAP = "  "
MIN_HEAD = 24  # "All articles  filter: ab": room for the scope and the filter's start


class ListStatus(Widget):
    """One row summarising what the list shows; updating it never needs a layout pass."""

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
        self._sort = Content("")
        self._error: Content | None = None

    def show_counts(
        self,
        scope: str,
        filter_text: str,
        shown: int,
        unread: int,
        sort: str,
        *,
        hidden: bool = False,
    ) -> None:
        """Show what the list holds (``hidden``: unpublished articles are left out); the
        user's filter text is never read as markup."""
        self._head = Content.styled(scope, "bold")
        if filter_text:
            self._head += Content.assemble((f"{GAP}filter: ", "dim"), filter_text)
        counts = f"{shown} article{'' if shown == 1 else 's'} · {unread} unread"
        self._counts = Content(counts + (" · unpublished hidden" if hidden else ""))
        self._sort = Content.styled(f"sort: {sort}", "dim")
        self._error = None
        self.refresh()

    def show_error(self, message: str) -> None:
        """Show why the query cannot run, in place of the counts."""
        self._error = Content.assemble(("⚠ ", "$error"), (message, "$error"))
        self.refresh()

    def render(self) -> Content:
        width = self.content_size.width
        if self._error is not None:
            return self._error.truncate(width, ellipsis=True)
        return fit(width, self._head, self._counts, self._sort)


def fit(width: int, head: Content, counts: Content, sort: Content) -> Content:
    """``head  counts  sort`` in ``width`` cells: the head is cut first, the counts last."""
    room = width - counts.cell_length - len(GAP)
    with_sort = room - len(GAP) - sort.cell_length >= min(head.cell_length, MIN_HEAD)
    if with_sort:
        room -= len(GAP) + sort.cell_length
    if room <= 0:
        return counts.truncate(width, ellipsis=True)
    parts = [head.truncate(room, ellipsis=True), Content(GAP), counts]
    if with_sort:
        parts += [Content(GAP), sort]
    return Content("").join(parts)
