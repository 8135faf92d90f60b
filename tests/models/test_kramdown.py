"""kramdown's own markup (Jekyll's Markdown) is not shown or searched: a site never shows
it, and the reader showed ``{: .note}`` lines as written."""

from __future__ import annotations

from models.html import readable_body
from models.kramdown import strip_kramdown


def test_attribute_lists_go_and_the_text_they_dress_stays() -> None:
    body = "A note.\n{: .note}\n\nSee *this*{: .em} and that.\n\n{:.warning}\nLast."
    assert strip_kramdown(body) == "A note.\n\nSee *this* and that.\n\nLast."


def test_a_table_of_contents_marker_goes_with_the_list_it_stands_in() -> None:
    assert strip_kramdown("Intro\n\n* TOC\n{:toc}\n\n## First") == "Intro\n\n\n## First"


def test_extensions_go_and_a_comment_goes_with_its_content() -> None:
    body = '{::options parse_block_html="true" /}\nShown\n{::comment}\nfor editors\n{:/comment}\n'
    assert strip_kramdown(body) == "Shown\n\n"


def test_code_keeps_what_it_shows() -> None:
    body = "Write `{: .note}` after a block:\n\n```\nText\n{: .note}\n```\n"
    assert strip_kramdown(body) == body


def test_the_reader_and_the_index_read_a_body_without_them() -> None:
    assert readable_body("Tip\n{: .tip}\n", "_posts/2024-01-02-tip.md") == "Tip\n"


def test_a_definition_is_under_its_term_without_its_marker() -> None:
    """ruby-lang.org's release notes: "SIZE(ruby.tar.bz2): : 4184764 bytes" on one line."""
    body = "SIZE(ruby.tar.bz2):\n: 4184764 bytes\n\n```yaml\nkey\n: in code\n```\n"
    assert strip_kramdown(body) == (
        "SIZE(ruby.tar.bz2):\\\n4184764 bytes\n\n```yaml\nkey\n: in code\n```\n"
    )
