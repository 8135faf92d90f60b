"""Refreshing the index: incremental, keyed by (path, size, mtime); every change on disk
reaches search, counts and the stored list; a cold refresh stops when told."""

from __future__ import annotations

import gc
import os
from pathlib import Path

import pytest

from library import db
from library.db import CannotOpen
from library.index import CorpusIndex
from library.query import parse_query
from library.schema import SORTS
from library.state import StateStore
from library.synthetic import generate
from library.tally import tally_by_topic
from tests.conftest import QUERY_DOCS, DocWriter, IndexFactory, bump_mtime, stems
from tests.library.test_state import held_by_another_program


def edit(path: Path, old: str, new: str) -> None:
    """Replace ``old`` by ``new`` in ``path`` and move its mtime on, as a save in an editor does."""
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    bump_mtime(path)


def test_a_cold_refresh_parses_everything_and_a_warm_one_nothing(
    query_corpus: Path, tmp_path: Path
) -> None:
    index = CorpusIndex([str(query_corpus)], tmp_path / "index.db")
    seen: list[tuple[int, int]] = []
    cold = index.refresh(lambda done, total: seen.append((done, total)))
    files = len(QUERY_DOCS) + 1  # and the taxonomy
    assert (cold.scanned, cold.parsed, cold.removed) == (files, files, 0)
    # Per batch, with the total once the scan has ended (0 before).
    assert seen[-1] == (files, files) and all(total in (0, files) for _, total in seen)
    warm = index.refresh()
    assert (warm.scanned, warm.parsed, warm.removed) == (files, 0, 0)
    index.close()
    reopened = CorpusIndex([str(query_corpus)], tmp_path / "index.db")
    again = reopened.refresh()
    assert (again.scanned, again.parsed) == (files, 0)
    assert stems(reopened) == set(QUERY_DOCS)
    reopened.close()


def test_touching_one_file_reparses_exactly_that_file(
    query_corpus: Path, index_factory: IndexFactory
) -> None:
    index = index_factory(query_corpus)
    bump_mtime(query_corpus / "gemini.md")
    report = index.refresh()
    assert (report.parsed, report.removed) == (1, 0)
    assert stems(index) == set(QUERY_DOCS)
    assert index.refresh().parsed == 0


def test_modifying_one_file_reparses_it_and_updates_search(
    query_corpus: Path, index_factory: IndexFactory
) -> None:
    index = index_factory(query_corpus)
    # Asked before the change too: lookups kept for the next keystroke must not outlive it.
    assert stems(index, "unveils") == {"gemini"}
    assert stems(index, "grows") == set()
    edit(query_corpus / "gemini.md", "Google unveils Gemini", "Gemini grows up")
    assert index.refresh().parsed == 1
    assert stems(index, "unveils") == set()
    assert stems(index, "grows") == {"gemini"}
    assert stems(index, 'topic:"Google AI"') == {"gemini", "tensorflow"}


