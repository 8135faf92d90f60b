"""SVG snapshots of the main layouts; update with ``pytest --snapshot-update`` after a
deliberate change of looks, and review the diff like code."""

from __future__ import annotations

import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.tui.pilot import indexed, settled, until
from tui import timefmt
from tui.app import LedeApp
from tui.screens.help import HelpScreen


@pytest.fixture(autouse=True)
def fixed_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    """Ages ("5 years ago") and local dates must not change with the day or zone."""
    monkeypatch.setattr(timefmt, "now", lambda: datetime(2026, 1, 1, tzinfo=UTC))
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()


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
