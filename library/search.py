"""Answering queries: what is kept between keystrokes so that typing a filter costs one
full-text lookup (the rest of a query is compiled to SQL by ``library.query_sql``).

A ``Search`` serves one thread's connection: its caches are that thread's too, so
nothing here is shared between threads or needs a lock.
"""

from __future__ import annotations

import re
import sqlite3
from array import array
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from library.listing import stored_listing
from library.query import Query, QueryError, Term
from library.query_sql import QueryCompiler, state_attached
from library.results import ResultSet, id_array, id_mask, id_set
from library.schema import SORTS
from library.search_text import spaced
from library.stream import SitePart, only_site_part
from library.word_sets import KeptSets, kept_key, phrase
from models.topic import TopicTree

if TYPE_CHECKING:
    import numpy

    from library.state import Flag

KEPT_MATCHES = 6  # word lookups kept between keystrokes: a query being typed, and more
UNREAD = "a.identity NOT IN (SELECT identity FROM state.read)"

ScopeKey = tuple[str, tuple[object, ...], str, tuple[int, ...], int]  # the last a moment


def _fts_phrase(term: Term) -> str | None:
    """One FTS5 phrase for a term (``word*`` a prefix query); ``None`` when it holds
    nothing searchable (no letter or digit: the index splits words at everything else,
    underscores too). A NUL would end the expression inside SQLite: it separates words
    like any other punctuation."""
    if not re.search(r"[^\W_]", term.text):
        return None
    return phrase(spaced(term.text.replace("\x00", " ")).strip(), term.prefix)


_IN_TITLE = "\x00"  # starts the key of text looked for in titles: no phrase starts so


def _lookup(term: Term) -> str:
    """What a term is looked up by: its phrase, or, when the index holds nothing of it but
    symbols beyond ASCII's punctuation (``🦄``, ``™``), the text itself, which then
    matches the titles that hold it (the term was dropped, and a query of such terms
    alone listed every article); ``""`` for nothing (``*``, ``-``, the language's own)."""
    phrase = _fts_phrase(term)
    if phrase is None and not term.text.isascii() and term.text.strip():
        return _IN_TITLE + term.text
    return phrase or ""


def _either(first: numpy.ndarray, second: numpy.ndarray) -> numpy.ndarray:
    """Two masks by id as one marking what either marks."""
    longer, shorter = (first, second) if len(first) >= len(second) else (second, first)
    either: numpy.ndarray = longer.copy()
    either[: len(shorter)] |= shorter
    return either


