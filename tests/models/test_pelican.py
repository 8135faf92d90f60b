"""Pelican's metadata lines, read where a Markdown file has no front matter: This Week in
Rust keeps 667 issues so, and none was read."""

from __future__ import annotations

import pytest

from models.document import parse_document

ISSUE = (
    "Title: This Week in Rust 579\nNumber: 579\nDate: 2024-12-25 10:30\n"
    "Category: This Week in Rust\nTags: rust, newsletter\nAuthors: Ada Lovelace, Grace\n"
    "Summary: Hello and welcome\n  to another issue.\n\n"
    "Hello and welcome to another issue of *This Week in Rust*!\n"
)


def test_an_issue_is_read_from_its_metadata_lines() -> None:
    parsed = parse_document(ISSUE, "content/2024-12-25-this-week-in-rust.md", summary=True)
    article = parsed.article
    assert article is not None and not parsed.problems
    assert article.title == "This Week in Rust 579"
    assert article.published_at is not None
    assert article.published_at.strftime("%Y-%m-%d %H:%M") == "2024-12-25 10:30"
    assert article.topics == ["This Week in Rust", "rust", "newsletter"]
    assert article.authors == ["Ada Lovelace", "Grace"]
    assert article.excerpt == "Hello and welcome to another issue."
    assert article.body.startswith("Hello and welcome to another issue of")


def test_a_draft_is_unpublished() -> None:
    parsed = parse_document("Title: Next\nStatus: draft\n\nSoon.\n", "next.md")
    assert parsed.article is not None and not parsed.article.published


@pytest.mark.parametrize(
    "text",
    [
        "Note: this is prose\n\nMore prose.\n",  # no title: no metadata
        "Title: x\nthen a sentence\n\nBody.\n",  # a line that is no key
        "# Title: a heading\n\nBody.\n",
        "",
    ],
)
def test_prose_is_not_taken_for_metadata(text: str) -> None:
    parsed = parse_document(text, "a.md")
    assert parsed.article is None and not parsed.has_front_matter


@pytest.mark.parametrize(
    "text",
    [
        "Title: Saved on Windows\r\nDate: 2024-01-02\r\n\r\nBody.\r\n",
        "Title: Saved on Windows\nDate: 2024-01-02\n   \nBody.\n",  # spaces make a blank line
        "Title: Saved on Windows\nDate: 2024-01-02\n",  # no body
    ],
    ids=["crlf", "spaces", "no-body"],
)
def test_metadata_as_editors_save_it(text: str) -> None:
    parsed = parse_document(text, "a.md")
    assert parsed.article is not None and parsed.article.title == "Saved on Windows"
    assert parsed.article.published_at is not None
    assert parsed.article.body in ("Body.\n", "")


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("Author: Smith, John", ["Smith, John"]),
        ("Authors: Smith, John; Doe, Jane", ["Smith, John", "Doe, Jane"]),
        ("Authors: Ada, Grace", ["Ada", "Grace"]),
    ],
)
def test_authors_are_split_as_pelican_splits_them(line: str, authors: list[str]) -> None:
    parsed = parse_document(f"Title: T\n{line}\n\nBody.\n", "a.md")
    assert parsed.article is not None and parsed.article.authors == authors


@pytest.mark.parametrize(
    ("text", "moment"),
    [
        (  # a Markdown post: the lines in an HTML comment
            "<!--\n.. title: Version 2 is out\n.. slug: version-2-is-out\n"
            ".. date: 2017-05-12 12:50:41 UTC\n.. tags: release, python\n.. category: \n"
            ".. author: Jane Doe\n-->\n\nWe are pleased to announce version 2.\n",
            "2017-05-12 12:50 +0000",
        ),
        (  # a reStructuredText post (``.txt``): the lines alone
            ".. title: Version 2 is out\n.. date: 2012/09/15 19:52:05\n"
            ".. tags: release, python\n.. author: Jane Doe\n\n"
            "We are pleased to announce version 2.\n",
            "2012-09-15 19:52",  # in the local zone
        ),
    ],
    ids=["markdown", "text"],
)
def test_a_nikola_post_is_read_from_its_metadata_comments(text: str, moment: str) -> None:
    """A Nikola site keeps every post's title and date so: none was read, and each was
    warned of as a file without front matter."""
    parsed = parse_document(text, "posts/version-2-is-out.md")
    article = parsed.article
    assert article is not None and not parsed.problems
    assert article.title == "Version 2 is out"
    assert article.published_at is not None
    assert article.published_at.strftime("%Y-%m-%d %H:%M %z").startswith(moment)
    assert article.topics == ["release", "python"]
    assert article.authors == ["Jane Doe"]
    assert article.body == "We are pleased to announce version 2.\n"


@pytest.mark.parametrize("newline", ["\n", "\r\n"], ids=["lf", "crlf"])
def test_a_nikola_page_read_from_an_indented_comment_with_the_page_right_below(
    newline: str,
) -> None:
    """Nikola reads its lines indented, and an HTML page may start on the line after the
    comment: Nikola's own features page was warned of as a file without front matter and
    not listed."""
    text = (
        "<!--\n    .. title: Features\n    .. date: 2015-07-10 15:34:49 UTC\n"
        "    .. author: The Nikola Team\n-->\n"
        '<div class="media">\n\n<p>Static sites</p>\n</div>\n'
    ).replace("\n", newline)
    parsed = parse_document(text, "stories/features/index.html")
    article = parsed.article
    assert article is not None and not parsed.problems
    assert (article.title, article.authors) == ("Features", ["The Nikola Team"])
    assert article.published_at is not None and article.published_at.year == 2015
    assert article.body is not None and article.body.startswith('<div class="media">')


def test_a_comment_that_holds_no_metadata_is_no_front_matter() -> None:
    text = "<!--\n  A page's licence, no metadata.\n-->\n<p>Text</p>\n"
    parsed = parse_document(text, "pages/licence.html")
    assert parsed.article is None and parsed.problems


@pytest.mark.parametrize(
    ("line", "kind"), [(".. type: text", "article"), (".. type: micro", "micro")]
)
def test_a_nikola_posts_type_text_is_an_article(line: str, kind: str) -> None:
    """Nikola writes ``type: text`` in every post it makes, its kind for a post: the
    reader showed "text" below each post's topics, and ``lede list --json`` gave kind text."""
    text = f".. title: Released\n.. date: 2024-05-17 17:16:00 UTC\n{line}\n\nIt is out.\n"
    parsed = parse_document(text, "posts/released.rst")
    assert parsed.article is not None and parsed.article.kind == kind
