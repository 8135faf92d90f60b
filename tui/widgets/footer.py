"""The footer, with the keys that work everywhere (``?`` help, ``q`` quit) first, and
only keys that fit whole.

Textual lists the focused pane's keys first and the app's last, so a narrow terminal
(80 columns, with the palette key docked on the right) cut ``? Help``: the one key
that leads to all the others. Here the app's keys lead and the panes' follow. Textual
also cuts the last key that does not fit at the edge (``i▏``, its name lost); here a
key that does not fit is left out, and help lists it.
"""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.compose import compose
from textual.widgets import Footer


class ReaderFooter(Footer):
    """Textual's footer, the app-wide keys moved to the front, the keys that would be
    cut left out."""

    _keys_placed = True  # whether the keys composed last have been measured and cut

    def compose(self) -> ComposeResult:
        everywhere = {
            key for key, active in self.screen.active_bindings.items() if active.node is self.app
        }
        widgets = compose(self, super().compose())
        # FooterKey is not exported from Textual: its key says whether it is the app's.
        yield from sorted(widgets, key=lambda widget: getattr(widget, "key", "") not in everywhere)

    def on_mount(self) -> None:
        super().on_mount()
        self.screen.screen_layout_refresh_signal.subscribe(self, self._laid_out)

    async def recompose(self) -> None:
        await super().recompose()
        self._keys_placed = False

    def _laid_out(self, _screen: object) -> None:
        """Keys are measured once their screen has laid them out: a screen under a dialog
        (help, the palette) recomposed its footer as the dialog opened, and is laid out
        later than the app's next refresh, which then found no key placed, and cut none
        ("y C▏" beneath the help at 80 columns)."""
        if not self._keys_placed:
            self._keys_placed = True
            self._leave_out_cut_keys()

    def on_resize(self, event: events.Resize) -> None:
        """Keys left out at one width may fit at another: all are laid out again."""
        self.call_after_refresh(self.recompose)

    def _leave_out_cut_keys(self) -> None:
        keys = [key for key in self.children if not key.has_class("-command-palette")]
        palette = self.query(".-command-palette")
        room = self.scrollable_content_region.width
        if palette:
            room -= palette.first().outer_size.width
        for key in keys:
            if key.virtual_region_with_margin.right > room:
                key.display = False


class DialogFooter(Footer):
    """A dialog's own footer, over the reader's: only the keys the dialog answers.

    Beneath a dialog the reader's footer went on offering its keys (open, filter,
    star), which do nothing there, and a dialog's field takes the letters the app binds
    (``q`` is typed, not quit)."""

    def __init__(self) -> None:
        super().__init__(show_command_palette=False)

    def compose(self) -> ComposeResult:
        bindings = self.screen.active_bindings
        own = {key for key, active in bindings.items() if active.node is not self.app}
        widgets = compose(self, super().compose())
        # FooterKey is not exported from Textual: its key says whose binding it shows.
        yield from (widget for widget in widgets if getattr(widget, "key", None) in own)
