"""The tables of a corpus index, and rebuilding them when the layout changes.

The index is a cache of the corpus files: a database from another schema
version is dropped and built again, never migrated. The version also changes when
parsing stores something else for the same file (a document it could not read before);
an index made in another time zone is built again too (see ``local_zone``).
"""

from __future__ import annotations

import sqlite3

from library.days import local_zone
from library.title_order import SORT as TITLE_ORDER

SCHEMA_VERSION = 45
SORTS = {
    "date": f"a.published IS NULL, a.published DESC, {TITLE_ORDER}",
    "quality": "a.quality IS NULL, a.quality DESC, a.published DESC",
    "title": f"{TITLE_ORDER}, a.published DESC",
}
"""The orders a list can take, by name: the one source of the names the CLI and the
reader offer."""

# The secondary indexes, by name. A bulk load (a cold index, or a refresh of more than
# ``BULK`` files) drops them and builds each once after, with a sort, which costs
# far less than keeping them up row by row. Nothing needs them to be right, only
# fast, so the reader reads on meanwhile. No index keeps the date order: the stored list
# (``listing``) holds it, and any part of the list is taken from it in that order; an
# index of the sort keys would hold every title again. ``topic_closure`` is its own
# index (see the table).
INDEXES = {
    "articles_identity": "articles(identity)",
    "articles_first_seen": "articles(first_seen)",
    "articles_story": "articles(story)",
    "articles_published": "articles(published)",
    "articles_collection": "articles(collection)",
    "articles_language": "articles(language)",
    # The few pages a site puts up or takes down at a moment (``library.schedule``).
    "articles_publish_at": "articles(publish_at) WHERE publish_at IS NOT NULL",
    "articles_expire_at": "articles(expire_at) WHERE expire_at IS NOT NULL",
    "signatures_uncounted": "signatures(article_id) WHERE NOT counted",
    "article_topics_key": "article_topics(key, article_id)",
    "article_topics_article": "article_topics(article_id)",
}
BULK = 5000  # rows written at once past which an index is built again, not kept up


def create_index(name: str) -> str:
    """The statement that builds the secondary index ``name`` if it is missing."""
    return f"CREATE INDEX IF NOT EXISTS {name} ON {INDEXES[name]};\n"


BUILD_INDEXES = "".join(map(create_index, INDEXES))
DROP_INDEXES = "".join(f"DROP INDEX IF EXISTS {name};\n" for name in INDEXES)
# The index is 0.4 of the corpus's size or less (a goal): tables keyed by path keep it
# once (WITHOUT ROWID), and the full-text index keeps no copy of the text (content='')
# nor the sizes of its columns (columnsize=0, for ranking), which nothing reads. SQLite
# 3.40 cannot delete from such a table without the old text, so a removed article's
# words stay in it under an id that is never used again (see ``next_article_id``): a
# match on it finds no article, and no list holds it.
# The full-text index keeps one-letter prefixes too: the first letter of a word typed into
# the filter matches most of a corpus, and merging every term that starts with it was the
# slowest keystroke. Two-letter prefixes gained little for what they cost a cold index.
SCHEMA = (
    """
-- Each file parsed, with the stat data a refresh compares (size -1: forgotten, to be
-- parsed again) and when the index first held it (Unix seconds): kept while the file is
-- parsed again after a change, forgotten only when the file goes.
-- The local time zone the index was made in (library.days.local_zone).
CREATE TABLE IF NOT EXISTS made_in (zone TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS files (
    path TEXT PRIMARY KEY, size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL,
    first_seen REAL NOT NULL) WITHOUT ROWID;
-- Each site settings file the files were parsed with, as it was read (see
-- library/site_settings_files.py).
CREATE TABLE IF NOT EXISTS settings_files (
    path TEXT PRIMARY KEY, size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL) WITHOUT ROWID;
-- published: the date (Unix seconds); is_published: the site's flag (0 for published: false);
-- url: the link (originalUrl, else webUrl), NULL when it is the identity; web_url: NULL when
-- it is the link (each article's link was kept up to four times); collection: the Jekyll
-- collection folder, if any. Read them as STORED_URL and STORED_WEB_URL. authors: their
-- names, a line each (NULL: none named), for the command line's JSON.
-- first_seen: when the index first held the file (see ``files``). publish_at, expire_at: when
-- its site puts it up (only while that is to come) and takes it down (Unix seconds), compared
-- with the clock as a list is made (library/schedule.py): is_published is the flag alone.
-- language: its code, when its site says it (library/site_languages.py). title_key: its
-- place in the order by title, NULL where lower(title) is it (library/title_order.py).
CREATE TABLE IF NOT EXISTS articles (
    id INTEGER PRIMARY KEY AUTOINCREMENT, path TEXT NOT NULL UNIQUE, identity TEXT NOT NULL,
    duplicate_of INTEGER, kind TEXT, title TEXT NOT NULL, provider_name TEXT,
    provider_domain TEXT, published INTEGER, quality INTEGER, url TEXT, web_url TEXT,
    collection TEXT, is_published INTEGER NOT NULL DEFAULT 1, first_seen REAL NOT NULL DEFAULT 0,
    story TEXT, authors TEXT, publish_at INTEGER, expire_at INTEGER, language TEXT,
    title_key TEXT);
-- story: the id shared by the articles of one story (library.story_index), NULL until
-- grouped; signatures: a news article's story terms, so later articles join its story;
-- story_terms: how many counted signatures hold each term (library.story_terms).
CREATE TABLE IF NOT EXISTS signatures (
    article_id INTEGER PRIMARY KEY, signature TEXT NOT NULL, counted INTEGER NOT NULL DEFAULT 0);
CREATE TABLE IF NOT EXISTS story_terms (term TEXT PRIMARY KEY, df INTEGER NOT NULL) WITHOUT ROWID;
-- article_text: the words of each article; its provider column holds the authors too.
CREATE VIRTUAL TABLE IF NOT EXISTS article_text USING fts5(
    title, excerpt, provider, topics, body, tokenize='unicode61 remove_diacritics 2',
    prefix='1', content='', columnsize=0);
-- Segments merged eight at a time rather than four, from larger first segments (words
-- held in memory up to 8 MB before they are written): a cold index rewrote most of its
-- postings again and again, a third of what storing its words cost.
INSERT INTO article_text (article_text, rank) VALUES ('automerge', 8);
INSERT INTO article_text (article_text, rank) VALUES ('hashsize', 8388608);
-- nests: 1 where the article is an Obsidian vault's note, whose tags nest at their slashes
-- (models.topic).
CREATE TABLE IF NOT EXISTS article_topics (
    article_id INTEGER NOT NULL, name TEXT NOT NULL, key TEXT NOT NULL, nests INTEGER NOT NULL);
-- Keyed by node then article: the table is its own index (it was kept twice), and the
-- rows of an article that left the list are found by a seek per node.
CREATE TABLE IF NOT EXISTS topic_closure (
    node TEXT NOT NULL, article_id INTEGER NOT NULL, PRIMARY KEY (node, article_id)) WITHOUT ROWID;
-- Each topic key articles use, with the nodes above it: what the closure was built from.
CREATE TABLE IF NOT EXISTS topic_ancestors (key TEXT NOT NULL, node TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS taxonomy (
    path TEXT NOT NULL, name TEXT NOT NULL, parent TEXT, topic_id TEXT, shortname TEXT,
    description TEXT, line INTEGER);
CREATE TABLE IF NOT EXISTS problems (
    path TEXT NOT NULL, line INTEGER, severity TEXT NOT NULL, message TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS problems_path ON problems(path);
CREATE INDEX IF NOT EXISTS taxonomy_path ON taxonomy(path);
-- What the reader asks of the whole corpus as it starts, kept as the index changes:
-- names_providers, whether any article names its provider (see library/upkeep.py).
CREATE TABLE IF NOT EXISTS facts (name TEXT PRIMARY KEY, value) WITHOUT ROWID;
-- The list in date order (ids, int64), and per article a byte: its collection's number in
-- part_names (a JSON list) * 2 + is_published; see library/listing.py.
CREATE TABLE IF NOT EXISTS listing (
    sort TEXT PRIMARY KEY, ids BLOB NOT NULL, parts BLOB, part_names TEXT);
-- The articles up to upto holding a common word (prefix 0) or start of one (prefix 1):
-- bits over the members of the set one letter shorter, or of a word's own start, compressed;
-- recent_text: the words of the articles stored since (see library/word_sets.py).
CREATE TABLE IF NOT EXISTS word_sets (
    text TEXT NOT NULL, prefix INTEGER NOT NULL, upto INTEGER NOT NULL, bits BLOB NOT NULL,
    PRIMARY KEY (text, prefix)) WITHOUT ROWID;
CREATE VIRTUAL TABLE IF NOT EXISTS recent_text USING fts5(
    title, excerpt, provider, topics, body, tokenize='unicode61 remove_diacritics 2',
    prefix='1', content='', columnsize=0);
"""
    + BUILD_INDEXES
)


