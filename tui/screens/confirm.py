"""A yes/no question before something that changes many articles at once."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from tui.cell_width import same_width
from tui.widgets.footer import DialogFooter


class ConfirmScreen(ModalScreen[bool]):
    """Ask ``question``; dismisses with True for yes."""

    BINDINGS = [
        Binding("y", "answer(True)", "Yes", id="confirm.yes"),
        Binding("n,escape", "answer(False)", "No", id="confirm.no"),
    ]

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        with Grid(id="confirm-dialog"):
            yield Static(Content(same_width(self.question)), id="confirm-question", markup=False)
            yield Button("Yes (y)", variant="primary", id="confirm-yes")
            yield Button("No (n)", id="confirm-no")
        yield DialogFooter()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "confirm-yes")

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)
