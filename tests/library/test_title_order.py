"""The key of the order by title, and when the index keeps it (``library.title_order``)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from library.title_order import stored_title_key, title_key


def test_numbers_go_by_value_and_accents_aside() -> None:
    titles = ["Issue 10", "issue 9", "Éclair", "Zebra", "100 ways", "9 ways"]
    assert sorted(titles, key=title_key) == [
        "9 ways",
        "100 ways",
        "Éclair",
        "issue 9",
        "Issue 10",
        "Zebra",
    ]


def sqlite_lower(text: str) -> str:
    """SQLite's ``lower()``: ASCII's letters alone."""
    return "".join(char.lower() if char.isascii() else char for char in text)


@given(st.text(alphabet=st.characters(max_codepoint=0x17F), max_size=30))
def test_the_sort_reads_the_key_kept_else_lowers_the_title(title: str) -> None:
    kept = stored_title_key(title)
    assert (sqlite_lower(title) if kept is None else kept) == title_key(title)
