"""A blog post's blurb, under the keys blogging tools write it in, is its excerpt."""

from __future__ import annotations

import pytest

from models.document import parse_document


@pytest.mark.parametrize(
    "front_matter",
    [
        "subtitle: Islands, shadow DOM and nicer errors.\nauthor: jared",  # Bridgetown's
        'seoTitle: "Habits"\nseoDescription: "Islands, shadow DOM and nicer errors."',  # Hashnode
        'description: ""\nsubtitle: Islands, shadow DOM and nicer errors.',  # a blank one first
    ],
    ids=["subtitle", "hashnode", "blank-description"],
)
def test_a_blogs_blurb_is_the_excerpt(front_matter: str) -> None:
    parsed = parse_document(f"---\ntitle: A release\n{front_matter}\n---\nBody.\n", "/p.md")
    assert parsed.problems == []
    assert parsed.article is not None
    assert parsed.article.excerpt == "Islands, shadow DOM and nicer errors."


def test_a_description_comes_before_a_subtitle() -> None:
    text = "---\ntitle: T\nsubtitle: The subtitle\ndescription: The description\n---\n"
    parsed = parse_document(text, "/p.md")
    assert parsed.article is not None
    assert parsed.article.excerpt == "The description"
