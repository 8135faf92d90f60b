"""What the reader's list is scoped to: everything, a flag, a saved search, a topic, a
collection, a language, a site's pages, or what the site did not publish."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from library.query import EVERY_COLLECTION, Query, parse_query

ScopeKind = Literal[
    "all",
    "unread",
    "starred",
    "since",
    "saved",
    "topic",
    "collection",
    "language",
    "pages",
    "unpublished",
    "heading",
]
"""``heading`` is a tree node that groups others and selects nothing itself; ``since`` is
what entered the corpus since the previous reader session on it."""


@dataclass(frozen=True)
class Scope:
    """A scope of the list; ``key`` is the saved query, the topic key, the collection or
    the language's code."""

    kind: ScopeKind
    key: str = ""
    name: str = "All articles"

    @property
    def shown(self) -> str:
        """The name the tree and the list's status give: a saved search named as one of
        the reader's own nodes ("All articles", "Unread") says what it is, or beside the
        node it reads as that node, and above the list as everything."""
        if self.kind == "saved" and self.name.casefold() in _OWN_NAMES:
            return f"{self.name} (saved search)"
        return self.name


ALL = Scope("all")
UNREAD = Scope("unread", name="Unread")
STARRED = Scope("starred", name="Starred")
UNPUBLISHED = Scope("unpublished", name="Unpublished")
PAGES = Scope("pages", name="Pages")
"""A site's documents in no collection (its home, About, 404)."""
SINCE = Scope("since", name="Since last visit")
_OWN_NAMES = frozenset(
    scope.name.casefold() for scope in (ALL, UNREAD, STARRED, UNPUBLISHED, PAGES, SINCE)
)


def scope_query(scope: Scope) -> str:
    """The query text that lists what ``scope`` does, to save a filter typed within it
    (saved alone, a filter typed under a topic listed it corpus-wide); ``""`` for all
    articles, and for what no query says (what came since the last visit)."""
    if scope.kind == "saved":
        return scope.key
    if scope.kind in ("unread", "starred", "unpublished"):
        return f"is:{scope.kind}"
    if scope.kind in ("topic", "collection") and '"' not in scope.key:
        return f'{scope.kind}:"{scope.key}"' if " " in scope.key else f"{scope.kind}:{scope.key}"
    if scope.kind == "language":
        return f"lang:{scope.key}"
    if scope.kind == "pages":
        return "-collection:*"
    return ""


def scoped_query(scope: Scope, text: str) -> Query:
    """The query a filter ``text`` typed within ``scope`` makes (before the stream's
    defaults: see ``Stream.applied``)."""
    query = parse_query(f"{scope.key} {text}" if scope.kind == "saved" else text)
    if scope.kind in ("unread", "starred"):
        query.flags.add(scope.kind)
    elif scope.kind == "topic":
        query.topics.append(scope.key)
    elif scope.kind == "collection":
        query.collections.append(scope.key)
    elif scope.kind == "language":
        query.languages.append(scope.key)
    elif scope.kind == "pages":
        query.excluded_collections.append(EVERY_COLLECTION)
    elif scope.kind == "unpublished":
        query.published = False
    return query
