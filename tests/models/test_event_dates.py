"""An event's start and end under the names event collections give them: it is dated by
its start, as an event that writes ``startDateTime`` is."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from models.document import parse_document


@pytest.mark.parametrize(
    ("front", "start"),
    [
        ("start_date: 2025-02-18 17:30\nend_date: 2025-02-18 21:00", datetime(2025, 2, 18, 17, 30)),
        ("start_date: 2021-07-08T09:30Z", datetime(2021, 7, 8, 9, 30)),
        ("startDate: 2023-10-23\nendDate: 2023-10-25", datetime(2023, 10, 23)),
    ],
    ids=["crystal-local-time", "crystal-utc", "schema-org-days"],
)
def test_an_event_is_dated_by_its_start(front: str, start: datetime) -> None:
    # Crystal's _events: a title, a start, a line of text for the date, a place.
    text = (
        f"---\ntitle: Stockholm Meetup\n{front}\ndate_text: 18 February\nlocation: Stockholm\n---\n"
    )
    parsed = parse_document(text + "Hej!\n", "/site/_events/2025-stockholm-meetup.md")
    assert parsed.problems == []
    assert parsed.article is not None
    assert parsed.article.starts_at == start.replace(tzinfo=UTC)
    assert parsed.article.published_at == start.replace(tzinfo=UTC)
    assert (parsed.article.ends_at is None) == ("end" not in front.lower())


def test_a_date_of_its_own_and_a_start_of_its_own_come_first() -> None:
    text = "---\ntitle: Conf\ndate: 2024-01-02\nstartDateTime: 2024-05-01\n"
    text += "start_date: 2024-06-01\n---\n"
    parsed = parse_document(text, "/site/_events/conf.md")
    assert parsed.article is not None
    assert parsed.article.published_at == datetime(2024, 1, 2, tzinfo=UTC)
    assert parsed.article.starts_at == datetime(2024, 5, 1, tzinfo=UTC)


def test_a_start_that_is_no_date_is_left_alone() -> None:
    parsed = parse_document("---\ntitle: Conf\nstart_date: soon\n---\n", "/site/_events/c.md")
    assert parsed.article is not None
    assert parsed.article.starts_at is None and parsed.article.published_at is None
