"""Compiling a query's filters to SQL: topics, providers, dates, quality, stories, the
reading state and a site's parts, each name resolved against the corpus as it is now.

The names are read again only after the index changed: a scope is compiled on every
keystroke.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Callable, Collection
from dataclasses import replace

from library.query import Query, QueryError
from library.schedule import Clock
from library.search_text import folded
from library.stream import SitePart, site_part
from models.topic import TopicTree, topic_key

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

_WORD = re.compile(r"\w+")  # the words of a topic's key, each of which ``topic:`` may start


def state_attached(db: sqlite3.Connection) -> bool:
    """Whether the reading state is queryable on this connection (as ``state``)."""
    return any(row[1] == "state" for row in db.execute("PRAGMA database_list"))


class QueryCompiler:
    """The SQL of a query's filters on one connection, and the corpus's names they use."""

    def __init__(self, db: sqlite3.Connection, topic_tree: Callable[[], TopicTree]) -> None:
        self.db = db
        self._topic_tree = topic_tree
        self._distinct: dict[str, tuple[int, list[str]]] = {}  # column -> (version, values)
        self._folds: dict[str, tuple[Collection[str], list[str]]] = {}  # see ``_folded``
        self._clock = Clock(db)

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
