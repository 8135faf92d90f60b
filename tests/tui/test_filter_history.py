"""The filter's history: ``↑`` and ``↓`` in the field bring back the filters used
earlier, in this session and those before, as a shell brings back its commands."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input

from library.corpus import state_file
from library.state import StateStore
from tests.tui.conftest import HANGZHOU
from tests.tui.pilot import indexed, titles, until
from tui.app import LedeApp
from tui.screens.help import HelpScreen


async def test_up_and_down_bring_back_the_filters_used_before(reader_corpus: Path) -> None:
    """A filter cleared with esc to look at something else had to be typed again: ``↑``
    and ``↓`` in the field did nothing."""
    app = LedeApp([str(reader_corpus)])
    async with app.run_test(size=(160, 45)) as pilot:
        await indexed(pilot)
        field = app.screen.query_one("#filter", Input)
        for typed in ("facial", "hangz", "facial"):  # used again: once, as the latest
            await pilot.press("slash", *typed, "enter")
            await until(pilot, lambda: not field.has_focus, "the list")
            await pilot.press("escape")
            await until(pilot, lambda: not field.display, "the filter cleared")
        await pilot.press("slash", *"draft")
        recalled = []
        for key in ("up", "up", "up", "down", "down", "down"):
            await pilot.press(key)
            recalled.append(field.value)
        assert recalled == ["facial", "hangz", "hangz", "facial", "draft", "draft"]
        assert field.cursor_position == len("draft")

        await pilot.press("up", "up")
        await until(pilot, lambda: app.screen.filter_text == "hangz", "the list to follow")
        await until(pilot, lambda: [t[: len(HANGZHOU)] for t in titles(app)] == [HANGZHOU])
        await pilot.press("enter", "slash", "up")  # the filter shown is the latest now
        assert field.value == "facial"


async def test_the_help_names_the_filter_s_keys(reader_corpus: Path) -> None:
    app = LedeApp([str(reader_corpus)])
    async with app.run_test(size=(100, 80)) as pilot:
        await indexed(pilot)
        await pilot.press("question_mark")
        await until(pilot, lambda: isinstance(app.screen, HelpScreen), "the help")
        lines = str(app.screen.query_one("#help-keys").render()).splitlines()
        filter_keys = lines[lines.index("Filter") + 1 :]
        assert [line.split(maxsplit=1) for line in filter_keys[:4]] == [
            ["⏎", "To the list"],
            ["esc", "Clear"],
            ["↑", "Earlier filter"],
            ["↓", "Later filter"],
        ]


async def test_the_filters_used_are_kept_for_the_next_session(reader_corpus: Path) -> None:
    """The history lasted one session: a reader started again brought back nothing on
    ``↑``. It is kept in the reading state, one for every corpus, as a shell's is."""
    app = LedeApp([str(reader_corpus)])
    async with app.run_test(size=(160, 45)) as pilot:
        await indexed(pilot)
        field = app.screen.query_one("#filter", Input)
        for typed in ("facial", "hangz"):
            await pilot.press("slash", *typed, "enter")
            await until(pilot, lambda: not field.has_focus, "the list")
        kept = StateStore(state_file())
        try:
            await until(pilot, lambda: kept.filter_history() == ["facial", "hangz"], "kept")
        finally:
            kept.close()

    other = reader_corpus.parent / "other"  # another corpus: the same history
    other.mkdir()
    (other / "a.md").write_text(
        (reader_corpus / sorted(p.name for p in reader_corpus.glob("*.md"))[0]).read_text()
    )
    app = LedeApp([str(other)])
    async with app.run_test(size=(160, 45)) as pilot:
        await indexed(pilot)
        field = app.screen.query_one("#filter", Input)
        await pilot.press("slash")
        recalled = []
        for key in ("up", "up", "up", "down"):
            await pilot.press(key)
            recalled.append(field.value)
        assert recalled == ["hangz", "facial", "facial", "hangz"]


async def test_a_history_in_a_state_damaged_since_the_start_leaves_the_field_working(
    reader_corpus: Path,
) -> None:
    """Read as the field is first used, the history of a state written over since the
    reader started ended the reader in a traceback, "file is not a database"."""
    earlier = StateStore(state_file())
    earlier.remember_filter("hangz")
    earlier.close()
    app = LedeApp([str(reader_corpus)])
    async with app.run_test(size=(160, 45)) as pilot:
        await indexed(pilot)
        path = app.session.state.path
        for part in (path, *(path.with_name(path.name + log) for log in ("-wal", "-shm"))):
            if part.exists():
                with part.open("r+b") as damaged:  # the same file: written over in place
                    damaged.write(b"not a database " * 4096)
        await pilot.press("slash")
        field = app.screen.query_one("#filter", Input)
        await until(pilot, lambda: field.has_focus, "the field")
        await pilot.press(*"facial", "enter", "escape", "slash", "up")
        assert field.value == "facial"
