"""The command palette, safe to page through before its list is laid out.

Textual 8.2.8's ``OptionList`` pages by looking up the lines of its options,
which it works out only once it has a size. The palette fills and highlights its
list a moment before the list is first laid out, so ``pgup`` or ``pgdn`` pressed
in that moment (likely while the reader is busy indexing) raised a ``KeyError``
that ended the app. Paging then does nothing: there is nothing on screen to page.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.command import CommandList, CommandPalette

from tui.widgets.footer import DialogFooter


class Palette(CommandPalette):
    """Textual's command palette, with paging guarded and its own keys in a footer."""

    def compose(self) -> ComposeResult:
        yield from super().compose()
        yield DialogFooter()

    def _action_command_list(self, action: str) -> None:
        listed = self.query_one(CommandList)
        if action.startswith("page_") and not listed.scrollable_content_region:
            return
        super()._action_command_list(action)
