"""Which articles hold a word starting with each letter or digit, kept in the index.

The first letter of a word typed into the filter matches most of a corpus. Asked of
the full-text index, it reads a posting for most articles and hands over a string
of most ids: a cost that grows with the corpus, the slowest keystroke of a large
one. So the answer for each of the 36 one-character prefixes is kept, as a bitmap
over article ids (125 kB for a million articles), and a refresh only adds the
articles stored since the last one. Ids are never reused (``next_article_id``), so
a removed article leaves a bit that no list holds, never a wrong one.
"""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

from library.results import id_array

if TYPE_CHECKING:
    import numpy

    from library.query import Term

LETTERS = "abcdefghijklmnopqrstuvwxyz0123456789"
# The words of a removed article stay in the full-text index (see ``schema``): only the
# ids up to the newest stored are asked for.
_ADDED = (
    "SELECT group_concat(rowid) FROM article_text "
    "WHERE article_text MATCH ? AND rowid > ? AND rowid <= ?"
)


def kept_letter(term: Term) -> str | None:
    """The letter whose set is kept that ``term`` asks for, if it is a one-letter prefix
    (a letter's case does not matter to the full-text index)."""
    letter = term.text.lower()
    return letter if term.prefix and len(letter) == 1 and letter in LETTERS else None


def update(db: sqlite3.Connection) -> None:
    """Add the articles stored since the last update to every letter's set."""
    import numpy

    top = db.execute("SELECT max(id) FROM articles").fetchone()[0] or 0
    kept = {row[0]: row[1:] for row in db.execute("SELECT letter, upto, bits FROM letter_sets")}
    for letter in LETTERS:
        upto, bits = kept.get(letter, (0, b""))
        if upto >= top:
            continue
        added = id_array(db.execute(_ADDED, (f'"{letter}"*', upto, top)).fetchone()[0])
        holds = numpy.zeros(top + 1, bool)
        old = numpy.unpackbits(numpy.frombuffer(bits, numpy.uint8)).view(bool)[: upto + 1]
        holds[: len(old)] = old
        holds[added] = True
        db.execute(
            "INSERT OR REPLACE INTO letter_sets VALUES (?, ?, ?)",
            (letter, top, numpy.packbits(holds).tobytes()),
        )


def holding(db: sqlite3.Connection, letter: str) -> numpy.ndarray | None:
    """For each article id, whether the article holds a word starting with ``letter``
    (a boolean array indexed by id); ``None`` while the set does not cover every
    article stored (a refresh is adding some)."""
    import numpy

    row = db.execute("SELECT upto, bits FROM letter_sets WHERE letter = ?", (letter,)).fetchone()
    top = db.execute("SELECT max(id) FROM articles").fetchone()[0] or 0
    if row is None or row[0] < top:
        return None
    return numpy.unpackbits(numpy.frombuffer(row[1], numpy.uint8)).view(bool)[: row[0] + 1]
