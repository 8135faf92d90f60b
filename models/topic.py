"""Topics and the topic tree built from taxonomy files plus the topics articles use.

It imports no pydantic, so the reader can build it at start-up cheaply.
Taxonomies are hand-edited data: parents may be missing or form cycles, and
articles use topics no taxonomy defines. The tree absorbs all of that and
reports it as warnings instead of hanging or failing.

An Obsidian vault's tags nest: ``project/alpha`` sits under ``project``, as Obsidian's tag
pane shows it, and the notes tagged so count under ``project``. Elsewhere a slash is part
of one name (a Hugo site's ``CI/CD``), so the caller says which used names nest.

The tree keeps the site's order: topics come in the order their entries are
given (taxonomy files by file name, ``00-ai.yaml`` before ``01-ml.yaml``, and a
file's entries as written); topics no taxonomy defines come after, by name, with the
numbers in names in their order (``Issue 9`` before ``Issue 10``), as a file manager lists.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import NamedTuple, Protocol

# Topics nested deeper are shown at this depth, below their ancestor there: a taxonomy
# a thousand deep took the reader's tree past Python's recursion limit, and printed it
# two thousand columns wide; no one reads such depth.
DEEPEST = 32


_NUMBER = re.compile(r"(\d{1,18})")  # longer runs are several numbers: no int is too long


def by_name(name: str) -> list[str | int]:
    """Sort key of a name read as a person reads it: case aside, numbers by value.
    Splitting at numbers alternates text and number, so keys compare item by item."""
    parts: list[str | int] = _NUMBER.split(name.casefold())
    parts[1::2] = [int(number) for number in parts[1::2]]
    return parts


class TopicEntry(Protocol):
    """What the tree needs of a taxonomy entry (``models.taxonomy.Topic`` or an index row)."""

    # Read-only, so that tuples (the index's rows) fit as well as models.
    @property
    def name(self) -> str: ...
    @property
    def id(self) -> str: ...
    @property
    def shortname(self) -> str: ...
    @property
    def parent(self) -> str: ...
    @property
    def description(self) -> str: ...


def nested_parent(name: str) -> str | None:
    """The tag a nested tag sits under: the name before its last slash (``project`` for
    ``project/alpha``); ``None`` when a side of that slash is blank."""
    parent, _, last = name.rpartition("/")
    return parent if parent.strip() and last.strip() else None


_BLANKS = str.maketrans("-_", "  ")  # read as blanks in a topic's key


def topic_key(name: str) -> str:
    """Topics match case-insensitively, ignoring surrounding blanks, and with a hyphen or
    an underscore for a blank: site generators file ``This Week in Rust`` and
    ``this-week-in-rust`` under one term (its page's slug), and ``topic:`` is typed
    without blanks."""
    return " ".join(name.translate(_BLANKS).split()).casefold()


class TopicWarning(NamedTuple):
    """What is wrong in a taxonomy, and the entry it is about: its place among the entries
    the tree was built from (so that a caller can name its file), or ``None``."""

    entry: int | None
    message: str


@dataclass
class TopicNode:
    """A node of the tree: a canonical topic name, what the tree calls it (a nested tag
    by its last part, below the tag it is nested in) and its children's keys."""

    name: str
    parent: str | None = None
    children: list[str] = field(default_factory=list)
    description: str = ""
    label: str = ""

    def __post_init__(self) -> None:
        self.label = self.label or self.name


class TopicTree:
    """A forest of topics, keyed case-insensitively, with cycle-free parent links."""

    def __init__(self) -> None:
        self.nodes: dict[str, TopicNode] = {}
        self.aliases: dict[str, str] = {}
        self.warnings: list[TopicWarning] = []
        self.positions: dict[str, int] = {}  # declared topics, in the taxonomy's order
        self._entries: dict[str, int] = {}  # declared topics: their place among the entries
        self._held: set[str] = set()  # declared topics and those above one

    @classmethod
    def build(
        cls, topics: Iterable[TopicEntry], used: Iterable[str] = (), nested: Iterable[str] = ()
    ) -> TopicTree:
        """Build from taxonomy entries (in the site's order), the topic names articles use,
        and those of them that are nested tags (``nested``).

        Unknown parents are added at the root; a cycle is broken by moving the
        topic that closes it to the root. Both produce a warning.
        """
        tree = cls()
        declared: list[TopicEntry] = []
        for entry, topic in enumerate(topics):
            key = topic_key(topic.name)
            if not key:
                continue
            if key in tree.nodes:
                message = f"topic '{topic.name}' is defined more than once"
                tree.warnings.append(TopicWarning(entry, message))
                continue
            tree.nodes[key] = TopicNode(topic.name, description=topic.description)
            tree.positions[key] = len(declared)
            tree._entries[key] = entry
            declared.append(topic)
            for alias in (topic.id, topic.shortname):
                if alias:
                    tree.aliases.setdefault(topic_key(alias), key)
        known = set(tree.nodes)
        for topic in declared:
            if topic.parent:
                parent = tree._ensure(topic.parent)
                tree.nodes[topic_key(topic.name)].parent = parent
                if parent not in known:
                    message = (
                        f"topic '{topic.name}' has unknown parent '{topic.parent}'; "
                        "the parent is shown at the root"
                    )
                    tree.warnings.append(
                        TopicWarning(tree._entries[topic_key(topic.name)], message)
                    )
        for name in used:
            tree._ensure(name)
        for name in nested:
            tree._nest(name)
        tree._break_cycles()
        for key, node in tree.nodes.items():
            if node.parent:
                tree.nodes[node.parent].children.append(key)
        for node in tree.nodes.values():
            node.children.sort(key=tree._order)
        for key in tree.positions:
            for above in tree.ancestors(key):
                if above in tree._held:
                    break
                tree._held.add(above)
        return tree

    def _order(self, key: str) -> tuple[bool, int, list[str | int]]:
        """Sort key: declared topics in the taxonomy's order, then the others by name."""
        position = self.positions.get(key)
        return (position is None, position or 0, by_name(self.nodes[key].name))

    def _ensure(self, name: str) -> str:
        """The key of ``name``, adding it as a root topic when the tree lacks it."""
        key = self.resolve(name)
        if key is None:
            key = topic_key(name)
            self.nodes[key] = TopicNode(" ".join(name.split()))
        return key

    def _nest(self, name: str) -> None:
        """Place a nested tag under the tag before its last slash, and that one likewise,
        up to a topic already placed: one the taxonomy declares stays where it puts it."""
        key = self._ensure(name)
        while (parent := nested_parent(name)) is not None:
            node = self.nodes[key]
            if node.parent is not None or key in self.positions:
                return
            node.parent = self._ensure(parent)
            node.label = node.name.rpartition("/")[2].strip() or node.name
            name, key = parent, node.parent

    def _break_cycles(self) -> None:
        """Walk up from every topic once; linear, so a long hand-made chain is no hang."""
        done: set[str] = set()
        for start in self.nodes:
            path: dict[str, None] = {}  # the walk so far, in order, with quick lookups
            key: str | None = start
            while key is not None and key not in done and key not in path:
                path[key] = None
                key = self.nodes[key].parent
            if key is not None and key in path:  # walked back into the path: a cycle
                seen = list(path)
                closing = seen[-1]
                loop = " → ".join(self.nodes[k].name for k in seen[seen.index(key) :] + [key])
                message = f"topic cycle {loop}; '{self.nodes[closing].name}' is shown at the root"
                self.warnings.append(TopicWarning(self._entries.get(closing), message))
                self.nodes[closing].parent = None
            done.update(path)

    def resolve(self, name: str) -> str | None:
        """The key of a topic given its name, id or short name; ``None`` if unknown."""
        key = topic_key(name)
        if key in self.nodes:
            return key
        return self.aliases.get(key)

    @property
    def roots(self) -> list[str]:
        """Keys of the top-level topics, in the taxonomy's order, then the others by name."""
        keys = [key for key, node in self.nodes.items() if node.parent is None]
        return sorted(keys, key=self._order)

    def ancestors(self, key: str) -> list[str]:
        """``key`` and every topic above it, nearest first."""
        chain = [key]
        while (parent := self.nodes[chain[-1]].parent) is not None:
            chain.append(parent)
        return chain

    def shown(self, key: str, count: int) -> bool:
        """Whether a tree shows topic ``key`` with ``count`` articles: a topic the taxonomy
        declares or one above it, or one with an article of the list or a topic below it;
        one only pages outside the list name (a blog's index with ``category: all``) said
        "all (0)", and a nested tag above only such tags stood with none below it."""
        return bool(count) or key in self._held

    def walk(self) -> Iterator[tuple[str, int]]:
        """Every key with its depth, depth-first in display order."""
        stack = [(key, 0) for key in reversed(self.roots)]
        while stack:
            key, depth = stack.pop()
            yield key, depth
            stack.extend((child, depth + 1) for child in reversed(self.nodes[key].children))
