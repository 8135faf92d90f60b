"""fetch_preview against real local servers that misbehave in every way the fetcher guards."""

from __future__ import annotations

import asyncio
import contextlib
import os
import re
import socket
import ssl
import time
import tracemalloc
import zlib
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import httpx
import pytest

from preview import FetchLimits, PreviewError, fetch_preview
from tests.webserver import (
    ARTICLE_ITEMS,
    ARTICLE_PARAGRAPHS,
    ARTICLE_TITLE,
    CHROME_MARKERS,
    TestServer,
    article_html,
    heavy_html,
    page,
)

QUICK = FetchLimits(connect_timeout=2, read_timeout=2, total_timeout=3)


async def failure(url: str, limits: FetchLimits = QUICK) -> str:
    """The message of the PreviewError that fetching ``url`` must raise."""
    with pytest.raises(PreviewError) as caught:
        await fetch_preview(url, limits=limits)
    message = str(caught.value)
    assert message and "\n" not in message and "Traceback" not in message
    return message


def drip(request: BaseHTTPRequestHandler) -> None:
    """Promise a page, then send it one byte a second, for ever."""
    request.send_response(200)
    request.send_header("Content-Type", "text/html")
    request.send_header("Content-Length", "1000000")
    request.end_headers()
    while True:
        request.wfile.write(b"<")
        request.wfile.flush()
        time.sleep(1)


def endless_chunks(request: BaseHTTPRequestHandler) -> None:
    """A chunked body with no length that never ends."""
    request.send_response(200)
    request.send_header("Content-Type", "text/html")
    request.send_header("Transfer-Encoding", "chunked")
    request.end_headers()
    chunk = b"<p>" + b"spam " * 13_000 + b"</p>"
    while True:
        request.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))


