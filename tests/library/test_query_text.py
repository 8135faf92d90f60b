"""Words of a query are only text to the full-text index: operators, quotes and stars
find the rows holding them, or are a query error, never an SQLite syntax error."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from library.index import CorpusIndex
from library.query import QueryError, parse_query, with_prefix_last
from library.scan import FoundFile
from library.search_text import spaced
from library.summaries import index_one
from tests.conftest import IndexFactory, write_document

HOSTILE_QUERIES = [
    '"',
    '""',
    "*",
    "**",
    "a*",
    "NEAR(",
    "NEAR(a b)",
    "OR",
    "a OR b",
    "AND NOT",
    "NOT",
    "-",
    "--",
    "-*",
    "(",
    ")",
    "^",
    "^hang",
    "title:facial",
    "{title}: facial",
    "col:x",
    "'",
    "a'b",
    "\\",
    "%",
    "_",
    "\x00",
    "facial\x00",
    "-\x00",
    "™",
    "…",
    "🙂",
    "hang\u0301",
    "a" * 5000,
    " ".join(["x"] * 500),
]


def _tokens(text: str) -> list[str]:
    """Words as the full-text index splits them (unicode61, diacritics removed, CJK
    characters one word each)."""
    folded = unicodedata.normalize("NFD", spaced(text).lower())
    plain = "".join(char for char in folded if not unicodedata.combining(char))
    return re.findall(r"[^\W_]+", plain)


def _holds(columns: list[list[str]], words: list[str], prefix: bool) -> bool:
    """Whether ``words`` follow each other in one column (the last as a prefix)."""
    for tokens in columns:
        for start in range(len(tokens) - len(words) + 1):
            here = tokens[start : start + len(words)]
            if here[:-1] == words[:-1] and (
                here[-1].startswith(words[-1]) if prefix else here[-1] == words[-1]
            ):
                return True
    return False


def indexed_text(path: str) -> list[str]:
    """The columns of the full-text index for a file, as indexing gives them (the index
    keeps no copy of the text)."""
    done = index_one(FoundFile(path, 0, 0, False, str(Path(path).parent)))
    article = done.article
    assert article is not None
    provider = f"{article.provider_name} {article.provider_domain}"
    return [article.title, done.excerpt, provider, " ".join(done.topics), done.body]


def expected_paths(index: CorpusIndex, text: str) -> set[str] | None:
    """What a search must find, worked out in Python with every word taken as text:
    the articles of the query without its words, holding each word (as a phrase of the
    tokens it has) and none of the excluded; ``None`` when the query language itself
    rejects ``text``."""
    try:
        query = parse_query(text)
    except QueryError:
        return None
    try:
        scope = index.search(replace(query, terms=[], excluded=[]))
    except QueryError:  # an unknown topic, say
        return None
    columns = {row.id: [_tokens(value) for value in indexed_text(row.path)] for row in scope}
    wanted = [(words, term.prefix) for term in query.terms if (words := _tokens(term.text))]
    unwanted = [(words, term.prefix) for term in query.excluded if (words := _tokens(term.text))]
    # A term the index holds nothing of but symbols beyond ASCII's (``🦄``) is looked for
    # in titles, as it is written.
    titled = [term.text for term in query.terms if _symbols_only(term.text)]
    untitled = [term.text for term in query.excluded if _symbols_only(term.text)]
    return {
        row.path
        for row in scope
        if all(_holds(columns[row.id], words, last_prefix) for words, last_prefix in wanted)
        and not any(_holds(columns[row.id], words, last_prefix) for words, last_prefix in unwanted)
        and all(text in row.title for text in titled)
        and not any(text in row.title for text in untitled)
    }


def _symbols_only(text: str) -> bool:
    return bool(text.strip()) and not text.isascii() and not _tokens(text)


def assert_searched_as_text(index: CorpusIndex, text: str, prefix: bool) -> None:
    """``text`` (its last word a prefix, as typed, with ``prefix``) finds what
    ``expected_paths`` works out, or is a query error where the language rejects it."""
    text = with_prefix_last(text) if prefix else text
    expected = expected_paths(index, text)
    if expected is None:
        with pytest.raises(QueryError):
            index.search(text)
        return
    assert {row.path for row in index.search(text)} == expected


@pytest.mark.parametrize("text", HOSTILE_QUERIES)
@pytest.mark.parametrize("prefix", [False, True])
def test_fts_syntax_in_a_query_is_only_text(
    query_index: CorpusIndex, text: str, prefix: bool
) -> None:
    """Operators, quotes and stars are words or nothing to the full-text query_index: the
    rows found are those holding the words, never a syntax error from SQLite."""
    assert_searched_as_text(query_index, text, prefix)


FTS_PIECES = st.sampled_from(
    ['"', "*", "-", "(", ")", "^", ":", "NEAR", "OR", "AND", "NOT", "+", "{", "}", "'", " "]
    + ["topic:", "is:", "quality>", "after:", "provider:", "hang", "facial", "\x00", "ä", "_"]
)


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    # Characters the index's tokenizer (Unicode 6.1 tables) and Python class alike.
    text=st.one_of(
        st.text(st.characters(codec="latin-1")), st.lists(FTS_PIECES, max_size=12).map("".join)
    ),
    prefix=st.booleans(),
)
def test_any_text_either_searches_or_is_a_query_error(
    query_index: CorpusIndex, text: str, prefix: bool
) -> None:
    assert_searched_as_text(query_index, text, prefix)


def test_a_term_the_index_holds_nothing_of_finds_the_titles_that_hold_it(
    tmp_path: Path, index_factory: IndexFactory
) -> None:
    """``🦄`` was dropped from the query, and a query of it alone listed every article."""
    folder = tmp_path / "docs"
    write_document(folder, "unicorn.md", 'title: "A 🦄 startup"\n')
    write_document(folder, "plain.md", 'title: "A plain startup"\n')
    index = index_factory(folder)
    assert [row.title for row in index.search("🦄")] == ["A 🦄 startup"]
    assert [row.title for row in index.search("startup -🦄")] == ["A plain startup"]
    assert index.search("🦄 -🦄") == []
