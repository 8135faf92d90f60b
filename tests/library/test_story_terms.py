"""Placing new articles costs what they touch: the index keeps its story terms' counts as
articles come and go, a refresh restores only the stored articles near the new ones in
time, and a late article still joins the story a grouping from scratch gives it."""

from __future__ import annotations

import random
import sqlite3
import tracemalloc
from collections import Counter
from pathlib import Path

import pytest

import library.stories as stories_module
from library import story_index, story_weights
from library.db import connect
from library.index import CorpusIndex
from library.schema import ensure_schema
from library.signature import signature_terms
from library.stories import WINDOW, StoryArticle, StoryGrouper, place_in_order
from library.story_index import grouping, place_new, spans_near
from library.story_parts import DAY, placing_order
from library.story_terms import count_new, count_terms
from library.story_weights import Frequencies
from library.synthetic import generate


def indexed(root: Path, db_path: Path) -> dict[str, str]:
    """Refresh the index of ``root``; every article's story, by path relative to it."""
    index = CorpusIndex([str(root)], db_path)
    try:
        index.refresh()
    finally:
        index.close()
    return stories(db_path, root)


def stories(db_path: Path, root: Path) -> dict[str, str]:
    """Every article's story in the index at ``db_path``, by path relative to ``root``."""
    with sqlite3.connect(db_path) as db:
        rows = db.execute("SELECT path, story FROM articles").fetchall()
    return {str(Path(path).relative_to(root)): story for path, story in rows}


def term_counts(db_path: Path) -> tuple[dict[str, int], Counter[str]]:
    """The counts the index keeps, and the counts of its signatures counted afresh."""
    with sqlite3.connect(db_path) as db:
        kept = dict(db.execute("SELECT term, df FROM story_terms").fetchall())
        signatures = db.execute("SELECT signature FROM signatures").fetchall()
    return kept, Counter(term for (text,) in signatures for term in signature_terms(text))


def set_aside(root: Path, paths: list[str], aside: Path) -> dict[str, bytes]:
    """Remove files from the corpus; their contents by path."""
    kept = {path: (root / path).read_bytes() for path in paths}
    for path in paths:
        (root / path).unlink()
    return kept


@pytest.fixture
def site(tmp_path: Path) -> tuple[Path, list[list[str]]]:
    root = tmp_path / "site"
    truth = generate(root, 400, seed=5)
    return root, truth.stories


def test_term_counts_follow_articles_as_they_come_and_go(
    site: tuple[Path, list[list[str]]], tmp_path: Path
) -> None:
    root, stories = site
    news = sorted(str(p.relative_to(root)) for p in (root / "_news").glob("*.md"))
    leaving = random.Random(1).sample(news, 30)
    coming = set_aside(root, leaving[:10], tmp_path)
    db_path = tmp_path / "index.db"
    indexed(root, db_path)
    kept, afresh = term_counts(db_path)
    assert kept == afresh and afresh
    for path in leaving[10:]:
        (root / path).unlink()
    for path, text in coming.items():
        (root / path).write_bytes(text)
    indexed(root, db_path)
    kept, afresh = term_counts(db_path)
    assert kept == afresh
    indexed(root, tmp_path / "cold.db")
    assert term_counts(tmp_path / "cold.db")[0] == kept


def test_late_articles_join_the_stories_a_grouping_from_scratch_gives_them(
    site: tuple[Path, list[list[str]]], tmp_path: Path
) -> None:
    root, stories = site
    # The last write-up of several stories arrives after all the rest was indexed.
    late = [max(story, key=lambda path: Path(path).name) for story in stories][:5]  # dated names
    assert len(late) == 5
    texts = set_aside(root, late, tmp_path)
    db_path = tmp_path / "index.db"
    before = indexed(root, db_path)
    for path, text in texts.items():
        (root / path).write_bytes(text)
    after = indexed(root, db_path)
    assert after == indexed(root, tmp_path / "cold.db")
    assert {path: after[path] for path in before} == before
    for path in late:
        partners = [other for story in stories if path in story for other in story]
        assert {after[other] for other in partners} == {after[path]}


