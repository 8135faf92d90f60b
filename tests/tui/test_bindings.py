"""Binding ids: one style everywhere, so that a keymap can name any of them."""

from __future__ import annotations

import re

from textual.binding import Binding

from tui.app import LedeApp
from tui.screens.confirm import ConfirmScreen
from tui.screens.help import HelpScreen
from tui.screens.name import NameScreen
from tui.widgets.article_list import ArticleList
from tui.widgets.detail_view import DetailView
from tui.widgets.topic_tree import TopicTree

BINDING_ID = re.compile(r"^[a-z]+\.[a-z_]+$")  # where.what


def test_every_binding_has_an_id_in_one_style_and_none_is_taken_twice() -> None:
    bindings = [binding for _, group in LedeApp().binding_sections() for binding in group]
    for dialog in (ConfirmScreen, HelpScreen, NameScreen):
        bindings += [binding for binding in dialog.BINDINGS if isinstance(binding, Binding)]
    ids = [binding.id for binding in bindings]
    assert all(binding_id and BINDING_ID.match(binding_id) for binding_id in ids), ids
    assert len(ids) == len(set(ids))


# Scrolling sideways, which Textual's scrolling panes bind: no pane is wider than its text.
SIDEWAYS = {"left", "right", "ctrl+pageup", "ctrl+pagedown"}


def test_the_help_lists_every_key_a_pane_answers_to() -> None:
    """``pgup`` and ``pgdn`` paged the detail view and the tree, and ``shift`` with an
    arrow moved about the tree, bound by Textual's own widgets, but the help named none."""
    listed = {
        title: {key.strip() for binding in group for key in binding.key.split(",")}
        for title, group in LedeApp().binding_sections()
    }
    for title, pane in (
        ("Article list", ArticleList),
        ("Detail view", DetailView),
        ("Topic tree", TopicTree),
    ):
        bound = {
            key.strip()
            for cls in pane.__mro__
            for binding in getattr(cls, "BINDINGS", [])
            if isinstance(binding, Binding)
            for key in binding.key.split(",")
        }
        assert bound - SIDEWAYS - listed[title] - listed["Everywhere"] == set(), title
