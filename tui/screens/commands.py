"""The reader's commands that change the reading state, what is shown, or hand a link on.

Kept apart from ``MainScreen``, which composes the panes and routes between
them: each command here asks the session, then tells the screen to show what
changed (``refresh_list``, ``refresh_tree``).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Any

from textual import on, work
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Input

from library.counts import plural
from library.query import with_prefix_last
from library.results import ArticleRow
from library.scope import ALL, Scope, scope_query
from library.session import ReaderSession
from library.state import Flag, StateChange, StateStore
from library.state_writes import NotSaved
from models.text import SHOWN_URL, shown_part
from tui.browser import open_in_browser
from tui.screens.confirm import ConfirmScreen
from tui.screens.name import NameScreen
from tui.widgets.article_list import ArticleList
from tui.widgets.article_row import is_unread
from tui.widgets.detail_text import safe_link
from tui.widgets.detail_view import DetailView
from tui.widgets.list_status import ListStatus
from tui.widgets.story_sources import StorySources
from tui.widgets.topic_tree import TopicTree

if TYPE_CHECKING:
    from models.article import RelatedArticle

NARROW_WIDTH = 130  # columns under which the tree is hidden until asked for
FAILURE_SHOWN = 8  # seconds the note of a write to the reading state that failed stays
# The keys that act on the article under the cursor: none where there is none (the detail
# shows an article only for a row, and a preview only of it).
ARTICLE_ACTIONS = frozenset(
    ("toggle_read", "toggle_star", "mark_all_read", "preview", "open_in_browser", "copy_url")
)


class ReaderCommands(Screen[None]):
    """Flags, undo, saved searches, links, stories and indexing, for the reader's screen."""

    session: ReaderSession
    filter_text: str
    scope: Scope
    _indexed: bool
    _filter_before_story = ""  # the filter a story's sources replaced
    _story_opened = ("", "")  # the filter that lists a story's sources, and the story's title
    _failure_said = ("", 0.0)  # the last note of a write that failed, and until when it shows

    @dataclass
    class StateWritten(Message):
        """A write to the reading state finished (``failure`` says why it did not)."""

        result: Any
        done: Callable[[Any], None]
        failure: str = ""

    def write_state(self, write: Callable[[StateStore], Any], done: Callable[[Any], None]) -> None:
        """Queue ``write`` on the state's writing thread (in order; see ``StateWrites``);
        ``done`` gets its result here. Keys go on being answered meanwhile, and a write
        that cannot be saved (locked by another program, a full disk) is a message."""
        self._await_write(self.session.writes.submit(write), done)

    @work(thread=True, group="state", exit_on_error=False)
    def _await_write(self, future: Future[Any], done: Callable[[Any], None]) -> None:
        try:
            self.post_message(self.StateWritten(future.result(), done))
        except NotSaved as error:
            self.post_message(self.StateWritten(None, done, str(error)))

    @on(StateWritten)
    def _state_written(self, event: StateWritten) -> None:
        self.session.state_changed_elsewhere()  # this write is shown here already
        if event.failure:
            self._say_failure(event.failure)
        else:
            event.done(event.result)

    def _say_failure(self, failure: str) -> None:
        """Say why a write was not saved, once while the same words are on screen: on a
        full disk each key of a run of them stacked one more note, until they hid the list."""
        said, until = self._failure_said
        now = time.monotonic()
        if failure != said or now >= until:
            self._failure_said = (failure, now + FAILURE_SHOWN)
            self.notify(failure, severity="error", markup=False, timeout=FAILURE_SHOWN)

    def list_sources_again(self, shown_id: int | None) -> None:
        """The story of the article shown (``shown_id``) as it is now: a source that came
        or went while it was shown is listed or gone (its numbers opened others)."""
        row = self.current_row()
        if row is not None and row.id == shown_id:
            self.query_one(StorySources).show_sources(list(self.session.sources(row)), row.id)

    def refresh_list(self, follow: bool = True, moved: bool = False) -> None:
        """Run the scope and filter again and show the result (the screen's own)."""
        raise NotImplementedError

    def open_row(self, row: ArticleRow, *, focus: bool = True) -> None:
        """Show ``row``'s article in the detail pane and mark it read (the screen's)."""
        raise NotImplementedError

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

    def refresh_tree(self) -> None:
        """Count the tree again (the screen's own)."""
        raise NotImplementedError

    def change_flag(
        self,
        flag: Flag,
        identities: list[str],
        value: bool,
        said: Callable[[StateChange], None] | None = None,
    ) -> None:
        """Set or clear a flag, then repaint what depends on it and call ``said``."""

        def changed(change: StateChange) -> None:
            if change.identities:
                self.after_state_change()
            if said is not None:
                said(change)

        self.write_state(partial(self.session.set_flag, flag, identities, value), changed)

    def after_state_change(self) -> None:
        """Re-run the query (an is:unread list changes) and the counts after a change."""
        self.refresh_list()
        self.refresh_tree()

    def current_row(self) -> ArticleRow | None:
        return self.query_one("#articles", ArticleList).current

    def toggle_flag(self, flag: Flag, messages: tuple[str, str]) -> None:
        """Flip read or starred on the current article, or read on every source of the
        story under the cursor (its headline alone was, and the row stayed unread for the
        others); ``messages`` are (set, cleared)."""
        row = self.current_row()
        if row is None:
            return
        articles = self.query_one("#articles", ArticleList)
        identities = [row.identity]
        flagged = row.identity in (articles.read if flag == "read" else articles.starred)
        if flag == "read" and articles.current_story is not None and articles.results:
            identities = [source.identity for source in self.session.sources(row)] or identities
            flagged = not is_unread(articles.results, articles.cursor, articles.read)
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

    # -- stories and indexing -------------------------------------------------------------

    def open_story(self, story: str) -> None:
        """Show a story's sources as the list: the filter ``story:ID``, hidden, as its id
        says nothing to a reader; the line above the list names the story by its title
        (``story_title``). Esc goes back."""
        field = self.query_one("#filter", Input)
        field.display = False
        if not field.value.startswith("story:"):  # from one source to the next: one way back
            self._filter_before_story = field.value
            row = self.query_one("#articles", ArticleList).current  # the story's own row
            self._story_opened = (f"story:{story}", row.title if row is not None else "")
        field.value = f"story:{story}"

    @property
    def story_title(self) -> str:
        """The title of the story whose sources the list holds, or "" for any other list."""
        text, title = self._story_opened
        return title if self.filter_text == text else ""

    def leave_story(self) -> bool:
        """Back from a story's sources to the filter they were opened from (a filter that
        found the story, kept as it was typed); False when no story's sources are shown."""
        field = self.query_one("#filter", Input)
        before, self._filter_before_story = self._filter_before_story, ""
        if not (before and field.value.startswith("story:")):
            return False
        field.value, field.display = before, True
        return True

    def action_open_source(self, number: int) -> None:
        """Open one of the sources the detail lists for the article's story."""
        row = self.query_one("#detail", DetailView).query_one(StorySources).source(number)
        if row is None:
            return
        articles = self.query_one("#articles", ArticleList)
        story = articles.current_story
        if story is not None:  # the source is behind the story's row: list the sources
            self.open_story(story)
        position = articles.results.position_of(row.id) if articles.results else None
        if position is not None:  # the list follows, so it shows what is read
            articles.set_cursor(position)
        self.open_row(row)

    def action_toggle_stories(self) -> None:
        grouped = self.session.stories_grouped = not self.session.stories_grouped
        self.refresh_list()
        self.notify("One row per story" if grouped else "Every article", timeout=1.5)

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
        keys of an article only where there is one."""
        if action == "open_source":
            number = parameters[0] if parameters else 0
            return self.has_panes and isinstance(number, int) and self._has_source(number)
        if action in ARTICLE_ACTIONS:  # on an empty list the footer offered Star, Preview
            return self.has_panes and self.current_row() is not None
        if action == "close_story":
            return self.filter_text.startswith("story:")
        return action != "toggle_topics" or self.size.width < NARROW_WIDTH

    def _has_source(self, number: int) -> bool:
        detail = self.query_one("#detail", DetailView)
        return detail.query_one(StorySources).source(number) is not None

    @on(TopicTree.Opened)
    def _scope_opened(self) -> None:
        """Enter on a node: its articles, which the tree covered on a narrow terminal."""
        self.remove_class("-show-topics")
        self.set_focus(self.query_one("#articles", ArticleList))

    def action_toggle_topics(self) -> None:
        self.toggle_class("-show-topics")
        if self.has_class("-show-topics"):
            self.query_one("#topics").focus()
