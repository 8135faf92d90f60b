"""A post written first elsewhere is linked to, and known by, the page it names canonical."""

from __future__ import annotations

import pytest

from models.document import parse_document

ORIGINAL = "https://blog.example.org/2024/containers/"


@pytest.mark.parametrize(
    "front_matter",
    [
        f"published: true\ntags: ci, containers\ncanonical_url: {ORIGINAL}  # optional",  # dev.to
        f"canonicalURL: {ORIGINAL}",  # Hugo's PaperMod
    ],
    ids=["forem", "papermod"],
)
def test_a_cross_posted_post_links_to_its_original(front_matter: str) -> None:
    parsed = parse_document(f"---\ntitle: Post\n{front_matter}\n---\nBody.\n", "/a/post.md")
    assert parsed.problems == []
    assert parsed.article is not None
    assert parsed.article.url == ORIGINAL
    # Its copies on other platforms are one article, read or unread together.
    assert parsed.article.identity == "https://blog.example.org/2024/containers"


@pytest.mark.parametrize(
    "front_matter",
    [
        "canonical_url:",
        "canonical_url: /2024/containers/",
        f"originalUrl: https://a.test/x\ncanonical_url: {ORIGINAL}",
    ],
    ids=["blank", "site-path", "original-first"],
)
def test_only_a_whole_address_and_no_other_link_makes_it_the_original(front_matter: str) -> None:
    parsed = parse_document(f"---\ntitle: Post\n{front_matter}\n---\n", "/a/post.md")
    assert parsed.article is not None
    assert parsed.article.url in ("", "https://a.test/x")
