"""What ``tui.textual_internals`` relies on in Textual is still there and still works.

Textual is pinned exactly; an upgrade that renames or removes one of these parts
fails here, by name, rather than quietly in the reader.
"""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.driver import Driver
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.widget import Widget
from textual.widgets import Markdown

from tui import textual_internals


class Rows(ScrollView):
    """A scrolling widget of 100 rows whose row count never lays the screen out."""

    virtual_size = textual_internals.virtual_size_without_layout()


class Host(App[None]):
    def compose(self) -> ComposeResult:
        yield Rows()


def test_textual_s_own_virtual_size_lays_the_screen_out_and_ours_does_not() -> None:
    """If Textual's stopped asking for a layout, the workaround would be dead weight;
    if ours did, every filter keystroke would repaint the screen."""
    assert ScrollView.virtual_size._layout is True
    assert Widget.virtual_size._layout is True
    assert textual_internals.virtual_size_without_layout()._layout is False


async def test_the_scrollbar_follows_the_rows_and_is_painted_only_when_it_changes() -> None:
    app = Host()
    async with app.run_test(size=(40, 10)) as pilot:
        rows = app.query_one(Rows)
        rows.virtual_size = Size(0, 1000)
        textual_internals.update_scrollbar(rows, Size(0, 0), rows.virtual_size)
        await pilot.pause()
        bar = rows.vertical_scrollbar
        assert rows.show_vertical_scrollbar and bar.window_virtual_size == 1000
        painted: list[bool] = []
        bar.refresh = lambda *args, **kwargs: painted.append(True)  # a spy
        rows.virtual_size = Size(0, 990)  # a one-cell thumb at the top either way
        textual_internals.update_scrollbar(rows, Size(0, 1000), rows.virtual_size)
        assert bar.window_virtual_size == 990 and painted == []
        del bar.refresh
        rows.virtual_size = Size(0, 5)  # rows that fit: no bar
        textual_internals.update_scrollbar(rows, Size(0, 990), rows.virtual_size)
        await pilot.pause()
        assert not rows.show_vertical_scrollbar


async def test_text_reaches_the_terminal_through_the_driver(monkeypatch) -> None:  # noqa: ANN001 - pytest's
    app = Host()
    async with app.run_test() as pilot:
        written: list[str] = []
        driver = app._driver
        assert driver is not None
        monkeypatch.setattr(driver, "write", written.append)
        textual_internals.write_to_terminal(app, "\x1b]52;c;eA==\x07")
        await pilot.pause()
        assert written == ["\x1b]52;c;eA==\x07"]


def test_a_message_is_stamped_on_the_message_clock() -> None:
    """The filter tells a key that waited from one just typed by this stamp: on another
    clock every key would look like one or the other."""
    before = textual_internals.message_clock()
    stamped = Message().time
    assert before <= stamped <= textual_internals.message_clock()


class Recorded(textual_internals.MarkdownBulletList):
    """A bullet list that notes the paragraphs parsed into its items as it is composed."""

    seen: list[str] = []

    def compose(self) -> ComposeResult:
        Recorded.seen = [
            textual_internals.paragraph_text(part).plain
            for item in textual_internals.parsed_blocks(self)
            if isinstance(item, textual_internals.MarkdownListItem)
            for part in textual_internals.parsed_blocks(item)
            if isinstance(part, textual_internals.MarkdownParagraph)
        ]
        return super().compose()


class RecordingMarkdown(Markdown):
    BLOCKS = {**Markdown.BLOCKS, "bullet_list_open": Recorded}


class Document(App[None]):
    def compose(self) -> ComposeResult:
        yield RecordingMarkdown("* one *two*\n* [three](https://example.org)\n")


async def test_a_list_holds_its_items_and_their_paragraphs_until_it_is_composed() -> None:
    """The lists of the detail pane are drawn from these, as lines; if Textual kept them
    elsewhere, every list would be drawn empty."""
    app = Document()
    async with app.run_test() as pilot:
        await pilot.pause()
        assert Recorded.seen == ["one two", "three"]
        assert app.query_one(Recorded).query(textual_internals.MarkdownParagraph)


def test_the_driver_makes_its_parser_by_the_name_filter_terminal_input_replaces() -> None:
    """If Textual made its parser of terminal input another way, the filter would be left
    out, and escape sequences in a paste read as keys again (``tui.paste``)."""
    from textual.drivers import linux_driver, web_driver

    for module, driver in (
        (linux_driver, linux_driver.LinuxDriver),
        (web_driver, web_driver.WebDriver),
    ):
        assert "XTermParser" in driver.run_input_thread.__code__.co_names
        assert callable(module.XTermParser.feed)


def test_the_posix_driver_sizes_the_terminal_by_a_method_and_keeps_the_file_it_draws_on() -> None:
    """What ``SizedByItsTerminal`` overrides and reads."""
    import inspect

    from textual.drivers.linux_driver import LinuxDriver

    assert textual_internals.SizedByItsTerminal._get_terminal_size is not (
        LinuxDriver._get_terminal_size
    )
    assert "self._file = " in inspect.getsource(LinuxDriver.__init__)
    assert "self._get_terminal_size()" in inspect.getsource(LinuxDriver.start_application_mode)
    # Its size before the first resize, read by the app as it lays the screen out.
    assert "self._size = size" in inspect.getsource(Driver.__init__)
    assert "self._driver._size" in inspect.getsource(App.size.fget)
