"""Parsing the query language: every operator, and a clear message for a malformed query."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from library.query import Query, QueryError, Term, parse_query


def day(text: str) -> int:
    return int(datetime.fromisoformat(text).replace(tzinfo=UTC).timestamp())


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", Query()),
        ("   ", Query()),
        ("- -", Query()),
        ("facial recognition", Query(terms=[Term("facial"), Term("recognition")])),
        ('"facial recognition"', Query(terms=[Term("facial recognition", phrase=True)])),
        ('"" x', Query(terms=[Term("x")])),
        ("-council", Query(excluded=[Term("council")])),
        ('-"city council"', Query(excluded=[Term("city council", phrase=True)])),
        ("topic:AI", Query(topics=["AI"])),
        ("Topic:google-ai", Query(topics=["google-ai"])),
        ('topic:"Machine Learning"', Query(topics=["Machine Learning"])),
        ("-topic:AI", Query(excluded_topics=["AI"])),
        ("provider:reuters.com", Query(providers=["reuters.com"])),
        ('provider:"Global Times"', Query(providers=["Global Times"])),
        ("-provider:wired", Query(excluded_providers=["wired"])),
        ("after:2021-03-01", Query(after=day("2021-03-01"))),
        ("before:2021-03-01", Query(before=day("2021-03-01"))),
        ("quality>40", Query(quality_min=41)),
        ("quality<40", Query(quality_max=39)),
        ("quality>=40", Query(quality_min=40)),
        ("quality<=40", Query(quality_max=40)),
        ("quality=40", Query(quality_min=40, quality_max=40)),
        ("quality>-1", Query(quality_min=0)),
        ("is:unread", Query(flags={"unread"})),
        ("IS:Read", Query(flags={"read"})),
        ("-is:starred", Query(excluded_flags={"starred"})),
        ("is:published", Query(published=True)),
        ("IS:Unpublished", Query(published=False)),
        ("-is:published", Query(published=False)),
        ("-is:unpublished is:published", Query(published=True)),
        ("collection:news", Query(collections=["news"])),
        ("Collection:Learning collection:news", Query(collections=["Learning", "news"])),
        ("-collection:newsletters", Query(excluded_collections=["newsletters"])),
        ("collection:*", Query(collections=["*"])),
        ("lang:ja LANG:zh_CN", Query(languages=["ja", "zh_CN"])),
        ("-lang:*", Query(excluded_languages=["*"])),
        # Words no filter knows: a headline's, a time, an address (each was an error).
        ("Exclusive: robots", Query(terms=[Term("Exclusive"), Term("robots")])),
        ("-Analysis: x", Query(excluded=[Term("Analysis")], terms=[Term("x")])),
        ("at 10:30", Query(terms=[Term("at"), Term("10:30")])),
        ("https://a.test/b", Query(terms=[Term("https://a.test/b")])),
        # Typographic quotes quote a phrase (each was part of a word).
        ("“facial recognition”", Query(terms=[Term("facial recognition", phrase=True)])),
        (
            "-„city council“ x",
            Query(excluded=[Term("city council", phrase=True)], terms=[Term("x")]),
        ),
        ("provider:“Global Times”", Query(providers=["Global Times"])),
        # Every bound holds: the tightest wins (a second replaced the first).
        ("after:2021-01-01 after:2020-01-01", Query(after=day("2021-01-01"))),
        ("before:2020-01-01 before:2021-01-01", Query(before=day("2020-01-01"))),
        ("quality>20 quality>5 quality<90 quality<=50", Query(quality_min=21, quality_max=50)),
        ("quality=40 quality>10", Query(quality_min=40, quality_max=40)),
        (
            'ban "facial data" -city topic:AI provider:x after:2020-01-01 quality>3 is:starred',
            Query(
                terms=[Term("ban"), Term("facial data", phrase=True)],
                excluded=[Term("city")],
                topics=["AI"],
                providers=["x"],
                after=day("2020-01-01"),
                quality_min=4,
                flags={"starred"},
            ),
        ),
    ],
)
def test_parse_every_operator(text: str, expected: Query) -> None:
    assert parse_query(text) == expected


def test_empty_is_only_the_query_that_matches_everything() -> None:
    assert parse_query("  ").empty
    assert not parse_query("x").empty
    assert not parse_query("-provider:x").empty


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('"unclosed phrase', 'a phrase is missing its closing "'),
        ('ok "unclosed', 'a phrase is missing its closing "'),
        ("after:2020", "after: expects YYYY-MM-DD, today, yesterday or 7d, not '2020'"),
        (
            "before:2021-02-30",
            "before: expects YYYY-MM-DD, today, yesterday or 7d, not '2021-02-30'",
        ),
        ("after:someday", "after: expects YYYY-MM-DD, today, yesterday or 7d, not 'someday'"),
        ("after:9999999d", "after: expects YYYY-MM-DD, today, yesterday or 7d, not '9999999d'"),
        ("after:999999d", "after: expects YYYY-MM-DD, today, yesterday or 7d, not '999999d'"),
        ("quality>x", "quality> expects a whole number, not 'x'"),
        ("quality<4.5", "quality< expects a whole number, not '4.5'"),
        ("quality:5", "quality needs a comparison: quality>N or quality<N"),
        (
            "is:bogus",
            "is:bogus is not known; use is:unread, is:read, is:starred, is:published "
            "or is:unpublished",
        ),
        ("is:published is:unpublished", "is:published and is:unpublished cannot both hold"),
        ("is:unpublished -is:unpublished", "is:published and is:unpublished cannot both hold"),
        ("collection:", "collection: needs a value right after it (no space)"),
        (
            "unknown:key",
            "unknown filter 'unknown:'; use topic:, provider:, after:, before:, quality>, is:, "
            "collection:",
        ),
        ("topic:", "topic: needs a value right after it (no space)"),
        ("topic: AI", "topic: needs a value right after it (no space)"),
        ("provider:", "provider: needs a value right after it"),
        ("is:", "is: needs a value right after it"),
        ("quality>", "quality> needs a value right after it"),
        ("title>3", "'title>' is not understood; comparisons work with quality"),
        ("-after:2021-01-01", "-after: cannot be negated; use before: instead"),
        ("-before:2021-01-01", "-before: cannot be negated; use after: instead"),
        ("-quality>3", "-quality> cannot be negated"),
    ],
)
def test_malformed_queries_raise_a_clear_message(text: str, message: str) -> None:
    with pytest.raises(QueryError) as raised:
        parse_query(text)
    assert str(raised.value).startswith(message)
    assert "\n" not in str(raised.value)


@settings(max_examples=400, deadline=None)
@given(st.text())
def test_parsing_any_text_gives_a_query_or_a_query_error(text: str) -> None:
    try:
        query = parse_query(text)
    except QueryError as error:
        assert str(error)
    else:
        assert isinstance(query, Query)
