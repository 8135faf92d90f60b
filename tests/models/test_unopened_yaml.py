"""Hexo's YAML front matter with no opening line, as its first scaffolds wrote posts."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from models.document import parse_document

SCAFFOLDED = (
    "title: Notes on Hexo #shown on the page\r\n"
    "date: 2014-05-25 08:30:16 #when the post was made\r\n"
    "categories: web\r\n"
    "tags: [blog, hexo] #any number\r\n"
    "\r\n"
    "---\r\n"
    "\r\n"
    "The post.\r\n"
)


@pytest.mark.parametrize(
    "text", [SCAFFOLDED, "\ufeff" + SCAFFOLDED.replace("\r\n\r\n---", "\r\n---")]
)
def test_yaml_closed_by_dashes_alone_is_the_posts_front_matter(text: str) -> None:
    """Read as metadata lines, such a post kept its comments in its title and date ("is no
    date"), its brackets in its topics, the dashes in its body; without the blank line
    before the dashes it was no document."""
    parsed = parse_document(text, "source/_posts/notes.md")
    assert parsed.problems == []
    article = parsed.article
    assert article is not None
    assert article.title == "Notes on Hexo"
    assert article.published_at == datetime(2014, 5, 25, 8, 30, 16, tzinfo=UTC)
    assert article.topics == ["web", "blog", "hexo"]
    assert article.body.strip() == "The post."


def test_a_problem_points_at_its_line() -> None:
    parsed = parse_document("title: A post\ndate: 2014-05-25\ntags: {\n---\nText.\n", "a.md")
    assert [(problem.severity, problem.line) for problem in parsed.problems] == [("error", 4)]


@pytest.mark.parametrize(
    "text",
    [
        "Note: a heading's underline\n---\nProse.\n",  # no title nor date
        "title: A\n\nA paragraph.\n---\n",  # prose between the lines and the dashes
        "Title: A post\nDate: 2024-01-02\n\nThe post.\n",  # Pelican's, read as before
    ],
    ids=["underline", "paragraph", "pelican"],
)
def test_other_files_are_not_read_so(text: str) -> None:
    parsed = parse_document(text, "a.md")
    assert parsed.article is None or "---" not in parsed.article.title
    if text.startswith("Title:"):
        assert parsed.article is not None and parsed.article.title == "A post"
    elif text.startswith("Note"):
        assert parsed.article is None
