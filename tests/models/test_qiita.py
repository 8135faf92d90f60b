"""Articles kept by Qiita's CLI: ``updated_at`` its only date, ``private`` and
``ignorePublish`` its ways of keeping one off the site's lists."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from models.document import parse_document


def qiita(**changes: str) -> str:
    keys = {
        "title": "Sotto",
        "tags": "\n  - Swift\n  - macOS",
        "private": "false",
        "updated_at": "'2026-08-04T10:30:50+09:00'",
        "id": "c41e40daf888e06010a2",
        "organization_url_name": "null",
        "slide": "false",
        "ignorePublish": "false",
    } | changes
    return "---\n" + "".join(f"{key}: {value}\n" for key, value in keys.items()) + "---\nBody.\n"


def test_a_qiita_article_is_read_with_its_tags_and_when_it_changed() -> None:
    parsed = parse_document(qiita(), "/public/c41e40daf888e06010a2.md")
    assert parsed.problems == []
    assert parsed.article is not None
    assert parsed.article.topics == ["Swift", "macOS"]
    assert parsed.article.published
    assert parsed.article.updated_at == datetime(
        2026, 8, 4, 10, 30, 50, tzinfo=timezone(timedelta(hours=9))
    )


def test_a_new_article_not_yet_posted_is_valid() -> None:
    """Its CLI writes ``updated_at: ''``: the article was an error ("input is too short")."""
    parsed = parse_document(qiita(updated_at="''"), "/public/new.md")
    assert parsed.problems == []
    assert parsed.article is not None
    assert parsed.article.updated_at is None


@pytest.mark.parametrize("change", [{"private": "true"}, {"ignorePublish": "true"}])
def test_a_private_or_unposted_article_is_unpublished(change: dict[str, str]) -> None:
    parsed = parse_document(qiita(**change), "/public/p.md")
    assert parsed.article is not None
    assert not parsed.article.published
