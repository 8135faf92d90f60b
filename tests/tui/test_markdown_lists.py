"""Lists in the detail pane: one widget each, drawn as Textual's widgets draw them."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich._wrap import divide_line as rich_divide_line
from textual import content
from textual.app import App, ComposeResult
from textual.geometry import Region
from textual.widgets import Markdown

from tests.conftest import write_document
from tests.tui.pilot import indexed, until
from tui.app import LedeApp
from tui.markdown_lists import ArticleMarkdown, BulletLines
from tui.widgets.detail_view import DetailView

LISTS = """\
Intro paragraph.

* A short item with a [link](https://example.com/a), **bold**, *em* and `code`
* A long item that goes on and on past the width of the pane so that it wraps onto a
  second line and maybe a third one too
  * nested item one
  * nested item two that is also rather long and wraps around the pane's edge
    1. deep ordered
    2. deep ordered two
*
* Last

8. eight
9. nine that is long enough to wrap around the edge of the detail pane at this width
10. ten

- an item with two paragraphs

  the second of them
- an item with code:

  ```
  code here
  ```
- after the code

Closing paragraph.
"""


class Body(App[None]):
    """One Markdown widget, as the detail pane holds it."""

    def __init__(self, widget: type[Markdown], markdown: str) -> None:
        super().__init__()
        self.widget = widget
        self.markdown = markdown
        self.clicked: list[str] = []

    def compose(self) -> ComposeResult:
        yield self.widget(self.markdown, open_links=False)

    def on_markdown_link_clicked(self, event: Markdown.LinkClicked) -> None:
        self.clicked.append(event.href)


async def drawn(widget: type[Markdown], width: int) -> list[list[tuple[object, ...]]]:
    """Each line of the screen as its visible characters with their looks."""
    app = Body(widget, LISTS)
    async with app.run_test(size=(width, 80)) as pilot:
        await pilot.pause()
        strips = app.screen._compositor.render_strips()
    return [
        [
            (character, style.color, style.bold, style.italic, style.underline, style.link)
            for segment in strip
            for character in segment.text
            if not character.isspace() and (style := segment.style) is not None
        ]
        + [strip.text.rstrip()]
        for strip in strips
    ]


@pytest.mark.parametrize("width", [24, 60, 100])
async def test_lists_are_drawn_as_textuals_widgets_draw_them(width: int) -> None:
    """Bullets, numbers, wrapping, indentation, nesting, colours and inline styles."""
    mine = await drawn(ArticleMarkdown, width)
    assert mine == await drawn(Markdown, width)
    text = [line[-1] for line in mine]
    assert any(line.strip().startswith("• A long item") for line in text)
    assert any(line.strip().startswith("10. ten") for line in text)


async def test_a_link_in_a_list_drawn_as_lines_is_clicked_as_any_link() -> None:
    app = Body(ArticleMarkdown, "* see [the page](https://example.com/p) here\n* more\n")
    async with app.run_test(size=(60, 10)) as pilot:
        await pilot.pause()
        lines = app.query_one(BulletLines)
        assert not lines.children  # drawn by itself
        await pilot.click(lines, offset=(len("• see t"), 0))
        await until(pilot, lambda: app.clicked == ["https://example.com/p"], "the click")


async def test_a_digest_of_hundreds_of_links_is_a_few_widgets(tmp_path: Path) -> None:
    """A weekly digest of 200 linked items was some 800 widgets in the detail pane, and
    moving onto it held the reader for seconds."""
    items = "".join(f"* [Story {n}](https://example.com/{n}) by someone\n" for n in range(200))
    write_document(tmp_path, "digest.md", "title: Weekly digest", f"## This week\n\n{items}")
    app = LedeApp([str(tmp_path)])
    async with app.run_test(size=(120, 40)) as pilot:
        await indexed(pilot)
        body = app.screen.query_one(DetailView).query_one("#detail-body", Markdown)
        await until(pilot, lambda: body.query(BulletLines), "the list")
        digest = body.query_one(BulletLines)
        assert "Story 199 by someone" in digest.render().lines(100)[-1].plain
        assert len(body.query("*")) < 10


async def test_a_long_list_is_wrapped_once_as_it_is_drawn(monkeypatch: pytest.MonkeyPatch) -> None:
    """Its lines, wrapped to the pane as it was laid out, were wrapped again as they were
    drawn: a second pass over every item of a digest, a tenth of its first draw."""
    items = "".join(f"* [Story {n}](https://example.com/{n}) by someone\n" for n in range(300))
    app = Body(ArticleMarkdown, f"## This week\n\n{items}")
    async with app.run_test(size=(100, 30)) as pilot:
        await until(pilot, lambda: app.query(BulletLines), "the list")
        await pilot.pause()
        digest = app.query_one(BulletLines)
        wrapped: list[str] = []

        def divide_line(text: str, width: int, fold: bool = True) -> list[int]:
            wrapped.append(text)
            return rich_divide_line(text, width, fold=fold)

        monkeypatch.setattr(content, "divide_line", divide_line)
        digest.refresh()
        drawn = digest.render_lines(Region(0, 0, digest.size.width, digest.size.height))
        assert len(drawn) == digest.size.height >= 300
        assert "Story 299 by someone" in drawn[299].text
        assert wrapped == []
