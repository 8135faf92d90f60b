"""One notion of a day: an article published near midnight UTC sits on the same local day
in the reader's list and detail, in ``lede list`` (text and JSON) and for ``after:``."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tests.conftest import EAST_OF_UTC, WEST_OF_UTC, LedeRunner, write_document
from tests.tui.pilot import detail_text, indexed, titles, until
from tui.app import LedeApp
from tui.widgets.article_list import ArticleList

TITLE = "Late news"


@pytest.mark.parametrize(
    ("zone", "published", "local", "day_after"),
    [
        # 23:30 UTC is 07:30 the next morning at UTC+8 ...
        (EAST_OF_UTC, "2024-03-01T23:30:00Z", "2024-03-02T07:30:00+08:00", "2024-03-03"),
        # ... and 00:30 UTC is 19:30 the evening before at UTC-5.
        (WEST_OF_UTC, "2024-03-02T00:30:00Z", "2024-03-01T19:30:00-05:00", "2024-03-02"),
    ],
)
async def test_an_article_near_midnight_utc_has_one_local_day_everywhere(
    tmp_path: Path,
    run_lede: LedeRunner,
    time_zone: Callable[[str], None],
    zone: str,
    published: str,
    local: str,
    day_after: str,
) -> None:
    time_zone(zone)
    day, minute = local[:10], local[11:16]
    write_document(
        tmp_path / "corpus", "late.md", f"title: {TITLE}\npublishedDateTime: {published}\n"
    )
    corpus = tmp_path / "corpus"

    app = LedeApp([str(corpus)])
    async with app.run_test(size=(120, 30)) as pilot:
        await indexed(pilot)
        assert titles(app) == [TITLE]
        assert f" {day} {TITLE}" in app.screen.query_one(ArticleList).render_line(0).text
        await until(pilot, lambda: f"{day} {minute}" in detail_text(app))
        await pilot.press("slash", *f"after:{day}")
        await pilot.pause()
        assert titles(app) == [TITLE]
        await pilot.press(*f" before:{day_after}")
        await pilot.pause()
        assert titles(app) == [TITLE]

    listed = run_lede("list", corpus)
    assert (listed.returncode, listed.stdout) == (0, f"{day}  {TITLE}\n"), listed.stderr
    [record] = [json.loads(line) for line in run_lede("list", "--json", corpus).stdout.splitlines()]
    assert record["published_at"] == local
    for query, shown in (
        (f"after:{day}", True),
        (f"before:{day}", False),
        (f"after:{day_after}", False),
        (f"before:{day_after}", True),
    ):
        done = run_lede("list", "-q", query, corpus)
        assert (done.returncode, TITLE in done.stdout) == (0, shown), query


@pytest.mark.parametrize("zone", [WEST_OF_UTC, EAST_OF_UTC])
def test_a_date_without_a_time_is_shown_as_a_day(
    zone: str, time_zone: Callable[[str], None]
) -> None:
    """An event of whole days read "2024-05-01 00:00 – 2024-05-03 00:00": as if it ended
    as the last day began."""
    from models.document import parse_document
    from tui.widgets.detail_text import article_header

    time_zone(zone)
    front = "name: Summit\nstartDateTime: 2024-05-01\nendDateTime: 2024-05-03\n"
    event = parse_document(f"---\n{front}---\nThree days.\n", "e.md").article
    assert event is not None
    assert "When 2024-05-01 – 2024-05-03 " in str(article_header(event))
    timed = event.model_copy(update={"starts_at": event.starts_at.replace(hour=9)})
    assert "When 2024-05-01 09:00 – 2024-05-03 " in str(article_header(timed))


def test_the_detail_says_when_a_post_was_changed_and_flags_a_backwards_event() -> None:
    """A post's last change (``lastmod``) was not shown, and an event ending before it
    starts read as a plain range."""
    from models.document import parse_document
    from tui.widgets.detail_text import article_header

    post = parse_document("---\ntitle: P\ndate: 2024-01-01\nlastmod: 2024-03-02\n---\n", "p.md")
    assert post.article is not None
    assert "Updated 2024-03-02 " in str(article_header(post.article))
    same = parse_document("---\ntitle: P\ndate: 2024-01-01\nlastmod: 2024-01-01\n---\n", "p.md")
    assert same.article is not None and "Updated" not in str(article_header(same.article))
    front = "title: P\ndate: 2024-01-01 10:00:00\nlastmod: 2024-01-01\n"
    earlier = parse_document(f"---\n{front}---\n", "p.md")
    assert earlier.article is not None and "Updated" not in str(article_header(earlier.article))
    undated = parse_document("---\ntitle: P\nlastmod: 2024-01-01\n---\n", "p.md")
    assert undated.article is not None
    assert "Updated 2024-01-01" in str(article_header(undated.article))
    front = "name: Backwards\nstartDateTime: 2024-07-05\nendDateTime: 2024-07-01\n"
    event = parse_document(f"---\n{front}---\n", "e.md").article
    assert event is not None
    assert "When 2024-07-05 – 2024-07-01  ends before it starts" in str(article_header(event))


async def test_today_s_news_is_asked_for_without_typing_today_s_date(tmp_path: Path) -> None:
    """``after:`` took only a date, so today's news took looking up and typing the date,
    and a search saved for it listed that day forever; ``today``, ``yesterday`` and ``7d``
    count back from the day the query runs."""
    now = datetime.now(UTC)
    for name, published in (("fresh", now), ("older", now - timedelta(days=3))):
        front = f"title: {name.title()} news\npublishedDateTime: {published:%Y-%m-%dT%H:%M:%SZ}"
        write_document(tmp_path / "news", f"{name}.md", front, "Words.\n")
    app = LedeApp([str(tmp_path / "news")])
    async with app.run_test(size=(120, 30)) as pilot:
        await indexed(pilot)
        await pilot.press("slash", *"after:today")
        await until(pilot, lambda: titles(app) == ["Fresh news"])
        await pilot.press("ctrl+u", *"after:7d")
        await until(pilot, lambda: titles(app) == ["Fresh news", "Older news"])
        await pilot.press("ctrl+u", *"before:yesterday")
        await until(pilot, lambda: titles(app) == ["Older news"])
