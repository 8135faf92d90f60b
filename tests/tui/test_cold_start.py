"""A first open of a new corpus never looks like an empty one: progress shows while it is
indexed, rows appear as batches land, and "No articles here" waits for the truth."""

from __future__ import annotations

import queue
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from library.index import ProgressCallback, RefreshReport
from library.session import ReaderSession
from library.synthetic import generate
from library.writer import Waiting
from tests.conftest import write_document
from tests.tui.pilot import indexed, settled, status, titles, until
from tui.app import LedeApp
from tui.screens.help import HelpScreen
from tui.widgets.article_list import ArticleList
from tui.widgets.topic_tree import TopicTree

DEADLINE = 30.0  # seconds any one wait may take before the test fails


class HeldIndexing:
    """Holds the reader's indexer at its start and at each progress report until the test
    lets it go, so what the screen shows in between is sampled without timing luck."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.reports: queue.Queue[tuple[int, int]] = queue.Queue()
        self._go = threading.Semaphore(0)
        self.ended = threading.Event()
        refresh = ReaderSession.refresh

        def held_refresh(
            session: ReaderSession,
            progress: ProgressCallback | None = None,
            waiting: Waiting | None = None,
            *,
            damaged: bool = False,
        ) -> RefreshReport:
            assert progress is not None
            self._hold(0, 0)

            def held(done: int, total: int) -> None:
                progress(done, total)  # the reader is told first, then waits
                self._hold(done, total)

            try:
                return refresh(session, held, waiting, damaged=damaged)
            finally:
                self.ended.set()

        monkeypatch.setattr(ReaderSession, "refresh", held_refresh)

    def _hold(self, done: int, total: int) -> None:
        self.reports.put((done, total))
        assert self._go.acquire(timeout=DEADLINE), "the test never let the indexer go on"

    def release(self) -> None:
        self._go.release()

    async def next_report(self, pilot) -> tuple[int, int] | None:  # noqa: ANN001
        """The next report the indexer is held at; ``None`` once indexing has ended."""
        deadline = time.monotonic() + DEADLINE
        while time.monotonic() < deadline:
            try:
                return self.reports.get_nowait()
            except queue.Empty:
                if self.ended.is_set() and self.reports.empty():
                    return None
                await pilot.pause(0.02)
        raise AssertionError("the indexer neither reported nor ended")


def list_text(app: LedeApp) -> str:
    """The list pane's first line as painted ('' once the reader has closed, its screens
    gone: a sampling timer may still fire then)."""
    if not app.screen_stack:
        return ""
    found = app.screen.query(ArticleList)
    return found.first().render_line(0).text if found else ""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("cold-start") / "site"
    generate(root, 3000, plain=True)
    return root


async def test_a_cold_start_shows_progress_and_rows_as_they_are_indexed(
    site: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    held = HeldIndexing(monkeypatch)
    app = LedeApp([str(site)])
    seen: list[str] = []
    async with app.run_test(size=(160, 45)) as pilot:
        app.set_interval(0.01, lambda: seen.append(list_text(app)))

        try:
            assert await held.next_report(pilot) == (0, 0)  # held before the scan
            await until(pilot, lambda: "indexing… finding files" in status(app), seconds=DEADLINE)
            assert "Indexing…" in list_text(app)
            held.release()
            first = await held.next_report(pilot)
            assert first is not None, "no report before the index was done"
            done, total = first
            assert 0 < done < total
            await until(
                pilot, lambda: app.screen.query_one(ArticleList).count > 0, seconds=DEADLINE
            )
            assert 0 < app.screen.query_one(ArticleList).count <= done  # before the end
            await until(
                pilot, lambda: f"indexing {done:,}/{total:,} " in status(app), seconds=DEADLINE
            )
            assert "%" in status(app)
            reports = [first]
            held.release()
            while (report := await held.next_report(pilot)) is not None:
                reports.append(report)
                await until(
                    pilot,
                    lambda r=report: f"indexing {r[0]:,}/{r[1]:,} " in status(app),
                    seconds=DEADLINE,
                )
                held.release()
        finally:
            for _ in range(100):
                held.release()  # nothing stays held when the test fails
        await indexed(pilot)
        assert reports[-1] == (total, total)
        # No one moved the cursor: it is on the newest article, not on the newest of the
        # first files stored, which it had followed down the list as the rest arrived.
        articles = app.screen.query_one(ArticleList)
        assert articles.cursor == 0 and articles.scroll_offset.y == 0
        assert articles.current is not None and articles.results is not None
        assert articles.current.id == articles.results.row(0).id
        await pilot.press("c")  # a row per article, not per story, to count them
        await until(pilot, lambda: len(titles(app)) == 3000, seconds=DEADLINE)
        # Thousands set apart, as the progress bar beside them sets them ("3000 articles
        # indexing 1,024/3,000" read as two ways of counting), and as the tree counts.
        assert "indexing" not in status(app) and "3,000 articles · 3,000 unread" in status(app)
        tree = app.screen.query_one(TopicTree)
        assert str(tree.root.children[0].label) == "All articles 3,000 · 3,000 unread"
    assert seen and not any("No articles" in text for text in seen)


async def test_an_empty_folder_says_no_documents_were_found(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "empty").mkdir()
    app = LedeApp(["empty"])
    async with app.run_test(size=(160, 45)) as pilot:
        await indexed(pilot)
        await until(pilot, lambda: "No articles here" in list_text(app), seconds=DEADLINE)
        assert "No articles here — no documents found in empty" in list_text(app)
        assert "indexing" not in status(app)


async def test_indexing_that_ends_under_a_dialog_is_shown_ended_when_it_closes(
    site: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The end of indexing was told only to the screen on top: with the help open, the
    reader said "indexing" for good and the list kept the first batches."""
    held = HeldIndexing(monkeypatch)
    app = LedeApp([str(site)])
    async with app.run_test(size=(160, 45)) as pilot:
        try:
            assert await held.next_report(pilot) == (0, 0)
            await pilot.press("question_mark")
            assert isinstance(app.screen, HelpScreen)
        finally:
            for _ in range(1000):
                held.release()
        while await held.next_report(pilot) is not None:
            pass
        await settled(pilot)
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        await pilot.press("c")  # a row per article, not per story, to count them
        await until(pilot, lambda: len(titles(app)) == 3000, seconds=DEADLINE)
        assert "indexing" not in status(app) and "3,000 articles · 3,000 unread" in status(app)


