"""The reader's story map loads without a Python row per article held at once: at a
million articles those rows were most of the reader's memory."""

from __future__ import annotations

import tracemalloc
from pathlib import Path

import pytest

from library import story_map
from library.story_map import StoryMap
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
