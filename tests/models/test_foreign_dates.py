"""Dates written in other languages than English: in German, French, Spanish, Portuguese,
Italian, Dutch, Polish, Russian, and Chinese, Japanese and Korean. Each was "no date; it is
not used", its article listed undated below every other."""

from __future__ import annotations

from datetime import datetime

import pytest

from models.document import parse_document


@pytest.mark.parametrize(
    ("written", "moment"),
    [
        ("27. Juli 2023 11:52", "2023-07-27T11:52:00+00:00"),  # Notion's German export
        ("Do., 27. Juli 2023 um 11:52 Uhr", "2023-07-27T11:52:00+00:00"),
        ("27. Mär 2023", "2023-03-27T00:00:00+00:00"),
        ("27.07.2023", "2023-07-27T00:00:00+00:00"),
        ("27 juillet 2023", "2023-07-27T00:00:00+00:00"),
        ("jeudi 27 juillet 2023", "2023-07-27T00:00:00+00:00"),
        ("Jeudi 21 Septembre 2013 à 23h33m22s", "2013-09-21T23:33:22+00:00"),
        ("1er févr. 2024", "2024-02-01T00:00:00+00:00"),
        ("27 de julio de 2023", "2023-07-27T00:00:00+00:00"),
        ("jueves, 27 de julio de 2023 a las 11:52", "2023-07-27T11:52:00+00:00"),
        ("quinta-feira, 27 de julho de 2023", "2023-07-27T00:00:00+00:00"),
        ("27 luglio 2023", "2023-07-27T00:00:00+00:00"),
        ("giovedì 27 luglio 2023", "2023-07-27T00:00:00+00:00"),
        ("27 juli 2023", "2023-07-27T00:00:00+00:00"),
        ("27 mrt 2023", "2023-03-27T00:00:00+00:00"),
        ("czwartek, 27 lipca 2023 r.", "2023-07-27T00:00:00+00:00"),
        ("27 июля 2023", "2023-07-27T00:00:00+00:00"),
        ("четверг, 27 июля 2023 г.", "2023-07-27T00:00:00+00:00"),
        ("3 дек. 2023", "2023-12-03T00:00:00+00:00"),
        ("2023年7月27日", "2023-07-27T00:00:00+00:00"),
        ("2023年7月27日 11:52", "2023-07-27T11:52:00+00:00"),
        ("2023年7月27日(木) 午後3時05分", "2023-07-27T15:05:00+00:00"),
        ("２０２３年７月２７日 星期四", "2023-07-27T00:00:00+00:00"),
        ("2023년 7월 27일", "2023-07-27T00:00:00+00:00"),
        ("2023년 7월 27일 목요일 오후 3:05", "2023-07-27T15:05:00+00:00"),
        ("2023年7月27日 11:52 +09:00", "2023-07-27T02:52:00+00:00"),
    ],
)
def test_a_day_in_another_language_dates_its_article(written: str, moment: str) -> None:
    parsed = parse_document(f"---\ntitle: A\ndate: {written}\n---\nBody.\n", "a.md")
    assert parsed.problems == []
    assert parsed.article is not None
    assert parsed.article.published_at == datetime.fromisoformat(moment)


@pytest.mark.parametrize(
    "written",
    ["30. Februar 2023", "27 Juli", "Juli 2023", "2023年13月1日", "27 foo 2023", "27 jui 2023"],
)
def test_what_names_no_day_is_still_no_date(written: str) -> None:
    """``jui`` begins both juin and juillet: it names no month."""
    parsed = parse_document(f"---\ntitle: A\ndate: {written}\n---\n", "a.md")
    assert [problem.severity for problem in parsed.problems] == ["warning"]
    assert "is no date; it is not used" in parsed.problems[0].message
    assert parsed.article is not None and parsed.article.published_at is None


def test_a_notion_page_exported_in_german_is_dated() -> None:
    text = "# Ein Artikel\n\nCreated: 27. Juli 2023 11:52\nURL: https://example.de/a\n\nText.\n"
    parsed = parse_document(text, "Export/Ein Artikel 5a0c.md")
    assert parsed.problems == []
    assert parsed.article is not None
    assert parsed.article.published_at == datetime.fromisoformat("2023-07-27T11:52:00+00:00")
