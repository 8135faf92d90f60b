"""The two seed documents load whole, their mojibake repaired, in both parsing modes."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from library.loader import load_file
from models.article import Provider
from tests.conftest import FEEDS, MODES

HANGZHOU = FEEDS / "hangzhou-facial-recognition-ban.md"
TWO_SESSIONS = FEEDS / "two-sessions-facial-recognition-law.md"


def test_hangzhou_seed_loads_with_its_mojibake_repaired() -> None:
    parsed = load_file(str(HANGZHOU), explicit=True)
    assert parsed.problems == []
    article = parsed.article
    assert article is not None
    assert article.title.endswith("marking China’s first")
    assert "â€" not in article.title
    assert article.published_at == datetime(2020, 10, 28, 16, 26, tzinfo=UTC)
    assert article.published_at.utcoffset() == timedelta(0)
    assert article.provider == Provider(name="Global Times", domain="globaltimes.cn")
    assert article.topics == ["Computer Vision", "AI"]
    assert article.quality == 0
    assert article.heat is None  # "heat: -1" is the site's "not known"
    assert article.published is False
    assert article.kind == "article"
    assert article.original_url == "https://www.globaltimes.cn/content/1204981.shtml"
    assert article.identity == "https://globaltimes.cn/content/1204981.shtml"
    assert [related.title for related in article.related] == [
        "Face Recognition Systems Market",
        "Speech Recognition Market Size is Projected to Reach USD 29.28 Billion by 2026 | "
        "Valuates Reports",
    ]
    first = article.related[0]
    assert first.model_extra is not None
    assert first.model_extra["ampWebUrl"].startswith("https://www.openpr.com/amp/2175976/")
    assert "cdnAmpWebUrl" in first.model_extra
    assert first.published_at == datetime(2020, 10, 29, 11, 34, tzinfo=UTC)
    assert first.quality == 59
    assert first.images[0].width == 750 and first.images[0].is_cached is True
    assert first.url == first.web_url


def test_two_sessions_seed_loads_with_related_excerpts_repaired() -> None:
    parsed = load_file(str(TWO_SESSIONS), explicit=True)
    assert parsed.problems == []
    article = parsed.article
    assert article is not None
    assert article.title == (
        "Law on collection of facial recognition data to be proposed at two sessions"
    )
    assert article.published_at == datetime(2021, 3, 2, 10, 36, tzinfo=UTC)
    assert len(article.related) == 6
    assert len(article.images) == 1 and article.images[0].height == 720
    congress = next(r for r in article.related if r.title.startswith("Congress"))
    assert "enforcement’s use" in congress.excerpt
    assert "â€" not in congress.excerpt
    assert all(r.published_at is not None and r.published_at.tzinfo for r in article.related)


@pytest.mark.parametrize("path", [HANGZHOU, TWO_SESSIONS], ids=["hangzhou", "two-sessions"])
def test_secured_is_kept_but_never_shown_or_exported(path: Path) -> None:
    token = path.read_text(encoding="utf-8").split('secured: "')[1].split('"')[0]
    article = load_file(str(path), explicit=True).article
    assert article is not None
    assert article.secured == token
    shown = [
        repr(article),
        str(article),
        json.dumps(article.model_dump(mode="json")),
        json.dumps(article.model_dump(mode="json", by_alias=True)),
        article.model_dump_json(),
        article.model_dump_json(by_alias=True),
    ]
    for text in shown:
        assert token not in text
        assert token[:12] not in text
        assert "secured" not in text


@MODES
def test_summary_and_full_parse_agree_on_the_seeds(summary: bool) -> None:
    for path in (HANGZHOU, TWO_SESSIONS):
        full = load_file(str(path), explicit=True).article
        short = load_file(str(path), explicit=True, summary=summary).article
        assert full is not None and short is not None
        for name in ("title", "excerpt", "published_at", "provider", "topics", "quality", "url"):
            assert getattr(short, name) == getattr(full, name), name
