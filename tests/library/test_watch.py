"""The watcher follows every folder of a corpus, those that come later included, each
watched on its own; and finds the folders without reading those that have none."""

from __future__ import annotations

import os
import queue
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from library import watch
from library.watch import CorpusWatcher, folders

WAIT = 10.0  # seconds: far beyond any real wait for an event


@pytest.fixture
def reported(tmp_path: Path) -> Iterator[queue.Queue[set[str]]]:
    """The groups of paths a watcher of ``tmp_path / "site"`` reports (started, ready)."""
    (tmp_path / "site" / "2026" / "11").mkdir(parents=True)
    groups: queue.Queue[set[str]] = queue.Queue()
    failures: list[str] = []
    watcher = CorpusWatcher([str(tmp_path / "site")], groups.put, failures.append)
    watcher.start()
    assert watcher.ready.wait(WAIT)
    yield groups
    watcher.stop()
    assert failures == []


def seen(groups: queue.Queue[set[str]], path: Path) -> None:
    """Wait until ``path`` is reported (failing after ``WAIT``)."""
    while str(path) not in groups.get(timeout=WAIT):
        pass


def test_a_file_deep_in_a_folder_there_at_the_start_is_reported(
    tmp_path: Path, reported: queue.Queue[set[str]]
) -> None:
    document = tmp_path / "site" / "2026" / "11" / "news.md"
    document.write_text("---\ntitle: x\n---\n")
    seen(reported, document)


def test_a_folder_made_later_is_followed_to_its_depths(
    tmp_path: Path, reported: queue.Queue[set[str]]
) -> None:
    deep = tmp_path / "site" / "2026" / "12" / "01"
    deep.mkdir(parents=True)
    seen(reported, tmp_path / "site" / "2026" / "12")
    document = deep / "news.md"
    document.write_text("---\ntitle: x\n---\n")
    seen(reported, document)


def test_a_folder_removed_and_made_again_is_followed_again(
    tmp_path: Path, reported: queue.Queue[set[str]]
) -> None:
    month = tmp_path / "site" / "2026" / "11"
    shutil.rmtree(month)
    seen(reported, month)
    month.mkdir()
    seen(reported, month)
    document = month / "news.md"
    document.write_text("---\ntitle: x\n---\n")
    seen(reported, document)


def test_the_corpus_removed_and_made_again_is_followed_again(
    tmp_path: Path, reported: queue.Queue[set[str]]
) -> None:
    """A deploy that swaps the folder (``rm -rf`` and a fresh copy): its watches went with
    it, and nothing watched the place it came back to, so the reader never saw it again."""
    site = tmp_path / "site"
    shutil.rmtree(site)
    seen(reported, site)
    (site / "2026").mkdir(parents=True)
    seen(reported, site)
    document = site / "2026" / "news.md"
    document.write_text("---\ntitle: x\n---\n")
    seen(reported, document)


def test_a_corpus_whose_link_is_pointed_elsewhere_is_followed_there(tmp_path: Path) -> None:
    """``ln -sfn releases/v2 current``: the reader of ``current`` went on watching v1."""
    for release in ("v1", "v2"):
        (tmp_path / "releases" / release / "news").mkdir(parents=True)
    current = tmp_path / "current"
    current.symlink_to(tmp_path / "releases" / "v1")
    groups: queue.Queue[set[str]] = queue.Queue()
    failures: list[str] = []
    watcher = CorpusWatcher([str(current)], groups.put, failures.append)
    watcher.start()
    try:
        assert watcher.ready.wait(WAIT)
        swapped = tmp_path / "current.new"
        swapped.symlink_to(tmp_path / "releases" / "v2")
        os.replace(swapped, current)
        seen(groups, current)
        (tmp_path / "releases" / "v2" / "news" / "today.md").write_text("---\ntitle: x\n---\n")
        seen(groups, current / "news" / "today.md")
    finally:
        watcher.stop()
    assert failures == []


