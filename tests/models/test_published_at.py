"""``published_at``, where dev.to (Forem) and Zenn date a post, read as other date keys are."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from models.document import parse_document


@pytest.mark.parametrize(
    ("written", "moment"),
    [
        ("2023-01-22 15:50 +0900", datetime(2023, 1, 22, 6, 50, tzinfo=UTC)),  # Forem's
        ("2023-12-24 11:00", datetime(2023, 12, 24, 11, 0, tzinfo=UTC)),  # Zenn's
        ("2025-05-23", datetime(2025, 5, 23, tzinfo=UTC)),
    ],
    ids=["forem", "zenn", "day"],
)
def test_a_blogs_published_at_dates_its_post(written: str, moment: datetime) -> None:
    text = f"---\ntitle: Post\npublished: true\ntags: a, b\npublished_at: {written}\n---\nBody.\n"
    parsed = parse_document(text, "/blog-posts/post/post.md")
    assert parsed.problems == []
    assert parsed.article is not None
    assert parsed.article.published_at == moment


def test_a_published_at_that_is_no_date_is_one_warning_not_an_error() -> None:
    parsed = parse_document("---\ntitle: Post\npublished_at: soon\n---\n", "/post.md")
    assert [p for p in parsed.problems if p.severity == "error"] == []
    assert [(problem.severity, problem.line) for problem in parsed.problems] == [("warning", 3)]
    assert "published_at 'soon' is no date" in parsed.problems[0].message


@pytest.mark.parametrize(
    ("written", "moment"),
    [
        ("2011-01-02 5:45 PM PST", "2011-01-03T01:45:00+00:00"),  # Middleman's
        ("2011-01-03 10:15AM PST", "2011-01-03T18:15:00+00:00"),
        ("Wednesday, May 1, 2024 at 9:44:34 AM PDT", "2024-05-01T16:44:34+00:00"),  # Bridgetown's
        ("2024-05-01 10:00:00 EST", "2024-05-01T15:00:00+00:00"),
    ],
)
def test_a_time_of_day_in_twelve_hours_and_a_zones_abbreviation(written: str, moment: str) -> None:
    """Ruby's readers take these; they were "no date; it is not used", a post dated by its
    file's name alone at midnight, or undated."""
    parsed = parse_document(f"---\ntitle: A\ndate: {written}\n---\n", "source/a.md")
    assert parsed.problems == []
    assert parsed.article is not None and parsed.article.published_at is not None
    assert parsed.article.published_at == datetime.fromisoformat(moment)


@pytest.mark.parametrize(
    ("written", "moment"),
    [
        ("2021-03-04 10:00 PM", "2021-03-04T22:00:00+00:00"),
        ("Mar 4 2021 10:00AM", "2021-03-04T10:00:00+00:00"),
        ("March 4, 2021 at 9:05 pm", "2021-03-04T21:05:00+00:00"),
        ("March 4, 2021, 12:30 a.m.", "2021-03-04T00:30:00+00:00"),
        ("4 March 2021 22:15:30", "2021-03-04T22:15:30+00:00"),
        ("2021/03/04 10:00 PM +01:00", "2021-03-04T21:00:00+00:00"),
        ("05/05/2014 03:00:00 PM UTC", "2014-05-05T15:00:00+00:00"),  # Nikola's
    ],
)
def test_a_day_in_any_form_with_a_time_of_day(written: str, moment: str) -> None:
    """Each form of a day was read with a time of day only where the pair was listed:
    "2021-03-04 10:00 PM", from an export or by hand, was "no date; it is not used"."""
    parsed = parse_document(f"---\ntitle: A\ndate: {written}\n---\n", "a.md")
    assert parsed.problems == []
    assert parsed.article is not None
    assert parsed.article.published_at == datetime.fromisoformat(moment)


@pytest.mark.parametrize(
    "written", ["2021-03-04 13:00 PM", "2021-03-04 24:30", "2021-03-04 10:00 10:00 PM", "10:00 PM"]
)
def test_a_time_of_day_that_is_none_is_no_date(written: str) -> None:
    parsed = parse_document(f"---\ntitle: A\ndate: {written}\n---\n", "a.md")
    assert [problem.severity for problem in parsed.problems] == ["warning"]
    assert parsed.article is not None and parsed.article.published_at is None


@pytest.mark.parametrize(
    ("written", "moment"),
    [
        ("Thursday, March 4, 2021", "2021-03-04T00:00:00+00:00"),
        ("Thu, 04 Mar 2021 10:00 PM", "2021-03-04T22:00:00+00:00"),  # mail's reader: 10:00
        ("Mon. Jan 3 2022", "2022-01-03T00:00:00+00:00"),
    ],
)
def test_a_weekday_before_the_day_is_passed_over(written: str, moment: str) -> None:
    parsed = parse_document(f"---\ntitle: A\ndate: {written}\n---\n", "a.md")
    assert parsed.problems == []
    assert parsed.article is not None
    assert parsed.article.published_at == datetime.fromisoformat(moment)
