"""The index keeps no second copy of the text: the full-text index holds only its
postings, no index holds the titles again, and a removed article's words, left in it,
find nothing and lend nothing to the articles that come after."""

from __future__ import annotations

from pathlib import Path

from library import word_sets
from library.db import connect
from library.index import CorpusIndex
from tests.conftest import write_document


def titles(index: CorpusIndex, query: str) -> list[str]:
    return sorted(row.title for row in index.search(query))


def test_the_full_text_index_keeps_no_copy_of_the_text(tmp_path: Path) -> None:
    write_document(tmp_path / "c", "a.md", 'title: "Quiet harbour"\ntype: article')
    index = CorpusIndex([str(tmp_path / "c")], tmp_path / "index.db")
    index.refresh()
    tables = {row[0] for row in index.db.execute("SELECT name FROM sqlite_master")}
    assert "article_text_content" not in tables
    assert "article_text_docsize" not in tables  # column sizes serve ranking, never asked
    assert not [name for name in tables if name.startswith("sqlite_autoindex_files")]
    indexed = [
        row[0] for row in index.db.execute("SELECT sql FROM sqlite_master WHERE type = 'index'")
    ]
    assert not [sql for sql in indexed if sql and "title" in sql]  # the stored list has the order
    assert titles(index, "harbour") == ["Quiet harbour"]


def test_a_removed_articles_words_find_nothing_and_its_id_is_not_reused(tmp_path: Path) -> None:
    corpus = tmp_path / "c"
    write_document(corpus, "a.md", 'title: "Quiet harbour"\ntype: article')
    newest = write_document(corpus, "b.md", 'title: "Zebra crossing"\ntype: article')
    index = CorpusIndex([str(corpus)], tmp_path / "index.db")
    index.refresh()
    newest.unlink()
    index.refresh()
    assert titles(index, "zebra") == []
    assert titles(index, "z*") == []
    write_document(corpus, "c.md", 'title: "Lighthouse keeper"\ntype: article')
    index.refresh()
    assert titles(index, "zebra") == []  # the new article did not take the old one's id
    assert titles(index, "z*") == []
    assert titles(index, "lighthouse") == ["Lighthouse keeper"]


def test_ids_are_not_reused_past_the_kept_sets(tmp_path: Path) -> None:
    """An article stored after the kept sets of common words were built (its words in
    the recent index), then removed: its id is not given out again, or the next article
    would be found by its words."""
    corpus = tmp_path / "c"
    write_document(corpus, "a.md", 'title: "Quiet harbour"\ntype: article')
    index = CorpusIndex([str(corpus)], tmp_path / "index.db")
    index.refresh()
    db = connect(tmp_path / "index.db")
    with db:
        assert word_sets.keep(db, common=1)
    late = write_document(corpus, "b.md", 'title: "Zebra crossing"\ntype: article')
    index.refresh()
    assert titles(index, "z*") == ["Zebra crossing"]
    late.unlink()
    index.refresh()
    write_document(corpus, "c.md", 'title: "Lighthouse keeper"\ntype: article')
    index.refresh()
    assert titles(index, "zebra") == []
    assert titles(index, "z*") == []
    assert titles(index, "l*") == ["Lighthouse keeper"]
    assert titles(index, "q*") == ["Quiet harbour"]  # from its kept set


def test_a_link_is_stored_once_and_read_back_whole(tmp_path: Path) -> None:
    corpus = tmp_path / "c"
    write_document(
        corpus, "a.md", 'title: "Harbour"\noriginalUrl: https://n.test/a\nwebUrl: https://n.test/a'
    )
    write_document(
        corpus, "b.md", 'title: "Bridge"\noriginalUrl: https://n.test/b\nwebUrl: https://s.test/b'
    )
    index = CorpusIndex([str(corpus)], tmp_path / "index.db")
    index.refresh()
    raw = dict(index.db.execute("SELECT title, url IS NULL AND web_url IS NULL FROM articles"))
    assert raw == {"Harbour": 1, "Bridge": 0}
    rows = {row.title: row for row in index.search("")}
    assert (rows["Harbour"].url, rows["Bridge"].url) == ("https://n.test/a", "https://n.test/b")
    stored = {a.title: a.web_url for a in index.stored([rows["Harbour"].id, rows["Bridge"].id])}
    assert stored == {"Harbour": "https://n.test/a", "Bridge": "https://s.test/b"}
