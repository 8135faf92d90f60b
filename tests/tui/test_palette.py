"""The command palette (ctrl+p): each action of the reader once, by its name and key,
and nothing pressed in it ends the reader."""

from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path

import pytest
from textual.command import CommandList, CommandPalette
from textual.widgets import OptionList

from library.story_map import StoryResults
from tests.conftest import SITE
from tests.tui.pilot import indexed, notifications, settled, until
from tui.app import LedeApp
from tui.commands import SENTENCES, forwarded
from tui.palette import Palette
from tui.screens.help import HelpScreen, key_names
from tui.screens.main import MainScreen
from tui.widgets.article_list import ArticleList
from tui.widgets.detail_view import DetailView
from tui.widgets.topic_tree import TopicTree

STORY_HEADLINE = "Acme Power Apps misconfiguration exposes 38 million records"  # 2 sources
INTERNALS = (": key ", "LedeApp", "MainScreen", "ArticleList", "DetailView", "TopicTree")


async def offered(app: LedeApp, pilot) -> list[tuple[str, str]]:  # noqa: ANN001 - a pilot
    """Open the palette and read its options as (title, help), as a person sees them."""
    await pilot.press("ctrl+p")
    await until(pilot, lambda: isinstance(app.screen, CommandPalette))
    options = app.screen.query_one(OptionList)
    await until(pilot, lambda: options.option_count > 0)
    await settled(pilot)  # every provider has answered the empty search (a worker)
    prompts = [str(option.prompt) for option in options.options]
    return [tuple(prompt.split("\n", 1)) for prompt in prompts]


def actions_of(*classes: type) -> dict[str, list]:
    """The bindings of each action of these classes, by action, as the palette groups them."""
    actions: dict[str, list] = {}
    for cls in classes:
        for binding in cls.BINDINGS:
            if not forwarded(binding):
                actions.setdefault(f"{cls.__name__}.{binding.action}", []).append(binding)
    return actions


async def test_each_action_once_by_its_name_and_key(reader_corpus: Path) -> None:
    app = LedeApp([str(reader_corpus)])
    async with app.run_test(size=(160, 45)) as pilot:
        await indexed(pilot)
        commands = await offered(app, pilot)
        titles = [title for title, _help in commands]
        assert not [text for text in map(" ".join, commands) if any(i in text for i in INTERNALS)]
        assert [title for title, count in Counter(titles).items() if count > 1] == []
        assert "Quit" not in titles and "Keys" not in titles  # q and ? say the same, keyed
        # Everything of the app, the screen and the focused list, each once with all its keys.
        for action, bindings in actions_of(LedeApp, MainScreen, ArticleList).items():
            if action == "MainScreen.toggle_topics":  # at this width the tree is always shown
                assert not any(title.startswith(bindings[0].description) for title in titles)
                continue
            if action.startswith("MainScreen.open_source("):  # no story here (test below)
                assert not any(title.startswith(bindings[0].description) for title in titles)
                continue
            if action == "MainScreen.close_story":  # no story's sources listed
                assert not any(title.startswith(bindings[0].description) for title in titles)
                continue
            keys = [name for binding in bindings for name in key_names(binding)]
            title = f"{bindings[0].description}  {keys[0]}"
            assert titles.count(title) == 1, title
            sentence, _, keys_said = dict(commands)[title].rpartition(" (")
            assert keys_said == f"{', '.join(keys)})"
            assert sentence[0].isupper() and len(sentence.split()) >= 2
            assert sentence != bindings[0].description  # says more than the title
        assert ("Next pane  tab", "Move to the next pane (tab, l)") in commands
        assert "Mark all shown as read  A" in titles
        assert not any(title.startswith("Next article") for title in titles)  # detail's own


async def test_a_command_runs_where_it_applies(reader_corpus: Path) -> None:
    app = LedeApp([str(reader_corpus)])
    async with app.run_test(size=(160, 45)) as pilot:
        await indexed(pilot)
        await pilot.press("enter")  # the detail view has the focus now
        await until(pilot, lambda: app.screen.query_one(DetailView).has_focus)
        first = app.screen.query_one(ArticleList).cursor
        titles = [title for title, _help in await offered(app, pilot)]
        assert "Next article  J" in titles and "Down  j" not in titles
        assert titles.count("Back  esc") == 1  # the pane's esc is the screen's
        await pilot.press(*"next article", "enter")
        await until(pilot, lambda: app.screen.query_one(ArticleList).cursor == first + 1)
        await pilot.press("ctrl+p")
        await until(pilot, lambda: isinstance(app.screen, CommandPalette))
        await pilot.press(*"star", "enter")
        await until(pilot, lambda: len(app.session.state.flagged("starred")) == 1)


