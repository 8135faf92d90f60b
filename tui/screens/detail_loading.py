"""Which article the detail pane shows, and when: the cursor rests on a row a moment
before its article is parsed (in a thread, off the UI thread), an answer for a row the
cursor has left is dropped, and a preview asked for before its article arrived waits
for it.

Kept apart from ``MainScreen``, which composes the panes and routes between them: the
timing of what is loaded and the routing of keys change for different reasons.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import on, work
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Input

from library.counts import plural
from library.results import ArticleRow
from library.session import IndexDamaged, OpenedArticle, ReaderSession
from models.text import printable
from tui.widgets.article_list import ArticleList
from tui.widgets.detail_view import DetailView
from tui.widgets.story_sources import StorySources
from tui.widgets.timeline import Timeline

DETAIL_DELAY = 0.04  # seconds the cursor rests on a row before its article is loaded
DETAIL_DELAY_TYPING = 0.3  # the same while the filter is typed


class DetailLoading(Screen[None]):
    """The detail pane's article, loaded for the row under the list's cursor."""

    session: ReaderSession
    _detail_timer: Timer | None = None
    _shown_id: int | None = None  # the article shown, or being loaded to be
    _shown_row: ArticleRow | None = None  # the row whose article the pane shows
    _preview_next: int | None = None  # the article whose preview waits for it
    _image_next: int | None = None  # the article whose picture waits for it

    @dataclass
    class ArticleReady(Message):
        """An article parsed in a thread, for the detail pane."""

        opened: OpenedArticle

    @on(ArticleList.Highlighted)
    def _highlighted(self, event: ArticleList.Highlighted) -> None:
        if self._detail_timer is not None:
            self._detail_timer.stop()
        row = event.row
        if row is not None and self._heads_shown(event.article_list, row):
            return  # a better write-up now heads the story being read: it stays in the pane
        if row is None or row.id != self._preview_next:  # asked of another article
            self._preview_next = None
        if row is None or row.id != self._image_next:
            self._image_next = None
        self.query_one("#timeline", Timeline).mark(row.published if row else None)
        # While a filter is typed the list changes with every key: the detail pane waits for
        # a pause in the typing rather than load and lay out an article between two keys.
        typing = self.query_one("#filter", Input).has_focus
        delay = DETAIL_DELAY_TYPING if typing else DETAIL_DELAY
        self._detail_timer = self.set_timer(delay, lambda: self.show_detail(row))

    def _heads_shown(self, articles: ArticleList, row: ArticleRow) -> bool:
        """Whether new results put the cursor on the story row of the article shown, now
        headed by another source: the person chose the article shown, not its new
        headline, which is one key away among its sources."""
        shown = self._shown_id
        if shown is None or row.id == shown or articles.chosen != shown:
            return False
        results = articles.results
        return results is not None and results.position_of(shown) == articles.cursor

    def show_detail(self, row: ArticleRow | None, *, force: bool = False) -> None:
        """Load the full article for ``row`` into the detail pane (parsed in a thread)."""
        detail = self.query_one("#detail", DetailView)
        if not detail.is_attached:  # the reader is closing, and a timer outlived it
            return
        if row is None:
            self._shown_id = None  # an article still being parsed is not shown
            self._shown_row = None
            detail.show_article(None, set())
            detail.query_one(StorySources).show_sources([], None)
            return
        if row.id == self._shown_id and not force:
            return
        if not force and detail.previewing and detail.article and detail.article.path == row.path:
            self._preview_next = row.id  # its file changed: the preview stays (from the cache)
        self._shown_id = row.id
        detail.workers.cancel_group(detail, "preview")
        self.load_article(row)

    @work(thread=True, exclusive=True, group="detail", exit_on_error=False)
    def load_article(self, row: ArticleRow) -> None:
        """Parse the whole document off the UI thread (the parser's first import too)."""
        self.post_message(self.ArticleReady(self.session.article(row)))

    @on(ArticleReady)
    def _article_ready(self, event: ArticleReady) -> None:
        opened = event.opened
        detail = self.query_one("#detail", DetailView)
        if opened.row.id != self._shown_id or not detail.is_attached:
            return  # the cursor moved on while it was parsed
        detail.show_article(opened.article, opened.related_in_corpus, self._again(opened.row))
        self._shown_row = opened.row
        if self._preview_next == opened.row.id and opened.article is not None:
            detail.fetch_preview(refresh=False)
        if self._image_next == opened.row.id:
            self._image_next = None  # once: the same article stored again keeps what is shown
            detail.action_toggle_image()
        detail.query_one(StorySources).show_sources(list(opened.sources), opened.row.id)
        if opened.article is None:  # a file that vanished or broke since it was indexed
            detail.set_status(
                Content.assemble(("⚠ ", "$text-error"), f"{opened.row.path}: {opened.problem}")
            )
        elif opened.problem:  # read in part: its body ends where the size limit came
            detail.set_status(Content.assemble(("⚠ ", "$text-warning"), opened.problem))
        elif opened.copies:  # a second file of it, else out of sight (``lede check`` names it)
            detail.set_status(Content.assemble(("ⓘ ", "$text-accent"), (copies(opened), "dim")))

    def _again(self, row: ArticleRow) -> bool:
        """Whether ``row`` is the article shown, stored again: its file changed, or moved
        (a file renamed was read from its top, its picture taken down, as if another
        article had been opened)."""
        shown = self._shown_row
        if shown is None or shown.path == row.path:
            return shown is not None
        try:
            return self.session.stored_id(shown) == row.id
        except IndexDamaged:  # told, and being built again: shown as another article
            return False

    def action_preview(self) -> None:
        """``p``: the page of the article under the cursor, read; again: the article. Typed
        before that article is in the pane (``j p`` in one burst), it is done once it is:
        it went to the article left, whose preview the new one then replaced."""
        detail, row = self.query_one("#detail", DetailView), self.current_row()
        if detail.previewing:
            self.show_detail(row, force=True)
        elif row is not None and (
            row.id != self._shown_id or (detail.article and detail.article.path != row.path)
        ):
            self._preview_next = row.id
            self.show_detail(row)  # now, not once the cursor's pause is over
        elif detail.article is not None:
            detail.fetch_preview(refresh=False)

    def action_toggle_image(self) -> None:
        """``i`` in the list or the tree: the picture of the article under the cursor,
        shown in the detail pane or hidden, as ``p`` previews it from there (in the pane,
        ``i`` is the pane's own); typed before that article is in the pane, once it is."""
        detail, row = self.query_one("#detail", DetailView), self.current_row()
        if row is None:
            return
        shown = self._shown_row
        if shown is None or shown.id != row.id or detail.previewing:
            self._image_next = row.id
            self.show_detail(row, force=True)  # now, not once the cursor's pause is over
        else:
            detail.action_toggle_image()

    def current_row(self) -> ArticleRow | None:
        """The row under the list's cursor (the screen's own)."""
        raise NotImplementedError


def copies(opened: OpenedArticle) -> str:
    """The files of the same original URL listed as this article, which the reader
    showed nowhere: a second copy with another title was out of sight."""
    first, *more = opened.copies
    also = f" and {plural(len(more), 'more file')}" if more else ""
    return f"Also in {printable(first)}{also}: the same original URL, listed once"
