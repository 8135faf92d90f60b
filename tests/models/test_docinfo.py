"""A Pelican post in reStructuredText: its title and its field list (``:date:``,
``:tags:``…) are its metadata, and were not read: of Pelican's own sample site, 16 posts
and pages written so were missing from the list."""

from __future__ import annotations

import pytest

from models.document import parse_document

POST = (
    "My super title\n"
    "##############\n"
    "\n"
    ":date: 2010-10-03 10:20\n"
    ":modified: 2010-10-04 18:40\n"
    ":tags: thats, awesome\n"
    ":category: yeah\n"
    ":slug: my-super-post\n"
    ":authors: Alexis Metaireau, Conan Doyle\n"
    ":summary: Short version\n"
    "    for index and feeds\n"
    "\n"
    "Some `words <https://example.org/>`__ of the post.\n"
)


def test_a_post_is_read_from_its_title_and_fields() -> None:
    parsed = parse_document(POST, "content/my-super-post.rst", summary=True)
    article = parsed.article
    assert article is not None and not parsed.problems
    assert article.title == "My super title"
    assert article.published_at is not None
    assert article.published_at.strftime("%Y-%m-%d %H:%M") == "2010-10-03 10:20"
    assert article.topics == ["yeah", "thats", "awesome"]
    assert article.authors == ["Alexis Metaireau", "Conan Doyle"]
    assert article.excerpt == "Short version for index and feeds"
    assert article.model_extra is not None and article.model_extra["slug"] == "my-super-post"
    assert article.body == "Some [words](https://example.org/) of the post.\n"


def test_a_title_field_and_an_overlined_title() -> None:
    fields = ":title: Named by its field\n:date: 2020-01-02\n\nBody\n"
    article = parse_document(fields, "content/a.rst").article
    assert article is not None and article.title == "Named by its field"
    overlined = "=======\n Title\n=======\n\n:status: draft\n\nBody\n"
    article = parse_document(overlined, "content/b.rst").article
    assert article is not None and article.title == "Title" and not article.published


def test_a_problem_with_a_field_points_at_its_line() -> None:
    parsed = parse_document("Due\n===\n\n:date: 2021-02-30\n\nBody\n", "content/due.rst")
    assert [(p.line, p.message) for p in parsed.problems] == [
        (4, "date '2021-02-30' is no date; it is not used")
    ]


@pytest.mark.parametrize(
    ("text", "path"),
    [
        (":orphan:\n\nA Sphinx page\n=============\n\nBody\n", "docs/page.rst"),
        ("HOWTO\n=====\n\n:Author: A. Writer\n:Release: 0.3\n\nBody\n", "docs/howto.rst"),
        ("A README\n========\n\nJust prose, then fields.\n\n:date: 2020-01-01\n", "README.rst"),
        ("Title\n=====\n\n:date: 2020-01-01\nno blank line after the list\n", "a.rst"),
        ("Title\n=====\n\n:date: 2020-01-01\n\nBody\n", "notes/a.txt"),  # not Pelican's
    ],
)
def test_other_restructured_text_is_no_post(text: str, path: str) -> None:
    parsed = parse_document(text, path, require_front_matter=False)
    assert not parsed.has_front_matter and parsed.article is None
