"""A cold index shows itself as it goes: early commits a reader can list, and a total."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from library import indexer
from library.index import CorpusIndex
from library.indexer import FIRST_COMMIT
from library.schema import DROP_INDEXES, INDEXES
from library.story_index import STORY_INDEX
from library.synthetic import generate
from tests.library.sql_trace import traced_statements


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("cold") / "site"
    generate(root, 1200, plain=True)
    return root


def test_a_cold_index_commits_its_first_batch_and_knows_its_total(
    site: Path, tmp_path: Path
) -> None:
    """At each report the rows so far are committed (another connection reads them), and
    the total is the files the scan found once it has ended (0 before)."""
    files = sum(1 for path in site.rglob("*") if path.is_file())
    index = CorpusIndex([str(site)], tmp_path / "index.db")
    reports: list[tuple[int, int, int]] = []

    def progress(done: int, total: int) -> None:
        with sqlite3.connect(tmp_path / "index.db") as reader:
            stored = reader.execute("SELECT count(*) FROM files").fetchone()[0]
        reports.append((done, total, stored))

    report = index.refresh(progress)
    index.close()
    assert report.parsed == files
    first_done, first_total, first_stored = reports[0]
    assert FIRST_COMMIT <= first_done < 2 * FIRST_COMMIT
    assert first_stored == first_done  # committed: a reader lists them now
    totals = [total for _, total, _ in reports]
    assert set(totals) <= {0, files}
    assert totals == sorted(totals)  # once known, it stays
    assert reports[-1][:2] == (files, files)
    assert len(reports) >= 3  # 256, 768, then the rest


def _indexes(db_path: Path) -> set[str]:
    with sqlite3.connect(db_path) as reader:
        rows = reader.execute("SELECT name FROM sqlite_master WHERE type = 'index'").fetchall()
    return {name for (name,) in rows} & set(INDEXES)


def test_a_cold_index_builds_its_secondary_indexes_once_after_storing(
    site: Path, tmp_path: Path
) -> None:
    """While rows are stored no secondary index is kept up row by row; the finished
    index has every one, and queries that use them answer."""
    index = CorpusIndex([str(site)], tmp_path / "index.db")
    during: list[set[str]] = []
    index.refresh(lambda done, total: during.append(_indexes(tmp_path / "index.db")))
    assert during and all(found == set() for found in during)
    assert _indexes(tmp_path / "index.db") == set(INDEXES)
    assert index.search("")  # the list, in date order
    index.close()


def test_a_refresh_after_an_interrupted_bulk_load_builds_the_indexes_it_left_out(
    site: Path, tmp_path: Path
) -> None:
    """Built before it looks for the changed files: keeping a few up uses them."""
    index = CorpusIndex([str(site)], tmp_path / "index.db")
    index.refresh()
    index.db.executescript(DROP_INDEXES)  # as a cold index stopped before its end leaves it
    assert _indexes(tmp_path / "index.db") == set()
    changed = next(path for path in sorted(site.rglob("*.md")))
    changed.write_text(changed.read_text(encoding="utf-8") + "\nMore.\n", encoding="utf-8")
    during: list[set[str]] = []
    report = index.refresh(lambda done, total: during.append(_indexes(tmp_path / "index.db")))
    index.close()
    assert report.parsed == 1
    assert during and all(found == set(INDEXES) for found in during)
    assert _indexes(tmp_path / "index.db") == set(INDEXES)


def test_the_full_text_index_merges_its_segments_few_times(site: Path, tmp_path: Path) -> None:
    """Its segments are merged eight at a time, from large first ones: merged four at a
    time from 1 MB ones (FTS5's defaults), the postings of a cold index were written
    again and again, a third of what storing the words cost."""
    index = CorpusIndex([str(site)], tmp_path / "index.db")
    index.refresh()
    settings = dict(index.db.execute("SELECT k, v FROM article_text_config"))
    index.close()
    assert settings["automerge"] == 8
    assert settings["hashsize"] >= 8 * 1024 * 1024


def test_a_bulk_load_leaves_the_index_of_stories_to_the_grouping(
    site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The grouping writes every story and builds their index after: built before it as
    well, with the others, it was built twice."""
    monkeypatch.setattr(indexer, "BULK", 100)
    statements = traced_statements(monkeypatch, indexer)
    index = CorpusIndex([str(site)], tmp_path / "index.db")
    index.refresh()
    index.close()
    assert any("NOT EXISTS articles_identity" in sql for sql in statements)
    assert not any(f"NOT EXISTS {STORY_INDEX}" in sql for sql in statements)
    assert _indexes(tmp_path / "index.db") == set(INDEXES)
