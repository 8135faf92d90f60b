"""The preview cache: offline reads, refetching, and files it cannot trust."""

from __future__ import annotations

import asyncio
import json
import os
from datetime import UTC, datetime
from pathlib import Path

import pytest

from preview import FetchLimits, Preview, PreviewCache, PreviewError, fetch_preview
from preview.images import ImageCache
from tests.fifo_calls import without_waiting
from tests.webserver import ARTICLE_PARAGRAPHS, TestServer, article_html, page

QUICK = FetchLimits(connect_timeout=2, read_timeout=2, total_timeout=3)


@pytest.fixture
def story_url(server: TestServer) -> str:
    """The address of an article page ``server`` serves."""
    server.routes["/story"] = page(article_html())
    return server.url("/story")


@pytest.fixture
def cache(tmp_path: Path) -> PreviewCache:
    return PreviewCache(tmp_path / "previews")


async def test_a_cached_preview_is_read_offline(
    server: TestServer, cache: PreviewCache, story_url: str
) -> None:
    url = story_url
    fetched = await fetch_preview(url, cache=cache)
    server.stop()

    cached = await fetch_preview(url, cache=cache, limits=QUICK)

    assert not fetched.from_cache and cached.from_cache
    assert (cached.url, cached.final_url, cached.title, cached.markdown) == (
        fetched.url,
        fetched.final_url,
        fetched.title,
        fetched.markdown,
    )
    assert cached.fetched_at == fetched.fetched_at
    assert cached.fetched_at.tzinfo is not None
    with pytest.raises(PreviewError, match="could not connect"):
        await fetch_preview(url, cache=cache, refresh=True, limits=QUICK)


async def test_refresh_fetches_again_and_updates_the_cache(
    server: TestServer, cache: PreviewCache, story_url: str
) -> None:
    url = story_url
    first = await fetch_preview(url, cache=cache)
    server.routes["/story"] = page(article_html(title="Bridge Closes Again"))

    assert (await fetch_preview(url, cache=cache)).markdown == first.markdown
    assert server.hits["/story"] == 1

    refreshed = await fetch_preview(url, cache=cache, refresh=True)
    assert server.hits["/story"] == 2
    assert not refreshed.from_cache
    assert refreshed.title == "Bridge Closes Again"
    assert refreshed.fetched_at >= first.fetched_at
    assert cache.get(url) == Preview(**{**refreshed.__dict__, "from_cache": True})


async def test_the_file_is_json_named_by_the_url_hash(
    server: TestServer, cache: PreviewCache, story_url: str
) -> None:
    url = story_url
    result = await fetch_preview(url, cache=cache)

    files = list(cache.directory.iterdir())
    assert [path.name for path in files] == [cache.path_for(url).name]  # no temporary left
    assert len(files[0].stem) == 64
    record = json.loads(files[0].read_text(encoding="utf-8"))
    assert record == {
        "url": url,
        "final_url": url,
        "title": result.title,
        "markdown": result.markdown,
        "fetched_at": result.fetched_at.isoformat(),
    }
    assert record["fetched_at"].endswith("+00:00")


@pytest.mark.parametrize(
    "content",
    [
        "",
        "{not json",
        "[]",
        '{"url": "http://example.test/"}',
        '{"url": "http://example.test/", "final_url": 1, "title": "", "markdown": "",'
        ' "fetched_at": "2024-05-01T10:00:00+00:00"}',
        '{"url": "http://example.test/", "final_url": "", "title": "", "markdown": "",'
        ' "fetched_at": "yesterday"}',
        '{"url": "http://example.test/", "final_url": "", "title": "", "markdown": "",'
        ' "fetched_at": "2024-05-01T10:00:00"}',
        '{"url": "http://elsewhere.test/", "final_url": "", "title": "", "markdown": "",'
        ' "fetched_at": "2024-05-01T10:00:00+00:00"}',
        # Nested past what the parser goes: an uncaught RecursionError, not a miss.
        pytest.param('{"url": ' + "[" * 100_000 + "]" * 100_000 + "}", id="nested"),
    ],
)
def test_an_untrustworthy_file_is_a_miss(cache: PreviewCache, content: str) -> None:
    path = cache.path_for("http://example.test/")
    path.parent.mkdir(parents=True)
    path.write_text(content, encoding="utf-8")
    assert cache.get("http://example.test/") is None


