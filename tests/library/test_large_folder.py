"""A folder of very many files is compared with the index as it is listed, never held
whole: sorting its entries held about a kilobyte for each (a gigabyte for a million
files in one folder, in the worker that looks for changes at every start)."""

from __future__ import annotations

import sqlite3
import tracemalloc
from pathlib import Path

from library.differences import differences
from library.scan import FoundFile, scan
from library.schema import ensure_schema

FILES = 3000


def test_the_start_ups_comparison_holds_no_listing_of_a_large_folder(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for number in range(FILES):
        (folder / f"an-article-with-a-name-of-some-length-{number:05}.md").write_text("---\n")
    db_path = tmp_path / "index.db"
    with sqlite3.connect(db_path) as db:
        ensure_schema(db)
        found = [item for item in scan([str(folder)]) if isinstance(item, FoundFile)]
        db.executemany("INSERT INTO files VALUES (?, ?, ?, 0)", [f[:3] for f in found])
    (folder / "an-article-with-a-name-of-some-length-00007.md").write_text("---\nchanged\n")
    tracemalloc.start()
    try:
        changes = differences(str(db_path), [str(folder)])
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert [Path(item.path).name for item in changes.changed] == [
        "an-article-with-a-name-of-some-length-00007.md"
    ]
    assert changes.gone == []
    assert peak < 300_000  # sorted, the listing alone held 2.5 MB


def test_a_scan_in_no_order_finds_what_the_ordered_one_finds(tmp_path: Path) -> None:
    for name in ("b.md", "a.md", "sub/c.md", "sub/deeper/d.md", ".hidden.md", "notes.txt"):
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("---\n")
    ordered = list(scan([str(tmp_path)]))
    assert sorted(scan([str(tmp_path)], ordered=False)) == sorted(ordered)
    assert [Path(item.path).name for item in ordered] == [
        "a.md",
        "b.md",
        "notes.txt",
        "c.md",
        "d.md",
    ]


def test_a_cold_scan_of_a_large_folder_keeps_no_stat_of_the_files_it_gave(
    tmp_path: Path,
) -> None:
    """A cold index scans in name order, which holds a folder's names until its last:
    the names alone. An entry of the listing held three times its name, and each kept
    the stat it was asked for, twice that again (most of a gigabyte for a folder of a
    million files)."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    for number in range(FILES):
        (folder / f"an-article-with-a-name-of-some-length-{number:05}.md").write_text("---\n")
    tracemalloc.start()
    try:
        found = sum(1 for item in scan([str(folder)]) if isinstance(item, FoundFile))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert found == FILES
    assert peak < 200 * FILES
