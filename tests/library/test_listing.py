"""The stored list in date order, with each article's part code, is built in one pass over
the articles with no row kept: at a million articles the rows held at once were more than
a hundred megabytes in the process that stores them."""

from __future__ import annotations

import contextlib
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


def stored(db: sqlite3.Connection) -> tuple[list[int], bytes | None, list[list[str | None]]]:
    row = read_listing(db)
    assert row is not None
    return list(array("q", row[0])), row[1], json.loads(row[2])


def by_sql(db: sqlite3.Connection) -> list[tuple[int, str | None, str | None, int]]:
    sql = (
        "SELECT a.id, a.collection, a.language, a.is_published FROM articles a "
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
    assert [(*names[code // 2], code % 2) for code in parts] == [row[1:] for row in rows]
    assert {row[3] for row in rows} == {0, 1}
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


def topical_site(root: Path) -> Path:
    """Articles under two topics, with dates that tie and titles that order the ties."""
    for item in range(60):
        write_document(
            root,
            f"{item:02}.md",
            f"title: {'Zeta' if item % 2 else 'alpha'} {item % 7}\n"
            f"publishedDateTime: 2024-03-{item % 5 + 1:02}\n"
            f"topics: [{'Energy' if item % 3 else 'Water'}]",
        )
    return root


def listed_by_sql(db: sqlite3.Connection, topic: str) -> list[int]:
    sql = (
        "SELECT a.id FROM articles a JOIN article_topics t ON t.article_id = a.id "
        f"WHERE a.duplicate_of IS NULL AND t.name = ? ORDER BY {SORTS['date']}, a.id"
    )
    return [row[0] for row in db.execute(sql, (topic,))]


def test_a_scope_takes_its_order_from_the_stored_list_not_a_sort(tmp_path: Path) -> None:
    index = CorpusIndex([str(topical_site(tmp_path / "site"))], tmp_path / "index.db")
    index.refresh()
    statements: list[str] = []
    index.db.set_trace_callback(statements.append)
    found = list(index.results("topic:Energy").ids)
    index.db.set_trace_callback(None)
    assert found == listed_by_sql(index.db, "Energy") and len(found) == 40
    assert not [sql for sql in statements if SORTS["date"] in sql]


def test_without_a_stored_list_or_with_one_behind_sql_sorts(tmp_path: Path) -> None:
    """No list (a refresh stopped before storing it), or one that lacks a scope's article:
    the scope is sorted by SQL, in the same order."""
    index = CorpusIndex([str(topical_site(tmp_path / "site"))], tmp_path / "index.db")
    index.refresh()
    ids, parts, names = stored(index.db)
    behind = array(
        "q", [article for article in ids if article != listed_by_sql(index.db, "Water")[3]]
    )
    for blob in (None, behind.tobytes()):
        with contextlib.closing(sqlite3.connect(tmp_path / "index.db")) as other, other:
            other.execute("DELETE FROM listing")  # as another process's refresh would
            if blob is not None:
                other.execute(
                    "INSERT INTO listing VALUES ('date', ?, ?, ?)",
                    (blob, None, json.dumps(names)),
                )
        statements: list[str] = []
        index.db.set_trace_callback(statements.append)
        found = list(index.results("topic:Water").ids)
        index.db.set_trace_callback(None)
        assert found == listed_by_sql(index.db, "Water") and len(found) == 20
        assert [sql for sql in statements if SORTS["date"] in sql]


def test_the_newest_are_read_from_the_head_of_the_list(tmp_path: Path) -> None:
    index = CorpusIndex([str(topical_site(tmp_path / "site"))], tmp_path / "index.db")
    index.refresh()
    ids = stored(index.db)[0]
    assert list(listing.newest_ids(index.db, 7)) == ids[:7]
    assert list(listing.newest_ids(index.db, 1000)) == ids
    index.db.execute("DELETE FROM listing")
    assert list(listing.newest_ids(index.db, 7)) == []


def test_the_count_is_the_stored_lists_length_without_a_walk(tmp_path: Path) -> None:
    """Duplicates are not counted, with a stored list or without one (then SQL counts)."""
    root = topical_site(tmp_path / "site")
    for name in ("copy-a.md", "copy-b.md"):
        write_document(root, name, "title: Copy\noriginalUrl: https://news.example/copy")
    index = CorpusIndex([str(root)], tmp_path / "index.db")
    index.refresh()
    statements: list[str] = []
    index.db.set_trace_callback(statements.append)
    assert index.count() == 61
    assert not [sql for sql in statements if "FROM articles" in sql]
    with contextlib.closing(sqlite3.connect(tmp_path / "index.db")) as other, other:
        other.execute("DELETE FROM listing")
    assert index.count() == 61
