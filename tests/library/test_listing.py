"""The stored list in date order, with each article's part code, is built in one pass over
the articles with no row kept: at a million articles the rows held at once were more than
a hundred megabytes in the process that stores them."""

from __future__ import annotations

import json
import sqlite3
import tracemalloc
from array import array
from pathlib import Path

import pytest

from library import listing
from library.index import CorpusIndex
from library.listing import read_listing, store_listing, stored_listing
from library.schema import SORTS
from library.stream import SitePart
from tests.conftest import write_document


def site(root: Path, collections: int, each: int) -> Path:
    for number in range(collections):
        for item in range(each):
            write_document(
                root / f"_part{number:03}",
                f"{item}.md",
                f"title: Item {item} of {number}\npublishedDateTime: 2024-01-{item % 28 + 1:02}\n"
                f"published: {'false' if item % 3 == 0 else 'true'}",
            )
    return root


def stored(db: sqlite3.Connection) -> tuple[list[int], bytes | None, list[str | None]]:
    row = read_listing(db)
    assert row is not None
    return list(array("q", row[0])), row[1], json.loads(row[2])


def by_sql(db: sqlite3.Connection) -> list[tuple[int, str | None, int]]:
    sql = (
        "SELECT a.id, a.collection, a.is_published FROM articles a "
        f"WHERE a.duplicate_of IS NULL ORDER BY {SORTS['date']}"
    )
    return db.execute(sql).fetchall()


def test_the_list_and_each_articles_part_are_stored_in_date_order(tmp_path: Path) -> None:
    index = CorpusIndex([str(site(tmp_path / "site", 3, 40))], tmp_path / "index.db")
    index.refresh()
    rows = by_sql(index.db)
    tracemalloc.start()
    try:
        store_listing(index.db)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    ids, parts, names = stored(index.db)
    assert ids == [row[0] for row in rows]
    assert parts is not None
    assert [(names[code // 2], code % 2) for code in parts] == [row[1:] for row in rows]
    assert {row[2] for row in rows} == {0, 1}
    assert peak < 40 * len(rows)  # every row at once: about 120 bytes an article
    index.close()


def test_past_what_a_byte_tells_apart_no_parts_are_kept(tmp_path: Path) -> None:
    index = CorpusIndex([str(site(tmp_path / "site", 129, 1))], tmp_path / "index.db")
    index.refresh()
    ids, parts, names = stored(index.db)
    assert parts is None and len(names) == 129
    assert ids == [row[0] for row in by_sql(index.db)]
    index.close()


def test_the_list_is_read_a_piece_at_a_time_into_one_array(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    index = CorpusIndex([str(site(tmp_path / "site", 2, 60))], tmp_path / "index.db")
    index.refresh()
    rows = by_sql(index.db)
    monkeypatch.setattr(listing, "READ_PIECE", 40)  # five ids a piece, the last one short
    assert list(stored_listing(index.db, SitePart()) or []) == [row[0] for row in rows]
    part = SitePart(included=frozenset({"part001"}))
    wanted = [row[0] for row in rows if row[1] == "part001"]
    assert 0 < len(wanted) < len(rows)
    assert list(stored_listing(index.db, part) or []) == wanted
    assert not index.db.in_transaction  # the read's snapshot is let go
    index.close()