STORED_URL = "coalesce(url, identity)"
STORED_WEB_URL = "coalesce(web_url, url, identity)"


def next_article_id(db: sqlite3.Connection) -> int:
    """The id for the next article stored: past every id ever stored (AUTOINCREMENT keeps
    the highest), so that no id is used twice and the articles a refresh stores are
    those from this id on."""
    stored = db.execute("SELECT max(id) FROM articles").fetchone()[0] or 0
    ever = db.execute("SELECT seq FROM sqlite_sequence WHERE name = 'articles'").fetchone()
    return max(stored, ever[0] if ever else 0) + 1


def schema_current(db: sqlite3.Connection) -> bool:
    """Whether the database holds the tables of this version of lede, made in this time
    zone (see ``local_zone``)."""
    if db.execute("PRAGMA user_version").fetchone()[0] != SCHEMA_VERSION:
        return False
    made_in = db.execute("SELECT zone FROM made_in").fetchone()
    return made_in is not None and made_in[0] == local_zone()


def ensure_schema(db: sqlite3.Connection) -> None:
    """Create the tables, dropping first those of another schema version. Done in one
    immediate transaction that checks the version again: two processes opening a new
    index at once would otherwise drop the tables the other had just made."""
    if schema_current(db):
        return
    db.execute("BEGIN IMMEDIATE")
    try:
        if not schema_current(db):
            tables = [
                row[0]
                for row in db.execute(
                    "SELECT name FROM sqlite_master WHERE type='table' "
                    "AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'article_text_%' "
                    "AND name NOT LIKE 'recent_text_%'"
                )
            ]
            for table in tables:
                db.execute(f'DROP TABLE IF EXISTS "{table}"')
            for statement in _statements(SCHEMA):
                db.execute(statement)
            db.execute("INSERT INTO made_in VALUES (?)", (local_zone(),))
            db.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
        db.commit()
    except BaseException:
        db.rollback()
        raise


def _statements(script: str) -> list[str]:
    """The SQL statements of ``script`` one by one (``executescript`` would commit the
    transaction they must run in)."""
    found: list[str] = []
    pending = ""
    for line in script.splitlines(keepends=True):
        pending += line
        if sqlite3.complete_statement(pending):
            found.append(pending.strip())
            pending = ""
    return [statement for statement in found if statement]
