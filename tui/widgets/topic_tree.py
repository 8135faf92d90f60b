"""The topic tree pane: "All articles", "Unread", "Starred", "Since last visit",
"Unpublished", saved searches, a site's collections, a corpus's languages, the taxonomy.

Holds topics only (hundreds of nodes), never articles; counts come from the
index. Labels are Rich ``Text`` objects so topic names are never read as markup.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from rich.style import Style
from rich.text import Text
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from library.scope import ALL, PAGES, SINCE, STARRED, UNPUBLISHED, UNREAD, Scope
from models.text import printable
from models.topic import DEEPEST
from tui.cell_width import same_width, whole_flags

if TYPE_CHECKING:
    from library.tree_counts import TreeCounts


def collection_scope(name: str) -> Scope:
    """The scope of one collection, named as a heading (``newsletters``: "Newsletters")."""
    shown = printable(name)
    return Scope("collection", name, shown[:1].upper() + shown[1:])


def _label(name: str, total: int | None, unread: int) -> Text:
    """A node's name and counts; a node with no article is dim whole: a site's taxonomy
    declares topics no article names yet, which stood among the others as bright."""
    label = Text(same_width(name), style="dim" if total == 0 else "")
    if total is None:
        label.append(" (query no longer valid)", style="dim italic")
        return label
    label.append(f" {total:,}", style="dim")
    if unread:
        label.append(f" · {unread:,} unread", style="bold")
    return label


def _fitted(label: Text, name_start: int, room: int) -> Text:
    """``label`` in ``room`` cells, its name cut with an ellipsis so its counts stay whole:
    cut bare at the pane's edge, "Natural Language Processing 8 · 8" read as 8 in all."""
    if label.cell_len <= room or room <= 0:
        return label
    first_span = min((span.start for span in label.spans if span.start > name_start), default=0)
    name_end = first_span or len(label)
    prefix, name, tail = label[:name_start], label[name_start:name_end], label[name_end:]
    name_room = room - prefix.cell_len - tail.cell_len
    if name_room < 4:  # no name left to read: cut it all
        label.truncate(room, overflow="ellipsis")
        return label
    name.truncate(name_room - 1)
    name.rstrip()  # the ellipsis after the word, not after the space that follows it
    if parted := len(name.plain) - len(whole_flags(name.plain)):
        name.right_crop(parted)
    name.append("…")
    return Text.assemble(prefix, name, tail)


def _indent(node: TreeNode[Scope], show_root: bool) -> int:
    """How many guides stand before the node's label."""
    depth, parent = 0 if show_root else -1, node.parent
    while parent is not None:
        depth, parent = depth + 1, parent.parent
    return max(0, depth)


def _shown(node: TreeNode[Scope]) -> Iterator[TreeNode[Scope]]:
    """The nodes below ``node`` that its expanded branches show."""
    for child in node.children:
        yield child
        if child.is_expanded:
            yield from _shown(child)


