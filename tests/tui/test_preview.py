"""The reader's preview (p): the original page's text in the detail pane, from a real server."""

from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler
from pathlib import Path

from textual import events
from textual.widgets import Markdown

from tests.conftest import write_document
from tests.tui.pilot import indexed, notifications, settled, until
from tests.webserver import ARTICLE_PARAGRAPHS, TestServer, article_html, page, respond
from tui.app import LedeApp
from tui.widgets.article_list import ArticleList
from tui.widgets.detail_view import DetailView


def add_local_story(corpus: Path, server: TestServer, path: str = "/story") -> None:
    """The newest article of the corpus, whose original URL is on the test server."""
    write_document(
        corpus,
        "local.md",
        f"""
        title: "Local story"
        excerpt: "The excerpt of the local story."
        publishedDateTime: 2030-01-01T00:00:00Z
        originalUrl: "{server.url(path)}"
        """,
    )


async def opened(app: LedeApp, pilot) -> DetailView:
    await indexed(pilot)
    await pilot.press("enter")
    await settled(pilot)
    return app.screen.query_one(DetailView)


def body(detail: DetailView) -> str:
    return detail.query_one("#detail-body", Markdown).source


def status(detail: DetailView) -> str:
    return str(detail.query_one("#detail-status").render())


async def test_p_shows_the_readable_page_and_p_returns(reader_corpus: Path, server) -> None:
    server.routes["/story"] = page(article_html())
    add_local_story(reader_corpus, server)
    app = LedeApp([str(reader_corpus)])
    async with app.run_test(size=(160, 45)) as pilot:
        detail = await opened(app, pilot)
        assert detail.article.title == "Local story"
        await pilot.press("p")
        await settled(pilot)
        assert detail.previewing
        for paragraph in ARTICLE_PARAGRAPHS:
            assert paragraph in body(detail)
        assert "NAVLINK" not in body(detail) and "ADVERT-MARKER" not in body(detail)
        assert "Preview of " + server.url("/story") in status(detail)
        assert "fetched" in status(detail)
        assert not detail.query_one("#detail-excerpt").display  # the page's text alone
        await pilot.press("p")
        await until(pilot, lambda: not detail.previewing)
        assert "The excerpt of the local story." in str(
            detail.query_one("#detail-excerpt").render()
        )
        await pilot.press("p")  # the second time comes from the cache
        await settled(pilot)
        assert detail.previewing and "cached" in status(detail)
        assert server.hits["/story"] == 1
        await pilot.press("r")  # r in a preview fetches again
        await settled(pilot)
        assert server.hits["/story"] == 2
        await pilot.press("escape")
        await until(pilot, lambda: not detail.previewing)


async def test_a_preview_stays_when_its_articles_file_changes(reader_corpus: Path, server) -> None:
    """The reader follows the file: the article stored again, its preview was dropped."""
    server.routes["/story"] = page(article_html())
    add_local_story(reader_corpus, server)
    app = LedeApp([str(reader_corpus)])
    async with app.run_test(size=(160, 45)) as pilot:
        detail = await opened(app, pilot)
        await pilot.press("p")
        await until(pilot, lambda: detail.previewing and "fetched" in status(detail))
        with open(reader_corpus / "local.md", "a", encoding="utf-8") as file:
            file.write("\nA line more of its own text.\n")
        await until(pilot, lambda: "1 article changed" in notifications(app), "the change")
        await until(pilot, lambda: "A line more" in detail.article.body, "the new article")
        await until(pilot, lambda: detail.previewing and "cached" in status(detail), "preview")
        assert ARTICLE_PARAGRAPHS[0] in body(detail) and server.hits["/story"] == 1


async def test_preview_failure_is_a_message_in_the_pane(reader_corpus: Path, server) -> None:
    server.routes["/story"] = page("broken", status=500, content_type="text/plain")
    add_local_story(reader_corpus, server)
    app = LedeApp([str(reader_corpus)])
    async with app.run_test(size=(160, 45)) as pilot:
        detail = await opened(app, pilot)
        await pilot.press("p")
        await settled(pilot)
        assert "Preview failed" in status(detail) and "500" in status(detail)
        assert not detail.previewing
        assert app.is_running