def test_every_action_has_a_sentence() -> None:
    """A new binding gets its help sentence too, or the palette would repeat its name."""
    classes = (LedeApp, MainScreen, ArticleList, DetailView, TopicTree, HelpScreen)
    missing = [b[0].id for b in actions_of(*classes).values() if b[0].id not in SENTENCES]
    assert missing == []


async def test_paging_the_palette_before_its_list_is_laid_out_is_harmless(
    reader_corpus: Path,
) -> None:
    """The palette highlights its first command a moment before the list is first laid
    out; pgup pressed in that moment (a busy reader) raised KeyError in Textual's list."""
    app = LedeApp([str(reader_corpus)])
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        palette = app.screen
        assert isinstance(palette, Palette)
        listed = palette.query_one(CommandList)
        palette._list_visible = False  # as before the first commands arrive
        await pilot.pause()
        listed._clear_caches()
        listed.highlighted = 0  # the commands arrive; the list is not laid out yet
        for action in ("page_up", "page_down"):
            await palette.run_action(f"command_list('{action}')")
        await pilot.pause()
        palette._list_visible = True
        await pilot.pause()
        await pilot.press("pagedown", "pageup")  # and, laid out, it pages as before
        assert listed.highlighted == 0
        await pilot.press("escape")
        assert app.is_running and not isinstance(app.screen, Palette)


async def test_the_sources_of_a_story_are_offered_only_as_many_as_the_detail_lists(
    tmp_path: Path,
) -> None:
    """The palette offered "Open a source of the story  1" to "9" for every article,
    nine commands that did nothing where the detail listed no story; now the numbers of
    the sources it lists, and none for an article alone."""
    site = Path(shutil.copytree(SITE, tmp_path / "site"))
    app = LedeApp([str(site)])
    async with app.run_test(size=(260, 45)) as pilot:
        await indexed(pilot)
        articles = app.screen.query_one(ArticleList)
        await until(pilot, lambda: isinstance(articles.results, StoryResults), "the stories")

        async def sources_offered(title: str) -> list[str]:
            position = [row.title for row in articles.results or []].index(title)
            await pilot.press("g", *["j"] * position)
            await settled(pilot)  # the detail follows the cursor
            commands = await offered(app, pilot)
            await pilot.press("escape")
            await until(pilot, lambda: isinstance(app.screen, MainScreen), "the palette closed")
            return [title for title, _help in commands if title.startswith("Open a source")]

        assert await sources_offered(STORY_HEADLINE) == [
            "Open a source of the story  1",
            "Open a source of the story  2",
        ]
        assert await sources_offered("Bank fraud models flag odd payments") == []
        await pilot.press("2")  # a number with nothing to open stays harmless
        await settled(pilot)
        assert isinstance(app.screen, MainScreen)


@pytest.mark.parametrize("has_downloads", [False, True], ids=["no-downloads", "downloads"])
async def test_a_screenshot_is_saved_where_it_can_be_and_says_where(
    reader_corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, has_downloads: bool
) -> None:
    """The palette's "Screenshot" saved to ~/Downloads alone: on a machine without one (a
    server reached over SSH) it said "Failed to save screenshot" and saved nothing."""
    home, started_in = tmp_path / "home", tmp_path / "started-in"
    home.mkdir()
    started_in.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.chdir(started_in)
    if has_downloads:
        (home / "Downloads").mkdir()
    where = home / "Downloads" if has_downloads else started_in
    app = LedeApp([str(reader_corpus)])
    async with app.run_test(size=(160, 45)) as pilot:
        await indexed(pilot)
        await pilot.press("ctrl+p")
        await until(pilot, lambda: isinstance(app.screen, CommandPalette))
        await pilot.press(*"screenshot", "enter")
        await until(pilot, lambda: list(where.glob("*.svg")), "the screenshot saved")
        saved = next(where.glob("*.svg"))
        await until(pilot, lambda: f"Screenshot saved to {saved}" in notifications(app))
        assert not any("Failed" in text for text in notifications(app))
