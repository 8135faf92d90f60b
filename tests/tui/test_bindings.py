"""Binding ids: one style everywhere, so that a keymap can name any of them."""

from __future__ import annotations

import re

from textual.binding import Binding

from tui.app import LedeApp
from tui.screens.confirm import ConfirmScreen
from tui.screens.help import HelpScreen
from tui.screens.name import NameScreen

BINDING_ID = re.compile(r"^[a-z]+\.[a-z_]+$")  # where.what


def test_every_binding_has_an_id_in_one_style_and_none_is_taken_twice() -> None:
    bindings = [binding for _, group in LedeApp().binding_sections() for binding in group]
    for dialog in (ConfirmScreen, HelpScreen, NameScreen):
        bindings += [binding for binding in dialog.BINDINGS if isinstance(binding, Binding)]
    ids = [binding.id for binding in bindings]
    assert all(binding_id and BINDING_ID.match(binding_id) for binding_id in ids), ids
    assert len(ids) == len(set(ids))
