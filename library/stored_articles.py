"""Articles as ``lede list --json`` gives them: every column the index stores, and
their topics.

The list and the reader read compact rows (``results.ArticleRow``); only the command
line's records want every column, looked up here for the ids it prints.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from typing import NamedTuple

from library.db import select_in
from library.schedule import published_now
from library.schema import STORED_URL, STORED_WEB_URL


class StoredArticle(NamedTuple):
    """Every stored column of an article (for the command line's JSON)."""

    id: int
    path: str
    title: str
    provider_name: str | None
    provider_domain: str | None
    published: int | None
    quality: int | None
    url: str | None  # the link: the original article, else the site's page
    identity: str
    kind: str | None
    web_url: str | None
    collection: str | None
    is_published: int  # 0: the site did not publish it, or does not now
    story: str | None  # the id shared by the articles of one story
    authors: str | None  # their names, a line each
    language: str | None  # its code, when its site says it


def topics_of(db: sqlite3.Connection, article_ids: Iterable[int]) -> dict[int, list[str]]:
    """Topic names per article id."""
    ids = list(article_ids)
    result: dict[int, list[str]] = {i: [] for i in ids}
    sql = "SELECT article_id, name FROM article_topics WHERE article_id IN ({marks})"
    for article_id, name in select_in(db, sql, ids):
        result[article_id].append(name)
    return result


def stored_articles(db: sqlite3.Connection, article_ids: list[int]) -> list[StoredArticle]:
    """Every stored column of the articles, in the order given."""
    sql = (
        "SELECT id, path, title, provider_name, provider_domain, published, quality, "
        f"{STORED_URL}, identity, kind, {STORED_WEB_URL}, collection, {published_now()}, "
        "story, authors, language FROM articles WHERE id IN ({marks})"
    )
    found = {row[0]: StoredArticle(*row) for row in select_in(db, sql, article_ids)}
    return [found[i] for i in article_ids]
