"""What the index holds of each file: a batch of parsed files stored, a file forgotten,
and when the articles of files that went were first seen, kept for them where they
arrive again.

Kept apart from the refresh (``indexer``) that decides which files to parse: a full
refresh and a watcher's (``targeted``) store and forget rows alike.
"""

from __future__ import annotations

import sqlite3
from functools import lru_cache
from typing import TYPE_CHECKING

from library.file_posts import with_posts
from library.schema import next_article_id
from library.search_text import spaced
from library.story_terms import forget_signature
from library.word_sets import kept_upto
from models.topic import topic_key

if TYPE_CHECKING:
    from library.records import ArticleSummary, IndexedFile

# The articles of a corpus share a few hundred topics: each key is made once, not for
# every article that names it.
_topic_key = lru_cache(maxsize=4096)(topic_key)


def note_departures(db: sqlite3.Connection, gone: list[str]) -> None:
    """Remember, by identity, when each article of a gone file was first seen: a file
    moved or renamed within one refresh is the same article (its read state follows its
    identity too), not news since the last visit. ``keep_first_seen`` applies it."""
    if not gone:
        return
    gone = with_posts(db, gone)
    db.execute(
        "CREATE TEMP TABLE IF NOT EXISTS departed "
        "(identity TEXT PRIMARY KEY, first_seen REAL NOT NULL) WITHOUT ROWID"
    )
    db.executemany(  # an identity that is the path itself cannot arrive again elsewhere
        "INSERT INTO departed SELECT identity, first_seen FROM articles "
        "WHERE path = ? AND identity != path "
        "ON CONFLICT (identity) DO UPDATE SET first_seen = min(first_seen, excluded.first_seen)",
        [(path,) for path in gone],
    )


def keep_first_seen(db: sqlite3.Connection) -> None:
    """Articles stored under a departed article's identity keep when it was first seen,
    and so do their files, for when they change later."""
    if db.execute("SELECT 1 FROM temp.sqlite_master WHERE name = 'departed'").fetchone() is None:
        return
    db.execute(
        "UPDATE articles SET first_seen = "
        "(SELECT d.first_seen FROM departed d WHERE d.identity = articles.identity) "
        "WHERE identity IN (SELECT identity FROM departed) AND first_seen > "
        "(SELECT d.first_seen FROM departed d WHERE d.identity = articles.identity)"
    )
    db.execute(
        "UPDATE files SET first_seen = "
        "(SELECT min(a.first_seen) FROM articles a WHERE a.path = files.path) "
        "WHERE path IN (SELECT path FROM articles WHERE identity IN "
        "(SELECT identity FROM departed))"
    )
    db.execute("DROP TABLE departed")


def drop_files(db: sqlite3.Connection, gone: list[str]) -> None:
    """Forget files that are gone, and when they were first seen: back one day, they are
    new again."""
    db.executemany("DELETE FROM files WHERE path = ?", [(path,) for path in gone])


def forget(db: sqlite3.Connection, path: str) -> None:
    """Remove everything parsed from a file. Its row in ``files`` stays, for when it was
    first seen, but no longer matches any file on disk: a refresh stopped before the file
    is stored again parses it then."""
    for held in with_posts(db, [path]):  # its own article, and its posts if it has some
        found = db.execute("SELECT id FROM articles WHERE path = ?", (held,)).fetchone()
        if found:  # its words stay in the full-text index, under an id never used again
            db.execute("DELETE FROM article_topics WHERE article_id = ?", found)
            forget_signature(db, found[0])
            db.execute("DELETE FROM articles WHERE id = ?", found)
        db.execute("DELETE FROM problems WHERE path = ?", (held,))
    db.execute("DELETE FROM taxonomy WHERE path = ?", (path,))
    db.execute("UPDATE files SET size = -1 WHERE path = ?", (path,))


def store(db: sqlite3.Connection, batch: list[IndexedFile], now: float | None) -> None:
    """Insert a batch of parsed files with a few ``executemany`` calls; a file not seen
    before is first seen ``now`` (at its modification time when ``None``)."""
    db.executemany(
        "INSERT INTO files VALUES (?, ?, ?, ?) ON CONFLICT (path) "
        "DO UPDATE SET size = excluded.size, mtime_ns = excluded.mtime_ns",
        [(r.path, r.size, r.mtime_ns, r.mtime_ns / 1e9 if now is None else now) for r in batch],
    )
    db.executemany(
        "INSERT OR REPLACE INTO settings_files VALUES (?, ?, ?)",
        [stamp for r in batch for stamp in r.settings],
    )
    posts = [(post, r.path) for r in batch for post in r.posts]  # ``library.file_posts``
    db.executemany(
        "INSERT INTO problems VALUES (?, ?, ?, ?)",
        [(r.path, *problem) for r in [*batch, *(p for p, _ in posts)] for problem in r.problems],
    )
    db.executemany(
        "INSERT INTO taxonomy VALUES (?, ?, ?, ?, ?, ?, ?)",
        [(r.path, *topic) for r in batch for topic in r.taxonomy],
    )
    held = [(r, r.path) for r in batch] + posts  # each, and the file it is in
    articles = [(r, r.article, file) for r, file in held if r.article is not None]
    if not articles:
        return
    first = next_article_id(db)
    ids = range(first, first + len(articles))
    rows = [(i, r, summary) for i, (r, summary, _) in zip(ids, articles, strict=True)]
    # A file stored before keeps when it was first seen; a cold index stores each file
    # once, at its modification time, with no row to look up.
    first_seen = "?" if now is None else "(SELECT first_seen FROM files WHERE path = ?)"
    db.executemany(
        "INSERT INTO articles (id, path, identity, kind, title, provider_name, provider_domain, "
        "published, quality, url, web_url, collection, is_published, authors, publish_at, "
        f"expire_at, language, title_key, first_seen) VALUES ({', '.join('?' * 18)}, "
        f"{first_seen})",
        [
            (i, r.path, *_links_once(s), r.mtime_ns / 1e9 if now is None else file)
            for i, (r, s, file) in zip(ids, articles, strict=True)
        ],
    )
    words = [
        (
            i,
            spaced(summary.title),
            r.excerpt,
            r.who,
            spaced(" ".join(r.topics)),
            r.body,
        )
        for i, r, summary in rows
    ]
    tables = ["article_text"]
    if kept_upto(db) is not None:  # past the kept sets of common words, the newest
        tables.append("recent_text")  # articles answer for themselves (``word_sets``)
    for table in tables:
        db.executemany(
            f"INSERT INTO {table} (rowid, title, excerpt, provider, topics, body) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            words,
        )
    db.executemany(
        "INSERT INTO article_topics VALUES (?, ?, ?, ?)",
        [(i, name, _topic_key(name), r.in_vault) for i, r, _ in rows for name in r.topics],
    )
    signatures = [(i, r.signature) for i, r, _ in rows if r.signature]
    db.executemany("INSERT INTO signatures (article_id, signature) VALUES (?, ?)", signatures)


def _links_once(summary: ArticleSummary) -> tuple[object, ...]:
    """The summary's columns with a link left out (NULL) where it repeats the identity or
    the link (see ``schema.STORED_URL``)."""
    url = None if summary.url == summary.identity else summary.url
    web_url = None if summary.web_url == summary.url else summary.web_url
    return (*summary[:7], url, web_url, *summary[9:])
