"""A Jekyll-shaped site in the index: every article's collection, the site's published flag,
its kind and web URL are stored, every row with any URL has a link, and data records
(profiles) are not listed."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest

from library.index import CorpusIndex
from library.schema import STORED_URL, STORED_WEB_URL
from tests.conftest import write_document
from tests.site_corpus import withdrawn_news

NEWSLETTER = """{% raw %}<html><head><style>td { color: red }</style></head>
<body><h1>A.I. Every Day</h1><p>Robots fold laundry</p></body></html>{% endraw %}
"""


def write_site(root: Path) -> None:
    write_document(
        root / "_news",
        "a.md",
        'title: "Fresh news"\npublishedDateTime: 2024-03-01T00:00:00Z\n'
        "originalUrl: https://n.test/a\nwebUrl: https://s.test/a/\ntype: article",
    )
    write_document(
        root / "_news",
        "hidden.md",
        'title: "Off-topic match"\npublishedDateTime: 2024-03-02T00:00:00Z\n'
        "originalUrl: https://n.test/pin\npublished: false\nheat: -1",
    )
    write_document(
        root / "_archive" / "_news",
        "old.md",
        'title: "Archived news"\npublishedDateTime: 2019-01-01T00:00:00Z\n'
        "originalUrl: https://n.test/old",
    )
    write_document(
        root / "_newsletters",
        "daily.html",
        'title: "A.I. Every Day"\npublishedDateTime: 2024-03-03T00:00:00Z\n'
        'webUrl: "https://s.test/newsletter/daily/"\ntype: article',
        NEWSLETTER,
    )
    write_document(
        root / "_learning" / "a" / "b",
        "course.md",
        'title: "AI For Everyone"\nexcerpt: "A course"\n'
        "webUrl: https://learn.test/ai\ntype: course",
    )
    write_document(root / "_people", "ng.md", 'name: "Andrew Ng"\nbio: "Teacher"\ntype: profile')
    write_document(root, "about.md", 'title: "About this site"\nlayout: page')
    (root / "_data" / "topics").mkdir(parents=True)


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """The site of ``write_site``, in tmp_path."""
    root = tmp_path / "site"
    write_site(root)
    return root


def stored(db_path: Path) -> dict[str, tuple[Any, ...]]:
    """The new columns of every stored article, by file name."""
    db = sqlite3.connect(db_path)
    try:
        rows = db.execute(
            f"SELECT path, collection, is_published, kind, {STORED_URL}, {STORED_WEB_URL} "
            "FROM articles"
        ).fetchall()
    finally:
        db.close()
    return {Path(row[0]).name: row[1:] for row in rows}


def test_the_new_columns_are_filled_for_a_jekyll_site(site: Path, tmp_path: Path) -> None:
    db_path = tmp_path / "index.db"
    with closing(CorpusIndex([str(site)], db_path)) as index:
        index.refresh()
    assert stored(db_path) == {
        "a.md": ("news", 1, "article", "https://n.test/a", "https://s.test/a/"),
        "hidden.md": ("news", 0, "article", "https://n.test/pin", ""),
        "old.md": ("news", 1, "article", "https://n.test/old", ""),
        "daily.html": (
            "newsletters", 1, "article", "https://s.test/newsletter/daily/",
            "https://s.test/newsletter/daily/",
        ),
        "course.md": ("learning", 1, "course", "https://learn.test/ai", "https://learn.test/ai"),
        "about.md": (None, 1, "article", "", ""),
    }  # fmt: skip


def test_a_changed_file_moves_with_its_flag_on_a_warm_refresh(site: Path, tmp_path: Path) -> None:
    db_path = tmp_path / "index.db"
    with closing(CorpusIndex([str(site)], db_path)) as index:
        index.refresh()
        write_document(
            site / "_archive" / "_news",
            "old.md",
            'title: "Archived news, withdrawn"\noriginalUrl: https://n.test/old\npublished: false',
        )
        assert index.refresh().parsed == 1
    assert stored(db_path)["old.md"][:2] == ("news", 0)


def test_lede_list_json_carries_the_site_fields(site: Path, run_lede: Any) -> None:
    done = run_lede("list", "--all", "--json", site)
    assert done.returncode == 0, done.stderr
    rows = {Path(row["path"]).name: row for row in map(json.loads, done.stdout.splitlines())}
    assert sorted(rows) == ["a.md", "about.md", "course.md", "daily.html", "hidden.md", "old.md"]
    fields = ("collection", "kind", "published", "original_url", "web_url")
    assert {name: tuple(row[f] for f in fields) for name, row in rows.items()} == {
        "a.md": ("news", "article", True, "https://n.test/a", "https://s.test/a/"),
        "hidden.md": ("news", "article", False, "https://n.test/pin", ""),
        "old.md": ("news", "article", True, "https://n.test/old", ""),
        "daily.html": (
            "newsletters", "article", True, "https://s.test/newsletter/daily/",
            "https://s.test/newsletter/daily/",
        ),
        "course.md": ("learning", "course", True, "https://learn.test/ai", "https://learn.test/ai"),
        "about.md": (None, "article", True, "", ""),
    }  # fmt: skip
    newsletter = run_lede("list", "--all", site, "-q", "endraw")
    assert newsletter.returncode == 0 and newsletter.stdout == ""


def test_a_site_with_only_unpublished_items_lists_them_all(tmp_path: Path, run_lede: Any) -> None:
    site = withdrawn_news(tmp_path / "site")
    done = run_lede("list", "--json", site)
    assert done.returncode == 0, done.stderr
    rows = [json.loads(line) for line in done.stdout.splitlines()]
    assert len(rows) == 3
    assert {(row["collection"], row["published"]) for row in rows} == {("news", False)}


@pytest.mark.parametrize("named", [False, True], ids=["walked", "named"])
def test_a_named_file_has_no_collection_of_its_own(
    tmp_path: Path, run_lede: Any, named: bool
) -> None:
    """A file given by name is its own root: only folders below a root place a document."""
    site = tmp_path / "site"
    write_site(site)
    target = site / "_news" / "a.md"
    done = run_lede("list", "--json", target if named else site / "_news")
    assert done.returncode == 0, done.stderr
    rows = [json.loads(line) for line in done.stdout.splitlines()]
    assert {row["collection"] for row in rows} == {None}
