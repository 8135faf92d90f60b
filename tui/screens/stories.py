"""A story's sources listed in place of the list, and the way back from them.

Kept apart from the other commands: a story is opened as a hidden filter (``story:ID``,
an id that says nothing to a reader), and what was typed before it is kept here so that
esc or ``←`` comes back to it.
"""

from __future__ import annotations

from textual.widgets import Input

from library.results import ArticleRow
from tui.screens.state_writing import StateWriting
from tui.widgets.article_list import ArticleList
from tui.widgets.detail_view import DetailView
from tui.widgets.story_sources import StorySources


class StoryCommands(StateWriting):
    """Open a story's sources, one of them, and go back to the list they came from."""

    filter_text: str
    _filter_before_story = ""  # the filter a story's sources replaced
    _story_opened = ("", "")  # the filter that lists a story's sources, and the story's title

    def open_row(self, row: ArticleRow, *, focus: bool = True) -> None:
        """Show ``row``'s article in the detail pane and mark it read (the screen's)."""
        raise NotImplementedError

    def current_row(self) -> ArticleRow | None:
        return self.query_one("#articles", ArticleList).current

    def list_sources_again(self, shown_id: int | None) -> None:
        """The story of the article shown (``shown_id``) as it is now: a source that came
        or went while it was shown is listed or gone (its numbers opened others)."""
        row = self.current_row()
        if row is not None and row.id == shown_id:
            self.query_one(StorySources).show_sources(list(self.session.sources(row)), row.id)

    def open_story(self, story: str) -> None:
        """Show a story's sources as the list: the filter ``story:ID``, hidden, as its id
        says nothing to a reader; the line above the list names the story by its title
        (``story_title``). Esc goes back."""
        field = self.query_one("#filter", Input)
        field.display = False
        if not self.in_story():  # from one source to the next: one way back
            self._filter_before_story = field.value
            row = self.query_one("#articles", ArticleList).current  # the story's own row
            self._story_opened = (f"story:{story}", row.title if row is not None else "")
        field.value = f"story:{story}"

    @property
    def story_title(self) -> str:
        """The title of the story whose sources the list holds, or "" for any other list."""
        return self._story_opened[1] if self.in_story() else ""

    def name_story_again(self) -> None:
        """Name the story whose sources are listed by its headline as it is now: its
        headline's file retitled or removed, the line above the list named what was no
        longer there. A story renamed after a source dated before the others that came
        (``library.story_index``) is followed by the source under the cursor: its
        sources went from the list, the story listed by an id it no longer had."""
        if not self.in_story():
            return
        story = self._story_opened[0].removeprefix("story:")
        title = self.session.story_headline(story)
        row = self.current_row()
        if title is None and row is not None and (renamed := self.session.story_of(row)):
            story, title = renamed, self.session.story_headline(renamed)
            self.filter_text = self.query_one("#filter", Input).value = f"story:{story}"
        if title is not None:
            self._story_opened = (f"story:{story}", title)

    def in_story(self) -> bool:
        """Whether the list holds a story's sources, opened from its row or the detail (a
        ``story:`` filter typed is a filter like any other)."""
        return bool(self.filter_text) and self.filter_text == self._story_opened[0]

    def leave_story(self) -> bool:
        """Back from a story's sources to the filter they were opened from (a filter that
        found the story, kept as it was typed, or none); False when no story's sources
        are shown."""
        if not self.in_story():
            return False
        field = self.query_one("#filter", Input)
        field.value, field.display = self._filter_before_story, bool(self._filter_before_story)
        self._filter_before_story, self._story_opened = "", ("", "")
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

    def has_source(self, number: int) -> bool:
        """Whether the detail lists a source numbered ``number``."""
        detail = self.query_one("#detail", DetailView)
        return detail.query_one(StorySources).source(number) is not None

    def action_toggle_stories(self) -> None:
        grouped = self.session.stories_grouped = not self.session.stories_grouped
        self.refresh_list()
        self.notify("One row per story" if grouped else "Every article", timeout=1.5)
