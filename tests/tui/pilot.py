"""Waiting on the reader in pilot tests, on what it has done and never on the clock, and
reading what it shows.

A busy machine can hold a worker thread or a timer back for any time; a test that sleeps
a fixed while and then looks races them. These wait for the condition, with a deadline.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable

from textual.pilot import Pilot
from textual.worker import WorkerCancelled, WorkerState

from tui.app import LedeApp
from tui.screens.main import MainScreen
from tui.widgets.article_list import ArticleList
from tui.widgets.detail_view import DetailView

DEADLINE = 10.0
"""Seconds a wait may take before the test fails: far beyond any real wait, even under load."""


async def until(
    pilot: Pilot,
    condition: Callable[[], object],
    what: str = "the condition",
    seconds: float = DEADLINE,
) -> None:
    """Let the app run until ``condition()`` holds; fail naming ``what`` after ``seconds``."""
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, f"timed out after {seconds} s waiting for {what}"
        await pilot.pause(0.02)


async def resized(pilot: Pilot, width: int, height: int) -> None:
    """Resize the terminal and wait until the screen is laid out at the new size (under
    load the resize event may still be queued when the next key is handled)."""
    await pilot.resize_terminal(width, height)
    size = (width, height)
    await until(pilot, lambda: pilot.app.screen.size == size, f"the screen at {width}x{height}")
    await pilot.pause()


def working(app: LedeApp) -> bool:
    """Whether a worker (indexing, counting, loading an article, a preview) is still at it."""
    return any(worker.state in (WorkerState.PENDING, WorkerState.RUNNING) for worker in app.workers)


def detail_pending(app: LedeApp) -> bool:
    """Whether the highlighted row's article is yet to be asked for (its timer still runs)."""
    screen = app.screen
    if not isinstance(screen, MainScreen):
        return False
    articles = screen.query_one("#articles", ArticleList)
    current = articles.current
    if current is None or screen._shown_id == current.id:
        return False
    return not screen._heads_shown(articles, current)  # the article read stays, by design


async def settled(pilot: Pilot, seconds: float = DEADLINE) -> None:
    """Wait until the reader is quiet: no worker running, no article waiting to be loaded,
    and what the workers posted handled (two quiet looks in a row: a handler may start
    another worker)."""
    app = pilot.app
    assert isinstance(app, LedeApp)
    deadline = time.monotonic() + seconds
    quiet = 0
    while quiet < 2:
        assert time.monotonic() < deadline, f"the reader was still busy after {seconds} s"
        with contextlib.suppress(WorkerCancelled):  # an exclusive worker was replaced
            await app.workers.wait_for_complete()
        await pilot.pause()
        quiet = quiet + 1 if not (working(app) or detail_pending(app)) else 0
        if quiet == 0:
            await pilot.pause(0.02)


async def indexed(pilot: Pilot, seconds: float = DEADLINE) -> None:
    """Wait until the index is built and shown: the list filled, the counts in the tree,
    the highlighted article in the detail pane."""

    def listed() -> bool:
        screen = pilot.app.screen
        return isinstance(screen, MainScreen) and screen.query_one(ArticleList).results is not None

    await until(pilot, listed, "the list", seconds)
    await settled(pilot, seconds)


def titles(app: LedeApp) -> list[str]:
    return [row.title for row in app.screen.query_one(ArticleList).results or []]


def status(app: LedeApp) -> str:
    return str(app.screen.query_one("#list-status").render())


def detail_text(app: LedeApp) -> str:
    detail = app.screen.query_one(DetailView)
    return "\n".join(str(widget.render()) for widget in detail.query("Static"))


def notifications(app: LedeApp) -> list[str]:
    return [str(notification.message) for notification in app._notifications]


def walk(node):  # noqa: ANN001, ANN201 - a tree node and its descendants
    yield node
    for child in node.children:
        yield from walk(child)