def gzip_bomb(inflated_size: int) -> bytes:
    """A gzip stream of ``inflated_size`` spaces, compressed without holding them in memory."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, 31)
    block = b" " * 1_000_000
    parts = [compressor.compress(block) for _ in range(inflated_size // len(block))]
    return b"".join(parts) + compressor.flush()


async def test_article_keeps_the_text_and_drops_the_chrome(server: TestServer) -> None:
    server.routes["/story"] = page(article_html())

    result = await fetch_preview(server.url("/story"))

    assert result.title == ARTICLE_TITLE
    assert result.markdown.startswith(f"# {ARTICLE_TITLE}\n")
    assert result.markdown.count(ARTICLE_TITLE) == 1  # the <h1> is not repeated
    for paragraph in ARTICLE_PARAGRAPHS:
        assert paragraph in result.markdown
    for item in ARTICLE_ITEMS:
        assert f"- {item}" in result.markdown
    report = server.url("/reports/bridge.pdf")
    assert f"[full engineering report]({report})" in result.markdown
    for marker in CHROME_MARKERS:
        assert marker not in result.markdown
    assert result.url == result.final_url == server.url("/story")
    assert not result.from_cache
    assert result.fetched_at.utcoffset() is not None and not result.fetched_at.utcoffset()


async def test_requests_name_the_reader(server: TestServer) -> None:
    server.routes["/story"] = page(article_html())
    await fetch_preview(server.url("/story"))
    assert server.headers_seen[0]["User-Agent"].startswith("lede/")


def test_default_limits_give_up_within_fifteen_seconds() -> None:
    limits = FetchLimits()
    assert limits.total_timeout <= 15
    assert limits.connect_timeout <= limits.total_timeout
    assert limits.read_timeout <= limits.total_timeout


async def test_a_dripping_server_is_abandoned_at_the_deadline(server: TestServer) -> None:
    server.routes["/drip"] = drip
    limits = FetchLimits(read_timeout=10, total_timeout=2)

    started = time.monotonic()
    message = await failure(server.url("/drip"), limits)
    elapsed = time.monotonic() - started

    assert "timed out" in message
    assert 1.9 < elapsed < 8  # never sooner; without the deadline it would never end


async def test_a_fetch_can_be_cancelled(server: TestServer) -> None:
    server.routes["/drip"] = drip
    task = asyncio.create_task(fetch_preview(server.url("/drip")))
    await asyncio.sleep(0.3)

    started = time.monotonic()
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert time.monotonic() - started < 5  # the drip never ends: only a cancel stops it


async def test_a_declared_length_over_the_cap_is_refused_unread(server: TestServer) -> None:
    def huge(request: BaseHTTPRequestHandler) -> None:
        request.send_response(200)
        request.send_header("Content-Type", "text/html")
        request.send_header("Content-Length", str(10**10))
        request.end_headers()
        request.wfile.write(b"<p>" * 1000)

    server.routes["/huge"] = huge
    message = await failure(server.url("/huge"))
    assert "too large" in message and "10,000,000,000 bytes" in message


async def test_a_body_without_length_is_cut_off_at_the_cap(server: TestServer) -> None:
    server.routes["/endless"] = endless_chunks
    limits = FetchLimits(max_bytes=1_000_000)

    started = time.monotonic()
    message = await failure(server.url("/endless"), limits)

    assert "too large" in message and "1,000,000" in message
    assert time.monotonic() - started < 2


async def test_a_gzip_bomb_is_refused_in_bounded_memory(server: TestServer) -> None:
    bomb = gzip_bomb(50_000_000)
    assert len(bomb) < 100_000
    server.routes["/bomb"] = page(bomb, headers={"Content-Encoding": "gzip"})

    tracemalloc.start()
    try:
        message = await failure(server.url("/bomb"), FetchLimits())
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()

    assert "too large" in message and "decompressed" in message
    assert peak < 30_000_000, f"peak {peak:,} bytes"


async def test_a_gzipped_page_is_read(server: TestServer) -> None:
    compressor = zlib.compressobj(6, zlib.DEFLATED, 31)
    body = compressor.compress(article_html().encode()) + compressor.flush()
    server.routes["/gz"] = page(body, headers={"Content-Encoding": "gzip"})

    result = await fetch_preview(server.url("/gz"))
    assert ARTICLE_PARAGRAPHS[0] in result.markdown


async def test_redirects_are_followed_to_the_final_url(server: TestServer) -> None:
    server.routes["/old"] = page("", status=301, headers={"Location": "/moved"})
    server.routes["/moved"] = page("", status=302, headers={"Location": server.url("/story")})
    server.routes["/story"] = page(article_html())

    result = await fetch_preview(server.url("/old"))

    assert result.url == server.url("/old")
    assert result.final_url == server.url("/story")
    assert ARTICLE_PARAGRAPHS[-1] in result.markdown


async def test_a_redirect_loop_stops_at_the_cap(server: TestServer) -> None:
    server.routes["/loop"] = page("", status=302, headers={"Location": "/loop"})

    message = await failure(server.url("/loop"), FetchLimits(max_redirects=3))

    assert "too many redirects" in message
    assert server.hits["/loop"] == 4  # the request and three redirects


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        ("file:///etc/passwd", "refused a redirect to a non-web link (file:)"),
        ("ftp://127.0.0.1/x", "refused a redirect to a non-web link (ftp:)"),
        ("javascript:x()", "127.0.0.1 sent an invalid redirect"),
        (
            "http://127.0.0.1:99999/x",
            "127.0.0.1 sent an invalid redirect: invalid URL (port 99999 is not 1-65535)",
        ),
        (None, "127.0.0.1 sent a redirect without saying where to"),
        ("http://xn--/", "127.0.0.1 sent an invalid redirect"),
        ("http://[::1/x", "127.0.0.1 sent an invalid redirect: Invalid port: ':1'"),
        (
            "http://127.0.0.1/\x1b[31m",
            "127.0.0.1 sent an invalid redirect: "
            "Invalid non-printable ASCII character in URL, '\\x1b' at position 17",
        ),
    ],
)
async def test_a_redirect_away_from_http_is_refused(
    server: TestServer, target: str | None, expected: str
) -> None:
    """Each hop is checked as the first address was: these ended in a KeyError or an
    ExceptionGroup, a malformed punycode name in an unexpected error, and an address
    httpx could not read in "could not fetch from 127.0.0.1: Invalid URL in location
    header: ...."."""
    headers = {} if target is None else {"Location": target}
    server.routes["/jump"] = page("", status=302, headers=headers)
    assert await failure(server.url("/jump")) == expected


