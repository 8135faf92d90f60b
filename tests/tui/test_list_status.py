"""The line above the list: the counts stay on screen whatever the filter and the width."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.screen import Screen
from textual.widgets import Input

from tests.tui.pilot import indexed, resized, until
from tui.app import LedeApp
from tui.widgets.detail_view import DetailView
from tui.widgets.list_status import ListStatus

LONG_FILTER = "quality>100 -portals after:2021-01-01"


def keys(text: str) -> list[str]:
    """The keys a person presses to type ``text``."""
    names = {" ": "space", ">": "greater_than_sign", ":": "colon", "-": "minus"}
    return [names.get(char, char) for char in text]


def shown(app: LedeApp) -> str:
    """The status line as painted: only what fits in the widget reaches the screen."""
    status = app.screen.query_one("#list-status", ListStatus)
    return status.render_line(0).crop(0, status.size.width).text


@pytest.mark.parametrize("width", [80, 160])
async def test_the_line_leaves_the_filter_to_its_field(reader_corpus: Path, width: int) -> None:
    """The line above the list said "filter: quality>100 -p…" under the field that shows
    it whole, and at 160 columns (the list 57 cells wide, beside the tree and the detail)
    the sort gave way to it."""
    app = LedeApp([str(reader_corpus)])
    async with app.run_test(size=(width, 45)) as pilot:
        await indexed(pilot)
        await pilot.press("slash", *keys(LONG_FILTER))
        await pilot.pause()
        assert app.screen.query_one("#filter", Input).value == LONG_FILTER
        assert shown(app).rstrip() == "All articles  0 articles · 0 unread  sort: date"


async def test_a_narrow_list_drops_the_sort_and_cuts_the_scope(reader_corpus: Path) -> None:
    app = LedeApp([str(reader_corpus)])
    async with app.run_test(size=(30, 24)) as pilot:
        await indexed(pilot)
        await pilot.press("slash", *keys(LONG_FILTER))
        await pilot.pause()
        line = shown(app).strip()
        assert line.endswith("0 articles · 0 unread")
        assert "sort" not in line
        assert line.startswith("All") and "…" in line


async def test_the_count_of_stories_gives_way_before_the_sort() -> None:
    """Story rows grouped, a narrower list kept "· 9 stories" and dropped the sort."""
    from library.story_map import StoryResults
    from tests.conftest import SITE

    app = LedeApp([str(SITE)])
    async with app.run_test(size=(60, 30)) as pilot:
        await indexed(pilot)
        articles = app.screen.query_one("#articles")
        await until(pilot, lambda: isinstance(articles.results, StoryResults), "the stories")
        lines = []
        for width in range(60, 130, 4):
            await resized(pilot, width, 30)
            lines.append(shown(app))
        assert [line for line in lines if "stories" in line and "sort: date" not in line] == []
        assert any("stories" in line for line in lines)


async def test_typing_repaints_the_line_without_a_layout(
    reader_corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A layout pass repaints the whole screen: keys that change only the filter (the
    list already narrowed) must not cause one."""
    layouts: list[str] = []
    refresh_layout = Screen._refresh_layout

    def spy(self: Screen, *args, **kwargs) -> None:  # noqa: ANN002, ANN003 - Textual's own
        layouts.append(type(self).__name__)
        refresh_layout(self, *args, **kwargs)

    monkeypatch.setattr(Screen, "_refresh_layout", spy)
    app = LedeApp([str(reader_corpus)])
    async with app.run_test(size=(100, 30)) as pilot:
        await indexed(pilot)
        await pilot.press("slash", *"hangzh")
        detail = app.screen.query_one(DetailView)
        await until(
            pilot, lambda: detail.article is not None and "Hangzhou" in detail.article.title
        )
        await pilot.pause()
        layouts.clear()
        field = app.screen.query_one("#filter", Input)
        for letter in "ou":
            await pilot.press(letter)
            await pilot.pause()
        assert field.value == "hangzhou"
        assert layouts == []


def painted(app: LedeApp) -> list[str]:
    """Every row of the status line as painted."""
    status = app.screen.query_one("#list-status", ListStatus)
    return [
        status.render_line(y).crop(0, status.size.width).text for y in range(status.size.height)
    ]


async def test_an_error_is_read_whole_in_a_narrow_list(reader_corpus: Path) -> None:
    """Beside the tree and the detail the list has 57 cells: an unknown filter's message
    was cut after "after:, before:, …", the filters it names to type lost; it wraps, and
    the line is one row again once the query runs."""
    app = LedeApp([str(reader_corpus)])
    async with app.run_test(size=(160, 45)) as pilot:
        await indexed(pilot)
        await pilot.press("slash", *keys("topc:ai "))  # whole: its mistake is said
        await until(pilot, lambda: len(painted(app)) > 1)
        text = " ".join(row.strip() for row in painted(app))
        assert text.startswith("⚠ unknown filter 'topc:'") and text.endswith("lang:, story:")
        assert "…" not in text
        await pilot.press("home", "right", "right", "right", "i")  # "topic:ai"
        await until(pilot, lambda: len(painted(app)) == 1)
        assert "articles" in painted(app)[0]
