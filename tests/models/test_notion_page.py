"""A page Notion exported as Markdown: its title in a heading, its database's properties
as ``Name: value`` lines, no front matter. Each was "no front matter" and passed over."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from models.document import parse_document

NAME = "/export/Reading list/The EU passes its AI act 1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d.md"
PAGE = (
    "# The EU passes its AI act\n"
    "\n"
    "Created: June 18, 2025 12:29 PM\n"
    "Tags: AI, Policy (https://www.notion.so/Policy-5a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d)\n"
    "URL: https://example.com/eu-ai-act\n"
    "Status: Read\n"
    "Source: The Wire\n"
    "\n"
    "The European Parliament voted on Wednesday.\n"
)


@pytest.mark.parametrize("line_end", ["\n", "\r\n"])
def test_the_heading_and_properties_are_the_pages_details(line_end: str) -> None:
    parsed = parse_document(PAGE.replace("\n", line_end), NAME, require_front_matter=False)
    assert parsed.problems == []
    article = parsed.article
    assert article is not None
    assert article.title == "The EU passes its AI act"
    assert article.published_at == datetime(2025, 6, 18, 12, 29, tzinfo=UTC)
    assert article.topics == ["AI", "Policy"]  # a relation's Notion address left out
    assert article.original_url == "https://example.com/eu-ai-act"  # not "The Wire"
    assert article.body.replace("\r\n", "\n") == "\nThe European Parliament voted on Wednesday.\n"


def test_a_problem_with_a_property_is_one_warning() -> None:
    parsed = parse_document(PAGE.replace("June 18", "Juin 18"), NAME, require_front_matter=False)
    assert parsed.article is not None and parsed.article.published_at is None
    assert [problem.severity for problem in parsed.problems] == ["warning"]


@pytest.mark.parametrize(
    "text",
    [
        "# Meeting notes\n\nJust prose: with a colon in it.\n",  # no property Notion writes
        "# Meeting notes\nCreated: June 18, 2025 12:29 PM\n",  # no blank line after the title
        "## Created\n\nCreated: June 18, 2025 12:29 PM\n",  # no title's heading
        "Intro\n\n# Title\n\nCreated: June 18, 2025\n",  # the heading is not the first line
    ],
)
def test_a_page_of_another_shape_is_no_document(text: str) -> None:
    parsed = parse_document(text, "/notes/a.md", require_front_matter=False)
    assert not parsed.has_front_matter
