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


@MODES
def test_bylines_and_tags_written_as_links_read_as_their_names(summary: bool) -> None:
    """Readwise writes ``author: [[Simon Willison]]`` unquoted, which YAML reads as a list
    in a list: the byline was empty. Omnivore writes ``author: unknown`` where it knows
    none, shown as a byline. A tag or category that links a note (the Web Clipper's
    templates' ``categories: ["[[Clippings]]"]``) was the topic ``[[Clippings]]``."""
    front = (
        "author: [[Simon Willison]]\ntitle: How StrongDM builds software\n"
        'tags:\n- articles\n- "[[literature-note]]"\ncategories: ["[[Clippings]]"]\n'
    )
    parsed = parse_document(f"---\n{front}---\nText.\n", "note.md", summary=summary)
    assert parsed.article is not None and not parsed.problems, parsed.problems
    assert parsed.article.authors == ["Simon Willison"]
    assert parsed.article.topics == ["Clippings", "articles", "literature-note"]
    front = "title: x\ncategories: ['[[Clippings]]', '[[people/Roe|Roe]]']\nauthor: unknown\n"
    parsed = parse_document(f"---\n{front}---\n", "note.md", summary=summary)
    assert parsed.article is not None
    assert (parsed.article.topics, parsed.article.authors) == (["Clippings", "Roe"], [])


@MODES
def test_a_list_of_bylines_each_written_as_a_link_unquoted(summary: bool) -> None:
    """``- [[Ada]]`` is a list in a list in the list; ``[a]`` among names is still none."""
    front = "title: x\nauthor:\n  - [[Ada Lovelace]]\n  - [[people/Roe|John Roe]]\n"
    parsed = parse_document(f"---\n{front}---\n", "note.md", summary=summary)
    assert parsed.article is not None and parsed.article.authors == ["Ada Lovelace", "John Roe"]
