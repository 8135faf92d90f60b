"""Moving between the reader's panes: to the next one, into the filter, and back out of
whatever is innermost.

Kept apart from ``MainScreen``, which composes the panes and routes their messages: where
the focus goes and what the list shows change for different reasons.
"""

from __future__ import annotations

from textual.widgets import Input

from tui.screens.commands import ReaderCommands
from tui.screens.detail_loading import DetailLoading
from tui.widgets.article_list import ArticleList
from tui.widgets.detail_view import DetailView

PANES = ("#topics", "#articles", "#detail")


class PaneNavigation(ReaderCommands, DetailLoading):
    """The keys that move the focus: ``tab``, ``/``, ``esc`` and ``←``."""

    filter_text: str

    def action_focus_pane(self, step: int) -> None:
        visible = [
            pane
            for pane in PANES
            if self.query_one(pane).display and self.query_one(pane).styles.display != "none"
        ]
        focused = self.focused
        within = [focused, *focused.ancestors] if focused is not None else []
        current = next(
            (i for i, pane in enumerate(visible) if self.query_one(pane) in within),
            1 if "#articles" in visible else 0,
        )
        # At once, not on the loop's next turn (as ``focus`` does): a key typed straight
        # after belongs to the pane moved to, and went to the one left.
        self.set_focus(self.query_one(visible[(current + step) % len(visible)]))

    def action_filter(self) -> None:
        field = self.query_one("#filter", Input)
        self.leave_story()  # its sources' filter is an id: the one that found it is edited
        field.display = True
        self.set_focus(field)  # at once, not on the next turn of the loop

    def action_back(self) -> None:
        """Leave whatever is innermost: the filter, a preview, the detail pane."""
        field = self.query_one("#filter", Input)
        detail = self.query_one("#detail", DetailView)
        if field.has_focus or (self.filter_text and not detail.has_focus_within):
            if not self.leave_story():
                field.value, field.display = "", False
            self.query_one("#articles", ArticleList).focus()
        elif detail.previewing or detail.preview_failed:  # its line goes with it
            self.show_detail(self.current_row(), force=True)
        elif detail.has_focus_within:
            self.query_one("#articles", ArticleList).focus()

    def action_close_story(self) -> None:
        """``←``: back from a story's sources to the list they were opened from, as ``→``
        on the story's row went into them (``←`` did nothing, ``esc`` alone came back)."""
        if self.in_story():
            self.action_back()
