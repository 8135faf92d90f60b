"""The main screen: topic tree, article list and detail view, and the routing between them.

Widgets render and post messages; this screen decides what happens next (attributes down,
messages up), asks its session, and takes slow answers from thread workers as messages.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Input
from textual.worker import Worker, WorkerState

from library.query import QueryError, without_filter_being_typed
from library.results import ArticleRow, ResultSet
from library.schema import SORTS
from library.scope import ALL, Scope
from library.session import ReaderSession
from library.timeline import DatesById
from library.tree_counts import TreeCounts
from tui.screens.commands import NARROW_WIDTH
from tui.screens.navigation import PaneNavigation
from tui.widgets.article_list import ArticleList
from tui.widgets.detail_view import DetailView
from tui.widgets.filter_field import FilterField
from tui.widgets.footer import ReaderFooter
from tui.widgets.list_status import ListStatus
from tui.widgets.story_sources import KEYS, SOURCE_NAMES
from tui.widgets.timeline import Timeline
from tui.widgets.topic_tree import TopicTree

SORT_ORDER = tuple(SORTS)
FEW_ROWS = 5  # rows under which the list's rows are all there is room for (``-few-rows``)


class MainScreen(PaneNavigation):
    """The three-pane reader."""

    BINDINGS = [
        Binding("tab", "focus_pane(1)", "Next pane", show=False, id="reader.next_pane"),
        Binding("shift+tab", "focus_pane(-1)", "Prev pane", show=False, id="reader.previous_pane"),
        Binding("l", "focus_pane(1)", "Next pane", show=False, id="reader.right_pane"),
        Binding("h", "focus_pane(-1)", "Prev pane", show=False, id="reader.left_pane"),
        # A priority binding runs as the key arrives, before later keys are routed, so the
        # text typed right after "/" reaches the field even when it all comes in one packet.
        Binding("slash", "filter", "Filter", priority=True, id="reader.filter"),
        Binding("t", "toggle_topics", "Topics", id="reader.toggle_topics"),
        Binding("escape", "back", "Back", show=False, id="reader.back"),
        Binding("left", "close_story", "Back from a story", show=False, id="reader.close_story"),
        Binding("m", "toggle_read", "Mark read/unread", id="reader.toggle_read", show=False),
        Binding("s", "toggle_star", "Star", id="reader.toggle_star"),
        Binding(
            "A", "mark_all_read", "Mark all shown as read", id="reader.mark_all_read", show=False
        ),
        Binding("u", "undo", "Undo", id="reader.undo", show=False),
        Binding("p", "preview", "Preview", id="reader.preview"),
        # In the detail pane, its own ``i`` (detail.image) comes first.
        Binding("i", "toggle_image", "Image", show=False, id="reader.image"),
        Binding("o", "open_in_browser", "Open in browser", id="reader.open", show=False),
        Binding("y", "copy_url", "Copy URL", id="reader.copy_url"),
        Binding("S", "cycle_sort", "Sort", id="reader.sort", show=False),
        Binding("ctrl+s", "save_filter", "Save search", show=False, id="reader.save_filter"),
        Binding(
            "U",
            "toggle_unpublished",
            "Hide/show unpublished",
            show=False,
            id="reader.toggle_unpublished",
        ),
        Binding(
            "c",
            "toggle_stories",
            "Stories grouped/ungrouped",
            show=False,
            id="reader.toggle_stories",
        ),
        *(
            Binding(
                key,
                f"open_source({key})",
                "Open a source of the story",
                show=False,
                id=f"reader.source_{name}",
            )
            for key, name in zip(KEYS, SOURCE_NAMES, strict=True)
        ),
    ]

    @classmethod
    def keys_at(cls, width: int) -> list[Binding]:
        """The bindings that do something on a terminal ``width`` cells wide, for the help:
        ``t`` only where the tree can be hidden (see ``check_action``)."""
        narrow = width < NARROW_WIDTH
        return [
            binding
            for binding in cls.BINDINGS
            if isinstance(binding, Binding) and (narrow or binding.action != "toggle_topics")
        ]

    @dataclass
    class CountsReady(Message):
        """The tree's counts, counted in a thread."""

        counts: TreeCounts

    def __init__(self, session: ReaderSession) -> None:
        super().__init__()
        self.session = session
        self.scope: Scope = ALL
        self.filter_text = ""
        self.sort = SORT_ORDER[0]
        self._indexed = False  # whether a refresh has ended: until then an empty list may fill
        self._unfinished = False  # whether the list leaves out a filter still being typed

    def compose(self) -> ComposeResult:
        with Horizontal(id="panes"):
            yield TopicTree(id="topics")
            with Vertical(id="list-pane"):
                yield FilterField(
                    placeholder='filter: words "phrase" -not topic: provider: '
                    "after: quality> is:unread collection: lang:",
                    id="filter",
                    kept=lambda: self.session.state.filter_history(),
                )
                yield ListStatus(id="list-status")
                yield Timeline(DatesById(lambda: self.session.index.db), id="timeline")
                yield ArticleList(id="articles")
            yield DetailView(id="detail")
        yield ReaderFooter()

    def on_mount(self) -> None:
        self._fit_layout()
        field = self.query_one("#filter", Input)
        field.display = False
        # Watched rather than told by a Changed message: the list then updates while the
        # keystroke is handled, and the typed letter and the new list reach the terminal in
        # one frame instead of two, each waiting for the next screen update.
        self.watch(field, "value", self._filter_changed, init=False)
        articles = self.query_one("#articles", ArticleList)
        articles.set_home(self.session.home_collections(), self.session.names_providers())
        articles.focus()
        # The list first: the tree's counts (a thread that would compete with the first
        # paint for the interpreter) and the index refresh wait until it is on screen.
        self.refresh_list()
        if not self.query_one("#articles", ArticleList).count:  # new, or empty: soon known
            self.show_indexing(0, 0)
        self.call_after_refresh(self.refresh_tree)

    def on_resize(self) -> None:
        narrow = self.size.width < NARROW_WIDTH
        tree = self.query_one("#topics", TopicTree)
        if narrow and tree.has_focus and not self.has_class("-show-topics"):
            # Hidden, the tree lost the focus to the pane after it, the detail: the list,
            # beside it, takes it, as enter on a node gives it there.
            self.set_focus(self.query_one("#articles", ArticleList))
        self._fit_layout()

    def _fit_layout(self) -> None:
        """The layout for the terminal's size; set at mount too, as the first resize
        comes after the first frame, which was laid out wide on a narrow terminal."""
        self.set_class(self.size.width < NARROW_WIDTH, "-narrow")
        self.set_class(self.size.height < FEW_ROWS, "-few-rows")

    # -- data ---------------------------------------------------------------------------

    def reload(self) -> None:
        """Re-read tree counts and the list from the index (after indexing or a change)."""
        self.query_one("#timeline", Timeline).forget()
        self.refresh_tree()
        articles = self.query_one("#articles", ArticleList)
        articles.set_home(self.session.home_collections(), self.session.names_providers())
        self.refresh_list(moved=True)

    def follow_changes(self) -> None:
        """Show what changed in the corpus: the article under the cursor stays on the
        same line of the screen while others arrive or go above it."""
        articles = self.query_one("#articles", ArticleList)
        before, position = articles.current, articles.cursor
        line = position - int(articles.scroll_offset.y)
        self.name_story_again()
        self.reload()
        after = articles.current
        if before is not None and after is not None and after.path == before.path:
            articles.scroll_to(y=max(0, articles.cursor - line), animate=False, immediate=True)
            if articles.cursor > position:
                articles.arrived_above(articles.cursor - position)
        self.list_sources_again(self._shown_id)

    def refresh_tree(self) -> None:
        """Count the tree again, in a thread; the counts come back as a message."""
        self._count()

    @work(thread=True, exclusive=True, group="counts", exit_on_error=False)
    def _count(self) -> None:
        """Count in a thread (SQLite releases the lock); the tree is filled on the UI thread."""
        self.post_message(self.CountsReady(self.session.counts()))

    @on(CountsReady)
    def _counts_ready(self, event: CountsReady) -> None:
        self.query_one("#topics", TopicTree).populate(event.counts)

    @on(Worker.StateChanged)
    def _worker_failed(self, event: Worker.StateChanged) -> None:
        """A worker that failed says so: counts or an article left stale would not."""
        if event.state == WorkerState.ERROR:
            what = {"counts": "Counting", "detail": "Loading the article"}.get(
                event.worker.group, "A background task"
            )
            self.notify(
                f"{what} failed: {event.worker.error}", severity="error", markup=False, timeout=8
            )

    def refresh_list(self, follow: bool = True, moved: bool = False, typing: bool = False) -> None:
        """Run the scope and filter, show the result; the cursor stays on its article if it
        ``follow``s, once placed or the list is whole (``moved``: to a changed file's new id).
        ``typing``: a key changed the filter (see ``_results``)."""
        articles = self.query_one("#articles", ArticleList)
        current = (
            articles.current if follow and (self._indexed or articles.chosen is not None) else None
        )
        try:
            results = self._results(typing)
            keep = (self.session.stored_id(current) if moved else current.id) if current else None
            lost = articles.lost
            back = self.session.found_id(lost) if moved and lost is not None else None
        except QueryError as error:
            self.query_one("#list-status", ListStatus).show_error(str(error))
            self.query_one("#filter", Input).add_class("-invalid")
            return
        self.query_one("#filter", Input).remove_class("-invalid")
        read, starred = self.session.flags()
        articles.set_flags(read, starred)
        articles.show(
            results,
            keep=keep,
            empty=self._empty_text() if not results else "",
            stay=moved,  # its article gone, the cursor is on the one that took its place
            back=back,
        )
        self.query_one("#timeline", Timeline).follow(results.article_ids)
        self.update_status()

    def _results(self, typing: bool) -> ResultSet:
        """The list for the scope and filter. While a key types it (``typing``), a filter
        in its last part not yet whole (``is:unr``, ``after:2024-0``) is left out: each
        key flashed "is: needs a value" or "after: expects YYYY-MM-DD" until it was
        whole. A space or Enter ends it, and then a mistake in it is said."""
        self._unfinished = False
        try:
            return self.session.results(self.scope, self.filter_text, self.sort)
        except QueryError:
            rest = without_filter_being_typed(self.filter_text) if typing else None
            if rest is None:
                raise
        self._unfinished = True
        return self.session.results(self.scope, rest, self.sort)

    def update_status(self) -> None:
        articles = self.query_one("#articles", ArticleList)
        self.query_one("#list-status", ListStatus).show_results(
            self.scope.shown,
            articles.results,
            self.sort,
            hidden=self.session.stream.hide_unpublished,
            story=self.story_title,
        )

    # -- routing ------------------------------------------------------------------------

    @on(TopicTree.ScopeChosen)
    def _scope_chosen(self, event: TopicTree.ScopeChosen) -> None:
        if event.scope != self.scope:
            self.scope = event.scope
            self.refresh_list()

    def _filter_changed(self, value: str) -> None:
        self.filter_text = value
        self.query_one("#filter", FilterField).apply(lambda: self.refresh_list(typing=True))

    @on(Input.Blurred, "#filter")
    def _filter_left(self) -> None:
        """Enter or a move to another pane ends the typing: a filter left out as it was
        typed is whole now, or a mistake to say."""
        if self._unfinished:
            self.refresh_list()

    @on(FilterField.Used)
    def _filter_used(self, event: FilterField.Used) -> None:
        """Kept in the reading state, for ``↑`` in the sessions to come."""
        self.write_state(lambda store: store.remember_filter(event.text), lambda _: None)

    @on(ArticleList.NewAbove)
    def _new_above(self, event: ArticleList.NewAbove) -> None:
        self.query_one("#list-status", ListStatus).show_new_above(event.count)

    @on(ArticleList.Opened)
    def _opened(self, event: ArticleList.Opened) -> None:
        story = event.article_list.current_story
        if story is not None:
            self.open_story(story)
        else:
            self.open_row(event.row)

    @on(DetailView.Stepped)
    def _stepped(self, event: DetailView.Stepped) -> None:
        articles = self.query_one("#articles", ArticleList)
        if event.unread:
            if not articles.action_to_unread(event.step):
                return
        else:
            articles.set_cursor(articles.cursor + event.step)
        if articles.current is not None:
            self.open_row(articles.current, focus=False)

    @on(DetailView.RelatedChosen)
    def _related(self, event: DetailView.RelatedChosen) -> None:
        self.open_related(event.related)

    def open_row(self, row: ArticleRow, *, focus: bool = True) -> None:
        """Open an article: show it, mark it read, and move to the detail pane."""
        self.show_detail(row)
        self.session.opened(row.identity)
        self.change_flag("read", [row.identity], True)
        if focus:
            self.query_one("#detail", DetailView).focus()

    def action_cycle_sort(self) -> None:
        self.sort = SORT_ORDER[(SORT_ORDER.index(self.sort) + 1) % len(SORT_ORDER)]
        self.refresh_list()
        self.notify(f"Sorted by {self.sort}", timeout=1.5)
