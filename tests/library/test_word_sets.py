"""The kept sets of common words and starts of words: a word typed into the filter is
answered from them with what the full-text index would answer, before and after the
corpus changes, and the sets are built again once many articles came."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import numpy
import pytest

from library import word_sets
from library.db import connect
from library.index import CorpusIndex
from library.query import with_prefix_last
from library.results import id_array
from library.synthetic import generate
from tests.conftest import write_document

COMMON = 20  # of 300 articles: many starts and words are kept, many are not


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


def kept_keys(index: CorpusIndex) -> list[tuple[str, bool]]:
    sql = "SELECT text, prefix FROM word_sets WHERE text != ''"
    return [(text, bool(prefix)) for text, prefix in index.db.execute(sql)]


def keep(db_path: Path, common: int = COMMON) -> bool:
    db = connect(db_path)
    try:
        with db:
            return word_sets.keep(db, common)
    finally:
        db.close()


def generated(folder: Path) -> Path:
    generate(folder / "corpus", 300, plain=True)
    return folder / "corpus"


def with_kept_sets(corpus: Path, folder: Path) -> CorpusIndex:
    """``corpus`` indexed in ``folder/index.db``, its sets kept."""
    index = CorpusIndex([str(corpus)], folder / "index.db")
    index.refresh()
    assert keep(folder / "index.db")
    return index


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    return generated(tmp_path)


@pytest.fixture
def index(corpus: Path, tmp_path: Path) -> CorpusIndex:
    return with_kept_sets(corpus, tmp_path)


@pytest.fixture(scope="module")
def indexed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[CorpusIndex]:
    """Built once for the tests that only query it and read its sets."""
    folder = tmp_path_factory.mktemp("word-sets")
    index = with_kept_sets(generated(folder), folder)
    yield index
    index.close()


def test_each_kept_set_holds_what_the_full_text_index_finds(indexed: CorpusIndex) -> None:
    keys = kept_keys(indexed)
    assert len([key for key in keys if key[1]]) > 50  # starts, of one letter and longer
    assert len([key for key in keys if not key[1]]) > 10  # whole words
    assert max(len(text) for text, _ in keys) > 5
    sets = word_sets.KeptSets(indexed.db)
    for text, prefix in keys:
        sql = "SELECT group_concat(rowid) FROM article_text WHERE article_text MATCH ?"
        found = id_array(indexed.db.execute(sql, (word_sets.phrase(text, prefix),)).fetchone()[0])
        kept = sets.holding((text, prefix), version=1)
        assert kept is not None
        assert numpy.flatnonzero(kept).tolist() == sorted(found.tolist()), (text, prefix)
        assert len(found) >= COMMON


def test_exactly_the_starts_held_by_enough_articles_are_kept(indexed: CorpusIndex) -> None:
    keys = set(kept_keys(indexed))
    letters = "abcdefghijklmnopqrstuvwxyz0123456789"
    starts = [a + b for a in letters for b in letters] + list(letters)
    held = {start: len(full_text_answer(indexed, start)) for start in starts}
    assert {start for start in starts if (start, True) in keys} == {
        start for start, count in held.items() if count >= COMMON
    }
    assert any(0 < count < COMMON for count in held.values())
    assert word_sets.KeptSets(indexed.db).holding(("zq", True), version=1) is None


def test_a_typed_query_asks_the_full_text_index_only_for_what_is_not_kept(
    index: CorpusIndex,
) -> None:
    keys = set(kept_keys(index))
    assert {("m", True), ("mo", True), ("mod", True), ("model", False)} <= keys
    queries = ["model data vision"[:end] for end in range(1, len("model data vision") + 1)]
    statements: list[str] = []
    index.db.set_trace_callback(statements.append)
    answers = [typed(index, query) for query in queries]
    index.db.set_trace_callback(None)
    assert answers == [full_text_answer(index, query) for query in queries]
    lookups = [sql for sql in statements if "article_text MATCH" in sql]
    kept = {word_sets.phrase(*key) for key in keys}
    assert not [sql for sql in lookups if any(f"'{phrase}'" in sql for phrase in kept)]
    assert [sql for sql in statements if "recent_text MATCH" in sql]  # the newest answer too


@pytest.mark.parametrize("before", ["", "data ", "model vision "])
def test_every_start_finds_what_the_full_text_index_finds(
    indexed: CorpusIndex, before: str
) -> None:
    for text in sorted({text for text, _ in kept_keys(indexed)}) + ["M", "Mo", "zq", "é"]:
        assert typed(indexed, before + text) == full_text_answer(indexed, before + text), text
        assert typed(indexed, before + text + " ") == full_text_answer(indexed, before + text), text


def test_the_kept_sets_follow_added_changed_and_removed_files(
    index: CorpusIndex, corpus: Path
) -> None:
    newest = index.db.execute("SELECT path FROM articles ORDER BY id DESC LIMIT 1").fetchone()[0]
    assert ("m", True) in kept_keys(index)
    Path(newest).unlink()
    write_document(corpus, "new-one.md", 'title: "Quiet harbour mooring"\ntype: article')
    write_document(corpus, "new-two.md", 'title: "Models of a zebra crossing"\ntype: article')
    changed = sorted(corpus.glob("*.md"))[5]
    changed.write_text(changed.read_text().replace("title: ", "title: Moonlit ", 1))
    index.refresh()
    for query in ("m", "mo", "moo", "model", "models", "model d", "q", "crossing z"):
        assert typed(index, query) == full_text_answer(index, query), query
    assert str(corpus / "new-one.md") in typed(index, "mo")
    assert str(corpus / "new-two.md") in typed(index, "models ")
    assert str(changed) in typed(index, "moonlit")
    assert newest not in typed(index, "m")


def test_sets_built_while_articles_came_are_not_stored(index: CorpusIndex, tmp_path: Path) -> None:
    db = connect(tmp_path / "index.db")
    try:
        upto = word_sets.kept_upto(db)
        assert upto is not None
        found = (upto - 1, word_sets.built(db, upto - 1, COMMON))
        with db:
            assert not word_sets.store(db, found)
        assert word_sets.kept_upto(db) == upto
    finally:
        db.close()


def test_the_sets_are_built_again_once_many_articles_came(
    index: CorpusIndex, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = connect(tmp_path / "index.db")
    try:
        upto = word_sets.kept_upto(db)
        assert upto is not None
        assert word_sets.due(db, COMMON) is None
        with db:
            db.execute("UPDATE word_sets SET upto = 0 WHERE text = ''")  # as if built long ago
        assert word_sets.due(db, COMMON) is None  # fewer came than a bulk load
        monkeypatch.setattr(word_sets, "BULK", 10)
        assert word_sets.due(db, COMMON) == upto
    finally:
        db.close()


def test_a_refresh_that_stored_articles_builds_the_sets_beside_the_grouping(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(word_sets, "COMMON", COMMON)
    index = CorpusIndex([str(corpus)], tmp_path / "index.db")
    index.refresh()
    assert ("mo", True) in kept_keys(index)
    upto = index.db.execute("SELECT upto FROM word_sets WHERE text = ''").fetchone()[0]
    assert upto == index.db.execute("SELECT max(id) FROM articles").fetchone()[0]
    assert index.db.execute("SELECT count(*) FROM articles WHERE story IS NULL").fetchone()[0] == 0
    assert typed(index, "mo") == full_text_answer(index, "mo")


def test_a_small_corpus_keeps_no_sets(tmp_path: Path) -> None:
    write_document(tmp_path / "c", "a.md", 'title: "Quiet harbour"\ntype: article')
    index = CorpusIndex([str(tmp_path / "c")], tmp_path / "index.db")
    index.refresh()
    assert kept_keys(index) == []
    assert typed(index, "harb") == {str(tmp_path / "c" / "a.md")}
