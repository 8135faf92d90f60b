"""Answering queries: the compiler from a ``Query`` to SQL, and what is kept between
keystrokes so that typing a filter costs one full-text lookup.

A ``Search`` serves one thread's connection: its caches are that thread's too, so
nothing here is shared between threads or needs a lock.
"""

from __future__ import annotations

import json
import re
import sqlite3
from array import array
from collections import OrderedDict
from collections.abc import Callable, Collection
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from library.listing import stored_listing
from library.query import Query, QueryError, Term
from library.results import ResultSet, id_array, id_mask, id_set
from library.schedule import Clock
from library.schema import SORTS
from library.search_text import folded, spaced
from library.stream import SitePart, only_site_part, site_part
from library.word_sets import KeptSets, kept_key, phrase
from models.topic import TopicTree, topic_key

if TYPE_CHECKING:
    import numpy

KEPT_MATCHES = 6  # word lookups kept between keystrokes: a query being typed, and more
UNREAD = "a.identity NOT IN (SELECT identity FROM state.read)"

ScopeKey = tuple[str, tuple[object, ...], str, tuple[int, ...], int]  # the last a moment
# The distinct collections (or languages), one seek of the column's index each: DISTINCT
# walked every entry of it (50,000 on a large site) on the way to the first list.
DISTINCT_VALUES = """
WITH RECURSIVE names(name) AS (
    SELECT min({column}) FROM articles
    UNION ALL
    SELECT (SELECT min({column}) FROM articles WHERE {column} > names.name)
    FROM names WHERE names.name IS NOT NULL)
SELECT name FROM names WHERE name IS NOT NULL"""
PLAIN_DISTINCT = "SELECT DISTINCT {column} FROM articles WHERE {column} IS NOT NULL"


def _fts_phrase(term: Term) -> str | None:
    """One FTS5 phrase for a term (``word*`` a prefix query); ``None`` when it holds
    nothing searchable (no letter or digit: the index splits words at everything else,
    underscores too). A NUL would end the expression inside SQLite: it separates words
    like any other punctuation."""
    if not re.search(r"[^\W_]", term.text):
        return None
    return phrase(spaced(term.text.replace("\x00", " ")).strip(), term.prefix)


_WORD = re.compile(r"\w+")  # the words of a topic's key, each of which ``topic:`` may start
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


def state_attached(db: sqlite3.Connection) -> bool:
    """Whether the reading state is queryable on this connection (as ``state``)."""
    return any(row[1] == "state" for row in db.execute("PRAGMA database_list"))


