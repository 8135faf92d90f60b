"""What the topic tree shows, counted: every node's total and unread articles, with
the conditions of the list the node shows (``library.tally`` counts; the session's
scopes and stream say what each node lists)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, NamedTuple

from library.query import QueryError
from library.scope import ALL, PAGES, STARRED, UNPUBLISHED, Scope
from library.tally import Tally, tally_by_topic, tally_parts, within
from models.topic import TopicTree

if TYPE_CHECKING:
    from library.index import CorpusIndex
    from library.session import ReaderSession


class SavedCount(NamedTuple):
    """A saved query and how many articles it matches (``None`` if it no longer parses)."""

    name: str
    query: str
    total: int | None
    unread: int


@dataclass(frozen=True)
class TreeCounts:
    """The topic model with total and unread counts for every node of the tree.

    ``collections`` count each collection (default stream's first), ``languages`` each
    language of a corpus in several (the stream's first); ``unpublished`` what the site
    did not publish, of the default stream."""

    model: TopicTree
    totals: dict[str, int]
    unread: dict[str, int]
    everything: int
    unread_total: int
    starred: int
    saved: list[SavedCount]
    collections: dict[str, Tally] = field(default_factory=dict)
    pages: Tally = Tally(0, 0)  # beside collections: what is in none
    unpublished: Tally = Tally(0, 0)
    since: int | None = None  # stories new since the last visit (None: no visit before)
    languages: dict[str, Tally] = field(default_factory=dict)


def count_tree(session: ReaderSession) -> TreeCounts:
    """Everything the topic tree shows, counted: each node's count with the conditions
    its list uses, one query per group of nodes."""
    index = session.index
    parts = tally_parts(index.db)

    def count(scope: Scope) -> Tally:
        return within(parts, index.site_part(session.query(scope, "")))

    everything = count(ALL)
    saved = []
    for name, text in index.saved_queries():
        try:
            results = session.results(Scope("saved", text, name), "", "date", shown=False)
            saved.append(SavedCount(name, text, results.articles, results.unread))
        except QueryError:
            saved.append(SavedCount(name, text, None, 0))
    names = sorted({p.collection for p in parts if p.collection}, key=str.casefold)
    first = [name for name in session.stream.collections if name in names]
    collections = {name: count(Scope("collection", name)) for name in [*first, *names]}
    spoken = index.languages()  # in several: a node each, the stream's first
    listed = session.stream.languages
    by_language = sorted(spoken, key=lambda code: (code not in listed, code))
    languages = {code: count(Scope("language", code)) for code in by_language}
    topics = tally_by_topic(index.db, *index.conditions(session.query(ALL, "")))
    return TreeCounts(
        index.topic_tree(),
        {node: counted.total for node, counted in topics.items()},
        {node: counted.unread for node, counted in topics.items()},
        everything.total,
        everything.unread,
        within(parts, index.site_part(session.query(STARRED, "")), starred=True).total,
        saved,
        collections,
        count(PAGES) if names else Tally(0, 0),  # no collections: all is pages, no node
        count(UNPUBLISHED),
        None
        if session.previous_visit is None
        else len(index.first_seen_since(session.previous_visit)),
        languages if len(languages) > 1 else {},
    )


def stored_state(index: CorpusIndex) -> tuple[int, int]:
    """What changes whenever the index's articles do: how many there are, and the newest
    id (an article stored again takes a new one)."""
    newest = index.db.execute("SELECT max(id) FROM articles").fetchone()[0]
    return index.count(), newest or 0
