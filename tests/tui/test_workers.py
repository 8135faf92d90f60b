"""The reader's background work: workers answer with messages, never touch widgets from
their threads, and a failure is shown rather than left as stale counts or a blank pane."""

from __future__ import annotations

import contextlib
import os
import threading
import time
from pathlib import Path

import pytest
from textual.dom import DOMNode
from textual.pilot import Pilot
from textual.worker import Worker

from library import state_writes
from library.corpus import open_state
from library.session import ReaderSession
from library.state_writes import LOCKED
from library.tree_counts import TreeCounts
from tests.library.test_state import held_by_another_program
from tests.tui.pilot import notifications, resized, settled, until
from tui.app import LedeApp
from tui.widgets.article_list import ArticleList
from tui.widgets.detail_view import DetailView
from tui.widgets.timeline import Timeline
from tui.widgets.topic_tree import TopicTree


def tree_labels(app: LedeApp) -> str:
    trees = app.screen.query(TopicTree)
    return " | ".join(str(node.label) for node in trees.first().root.children) if trees else ""


async def quiet_list(pilot: Pilot) -> ArticleList:
    """The article list once the reader corpus's four articles are in it and the reader is quiet."""
    app = pilot.app
    await until(pilot, lambda: bool(app.screen.query(ArticleList)))
    articles = app.screen.query_one(ArticleList)
    await until(pilot, lambda: articles.count == 4)
    await settled(pilot)
    return articles


def detail_status(app: LedeApp) -> str:
    return str(app.screen.query_one("#detail-status").render())


