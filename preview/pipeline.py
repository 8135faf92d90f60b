"""fetch_preview: cache, fetch, decode, extract, store; the one call the UI and CLI make."""

from __future__ import annotations

import asyncio
import threading
from concurrent.futures import TimeoutError as FutureTimeout
from datetime import UTC, datetime

import httpx

from models.text import strip_controls
from preview.cache import PreviewCache
from preview.decode import decode_page
from preview.extract import extract_markdown
from preview.fetcher import (
    DEFAULT_LIMITS,
    FetchLimits,
    Page,
    check_url,
    fetch_page,
    without_credentials,
)
from preview.model import Preview, PreviewError


async def fetch_preview(
    url: str,
    *,
    cache: PreviewCache | None = None,
    refresh: bool = False,
    limits: FetchLimits = DEFAULT_LIMITS,
    client: httpx.AsyncClient | None = None,
) -> Preview:
    """The readable text of the page at ``url``, from ``cache`` unless ``refresh``.

    Raises ``PreviewError`` with a one-line reason. Cancelling the awaiting task
    abandons the fetch, and the reading of its text (see ``_readable``).
    """
    check_url(url)
    if cache is not None and not refresh:
        cached = cache.get(url)
        if cached is not None:
            return cached
    page = await fetch_page(url, limits, client)
    cancelled = threading.Event()
    try:
        title, markdown = await asyncio.to_thread(
            _readable, page, limits.extract_timeout, cancelled
        )
    except asyncio.CancelledError:
        cancelled.set()
        raise
    preview = Preview(  # credentials are sent, never shown
        url=without_credentials(url),
        final_url=strip_controls(page.final_url),
        title=title,
        markdown=markdown,
        fetched_at=datetime.now(UTC),
        from_cache=False,
    )
    if cache is not None:
        cache.put(preview)
    return preview


def _readable(page: Page, timeout: float, cancelled: threading.Event) -> tuple[str, str]:
    """The page's title and text, read in a process of its own (waited for in a thread):
    the extractor's time grows faster than a page's elements (a megabyte of short
    paragraphs took minutes and most of a gigabyte), so it is stopped past ``timeout``
    seconds or once ``cancelled``, which a thread could not be."""
    from library.one_worker import apart

    with apart(_extracted, (page,), "preview.pipeline") as future:
        waited = 0.0
        while waited < timeout and not cancelled.is_set():
            try:
                ok, title, markdown = future.result(timeout=min(WAIT_STEP, timeout - waited))
            except FutureTimeout:
                waited += WAIT_STEP
                continue
            except (EOFError, OSError, RuntimeError, ValueError) as error:  # not started, or died
                raise PreviewError(f"the page could not be read ({error})") from None
            if not ok:
                raise PreviewError(title)
            return title, markdown
    raise PreviewError(f"the page took too long to read (over {timeout:g} s)")


WAIT_STEP = 0.1  # seconds between two looks at whether the reading was cancelled


def _extracted(page: Page) -> tuple[bool, str, str]:
    """The page's title and text, or why there are none (in the worker)."""
    try:
        text = decode_page(page.body, page.charset)
        return (True, *extract_markdown(text, page.final_url, page.media_type))
    except PreviewError as error:
        return False, str(error), ""