def test_a_changed_file_forgotten_by_a_refresh_that_stopped_is_parsed_by_the_next(
    query_corpus: Path, index_factory: IndexFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A refresh commits what it forgot before it parses: stopped in between, the file
    must be parsed by the next one even when it is back as it was (a sync restoring its
    content and time), while its row stays for when it was first seen."""
    index = index_factory(query_corpus)
    path = query_corpus / "gemini.md"
    text, times = path.read_text(encoding="utf-8"), path.stat()
    edit(path, "Google unveils Gemini", "Gemini grows up")

    def stopped(*args: object) -> None:
        raise KeyboardInterrupt

    with monkeypatch.context() as patched:
        patched.setattr("library.indexer.store", stopped)
        with pytest.raises(KeyboardInterrupt):
            index.refresh()
    assert "gemini" not in stems(index)  # forgotten, not stored again
    path.write_text(text, encoding="utf-8")
    os.utime(path, ns=(times.st_atime_ns, times.st_mtime_ns))
    assert index.refresh().parsed == 1
    assert stems(index, "unveils") == {"gemini"}
    assert stems(index) == set(QUERY_DOCS)


def test_what_a_keystroke_keeps_is_not_looked_into_by_garbage_collections(
    query_corpus: Path, index_factory: IndexFactory
) -> None:
    """Result ids and kept word lookups hold tens of thousands of ids in a large corpus:
    as plain numbers, not objects a collection visits one by one (a kept frozenset of
    them made every collection longer)."""

    def objects_inside(value: object) -> list[object]:
        """What a garbage collection would look into, beyond the type."""
        if not gc.is_tracked(value):
            return []
        return [inside for inside in gc.get_referents(value) if not isinstance(inside, type)]

    index = index_factory(query_corpus)
    results = index.results("gem* -tensorflow")
    assert [Path(row.path).stem for row in results] == ["gemini"]
    gc.collect()
    kept = index._search()._matches
    assert len(kept) == 2
    for ids in [results.ids, index.results("").ids, *kept.values()]:
        assert len(ids) and objects_inside(ids) == []


def test_deleting_and_adding_files(
    query_corpus: Path, index_factory: IndexFactory, doc_writer: DocWriter
) -> None:
    index = index_factory(query_corpus)
    (query_corpus / "banks.md").unlink()
    report = index.refresh()
    assert (report.parsed, report.removed, report.scanned) == (0, 1, len(QUERY_DOCS))
    assert stems(index) == set(QUERY_DOCS) - {"banks"}
    assert stems(index, "topic:ML") == set()
    assert index.topic_counts().get("machine learning", 0) == 0
    doc_writer("fresh.md", "title: Fresh story\ntopics: [TensorFlow]\n", folder=query_corpus)
    report = index.refresh()
    assert (report.parsed, report.removed) == (1, 0)
    assert stems(index) == set(QUERY_DOCS) - {"banks"} | {"fresh"}
    assert stems(index, 'topic:"Google AI"') == {"gemini", "tensorflow", "fresh"}


def test_a_file_that_breaks_leaves_the_list_and_comes_back_when_fixed(
    query_corpus: Path, index_factory: IndexFactory
) -> None:
    index = index_factory(query_corpus)
    path = query_corpus / "ethics.md"
    good = path.read_text(encoding="utf-8")
    path.write_text(good.replace("quality: 0", "quality: [0"), encoding="utf-8")
    bump_mtime(path)
    assert index.refresh().parsed == 1
    assert "ethics" not in stems(index)
    errors = [p for p in index.problems() if p.path == str(path)]
    assert [(p.severity, p.line) for p in errors] == [("error", 7)]
    assert index.problems("error") == errors  # what the reader reports after a refresh
    path.write_text(good, encoding="utf-8")
    bump_mtime(path, 20)
    assert index.refresh().parsed == 1
    assert "ethics" in stems(index)
    assert [p for p in index.problems() if p.path == str(path)] == []


def test_changing_the_taxonomy_regroups_the_counts(
    query_corpus: Path, index_factory: IndexFactory
) -> None:
    index = index_factory(query_corpus)
    tree = index.topic_tree()
    assert [tree.nodes[key].name for key in tree.ancestors("tensorflow")] == [
        "TensorFlow",
        "Google AI",
        "AI",
    ]
    counts = index.topic_counts()
    assert (counts["ai"], counts["google ai"], counts.get("ai ethics")) == (6, 2, 1)
    edit(query_corpus / "topics.yaml", "parent: Google AI", "parent: AI Ethics")
    assert index.refresh().parsed == 1
    counts = index.topic_counts()
    assert (counts["ai"], counts["google ai"], counts["ai ethics"]) == (6, 1, 2)
    assert stems(index, 'topic:"AI Ethics"') == {"ethics", "tensorflow"}
    tree = index.topic_tree()
    assert [tree.nodes[key].name for key in tree.ancestors("tensorflow")] == [
        "TensorFlow",
        "AI Ethics",
        "AI",
    ]


def test_counts_per_node_include_descendants_and_unread(
    query_corpus: Path, index_factory: IndexFactory, state_store: StateStore
) -> None:
    index = index_factory(query_corpus, state=state_store)
    counts = index.topic_counts()
    assert counts == {
        "ai": 6,
        "computer vision": 2,
        "google ai": 2,
        "tensorflow": 1,
        "machine learning": 1,
        "ai ethics": 1,
    }
    tensorflow = next(row for row in index.search("topic:tensorflow"))
    state_store.set("read", [tensorflow.identity], True)
    tallies = tally_by_topic(index.db, *index.conditions(parse_query("")))  # as the tree counts
    unread = {node: counted.unread for node, counted in tallies.items()}
    assert (unread["ai"], unread["google ai"], unread.get("tensorflow", 0)) == (5, 1, 0)


def test_the_stored_list_order_follows_every_change(
    query_corpus: Path, index_factory: IndexFactory, doc_writer: DocWriter
) -> None:
    """A warm start reads the date-ordered list stored by the last refresh: it must be
    exactly what SQL would answer, after additions, removals and edits."""
    index = index_factory(query_corpus)

    def by_sql() -> list[int]:
        sql = "SELECT a.id FROM articles a WHERE a.duplicate_of IS NULL ORDER BY "
        return [row[0] for row in index.db.execute(sql + SORTS["date"])]

    def stored() -> int:
        return index.db.execute("SELECT count(*) FROM listing").fetchone()[0]

    assert stored() == 1 and list(index.results("").ids) == by_sql()
    doc_writer("newest.md", "title: Newest\npublishedDateTime: 2030-01-01\n", folder=query_corpus)
    (query_corpus / "banks.md").unlink()
    index.refresh()
    ids = list(index.results("").ids)
    assert stored() == 1 and ids == by_sql()
    assert index.row(ids[0]).title == "Newest"
    assert "banks" not in {Path(row.path).stem for row in index.results("")}


def test_a_cold_index_told_to_stop_stops_within_a_batch(tmp_path: Path) -> None:
    """The reader's quit stops its indexing through the progress callback: asked only
    every few thousand rows, a quit waited seconds for a cold index to reach them."""
    corpus = tmp_path / "site"
    generate(corpus, 3000, plain=True)
    index = CorpusIndex([str(corpus)], tmp_path / "index.db")
    told: list[int] = []

    def stop(done: int, total: int) -> None:
        told.append(done)
        raise InterruptedError

    with pytest.raises(InterruptedError):
        index.refresh(stop)
    assert told and told[0] < 3000
    stored = index.db.execute("SELECT count(*) FROM files").fetchone()[0]
    assert stored < 3000  # it stopped, and did not go on to the end first
    report = index.refresh()  # and the next refresh finishes the work
    assert index.count() == 3000 and report.scanned == 3001
    index.close()


def test_an_index_another_program_holds_is_one_line_with_its_path(
    tmp_path: Path, doc_writer: DocWriter, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``lede list`` ended in "unexpected error: OperationalError: database is locked"."""
    doc_writer("a.md", 'title: "A"\n')
    index = CorpusIndex([str(tmp_path / "docs")], tmp_path / "index.db")
    index.refresh()
    doc_writer("b.md", 'title: "B"\n')  # something to write
    monkeypatch.setattr(db, "BUSY_TIMEOUT", 0.2)
    locked = f"^locked by another program: {tmp_path / 'index.db'}$"
    with held_by_another_program(tmp_path / "index.db"), pytest.raises(CannotOpen, match=locked):
        index.refresh()
    assert index.refresh().parsed == 1
    index.close()


def test_a_file_refused_to_the_user_is_read_once_it_is_allowed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file of mode 000 said "cannot read: Permission denied", and after a ``chmod
    644`` it stayed out of the list for good: a chmod changes neither its size nor its
    mtime, by which the index knew it as read. Refused to root only by dropped
    capabilities, so refused here by the read."""
    from library import loader

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in ("open.md", "secret.md"):
        (corpus / name).write_text(f"---\ntitle: {name}\n---\n", encoding="utf-8")
    read = loader.read_regular

    def refusing(path: str, *args: object, **kwargs: object) -> object:
        if os.path.basename(path) == "secret.md":
            raise PermissionError(13, "Permission denied", path)
        return read(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(loader, "read_regular", refusing)
    index = CorpusIndex([str(corpus)], tmp_path / "index.db")
    index.refresh()
    assert index.count() == 1
    assert [p.message for p in index.left_out()] == ["cannot read: Permission denied"]
    monkeypatch.setattr(loader, "read_regular", read)  # chmod 644
    again = index.refresh()
    assert (again.parsed, index.count(), index.left_out()) == (1, 2, [])
    assert index.refresh().parsed == 0  # read, it is known by its size again
    index.close()