async def test_what_indexing_reports_once_the_panes_are_gone_is_dropped(
    reader_corpus: Path,
) -> None:
    """As the reader ends its panes are taken down first; a report still queued for them
    ended the reader with an error."""
    app = LedeApp([str(reader_corpus)])
    async with app.run_test(size=(160, 45)) as pilot:
        await indexed(pilot)
        await app.screen.query_one("#panes").remove()
        app._indexed(1, 2, True, [False])
        app._index_done(True, [])
        await pilot.pause()
        assert app.reader_screen() is None


HOLDING_INDEXER = """
import sys, time
from pathlib import Path
from typing import Any
from library.corpus import open_index
ready, go = Path(sys.argv[2]), Path(sys.argv[3])
def progress(done, total):
    ready.touch()
    while not go.exists():
        time.sleep(0.02)
open_index([sys.argv[1]], None).refresh(progress)
"""


async def test_a_reader_that_waited_for_another_lede_counts_what_it_stored(
    tmp_path: Path,
) -> None:
    """Two readers opened at once on a new corpus: the second waited for the first to
    index, found nothing left to do, and its tree kept the counts of the empty index."""
    corpus = tmp_path / "corpus"
    generate(corpus, 40, seed=3)
    ready, go = tmp_path / "ready", tmp_path / "go"
    other = subprocess.Popen([sys.executable, "-c", HOLDING_INDEXER, str(corpus), ready, go])
    try:
        deadline = time.monotonic() + DEADLINE
        while not ready.exists():
            assert other.poll() is None and time.monotonic() < deadline, "the other lede"
            time.sleep(0.02)
        app = LedeApp([str(corpus)])
        async with app.run_test(size=(160, 45)) as pilot:
            said = f"waiting for another lede (pid {other.pid}) indexing this corpus…"
            await until(pilot, lambda: app.sub_title == said, seconds=DEADLINE)
            tree = app.screen.query_one(TopicTree)
            await until(pilot, lambda: bool(tree.root.children), seconds=DEADLINE)
            go.touch()
            await indexed(pilot, DEADLINE)
            listed = app.screen.query_one(ArticleList).results
            everything = listed.articles if listed is not None else 0
            label = f"All articles {everything} "
            await until(
                pilot, lambda: str(tree.root.children[0].label).startswith(label), seconds=DEADLINE
            )
    finally:
        go.touch()
        other.wait(timeout=DEADLINE)


