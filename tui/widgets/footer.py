"""The footer, with the keys that work everywhere (``?`` help, ``q`` quit) first.

Textual lists the focused pane's keys first and the app's last, so a narrow terminal
(80 columns, with the palette key docked on the right) cut ``? Help``: the one key
that leads to all the others. Here the app's keys lead and the panes' follow.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.compose import compose
from textual.widgets import Footer


class ReaderFooter(Footer):
    """Textual's footer, the app-wide keys moved to the front."""

    def compose(self) -> ComposeResult:
        everywhere = {
            key for key, active in self.screen.active_bindings.items() if active.node is self.app
        }
        widgets = compose(self, super().compose())
        # FooterKey is not exported from Textual: its key says whether it is the app's.
        yield from sorted(widgets, key=lambda widget: getattr(widget, "key", "") not in everywhere)
