"""Finding what changed on disk: the same answer in a worker process as here."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from library import differences, one_worker
from library.index import CorpusIndex
from library.scan import Skipped
from tests.conftest import QUERY_DOCS, DocWriter, bump_mtime, stems


def changed_corpus(root: Path, doc_writer: DocWriter) -> None:
    """One file touched, one removed, one added, one root that does not exist."""
    bump_mtime(root / "gemini.md")
    (root / "banks.md").unlink()
    doc_writer("fresh.md", "title: Fresh story\n", folder=root)


def test_a_worker_finds_the_same_differences_as_this_process(
    query_corpus: Path, tmp_path: Path, doc_writer: DocWriter
) -> None:
    index = CorpusIndex([str(query_corpus)], tmp_path / "index.db")
    index.refresh()
    changed_corpus(query_corpus, doc_writer)
    roots = [str(query_corpus), str(tmp_path / "missing")]
    here = differences.differences(str(index.db_path), roots)
    apart = differences.find_differences(str(index.db_path), roots, differences.APART_FROM)
    assert apart == here
    assert [Path(found.path).name for found in here.changed] == ["fresh.md", "gemini.md"]
    assert [Path(path).name for path in here.stored] == ["gemini.md"]
    assert [Path(path).name for path in here.gone] == ["banks.md"]
    assert here.unusable == [
        Skipped(str(tmp_path / "missing"), "no such file or directory", "error")
    ]
    index.close()


@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="workers run only with two cores")
def test_work_sent_apart_runs_in_another_process() -> None:
    assert one_worker.run_apart(os.getpid, (), preload="library.differences") != os.getpid()


def test_a_large_index_is_compared_in_a_worker(
    query_corpus: Path, tmp_path: Path, doc_writer: DocWriter, monkeypatch: pytest.MonkeyPatch
) -> None:
    """From ``APART_FROM`` files on, a refresh compares in a worker and still picks up every
    change; below it, here."""
    sent: list[tuple] = []

    def recorded(function, args, preload):  # noqa: ANN001, ANN202 - a spy on the real one
        sent.append(args)
        return one_worker.run_apart(function, args, preload)

    monkeypatch.setattr(differences, "run_apart", recorded)
    index = CorpusIndex([str(query_corpus)], tmp_path / "index.db")
    index.refresh()  # cold: nothing to compare
    assert index.refresh().parsed == 0
    assert sent == []  # a small index
    monkeypatch.setattr(differences, "APART_FROM", len(QUERY_DOCS))
    changed_corpus(query_corpus, doc_writer)
    report = index.refresh()
    assert len(sent) == 1
    assert (report.parsed, report.removed) == (2, 1)
    assert stems(index) == set(QUERY_DOCS) - {"banks"} | {"fresh"}
    index.close()


def test_a_refresh_that_changes_nothing_keeps_the_topic_tree(
    query_corpus: Path, tmp_path: Path
) -> None:
    """Building the tree is Python (some 60 ms at 50,000 articles); only a change rebuilds it."""
    index = CorpusIndex([str(query_corpus)], tmp_path / "index.db")
    index.refresh()
    tree = index.topic_tree()
    index.refresh()
    assert index.topic_tree() is tree
    bump_mtime(query_corpus / "gemini.md")
    index.refresh()
    assert index.topic_tree() is not tree
    index.close()