async def test_no_worker_is_described_by_the_repr_of_what_it_is_given(
    reader_corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Textual describes a worker by the repr of its arguments unless it is named: for
    the timeline's count, a string of every id in the list on the UI thread."""
    described: list[str] = []
    init = Worker.__init__

    def spy(self: Worker, *args, **kwargs):  # noqa: ANN002, ANN003, ANN202 - Textual's own
        init(self, *args, **kwargs)
        described.append(self.description)

    monkeypatch.setattr(Worker, "__init__", spy)
    app = LedeApp([str(reader_corpus)])
    async with app.run_test(size=(160, 45)) as pilot:
        await quiet_list(pilot)
        await until(pilot, lambda: app.screen.query_one(Timeline).histogram is not None)
        await resized(pilot, 120, 40)
        await settled(pilot)
    assert len(described) > 3
    assert "count" in described
    assert not [text for text in described if "array(" in text or len(text) > 1000]


async def test_counts_are_posted_from_the_worker_not_put_into_widgets(
    reader_corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    queried_from: set[str] = set()
    query_one = DOMNode.query_one

    def spy(self: DOMNode, *args, **kwargs):  # noqa: ANN002, ANN003, ANN202 - Textual's own
        queried_from.add(threading.current_thread().name)
        return query_one(self, *args, **kwargs)

    monkeypatch.setattr(DOMNode, "query_one", spy)
    app = LedeApp([str(reader_corpus)])
    async with app.run_test(size=(160, 45)) as pilot:
        await until(pilot, lambda: "All articles 4" in tree_labels(app))
        await settled(pilot)
    assert queried_from == {threading.main_thread().name}


async def test_a_count_that_fails_is_shown(
    reader_corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(self: ReaderSession) -> TreeCounts:
        raise RuntimeError("database disk image is malformed")

    monkeypatch.setattr(ReaderSession, "counts", broken)
    app = LedeApp([str(reader_corpus)])
    async with app.run_test(size=(160, 45)) as pilot:
        await until(pilot, lambda: any("Counting failed" in m for m in notifications(app)))
        failed = [m for m in notifications(app) if "Counting failed" in m]
        assert all("database disk image is malformed" in message for message in failed)


async def test_an_article_that_cannot_be_read_says_why(reader_corpus: Path) -> None:
    app = LedeApp([str(reader_corpus)])
    async with app.run_test(size=(160, 45)) as pilot:
        articles = await quiet_list(pilot)
        second = articles.results.row(1) if articles.results else None
        assert second is not None
        assert app.follower is not None
        app.follower.stop()  # as if opened before the watcher told the index
        Path(second.path).unlink()  # gone since it was indexed
        articles.focus()
        await pilot.press("j")
        await until(pilot, lambda: second.path in detail_status(app))
        assert app.screen.query_one(DetailView).article is None


async def test_a_preview_that_fails_unforeseen_says_so(
    reader_corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import preview

    async def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("the extractor fell over")

    monkeypatch.setattr(preview, "fetch_preview", broken)
    app = LedeApp([str(reader_corpus)])
    async with app.run_test(size=(160, 45)) as pilot:
        await until(pilot, lambda: bool(app.screen.query(DetailView)))
        detail = app.screen.query_one(DetailView)
        await until(pilot, lambda: detail.article is not None)
        await pilot.press("p")
        await until(pilot, lambda: "Preview failed" in detail_status(app))
        assert "the extractor fell over" in detail_status(app)
        assert not detail.has_class("-loading")


async def test_an_article_replaced_by_a_fifo_says_so_and_holds_nothing(
    reader_corpus: Path,
) -> None:
    """Opening a FIFO waits for a writer: a worker stuck there kept the reader from
    ending. The pane says what the file is, keys answer, and nobody waits on the FIFO."""
    app = LedeApp([str(reader_corpus)])
    fifo: Path | None = None
    try:
        async with app.run_test(size=(160, 45)) as pilot:
            articles = await quiet_list(pilot)
            second = articles.results.row(1) if articles.results else None
            assert second is not None
            fifo = Path(second.path)
            fifo.unlink()
            os.mkfifo(fifo)
            articles.focus()
            # The row as the list still had it: the reader follows its files and soon
            # leaves a FIFO out, but a row can be opened before it has noticed.
            app.screen.show_detail(second)
            await until(pilot, lambda: "named pipe (FIFO)" in detail_status(app))
            assert second.path in detail_status(app)
            await pilot.press("G")  # keys still answer
            await until(pilot, lambda: articles.cursor == articles.count - 1 > 0)
            ended = time.monotonic()
        assert time.monotonic() - ended < 2
    finally:
        if fifo is not None:
            with contextlib.suppress(OSError):  # ENXIO: no reader waits on it, as it should be
                os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
                pytest.fail("a reader of the FIFO was left waiting for a writer")


async def test_a_reader_started_while_another_program_holds_the_state_opens_and_says_so(
    reader_corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Recording the visit waited for the lock on the UI thread, then ended the reader in a
    traceback; quitting did the same with "unexpected error". A lock held past the wait of
    the reader's writes is said."""
    monkeypatch.setattr(state_writes, "LOCK_WAIT", 1.0)
    state = open_state()
    state.close()
    with held_by_another_program(state.path):
        app = LedeApp([str(reader_corpus)])
        async with app.run_test(size=(160, 45)) as pilot:
            await quiet_list(pilot)
            await until(pilot, lambda: LOCKED in notifications(app))
        assert app.return_code in (0, None)


async def test_a_reader_started_while_another_marks_everything_read_records_its_visit(
    reader_corpus: Path,
) -> None:
    """Another reader marking a large corpus read holds the state's lock for a second or
    more: a reader started meanwhile waited half a second, said "reading state is locked by
    another program; not saved" and lost its visit. Now it waits in its queue of writes,
    and a mark made meanwhile is saved too."""
    state = open_state()
    state.close()
    app = LedeApp([str(reader_corpus)])
    with contextlib.ExitStack() as holding:
        holding.enter_context(held_by_another_program(state.path))
        opened = time.time()
        async with app.run_test(size=(160, 45)) as pilot:
            articles = await quiet_list(pilot)
            first = articles.current
            assert first is not None and app.session is not None
            articles.focus()
            await pilot.press("m")
            await pilot.pause(1.0)  # longer than the visit's record waited
            holding.close()
            await until(pilot, lambda: first.identity in articles.read)  # queued after the visit
            assert LOCKED not in notifications(app)
        closed = time.time()
    state = open_state()
    try:
        assert state.flagged("read") == {first.identity}
        (started, ended), *_ = state.db.execute(
            "SELECT started, ended FROM sessions ORDER BY started DESC"
        ).fetchall()
    finally:
        state.close()
    assert opened <= started < opened + 1.0  # when the reader began, not when it was saved
    assert ended is not None and started < ended <= closed


async def test_a_reader_quit_while_another_program_holds_the_state_ends_cleanly(
    reader_corpus: Path,
) -> None:
    """The end of the visit is not recorded then (the next counts from its start)."""
    app = LedeApp([str(reader_corpus)])
    with contextlib.ExitStack() as holding:
        async with app.run_test(size=(160, 45)) as pilot:
            await quiet_list(pilot)
            assert app.session is not None
            holding.enter_context(held_by_another_program(app.session.state.path))
        assert app.return_code in (0, None)


async def test_a_state_locked_by_another_program_leaves_keys_answering_and_says_so(
    reader_corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Written on the UI thread, `m` froze the reader for SQLite's busy timeout, then
    crashed it."""
    monkeypatch.setattr(state_writes, "LOCK_WAIT", 3.0)
    app = LedeApp([str(reader_corpus)])
    async with app.run_test(size=(160, 45)) as pilot:
        articles = await quiet_list(pilot)
        first = articles.current
        assert first is not None
        articles.focus()
        with held_by_another_program(app.session.state.path):
            await pilot.press("m")
            pressed = time.monotonic()
            await pilot.press("j")
            assert articles.cursor == 1  # answered while the write waits for the lock
            assert time.monotonic() - pressed < 3.0  # the write would hold it that long
            await until(pilot, lambda: LOCKED in notifications(app))
            assert first.identity not in articles.read
        await pilot.press("k", "m")  # the lock is gone: saved
        await until(pilot, lambda: first.identity in articles.read)
