"""Every use of Textual beyond its public API, in one place.

The reader leans on a few of Textual's private parts to stay cheap per keystroke:
a ``virtual_size`` that does not lay the screen out, the scrollbar a scrolling
widget owns, and the driver that writes to the terminal. Textual is pinned
exactly; ``tests/tui/test_textual_internals.py`` checks that each part is still
there, so that an upgrade which removes one fails loudly in the suite rather
than quietly in a person's terminal.
"""

from __future__ import annotations

from typing import Any

from rich.segment import Segment
from textual.app import App
from textual.geometry import Size
from textual.reactive import Reactive
from textual.scrollbar import ScrollBar
from textual.widget import Widget


def virtual_size_without_layout() -> Reactive[Size]:
    """A ``virtual_size`` whose change does not lay out the screen again (Textual's
    own asks for a layout pass, which repaints everything, on each change)."""
    return Reactive(Size(0, 0), layout=False)


def vertical_scrollbar(widget: Widget) -> ScrollBar | None:
    """The vertical scrollbar a scrolling widget has made, if it has made one."""
    return widget._vertical_scrollbar


def thumb(bar: ScrollBar, rows: int) -> list[Segment]:
    """How ``bar`` draws a list of ``rows`` rows from where it stands now."""
    return bar.renderer.render_bar(
        size=bar.window_size,
        virtual_size=rows,
        window_size=bar.window_size,
        position=bar.position,
        thickness=bar.thickness,
    ).segments


def move_thumb(bar: ScrollBar, rows: int) -> None:
    """Tell ``bar`` the list has ``rows`` rows without painting it again."""
    bar.set_reactive(ScrollBar.window_virtual_size, rows)


def update_scrollbars(widget: Widget, virtual_size: Size) -> None:
    """What a scrolling widget does after its ``virtual_size`` changed (the default
    ``watch_virtual_size``, for a widget that overrides it)."""
    widget._scroll_update(virtual_size)


def write_to_terminal(app: App[Any], text: str) -> None:
    """Write ``text`` to the terminal as it is, when there is one."""
    if app._driver is not None:
        app._driver.write(text)
