"""The reader on pages saved by read-later tools: what the detail pane shows of them."""

from __future__ import annotations

from pathlib import Path

from tests.models.test_clippings import OMNIVORE, READWISE
from tests.tui.pilot import detail_text, indexed, settled
from tui.app import LedeApp


async def test_a_saved_pages_detail_shows_its_byline_site_summary_and_link(
    tmp_path: Path,
) -> None:
    """Readwise's note showed no byline, summary or link, its short title; Omnivore's no
    site or link, the byline 'unknown' and the kind 'ARTICLE'."""
    vault = tmp_path / "vault"
    (vault / ".obsidian").mkdir(parents=True)
    (vault / "Readwise").mkdir()
    (vault / "Readwise" / "Data Platform Explained.md").write_text(READWISE)
    (vault / "Omnivore" / "2024-02-11").mkdir(parents=True)
    (vault / "Omnivore" / "2024-02-11" / "The AI bubble.md").write_text(OMNIVORE)
    app = LedeApp([str(vault)])
    async with app.run_test(size=(160, 45)) as pilot:
        await indexed(pilot)
        await pilot.press("slash", *"platform", "enter", "enter")
        await settled(pilot)
        shown = detail_text(app)
        assert "Data Platform Explained Part I" in shown
        assert "Spotify Engineering" in shown
        assert "How the platform processes 1.4 trillion data points a day." in shown
        assert "https://engineering.test/2024/04/data-platform/" in shown
    app = LedeApp([str(vault)])
    async with app.run_test(size=(160, 45)) as pilot:
        await indexed(pilot)
        await pilot.press("slash", *"bubble", "enter", "enter")
        await settled(pilot)
        shown = detail_text(app)
        assert "Tech Weekly" in shown and "https://techweekly.test/ai-bubble" in shown
        assert "unknown" not in shown and "ARTICLE" not in shown
