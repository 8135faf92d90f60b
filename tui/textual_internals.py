"""Every use of Textual beyond its public API, in one place.

The reader leans on a few of Textual's private parts to stay cheap per keystroke:
a ``virtual_size`` that does not lay the screen out, the scrollbar a scrolling
widget owns, the driver that writes to the terminal, the clock that stamps
each message (to tell a key that waited from one just typed), the size of the terminal
its driver draws on, and the Markdown
widget's lists and the blocks parsed into them (which ``tui.markdown_lists`` draws
as lines); and the parser of terminal input, to read pastes as text (``tui.paste``).
Textual is pinned
exactly; ``tests/tui/test_textual_internals.py`` checks that each part is still
there, so that an upgrade which removes one fails loudly in the suite rather
than quietly in a person's terminal.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from rich.segment import Segment
from textual._time import get_time
from textual.app import App
from textual.content import Content
from textual.drivers.linux_driver import LinuxDriver
from textual.events import Resize
from textual.geometry import Size
from textual.reactive import Reactive
from textual.scrollbar import ScrollBar
from textual.widget import Widget

if TYPE_CHECKING:
    from textual.message import Message
    from textual.widgets._markdown import (
        MarkdownBlock,
        MarkdownBulletList,
        MarkdownListItem,
        MarkdownOrderedList,
        MarkdownParagraph,
    )

__all__ = ["MarkdownBulletList", "MarkdownListItem", "MarkdownOrderedList", "MarkdownParagraph"]


def __getattr__(name: str) -> Any:
    """The Markdown widget's parts, imported when the detail pane first draws a body:
    with its parser, importing them took a tenth of the reader's start."""
    if name in __all__:
        from textual.widgets import _markdown

        return getattr(_markdown, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def message_clock() -> float:
    """Now, on the clock that stamps each message's ``time`` (a key's is when it was read
    from the terminal, however long it then waited to be handled)."""
    return get_time()


def virtual_size_without_layout() -> Reactive[Size]:
    """A ``virtual_size`` whose change does not lay out the screen again (Textual's
    own asks for a layout pass, which repaints everything, on each change)."""
    return Reactive(Size(0, 0), layout=False)


def _thumb(bar: ScrollBar, rows: int) -> list[Segment]:
    """How ``bar`` draws a list of ``rows`` rows from where it stands now."""
    return bar.renderer.render_bar(
        size=bar.window_size,
        virtual_size=rows,
        window_size=bar.window_size,
        position=bar.position,
        thickness=bar.thickness,
    ).segments


def update_scrollbar(widget: Widget, old: Size, new: Size) -> None:
    """What a scrolling widget does when its ``virtual_size`` changes (Textual's own
    ``watch_virtual_size``), except that a thumb which would look the same is not painted
    again: at the top of a long list it is one cell whatever the count, and painting the
    bar cost as much as painting the rows. Showing or hiding the bar still lays the
    screen out (the rows get narrower or wider)."""
    bar = widget._vertical_scrollbar
    if (
        bar is not None
        and widget.show_vertical_scrollbar
        and min(old.height, new.height) > widget.container_size.height
        and _thumb(bar, old.height) == _thumb(bar, new.height)
    ):
        bar.set_reactive(ScrollBar.window_virtual_size, new.height)
        widget.scroll_y = widget.validate_scroll_y(widget.scroll_y)
        return
    widget._scroll_update(new)


def write_to_terminal(app: App[Any], text: str) -> None:
    """Write ``text`` to the terminal as it is, when there is one."""
    if app._driver is not None:
        app._driver.write(text)


def parsed_blocks(block: MarkdownBlock) -> list[MarkdownBlock]:
    """The blocks parsed into ``block`` (a list's items, an item's paragraphs), which its
    ``compose`` mounts: emptied, none are."""
    return block._blocks


def paragraph_text(paragraph: MarkdownParagraph) -> Content:
    """A parsed paragraph's text, with its styles and links."""
    return paragraph._content


def filter_terminal_input(make_filter: Callable[[], Callable[[str], str]], driver: type) -> None:
    """Have ``driver`` (Textual's POSIX driver, or its web driver for a browser) parse
    what a filter made by ``make_filter`` (one for each parser) passes of the terminal's
    text: each makes its parser by the name its module imports it under. A module made
    to filter already is left as it is, and so is a driver that parses no terminal text
    (the tests' headless one)."""
    from textual._xterm_parser import XTermParser

    modules = {sys.modules[kind.__module__] for kind in driver.__mro__}
    parsing = [module for module in modules if getattr(module, "XTermParser", None) is XTermParser]
    if not parsing:
        return

    class FilteredParser(XTermParser):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._filter = make_filter()

        def feed(self, data: str) -> Iterable[Message]:
            if not data:  # the end of the input
                return super().feed(data)
            passed = self._filter(data)
            return super().feed(passed) if passed else ()  # nothing yet: not the end

    for module in parsing:
        setattr(module, "XTermParser", FilteredParser)  # noqa: B010 - the name the driver reads


# Far past any screen's; each cell drawn holds memory, and a terminal that says it is
# larger (``stty rows 3000 cols 3000``) took the reader to hundreds of megabytes.
LARGEST = Size(1000, 500)


class SizedByItsTerminal(LinuxDriver):
    """Textual's POSIX driver, which takes the terminal's size from stdout (through
    ``shutil.get_terminal_size``) though it draws on stderr: with stdout sent to a file or
    a pipe (``lede > lede.out``, a launcher keeping a log), it took 80x24 whatever the
    terminal, and drew a screen of that size into it, broken. It now asks the terminal it
    draws on; with stdout a terminal, as Textual does. Whatever size the terminal gives,
    asked or told (in band, as some report a resize), the reader draws at ``LARGEST``
    at most."""

    def __init__(self, app: App[Any], **options: Any) -> None:
        super().__init__(app, **options)
        # Before the first resize, the app is laid out at this size, or else at the size
        # its console finds, uncapped.
        if self._size is None:
            self._size = self._get_terminal_size()

    def _get_terminal_size(self) -> tuple[int, int]:
        columns, lines = self._asked_size()
        return min(columns, LARGEST.width), min(lines, LARGEST.height)

    def _asked_size(self) -> tuple[int, int]:
        stdout, drawn_on = sys.__stdout__, self._file
        if stdout is not None and not stdout.isatty() and drawn_on is not None:
            try:
                columns, lines = os.get_terminal_size(drawn_on.fileno())
            except (ValueError, OSError):
                return super()._get_terminal_size()
            return columns, lines
        return super()._get_terminal_size()

    def process_message(self, message: Message) -> None:
        if isinstance(message, Resize):
            message = _at_most_largest(message)
        super().process_message(message)


def _at_most_largest(told: Resize) -> Resize:
    """``told`` of a size ``LARGEST`` holds, its pixels in the same proportion."""
    width, height = min(told.size.width, LARGEST.width), min(told.size.height, LARGEST.height)
    if (width, height) == told.size:
        return told
    pixels = told.pixel_size
    if pixels is not None and told.size.width and told.size.height:
        pixels = Size(
            pixels.width * width // told.size.width, pixels.height * height // told.size.height
        )
    return Resize.from_dimensions((width, height), pixels)
