"""The topic tree pane: "All articles", "Unread", "Starred", then the taxonomy.

Holds topics only (hundreds of nodes), never articles; counts come from the
index. Labels are Rich ``Text`` objects so topic names are never read as markup.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from models.topic import TopicTree as TopicModel


@dataclass(frozen=True)
class Scope:
    """What a tree node selects: everything, a flag (unread/starred) or a topic key."""

    kind: str  # "all", "unread", "starred", "topic"
    key: str = ""
    name: str = "All articles"


ALL = Scope("all")


def _label(name: str, total: int, unread: int) -> Text:
    label = Text(name)
    label.append(f" {total}", style="dim")
    if unread:
        label.append(f" · {unread} new", style="bold")
    return label


class TopicTree(Tree[Scope]):
    """Navigation by topic; selecting a node scopes the article list to it."""

    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False, id="tree.down"),
        Binding("k", "cursor_up", "Up", show=False, id="tree.up"),
        Binding("g", "scroll_home", "First", show=False, id="tree.first"),
        Binding("G", "scroll_end", "Last", show=False, id="tree.last"),
    ]

    @dataclass
    class ScopeChosen(Message):
        """The user moved to a node: the list should show that scope."""

        tree: TopicTree
        scope: Scope

        @property
        def control(self) -> TopicTree:
            return self.tree

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("All articles", data=ALL, id=id)
        self.show_root = False
        self.guide_depth = 2
        self._scope_nodes: dict[Scope, TreeNode[Scope]] = {}

    def populate(
        self,
        model: TopicModel,
        totals: dict[str, int],
        unread: dict[str, int],
        summary: tuple[int, int, int],
    ) -> None:
        """Rebuild the nodes from the topic model and counts; keeps the cursor's scope.

        ``summary`` is (all, unread, starred) for the three fixed entries.
        """
        current = self.cursor_node.data if self.cursor_node else ALL
        self.clear()
        self._scope_nodes = {}
        everything, unread_total, starred_total = summary
        for scope, total, new in (
            (ALL, everything, unread_total),
            (Scope("unread", name="Unread"), unread_total, 0),
            (Scope("starred", name="Starred"), starred_total, 0),
        ):
            self._scope_nodes[scope] = self.root.add_leaf(
                _label(scope.name, total, new), data=scope
            )
        parents: dict[str, TreeNode[Scope]] = {}
        for key, _depth in model.walk():
            node = model.nodes[key]
            parent = parents.get(node.parent or "", self.root)
            scope = Scope("topic", key, node.name)
            label = _label(node.name, totals.get(key, 0), unread.get(key, 0))
            if node.children:
                tree_node = parent.add(label, data=scope, expand=True)
            else:
                tree_node = parent.add_leaf(label, data=scope)
            parents[key] = tree_node
            self._scope_nodes[scope] = tree_node
        self.root.expand()
        target = self._scope_nodes.get(current) or self._scope_nodes[ALL]
        self.call_after_refresh(self.move_cursor, target, animate=False)

    def on_tree_node_highlighted(self, event: Tree.NodeHighlighted[Scope]) -> None:
        event.stop()
        if event.node.data is not None:
            self.post_message(self.ScopeChosen(self, event.node.data))

    def on_tree_node_selected(self, event: Tree.NodeSelected[Scope]) -> None:
        event.stop()
