"""Pages saved by read-later and clipping tools, as each tool writes them by default:
their titles, dates, links, sites, bylines, tags, excerpts and pictures."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from models.document import parse_document
from tests.conftest import MODES

MARKDOWNLOAD = """---
created: 2023-01-05T10:20:30 (UTC +01:00)
tags: [sqlite, databases]
source: https://blog.test/2022/12/sqlite
author: Ada Lovelace
---

# Why SQLite is so great

> ## Excerpt
> The most deployed database in the world.
> Here is why.

---
SQLite is a library.
"""


@MODES
def test_a_markdownload_clipping_is_dated_when_it_was_clipped(summary: bool) -> None:
    """MarkDownload writes the moment and then its offset between brackets: every clipping
    was undated, with a warning each that its ``created`` is no date."""
    parsed = parse_document(MARKDOWNLOAD, "Why SQLite is so great.md", summary=summary)
    assert parsed.article is not None and not parsed.problems, parsed.problems
    zone = timezone(timedelta(hours=1))
    assert parsed.article.published_at == datetime(2023, 1, 5, 10, 20, 30, tzinfo=zone)
    assert parsed.article.published_at.astimezone(UTC).hour == 9
