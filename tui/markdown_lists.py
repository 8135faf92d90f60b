"""The detail pane's Markdown, with lists drawn as one widget each.

Textual's Markdown lays out each item of a list as a row of widgets: its bullet beside a
column of its paragraphs. A weekly digest or a newsletter (a few hundred linked items)
made some thousand widgets, and moving onto one held the reader for seconds. A list whose
items hold only paragraphs and lists of the same kind is drawn here as lines of one
widget, as Textual draws it: the bullet, the item's text wrapped beside it, its later
lines and nested lists indented under its first. Any other list (one holding code, a
quote or a table) is left to Textual's widgets.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from typing import TYPE_CHECKING

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.content import Content
from textual.visual import RenderOptions, Visual
from textual.widgets import Markdown
from textual.widgets.markdown import MarkdownBlock

from tui.textual_internals import (
    MarkdownBulletList,
    MarkdownListItem,
    MarkdownOrderedList,
    MarkdownParagraph,
    paragraph_text,
    parsed_blocks,
)

if TYPE_CHECKING:
    from textual.css.styles import RulesMap
    from textual.strip import Strip
    from textual.style import Style


class ListLines(Visual):
    """A list as lines: each item's bullet, then its parts, indented under its first line.

    ``items`` pairs each bullet with the item's parts: a paragraph's text, or a nested
    list. Bullets are drawn in ``bullet_style``."""

    def __init__(
        self, items: list[tuple[str, list[Content | ListLines]]], bullet_style: str
    ) -> None:
        self.items = items
        self.bullet_style = bullet_style
        self._wrapped: tuple[int, list[Content]] = (-1, [])

    def lines(self, width: int) -> list[Content]:
        """The list's lines at ``width`` (kept for the last width asked)."""
        if self._wrapped[0] != width:
            self._wrapped = (width, list(self._laid_out(max(width, 1))))
        return self._wrapped[1]

    def _laid_out(self, width: int) -> Iterator[Content]:
        for bullet, parts in self.items:
            indent = cell_len(bullet)
            inner = max(width - indent, 1)
            lines = [
                line
                for part in parts
                for line in (part.lines(inner) if isinstance(part, ListLines) else part.wrap(inner))
            ]
            if not lines:
                continue  # an empty item takes no line in Textual's widgets either
            yield Content.styled(bullet, self.bullet_style) + lines[0]
            for line in lines[1:]:
                yield Content(" " * indent) + line

    def render_strips(
        self, width: int, height: int | None, style: Style, options: RenderOptions
    ) -> list[Strip]:
        # Each line fits ``width`` already: wrapped again, as the text's own wrapping does
        # (it keeps them as they are), they cost a second pass, some two fifths of a draw.
        text = Content("\n").join(self.lines(width))
        unwrapped = replace(options, rules={**options.rules, "text_wrap": "nowrap"})
        return text.render_strips(width, height, style, unwrapped)

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return container_width

    def get_height(self, rules: RulesMap, width: int) -> int:
        return len(self.lines(width))


def list_lines(block: MarkdownBlock) -> ListLines | None:
    """``block``'s items as lines, or None if an item holds what only widgets draw."""
    # The colour of Textual's bullets, on a dark theme and a light one.
    bullet_style = "$text-primary" if block.app.current_theme.dark else "$text-secondary"
    items: list[tuple[str, list[Content | ListLines]]] = []
    for bullet, item in _bullets(block):
        parts: list[Content | ListLines] = []
        for part in parsed_blocks(item):
            nested = list_lines(part) if isinstance(part, (BulletLines, OrderedLines)) else None
            if isinstance(part, MarkdownParagraph):
                parts.append(paragraph_text(part))
            elif nested is not None:
                parts.append(nested)
            else:
                return None
        items.append((bullet, parts))
    return ListLines(items, bullet_style)


def _bullets(block: MarkdownBlock) -> Iterator[tuple[str, MarkdownListItem]]:
    """Each item of ``block`` with its bullet, as Textual numbers and marks them."""
    items = [item for item in parsed_blocks(block) if isinstance(item, MarkdownListItem)]
    if not isinstance(block, MarkdownOrderedList):
        yield from ((item.bullet, item) for item in items)
        return
    try:
        start = int(items[0].bullet) if items else 1
    except ValueError:
        start = 1
    numbers = [f"{number}. " for number in range(start, start + len(items))]
    width = max(map(len, numbers), default=0) + 1
    yield from ((number.rjust(width), item) for number, item in zip(numbers, items, strict=True))


def _composed(block: MarkdownBlock, widgets: Callable[[], ComposeResult]) -> ComposeResult:
    """``block`` drawn as lines by itself where it can be (no widgets), else ``widgets``."""
    lines = list_lines(block)
    if lines is None:
        return widgets()
    parsed_blocks(block).clear()
    block.update(lines)
    return ()


# Each subclasses one of Textual's lists alone: Textual takes a widget's styles from its
# first base only, and a list lost its margins under a second one.
class BulletLines(MarkdownBulletList):
    """A bullet list, drawn as lines where it can be."""

    def compose(self) -> ComposeResult:
        return _composed(self, super().compose)


class OrderedLines(MarkdownOrderedList):
    """A numbered list, drawn as lines where it can be."""

    def compose(self) -> ComposeResult:
        return _composed(self, super().compose)


class ArticleMarkdown(Markdown):
    """Textual's Markdown with its lists drawn as lines where they can be."""

    BLOCKS = {
        **Markdown.BLOCKS,
        "bullet_list_open": BulletLines,
        "ordered_list_open": OrderedLines,
    }
