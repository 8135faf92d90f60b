"""Posts a blog brought over from Blogger or Tumblr with jekyll-import: where each was
first published (``blogger_orig_url``, ``tumblr_url``) is its original, and a Blogger
post's ``modified_time`` when it last changed."""

from __future__ import annotations

from datetime import UTC, datetime

from models.document import parse_document

BLOGGER_POST = """---
layout: post
title: Help with pre-2.9.5 testing
date: '2013-07-09T17:22:00.000Z'
author: Vadim Zeitlin
tags:
- release
modified_time: '2013-07-10T08:00:35.223Z'
blogger_id: tag:blogger.com,1999:blog-35681690.post-8492884575235785887
blogger_orig_url: http://wxwidgets.blogspot.com/2013/07/help-with-pre-295-testing.html
---

We plan to release 2.9.5 next Monday.
"""


def test_a_blogger_post_links_its_first_page_and_says_when_it_changed() -> None:
    """It had no link (no o, no preview) and no date of change."""
    parsed = parse_document(BLOGGER_POST, "_posts/2013-07-09-help-with-pre-295-testing.md")
    article = parsed.article
    assert article is not None and parsed.problems == []
    assert article.original_url == (
        "http://wxwidgets.blogspot.com/2013/07/help-with-pre-295-testing.html"
    )
    assert article.updated_at is not None
    assert article.updated_at.astimezone(UTC) == datetime(2013, 7, 10, 8, 0, 35, 223000, UTC)
    assert article.authors == ["Vadim Zeitlin"]


def test_a_tumblr_post_links_its_first_page() -> None:
    text = (
        "---\nlayout: post\ntitle: Was async fn a mistake?\ndate: '2023-09-28T09:58-07:00'\n"
        "tags:\n- rust\ntumblr_url: https://seanmonstar.com/post/66832922686/was-async-fn\n"
        "---\nThis stabilization PR made me think.\n"
    )
    parsed = parse_document(text, "_posts/2023-09-28-was-async-fn-a-mistake.md")
    assert parsed.article is not None and parsed.problems == []
    assert parsed.article.original_url == "https://seanmonstar.com/post/66832922686/was-async-fn"
    assert parsed.article.published_at == datetime(2023, 9, 28, 16, 58, tzinfo=UTC)
