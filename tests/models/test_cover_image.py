"""A blog post's picture, under each blogging tool's own key, is its lead image."""

from __future__ import annotations

import pytest

from models.document import parse_document
from tui.widgets.lead_image import lead_image_url

PICTURE = "https://cdn.example.org/cover.png"


@pytest.mark.parametrize(
    "front_matter",
    [
        f"cover_image: {PICTURE}\npublished: true\ntags: a, b",  # dev.to
        f"cover: {PICTURE}\ncuid: clzxm41sz00010alidcfu085c",  # Hashnode's backup
        f'coverImage: "{PICTURE}"\ncategories:\n  - "news"',  # wordpress-export-to-markdown
        f"image: {PICTURE}",  # Jekyll's SEO tag
        f"image:\n  path: {PICTURE}\n  alt: A cover",  # the same, with its text
        f"cover:\n  image: {PICTURE}\n  relative: false",  # a Hugo theme's
        f"feature_image: {PICTURE}",  # Ghost
        f"featuredImage: {PICTURE}",  # a Gatsby starter
        f"heroImage: {PICTURE}",  # Astro's blog template
    ],
    ids=[
        "forem",
        "hashnode",
        "wordpress",
        "jekyll",
        "jekyll-path",
        "hugo",
        "ghost",
        "gatsby",
        "astro",
    ],
)
def test_a_blogs_picture_is_the_articles_lead_image(front_matter: str) -> None:
    parsed = parse_document(f"---\ntitle: Post\n{front_matter}\n---\nBody.\n", "/blog/post.md")
    assert parsed.problems == []
    assert lead_image_url(parsed.article) == PICTURE


def test_the_images_a_document_lists_come_first() -> None:
    text = f"---\ntitle: Post\nimages: [https://a.example/one.png]\nimage: {PICTURE}\n---\n"
    parsed = parse_document(text, "/post.md")
    assert lead_image_url(parsed.article) == "https://a.example/one.png"


@pytest.mark.parametrize("value", ["", "[]", "{alt: no address}", "true", "  "])
def test_a_picture_key_naming_no_address_gives_no_image(value: str) -> None:
    parsed = parse_document(f"---\ntitle: Post\ncover_image: {value}\n---\n", "/post.md")
    assert [p for p in parsed.problems if p.severity == "error"] == []
    assert parsed.article is not None
    assert parsed.article.images == []
