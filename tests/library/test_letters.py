"""The kept sets of first letters: a first letter typed into the filter is answered from
them, with what the full-text index would answer, before and after the corpus changes."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from library.index import CorpusIndex
from library.letters import LETTERS
from library.query import with_prefix_last
from library.synthetic import generate
from tests.conftest import write_document


def full_text_answer(index: CorpusIndex, query: str) -> set[str]:
    """The paths the full-text index itself finds for words, the last one a prefix."""
    words = query.split()
    phrases = [f'"{word}"' for word in words[:-1]] + [f'"{words[-1]}"*']
    sql = (
        "SELECT a.path FROM articles a JOIN article_text t ON t.rowid = a.id "
        "WHERE article_text MATCH ? AND a.duplicate_of IS NULL"
    )
    return {row[0] for row in index.db.execute(sql, (" AND ".join(phrases),))}


def typed(index: CorpusIndex, query: str) -> set[str]:
    return {row.path for row in index.search(with_prefix_last(query))}


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    generate(tmp_path / "corpus", 300, plain=True)
    return tmp_path / "corpus"


@pytest.fixture
def index(corpus: Path, tmp_path: Path) -> CorpusIndex:
    index = CorpusIndex([str(corpus)], tmp_path / "index.db")
    index.refresh()
    return index


def test_a_first_letter_is_answered_without_the_full_text_index(index: CorpusIndex) -> None:
    statements: list[str] = []
    index.db.set_trace_callback(statements.append)
    index.search("m*")
    index.search("data v*")
    both = {row.path for row in index.search("m* v*")}
    index.db.set_trace_callback(None)
    assert both == full_text_answer(index, "m") & full_text_answer(index, "v")
    lookups = [sql for sql in statements if "MATCH" in sql]
    assert lookups  # the trace sees the full-text lookups: "data" is one
    assert not [sql for sql in lookups if '"m"*' in sql or '"v"*' in sql]


@pytest.mark.parametrize("before", ["", "data ", "model vision "])
def test_every_first_letter_finds_what_the_full_text_index_finds(
    index: CorpusIndex, before: str
) -> None:
    for letter in LETTERS + "MZ":
        assert typed(index, before + letter) == full_text_answer(index, before + letter), letter


def test_the_kept_sets_follow_added_changed_and_removed_files(
    index: CorpusIndex, corpus: Path
) -> None:
    newest = index.db.execute("SELECT path FROM articles ORDER BY id DESC LIMIT 1").fetchone()[0]
    assert "zebra" not in Path(newest).read_text()
    assert typed(index, "z") == full_text_answer(index, "z")
    # The last article stored goes, and new ones come: none may take its id and its bits.
    Path(newest).unlink()
    write_document(corpus, "new-one.md", 'title: "Quiet harbour"\ntype: article')
    write_document(corpus, "new-two.md", 'title: "Zebra crossing"\ntype: article')
    changed = sorted(corpus.glob("*.md"))[5]
    changed.write_text(changed.read_text().replace("title: ", "title: Zeppelin ", 1))
    index.refresh()
    for query in ("z", "q", "h", "crossing z"):
        assert typed(index, query) == full_text_answer(index, query), query
    assert str(corpus / "new-two.md") in typed(index, "z")
    assert str(changed) in typed(index, "z")


def test_a_set_that_misses_the_newest_articles_is_not_used(
    index: CorpusIndex, corpus: Path, tmp_path: Path
) -> None:
    """While a refresh is adding articles, they are past what the sets cover."""
    path = write_document(corpus, "late.md", 'title: "Xylophone news"\ntype: article')
    index.refresh()
    with sqlite3.connect(tmp_path / "index.db") as db:
        db.execute("UPDATE letter_sets SET upto = upto - 1")
    reopened = CorpusIndex([str(corpus)], tmp_path / "index.db")
    assert str(path) in typed(reopened, "x")
    assert typed(reopened, "x") == full_text_answer(reopened, "x")
