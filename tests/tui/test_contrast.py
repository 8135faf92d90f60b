"""The article under the cursor reads as well as the rows around it and stands out from
them, in every theme and under NO_COLOR."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.color import Color
from rich.segment import Segment
from textual.pilot import Pilot
from textual.widget import Widget

from tests.tui.pilot import detail_text, indexed, settled
from tui.app import LedeApp
from tui.widgets.article_list import ArticleList
from tui.widgets.topic_tree import TopicTree

# Textual's themes drawn in its own colours (the ANSI ones take the terminal's palette).
THEMES = [
    "textual-dark",
    "textual-light",
    "nord",
    "gruvbox",
    "dracula",
    "tokyo-night",
    "monokai",
    "catppuccin-mocha",
    "solarized-light",
]
LEAST = 3.5
"""Contrast of text on its background below which it is hard to read (WCAG asks 4.5 of
body text, 3 of large text); the solarized themes' own accent and text reach 3.7."""


def luminance(color: Color) -> float:
    def channel(value: int) -> float:
        value_ = value / 255
        return value_ / 12.92 if value_ <= 0.03928 else ((value_ + 0.055) / 1.055) ** 2.4

    red, green, blue = color.get_truecolor()
    return 0.2126 * channel(red) + 0.7152 * channel(green) + 0.0722 * channel(blue)


