"""The footer at 80x24: the help key is always there whole, whichever pane has the focus."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Footer

from tests.tui.pilot import indexed, until
from tui.app import LedeApp
from tui.widgets.detail_view import DetailView
from tui.widgets.topic_tree import TopicTree


def footer_keys(app: LedeApp) -> tuple[list, object]:
    """The footer's keys in order, and the palette key docked on its right."""
    keys = list(app.screen.query_one(Footer).query("FooterKey"))
    palette = next(key for key in keys if key.has_class("-command-palette"))
    return [key for key in keys if key is not palette], palette


def whole(app: LedeApp, key, palette) -> bool:  # noqa: ANN001 - footer keys
    """The key is on the screen and not under the palette key."""
    return app.screen.region.contains_region(key.region) and key.region.right <= palette.region.x


async def test_help_is_shown_whole_in_every_pane(reader_corpus: Path) -> None:
    app = LedeApp([str(reader_corpus)])
    async with app.run_test(size=(80, 24)) as pilot:
        await indexed(pilot)
        keys, palette = footer_keys(app)
        assert [key.description for key in keys[:2]] == ["Help", "Quit"]
        # The list's keys all fit beside it: none is cut by the edge or the palette key.
        assert [key.description for key in keys if not whole(app, key, palette)] == []
        assert [key.description for key in keys] == [
            "Help",
            "Quit",
            "Open",
            "Filter",
            "Star",
            "Preview",
            "Copy URL",
        ]
        await pilot.press("enter")
        await until(pilot, lambda: app.screen.query_one(DetailView).has_focus)
        await until(pilot, lambda: "Next article" in [k.description for k in footer_keys(app)[0]])
        keys, palette = footer_keys(app)
        assert keys[0].description == "Help" and whole(app, keys[0], palette)
        await pilot.press("t")
        await until(pilot, lambda: app.screen.query_one(TopicTree).has_focus)
        await pilot.pause()
        keys, palette = footer_keys(app)
        assert keys[0].description == "Help" and whole(app, keys[0], palette)
