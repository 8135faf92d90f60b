"""The command palette (ctrl+p) never ends the reader, whatever is pressed in it."""

from __future__ import annotations

from pathlib import Path

from textual.command import CommandList

from tui.app import LedeApp
from tui.palette import Palette


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
