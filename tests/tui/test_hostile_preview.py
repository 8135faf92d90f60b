"""The reader's preview against servers on 127.0.0.1 that hold a fetch up every way they
can: each ends with one line in the pane within the fetch's limits, and the reader answers
keys all along."""

from __future__ import annotations

import gzip
import time
from collections.abc import Callable
from functools import partial
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest

import preview
from preview.fetcher import DEFAULT_LIMITS, FetchLimits
from tests.preview.test_fetch import drip
from tests.tui.pilot import indexed, settled, until
from tests.tui.test_preview import add_local_story, status
from tests.webserver import TestServer, heavy_html, page
from tui.app import LedeApp
from tui.widgets.detail_view import DetailView

Route = Callable[[BaseHTTPRequestHandler], None]
MB = 1_000_000


def never_answers(request: BaseHTTPRequestHandler) -> None:
    request.rfile.read(1)  # until the client hangs up


def endless(request: BaseHTTPRequestHandler) -> None:
    request.send_response(200)
    request.send_header("Content-Type", "text/html")
    request.end_headers()
    while True:
        request.wfile.write(b"<p>more and more</p>" * 1000)


def unsized(body: bytes) -> Route:
    """``body`` without a length: read until the server closes the connection."""

    def send(request: BaseHTTPRequestHandler) -> None:
        request.send_response(200)
        request.send_header("Content-Type", "text/html")
        request.send_header("Connection", "close")
        request.end_headers()
        request.wfile.write(body)

    return send


def redirect_to(target: str) -> Route:
    return page("", status=302, headers={"Location": target})


HUGE = b"<html><body>" + b"<p>A paragraph of a page far too long.</p>\n" * 500_000  # 21 MB
# Under the size cap, but its text takes the extractor minutes to read: elements nested
# so that its time grows faster than their number (a page of plain paragraphs was read
# within the deadline by a faster machine).
SLOW_TO_READ = heavy_html(100_000)
# The reader's deadlines, shorter, for the routes that only wait one out: they end as they
# do at the real ones. The trickle keeps the real ones, and with them the proof that the
# reader fetches within them.
SHORT = FetchLimits(connect_timeout=1, read_timeout=2, total_timeout=3, extract_timeout=3)
SHORTENED = ("never-answers", "slow-to-read")


def routes() -> dict[str, tuple[Route, str, float]]:
    """Each hostile route, the message its preview ends with, and within how long."""
    fetch = DEFAULT_LIMITS.total_timeout
    return {
        "never-answers": (never_answers, "timed out waiting for 127.0.0.1", SHORT.total_timeout),
        "trickles": (drip, f"timed out: no complete page after {fetch:g} s", fetch),
        "endless": (endless, "page too large: more than 5,000,000 bytes", fetch),
        "loop": (redirect_to("/loop-back"), "too many redirects (more than 5)", fetch),
        "gzip-bomb": (
            page(
                gzip.compress(b"\0" * 100 * MB),
                content_type="text/html",
                headers={"Content-Encoding": "gzip"},
            ),
            "page too large: more than 5,000,000 bytes once decompressed",
            fetch,
        ),
        "20-mb-sized": (page(HUGE), f"page too large: {len(HUGE):,} bytes", fetch),
        "20-mb-unsized": (unsized(HUGE), "page too large: more than 5,000,000 bytes", fetch),
        "slow-to-read": (
            page(SLOW_TO_READ),
            f"the page took too long to read (over {SHORT.extract_timeout:g} s)",
            SHORT.total_timeout + SHORT.extract_timeout,
        ),
        "pdf": (
            page(b"%PDF-1.4\n" + b"\0" * 1000, content_type="application/pdf"),
            "not a web page: the server sent application/pdf",
            fetch,
        ),
        "image": (
            page(b"\x89PNG\r\n\x1a\n" + b"\0" * 1000, content_type="image/png"),
            "not a web page: the server sent image/png",
            fetch,
        ),
    }


@pytest.mark.parametrize("name", list(routes()))
async def test_a_hostile_server_ends_in_one_line_and_the_reader_answers_meanwhile(
    reader_corpus: Path, server: TestServer, name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    route, message, within = routes()[name]
    if name in SHORTENED:
        monkeypatch.setattr(preview, "fetch_preview", partial(preview.fetch_preview, limits=SHORT))
    server.routes["/story"] = route
    server.routes["/loop-back"] = redirect_to("/story")
    add_local_story(reader_corpus, server)
    app = LedeApp([str(reader_corpus)])
    async with app.run_test(size=(160, 45)) as pilot:
        await indexed(pilot)
        await pilot.press("enter")
        await settled(pilot)
        detail = app.screen.query_one(DetailView)
        started = time.monotonic()
        await pilot.press("p")
        await until(pilot, lambda: "Fetching" in status(detail) or "failed" in status(detail))
        slowest = 0.0
        while "Fetching" in status(detail):  # keys are answered all along
            asked = time.monotonic()
            focused = app.focused
            await pilot.press("tab")
            await until(pilot, lambda focused=focused: app.focused is not focused, "tab")
            slowest = max(slowest, time.monotonic() - asked)
            assert time.monotonic() - started < within + 5, status(detail)
            await pilot.pause(0.2)
        took = time.monotonic() - started
        assert f"Preview failed: {message}" in status(detail)
        assert took < within + 5 and slowest < 3, (took, slowest)
        assert app.is_running and not detail.previewing