async def test_r_tries_a_failed_preview_again(reader_corpus: Path, server) -> None:
    """A preview says "r: refetch", but once one failed (a server's passing fault) r
    read the whole corpus again and the failure stayed; the line now names r, and r
    fetches the page again."""
    server.routes["/story"] = page("busy", status=503, content_type="text/plain")
    add_local_story(reader_corpus, server)
    app = LedeApp([str(reader_corpus)])
    async with app.run_test(size=(160, 45)) as pilot:
        detail = await opened(app, pilot)
        await pilot.press("p")
        await until(pilot, lambda: "Preview failed" in status(detail), "the failure")
        assert "r: try again" in status(detail)
        server.routes["/story"] = page(article_html())
        await pilot.press("r")
        await until(pilot, lambda: detail.previewing and "fetched" in status(detail), "preview")
        await until(pilot, lambda: ARTICLE_PARAGRAPHS[0] in body(detail), "the page's text")
        assert server.hits["/story"] == 2 and not detail.preview_failed
        assert "Reloading…" not in notifications(app)


async def test_esc_takes_a_failed_previews_line_away(reader_corpus: Path, server) -> None:
    """The line saying why a preview failed stayed on screen under the article after esc
    left the preview, from the list and from the detail pane alike."""
    server.routes["/story"] = page("broken", status=500, content_type="text/plain")
    add_local_story(reader_corpus, server)
    app = LedeApp([str(reader_corpus)])
    async with app.run_test(size=(160, 45)) as pilot:
        detail = await opened(app, pilot)
        for pane in (detail, app.screen.query_one(ArticleList)):
            pane.focus()
            await pilot.press("p")
            await until(pilot, lambda: "Preview failed" in status(detail), "the failure")
            await pilot.press("escape")
            await until(pilot, lambda: not detail.query_one("#detail-status").display, "gone")
            await settled(pilot)
            assert status(detail) == "" and detail.article.title == "Local story"
            assert "The excerpt of the local story." in str(
                detail.query_one("#detail-excerpt").render()
            )


async def test_a_long_address_is_shown_by_its_start(reader_corpus: Path, server) -> None:
    """An address of 20,000 characters (a tracking link, the page it redirects to, an
    image's) filled some 200 rows of the pane: in the article's links, while the page or
    the image was fetched, and above the preview, whose text came after them. Each shows
    its start."""
    query = "?ref=" + "a" * 20_000
    arrived = threading.Event()
    server.routes["/story"] = page(article_html())
    server.routes["/far"] = lambda request: (
        arrived.wait(30)
        and respond(request, "", status=302, headers={"Location": f"/story{query}"})
    )
    server.routes["/picture"] = lambda request: arrived.wait(30)
    write_document(
        reader_corpus,
        "local.md",
        f"""
        title: "Local story"
        publishedDateTime: 2030-01-01T00:00:00Z
        originalUrl: "{server.url("/far")}{query}"
        images:
          - url: "{server.url("/picture")}{query}"
        """,
    )
    app = LedeApp([str(reader_corpus)])
    try:
        async with app.run_test(size=(160, 45)) as pilot:
            detail = await opened(app, pilot)
            links = str(detail.query_one("#detail-links").render())
            assert "19," in links and "more characters)" in links and len(links) < 1_000
            await pilot.press("i")
            loading = detail.query_one("#lead-image-status")
            await until(pilot, lambda: "Loading image" in str(loading.render()), "the image")
            assert "more characters)" in str(loading.render())
            assert len(str(loading.render())) < 1_000
            await pilot.press("p")
            await until(pilot, lambda: "Fetching" in status(detail), "the fetch")
            assert "more characters)" in status(detail) and len(status(detail)) < 1_000
            arrived.set()
            await until(pilot, lambda: "Preview of" in status(detail), "the preview")
            assert "more characters)" in status(detail) and len(status(detail)) < 1_000
            await settled(pilot)  # the page's text drawn
            assert ARTICLE_PARAGRAPHS[0] in body(detail)
    finally:
        arrived.set()


async def test_a_page_with_a_title_of_300_000_characters_shows_its_start(
    reader_corpus: Path, server
) -> None:
    """A page's title, its headline too, of 300,000 characters: each was a heading of the
    preview, and as it is a block the pane draws whole, they filled the pane for thousands
    of rows, the page's text below them. Each heading shows its start, as a title does."""
    title = "Breaking " * 33_334
    server.routes["/story"] = page(article_html(title=title))
    add_local_story(reader_corpus, server)
    app = LedeApp([str(reader_corpus)])
    async with app.run_test(size=(160, 45)) as pilot:
        detail = await opened(app, pilot)
        await pilot.press("p")
        await until(pilot, lambda: "Preview of" in status(detail), "the preview")
        await settled(pilot)
        shown = body(detail)
        headings = [line for line in shown.splitlines() if line.startswith("#")]
        assert headings and all(len(line) < 1_100 for line in headings), headings
        assert all(line.endswith("more characters)") for line in headings[:1])
        assert ARTICLE_PARAGRAPHS[0] in shown


