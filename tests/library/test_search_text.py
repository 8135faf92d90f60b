"""Greek as the full-text index takes it: each letter without its accents, in modern
and in polytonic text alike."""

from __future__ import annotations

import unicodedata

import pytest

from library.search_text import spaced

GREEK = [*range(0x0370, 0x0400), *range(0x1F00, 0x2000)]


def without_accents(char: str) -> str:
    plain = unicodedata.normalize("NFD", char)
    return unicodedata.normalize("NFC", "".join(c for c in plain if not unicodedata.combining(c)))


def test_modern_greek_loses_its_accents() -> None:
    text = "Η Ελλάδα είναι χώρα της Ευρώπης· ΐ, ϋ, Ώρα"
    assert spaced(text) == "Η Ελλαδα ειναι χωρα της Ευρωπης· ι, υ, Ωρα"


@pytest.mark.parametrize("beside", ["", "είναι ", "Ἀθῆναι "])  # modern, polytonic
def test_every_greek_letter_loses_its_accents(beside: str) -> None:
    letters = [chr(code) for code in GREEK if unicodedata.is_normalized("NFC", chr(code))]
    for letter in letters:
        expected = "".join(without_accents(char) for char in f"{beside}{letter}")
        assert spaced(f"{beside}{letter}") == expected, hex(ord(letter))
