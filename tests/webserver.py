"""A real HTTP server on 127.0.0.1 whose routes each test writes, and a news article page.

Used by the preview tests and the reader's preview tests (fixture ``server``).
"""

from __future__ import annotations

import contextlib
import sys
import threading
from collections import Counter
from collections.abc import Callable, Sequence
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

Handler = Callable[[BaseHTTPRequestHandler], None]

ARTICLE_PARAGRAPHS = [
    "The harbour bridge reopened to traffic on Monday morning after eighteen months of "
    "structural repairs that cost the city more than forty million dollars.",
    "Engineers replaced corroded steel cables along the northern span and resurfaced the "
    "entire deck, according to a statement from the transport department.",
    "Commuters who had faced lengthy detours through the tunnel welcomed the news, with "
    "several describing the past year and a half as exhausting.",
    "The mayor said the project had finished two weeks ahead of schedule and slightly under "
    "budget, which she credited to careful planning by the contractors.",
    "Traffic volumes are expected to return to their previous levels within a month, "
    "officials said, although some lane closures may continue overnight.",
]
ARTICLE_ITEMS = [
    "Northern span cables replaced",
    "Deck fully resurfaced",
    "New pedestrian lighting",
]
ARTICLE_TITLE = "Harbour Bridge Reopens After Repairs"
# Text from around the article that must not reach the preview.
CHROME_MARKERS = ["NAVLINK", "SCRIPT-MARKER", "STYLE-MARKER", "ADVERT-MARKER", "FOOTER-MARKER"]


def article_html(title: str = ARTICLE_TITLE, paragraphs: Sequence[str] = ARTICLE_PARAGRAPHS) -> str:
    """A news page: header, nav, script, style and adverts around the article, then a footer."""
    body = "\n".join(f"<p>{text}</p>" for text in paragraphs[:3])
    rest = "\n".join(f"<p>{text}</p>" for text in paragraphs[3:])
    items = "".join(f"<li>{item}</li>" for item in ARTICLE_ITEMS)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{title} | Example News</title>
<style>.STYLE-MARKER {{ display: none }}</style>
<script>var marker = "SCRIPT-MARKER";</script>
</head><body>
<header><div class="logo">Example News</div>
<nav><ul><li><a href="/world">World NAVLINK</a></li><li><a href="/sport">Sport NAVLINK</a></li>
<li><a href="/weather">Weather NAVLINK</a></li></ul></nav></header>
<div class="ad banner-ad" id="ad-top">ADVERT-MARKER: buy cheap widgets now</div>
<main><article>
<h1>{title}</h1>
{body}
<ul>{items}</ul>
<p>Details are in the <a href="/reports/bridge.pdf">full engineering report</a> published
by the department this week, which runs to several hundred pages.</p>
{rest}
</article></main>
<aside class="advertisement">Sponsored ADVERT-MARKER: an amazing offer</aside>
<footer><p>Copyright FOOTER-MARKER Example News</p><a href="/privacy">Privacy</a></footer>
<script>console.log("SCRIPT-MARKER")</script>
</body></html>"""


def heavy_html(elements: int = 20_000) -> str:
    """A page whose text the extractor takes long over: its time grows faster than the
    number of elements (seconds for some thousands, minutes for a hundred thousand)."""
    filler = "".join(f"<div><span>item {n}</span></div>" for n in range(elements))
    return f"<html><body><div>{filler}</div>{article_html()}</body></html>"


def respond(
    request: BaseHTTPRequestHandler,
    body: bytes | str,
    status: int = 200,
    content_type: str = "text/html; charset=utf-8",
    headers: dict[str, str] | None = None,
) -> None:
    """Send a whole response with a Content-Length (and no Content-Type if it is "")."""
    data = body.encode() if isinstance(body, str) else body
    request.send_response(status)
    if content_type:
        request.send_header("Content-Type", content_type)
    request.send_header("Content-Length", str(len(data)))
    for name, value in (headers or {}).items():
        request.send_header(name, value)
    request.end_headers()
    request.wfile.write(data)


def page(body: bytes | str, **options: object) -> Handler:
    """A route that always answers with ``body`` (see ``respond`` for the options)."""
    return lambda request: respond(request, body, **options)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: TestServer

    def do_GET(self) -> None:
        path = self.path.partition("?")[0]
        self.server.hits[path] += 1
        self.server.headers_seen.append(dict(self.headers))
        handler = self.server.routes.get(path)
        if handler is None:
            respond(self, "missing", status=404, content_type="text/plain")
            return
        # The client hangs up on endless bodies, as it should.
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            handler(self)

    def log_message(self, *args: object) -> None:
        """Keep the test output quiet."""


class TestServer(ThreadingHTTPServer):
    """Serves ``routes`` (path -> handler) and counts hits per path."""

    __test__ = False  # not a test class, despite the name

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.routes: dict[str, Handler] = {}
        self.hits: Counter[str] = Counter()
        self.headers_seen: list[dict[str, str]] = []
        self._thread = threading.Thread(target=self.serve_forever, args=(0.05,), daemon=True)
        self._thread.start()

    def handle_error(self, request: object, client_address: object) -> None:
        """Stay quiet when a client hangs up (as the fetcher does on purpose); report the rest."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}{path}"

    def stop(self) -> None:
        """Stop listening: later requests get "connection refused"."""
        if self._thread.is_alive():
            self.shutdown()
            self.server_close()
