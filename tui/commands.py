"""The reader's keys as command-palette entries, in the words a person uses.

Each action is offered once, by its name and key ("Next pane  tab"), with a sentence
saying what it does and every key that does it ("Move to the next pane (tab, l)").
Offered are the bindings of the focused pane, the screen and the app, where they apply
now: a pane's "Down" is not offered twice, nor an action its pane does not allow here.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial

from textual.actions import parse
from textual.app import SystemCommand
from textual.binding import Binding
from textual.dom import DOMNode
from textual.screen import Screen

from tui.screens.help import key_names
from tui.widgets.story_sources import SOURCE_NAMES

# What each binding does, by binding id (the ids a keymap remaps), said as help says it.
SENTENCES = {
    "app.quit": "Leave lede",
    "app.help": "List every key",
    "app.reload": "Look for new and changed documents, or fetch the preview again",
    "reader.next_pane": "Move to the next pane",
    "reader.previous_pane": "Move to the previous pane",
    "reader.filter": "Narrow the list to a query as you type it",
    "filter.leave": "Leave the filter for the list",
    "filter.earlier": "Bring back the filter used before this one",
    "filter.later": "Bring back the filter used after this one",
    "reader.back": "Clear the filter, leave the preview or leave the detail view",
    "reader.toggle_read": "Mark the article read, or unread again",
    "reader.toggle_star": "Star the article, or unstar it",
    "reader.mark_all_read": "Mark every article in the list as read, once you confirm",
    "reader.undo": "Undo the last change to read or starred",
    "reader.preview": "Show the article's original page inside lede",
    "reader.open": "Open the article's page in a web browser, or copy its URL where none opens",
    "reader.copy_url": "Copy the article's URL to your own clipboard",
    "reader.sort": "Sort the list by date, quality or title, in turn",
    "reader.toggle_topics": "Show or hide the topic tree on a narrow terminal",
    "reader.toggle_unpublished": "Hide the articles the site did not publish, or show them again",
    "app.sync": "Pull the corpus from its git upstream and index what came",
    "app.suspend": "Suspend lede to the shell, where fg brings it back",
    "reader.toggle_stories": "Show one row per story, or every article",
    "list.open_story": "List the sources of the story under the cursor",
    "reader.close_story": "Go back from a story's sources to the list they were opened from",
    "detail.image": "Show the article's lead image, or hide it",
    "reader.image": "Show the lead image of the article under the cursor, or hide it",
    "detail.code_left": "Scroll the wide code blocks in view to the left",
    "detail.code_right": "Scroll the wide code blocks in view to the right",
    **{
        f"reader.source_{name}": f"Open source {number} of the story shown"
        for number, name in enumerate(SOURCE_NAMES, 1)
    },
    "reader.save_filter": "Save the filter under a name, as a node of the topic tree",
    "list.down": "Move to the next article",
    "list.up": "Move to the previous article",
    "list.first": "Move to the first article",
    "list.last": "Move to the last article",
    "list.page_down": "Move down a screenful of articles",
    "list.page_up": "Move up a screenful of articles",
    "list.open": "Open the article in the detail view and mark it read",
    "list.next_unread": "Move to the next unread article",
    "list.previous_unread": "Move to the previous unread article",
    "detail.page_down": "Scroll the article down a screenful",
    "detail.page_up": "Scroll the article up a screenful",
    "detail.down": "Scroll the article down a line",
    "detail.up": "Scroll the article up a line",
    "detail.top": "Scroll to the top of the article",
    "detail.end": "Scroll to the end of the article",
    "detail.next": "Open the next article of the list",
    "detail.previous": "Open the previous article of the list",
    "detail.next_unread": "Open the next unread article of the list",
    "detail.previous_unread": "Open the previous unread article of the list",
    "tree.down": "Move down a node",
    "tree.up": "Move up a node",
    "tree.first": "Move to the first node",
    "tree.last": "Move to the last node",
    "tree.page_down": "Move down a screenful of nodes",
    "tree.page_up": "Move up a screenful of nodes",
    "tree.parent": "Move to the parent of the node",
    "tree.parent_next": "Move to the node after the parent",
    "tree.up_sibling": "Move to the previous node of the same parent",
    "tree.down_sibling": "Move to the next node of the same parent",
    "tree.fold_all": "Fold or unfold the node and every node beside it",
    "tree.open": "List the articles of the node under the cursor",
    "tree.fold": "Fold or unfold the node under the cursor",
    "tree.delete_saved": "Delete the saved search under the cursor, once you confirm",
    "help.close": "Close the list of keys",
    "help.down": "Scroll the list of keys down",
    "help.up": "Scroll the list of keys up",
    "help.top": "Go to the top of the list of keys",
    "help.bottom": "Go to the end of the list of keys",
}
LEFT_OUT = {"command_palette"}  # the palette is open already


def binding_commands(screen: Screen) -> Iterator[SystemCommand]:
    """One command per action of the reader's own bindings along the focus chain."""
    chain = screen.focused.ancestors_with_self if screen.focused else [screen, screen.app]
    for node in chain:
        if not type(node).__module__.startswith("tui."):
            continue
        actions: dict[str, list[Binding]] = {}
        for binding in vars(type(node)).get("BINDINGS", []):
            if isinstance(binding, Binding) and not forwarded(binding):
                actions.setdefault(binding.action, []).append(binding)
        for action, bindings in actions.items():
            if applies(node, action):
                yield command(node, action, bindings)


def forwarded(binding: Binding) -> bool:
    """Whether the palette leaves the binding to another: the palette's own key (it is
    open already), or a pane's key for an action of the screen (the detail view's
    ``esc``), which the screen's own binding offers."""
    namespace, _name, _parameters = parse(binding.action)
    return binding.action in LEFT_OUT or bool(namespace)


def applies(node: DOMNode, action: str) -> bool:
    """Whether the node allows the action now (its ``check_action``, as the footer asks)."""
    _namespace, name, parameters = parse(action)
    return bool(node.check_action(name, parameters))


def command(node: DOMNode, action: str, bindings: list[Binding]) -> SystemCommand:
    """``Name  key`` as the title; the sentence and every key as the help."""
    first = bindings[0]
    keys = [name for binding in bindings for name in key_names(binding)]
    sentence = SENTENCES.get(first.id or "", first.description)
    return SystemCommand(
        f"{first.description}  {keys[0]}",
        f"{sentence} ({', '.join(keys)})",
        partial(node.app.run_action, action, node),
    )
