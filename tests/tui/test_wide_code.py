"""A code block wider than the detail pane: its lines are kept, and the keys reach their
ends, as the mouse did."""

from __future__ import annotations

from pathlib import Path

from tests.tui.pilot import detail_text, indexed, until
from tui.app import LedeApp
from tui.screens.help import HelpScreen
from tui.widgets.detail_view import DetailView

LONG_LINE = "answer = compute(" + ", ".join(f"argument_{n}" for n in range(30)) + ")"


def wide_article(root: Path) -> Path:
    root.mkdir()
    (root / "wide.md").write_text(
        "---\ntitle: A wide code block\npublishedDateTime: 2024-01-01T00:00:00Z\n"
        "originalUrl: https://example.com/wide\n---\n\nThe call:\n\n"
        f"```python\n{LONG_LINE}\n```\n"
    )
    return root


async def test_left_and_right_scroll_a_wide_code_block(tmp_path: Path) -> None:
    """``→`` in the detail view did nothing: the end of a code line wider than the pane
    was out of reach of the keys."""
    app = LedeApp([str(wide_article(tmp_path / "corpus"))])
    async with app.run_test(size=(80, 24)) as pilot:
        await indexed(pilot)
        await pilot.press("enter")
        detail = app.screen.query_one(DetailView)
        await until(pilot, lambda: detail.has_focus and detail.query("MarkdownFence"), "the code")
        code = detail.query_one("MarkdownFence")
        await until(pilot, lambda: code.max_scroll_x > 0 and code.region, "the code laid out")
        await pilot.press("right")
        await until(pilot, lambda: code.scroll_x > 0, "the code scrolled")
        await pilot.press(*["right"] * 12)  # past its end: at its end
        await until(pilot, lambda: code.scroll_x == code.max_scroll_x, "the line's end")
        await pilot.press(*["left"] * 12)
        await until(pilot, lambda: code.scroll_x == 0, "the line's start")
        assert detail.has_focus  # ``←`` stayed in the pane

        await pilot.press("question_mark")
        await until(pilot, lambda: isinstance(app.screen, HelpScreen), "the help")
        lines = str(app.screen.query_one("#help-keys").render()).splitlines()
        detail_keys = lines[lines.index("Detail view") + 1 : lines.index("Topic tree")]
        assert ["←,", "→", "Code", "sideways"] in [line.split() for line in detail_keys]


async def test_the_palette_offers_them_only_with_wide_code_on_screen(tmp_path: Path) -> None:
    """The palette offered "Code sideways" in the detail view of any article, a command
    that then did nothing."""
    root = wide_article(tmp_path / "corpus")
    (root / "plain.md").write_text(
        "---\ntitle: A plain article\npublishedDateTime: 2024-02-01T00:00:00Z\n"
        "originalUrl: https://example.com/plain\n---\n\nNo code at all.\n"
    )
    app = LedeApp([str(root)])
    async with app.run_test(size=(80, 24)) as pilot:
        await indexed(pilot)
        await pilot.press("enter")  # the newest: the plain one
        detail = app.screen.query_one(DetailView)
        await until(pilot, lambda: detail.has_focus and "No code" in detail_text(app), "it")
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert not [title for title in titles if title.startswith("Code sideways")]
        await pilot.press("J")  # the next: the wide one
        await until(pilot, lambda: detail.wide_code(), "the wide code on screen")
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert [title for title in titles if title.startswith("Code sideways")] == [
            "Code sideways  ←",
            "Code sideways  →",
        ]
