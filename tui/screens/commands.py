"""The reader's commands that change the reading state, what is shown, or hand a link on.

Kept apart from ``MainScreen``, which composes the panes and routes between
them: each command here asks the session, then tells the screen to show what
changed (``refresh_list``, ``refresh_tree``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on

from library.counts import plural
from library.query import with_prefix_last
from library.scope import ALL, Scope, scope_query
from library.state import Flag, StateChange
from models.text import SHOWN_URL, shown_part
from tui.browser import open_in_browser
from tui.screens.confirm import ConfirmScreen
from tui.screens.name import NameScreen
from tui.screens.stories import StoryCommands
from tui.widgets.article_list import ArticleList
from tui.widgets.article_row import shown_row
from tui.widgets.detail_text import safe_link
from tui.widgets.detail_view import DetailView
from tui.widgets.list_status import ListStatus
from tui.widgets.topic_tree import TopicTree

if TYPE_CHECKING:
    from models.article import RelatedArticle

NARROW_WIDTH = 130  # columns under which the tree is hidden until asked for
# The keys that act on the article under the cursor: none where there is none (the detail
# shows an article only for a row, and a preview only of it).
ARTICLE_ACTIONS = frozenset(
    ("toggle_read", "toggle_star", "mark_all_read", "preview", "open_in_browser", "copy_url")
)


class ReaderCommands(StoryCommands):
    """Flags, undo, saved searches, links and indexing, for the reader's screen."""

    scope: Scope
    _indexed: bool

    def open_related(self, related: RelatedArticle) -> None:
        """Open a related article where the corpus holds it, else say it does not."""
        row = self.session.find_by_url(related.url) if related.url else None
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

    def toggle_flag(self, flag: Flag, messages: tuple[str, str]) -> None:
        """Flip read or starred on the current article, or on every source of the story
        under the cursor: its headline alone was, and the row stayed unread for the
        others, or lost its star once another source headed the story. A story's row is
        starred while any source is, so ``s`` there unstars them all; ``messages`` are
        (set, cleared)."""
        row = self.current_row()
        if row is None:
            return
        articles = self.query_one("#articles", ArticleList)
        identities = [row.identity]
        flagged = row.identity in (articles.read if flag == "read" else articles.starred)
        if articles.current_story is not None and articles.results:
            identities = [source.identity for source in self.session.sources(row)] or identities
            shown = shown_row(articles.results, articles.cursor, articles.read, articles.starred)
            flagged = not shown.unread if flag == "read" else shown.starred
        self.change_flag(
            flag, identities, not flagged, lambda _: self.notify(messages[flagged], timeout=1.5)
        )

    def action_toggle_read(self) -> None:
        self.toggle_flag("read", ("Marked read", "Marked unread"))

    def action_toggle_star(self) -> None:
        self.toggle_flag("starred", ("Starred ★", "Unstarred"))

    def action_mark_all_read(self) -> None:
        results = self.query_one("#articles", ArticleList).results
        if not results:
            return
        if not results.unread:  # it asked, then said "Marked 0 articles read (u to undo)"
            self.notify("Every article shown is read already", timeout=2)
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self.change_flag(
                    "read",
                    results.identities(),
                    True,
                    lambda change: self.notify(
                        f"Marked {plural(len(change.identities), 'article')} read (u to undo)"
                    ),
                )

        self.app.push_screen(
            ConfirmScreen(f"Mark all {plural(results.articles, 'shown article')} as read?"),
            answered,
        )

    def action_undo(self) -> None:
        self.write_state(self.session.undo, self._undone)

    def _undone(self, change: StateChange | None) -> None:
        if change is None:
            self.notify("Nothing to undo", timeout=1.5)
            return
        self.after_state_change()
        what = "read" if change.table == "read" else "starred"
        state = f"un{what}" if change.value else what  # as they were: "not read again" read ill
        self.notify(f"Undone: {plural(len(change.identities), 'article')} {state} again", timeout=2)

    def action_toggle_unpublished(self) -> None:
        """Hide what the site did not publish, or show it again, everywhere but the
        Unpublished node (the counts follow)."""
        hidden = self.session.toggle_unpublished()
        self.refresh_list()
        self.refresh_tree()
        message = "Unpublished items hidden (U shows them)" if hidden else "Unpublished items shown"
        self.notify(message, timeout=2)

    def current_url(self) -> str | None:
        article = self.query_one("#detail", DetailView).article
        row = self.current_row()
        if article is None and row is None:  # an empty list, not an article without a URL
            self.notify("No article selected", timeout=2)
            return None
        url = article.url if article else (row.url if row else "")
        if not url:
            self.notify("This article has no URL", severity="warning", timeout=2)
            return None
        return url

    def action_copy_url(self) -> None:
        url = self.current_url()
        if url:
            self.app.copy_to_clipboard(url)
            self.notify(f"Copied {shown_part(url, SHOWN_URL)}", markup=False, timeout=3)

    def action_open_in_browser(self) -> None:
        url = self.current_url()
        if not url:
            return
        if not safe_link(url):
            self.notify("Only http(s) links can be opened", severity="warning")
            return
        open_in_browser(self.app, url)

    def action_save_filter(self) -> None:
        """Save the current filter, within the tree's node it was typed under, by a name;
        it appears in the tree with a live count. Its last word is saved as the prefix it
        matched while typed (``hang*``)."""
        typed = self.filter_text.strip()
        if not typed:
            self.notify("Type a filter first (/), then save it", timeout=3)
            return
        text = f"{scope_query(self.scope)} {with_prefix_last(typed)}".strip()

        def named(name: str | None) -> None:
            if name:
                self.write_state(
                    lambda store: store.save_query(name, text), lambda _: self.saved(name)
                )

        self.app.push_screen(NameScreen(f"Save “{text}” as:", suggestion=typed), named)

    def saved(self, name: str) -> None:
        self.refresh_tree()
        self.notify(f"Saved search “{name}”", markup=False, timeout=2)

    @on(TopicTree.DeleteRequested)
    def _delete_saved(self, event: TopicTree.DeleteRequested) -> None:
        name = event.scope.name

        def answered(yes: bool | None) -> None:
            if yes:
                self.write_state(
                    lambda store: store.delete_query(name), lambda _: self.refresh_tree()
                )

        self.app.push_screen(ConfirmScreen(f"Delete the saved search “{name}”?"), answered)

    @property
    def has_panes(self) -> bool:
        """Whether the panes are there: a screen not built yet, or being taken down as the
        reader ends, has nowhere to show what it is told."""
        return bool(self.query("#articles"))

    def show_indexing(self, done: int, total: int) -> None:
        """Show how far indexing has gone (``total`` 0 while the files are being found)."""
        self.query_one("#list-status", ListStatus).show_progress(done, total)

    def show_waiting(self, whom: str) -> None:
        """Say whom indexing waits for, until it goes on (``show_indexing``) or ends."""
        self.query_one("#list-status", ListStatus).show_waiting(whom)

    def indexing_done(self) -> None:
        """Indexing has ended: an empty list now means the corpus has none, and a cursor no
        one placed goes to the top (it was on the newest of the first files stored)."""
        self._indexed = True
        self.query_one("#list-status", ListStatus).end_progress()
        self.refresh_list(follow=self.query_one("#articles", ArticleList).chosen is not None)

    def _empty_text(self) -> str:
        """What an empty list says: no match, not indexed yet, or why there is nothing."""
        if self.filter_text:  # the way back to the articles, said where they are missed
            return "No articles match — esc clears the filter"
        if not self._indexed:
            return "Indexing… articles appear here as they are read"
        if self.scope == ALL:
            return f"No articles here — {self.session.why_no_articles()}"
        return "No articles here"

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """``t`` only where the tree can be hidden, on a narrow terminal: there the footer
        shows it, the one sign on screen that there is a topic tree at all. ``1``-``9``
        only for the sources the detail lists (the palette offered all nine for none); the
        keys of an article only where there is one. ``/`` only outside the filter: in it
        the footer offered "/ Filter", which types a slash there."""
        if action == "open_source":
            number = parameters[0] if parameters else 0
            return self.has_panes and isinstance(number, int) and self.has_source(number)
        if action in ARTICLE_ACTIONS:  # on an empty list the footer offered Star, Preview
            return self.has_panes and self.current_row() is not None
        if action == "close_story":
            return self.in_story()
        if action == "filter":  # in the field ``/`` is text, typed in its place among the
            return not (self.has_panes and self.query_one("#filter").has_focus)  # keys
        return action != "toggle_topics" or self.size.width < NARROW_WIDTH

    @on(TopicTree.Opened)
    def _scope_opened(self) -> None:
        """Enter on a node: its articles, which the tree covered on a narrow terminal."""
        self.remove_class("-show-topics")
        self.set_focus(self.query_one("#articles", ArticleList))

    def action_toggle_topics(self) -> None:
        self.toggle_class("-show-topics")
        if self.has_class("-show-topics"):
            self.query_one("#topics").focus()
