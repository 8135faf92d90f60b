"""A small dialog that asks for a name (to save the current filter under)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from tui.cell_width import same_width
from tui.widgets.footer import DialogFooter


class NameScreen(ModalScreen[str | None]):
    """Dismisses with the name typed (enter), or ``None`` (esc)."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="name.cancel")]

    def __init__(self, question: str, suggestion: str = "") -> None:
        super().__init__()
        self.question = question
        self.suggestion = suggestion

    def compose(self) -> ComposeResult:
        with Vertical(id="name-dialog"):
            yield Static(Content(same_width(self.question)), markup=False)
            yield Input(value=self.suggestion, id="name-input")
        yield DialogFooter()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value.strip() or None)

    def action_cancel(self) -> None:
        self.dismiss(None)
