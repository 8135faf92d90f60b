"""A post's lead, where its front matter gives no excerpt: the text above its blog's mark."""

from __future__ import annotations

import pytest

from models.document import parse_document

POST = """---
title: Docusaurus 3.0
authors: [slorber]
---

import Video from "./video";

# Docusaurus 3.0

We are happy to announce **Docusaurus 3.0**, with [MDX 2](https://mdxjs.com) and [React][r].

![The release](./release.png)

It upgrades <b>everything</b>.

{mark}

The rest of the post.
"""


@pytest.mark.parametrize(
    "mark", ["<!-- truncate -->", "<!--truncate-->", "{/* truncate */}", "<!-- more -->"]
)
def test_the_text_above_the_blogs_mark_is_the_posts_lead(mark: str) -> None:
    """Docusaurus's, Hexo's, Hugo's, Jekyll's and MkDocs Material's posts cut at it for
    their lists; a post without a description showed no lead at all."""
    parsed = parse_document(POST.format(mark=mark), "blog/2023-10-31-docusaurus-3.mdx")
    assert parsed.article is not None
    assert parsed.article.excerpt == (
        "We are happy to announce Docusaurus 3.0, with MDX 2 and React.\n\nIt upgrades everything."
    )


def test_a_description_stays_the_lead_and_no_mark_gives_none() -> None:
    described = POST.replace("authors:", "description: Its own words.\nauthors:")
    parsed = parse_document(described.format(mark="<!-- truncate -->"), "blog/a.md")
    assert parsed.article is not None and parsed.article.excerpt == "Its own words."
    unmarked = parse_document(POST.format(mark=""), "blog/a.md")
    assert unmarked.article is not None and unmarked.article.excerpt == ""


def test_a_lead_is_repaired_as_any_excerpt() -> None:
    text = "---\ntitle: A\n---\nChinaâ€™s \x1b[31mred\x1b[0m lead.\n<!-- more -->\nRest.\n"
    parsed = parse_document(text, "source/_posts/a.md")
    assert parsed.article is not None and parsed.article.excerpt == "China’s red lead."


def test_a_mark_shown_in_a_code_block_cuts_nothing() -> None:
    text = "---\ntitle: Excerpts\n---\nWrite the mark:\n\n```\nLead.\n<!-- more -->\nRest.\n```\n"
    parsed = parse_document(text, "source/docs/excerpts.md")
    assert parsed.article is not None and parsed.article.excerpt == ""