class Search:
    """Queries against one connection, with the last scope and the last few word
    lookups kept for the next keystroke."""

    def __init__(
        self,
        db: sqlite3.Connection,
        connection: Callable[[], sqlite3.Connection],
        topic_tree: Callable[[], TopicTree],
    ) -> None:
        self.db = db
        self._connection = connection  # what the results fetch their rows through
        self._topic_tree = topic_tree
        self._last_scope: tuple[ScopeKey, ResultSet] | None = None
        self._last_results: tuple[ResultSet, ResultSet] | None = None  # (scope, results)
        self._matches: OrderedDict[tuple[str, int], numpy.ndarray] = OrderedDict()
        self._distinct: dict[str, tuple[int, list[str]]] = {}  # column -> (version, values)
        self._folds: dict[str, tuple[Collection[str], list[str]]] = {}  # see ``_folded``
        self._kept = KeptSets(db)
        self._clock = Clock(db)

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
        results = ResultSet(self._connection, ids, self._read_ids())
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

    def _read_ids(self) -> dict[int, None]:
        """Ids of the articles marked read (none without a reading state). Counting unread
        articles against this set is cheaper than asking SQL about every row."""
        if not state_attached(self.db):
            return {}
        sql = "SELECT a.id FROM articles a WHERE a.identity IN (SELECT identity FROM state.read)"
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

    def compile(self, query: Query) -> tuple[str, list[object]]:
        """SQL conditions (each starting with `` AND``) and parameters for every part of
        ``query`` but its words, which ``results`` matches apart."""
        sql: list[str] = []
        params: list[object] = []
        for names, negate in ((query.topics, False), (query.excluded_topics, True)):
            for name in names:
                sql.append(
                    f"a.id {'NOT ' if negate else ''}IN "
                    "(SELECT article_id FROM topic_closure WHERE node = ?)"
                )
                params.append(self._topic_node(name))
        for texts, negate in ((query.providers, False), (query.excluded_providers, True)):
            for text in texts:
                sql.append(
                    f"{'NOT ' if negate else ''}(a.provider_name IN (SELECT value FROM "
                    "json_each(?)) OR a.provider_domain IN (SELECT value FROM json_each(?)))"
                )
                params.extend(self._providers_holding(text))
        for column, operator, value in (
            ("published", ">=", query.after),
            ("published", "<", query.before),
            ("quality", ">=", query.quality_min),
            ("quality", "<=", query.quality_max),
        ):
            if value is not None:
                sql.append(f"a.{column} {operator} ?")
                params.append(value)
        for stories, negate in ((query.stories, False), (query.excluded_stories, True)):
            for story in stories:
                sql.append(f"a.story IS {'NOT ' if negate else ''}?")
                params.append(story)
        flags = [(flag, False) for flag in sorted(query.flags)]
        flags += [(flag, True) for flag in sorted(query.excluded_flags)]
        for flag, negate in flags:
            clause, hides_read = self._flag_sql(flag, negate)
            if hides_read and query.opened:  # but what was opened from the list
                clause = f"({clause} OR a.identity IN ({', '.join('?' * len(query.opened))}))"
                params += sorted(query.opened)
            sql.append(clause)
        site_sql, site_params = self.site_part(query).conditions()
        return "".join(" AND " + part for part in sql + site_sql), params + site_params

    def site_part(self, query: Query) -> SitePart:
        """The collections, languages and published flag ``query`` covers (see
        ``library.stream``), the flag as of now."""
        part = site_part(query, self.collection_names, self.languages)
        return part if part.published is None else replace(part, moment=self._clock.moment())

    def collection_names(self) -> dict[str, str]:
        """The corpus's collections by lower-cased name."""
        return {name.lower(): name for name in self._values("collection")}

    def languages(self) -> frozenset[str]:
        """The languages the corpus's articles are said to be in."""
        return frozenset(self._values("language"))

    def _values(self, column: str) -> list[str]:
        """The distinct values of ``column``, read again only after the index changed: a
        scope is compiled on every keystroke."""
        version = self.db.execute("PRAGMA main.data_version").fetchone()[0]
        kept = self._distinct.get(column)
        if kept is None or kept[0] != version:
            # No index orders the providers: one pass over the rows, not a seek a value.
            sql = DISTINCT_VALUES if column in ("collection", "language") else PLAIN_DISTINCT
            found = [row[0] for row in self.db.execute(sql.format(column=column))]
            kept = self._distinct[column] = (version, found)
        return kept[1]

    def _providers_holding(self, text: str) -> tuple[str, str]:
        """The provider names and the domains that hold ``text`` whatever its case and
        accents (``folded``), each as a JSON list. SQL's LIKE ignored the case of ASCII
        letters only: ``provider:zürich`` missed "ZÜRICH Zeitung", ``provider:cafe``
        found "Café Press" but ``provider:CAFÉ`` did not."""
        wanted = folded(text)
        names, domains = (
            json.dumps([value for value, plain in self._folded(column, values) if wanted in plain])
            for column in ("provider_name", "provider_domain")
            for values in [self._values(column)]
        )
        return names, domains

    def _folded(self, name: str, values: Collection[str]) -> zip[tuple[str, str]]:
        """Each of ``values`` with its ``folded`` text, folded once while they are the same:
        a scope is compiled on every keystroke, and thousands of providers or topics took
        milliseconds to fold each time."""
        kept = self._folds.get(name)
        if kept is None or kept[0] is not values or len(kept[1]) != len(values):
            kept = self._folds[name] = (values, [folded(value) for value in values])
        return zip(values, kept[1], strict=True)

    def _topic_node(self, name: str) -> str:
        """The tree key a ``topic:`` name means: exact, by id or short name, or a unique
        prefix, else one of a word of the name (``robot`` for ``AI in Robotics``), each
        whatever its accents; a tag as Obsidian's search writes it (``#project``) is the
        tag."""
        tree = self._topic_tree()
        written = name
        if name.startswith("#") and tree.resolve(name) is None:
            name = name[1:]
        key = tree.resolve(name)
        if key is not None:
            return key
        # Accents aside, as words are matched: ``topic:zurich`` is Zürich.
        written_key = folded(topic_key(name))
        keys = dict(self._folded("topics", tree.nodes))
        matches = (
            [k for k, plain in keys.items() if plain == written_key]
            or [k for k, plain in keys.items() if plain.startswith(written_key)]
            or [
                k
                for k, plain in keys.items()
                if any(w.startswith(written_key) for w in _WORD.findall(plain))
            ]
        )
        if len(matches) == 1:
            return matches[0]
        hint = (
            f"; did you mean {', '.join(tree.nodes[k].name for k in matches[:5])}?"
            if matches
            else ""
        )
        raise QueryError(f"unknown topic '{written}'{hint}")

    def _flag_sql(self, flag: str, negate: bool) -> tuple[str, bool]:
        """The condition of ``is:flag`` (``negate``: ``-is:flag``), and whether it leaves
        out the read articles."""
        if not state_attached(self.db):
            raise QueryError(f"is:{flag} needs the reading state, which is not available")
        table = "starred" if flag == "starred" else "read"
        inside = (flag != "unread") != negate
        sql = f"a.identity {'IN' if inside else 'NOT IN'} (SELECT identity FROM state.{table})"
        return sql, table == "read" and not inside