def ratio(one: Color, other: Color) -> float:
    lighter, darker = sorted((luminance(one), luminance(other)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def drawn(segment: Segment) -> tuple[Color, Color]:
    """A segment's text and background colours as a terminal draws them: turned over where
    it is reversed, a dim text half way to its background."""
    style = segment.style
    assert style is not None and style.color is not None and style.bgcolor is not None
    text, ground = style.color, style.bgcolor
    if style.reverse:
        text, ground = ground, text
    if style.dim:
        red, green, blue = (
            (a + b) // 2 for a, b in zip(text.get_truecolor(), ground.get_truecolor(), strict=True)
        )
        text = Color.from_rgb(red, green, blue)
    return text, ground


def contrast(segment: Segment) -> float:
    """The contrast of a segment's text on its background, as a terminal draws it."""
    return ratio(*drawn(segment))


def drawn_line(app: LedeApp, widget: Widget, y: int) -> list[Segment]:
    """The widget's line ``y`` from its top on screen, as sent (filters applied), each
    part of text apart."""
    strips = list(app.screen._compositor.render_strips())
    area = widget.content_region
    return [s for s in strips[area.y + y].crop(area.x, area.right) if s.text.strip()]


async def focus_either(pilot: Pilot, one: Widget, other: Widget, first: bool) -> None:
    """Focus ``one`` if ``first``, else ``other``, and let the screen draw it."""
    (one if first else other).focus()
    await pilot.pause()


@pytest.mark.parametrize("focused", [True, False])
async def test_every_part_of_the_cursor_row_is_readable(reader_corpus: Path, focused: bool) -> None:
    """The date, the provider, the quality and an unpublished title kept the colours
    chosen for the list's background on the cursor's: on textual-dark's orange bar they
    read at 1.3:1, and where the list had no focus (an article open beside it) the whole
    row was dimmed too, its title at 2.6:1."""
    app = LedeApp([str(reader_corpus)])
    async with app.run_test(size=(160, 45)) as pilot:
        await indexed(pilot)
        articles = app.screen.query_one(ArticleList)
        await focus_either(pilot, articles, app.screen.query_one(TopicTree), focused)
        assert articles.has_focus is focused
        for theme in THEMES:
            app.theme = theme
            await pilot.pause()
            for position in range(articles.count):
                articles.set_cursor(position)
                await pilot.pause()
                for segment in articles.render_line(position):
                    if segment.text.strip():
                        seen = contrast(segment)
                        assert seen >= LEAST, (theme, position, segment.text, round(seen, 1))


@pytest.mark.parametrize("focused", [True, False])
async def test_the_cursor_row_stands_out_under_no_color(
    reader_corpus: Path, monkeypatch: pytest.MonkeyPatch, focused: bool
) -> None:
    """Under NO_COLOR Textual draws the theme in greys: the focused cursor's bar, a light
    grey with dark text, was then reversed into dark grey (#161616) with light text, as
    every other row (#121212): the cursor could not be seen."""
    monkeypatch.setenv("NO_COLOR", "1")
    app = LedeApp([str(reader_corpus)])
    async with app.run_test(size=(160, 45)) as pilot:
        await indexed(pilot)
        articles = app.screen.query_one(ArticleList)
        await focus_either(pilot, articles, app.screen.query_one(TopicTree), focused)
        assert app.no_color and articles.has_focus is focused
        grounds = {drawn(segment)[1] for segment in drawn_line(app, articles, articles.cursor)}
        assert len(grounds) == 1
        [bar] = grounds
        for segment in drawn_line(app, articles, articles.cursor + 1):
            assert ratio(bar, drawn(segment)[1]) >= (LEAST if focused else 1.5), segment.text
        for segment in drawn_line(app, articles, articles.cursor):
            assert contrast(segment) >= LEAST, segment.text


def tree_line(app: LedeApp, tree: TopicTree, y: int) -> list[Segment]:
    """The tree's line ``y`` as drawn, its label's name and counts apart."""
    return drawn_line(app, tree, y - tree.scroll_offset.y)


@pytest.mark.parametrize("focused", [True, False])
async def test_the_counts_on_the_trees_cursor_read_as_well_as_its_name(
    reader_corpus: Path, focused: bool
) -> None:
    """A node's counts are dimmed beside its name, and stayed dimmed on the cursor's bar:
    on textual-dark's blue one they read at 2.5:1, on gruvbox's at 1.8:1."""
    app = LedeApp([str(reader_corpus)])
    async with app.run_test(size=(160, 45)) as pilot:
        await indexed(pilot)
        tree = app.screen.query_one(TopicTree)
        await focus_either(pilot, tree, app.screen.query_one(ArticleList), focused)
        for theme in THEMES:
            app.theme = theme
            await pilot.pause()
            name, *counts = tree_line(app, tree, tree.cursor_line)
            assert counts and name.text.startswith("All articles")
            for count in counts:
                assert contrast(count) >= contrast(name) - 0.05, (theme, count.text)
        tree.action_cursor_down()
        await pilot.pause()
        name, *counts = tree_line(app, tree, tree.cursor_line - 1)  # dimmed again
        assert contrast(counts[0]) < contrast(name)


GUIDES = set("├└│─▏▕▔▁▂▃▄▅▆▇▀█")  # and the borders of a dialog, the ends of a scrollbar's thumb


def hard_to_read(app: LedeApp, least: float, within: str = "") -> list[tuple[str, float]]:
    """The texts on screen (or in the widget ``within``), guides and rules aside, that read
    below ``least``."""
    area = app.screen.query_one(within).region if within else app.screen.region
    found = []
    for strip in list(app.screen._compositor.render_strips())[area.y : area.bottom]:
        for segment in strip.crop(area.x, area.right):
            text = segment.text.strip()
            if text and not set(text) <= GUIDES and (seen := contrast(segment)) < least:
                found.append((text, round(seen, 1)))
    return found


@pytest.mark.parametrize("theme", ["textual-light", "catppuccin-latte", "atom-one-light"])
async def test_words_in_the_themes_colours_are_readable_in_light_themes(
    reader_corpus: Path, theme: str
) -> None:
    """The provider in an article's header, its "Not published by the site", the help's
    headings were drawn in the theme's accent and warning colours, which light themes
    choose for backgrounds: on textual-light's pale grey they read at 1.5:1. They are
    drawn in the colours the themes choose for text."""
    app = LedeApp([str(reader_corpus)])
    async with app.run_test(size=(160, 45)) as pilot:
        await indexed(pilot)
        app.theme = theme
        await pilot.press("G", "k", "enter")  # an article the site did not publish
        await settled(pilot)
        assert "Not published by the site" in detail_text(app)
        assert hard_to_read(app, 2.5) == []
        await pilot.press("question_mark")
        await settled(pilot)
        assert hard_to_read(app, 2.5, "#help-dialog") == []
