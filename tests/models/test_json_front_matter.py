"""Front matter as JSON without delimiter lines: Hugo's object that opens the file, and
Hexo's members up to a ``;;;`` line. Each was "no front matter" and left out."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from models.document import parse_document

HUGO = '{\n  "title": "Spring release",\n  "date": "2024-03-01",\n  "tags": ["go", "web"]\n}\n'


def test_hugo_json_object_is_the_front_matter() -> None:
    parsed = parse_document(HUGO + "\nThe body.\n", "content/post/spring.md")
    assert parsed.problems == []
    assert parsed.article is not None
    assert parsed.article.title == "Spring release"
    assert parsed.article.published_at == datetime(2024, 3, 1, tzinfo=UTC)
    assert parsed.article.topics == ["go", "web"]
    assert parsed.article.body == "\nThe body.\n"


def test_hexo_json_members_end_at_three_semicolons() -> None:
    text = '"title": "JSON Front-matter",\n"date": "2013/7/13 20:46:25"\n;;;\nThe body.\n'
    parsed = parse_document(text, "source/_posts/json.md")
    assert parsed.problems == []
    assert parsed.article is not None
    assert parsed.article.title == "JSON Front-matter"
    assert parsed.article.published_at == datetime(2013, 7, 13, 20, 46, 25, tzinfo=UTC)
    assert parsed.article.body == "The body.\n"


def test_a_problem_is_reported_on_its_line() -> None:
    parsed = parse_document(HUGO.replace('"2024-03-01"', '"2024-02-30"'), "a.md")
    assert [(p.line, p.message) for p in parsed.problems] == [
        (3, "date '2024-02-30' is no date; it is not used")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "{% raw %}\nLiquid, not JSON\n",  # a template tag
        "{/* an MDX comment */}\n# Title\n",
        '{"title": "x"} and then prose on the same line\n',
        "[1, 2, 3]\n",
        '"A quotation," she said, "opens this post."\n',
        '{"title": "never closed"\n',
    ],
)
def test_what_only_looks_like_json_is_no_front_matter(text: str) -> None:
    parsed = parse_document(text, "a.md", require_front_matter=False)
    assert not parsed.has_front_matter
    assert parsed.problems == []