@pytest.mark.parametrize(
    ("content_type", "body"),
    [("application/pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3"), ("image/png", b"\x89PNG\r\n\x1a\n")],
)
async def test_other_content_types_are_refused_by_name(
    server: TestServer, content_type: str, body: bytes
) -> None:
    server.routes["/file"] = page(body, content_type=content_type)
    assert content_type in await failure(server.url("/file"))


@pytest.mark.parametrize(
    ("status", "expected"), [(404, "HTTP 404 Not Found"), (500, "HTTP 500 Internal Server Error")]
)
async def test_http_errors_show_their_status(
    server: TestServer, status: int, expected: str
) -> None:
    server.routes["/error"] = page("<h1>oops</h1>", status=status)
    assert await failure(server.url("/error")) == expected


@pytest.mark.parametrize(
    ("status", "retry_after", "expected"),
    [
        (429, "120", "HTTP 429 Too Many Requests (try again in 2 minutes)"),
        (503, "30", "HTTP 503 Service Unavailable (try again in 30 s)"),
        (503, "Wed, 21 Oct 2015 07:28:00 GMT", "HTTP 503 Service Unavailable"),  # past
        (429, "soon", "HTTP 429 Too Many Requests"),
    ],
)
async def test_a_refusal_says_when_to_try_again(
    server: TestServer, status: int, retry_after: str, expected: str
) -> None:
    """The status alone does not say whether ``r`` helps in a minute or a day."""
    server.routes["/busy"] = page("slow down", status=status, headers={"Retry-After": retry_after})
    assert await failure(server.url("/busy")) == expected


async def test_a_server_that_does_not_speak_http_is_named_plainly() -> None:
    """A server that greets in its own protocol: Python's repr of the bytes it sent was
    shown ("illegal status line: bytearray(b'SSH-2.0-…')")."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        port = listener.getsockname()[1]

        async def greet() -> None:
            connection, _ = await asyncio.to_thread(listener.accept)
            with connection:
                connection.sendall(b"SSH-2.0-OpenSSH_9.2\r\n\r\n")
                await asyncio.sleep(1)

        greeting = asyncio.create_task(greet())
        message = await failure(f"http://127.0.0.1:{port}/")
        greeting.cancel()

    assert message == "127.0.0.1 did not answer in HTTP (illegal status line)"


async def test_headers_too_long_to_read_are_named_plainly(server: TestServer) -> None:
    """Headers past the HTTP parser's limit were "could not fetch from 127.0.0.1: Receive
    buffer too long", the parser's words, which did not say what the server sent."""
    headers = {f"X-Header-{n}": "v" * 100 for n in range(2_000)}
    server.routes["/long"] = page("hello", headers=headers)
    assert await failure(server.url("/long")) == "127.0.0.1 sent headers too long to read"


async def test_a_refused_connection_is_reported_plainly() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]

    message = await failure(f"http://127.0.0.1:{port}/")

    assert message == "could not connect to 127.0.0.1: Connection refused"


async def test_https_to_a_plain_http_server_is_reported_plainly(server: TestServer) -> None:
    message = await failure(server.url("/story").replace("http://", "https://"))

    assert message == (
        "could not connect to 127.0.0.1: "
        "it does not answer https at this address (an http:// link?)"
    )


async def test_an_untrusted_certificate_is_reported_plainly(server: TestServer) -> None:
    """OpenSSL's own words were shown: [SSL: CERTIFICATE_VERIFY_FAILED] ... (_ssl.c:1006)."""
    secure = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    secure.load_cert_chain(Path(__file__).parent.parent / "fixtures" / "selfsigned.pem")
    server.socket = secure.wrap_socket(server.socket, server_side=True)
    message = await failure(server.url("/").replace("http://", "https://"))

    # OpenSSL before 3 spells it "self signed".
    assert re.fullmatch(
        r"could not connect to 127\.0\.0\.1: its certificate is not trusted "
        r"\(self.signed certificate\)",
        message,
    )


