"""JBake's header (``key=value`` lines up to ``~~~~~~``) opens its Markdown, HTML and
AsciiDoc posts in place of front matter: such a post was "no front matter" and missing."""

from __future__ import annotations

from datetime import date

import pytest

from models.document import parse_document

POST = (
    "title=Hawkular Metrics 0.21.0 - Release\n"
    "author=Stefan Negrea\n"
    "date=2016-10-25\n"
    "type=post\n"
    "tags=blog, metrics, release\n"
    "status=published\n"
    "~~~~~~\n"
    "\n"
    "I am happy to announce release 0.21.0.\n"
)


@pytest.mark.parametrize("line_end", ["\n", "\r\n"])
def test_a_jbake_markdown_post_is_read_from_its_header(line_end: str) -> None:
    parsed = parse_document(POST.replace("\n", line_end), "content/blog/2016/release.md")
    article = parsed.article
    assert article is not None, parsed.problems
    assert parsed.problems == []
    assert article.title == "Hawkular Metrics 0.21.0 - Release"
    assert article.published_at is not None and article.published_at.date() == date(2016, 10, 25)
    assert article.topics == ["blog", "metrics", "release"]
    assert article.authors == ["Stefan Negrea"]
    assert article.body.strip() == "I am happy to announce release 0.21.0."
    assert article.published


def test_a_draft_is_unpublished() -> None:
    article = parse_document(POST.replace("published", "draft"), "blog/a.md").article
    assert article is not None and not article.published


def test_an_asciidoc_post_with_a_jbake_header_has_its_body_as_markdown() -> None:
    text = POST.replace("I am happy", "== Changes\n\nI am *happy*")
    article = parse_document(text, "content/blog/release.adoc").article
    assert article is not None
    assert article.body.strip().split("\n") == [
        "## Changes",
        "",
        "I am **happy** to announce release 0.21.0.",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "a=b\nc=d\n~~~~~~\nNo title nor type among the keys.\n",
        "title=x\nNot a key line\n~~~~~~\nbody\n",
        "Prose = code?\n~~~~~~\n",
        "title=Not closed\ndate=2020-01-01\n",
    ],
)
def test_lines_that_are_no_jbake_header_are_not_read_as_one(text: str) -> None:
    assert parse_document(text, "notes/a.md").article is None
