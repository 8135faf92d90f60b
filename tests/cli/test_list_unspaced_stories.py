"""``lede list`` groups reports of one event written in Japanese, Chinese or Thai by
several outlets into one story, and keeps look-alikes of other events apart."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

from tests.cli.test_list_stream import rows
from tests.conftest import LedeRunner, write_document
from tests.story_corpus import pairs
from tests.story_unspaced import unspaced_news


def test_rewordings_without_spaces_share_a_story(run_lede: LedeRunner, tmp_path: Path) -> None:
    news = unspaced_news()
    for article in news:
        published = datetime.fromtimestamp(article.published, UTC).isoformat()
        write_document(
            tmp_path / "news",
            f"{article.id:02d}.md",
            f"""
            title: {json.dumps(article.title, ensure_ascii=False)}
            excerpt: {json.dumps(article.excerpt, ensure_ascii=False)}
            publishedDateTime: {published}
            originalUrl: {article.identity}
            provider:
              name: {article.provider}
            """,
        )
    story = {Path(str(row["path"])).stem: row["story"] for row in rows(run_lede, tmp_path)}
    found = pairs((article.id, story[f"{article.id:02d}"]) for article in news)
    truth = pairs((article.id, article.story) for article in news)
    assert found <= truth  # no look-alike of another event joins one
    assert {(0, 1), (0, 2), (1, 2), (4, 5), (7, 8), (10, 11), (15, 16), (18, 19)} <= found
