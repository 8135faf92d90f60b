"""A refresh that finds a few files changed, at a warm start or told the paths, keeps the
duplicates, the topic closure and the stored listing as a rebuild over the whole corpus
makes them, by one path (``upkeep``) that works for the changed articles alone."""

from __future__ import annotations

import random
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from library import file_rows, indexer, listing, targeted, upkeep
from library.closure import ListChanges, update_closure
from library.index import CorpusIndex
from library.schema import ensure_schema
from library.synthetic import generate
from tests.conftest import write_document
from tests.library.sql_trace import traced_statements
from tests.library.test_targeted import (
    FULL_DUPLICATES,
    FULL_LISTING,
    change_at_random,
    indexed_site,
    kept,
    rebuilt,
)

SAME_DAY = "date: 2021-03-04T05:06:07Z\ntype: article"
TREE_READ = "SELECT name, parent, topic_id"  # closure.read_topic_tree
CLOSURE_REBUILT = "DELETE FROM topic_closure"  # the whole of it: closure.rebuild_closure


@pytest.fixture
def site(tmp_path: Path) -> Path:
    generate(tmp_path / "site", 150, seed=3)
    tied = (("tie-b.md", "banana"), ("tie-a.md", "Apple"), ("tie-9.md", "Issue 9"))
    for name, title in (*tied, ("undated.md", "Zed")):
        front = f'title: "{title}"\n' + (SAME_DAY if name != "undated.md" else "type: article")
        write_document(tmp_path / "site" / "_news", name, front)
    return tmp_path / "site"


@pytest.mark.parametrize("told", [False, True], ids=["warm start", "paths told"])
def test_a_few_changed_files_update_what_depends_on_every_article(
    site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, told: bool
) -> None:
    monkeypatch.setattr(listing, "IN_PLACE", 0)  # a corpus this small is else listed whole
    index = CorpusIndex([str(site)], tmp_path / "index.db")
    index.refresh()
    statements = traced_statements(monkeypatch, indexer, targeted)
    news = sorted((site / "_news").glob("2*.md"))

    def step(*changed: Path, new_topic: bool = False) -> None:
        """Refresh; only a topic that came or went reads the tree and rebuilds the closure."""
        statements.clear()
        if told:
            report = targeted.refresh_paths(index.roots, index.db_path, map(str, changed))
        else:
            report = index.refresh()
        assert report.parsed + report.removed == len(changed)
        assert kept(index.db) == rebuilt(index.db)
        assert not [sql for sql in statements if FULL_DUPLICATES in sql or FULL_LISTING in sql]
        closure_rebuilt = [sql for sql in statements if sql.strip() == CLOSURE_REBUILT]
        tree_read = [sql for sql in statements if TREE_READ in sql]
        assert bool(closure_rebuilt) == bool(tree_read) == new_topic == report.topics_changed

    first = news[0]
    first.write_text(first.read_text().replace("title: ", "title: Aardvark ", 1))
    step(first)  # a title changes: the article moves in the list
    ties = [
        write_document(site / "_news", "tie-c.md", 'title: "apple"\n' + SAME_DAY),
        write_document(site / "_news", "tie-d.md", 'title: "Cherry"\n' + SAME_DAY),
        write_document(site / "_news", "tie-10.md", 'title: "Issue 10"\n' + SAME_DAY),
    ]
    step(*ties)  # new articles tie with others on date, one on its title too, one by number
    copy = site / "_news" / "0-copy.md"
    shutil.copy(news[1], copy)
    step(copy)  # a copy sorts first: the original becomes its duplicate
    copy.unlink()
    step(copy)  # and back
    news[2].unlink()
    (site / "_news" / "tie-b.md").unlink()
    note = write_document(site / "_notes", "note.md", 'title: "A new collection"\n' + SAME_DAY)
    step(news[2], site / "_news" / "tie-b.md", note)  # and a collection not listed before
    topic = 'title: "T"\ntopics: [Tidal power]\n' + SAME_DAY
    new_topic = write_document(site / "_news", "new-topic.md", topic)
    step(new_topic, new_topic=True)  # the tree is read, and the closure built again
    new_topic.unlink()
    step(new_topic, new_topic=True)  # its last article gone, so is the topic


@pytest.mark.parametrize("seed", [11, 12])
def test_random_changes_at_a_warm_start_keep_what_a_full_rebuild_makes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, seed: int
) -> None:
    monkeypatch.setattr(listing, "IN_PLACE", 0)
    root = tmp_path / "site"
    index = indexed_site(root, 150, seed)
    rng = random.Random(seed)
    for step in range(5):
        change_at_random(root, rng, step)
        assert index.refresh().parsed
        assert kept(index.db) == rebuilt(index.db)


def test_a_refresh_stopped_before_its_upkeep_is_finished_by_the_next(
    site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The files were stored but the listing, the duplicates and the closure were not
    brought up to date: the next refresh finds nothing changed, and the listing gone."""
    index = CorpusIndex([str(site)], tmp_path / "index.db")
    index.refresh()
    shutil.copy(sorted((site / "_news").glob("2*.md"))[0], site / "_news" / "0-copy.md")

    def stopped(db: sqlite3.Connection, noted: upkeep.Noted) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(indexer, "keep_up", stopped)
    with pytest.raises(KeyboardInterrupt):
        index.refresh()
    monkeypatch.undo()
    assert index.refresh().parsed == 0
    assert kept(index.db) == rebuilt(index.db)


def test_a_changed_files_rows_are_found_by_seeks(tmp_path: Path) -> None:
    """Forgetting a file and taking its article out of the closure seek its rows by key
    instead of reading tables that grow with the corpus (the full-text index aside: a
    virtual table; the topic keys' ancestors are a few hundred rows)."""
    db = sqlite3.connect(tmp_path / "index.db")
    ensure_schema(db)
    db.execute("CREATE TEMP TABLE stale_articles (id INTEGER PRIMARY KEY)")
    statements: list[str] = []
    db.set_trace_callback(statements.append)
    db.execute("INSERT INTO articles (id, path, identity, title) VALUES (1, 'a.md', 'a', 'A')")
    file_rows.forget(db, "a.md")
    update_closure(db, ListChanges(frozenset({1}), frozenset()))
    plans = [
        row[3]
        for sql in statements
        if sql.startswith("DELETE") and "article_text" not in sql
        for row in db.execute("EXPLAIN QUERY PLAN " + sql)
    ]
    assert any("topic_closure" in plan for plan in plans)
    small = ("stale_articles", "topic_ancestors")
    assert not [plan for plan in plans if plan.startswith("SCAN") and not plan.endswith(small)]


def test_whether_any_article_names_a_provider_is_kept_as_the_index_changes(
    tmp_path: Path, index_factory: Callable[..., CorpusIndex]
) -> None:
    """The reader asks it as it starts: asked of the articles then, a blog of a million
    (which names none) cost a pass over them all before the list showed."""
    blog = tmp_path / "blog"
    write_document(blog, "a.md", "title: A post", "Words.")
    index = index_factory(blog)
    assert not index.names_providers()
    write_document(blog, "b.md", "title: Wired\nprovider: Wire", "Words.")
    index.refresh()
    assert index.names_providers()
    (blog / "b.md").unlink()
    index.refresh()
    assert not index.names_providers()
    index.db.execute("UPDATE facts SET value = 1")  # kept, not asked of the articles again
    assert index.names_providers()
