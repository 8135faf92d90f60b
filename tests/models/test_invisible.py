"""Invisible format characters (zero-width spaces, soft hyphens, BOMs...) leave the text a
person reads and searches; the joiners and tags that make an emoji or a word are kept."""

from __future__ import annotations

import sys
import unicodedata

import pytest

from models.document import parse_document
from models.text import repair_text, strip_invisible

KEPT = {
    "family emoji": "👨\u200d👩\u200d👧",
    "skin tone then joiner": "👍🏽\u200d👩",
    "variation selector then joiner": "❤\ufe0f\u200d🔥",
    "flag of England": "🏴\U000e0067\U000e0062\U000e0065\U000e006e\U000e0067\U000e007f",
    "Persian non-joiner": "می\u200cخواهم",
    "Devanagari joiner": "क्\u200dष",
}


def all_format_characters() -> list[str]:
    return [chr(c) for c in range(sys.maxunicode + 1) if unicodedata.category(chr(c)) == "Cf"]


def test_every_format_character_between_latin_letters_is_removed() -> None:
    for char in all_format_characters():
        assert repair_text(f"ab{char}cd") == "abcd", f"U+{ord(char):04X}"


@pytest.mark.parametrize(
    "char", ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\xad", "\u200e", "\U000e0067"]
)
def test_the_usual_invisible_characters_are_removed_from_a_title(char: str) -> None:
    parsed = parse_document(
        f'---\ntitle: "Zero{char}width news"\nexcerpt: "in{char}formation"\n'
        f'provider:\n  name: "Global{char} Times"\n---\n',
        "doc.md",
    )
    article = parsed.article
    assert article is not None
    assert article.title == "Zerowidth news"
    assert article.excerpt == "information"
    assert article.provider is not None and article.provider.name == "Global Times"


def test_an_entity_for_a_zero_width_space_is_removed_too() -> None:
    assert repair_text("Zero&#8203;width") == "Zerowidth"


@pytest.mark.parametrize("text", list(KEPT.values()), ids=list(KEPT))
def test_joiners_and_tags_that_make_an_emoji_or_a_word_are_kept(text: str) -> None:
    assert strip_invisible(text) == text
    assert repair_text(f"Title {text} here") == f"Title {text} here"


def test_a_joiner_or_tag_out_of_place_is_removed() -> None:
    assert strip_invisible("a\u200d👩") == "a👩"
    assert strip_invisible("👩\u200db") == "👩b"
    assert strip_invisible("x\U000e0067\U000e0062y") == "xy"
    assert strip_invisible("\u200dstart and end\u200c") == "start and end"
