"""A post whose front matter never closes: read up to where its keys end, with a warning
on that line. It was an error, and the post was missing from the list."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from models.document import parse_document
from tests.conftest import LedeRunner

FORGOTTEN = (
    "---\n"
    "title: The line I forgot\n"
    "publishedDateTime: 2024-03-02T10:00:00Z\n"
    "og:image: https://example.com/a.png\n"
    "topics:\n"
    "  - ai\n"
    "description: |\n"
    "  A first paragraph.\n"
    "\n"
    "  A second one, still the description's.\n"
    "\n"
    "# A heading\n"
    "\n"
    "The body.\n"
)


@pytest.mark.parametrize("line_end", ["\n", "\r\n"])
def test_the_keys_before_the_body_are_the_front_matter(line_end: str) -> None:
    parsed = parse_document(FORGOTTEN.replace("\n", line_end), "posts/forgot.md")
    article = parsed.article
    assert article is not None
    assert article.title == "The line I forgot"
    assert article.topics == ["ai"]
    assert article.published_at is not None and article.published_at.day == 2
    assert article.body.split() == ["#", "A", "heading", "The", "body."]
    assert [(p.line, p.severity) for p in parsed.problems] == [(11, "warning")]
    assert "no closing '---' line" in parsed.problems[0].message


@pytest.mark.parametrize(
    "text",
    [
        "---\ntitle: Written in two goes\npublishedDate",  # saved half-written: no body yet
        "---\ntitle: Keys alone\ntopics: [a]\n",
        "---\nA rule at the top, then prose.\n\nMore prose.\n",
        "---\ntitle: no blank line\nbody right after\n",
    ],
)
def test_no_body_after_blank_line_stays_an_error(text: str) -> None:
    parsed = parse_document(text, "posts/open.md")
    assert parsed.article is None
    assert [(p.line, p.severity, p.message) for p in parsed.problems] == [
        (1, "error", "front matter is not closed by a '---' line")
    ]


def test_broken_keys_before_the_body_are_still_reported() -> None:
    parsed = parse_document("---\ntitle: [x\n\nBody\n", "posts/open.md")
    assert parsed.article is None
    assert [(p.line, p.severity) for p in parsed.problems] == [(3, "warning"), (3, "error")]


def test_lede_lists_the_post_and_check_says_where_it_ends(
    run_lede: LedeRunner, tmp_path: Path
) -> None:
    root = tmp_path / "posts"
    root.mkdir()
    post = root / "forgot.md"
    post.write_text(FORGOTTEN, encoding="utf-8")
    listed = run_lede("list", "--json", root)
    assert [json.loads(line)["title"] for line in listed.stdout.splitlines()] == [
        "The line I forgot"
    ]
    checked = run_lede("check", root)
    assert checked.stdout.splitlines()[0] == (
        f"{post}:11: warning: front matter has no closing '---' line: it is read as ending "
        "at this blank line"
    )


def test_toml_front_matter_whose_plus_line_is_forgotten() -> None:
    text = (
        '+++\ntitle = "Hugo, unclosed"\ndate = 2024-03-02\n\n[params]\nsubtitle = "x"\n\n'
        "[A link](https://example.com) opens the body.\n"
    )
    parsed = parse_document(text, "content/posts/open.md")
    assert parsed.article is not None
    assert parsed.article.title == "Hugo, unclosed"
    assert parsed.article.body.strip() == "[A link](https://example.com) opens the body."
    assert [(p.line, p.message[:45]) for p in parsed.problems] == [
        (7, "front matter has no closing '+++' line: it is")
    ]
