"""The help screen: every key binding of the reader, generated from the bindings themselves."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.keys import format_key
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.widgets.footer import DialogFooter


def key_names(binding: Binding) -> list[str]:
    """Each key of a binding as the user types it (``?`` not ``question_mark``)."""
    names = []
    for key in binding.key.split(","):
        modifiers, name = Binding(key.strip(), "").parse_key()
        shown = format_key(name)
        names.append("+".join([*modifiers, shown]) if modifiers else shown)
    return names


def keys_label(names: list[str]) -> str:
    """The keys of one line of help: ``tab, l``, or ``1–9`` for a run of digits."""
    digits = [int(name) for name in names if len(name) == 1 and name.isdigit()]
    if (
        len(names) > 2
        and len(digits) == len(names)
        and digits == list(range(digits[0], digits[0] + len(names)))
    ):
        return f"{names[0]}–{names[-1]}"
    return ", ".join(names)


def describe_bindings(sections: list[tuple[str, list[Binding]]]) -> Content:
    """A two-column listing of keys and what they do, one section per pane.

    Bindings with the same description (``tab`` and ``l``) share one line; the key
    column is as wide as its widest entry, so no keys run into their description.
    """
    listing: list[tuple[str, dict[str, str]]] = []
    for title, bindings in sections:
        keys: dict[str, list[str]] = {}
        for binding in bindings:
            if binding.description:
                keys.setdefault(binding.description, []).extend(key_names(binding))
        listing.append(
            (title, {description: keys_label(names) for description, names in keys.items()})
        )
    width = max(len(label) for _, labels in listing for label in labels.values()) + 2
    parts: list[Content | str | tuple[str, str]] = []
    for title, labels in listing:
        parts += [(title, "bold $text-accent"), "\n"]
        for description, label in labels.items():
            parts += [(f"  {label:<{width}}", "bold"), description, "\n"]
        parts.append("\n")
    return Content.assemble(*parts)


class HelpScreen(ModalScreen[None]):
    """Lists every binding; any of esc, q or ? closes it."""

    BINDINGS = [
        Binding("escape,q,question_mark", "dismiss", "Close", id="help.close"),
        # The reader's own moves, as arrows, pgup/pgdn and home/end do here already.
        Binding("j", "scroll('down')", "Down", show=False, id="help.down"),
        Binding("k", "scroll('up')", "Up", show=False, id="help.up"),
        Binding("g", "scroll('home')", "Top", show=False, id="help.top"),
        Binding("G", "scroll('end')", "Bottom", show=False, id="help.bottom"),
    ]

    def __init__(self, sections: list[tuple[str, list[Binding]]]) -> None:
        super().__init__()
        self.sections = sections

    def action_scroll(self, where: str) -> None:
        getattr(self.query_one("#help-dialog", VerticalScroll), f"scroll_{where}")()

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-dialog"):
            # Said at the top too, where a long list is read, far from the footer.
            yield Static(
                Content.assemble(("lede — keys", "bold"), ("  (esc closes)", "dim"), "\n"),
                id="help-title",
                markup=False,
            )
            yield Static(describe_bindings(self.sections), id="help-keys", markup=False)
        yield DialogFooter()