def test_folders_leaves_out_hidden_ones_and_packages_and_lists_no_folder_that_has_none(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "site"
    leaves = [root / "a" / "1", root / "a" / "2", root / "b"]
    for leaf in leaves:
        leaf.mkdir(parents=True)
        (leaf / "news.md").write_text("x")
    (root / ".git" / "objects").mkdir(parents=True)
    (root / "node_modules" / "pkg").mkdir(parents=True)  # npm install: thousands of folders
    listed: list[str] = []
    scandir = os.scandir

    def spy(path: str) -> Iterator[os.DirEntry[str]]:
        listed.append(path)
        return scandir(path)

    monkeypatch.setattr(watch.os, "scandir", spy)
    found = folders([str(root)])
    assert set(found) == {str(root), str(root / "a"), *map(str, leaves)}
    # Where the link count tells (two for a folder without folders), leaves are not read.
    unread_leaves = {str(leaf) for leaf in leaves if os.stat(leaf).st_nlink == 2}
    assert not unread_leaves & set(listed)
    assert {str(root), str(root / "a")} <= set(listed)


def test_a_folder_moved_in_is_followed(tmp_path: Path, reported: queue.Queue[set[str]]) -> None:
    outside = tmp_path / "incoming" / "deeper"
    outside.mkdir(parents=True)
    moved = tmp_path / "site" / "incoming"
    os.rename(tmp_path / "incoming", moved)
    seen(reported, moved)
    document = moved / "deeper" / "news.md"
    document.write_text("---\ntitle: x\n---\n")
    seen(reported, document)


def test_a_folder_whose_name_is_not_utf8_is_left_unwatched(tmp_path: Path) -> None:
    """Its documents are not indexed (the scan says why); watching it stopped the
    watcher, and every change of the corpus went unseen."""
    site = tmp_path / "site"
    site.mkdir()
    try:
        (site / os.fsdecode(b"caf\xe9")).mkdir()
    except OSError:
        pytest.skip("this file system refuses names that are not UTF-8")
    assert folders([str(site)]) == {str(site)}
    groups: queue.Queue[set[str]] = queue.Queue()
    failures: list[str] = []
    watcher = CorpusWatcher([str(site)], groups.put, failures.append)
    watcher.start()
    assert watcher.ready.wait(WAIT)
    try:
        document = site / "news.md"
        document.write_text("---\ntitle: x\n---\n")
        seen(groups, document)
    finally:
        watcher.stop()
    assert failures == []


def test_a_folder_removed_then_the_watch_limit_twice_end_in_polling(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A folder made, then as it was watched: one removed as it was listed, the system's
    watch limit met with the old watcher held, and met again without it. The three took
    the three tries they shared, and the watcher ended on an AssertionError; each is now
    bounded on its own, and the watcher goes on by polling."""
    from watchfiles._rust_notify import RustNotify

    limit = RuntimeError('OS file watch limit reached. about ["/x"]')
    failures: list[Exception] = [FileNotFoundError("gone"), limit, limit]
    polled: list[bool] = []  # whether each watcher made was asked to poll

    def stand_in(*args: object) -> RustNotify:
        if polled and failures:  # the first is had: the folders of the start
            raise failures.pop(0)
        polled.append(bool(args[2]))
        return RustNotify(*args)  # type: ignore[arg-type]

    monkeypatch.setattr("watchfiles._rust_notify.RustNotify", stand_in)
    (tmp_path / "site").mkdir()
    groups: queue.Queue[set[str]] = queue.Queue()
    said: list[str] = []
    watcher = CorpusWatcher([str(tmp_path / "site")], groups.put, said.append)
    watcher.start()
    try:
        assert watcher.ready.wait(WAIT)
        (tmp_path / "site" / "2026").mkdir()
        seen(groups, tmp_path / "site" / "2026")
        document = tmp_path / "site" / "2026" / "news.md"
        document.write_text("---\ntitle: x\n---\n")
        seen(groups, document)  # by a look at every file
    finally:
        watcher.stop()
    assert polled == [False, True]
    assert said == [
        "Looking at the corpus's files every 2 s: the system watches no more folders"
        " for this user (fs.inotify.max_user_watches)"
    ]


def test_folders_removed_at_every_try_end_the_watcher_with_why(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def removed(*_: object) -> None:
        raise FileNotFoundError("gone")

    monkeypatch.setattr("watchfiles._rust_notify.RustNotify", removed)
    said: list[str] = []
    watcher = CorpusWatcher([str(tmp_path)], lambda _: None, said.append)
    watcher.start()
    assert watcher.ready.wait(WAIT)  # set once it has said why
    assert said == ["Not following changes to the corpus: gone"]


def test_a_name_that_is_not_utf8_leaves_changes_followed(
    tmp_path: Path, reported: queue.Queue[set[str]]
) -> None:
    """watchfiles fails for good on such a name: "Not following changes to the corpus any
    more: Unable to decode path", and nothing written after was seen."""
    folder = tmp_path / "site" / "2026" / "11"
    with open(os.fsencode(folder) + b"/caf\xe9.md", "w", encoding="utf-8") as file:
        file.write("---\ntitle: x\n---\n")
    seen(reported, folder)  # looked at again, whole
    document = folder / "news.md"
    document.write_text("---\ntitle: x\n---\n")
    seen(reported, document)