@pytest.mark.parametrize(
    ("url", "fault"),
    [
        ("http://[::1/story", "the IPv6 address has no closing ]"),  # was "Invalid port"
        ("http://xn--/story", "http://xn--/story (Malformed A-label"),  # was a traceback
    ],
)
async def test_a_malformed_address_says_what_is_wrong(url: str, fault: str) -> None:
    with pytest.raises(PreviewError) as raised:
        await fetch_preview(url, limits=QUICK)
    assert str(raised.value).startswith(f"invalid URL: {fault}")


async def test_a_long_address_is_cut_in_its_message() -> None:
    """One of 100 kB filled the detail pane, the reason ("URL too long") at its very end."""
    with pytest.raises(PreviewError) as raised:
        await fetch_preview("http://a.test/" + "x" * 100_000, limits=QUICK)
    message = str(raised.value)
    assert len(message) < 400 and message.startswith("invalid URL: http://a.test/xxx")
    assert "…" in message and message.endswith(")")


async def test_an_unknown_host_is_reported_plainly() -> None:
    started = time.monotonic()
    message = await failure("http://nonexistent.invalid/")

    assert message.startswith(("could not connect to nonexistent.invalid", "timed out"))
    assert time.monotonic() - started < 4


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(document.cookie)",
        "file:///etc/passwd",
        "data:text/html,<script>alert(1)</script>",
        "ftp://example.com/article.html",
        "mailto:editor@example.com",
        "example.com/article",
    ],
)
async def test_only_http_and_https_are_fetched(url: str) -> None:
    closed = httpx.AsyncClient()
    await closed.aclose()  # any use of the network would raise RuntimeError, not PreviewError

    with pytest.raises(PreviewError, match="only http and https links can be previewed"):
        await fetch_preview(url, client=closed)


async def test_a_url_without_a_host_is_refused() -> None:
    with pytest.raises(PreviewError, match="invalid URL"):
        await fetch_preview("http:///article")


async def test_an_empty_page_has_no_readable_text(server: TestServer) -> None:
    server.routes["/empty"] = page("<html><body><script>main()</script></body></html>")
    assert await failure(server.url("/empty")) == "no readable text found on the page"


@pytest.mark.parametrize("port", ["99999", "0"])
async def test_a_port_out_of_range_is_refused(port: str) -> None:
    with pytest.raises(PreviewError, match=f"port {port} is not 1-65535"):
        await fetch_preview(f"http://127.0.0.1:{port}/", limits=QUICK)


def descendants() -> set[int]:
    """This process's children, theirs, and so on (the extraction runs in one of them)."""
    found: set[int] = set()
    pending = [os.getpid()]
    while pending:
        pid = pending.pop()
        with contextlib.suppress(OSError):
            for task in os.listdir(f"/proc/{pid}/task"):
                with open(f"/proc/{pid}/task/{task}/children") as children:
                    for child in map(int, children.read().split()):
                        if child not in found:
                            found.add(child)
                            pending.append(child)
    return found


async def test_a_page_too_long_to_read_is_given_up_at_the_deadline(server: TestServer) -> None:
    """The download is capped; reading its text was not (minutes, most of a gigabyte)."""
    server.routes["/heavy"] = page(heavy_html())
    started = time.monotonic()
    message = await failure(server.url("/heavy"), FetchLimits(extract_timeout=1))
    assert message == "the page took too long to read (over 1 s)"
    assert time.monotonic() - started < 30  # without the deadline: minutes


@pytest.mark.skipif(not os.path.isdir("/proc/self/task"), reason="needs /proc to see processes")
async def test_reading_a_page_stops_when_its_preview_is_cancelled(server: TestServer) -> None:
    server.routes["/story"] = page(article_html())
    server.routes["/heavy"] = page(heavy_html())
    await fetch_preview(server.url("/story"))  # the process server started, if it was not
    before = descendants()
    task = asyncio.create_task(fetch_preview(server.url("/heavy")))
    deadline = time.monotonic() + 30
    while not descendants() - before:  # the page is being read in a process of its own
        assert time.monotonic() < deadline, "no process read the page"
        await asyncio.sleep(0.05)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    while descendants() - before:
        assert time.monotonic() < deadline, "the reading went on after the cancel"
        await asyncio.sleep(0.05)
