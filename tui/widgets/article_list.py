"""The article list: a virtual list that renders only the rows on screen.

It holds a ResultSet (ids, with rows fetched a page at a time; never widgets
per article) and paints with the Line API, so 50,000 articles cost no more to
show or scroll than 50.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

from rich.cells import set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding
from textual.cache import LRUCache
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from library.results import ArticleRow, ResultSet
from library.story_map import StoryResults
from tui.cell_width import same_width
from tui.textual_internals import update_scrollbar, virtual_size_without_layout
from tui.widgets.article_list_styles import PARTS, STYLES
from tui.widgets.article_row import RowLook, is_unread, paint_row, row_look, row_tag, shown_row

# Painted rows kept by what they show. A filter keystroke mostly shows articles that were
# on screen a moment before, moved up or down: painting them again was a third of the
# cost of the new list reaching the screen.
LINES_KEPT = 256


class ArticleList(ScrollView, can_focus=True):
    """The articles that match the current topic and filter, one per line."""

    BINDINGS = [
        Binding("j,down", "cursor_down", "Down", show=False, id="list.down"),
        Binding("k,up", "cursor_up", "Up", show=False, id="list.up"),
        Binding("g,home", "first", "First", show=False, id="list.first"),
        Binding("G,end", "last", "Last", show=False, id="list.last"),
        Binding("pagedown", "page_down", "Page down", show=False, id="list.page_down"),
        Binding("pageup", "page_up", "Page up", show=False, id="list.page_up"),
        Binding("enter", "open", "Open", id="list.open"),
        Binding(
            "right", "open_story", "Open a story to its sources", show=False, id="list.open_story"
        ),
        Binding("n", "to_unread(1)", "Next unread", show=False, id="list.next_unread"),
        Binding("N", "to_unread(-1)", "Prev unread", show=False, id="list.previous_unread"),
    ]

    COMPONENT_CLASSES = PARTS
    SCOPED_CSS = False  # see ``article_list_styles``
    DEFAULT_CSS = STYLES

    cursor = 0
    """Position of the highlighted row; ``set_cursor`` moves it and repaints only two rows."""

    # The list's size comes from the layout, never from its rows: a new number of rows only
    # moves the scrollbar, and a layout of the whole screen on every filter keystroke that
    # changes the count would cost more than the query. See ``watch_virtual_size``.
    virtual_size = virtual_size_without_layout()

    @dataclass
    class Highlighted(Message):
        """The cursor moved onto an article."""

        article_list: ArticleList
        row: ArticleRow | None

        @property
        def control(self) -> ArticleList:
            return self.article_list

        def can_replace(self, message: Message) -> bool:
            """Holding ``j`` only needs the last position."""
            return isinstance(message, ArticleList.Highlighted)

    @dataclass
    class Opened(Message):
        """The user opened the article under the cursor."""

        article_list: ArticleList
        row: ArticleRow

        @property
        def control(self) -> ArticleList:
            return self.article_list

    @dataclass
    class NewAbove(Message):
        """How many rows came in above the top of the view and are not yet scrolled to."""

        article_list: ArticleList
        count: int

        @property
        def control(self) -> ArticleList:
            return self.article_list

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.new_above = 0  # see ``arrived_above``
        self.results: ResultSet | None = None
        self.read: set[str] = set()
        self.starred: set[str] = set()
        self.empty_text = "No articles"
        self.home: frozenset[str] = frozenset()  # see ``set_home``
        self.providers = True
        self.chosen: int | None = None
        """The article a person last put the cursor on or opened (never new results)."""
        self.lost: ArticleRow | None = None
        """The article a person was on when its file went, until it is back or they move."""
        self._base_style: Style | None = None
        self._looks: dict[tuple[bool, bool, bool, bool], RowLook] = {}
        self._lines: LRUCache[tuple, Strip] = LRUCache(LINES_KEPT)

    # -- data in ------------------------------------------------------------------------

    def show(
        self,
        results: ResultSet,
        *,
        keep: int | None = None,
        empty: str = "",
        stay: bool = False,
        back: int | None = None,
    ) -> None:
        """Replace the results; the cursor goes to the article a person chose, else to
        ``keep`` (the one under the cursor) if shown, else where it ``stay``s (a file
        removed: the next one is chosen) or to the top (a word half typed moved it to a
        match the whole word kept). ``back``: the id the ``lost`` article is stored under
        again, its file come back (a folder moved away and back, a checkout undone). The
        same results again (typing on in a word that finds the same articles) change
        nothing: no repaint, no cursor move."""
        empty_text = same_width(empty) or self.empty_text  # what an empty list says
        if results is self.results and empty_text == self.empty_text:
            return
        before = self.current
        if keep is not None and before is not None and before.id == self.chosen:
            self.chosen = keep  # by its id in these results: a changed file's is new
        if not stay:  # the person changed the list: what it lost is not looked for
            self.lost = None
            self._note_new_above(0)
        elif back is not None and results.position_of(back) is not None:
            self.chosen, self.lost = back, None
        self.empty_text, self.results = empty_text, results
        # Until the article lost is back, the one the cursor came to is not kept by id.
        wanted = keep if self.chosen is None and self.lost is None else self.chosen
        position = results.position_of(wanted) if wanted is not None else None
        self.virtual_size = Size(0, len(results))  # rows fit the width: no sideways scrolling
        self.refresh()
        self.set_cursor(self.cursor if position is None and stay else position or 0, new_rows=True)
        if position is None and stay and before is not None and before.id == wanted:
            # The person's article went: the one on its line now is theirs (else news
            # arriving above moved the cursor off it), until theirs comes back. A list
            # that emptied has none there: the first file back was kept, and the cursor
            # stays on the top line, the newest, as the rest come.
            self.lost = self.lost or before
            self.chosen = row.id if (row := self.current) else self.chosen

    def arrived_above(self, rows: int) -> None:
        """``rows`` came in above the article under the cursor while it kept its line on
        the screen: those above the view are counted until scrolled to (the newest are
        on top), so that news come in out of sight is said, not missed."""
        self._note_new_above(min(self.new_above + rows, int(self.scroll_offset.y)))

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        if self.new_above > new_value:  # scrolled up to some of them
            self._note_new_above(int(new_value))

    def _note_new_above(self, count: int) -> None:
        if count != self.new_above:
            self.new_above = max(0, count)
            self.post_message(self.NewAbove(self, self.new_above))

    def watch_virtual_size(self, old: Size, new: Size) -> None:
        """Update the scrollbar for a new number of rows, painting it only if it changed."""
        update_scrollbar(self, old, new)
        if bool(old.height) != bool(new.height):  # the keys that act on a row come or go
            self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """``enter`` and ``→`` open a row: the footer of an empty list offered "Open"."""
        return action not in ("open", "open_story") or self.count > 0

    @property
    def count(self) -> int:
        """How many articles are shown."""
        return len(self.results) if self.results is not None else 0

    def set_flags(self, read: set[str], starred: set[str]) -> None:
        """Update which identities are read and starred, and repaint if they changed (the
        sets are replaced, never changed in place, when the reading state moves)."""
        if read is not self.read or starred is not self.starred:
            self.read = read
            self.starred = starred
            self.refresh()

    def set_home(self, collections: frozenset[str], providers: bool) -> None:
        """Which collections' items go unmarked (see ``row_tag``), and whether any article
        names a provider (else the titles take its column); rows painted are painted again."""
        if (collections, providers) != (self.home, self.providers):
            self.home, self.providers = collections, providers
            self._lines.clear()
            self.refresh()

    @property
    def current(self) -> ArticleRow | None:
        """The row under the cursor."""
        if self.results is None or not 0 <= self.cursor < len(self.results):
            return None
        return self.results.row(self.cursor)

    # -- cursor -------------------------------------------------------------------------

    def set_cursor(self, position: int, *, new_rows: bool = False) -> None:
        """Move the cursor (clamped), scroll it into view and announce it. With
        ``new_rows`` (new results, which the caller repaints whole) it is announced even
        where it stands, and no single row is repainted: each such repaint cost as much
        as the whole list's."""
        position = max(0, min(position, self.count - 1))
        if position == self.cursor and not new_rows:
            return
        previous = self.cursor
        self.cursor = position
        row = self.current
        if not new_rows:
            self.chosen, self.lost = (row.id if row else None), None
            self.refresh_row(previous)
            self.refresh_row(position)
        self.scroll_to_region(Region(0, position, 1, 1), animate=False, immediate=True)
        self.post_message(self.Highlighted(self, row))

    def refresh_row(self, row: int) -> None:
        """Repaint one list row if it is on screen."""
        y = row - int(self.scroll_offset.y)
        if 0 <= y < self.size.height:
            self.refresh(Region(0, y, self.row_width, 1))

    def action_cursor_down(self) -> None:
        self.set_cursor(self.cursor + 1)

    def action_cursor_up(self) -> None:
        self.set_cursor(self.cursor - 1)

    def action_first(self) -> None:
        self.set_cursor(0)

    def action_last(self) -> None:
        self.set_cursor(self.count - 1)

    def action_page_down(self) -> None:
        self.set_cursor(self.cursor + max(1, self.size.height - 1))

    def action_page_up(self) -> None:
        self.set_cursor(self.cursor - max(1, self.size.height - 1))

    def action_open(self) -> None:
        if (row := self.current) is not None:
            self.chosen = row.id
            self.post_message(self.Opened(self, row))

    @property
    def current_story(self) -> str | None:
        """The story of the row under the cursor, when the row stands for several sources."""
        results = self.results
        return results.story_at(self.cursor) if isinstance(results, StoryResults) else None

    def action_open_story(self) -> None:
        if self.current_story is not None:
            self.action_open()

    def _find_unread(self, start: int, end: int, step: int) -> int | None:
        """The first unread row from ``start`` on, by ``step``, before ``end``."""
        for position in range(start, end, step):
            if self.results is not None and is_unread(self.results, position, self.read):
                return position
        return None

    def action_to_unread(self, step: int) -> bool:
        """Move to the next (1) or previous (-1) unread article, on from the other end of
        the list past this one's, as vim's ``n`` goes on past the end of a file: reading
        with ``n`` from the middle of a list stopped at its end, the unread above left
        behind. Whether there was one."""
        found = self._find_unread(self.cursor + step, self.count if step > 0 else -1, step)
        if found is None:
            found = self._find_unread(0 if step > 0 else self.count - 1, self.cursor, step)
            if found is None:
                self.notify("No other unread article in this list", timeout=2)
                return False
            if step > 0:
                self.notify("No more unread below: on from the top", timeout=2)
            else:
                self.notify("No unread above: on from the bottom", timeout=2)
        self.set_cursor(found)
        return True

    async def _on_click(self, event: events.Click) -> None:
        position = int(self.scroll_offset.y) + event.y
        if 0 <= position < self.count:
            if position == self.cursor and event.chain >= 2:
                self.action_open()
            self.set_cursor(position)

    # -- painting -----------------------------------------------------------------------

    @property
    def row_width(self) -> int:
        """Cells a row may use: the widget's width less its vertical scrollbar. Worked out
        from the size the layout gave the widget: ``scrollable_content_region`` asks the
        compositor, which took a third of the time of painting a row."""
        return self.container_size.width - self.scrollbar_size_vertical

    @property
    def base_style(self) -> Style:
        """The widget's own style, kept until its styles change: ``rich_style`` walks all
        the ancestors, which was half the cost of painting a row."""
        if self._base_style is None:
            self._base_style = self.rich_style
        return self._base_style

    def _look(self, unread: bool, cursor: bool, unpublished: bool) -> RowLook:
        """The styles of a row's parts, worked out once per kind of row until the styles
        change: asking the component styles for each part of each row was a third of the
        cost of painting it."""
        kind = (unread, cursor, cursor and self.has_focus, unpublished)
        look = self._looks.get(kind)
        if look is None:
            look = row_look(self.get_component_rich_style, self.base_style, *kind)
            self._looks[kind] = look
        return look

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._base_style = None
        self._looks.clear()
        self._lines.clear()

    def render_line(self, y: int) -> Strip:
        width = self.row_width
        position = int(self.scroll_offset.y) + y
        base = self.base_style
        if not self.count:  # why, in lines as wide as the list (its end was cut off)
            lines = textwrap.wrap(self.empty_text, max(width - 2, 8), break_on_hyphens=False)
            if y < len(lines):
                style = base + self.get_component_rich_style("article-list--empty")
                return Strip([Segment(set_cell_size(f" {lines[y]}", width), style)])
            return Strip.blank(width, base)
        if position >= self.count or self.results is None:
            return Strip.blank(width, base)
        row, unread, starred, note = shown_row(self.results, position, self.read, self.starred)
        cursor = position == self.cursor
        key = (row, unread, starred, cursor, cursor and self.has_focus, width, note)
        strip = self._lines.get(key)
        if strip is None:
            strip = self._paint(row, unread, starred, cursor, width, note)
            self._lines[key] = strip
        return strip

    def _paint(
        self, row: ArticleRow, unread: bool, starred: bool, cursor: bool, width: int, note: str
    ) -> Strip:
        look, tag = self._look(unread, cursor, not row.is_published), row_tag(row, self.home)
        return paint_row(row, look, unread, starred, tag, width, note, self.providers)
