"""The reader's story map loads without a Python row per article held at once: at a
million articles those rows were most of the reader's memory."""

from __future__ import annotations

import random
import tracemalloc
from pathlib import Path

import pytest

from library import story_map
from library.results import ResultSet
from library.story_map import StoryMap, read_mask
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


def by_hand(stories: StoryMap, ids: list[int], read: set[int]) -> list[tuple[int, ...]]:
    """Each story's row worked out one article at a time: where its first member was, its
    best-ranked member, its size, unread members, earliest and latest dates, story."""
    members: dict[int, list[int]] = {}
    for article in ids:
        members.setdefault(int(stories.story[article]), []).append(article)
    rows = []
    for story, held in members.items():
        dates = [int(stories.published[article]) for article in held]
        known = [date for date in dates if date != story_map.NO_DATE]
        rows.append(
            (
                min(held, key=lambda article: int(stories.rank[article])),
                len(held),
                len([article for article in held if article not in read]),
                min(known, default=story_map.LATEST),
                max(dates),
                int(stories.codes[story]),
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
        results = ResultSet(lambda: index.db, ids, dict.fromkeys(read))
        grouped = stories.grouped(results, read_mask(len(stories.story), results.read))
        rows = [tuple(grouped.story_row(position)) for position in range(len(grouped))]
        assert rows == by_hand(stories, ids, read)
        assert grouped.unread == len(set(ids) - read)
    whole = stories.grouped(ResultSet(lambda: index.db, listed), read_mask(0, {}))
    assert max(whole.story_row(position).size for position in range(len(whole))) > 1