def drip(request: BaseHTTPRequestHandler) -> None:
    """Headers, then a byte now and then: a fetch that would take long."""
    request.send_response(200)
    request.send_header("Content-Type", "text/html")
    request.end_headers()
    for _ in range(40):
        request.wfile.write(b" ")
        request.wfile.flush()
        time.sleep(0.25)


async def test_moving_on_cancels_the_fetch(reader_corpus: Path, server) -> None:
    server.routes["/story"] = drip
    add_local_story(reader_corpus, server)
    app = LedeApp([str(reader_corpus)])
    async with app.run_test(size=(160, 45)) as pilot:
        detail = await opened(app, pilot)
        await pilot.press("p")
        await until(pilot, lambda: "Fetching" in status(detail))  # the UI is not blocked
        started = time.monotonic()
        await pilot.press("J")  # the next article
        await settled(pilot)  # the fetch, cancelled, ends long before the page would
        assert time.monotonic() - started < 5  # the whole page takes 10 s
        assert not [w for w in app.workers if w.group == "preview" and w.is_running]
        assert detail.article.title != "Local story"
        assert not detail.previewing and "Fetching" not in status(detail)
        assert app.screen.query_one(ArticleList).cursor == 1


async def test_esc_or_p_leaves_a_preview_on_its_way(reader_corpus: Path, server) -> None:
    """They did nothing (esc) or fetched again (p) until the page came or timed out."""
    server.routes["/story"] = drip
    add_local_story(reader_corpus, server)
    app = LedeApp([str(reader_corpus)])
    async with app.run_test(size=(160, 45)) as pilot:
        detail = await opened(app, pilot)
        for leave in ("escape", "p"):
            await pilot.press("p")
            await until(pilot, lambda: "Fetching" in status(detail))
            started = time.monotonic()
            await pilot.press(leave)
            await until(pilot, lambda: "Fetching" not in status(detail), "the article again")
            await settled(pilot)
            assert time.monotonic() - started < 5  # the whole page takes 10 s
            assert not [w for w in app.workers if w.group == "preview" and w.is_running]
            assert detail.article.title == "Local story" and not detail.previewing


async def test_an_impossible_port_is_a_message_not_an_endless_fetch(
    reader_corpus: Path, server
) -> None:
    write_document(
        reader_corpus,
        "local.md",
        """
        title: "Local story"
        publishedDateTime: 2030-01-01T00:00:00Z
        originalUrl: "http://user:hunter2@127.0.0.1:99999/story"
        """,
    )
    app = LedeApp([str(reader_corpus)])
    async with app.run_test(size=(160, 45)) as pilot:
        detail = await opened(app, pilot)
        await pilot.press("p")
        await settled(pilot)
        assert "Preview failed: invalid URL (port 99999" in status(detail)
        assert "hunter2" not in status(detail)


async def test_p_typed_right_after_a_move_previews_the_article_moved_to(
    reader_corpus: Path, server
) -> None:
    """``j p`` in one burst (typeahead, a slow link): the pane still held the article left,
    so the preview went to it or was lost when the new one replaced it."""
    server.routes["/story"] = page(article_html())
    server.routes["/second"] = page(article_html("Second page", ["SECOND-PAGE-TEXT " * 20]))
    add_local_story(reader_corpus, server)
    write_document(
        reader_corpus,
        "second.md",
        f"""
        title: "Second local"
        publishedDateTime: 2029-12-31T00:00:00Z
        originalUrl: "{server.url("/second")}"
        """,
    )
    app = LedeApp([str(reader_corpus)])
    async with app.run_test(size=(160, 45)) as pilot:
        await indexed(pilot)
        await settled(pilot)
        for key in "jp":  # read from the terminal together, as typeahead comes
            app.post_message(events.Key(key, key))
        detail = app.screen.query_one(DetailView)
        await until(pilot, lambda: detail.previewing, "the preview")
        await settled(pilot)
        assert detail.article.title == "Second local"
        assert "SECOND-PAGE-TEXT" in body(detail)
