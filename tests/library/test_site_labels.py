"""A line of tags with spaces in it: Jekyll reads its words as tags, Eleventy, Hugo and
Docusaurus read the line as one tag, each as its site's generator does."""

from __future__ import annotations

from pathlib import Path

import pytest

from library.loader import load_file
from tests.conftest import write_document


@pytest.mark.parametrize(
    ("config", "topics"),
    [
        ("eleventy.config.js", ["second tag"]),
        (".eleventy.js", ["second tag"]),
        ("hugo.toml", ["second tag"]),
        ("_config.yml", ["second", "tag"]),  # Jekyll's words
        ("", ["second", "tag"]),  # no site known: as Jekyll, the most common
    ],
)
def test_a_line_of_tags_is_split_as_the_sites_generator_splits_it(
    tmp_path: Path, config: str, topics: list[str]
) -> None:
    """An Eleventy blog's ``tags: second tag`` was two topics, "second" and "tag", beside
    the "second tag" its other posts name in a list."""
    if config:
        (tmp_path / config).write_text("")
    post = write_document(
        tmp_path / "content" / "blog", "fourth.md", "title: Four\ntags: second tag"
    )
    parsed = load_file(str(post))
    assert parsed.article is not None
    assert parsed.article.topics == topics
