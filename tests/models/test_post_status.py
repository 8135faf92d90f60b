"""A post's ``status`` that keeps it off its site, as WordPress's and Ghost's exports keep it."""

from __future__ import annotations

import pytest

from models.document import parse_document


def parsed_published(front_matter: str) -> bool:
    parsed = parse_document(f"---\ntitle: Post\n{front_matter}\n---\nBody.\n", "/posts/p.md")
    assert parsed.problems == []
    assert parsed.article is not None
    return parsed.article.published


@pytest.mark.parametrize("status", ["draft", "Draft", "pending", "private", "trash"])
def test_a_post_whose_status_keeps_it_off_its_site_is_unpublished(status: str) -> None:
    assert not parsed_published(f"date: 2011-11-06\nslug: a-post\nstatus: {status}\nwp_id: 15")


@pytest.mark.parametrize(
    "front_matter",
    ["status: publish", "status: published", "status: future", "status: draft\ndraft: false"],
)
def test_other_statuses_and_a_draft_key_that_says_no_leave_it_published(front_matter: str) -> None:
    assert parsed_published(front_matter)