class Search(QueryCompiler):
    """Queries against one connection, with the last scope and the last few word
    lookups kept for the next keystroke."""

    def __init__(
        self,
        db: sqlite3.Connection,
        connection: Callable[[], sqlite3.Connection],
        topic_tree: Callable[[], TopicTree],
    ) -> None:
        super().__init__(db, topic_tree)
        self._connection = connection  # what the results fetch their rows through
        self._last_scope: tuple[ScopeKey, ResultSet] | None = None
        self._last_results: tuple[ResultSet, ResultSet] | None = None  # (scope, results)
        self._matches: OrderedDict[tuple[str, int], numpy.ndarray] = OrderedDict()
        self._kept = KeptSets(db)

    def results(self, query: Query, *, sort: str = "date") -> ResultSet:
        """Ids matching ``query`` in ``sort`` order; raises ``QueryError`` for a bad query.

        Words are matched apart from the rest of the query: the rest (the scope,
        the same from one keystroke to the next) is kept, and the set of articles
        holding the words narrows it. Typing then costs one full-text lookup, not
        a walk of the whole sorted list in SQL.
        """
        if sort not in SORTS:
            names = list(SORTS)
            raise QueryError(f"unknown sort '{sort}'; use {', '.join(names[:-1])} or {names[-1]}")
        versions = self._versions()  # asked once: each lookup below is keyed by them
        scope = self._scope(replace(query, terms=[], excluded=[]), sort, versions)
        holding, lacking = self._word_matches(query, versions[0])
        results = scope if holding is lacking is None else scope.narrowed(holding, lacking)
        last = self._last_results
        if last is not None and last[0] is scope and last[1].ids == results.ids:
            return last[1]  # the same answer as the same object: the reader repaints nothing
        self._last_results = (scope, results)
        return results

    def _scope(self, query: Query, sort: str, versions: tuple[int, ...]) -> ResultSet:
        """The results of a query without words, kept until the index or the state changes,
        or a page goes up or comes down (its row, kept with them, says whether it is up)."""
        where, params = self.compile(query)
        key: ScopeKey = (where, tuple(params), sort, versions, self._clock.moment())
        if self._last_scope is not None and self._last_scope[0] == key:
            return self._last_scope[1]
        ids = None
        if sort == "date" and only_site_part(query):  # the stored list says it all
            ids = stored_listing(self.db, self.site_part(query))
        elif sort == "date":
            ids = self._in_date_order(where, params)
        if ids is None:
            sql = f"SELECT a.id FROM articles a WHERE a.duplicate_of IS NULL{where} ORDER BY "
            ids = array("q", (row[0] for row in self._run(sql + SORTS[sort], params)))
        results = ResultSet(
            self._connection, ids, self._flagged_ids("read"), self._flagged_ids("starred")
        )
        self._last_scope = (key, results)
        return results

    def _in_date_order(self, where: str, params: list[object]) -> array[int] | None:
        """The articles matching ``where``, taken from the stored list in its order by a
        pass in C over the list: no index keeps the sort keys for SQL (it would hold
        every title again). ``None`` when there is no list, or it lacks one of them."""
        listed = stored_listing(self.db, SitePart())
        if listed is None:
            return None
        sql = f"SELECT a.id FROM articles a WHERE a.duplicate_of IS NULL{where}"
        matching = id_set(row[0] for row in self._run(sql, params))
        ordered = array("q", filter(matching.__contains__, listed))
        return ordered if len(ordered) == len(matching) else None

    def _flagged_ids(self, table: Flag) -> dict[int, None]:
        """Ids of the articles marked read or starred (none without a reading state).
        Counting unread articles against this set is cheaper than asking SQL about every
        row; a story's row is starred by any of its sources (``library.story_map``)."""
        if not state_attached(self.db):
            return {}
        sql = (
            f"SELECT a.id FROM articles a WHERE a.identity IN (SELECT identity FROM state.{table})"
        )
        return id_set(row[0] for row in self.db.execute(sql))

    def _versions(self) -> tuple[int, ...]:
        """Numbers that change whenever another connection commits to the index or the state."""
        schemas = ("main", "state") if state_attached(self.db) else ("main",)
        pragmas = (f"PRAGMA {name}.data_version" for name in schemas)
        return tuple(self.db.execute(pragma).fetchone()[0] for pragma in pragmas)

    def _word_matches(
        self, query: Query, version: int
    ) -> tuple[numpy.ndarray | None, numpy.ndarray | None]:
        """The articles holding every word and those holding any excluded word, as masks
        by id (each ``None`` when there is no such word)."""
        wanted = {key: term for term in query.terms if (key := _lookup(term))}
        unwanted = [key for term in query.excluded if (key := _lookup(term))]
        phrases = [key for key in unwanted if not key.startswith(_IN_TITLE)]
        holding = self._holding(wanted, version) if wanted else None
        lacking = self._matching(" OR ".join(phrases), None, version) if phrases else None
        for key in unwanted:
            if key.startswith(_IN_TITLE):
                titled = self._matching(key, None, version)
                lacking = titled if lacking is None else _either(lacking, titled)
        return holding, lacking

    def _holding(self, wanted: dict[str, Term], version: int) -> numpy.ndarray:
        """The articles (a mask by id) matching every phrase of ``wanted``. Each phrase is
        looked up alone and kept, so a keystroke asks only for the word being typed."""
        masks = [self._matching(phrase, term, version) for phrase, term in wanted.items()]
        if len(masks) == 1:
            return masks[0]
        import numpy

        size = min(len(mask) for mask in masks)  # past the end of any: not marked
        both: numpy.ndarray = numpy.logical_and.reduce([mask[:size] for mask in masks])
        return both

    def _matching(self, expression: str, term: Term | None, version: int) -> numpy.ndarray:
        """The articles matching an FTS5 expression (the phrase of ``term``, when one), as
        a mask by id, kept for the next few keystrokes (a typed space or a backspace asks
        again for what was just found). A common word or start of one is answered from
        its kept set (``word_sets``).

        The ids cross from SQLite as one string: a row per id would cost a Python
        tuple each, and tens of thousands of those per keystroke also wake the garbage
        collector. ``version`` is the index's data version: a lookup kept from before a
        refresh is not reused.
        """
        key = (expression, version)
        found = self._matches.get(key)
        if found is not None:
            self._matches.move_to_end(key)
            return found
        if expression.startswith(_IN_TITLE):
            sql = "SELECT group_concat(id) FROM articles WHERE instr(title, ?) > 0"
            found = id_mask(id_array(self._run(sql, [expression[1:]])[0][0]))
        else:
            kept = kept_key(term) if term is not None else None
            found = self._kept.holding(kept, version) if kept is not None else None
            if found is None:
                sql = "SELECT group_concat(rowid) FROM article_text WHERE article_text MATCH ?"
                found = id_mask(id_array(self._run(sql, [expression])[0][0]))
        self._matches[key] = found
        if len(self._matches) > KEPT_MATCHES:
            self._matches.popitem(last=False)
        return found

    def _run(self, sql: str, params: list[object]) -> list[Any]:
        """All rows of a read; a query SQLite cannot run (odd FTS syntax) is a ``QueryError``."""
        try:
            return self.db.execute(sql, params).fetchall()
        except sqlite3.OperationalError as error:
            raise QueryError(f"cannot search for that: {error}") from None