def test_binary_garbage_is_a_miss(cache: PreviewCache) -> None:
    path = cache.path_for("http://example.test/")
    path.parent.mkdir(parents=True)
    path.write_bytes(b"\xff\xfe\x00garbage")
    assert cache.get("http://example.test/") is None


async def test_a_corrupt_file_is_refetched_and_replaced(
    server: TestServer, cache: PreviewCache, story_url: str
) -> None:
    url = story_url
    cache.directory.mkdir(parents=True)
    cache.path_for(url).write_text('{"url": ', encoding="utf-8")

    result = await fetch_preview(url, cache=cache)

    assert not result.from_cache and ARTICLE_PARAGRAPHS[0] in result.markdown
    assert cache.get(url) is not None


def test_a_round_trip_keeps_every_field(cache: PreviewCache) -> None:
    stored = Preview(
        url="https://example.test/a?b=c",
        final_url="https://example.test/final",
        title="Café “quotes”",
        markdown="# Café\n\nText.",
        fetched_at=datetime(2024, 5, 1, 10, 30, 15, 123456, tzinfo=UTC),
        from_cache=False,
    )
    cache.put(stored)
    loaded = cache.get(stored.url)
    assert loaded == Preview(**{**stored.__dict__, "from_cache": True})
    assert cache.get("https://example.test/other") is None


def test_escapes_written_into_the_cache_are_not_returned(cache: PreviewCache) -> None:
    cache.put(
        Preview(
            url="https://example.test/",
            final_url="https://example.test/",
            title="T\x1b[2J",
            markdown="Body \x1b]52;c;eA==\x07text",
            fetched_at=datetime(2024, 5, 1, tzinfo=UTC),
            from_cache=False,
        )
    )
    loaded = cache.get("https://example.test/")
    assert loaded is not None and (loaded.title, loaded.markdown) == ("T", "Body text")


async def test_an_unwritable_cache_does_not_fail_the_preview(
    server: TestServer, tmp_path: Path
) -> None:
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("a file where the cache directory should be")
    cache = PreviewCache(blocker / "previews")
    server.routes["/story"] = page(article_html())

    result = await fetch_preview(server.url("/story"), cache=cache)

    assert ARTICLE_PARAGRAPHS[0] in result.markdown
    assert cache.get(server.url("/story")) is None


async def test_credentials_in_a_url_are_sent_but_never_stored_or_shown(
    server: TestServer, cache: PreviewCache
) -> None:
    server.routes["/story"] = page(article_html())
    url = server.url("/story").replace("http://", "http://reader:s3cret-pw@")

    fetched = await fetch_preview(url, cache=cache)

    assert server.headers_seen[-1]["Authorization"].startswith("Basic ")
    assert fetched.url == fetched.final_url == server.url("/story")
    files = list(cache.directory.iterdir())
    assert len(files) == 1
    assert "s3cret-pw" not in files[0].read_text() and "reader:" not in files[0].read_text()
    assert cache.get(url) == Preview(**{**fetched.__dict__, "from_cache": True})
    assert (await fetch_preview(url, cache=cache)).from_cache


@pytest.mark.parametrize("what", ["fifo", "folder"])
def test_a_fifo_or_a_folder_where_a_page_is_kept_is_a_miss_and_the_page_fetched(
    server: TestServer, cache: PreviewCache, story_url: str, what: str
) -> None:
    """A FIFO there made the preview (and ``lede preview``) wait for a writer for ever."""
    kept = cache.path_for(story_url)
    kept.parent.mkdir(parents=True)
    if what == "fifo":
        os.mkfifo(kept)
    else:
        kept.mkdir()
    result = without_waiting(kept, lambda: asyncio.run(fetch_preview(story_url, cache=cache)))
    assert not result.from_cache and ARTICLE_PARAGRAPHS[0] in result.markdown


def test_a_fifo_where_an_image_is_kept_is_a_miss(tmp_path: Path) -> None:
    images = ImageCache(tmp_path / "images")
    kept = images.path_for("https://example.test/a.png")
    kept.parent.mkdir(parents=True)
    os.mkfifo(kept)
    assert without_waiting(kept, lambda: images.get("https://example.test/a.png")) is None
