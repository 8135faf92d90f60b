"""TOML front matter between ``---`` lines (Gleam's site), read as TOML where YAML gives
no mapping; YAML's own front matter and its mistakes are read as before."""

from __future__ import annotations

import pytest

from models.document import parse_document

# The shape of a news post of Gleam's site: an author's table, a date as ``published``.
GLEAM_NEWS = (
    "---\n"
    'title = "Gleam version 1"\n'
    'subtitle = "It\'s finally here! 🎉"\n'
    'description = "News post: It\'s finally here! 🎉"\n'
    "published = 2024-03-04\n"
    "\n"
    "[author]\n"
    'name = "Louis Pilfold"\n'
    'url = "https://github.com/lpil"\n'
    "---\n"
    "\nToday Gleam v1.0.0 has been released.\n"
)


@pytest.mark.parametrize(
    "front",
    [GLEAM_NEWS, '---\ntitle = "Gleam version 1"\npublished = 2024-03-04\n---\nBody.\n'],
    ids=["refused-by-yaml", "read-by-yaml-as-text"],
)
def test_toml_between_dashes_is_read_as_toml(front: str) -> None:
    parsed = parse_document(front, "/site/pages/news/gleam-version-1.djot")
    assert parsed.problems == []
    assert parsed.article is not None
    assert parsed.article.title == "Gleam version 1"
    assert parsed.article.published_at is not None
    assert parsed.article.published_at.date().isoformat() == "2024-03-04"


def test_the_authors_table_names_the_author() -> None:
    parsed = parse_document(GLEAM_NEWS, "/site/pages/news/gleam-version-1.djot")
    assert parsed.article is not None
    assert parsed.article.authors == ["Louis Pilfold"]
    assert parsed.article.excerpt == "News post: It's finally here! 🎉"


@pytest.mark.parametrize(
    ("front", "message"),
    [
        ("---\njust a line of text\n---\n", "front matter is a str, not a mapping"),
        ("---\ntitle: [unclosed\n---\n", "invalid YAML"),
    ],
)
def test_yaml_that_is_no_toml_is_reported_as_before(front: str, message: str) -> None:
    parsed = parse_document(front, "/a.md")
    assert [p for p in parsed.problems if p.severity == "error"]
    assert message in parsed.problems[0].message
