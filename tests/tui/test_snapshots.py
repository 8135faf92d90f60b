"""SVG snapshots of the main layouts; update with ``pytest --snapshot-update`` after a
deliberate change of looks, and review the diff like code."""

from __future__ import annotations

import shutil
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.conftest import SITE
from tests.tui.pilot import indexed, settled, until
from tests.tui.test_story_rows import HEADLINE
from tui import timefmt
from tui.app import LedeApp
from tui.screens.help import HelpScreen
from tui.widgets.timeline import Timeline


@pytest.fixture(autouse=True)
def fixed_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    """Ages ("5 years ago") and local dates must not change with the day or zone."""
    monkeypatch.setattr(timefmt, "now", lambda: datetime(2026, 1, 1, tzinfo=UTC))
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()


async def timeline_counted(pilot) -> None:
    """Wait until the timeline counts what the list shows (it is counted once the list rests)."""
    timeline = pilot.app.screen.query_one(Timeline)
    await until(pilot, lambda: not timeline.pending, "the timeline's counts")
    await settled(pilot)


def reader(corpus: Path) -> LedeApp:
    return LedeApp([str(corpus)])


@pytest.mark.parametrize("size", [(160, 45), (80, 24)])
def test_main_layout(snap_compare, reader_corpus: Path, size: tuple[int, int]) -> None:
    assert snap_compare(reader(reader_corpus), terminal_size=size, run_before=indexed)


@pytest.mark.parametrize("size", [(160, 45), (80, 24)])
def test_article_opened(snap_compare, reader_corpus: Path, size: tuple[int, int]) -> None:
    async def open_first(pilot) -> None:
        await indexed(pilot)
        await pilot.press("enter")
        await settled(pilot)

    assert snap_compare(reader(reader_corpus), terminal_size=size, run_before=open_first)


def test_filtered_with_hostile_title(snap_compare, reader_corpus: Path) -> None:
    async def filter_hostile(pilot) -> None:
        await indexed(pilot)
        await pilot.press("slash", *"boom", "enter", "enter")
        await settled(pilot)

    assert snap_compare(reader(reader_corpus), terminal_size=(160, 45), run_before=filter_hostile)


def test_help_screen(snap_compare, reader_corpus: Path) -> None:
    async def open_help(pilot) -> None:
        await indexed(pilot)
        await pilot.press("question_mark")
        await until(pilot, lambda: isinstance(pilot.app.screen, HelpScreen))
        await pilot.pause()

    assert snap_compare(reader(reader_corpus), terminal_size=(100, 40), run_before=open_help)


def test_site_with_every_collection(snap_compare) -> None:
    """A site: the tree's Unpublished node and Collections group with counts; rows of
    other collections tagged with their kind, unpublished rows marked."""

    async def every_collection(pilot) -> None:
        await settled(pilot)
        await pilot.press("slash", *"collection:*", "enter")
        await settled(pilot)

    assert snap_compare(reader(SITE), terminal_size=(160, 45), run_before=every_collection)


def test_timeline_of_a_filtered_list(snap_compare, reader_corpus: Path) -> None:
    """The timeline follows the filter and marks the cursor's article (here the oldest)."""

    async def filter_and_go_to_the_end(pilot) -> None:
        await settled(pilot)
        await pilot.press("slash", *"facial", "enter")
        await pilot.press("G")
        await settled(pilot)  # the detail pane loads the article once the cursor rests
        await timeline_counted(pilot)
        await pilot.pause()

    assert snap_compare(
        reader(reader_corpus), terminal_size=(120, 30), run_before=filter_and_go_to_the_end
    )


def test_a_story_s_sources_one_row_each(snap_compare, tmp_path: Path) -> None:
    """At 80 columns a source's title is cut at the edge, each source on its row under
    its number (a wrapped title's end sat under the numbers)."""

    async def open_the_story(pilot) -> None:
        await settled(pilot)
        await pilot.press("slash", *HEADLINE.split()[0], "enter", "enter")
        await settled(pilot)
        await pilot.press("tab")
        await pilot.press("end")
        await settled(pilot)

    site = Path(shutil.copytree(SITE, tmp_path / "site"))
    assert snap_compare(reader(site), terminal_size=(80, 30), run_before=open_the_story)
