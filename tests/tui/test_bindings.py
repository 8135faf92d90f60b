"""Binding ids: one style everywhere, so that a keymap can name any of them."""

from __future__ import annotations

import re
from pathlib import Path

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


# How the README writes a key, where Textual names it otherwise.
README_KEY_NAMES = {
    "enter": "enter",
    "esc": "escape",
    "pgup": "pageup",
    "pgdn": "pagedown",
    "→": "right",
    "←": "left",
    "↑": "up",
    "↓": "down",
    "?": "question_mark",
    "/": "slash",
}


def readme_keys() -> set[str]:
    """The keys in the first column of the README's table of keys, as Textual names them
    ("arrows" are ``↑`` and ``↓``; ``1``-``9`` each digit)."""
    text = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    table = text.split("## Keys", 1)[1].split("\n\n", 2)[1]
    keys: set[str] = set()
    for row in table.splitlines()[2:]:
        cell = row.split("|")[1]
        if "`1`-`9`" in cell:
            keys |= {str(digit) for digit in range(1, 10)}
        if "arrows" in cell:
            keys |= {"up", "down"}
        for written in re.findall(r"`([^`]+)`", cell.replace("`1`-`9`", "")):
            modifiers, _, name = written.rpartition("+")
            name = README_KEY_NAMES.get(name, name)
            keys.add(f"{modifiers}+{name}" if modifiers else name)
    return keys


def test_the_readme_names_every_key_and_only_keys_there_are() -> None:
    """The README's table of keys left out ``u`` (said in passing beside ``A``) and
    ``home``/``end``, which the help lists."""
    bound = {
        key.strip()
        for _, group in LedeApp().binding_sections()
        for binding in group
        for key in binding.key.split(",")
    }
    written = readme_keys()
    assert len(written) > 30
    assert (sorted(written - bound), sorted(bound - written)) == ([], [])
