"""fetch_preview: cache, fetch, decode, extract, store; the one call the UI and CLI make."""

from __future__ import annotations

import asyncio
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
from preview.model import Preview


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
    abandons the fetch. Decoding and extraction run in a worker thread, since a
    large page can take a noticeable moment and must not freeze the interface.
    """
    check_url(url)
    if cache is not None and not refresh:
        cached = cache.get(url)
        if cached is not None:
            return cached
    page = await fetch_page(url, limits, client)
    title, markdown = await asyncio.to_thread(_readable, page)
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


def _readable(page: Page) -> tuple[str, str]:
    return extract_markdown(decode_page(page.body, page.charset), page.final_url, page.media_type)
