"""Placing new articles costs what they touch: the index keeps its story terms' counts as
articles come and go, a refresh restores only the stored articles near the new ones in
time, and a late article still joins the story a grouping from scratch gives it."""

from __future__ import annotations

import random
import sqlite3
from collections import Counter
from pathlib import Path

import pytest

from library.db import connect
from library.index import CorpusIndex
from library.signature import signature_terms
from library.stories import WINDOW, StoryGrouper
from library.story_index import place_new, spans_near
from library.synthetic import generate


def indexed(root: Path, db_path: Path) -> dict[str, str]:
    """Refresh the index of ``root``; every article's story, by path relative to it."""
    index = CorpusIndex([str(root)], db_path)
    try:
        index.refresh()
    finally:
        index.close()
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
    restore_and_place = StoryGrouper.restore_and_place

    def spy(self: StoryGrouper, placed, articles, corpus=None):  # type: ignore[no-untyped-def]
        placed = list(placed)
        restored.extend(article.published for article, _ in placed)
        return restore_and_place(self, placed, articles, corpus)

    monkeypatch.setattr(StoryGrouper, "restore_and_place", spy)
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
