"""The main screen: topic tree, article list and detail view, and the routing between them.

Widgets only render and post messages; this screen owns what happens next
(attributes down, messages up). State changes go through the App's store.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Input

from library.query import QueryError, parse_query
from library.results import ArticleRow
from library.state import StateChange
from tui.browser import open_in_browser
from tui.screens.confirm import ConfirmScreen
from tui.screens.name import NameScreen
from tui.widgets.article_list import ArticleList
from tui.widgets.detail_view import DetailView, safe_link
from tui.widgets.filter_field import FilterField
from tui.widgets.footer import ReaderFooter
from tui.widgets.list_status import ListStatus
from tui.widgets.topic_tree import ALL, Scope, TopicTree

if TYPE_CHECKING:
    from models.article import Article, RelatedArticle

SORT_ORDER = ("date", "quality", "title")
NARROW_WIDTH = 110
PANES = ("#topics", "#articles", "#detail")
DETAIL_DELAY = 0.04  # seconds the cursor rests on a row before its article is loaded
DETAIL_DELAY_TYPING = 0.3  # the same while the filter is typed


class MainScreen(Screen[None]):
    """The three-pane reader."""

    BINDINGS = [
        Binding("tab", "focus_pane(1)", "Next pane", show=False, id="pane.next"),
        Binding("shift+tab", "focus_pane(-1)", "Prev pane", show=False, id="pane.previous"),
        Binding("l", "focus_pane(1)", "Next pane", show=False, id="pane.right"),
        Binding("h", "focus_pane(-1)", "Prev pane", show=False, id="pane.left"),
        # A priority binding runs as the key arrives, before later keys are routed, so the
        # text typed right after "/" reaches the field even when it all comes in one packet.
        Binding("slash", "filter", "Filter", priority=True, id="filter"),
        Binding("escape", "back", "Back", show=False, id="back"),
        Binding("m", "toggle_read", "Mark read/unread", id="toggle_read", show=False),
        Binding("s", "toggle_star", "Star", id="toggle_star"),
        Binding("A", "mark_all_read", "Mark all shown as read", id="mark_all_read", show=False),
        Binding("u", "undo", "Undo", id="undo", show=False),
        Binding("p", "preview", "Preview", id="preview"),
        Binding("o", "open_in_browser", "Open in browser", id="open", show=False),
        Binding("y", "copy_url", "Copy URL", id="copy"),
        Binding("S", "cycle_sort", "Sort", id="sort", show=False),
        Binding("t", "toggle_topics", "Show/hide topics", show=False, id="toggle_topics"),
        Binding("ctrl+s", "save_filter", "Save search", show=False, id="save_filter"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.scope: Scope = ALL
        self.filter_text = ""
        self.sort = "date"
        self.undo_stack: list[StateChange] = []
        self._detail_timer: Timer | None = None
        self._shown_id: int | None = None
        self._waiting: ArticleRow | None = None  # to show once the parser is imported

    def compose(self) -> ComposeResult:
        with Horizontal(id="panes"):
            yield TopicTree(id="topics")
            with Vertical(id="list-pane"):
                yield FilterField(
                    placeholder='filter: words "phrase" -not topic: provider: '
                    "after: quality> is:unread",
                    id="filter",
                )
                yield ListStatus(id="list-status")
                yield ArticleList(id="articles")
            yield DetailView(id="detail")
        yield ReaderFooter()

    def on_mount(self) -> None:
        field = self.query_one("#filter", Input)
        field.display = False
        # Watched rather than told by a Changed message: the list then updates while the
        # keystroke is handled, and the typed letter and the new list reach the terminal in
        # one frame instead of two, each waiting for the next screen update.
        self.watch(field, "value", self._filter_changed, init=False)
        self.query_one("#articles", ArticleList).focus()
        # The list first: the tree's counts (a thread that would compete with the first
        # paint for the interpreter) and the index refresh wait until it is on screen.
        self.refresh_list()
        self.call_after_refresh(self.refresh_tree)

    def on_resize(self) -> None:
        self.set_class(self.size.width < NARROW_WIDTH, "-narrow")

    # -- data ---------------------------------------------------------------------------

    def reload(self) -> None:
        """Re-read tree counts and the list from the index (after indexing or a change)."""
        self.refresh_tree()
        self.refresh_list()

    @work(thread=True, exclusive=True, group="counts", exit_on_error=False)
    def refresh_tree(self) -> None:
        """Count in a thread (SQLite releases the lock), then fill the tree on the UI thread."""
        counts = self.app.corpus.counts()  # type: ignore[attr-defined]
        self.app.call_from_thread(self.query_one("#topics", TopicTree).populate, counts)

    def refresh_list(self) -> None:
        """Run the current scope + filter against the index and show the result."""
        articles = self.query_one("#articles", ArticleList)
        try:
            saved = self.scope.key if self.scope.kind == "saved" else ""
            query = parse_query(f"{saved} {self.filter_text}")
            if self.scope.kind in ("unread", "starred"):
                query.flags.add(self.scope.kind)
            elif self.scope.kind == "topic":
                query.topics.append(self.scope.key)
            results = self.app.corpus.index.results(  # type: ignore[attr-defined]
                query, sort=self.sort, prefix_last=True
            )
        except QueryError as error:
            self.query_one("#list-status", ListStatus).show_error(str(error))
            self.query_one("#filter", Input).add_class("-invalid")
            return
        self.query_one("#filter", Input).remove_class("-invalid")
        read, starred = self.app.corpus.flags()  # type: ignore[attr-defined]
        articles.set_flags(read, starred)
        current = articles.current
        articles.show(
            results,
            keep=current.id if current else None,
            empty_text="No articles match" if self.filter_text else "No articles here",
        )
        self.update_status()

    def update_status(self) -> None:
        articles = self.query_one("#articles", ArticleList)
        unread = articles.results.unread if articles.results is not None else 0
        self.query_one("#list-status", ListStatus).show_counts(
            self.scope.name, self.filter_text, articles.count, unread, self.sort
        )

    # -- routing ------------------------------------------------------------------------

    @on(TopicTree.ScopeChosen)
    def _scope_chosen(self, event: TopicTree.ScopeChosen) -> None:
        if event.scope != self.scope:
            self.scope = event.scope
            self.refresh_list()

    def _filter_changed(self, value: str) -> None:
        self.filter_text = value
        self.refresh_list()

    @on(Input.Submitted, "#filter")
    def _filter_submitted(self) -> None:
        articles = self.query_one("#articles", ArticleList)
        if self.focused is articles:
            # A second Enter typed before the focus moved reached the field: it meant "open".
            articles.action_open()
        else:
            self.set_focus(articles)  # now, not later, so that second Enter finds it moved

    @on(ArticleList.Highlighted)
    def _highlighted(self, event: ArticleList.Highlighted) -> None:
        if self._detail_timer is not None:
            self._detail_timer.stop()
        row = event.row
        # While a filter is typed the list changes with every key: the detail pane waits for
        # a pause in the typing rather than load and lay out an article between two keys.
        typing = self.query_one("#filter", Input).has_focus
        delay = DETAIL_DELAY_TYPING if typing else DETAIL_DELAY
        self._detail_timer = self.set_timer(delay, lambda: self.show_detail(row))

    @on(ArticleList.Opened)
    def _opened(self, event: ArticleList.Opened) -> None:
        self.open_row(event.row)

    @on(DetailView.Stepped)
    def _stepped(self, event: DetailView.Stepped) -> None:
        articles = self.query_one("#articles", ArticleList)
        articles.set_cursor(articles.cursor + event.step)
        if articles.current is not None:
            self.open_row(articles.current, focus=False)

    @on(DetailView.RelatedChosen)
    def _related(self, event: DetailView.RelatedChosen) -> None:
        self.open_related(event.related)

    # -- showing ------------------------------------------------------------------------

    def show_detail(self, row: ArticleRow | None, *, force: bool = False) -> None:
        """Load the full article for ``row`` into the detail pane."""
        detail = self.query_one("#detail", DetailView)
        if not detail.is_attached:  # the reader is closing, and a timer outlived it
            return
        if row is None:
            self._shown_id = self._waiting = None
            detail.show_article(None, set())
            return
        if not self.app.parser_ready:  # type: ignore[attr-defined]
            self._waiting = row  # the app imports the parser in the background
            return
        if row.id == self._shown_id and not force:
            return
        self._shown_id = row.id
        self.workers.cancel_group(self, "preview")
        article = self.load_article(row)
        detail.show_article(article, self.related_in_corpus(article) if article else set())

    def show_waiting_detail(self) -> None:
        """Show the article that waited for the parser (the app says when it is imported)."""
        row, self._waiting = self._waiting, None
        if row is not None:
            self.show_detail(row)

    def load_article(self, row: ArticleRow) -> Article | None:
        """Parse the whole document; a file that vanished or broke is reported in the pane."""
        from library.loader import load_file  # parsing code is not needed until now

        parsed = load_file(row.path, explicit=True)
        if parsed.article is None:
            reason = parsed.problems[0].message if parsed.problems else "cannot be read"
            self.query_one("#detail", DetailView).set_status(
                Content.assemble(("⚠ ", "$error"), f"{row.path}: {reason}")
            )
        return parsed.article

    def related_in_corpus(self, article: Article) -> set[str]:
        index = self.app.corpus.index  # type: ignore[attr-defined]
        return {item.url for item in article.related if item.url and index.find_by_url(item.url)}

    def open_row(self, row: ArticleRow, *, focus: bool = True) -> None:
        """Open an article: show it, mark it read, and move to the detail pane."""
        self.show_detail(row)
        self.change_flags("read", [row.identity], True, undoable=False)
        if focus:
            self.query_one("#detail", DetailView).focus()

    def open_related(self, related: RelatedArticle) -> None:
        index = self.app.corpus.index  # type: ignore[attr-defined]
        row = index.find_by_url(related.url) if related.url else None
        if row is None:
            self.notify(
                f"Not in this corpus: {related.url or related.title}  (o opens, y copies)",
                markup=False,
                timeout=4,
            )
            return
        articles = self.query_one("#articles", ArticleList)
        position = articles.results.position_of(row.id) if articles.results else None
        if position is not None:
            articles.set_cursor(position)
        self.open_row(row)

    # -- state --------------------------------------------------------------------------

    def change_flags(
        self, table: str, identities: list[str], value: bool, *, undoable: bool = True
    ) -> StateChange:
        """Write a state change, remember it for undo, and repaint what depends on it."""
        change = self.app.corpus.state.set(table, identities, value)  # type: ignore[attr-defined]
        if change.identities:
            if undoable or table == "read":
                self.undo_stack.append(change)
            self.after_state_change()
        return change

    def after_state_change(self) -> None:
        """Re-run the query (an is:unread list changes) and the counts after a change."""
        self.refresh_list()
        self.refresh_tree()

    def current_row(self) -> ArticleRow | None:
        return self.query_one("#articles", ArticleList).current

    def toggle_flag(self, table: str, messages: tuple[str, str]) -> None:
        """Flip read or starred on the current article; ``messages`` are (set, cleared)."""
        row = self.current_row()
        if row is None:
            return
        articles = self.query_one("#articles", ArticleList)
        flagged = row.identity in (articles.read if table == "read" else articles.starred)
        self.change_flags(table, [row.identity], not flagged)
        self.notify(messages[flagged], timeout=1.5)

    def action_toggle_read(self) -> None:
        self.toggle_flag("read", ("Marked read", "Marked unread"))

    def action_toggle_star(self) -> None:
        self.toggle_flag("starred", ("Starred ★", "Unstarred"))

    def action_mark_all_read(self) -> None:
        results = self.query_one("#articles", ArticleList).results
        if not results:
            return

        def answered(yes: bool | None) -> None:
            if yes:
                change = self.change_flags("read", results.identities(), True)
                self.notify(f"Marked {len(change.identities)} articles read (u to undo)")

        self.app.push_screen(
            ConfirmScreen(f"Mark all {len(results)} shown articles as read?"), answered
        )

    def action_undo(self) -> None:
        if not self.undo_stack:
            self.notify("Nothing to undo", timeout=1.5)
            return
        change = self.undo_stack.pop()
        self.app.corpus.state.undo(change)  # type: ignore[attr-defined]
        self.after_state_change()
        what = "read" if change.table == "read" else "starred"
        state = what if not change.value else f"not {what}"
        self.notify(f"Undone: {len(change.identities)} article(s) {state} again", timeout=2)

    # -- links ---------------------------------------------------------------------------

    def current_url(self) -> str | None:
        article = self.query_one("#detail", DetailView).article
        url = article.url if article else (self.current_row().url if self.current_row() else "")
        if not url:
            self.notify("This article has no URL", severity="warning", timeout=2)
            return None
        return url

    def action_copy_url(self) -> None:
        url = self.current_url()
        if url:
            self.app.copy_to_clipboard(url)
            self.notify(f"Copied {url}", markup=False, timeout=3)

    def action_open_in_browser(self) -> None:
        url = self.current_url()
        if not url:
            return
        if not safe_link(url):
            self.notify("Only http(s) links can be opened", severity="warning")
            return
        open_in_browser(self.app, url)

    # -- preview ------------------------------------------------------------------------

    def action_preview(self) -> None:
        detail = self.query_one("#detail", DetailView)
        if detail.previewing:
            self.show_detail(self.current_row(), force=True)
            return
        if detail.article is None:
            return
        self.fetch_preview(detail.article, refresh=False)

    @work(exclusive=True, group="preview", exit_on_error=False)
    async def fetch_preview(self, article: Article, refresh: bool) -> None:
        """Fetch the original page; moving to another article cancels this worker."""
        from preview import PreviewError, fetch_preview

        detail = self.query_one("#detail", DetailView)
        url = article.url
        if not url:
            detail.set_status(Content.assemble(("⚠ This article has no URL", "$warning")))
            return
        detail.set_status(Content.assemble(("⠿ Fetching ", "$accent"), url))
        detail.add_class("-loading")
        try:
            result = await fetch_preview(
                url,
                cache=self.app.preview_cache,
                refresh=refresh,  # type: ignore[attr-defined]
            )
        except PreviewError as error:
            detail.set_status(Content.assemble(("⚠ Preview failed: ", "$error"), str(error)))
            return
        finally:
            detail.remove_class("-loading")
        if detail.article is not article:
            return
        when = result.fetched_at.astimezone().strftime("%Y-%m-%d %H:%M")
        source = "cached" if result.from_cache else "fetched"
        detail.show_preview(
            result.title,
            result.markdown,
            f"Preview of {result.final_url} ({source} {when}; p or esc: back, r: refetch)",
        )

    # -- navigation ---------------------------------------------------------------------

    def action_focus_pane(self, step: int) -> None:
        visible = [
            pane
            for pane in PANES
            if self.query_one(pane).display and self.query_one(pane).styles.display != "none"
        ]
        focused = self.focused
        current = next(
            (
                i
                for i, pane in enumerate(visible)
                if focused is not None
                and (focused is self.query_one(pane) or self.query_one(pane) in focused.ancestors)
            ),
            1 if "#articles" in visible else 0,
        )
        self.query_one(visible[(current + step) % len(visible)]).focus()

    def action_filter(self) -> None:
        field = self.query_one("#filter", Input)
        if field.has_focus:  # "/" is text inside the field
            field.insert_text_at_cursor("/")
            return
        field.display = True
        self.set_focus(field)  # at once, not on the next turn of the loop

    def action_back(self) -> None:
        """Leave whatever is innermost: the filter, a preview, the detail pane."""
        field = self.query_one("#filter", Input)
        detail = self.query_one("#detail", DetailView)
        if field.has_focus or (self.filter_text and not detail.has_focus_within):
            field.value = ""
            field.display = False
            self.query_one("#articles", ArticleList).focus()
        elif detail.previewing:
            self.show_detail(self.current_row(), force=True)
        elif detail.has_focus_within:
            self.query_one("#articles", ArticleList).focus()

    def action_cycle_sort(self) -> None:
        self.sort = SORT_ORDER[(SORT_ORDER.index(self.sort) + 1) % len(SORT_ORDER)]
        self.refresh_list()
        self.notify(f"Sorted by {self.sort}", timeout=1.5)

    def action_save_filter(self) -> None:
        """Save the current filter under a name; it appears in the tree with a live count."""
        text = self.filter_text.strip()
        if not text:
            self.notify("Type a filter first (/), then save it", timeout=3)
            return

        def named(name: str | None) -> None:
            if name:
                self.app.corpus.state.save_query(name, text)  # type: ignore[attr-defined]
                self.refresh_tree()
                self.notify(f"Saved search “{name}”", markup=False, timeout=2)

        self.app.push_screen(NameScreen(f"Save “{text}” as:", suggestion=text), named)

    @on(TopicTree.DeleteRequested)
    def _delete_saved(self, event: TopicTree.DeleteRequested) -> None:
        name = event.scope.name

        def answered(yes: bool | None) -> None:
            if yes:
                self.app.corpus.state.delete_query(name)  # type: ignore[attr-defined]
                self.refresh_tree()

        self.app.push_screen(ConfirmScreen(f"Delete the saved search “{name}”?"), answered)

    def action_toggle_topics(self) -> None:
        self.toggle_class("-show-topics")
        if self.has_class("-show-topics"):
            self.query_one("#topics").focus()
