"""Each operator of the query language run against a small index with known answers."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import nullcontext
from pathlib import Path

import pytest

from library.index import CorpusIndex
from library.query import Query, QueryError, Term, parse_query, with_prefix_last
from library.state import StateStore
from tests.conftest import EAST_OF_UTC, QUERY_DOCS, WEST_OF_UTC, write_document

ALL = set(QUERY_DOCS)


UNDER_AI = {"hangzhou", "tensorflow", "gemini", "banks", "faces", "ethics"}


def found(index: CorpusIndex, query: str | Query, **options: object) -> set[str]:
    return {Path(row.path).stem for row in index.search(query, **options)}


def test_an_empty_query_lists_everything(query_index: CorpusIndex) -> None:
    assert found(query_index, "") == ALL
    assert query_index.count() == len(ALL)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        # words must all match, over every text field
        ("facial recognition", {"hangzhou", "faces"}),
        ("FACIAL Recognition", {"hangzhou", "faces"}),
        ("facial compiler", set()),
        ("council", {"hangzhou"}),  # excerpt
        ("scanners", {"hangzhou"}),  # body
        ("reuters", {"banks"}),  # provider name
        ("theverge", {"gemini"}),  # provider domain
        ("vision", {"hangzhou", "faces"}),  # topic
        ("tensorflow", {"tensorflow"}),
        ("airports", {"faces"}),
        ("nothing-like-this", set()),
        # topic: includes descendants and aliases
        ("topic:AI", UNDER_AI),
        ("topic:ai", UNDER_AI),
        ('topic:"Google AI"', {"tensorflow", "gemini"}),
        ("topic:google-ai", {"tensorflow", "gemini"}),  # by the taxonomy's _id
        ("topic:TensorFlow", {"tensorflow"}),
        ("topic:tensor", {"tensorflow"}),  # a unique prefix
        ("topic:ethic", {"ethics"}),  # a unique start of a word: "AI Ethics"
        ("topic:vis", {"hangzhou", "faces"}),  # "Computer Vision"
        ("topic:ML", {"banks"}),  # the article uses the short name
        ('topic:"machine learning"', {"banks"}),
        ('topic:"Computer Vision"', {"hangzhou", "faces"}),
        ("-topic:AI", {"hangar"}),
        ('-topic:"Google AI"', ALL - {"tensorflow", "gemini"}),
        ("topic:AI -topic:computer-vision", UNDER_AI - {"hangzhou", "faces"}),
        # provider: matches the name or the domain
        ("provider:globaltimes.cn", {"hangzhou"}),
        ('provider:"Global Times"', {"hangzhou"}),
        ("provider:times", {"hangzhou"}),
        ("provider:VERGE", {"gemini"}),
        ("provider:example", {"tensorflow", "faces"}),  # example.test, airportdaily.example.org
        ("provider:%", set()),
        ("provider:_", set()),
        ("-provider:reuters", ALL - {"banks"}),
        ("-provider:example", ALL - {"tensorflow", "faces"}),
        # after: includes its day and before: excludes it
        ("after:2021-05-01", {"tensorflow", "gemini", "faces", "ethics"}),  # 09:00 that day
        ("after:2021-05-02", {"gemini", "faces", "ethics"}),
        ("before:2021-05-01", {"hangzhou", "banks"}),
        ("before:2021-05-02", {"hangzhou", "banks", "tensorflow"}),
        ("after:2021-03-12 before:2021-03-13", {"banks"}),  # 23:59:59 that day
        ("after:2023-12-06", {"gemini"}),  # exactly midnight
        ("before:2023-12-06", ALL - {"gemini", "hangar"}),
        ("after:2022-06-01 before:2022-06-02", {"faces"}),  # 12:00+08:00 is 04:00 UTC
        ("after:2022-01-01 before:2022-01-02", {"ethics"}),  # a date-only value
        ("after:2030-01-01", set()),
        # quality bounds are strict and skip the unrated
        ("quality>40", {"tensorflow", "gemini", "faces"}),
        ("quality>=40", {"tensorflow", "gemini", "faces", "banks"}),
        ("quality<40", {"hangzhou", "ethics"}),
        ("quality<=40", {"hangzhou", "ethics", "banks"}),
        ("quality=40", {"banks"}),
        ("quality>0", ALL - {"ethics", "hangar"}),
        ("quality<1", {"ethics"}),
        ("quality>40 quality<80", {"gemini", "faces"}),
        ("quality>80", set()),
    ],
)
def test_each_operator_finds_its_known_answers(
    query_index: CorpusIndex, query: str, expected: set[str]
) -> None:
    assert found(query_index, query) == expected


def test_a_phrase_needs_its_words_together(query_index: CorpusIndex) -> None:
    assert found(query_index, "facial recognition") == {"hangzhou", "faces"}
    assert found(query_index, '"facial recognition"') == {"hangzhou"}
    assert found(query_index, '"recognition facial"') == set()
    assert found(query_index, '"city council" privacy') == {"hangzhou"}


def test_excluded_words_and_phrases(query_index: CorpusIndex) -> None:
    assert found(query_index, "facial -council") == {"faces"}
    assert found(query_index, '-"facial data"') == ALL - {"faces"}
    assert found(query_index, "-facial -hangar") == ALL - {"hangzhou", "faces", "hangar"}


@pytest.mark.parametrize(
    ("query", "message"),
    [("topic:quantum", "unknown topic 'quantum'"), ("topic:a", "did you mean AI, AI Ethics")],
)
def test_an_unknown_topic_is_a_query_error(
    query_index: CorpusIndex, query: str, message: str
) -> None:
    with pytest.raises(QueryError, match=message):
        query_index.search(query)


@pytest.mark.parametrize(
    ("zone", "query", "expected"),
    [
        # banks: 2021-03-12T23:59:59Z is 07:59 on the 13th at UTC+8
        (EAST_OF_UTC, "after:2021-03-13 before:2021-03-14", {"banks"}),
        (EAST_OF_UTC, "after:2021-03-12 before:2021-03-13", set()),
        # gemini: 2023-12-06T00:00:00Z is 19:00 on the 5th at UTC-5
        (WEST_OF_UTC, "after:2023-12-05 before:2023-12-06", {"gemini"}),
        (WEST_OF_UTC, "after:2023-12-06", set()),
    ],
)
def test_after_and_before_count_from_local_midnight(
    query_index: CorpusIndex,
    time_zone: Callable[[str], None],
    zone: str,
    query: str,
    expected: set[str],
) -> None:
    time_zone(zone)
    assert found(query_index, query) == expected


def test_quality_takes_18_digits_and_no_more(query_index: CorpusIndex) -> None:
    """SQLite compares 64-bit integers: a 19-digit bound overflowed in the query."""
    assert found(query_index, "quality>999999999999999999") == set()
    assert found(query_index, "quality<-999999999999999999") == set()
    assert found(query_index, "quality<=999999999999999999") == ALL - {"hangar"}
    with pytest.raises(QueryError) as raised:
        query_index.search("quality>9999999999999999999")
    assert str(raised.value) == (
        "quality> expects a number of at most 18 digits, not '9999999999999999999'"
    )
    with pytest.raises(QueryError, match="^quality<= expects a number of at most 18 digits"):
        query_index.search("quality<=-1000000000000000000")


def test_read_unread_and_starred_follow_the_state_store(
    index: CorpusIndex, state: StateStore
) -> None:
    rows = {Path(row.path).stem: row for row in index.search("")}
    assert found(index, "is:unread") == ALL
    assert found(index, "is:read") == found(index, "is:starred") == set()
    state.set("read", [rows["hangzhou"].identity, rows["hangar"].identity], True)
    state.set("starred", [rows["gemini"].identity], True)
    assert found(index, "is:read") == {"hangzhou", "hangar"}
    assert found(index, "-is:read") == found(index, "is:unread") == ALL - {"hangzhou", "hangar"}
    assert found(index, "is:starred") == {"gemini"}
    assert found(index, "is:starred is:unread") == {"gemini"}
    assert found(index, "-is:starred topic:AI") == UNDER_AI - {"gemini"}
    assert index.results("").unread == len(ALL) - 2
    state.set("read", [rows["hangzhou"].identity], False)
    assert found(index, "is:read") == {"hangar"}


def test_an_unread_query_keeps_the_articles_opened_from_it(
    index: CorpusIndex, state: StateStore
) -> None:
    rows = {Path(row.path).stem: row for row in index.search("")}
    state.set("read", [rows["hangzhou"].identity, rows["hangar"].identity], True)
    query = parse_query("is:unread")
    query.opened = frozenset({rows["hangzhou"].identity})
    assert found(index, query) == ALL - {"hangar"}
    assert index.results(query).unread == len(ALL) - 2  # read all the same
    query = parse_query("-is:read")  # the same list, written the other way
    query.opened = frozenset({rows["hangzhou"].identity})
    assert query.hides_read and found(index, query) == ALL - {"hangar"}
    query = parse_query("is:read")
    query.opened = frozenset({rows["gemini"].identity})
    assert found(index, query) == {"hangzhou", "hangar"}


def test_flags_without_a_state_are_a_query_error(
    query_corpus: Path, index_factory: Callable[..., CorpusIndex]
) -> None:
    bare = index_factory(query_corpus)
    with pytest.raises(QueryError, match="reading state"):
        bare.search("is:unread")
    assert found(bare, "facial") == {"hangzhou", "faces"}


def test_a_star_makes_a_word_a_prefix(query_index: CorpusIndex) -> None:
    assert parse_query("hang* -door*").terms == [Term("hang", prefix=True)]
    assert parse_query("hang* -door*").excluded == [Term("door", prefix=True)]
    assert found(query_index, "hang") == set()
    assert found(query_index, "hang*") == {"hangzhou", "hangar"}
    assert found(query_index, "door hang*") == {"hangar"}
    assert found(query_index, "hang* door") == {"hangar"}
    assert found(query_index, "facial -hang*") == {"faces"}
    assert found(query_index, "*") == ALL  # a star alone holds no word


@pytest.mark.parametrize(
    ("typed", "saved"),
    [
        ("hang", "hang*"),
        ("door hang", "door hang*"),
        ("hang -door", "hang* -door"),  # the last word an article must hold
        ("hang topic:AI ", "hang* topic:AI"),
        ('"hang"', '"hang"'),  # a phrase closed is never a prefix
        ('"facial rec', '"facial rec"*'),  # one being typed ends in one
        ('"facial rec ', '"facial rec"'),  # its last word ended
        ('hang -"door', 'hang* -"door"'),  # left out: the last word held is the prefix
        ('topic:"computer vis', 'topic:"computer vis"'),
        ("hang*", "hang*"),
        ("-hang", "-hang"),
        ("topic:AI", "topic:AI"),
        ("", ""),
    ],
)
def test_the_last_word_typed_is_made_an_explicit_prefix(typed: str, saved: str) -> None:
    assert with_prefix_last(typed) == saved


def test_the_last_word_typed_matches_as_a_prefix(query_index: CorpusIndex) -> None:
    assert found(query_index, with_prefix_last("hang")) == {"hangzhou", "hangar"}
    assert found(query_index, with_prefix_last("door hang")) == {"hangar"}
    assert found(query_index, with_prefix_last("hang door")) == set()  # only the last is a prefix
    assert found(query_index, with_prefix_last('"hang"')) == set()
    assert found(query_index, with_prefix_last("hangzhou")) == {"hangzhou"}
    assert found(query_index, with_prefix_last('"facial rec')) == {"hangzhou"}
    assert found(query_index, '"facial rec"') == set()


def test_sorting_and_limits(query_index: CorpusIndex) -> None:
    by_date = [Path(row.path).stem for row in query_index.search("")]
    assert by_date == ["gemini", "faces", "ethics", "tensorflow", "banks", "hangzhou", "hangar"]
    by_quality = [Path(row.path).stem for row in query_index.search("", sort="quality")]
    assert by_quality == ["tensorflow", "gemini", "faces", "banks", "hangzhou", "ethics", "hangar"]
    by_title = [row.title for row in query_index.search("", sort="title")]
    assert by_title == sorted(by_title, key=str.casefold)
    assert [Path(row.path).stem for row in query_index.search("", limit=2)] == ["gemini", "faces"]
    assert [Path(row.path).stem for row in query_index.search("topic:AI", limit=1)] == ["gemini"]
    with pytest.raises(QueryError, match="unknown sort"):
        query_index.search("", sort="heat")


def test_words_narrow_the_scope_in_its_order_and_count_its_unread(
    index: CorpusIndex, state: StateStore
) -> None:
    """Words are matched apart from the rest of the query (see ``results``): the answer
    must be the same as if SQL had done it all, in every sort and after state changes."""
    for sort in ("date", "quality", "title"):
        everything = [row.id for row in index.search("", sort=sort)]
        narrowed = [row.id for row in index.search("-hangar", sort=sort)]
        assert narrowed == [i for i in everything if i in set(narrowed)]
    rows = {Path(row.path).stem: row for row in index.search("")}
    assert index.results("topic:AI facial").unread == 2
    state.set("read", [rows["faces"].identity], True)
    assert index.results("topic:AI facial").unread == 1  # the kept scope saw the change
    without = index.results("topic:AI facial -scanners")  # Hangzhou's body has "scanners"
    assert ([Path(row.path).stem for row in without], without.unread) == (["faces"], 0)
    first = index.results("topic:AI facial", limit=1)
    assert ([Path(row.path).stem for row in first], first.unread) == (["faces"], 0)
    assert len(index.results("facial -facial")) == 0


def test_providers_and_topics_are_folded_once_not_at_each_keystroke(
    index: CorpusIndex, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A scope is compiled at every keystroke: each provider's and topic's name is folded
    the first time, and after only the typed text is."""
    import library.query_sql

    calls: list[str] = []

    def counted(text: str) -> str:
        calls.append(text)
        return fold(text)

    fold = library.query_sql.folded
    monkeypatch.setattr(library.query_sql, "folded", counted)
    for typed in ("provider:t", "provider:ti", "topic:zz", "topic:zzz"):
        with pytest.raises(QueryError) if typed.startswith("topic") else nullcontext():
            found(index, typed)
    assert calls.count("Global Times") == 1
    assert len([text for text in calls if text.startswith("zz")]) == 2  # the typed text


def test_a_provider_indexed_later_is_found(index: CorpusIndex, query_corpus: Path) -> None:
    assert found(index, "provider:zeitung") == set()
    write_document(query_corpus, "later.md", "title: Later\nprovider: Neue Zeitung")
    index.refresh()
    assert found(index, "provider:zeitung") == {"later"}