def test_placing_an_article_restores_only_the_stored_articles_near_it(
    site: tuple[Path, list[list[str]]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root, stories = site
    db_path = tmp_path / "index.db"
    indexed(root, db_path)
    restored: list[int] = []
    place_in_order = stories_module.place_in_order

    def spy(placed, articles, corpus, renames):
        placed = list(placed)
        restored.extend(article.published for article, _ in placed)
        return place_in_order(placed, articles, corpus, renames)

    monkeypatch.setattr(stories_module, "place_in_order", spy)
    db = connect(db_path)
    try:
        with db:
            late, published = db.execute(
                "SELECT a.id, a.published FROM articles a JOIN signatures s ON s.article_id = a.id "
                "ORDER BY a.published LIMIT 1 OFFSET 200"
            ).fetchone()
            stored = db.execute("SELECT count(*) FROM signatures").fetchone()[0]
            db.execute("UPDATE articles SET story = NULL WHERE id = ?", (late,))
            assert place_new(db) == 1
    finally:
        db.close()
    assert restored and len(restored) < stored / 10
    assert all(abs(date - published) <= 2 * WINDOW for date in restored)


def test_the_spans_near_new_articles_merge_where_they_meet() -> None:
    day = 86_400
    assert spans_near([None]) == []
    reach = 2 * WINDOW
    assert spans_near([50 * day, 10 * day, 12 * day, None]) == [
        (10 * day - reach, 12 * day + reach),
        (50 * day - reach, 50 * day + reach),
    ]


def _signatures(count: int) -> list[StoryArticle]:
    """Articles whose signatures hold forty terms each, from a vocabulary of a thousand,
    each published more than a story's span after the one before: none is compared."""
    pick = random.Random(3)
    vocabulary = [f"term{number:04}" for number in range(1000)]
    return [
        StoryArticle(number, 1_600_000_000 + number * 8 * DAY, f"article-{number}", signature)
        for number in range(count)
        for terms in [pick.sample(vocabulary, 40)]
        for signature in [
            " ".join(terms[:4]) + "|" + " ".join(terms[4:8]) + "|" + " ".join(terms[8:])
        ]
    ]


def _news(root: Path, db_path: Path) -> list[StoryArticle]:
    """The news articles of ``root`` as grouping reads them, once indexed at ``db_path``."""
    indexed(root, db_path)
    with sqlite3.connect(db_path) as db:
        rows = db.execute(
            "SELECT a.id, a.published, a.identity, s.signature FROM articles a "
            "JOIN signatures s ON s.article_id = a.id WHERE a.duplicate_of IS NULL"
        )
        return [StoryArticle(*row) for row in rows]


def _counts(articles: list[StoryArticle]) -> Frequencies:
    terms = Counter(term for a in articles for term in signature_terms(a.signature))
    return Frequencies(len(articles), terms)


def test_terms_are_split_a_chunk_of_signatures_at_a_time(
    site: tuple[Path, list[list[str]]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every term of a million signatures split at once was gigabytes of strings: the
    counts and the grouping hold one chunk's at a time, with the same results."""
    news = _news(site[0], tmp_path / "news.db")
    grouped = StoryGrouper().place(news)
    articles = _signatures(4000)
    whole = StoryGrouper().place(articles)
    db = connect(tmp_path / "index.db")
    ensure_schema(db)
    db.executemany(
        "INSERT INTO signatures (article_id, signature) VALUES (?, ?)",
        [(article.id, article.signature) for article in articles],
    )
    monkeypatch.setattr(story_weights, "TERMS_CHUNK", 100)
    tracemalloc.start()
    try:
        counted = count_new(db)
        counting = tracemalloc.get_traced_memory()[1]
        tracemalloc.reset_peak()
        grouper = StoryGrouper()
        held = tracemalloc.get_traced_memory()[0]
        chunked = grouper.place(articles)
        grouping = tracemalloc.get_traced_memory()[1] - held
    finally:
        tracemalloc.stop()
        db.close()
    assert counted.total == 4000
    assert counted.df == Counter(term for a in articles for term in signature_terms(a.signature))
    assert chunked == whole
    chunked_news = StoryGrouper().place(news)
    assert chunked_news == grouped
    assert len(set(grouped.values())) < len(grouped)  # stories of several
    assert counting < 3_000_000  # all at once: 15 MB
    assert grouping < 8_000_000  # all at once: 15 MB


def test_a_grouping_of_many_writes_its_stories_then_builds_their_index(
    site: tuple[Path, list[list[str]]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Kept up row by row, the index of stories took each new id (a hash) to a page of
    its own: past ``BULK`` articles it is dropped for the writes and built after."""
    root, _ = site
    db_path = tmp_path / "index.db"
    before = indexed(root, db_path)
    monkeypatch.setattr(story_index, "BULK", 50)
    statements: list[str] = []
    db = connect(db_path)
    try:
        with db:
            db.execute("UPDATE articles SET story = NULL")
            db.set_trace_callback(statements.append)
            place_new(db)
        indexes = {row[0] for row in db.execute("SELECT name FROM sqlite_master")}
    finally:
        db.close()
    writes = [n for n, sql in enumerate(statements) if sql.startswith("UPDATE articles SET story")]
    dropped = statements.index("DROP INDEX IF EXISTS articles_story")
    built = next(
        n for n, sql in enumerate(statements) if "INDEX IF NOT EXISTS articles_story" in sql
    )
    assert dropped < writes[0] and writes[-1] < built
    assert "articles_story" in indexes
    assert stories(db_path, root) == before


def test_terms_are_counted_in_the_order_their_table_keeps(tmp_path: Path) -> None:
    """Stored in the order first met, each term went into a page anywhere in the table
    of counts: they are handed over in its order."""
    articles = _signatures(2000)
    db = connect(tmp_path / "index.db")
    try:
        ensure_schema(db)
        db.executemany(
            "INSERT INTO signatures (article_id, signature) VALUES (?, ?)",
            [(article.id, article.signature) for article in articles],
        )
        counted = count_terms(db)
    finally:
        db.close()
    terms = [term for article in articles for term in signature_terms(article.signature)]
    first_met = list(dict.fromkeys(terms))
    assert list(counted.counts) == sorted(first_met) != first_met
    assert counted.counts == Counter(terms)


def _ungrouped(db_path: Path) -> None:
    """The index as a bulk load leaves it: no story, no term counted."""
    with sqlite3.connect(db_path) as db:
        db.execute("UPDATE articles SET story = NULL")
        db.execute("UPDATE signatures SET counted = 0")
        db.execute("DELETE FROM story_terms")


def _bulk_loaded(
    site: tuple[Path, list[list[str]]], tmp_path: Path
) -> tuple[Path, Path, dict[str, str], dict[str, int]]:
    """The site indexed, then left as a bulk load leaves it: its root, its index, its
    stories and its terms' counts as a whole refresh makes them."""
    root, _ = site
    db_path = tmp_path / "index.db"
    before = indexed(root, db_path)
    kept = term_counts(db_path)[0]
    _ungrouped(db_path)
    return root, db_path, before, kept


def test_terms_counted_ahead_beside_the_writer_are_stored_not_counted_again(
    site: tuple[Path, list[list[str]]], tmp_path: Path
) -> None:
    """A bulk load's terms are counted while the refresh still writes the rest (reading
    only, so the writer does not hold them up), then stored as the grouping begins: the
    counts and stories of counting then, without a second count. Should a signature
    come or go between, they are counted again."""
    root, db_path, before, kept = _bulk_loaded(site, tmp_path)
    db = connect(db_path)
    statements: list[str] = []
    try:
        db.execute("BEGIN IMMEDIATE")  # as the refresh, storing its listing meanwhile
        db.execute("DELETE FROM listing")
        beside = connect(db_path)
        ahead = count_terms(beside)
        beside.close()
        db.commit()
        db.set_trace_callback(statements.append)
        with db:
            place_new(db, None, ahead)
        db.set_trace_callback(None)
        assert not [sql for sql in statements if sql.startswith("SELECT signature FROM")]
        assert term_counts(db_path)[0] == kept
        assert stories(db_path, root) == before
        _ungrouped(db_path)
        ahead = count_terms(db)
        with db:
            db.execute(
                "DELETE FROM signatures WHERE article_id = (SELECT min(article_id) FROM signatures)"
            )
            place_new(db, None, ahead)
    finally:
        db.close()
    kept, afresh = term_counts(db_path)
    assert kept == afresh and sum(afresh.values()) < sum(ahead.counts.values())


def test_a_bulk_load_grouped_with_its_terms_counted_ahead_has_the_stories_of_one_counted_after(
    site: tuple[Path, list[list[str]]], tmp_path: Path
) -> None:
    root, db_path, before, kept = _bulk_loaded(site, tmp_path)
    db = connect(db_path)
    try:
        with grouping(db_path, ahead=True) as assign:
            with db:  # the refresh's own writes, as the worker counts
                db.execute("DELETE FROM listing")
            assign()
    finally:
        db.close()
    assert term_counts(db_path)[0] == kept
    assert stories(db_path, root) == before


def test_placing_in_date_order_lets_go_of_what_no_later_article_reaches(
    site: tuple[Path, list[list[str]]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A cold index places every article of a corpus: held whole, their terms and stories
    were gigabytes at a million. Given in date order, what no later article can reach is
    let go as they come, and the stories are those a grouper that holds everything gives."""
    root, _ = site
    news = _news(root, tmp_path / "index.db")
    stored = stories(tmp_path / "index.db", root)  # placed as read from SQL in date order
    with sqlite3.connect(tmp_path / "index.db") as db:  # every signature's, copies' too
        paths = dict(db.execute("SELECT id, path FROM articles"))
        corpus = Frequencies(
            db.execute("SELECT count(*) FROM signatures").fetchone()[0],
            dict(db.execute("SELECT term, df FROM story_terms")),
        )
    holding = StoryGrouper().restore_and_place([], news, corpus)
    assert {str(Path(paths[i]).relative_to(root)): s for i, s in holding.items()}.items() <= (
        stored.items()
    )
    monkeypatch.setattr(story_weights, "TERMS_CHUNK", 10)
    in_order = sorted(news, key=placing_order)
    assert dict(place_in_order([], in_order, corpus)) == holding
    assert len(set(holding.values())) < len(holding)  # stories of several

    articles = _signatures(4000)  # eight days apart: each out of reach of the one before
    corpus = _counts(articles)
    tracemalloc.start()
    try:
        StoryGrouper().restore_and_place([], articles, corpus)
        held = tracemalloc.get_traced_memory()[1]
        tracemalloc.reset_peak()
        placed = sum(1 for _ in place_in_order([], articles, corpus))
        let_go = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert placed == len(articles)
    assert let_go < held / 4
