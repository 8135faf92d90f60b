"""The order of the list by title: as a person reads titles, case and accents aside and
numbers by value ("Issue 9" before "Issue 10"), as the topic tree orders its names
(``models.topic.by_name``).

SQLite's NOCASE compared digits as letters ("Issue 10" came before "Issue 9") and only
ASCII's case; a collation written in Python would be called some 800,000 times to sort
50,000 titles. So the key is made once, as a file is indexed, and kept only where SQLite
cannot make it itself: a title that its ``lower()`` (ASCII's case only) turns into the
key, most titles, keeps none, and the index holds no second copy of it (``SORT``).
"""

from __future__ import annotations

import re

from library.search_text import folded
from library.signature import has_digit

SORT = "coalesce(a.title_key, lower(a.title))"
"""The key to sort by, in SQL."""

_NUMBER = re.compile(r"\d{1,18}")  # longer runs are several numbers, as ``by_name`` reads them
# A number is written as a mark, its count of digits, then the digits: "9" is "\x0119" and
# "10" "\x01210", so numbers compare by value; the mark comes before any character a title
# holds, so a number comes before text where they meet, as in ``by_name``.
_MARK = "\x01"
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def title_key(title: str) -> str:
    """``title``'s place in the order by title."""
    return _NUMBER.sub(_number, folded(title))


def stored_title_key(title: str) -> str | None:
    """The key the index keeps for ``title``: ``None`` where SQLite's ``lower`` makes it."""
    if title.isascii() and not has_digit(title, ascii_only=True):  # most titles, and
        return None  # it is asked of every file
    key = title_key(title)
    return None if key == title.translate(_ASCII_LOWER) else key


def _number(found: re.Match[str]) -> str:
    digits = str(int(found.group()))
    return f"{_MARK}{chr(ord('0') + len(digits))}{digits}"
