"""The story terms of a text: one spelling for what two write-ups say two ways."""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from library.signature import _WORD, terms, words


@pytest.mark.parametrize(
    ("said", "also_said"),
    [
        ("Leak exposes 38 million records", "leak exposed 38M records"),
        ("Leak exposes 38,000,000 records", "Leak exposes 38m records"),
        ("$16.5 billion deal", "16.5bn deal"),
        ("A.I. rules for the U.S.", "AI rules for the US"),
        ("OpenAI's model", "OpenAI’s model"),
        ("Don't panic", "Dont panic"),
        ("ＡＩ ﬁles", "AI files"),  # full-width letters and a ligature: NFKC
        ("Ｕ.Ｓ. ３８ million", "US 38m"),  # rewritten after NFKC, not before
    ],
)
def test_two_spellings_give_the_same_terms(said: str, also_said: str) -> None:
    assert terms(said) == terms(also_said)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The U.S. firm's 38 million users", ["us", "firm", "38m", "user"]),
        ("e.g. x.y.z. and a.b", ["eg", "xyz"]),  # "a.b" holds no second dot: two letters
        ("‘Quoted’ words, 40k of them", ["quot", "word", "40000"]),
        ("Nations running the nations", ["nation", "runn"]),
        ("It is what it is", []),
    ],
)
def test_terms_are_rewritten_stemmed_and_unique(text: str, expected: list[str]) -> None:
    assert terms(text) == expected


def test_a_word_seen_before_gives_the_same_term() -> None:
    """Terms are remembered per word; a remembered word must not change its term."""
    first = terms("Regulators investigating the merger")
    assert (
        terms("Regulators investigating the merger")
        == first
        == ["regulator", "investigat", "merger"]
    )


@given(st.text(st.characters(min_codepoint=0, max_codepoint=127)))
@example("snake_case, kebab-case; tab\tnew\nline (x)")
@example("38 million records")
def test_the_words_of_plain_text_are_those_the_expression_finds(text: str) -> None:
    """The split that stands in for the expression on lower-case ASCII without a digit
    finds the same words (underscores, controls and punctuation part them); text with a
    digit is told in the same pass, and left to the expression."""
    lower = text.lower()
    has_digit = any(character.isdigit() for character in lower)
    assert words(lower) == (None if has_digit else _WORD.findall(lower))