class TopicTree(Tree[Scope]):
    """Navigation by topic; moving to a node scopes the article list to it."""

    DEFAULT_CSS = """
    TopicTree {
        padding: 0 1;  /* labels and counts clear of the screen's edge and the border */
    }
    """

    BINDINGS = [
        Binding("j,down", "cursor_down", "Down", show=False, id="tree.down"),
        Binding("k,up", "cursor_up", "Up", show=False, id="tree.up"),
        Binding("g,home", "scroll_home", "First", show=False, id="tree.first"),
        Binding("G,end", "scroll_end", "Last", show=False, id="tree.last"),
        # Textual's tree binds these already: here for the help and a keymap.
        Binding("pagedown", "page_down", "Page down", show=False, id="tree.page_down"),
        Binding("pageup", "page_up", "Page up", show=False, id="tree.page_up"),
        Binding("shift+left", "cursor_parent", "To the parent", show=False, id="tree.parent"),
        Binding(
            "shift+right",
            "cursor_parent_next_sibling",
            "To the parent's next",
            show=False,
            id="tree.parent_next",
        ),
        Binding(
            "shift+up", "cursor_previous_sibling", "Prev sibling", show=False, id="tree.up_sibling"
        ),
        Binding(
            "shift+down", "cursor_next_sibling", "Next sibling", show=False, id="tree.down_sibling"
        ),
        Binding(
            "shift+space",
            "toggle_expand_all",
            "Fold/unfold siblings",
            show=False,
            id="tree.fold_all",
        ),
        Binding("x", "delete_saved", "Delete saved search", id="tree.delete_saved"),
        # Enter opens the node's articles, as it opens an article in the list (and the
        # footer says so in both panes); space folds and unfolds it, as Textual's tree does.
        Binding("enter", "open_scope", "Open", id="tree.open"),
        Binding("space", "toggle_node", "Fold/unfold", show=False, id="tree.fold"),
    ]

    @dataclass
    class ScopeChosen(Message):
        """The user moved to a node: the list should show that scope."""

        tree: TopicTree
        scope: Scope

        @property
        def control(self) -> TopicTree:
            return self.tree

    class Opened(Message):
        """The user opened the node under the cursor: its articles are wanted."""

    @dataclass
    class DeleteRequested(Message):
        """The user asked to delete the saved search under the cursor."""

        scope: Scope

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("All articles", data=ALL, id=id)
        self.show_root = False
        self.guide_depth = 2
        self._scope_nodes: dict[Scope, TreeNode[Scope]] = {}
        self._on_saved = False  # whether x applies where the cursor is, as last told

    def populate(self, counts: TreeCounts) -> None:
        """Rebuild the nodes from the counts; the cursor stays on the same scope."""
        current = self.cursor_node.data if self.cursor_node else ALL
        self.clear()
        self._scope_nodes = {}
        for scope, total, new in (
            (ALL, counts.everything, counts.unread_total),
            (UNREAD, counts.unread_total, 0),
            (STARRED, counts.starred, 0),
        ):
            self._add(self.root, scope, _label(scope.name, total, new), leaf=True)
        if counts.since is not None:  # there was a visit before this one
            self._add(self.root, SINCE, _label(SINCE.name, counts.since, 0), leaf=True)
        self._add_unpublished(counts)
        if counts.saved:
            heading = self.root.add(
                Text("Saved searches", style="italic"), data=Scope("heading"), expand=True
            )
            for saved in counts.saved:
                scope = Scope("saved", saved.query, saved.name)
                self._add(heading, scope, _label(scope.shown, saved.total, saved.unread), True)
        self._add_collections(counts)
        self._add_languages(counts)
        model = counts.model
        shown_at: list[TreeNode[Scope]] = [self.root]  # the last node shown at each depth
        for key, depth in model.walk():
            if not model.shown(key, counts.totals.get(key, 0)):
                continue
            node = model.nodes[key]
            scope = Scope("topic", key, node.name)
            label = _label(node.label, counts.totals.get(key, 0), counts.unread.get(key, 0))
            parent = shown_at[min(depth, DEEPEST)]  # its parent, or its ancestor at the floor
            del shown_at[min(depth, DEEPEST) + 1 :]
            # At the floor its children are shown beside it; one whose children are all
            # hidden (none of their notes in the list) opens on nothing: no arrow.
            leaf = depth >= DEEPEST or not any(
                model.shown(child, counts.totals.get(child, 0)) for child in node.children
            )
            shown_at.append(self._add(parent, scope, label, leaf=leaf))
        self.root.expand()
        target = (current and self._scope_nodes.get(current)) or self._scope_nodes[ALL]
        self.call_after_refresh(self.move_cursor, target, animate=False)

    def _add_unpublished(self, counts: TreeCounts) -> None:
        """What the site did not publish, of the default stream: a node only if there is any."""
        total, unread = counts.unpublished
        if total:
            self._add(self.root, UNPUBLISHED, _label(UNPUBLISHED.name, total, unread), leaf=True)

    def _add_collections(self, counts: TreeCounts) -> None:
        """A site's collections, each with its count (the default stream's first), then
        its pages, in none."""
        if not counts.collections:
            return
        heading = self.root.add(
            Text("Collections", style="italic"), data=Scope("heading"), expand=True
        )
        names = set()
        for name, (total, unread) in counts.collections.items():
            scope = collection_scope(name)
            names.add(scope.name.casefold())
            self._add(heading, scope, _label(scope.name, total, unread), leaf=True)
        total, unread = counts.pages
        if total:  # a blog's home, About, 404: in no collection
            # Beside a collection of its own called pages (Jekyll's ``_pages``), two
            # nodes were "Pages".
            pages = replace(PAGES, name="Other pages") if "pages" in names else PAGES
            self._add(heading, pages, _label(pages.name, total, unread), leaf=True)

    def _add_languages(self, counts: TreeCounts) -> None:
        """A corpus's languages, when it has several, each with its count (those the list
        shows first): on a translated site, the way to the others."""
        if not counts.languages:
            return
        heading = self.root.add(
            Text("Languages", style="italic"), data=Scope("heading"), expand=True
        )
        for code, (total, unread) in counts.languages.items():
            self._add(heading, Scope("language", code, code), _label(code, total, unread), True)

    def _add(
        self, parent: TreeNode[Scope], scope: Scope, label: Text, leaf: bool
    ) -> TreeNode[Scope]:
        node = (
            parent.add_leaf(label, data=scope)
            if leaf
            else parent.add(label, data=scope, expand=True)
        )
        self._scope_nodes[scope] = node
        return node

    def render_label(self, node: TreeNode[Scope], base_style: Style, style: Style) -> Text:
        """The label fitted to the pane beside its guides, not cut bare by its edge."""
        label = super().render_label(node, base_style, style)
        if node is self.cursor_node:  # the counts, dimmed, read at 2.5:1 on the cursor's bar
            label.stylize(Style(dim=False))
        width = self.scrollable_content_region.width  # beside the scrollbar, when it shows
        room = width - _indent(node, self.show_root) * self.guide_depth
        return _fitted(label, len(label) - len(node.label), room)

    def get_content_width(self, container: Size, viewport: Size) -> int:
        """As wide as the longest whole label (the pane's width is bounded): the labels
        themselves are fitted to the pane, so no sideways scrolling hides counts."""
        widths = (
            super(TopicTree, self).render_label(node, Style(), Style()).cell_len
            + _indent(node, self.show_root) * self.guide_depth
            for node in _shown(self.root)
        )
        return max(widths, default=0)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """``x`` applies to a saved search only: elsewhere the footer leaves its key out."""
        if action == "delete_saved":
            node = self.cursor_node
            return node is not None and node.data is not None and node.data.kind == "saved"
        return True

    def action_delete_saved(self) -> None:
        if self.cursor_node is not None and self.cursor_node.data is not None:
            self.post_message(self.DeleteRequested(self.cursor_node.data))

    def action_open_scope(self) -> None:
        self.post_message(self.Opened())

    def on_tree_node_highlighted(self, event: Tree.NodeHighlighted[Scope]) -> None:
        event.stop()
        on_saved = bool(self.check_action("delete_saved", ()))
        if on_saved != self._on_saved:  # the footer asks check_action again: x shows or hides
            self._on_saved = on_saved
            self.refresh_bindings()
        if event.node.data is not None and event.node.data.kind != "heading":
            self.post_message(self.ScopeChosen(self, event.node.data))

    def on_tree_node_selected(self, event: Tree.NodeSelected[Scope]) -> None:
        event.stop()
