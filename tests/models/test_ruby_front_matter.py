"""Bridgetown's Ruby front matter: the values written plainly are read, no code is run."""

from __future__ import annotations

import pytest

from models.document import parse_document
from tests.library.test_bridgetown import RUBY_POST


def test_a_front_matter_blocks_plain_values_are_the_pages_keys() -> None:
    parsed = parse_document(RUBY_POST, "src/_posts/2020-05-05-ruby.md")
    article = parsed.article
    assert article is not None and parsed.problems == []
    assert article.title == "Supercharge Your Site with Ruby Front Matter"
    assert article.authors == ["jared"] and article.topics == ["feature"]
    extra = article.model_extra or {}
    # Code (a call, an interpolation, a block) is passed over, never run.
    assert not {"calculation", "example_title", "seo_tag_version", "url"} & set(extra)
    assert article.body.strip() == "Real Ruby in a post's front matter."


@pytest.mark.parametrize(
    ("opening", "closing"), [("---<%", "%>---"), ("~~~ruby", "~~~"), ("###ruby", "###")]
)
def test_each_opening_bridgetown_reads(opening: str, closing: str) -> None:
    text = f'{opening}\r\nfront_matter do\r\n  title("Christmas")\r\n  tags ["a", :b]\r\nend\r\n'
    parsed = parse_document(f"{text}{closing}\r\nFa la.\r\n", "src/_events/christmas.html")
    assert parsed.article is not None
    assert parsed.article.title == "Christmas" and parsed.article.topics == ["a", "b"]


def test_a_hash_is_read_as_its_pairs() -> None:
    text = '~~~ruby\n{ title: "I\'m a Page", layout: :default, "order" => 3 }\n~~~\n\nNice.\n'
    parsed = parse_document(text, "src/_pages/page.md")
    assert parsed.article is not None and parsed.article.title == "I'm a Page"
    assert (parsed.article.model_extra or {}) == {"layout": "default", "order": 3}


def test_a_note_opening_with_ruby_code_is_no_front_matter() -> None:
    """A fence of Ruby that sets no front matter is a note's code, to show."""
    text = "```ruby\nputs 'hello'\n```\n\nWhat it prints.\n"
    parsed = parse_document(text, "notes/ruby.md", require_front_matter=False)
    assert parsed.has_front_matter is False