async def test_a_reader_counts_what_another_lede_stored_before_it_asked_to_index(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two readers opened at once on a new corpus: the other stored every file between
    this one's first count and its own indexing, which then neither waited nor found
    anything to do, and its tree said "All articles 0" beside a list of them all."""
    from library.corpus import open_index
    from library.tree_counts import TreeCounts

    corpus = tmp_path / "corpus"
    generate(corpus, 40, seed=3)
    counted = threading.Event()
    counts, refresh = ReaderSession.counts, ReaderSession.refresh

    def first_counts(session: ReaderSession) -> TreeCounts:
        found = counts(session)
        counted.set()
        return found

    def after_the_other(session: ReaderSession, *args: Any, **kwargs: Any) -> RefreshReport:
        assert counted.wait(DEADLINE), "the tree's first count"
        other = open_index([str(corpus)], None)
        other.refresh()
        other.close()
        return refresh(session, *args, **kwargs)

    monkeypatch.setattr(ReaderSession, "counts", first_counts)
    monkeypatch.setattr(ReaderSession, "refresh", after_the_other)
    app = LedeApp([str(corpus)])
    async with app.run_test(size=(160, 45)) as pilot:
        await indexed(pilot, DEADLINE)
        tree = app.screen.query_one(TopicTree)
        await until(pilot, lambda: len(titles(app)) > 0, seconds=DEADLINE)
        listed = app.screen.query_one(ArticleList).results
        everything = listed.articles if listed is not None else 0
        assert everything > 0
        label = f"All articles {everything} "
        await until(
            pilot, lambda: str(tree.root.children[0].label).startswith(label), seconds=DEADLINE
        )


async def test_why_a_list_is_empty_is_said_whole_on_a_narrow_screen(tmp_path: Path) -> None:
    """One line, cut at the pane's edge: at 100 columns the command it names was lost."""
    folder = tmp_path / "a-folder-with-a-rather-long-name" / "and-another-one-below-it"
    folder.mkdir(parents=True)
    (folder / "notes.md").write_text("Just a note, no front matter.\n")
    app = LedeApp([str(folder)])
    async with app.run_test(size=(100, 30)) as pilot:
        await indexed(pilot)
        await until(pilot, lambda: "No articles here" in list_text(app), seconds=DEADLINE)
        articles = app.screen.query_one(ArticleList)
        said = "".join(articles.render_line(y).text for y in range(10)).replace(" ", "")
        expected = f"No articles here — {app.session.why_no_articles()}".replace(" ", "")
        assert said == expected and len(expected) > 150


async def test_a_corpus_removed_while_read_is_said_to_be_gone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The list said "1 document could not be read" of a folder removed while the reader
    ran, as if a file in it were broken."""
    monkeypatch.chdir(tmp_path)
    write_document(tmp_path / "news", "a.md", "title: Kept for a while")
    app = LedeApp(["news"])
    async with app.run_test(size=(160, 45)) as pilot:
        await indexed(pilot)
        shutil.rmtree(tmp_path / "news")
        await pilot.press("r")
        await until(pilot, lambda: "No articles here" in list_text(app), seconds=DEADLINE)
        assert "No articles here — no such file or folder: news" in list_text(app)
