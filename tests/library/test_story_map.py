"""The reader's story map loads without a Python row per article held at once: at a
million articles those rows were most of the reader's memory."""

from __future__ import annotations

import random
import sqlite3
import tracemalloc
from collections import Counter
from pathlib import Path

import pytest

from library import story_map
from library.results import ResultSet
from library.story_map import HEADLINE_ORDER, StoryMap, read_mask
from tests.library.test_targeted import grouping, indexed_site

ARTICLES = 2000


def test_the_story_map_is_read_a_chunk_at_a_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    index = indexed_site(tmp_path / "site", ARTICLES, seed=3)
    whole = grouping(StoryMap(index.db), index)
    monkeypatch.setattr(story_map, "CHUNK", 100)
    tracemalloc.start()
    try:
        chunked = StoryMap(index.db)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert grouping(chunked, index) == whole
    assert peak < 100 * ARTICLES  # every row at once held about 260 bytes an article


def by_hand(
    db: sqlite3.Connection, ids: list[int], read: set[int], starred: set[int]
) -> list[tuple]:
    """Each row worked out one article at a time from the index: an article whose story
    no other listed article shares is its own row (None); a shared story's row is where
    its first member was, with its best member in the headline order, its size, unread
    and starred members, earliest and latest dates, and story."""
    story = dict(db.execute("SELECT id, story FROM articles WHERE duplicate_of IS NULL"))
    sharing = Counter(story.values())
    order = f"SELECT id FROM articles WHERE duplicate_of IS NULL ORDER BY {HEADLINE_ORDER}"
    rank = {row[0]: place for place, row in enumerate(db.execute(order))}
    published = dict(db.execute("SELECT id, published FROM articles"))
    members: dict[object, list[int]] = {}
    for article in ids:
        shared = story[article] is not None and sharing[story[article]] > 1
        members.setdefault(story[article] if shared else -article, []).append(article)
    rows: list[tuple] = []
    for key, held in members.items():
        if not isinstance(key, str):
            rows.append((held[0], None))
            continue
        dates = [published[article] for article in held]
        known = [date for date in dates if date is not None]
        head = min(held, key=rank.__getitem__)
        rows.append(
            (
                head,
                (
                    head,
                    len(held),
                    len([article for article in held if article not in read]),
                    len([article for article in held if article in starred]),
                    min(known, default=story_map.LATEST),
                    max(known, default=story_map.NO_DATE),
                    int(key, 16),
                ),
            )
        )
    return rows


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_grouping_any_part_of_the_list_gives_each_story_its_row(tmp_path: Path, seed: int) -> None:
    index = indexed_site(tmp_path / "site", 400, seed=seed)
    stories = StoryMap(index.db)
    listed = [
        row[0] for row in index.db.execute("SELECT id FROM articles WHERE duplicate_of IS NULL")
    ]
    chance = random.Random(seed)
    for _ in range(20):
        ids = chance.sample(listed, chance.randint(0, len(listed)))
        read = {article for article in ids if chance.random() < 0.3}
        starred = {article for article in ids if chance.random() < 0.2}
        results = ResultSet(lambda: index.db, ids, dict.fromkeys(read), dict.fromkeys(starred))
        size = len(stories.story)
        grouped = stories.grouped(
            results, read_mask(size, results.read), read_mask(size, results.starred)
        )
        rows = [
            (grouped.ids[position], row and tuple(row))
            for position, row in enumerate(map(grouped.story_row, range(len(grouped))))
        ]
        assert rows == by_hand(index.db, ids, read, starred)
        assert grouped.unread == len(set(ids) - read)
    whole = stories.grouped(ResultSet(lambda: index.db, listed), read_mask(0, {}), read_mask(0, {}))
    sizes = [row.size for row in map(whole.story_row, range(len(whole))) if row is not None]
    assert max(sizes) > 1
