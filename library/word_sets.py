"""Which articles hold each common word, and each common start of a word, kept in the index.

A word typed into the filter is looked up as a prefix, and a common start ("m", "mo",
"mod") matches most of a large corpus: the full-text index merges the postings of every
word with that start and hands over most ids, on every keystroke, at a cost that grows
with the corpus. So for each start of a word, and each whole word, that at least
``COMMON`` articles hold, the set of them is kept: as bits over the members of the set
one letter shorter (a word's over its own start), compressed, so that a set much like
its parent costs little.

The sets are built after the articles are stored, over the articles up to
``upto``. Articles stored after that are also written to a small full-text index of
their own (``recent_text``), which answers for them at the cost of their number: a
prefix query on the whole index merges every posting of the start whatever range of
ids is asked. Once they are many, the sets are built again and that index emptied.
Ids are never reused (``next_article_id``): a removed article leaves bits that no list
holds, never a wrong one.
"""

from __future__ import annotations

import sqlite3
import zlib
from collections import OrderedDict
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from library.results import id_array, id_mask
from library.schema import BULK, next_article_id

if TYPE_CHECKING:
    import numpy

    from library.query import Term

COMMON = 30_000  # articles a start must be held by to be kept: fewer cost little to look up
RECENT_SHARE = 32  # the sets are built again once this share of those covered came after
_DECODED = 4  # decoded sets kept: the parent of the next keystroke's
_ROOT = ("", True)  # the empty start: every article up to ``upto``; its row says sets were built
_LOOKUP = "SELECT group_concat(rowid) FROM {table} WHERE {table} MATCH ?"


def kept_key(term: Term) -> tuple[str, bool] | None:
    """The key a term's set would be kept under: its text as the full-text index folds it,
    and whether it is a prefix; ``None`` for text the sets do not cover (anything but
    ASCII letters and digits, which the index would split or fold otherwise)."""
    text = term.text.lower()
    return (text, term.prefix) if text.isascii() and text.isalnum() else None


def phrase(text: str, prefix: bool) -> str:
    """The FTS5 phrase for a word or a start of one."""
    quoted = '"' + text.replace('"', '""') + '"'
    return quoted + "*" if prefix else quoted


class KeptSets:
    """The kept sets read through one connection, the last few decoded kept for the next
    keystroke (which asks for one letter more: its parent's child)."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db
        self._version: int | None = None
        self._upto: int | None = None
        self._decoded: OrderedDict[tuple[str, bool], numpy.ndarray] = OrderedDict()

    def holding(self, key: tuple[str, bool], version: int) -> numpy.ndarray | None:
        """For each article id, whether it holds the word or start ``key``: the kept set
        with the recent articles' answer added. ``None`` when no set is kept for it."""
        if version != self._version:
            self._version, self._decoded = version, OrderedDict()
            self._upto = kept_upto(self.db)
        kept = self._kept(key) if self._upto is not None else None
        if kept is None:
            return None
        recent = id_array(
            self.db.execute(_LOOKUP.format(table="recent_text"), (phrase(*key),)).fetchone()[0]
        )
        if not len(recent):
            return kept
        mask = id_mask(recent, len(kept))
        mask[: len(kept)] |= kept
        return mask

    def _kept(self, key: tuple[str, bool]) -> numpy.ndarray | None:
        """The decoded set of ``key`` over the ids up to ``upto``, if kept."""
        found = self._decoded.get(key)
        if found is not None:
            self._decoded.move_to_end(key)
            return found
        row = self.db.execute(
            "SELECT bits FROM word_sets WHERE text = ? AND prefix = ?", key
        ).fetchone()
        if row is None:
            return None
        import numpy

        assert self._upto is not None
        text, prefix = key
        parent = _parent(text, prefix)
        bits = numpy.frombuffer(zlib.decompress(row[0]), numpy.uint8)
        if parent == _ROOT:
            decoded = numpy.unpackbits(bits, count=self._upto + 1).view(bool)
        else:
            over = self._kept(parent)
            if over is None:  # a parent is kept whenever its child is
                return None
            decoded = numpy.zeros(len(over), bool)
            decoded[over] = numpy.unpackbits(bits, count=int(numpy.count_nonzero(over))).view(bool)
        decoded.setflags(write=False)  # kept for later keys: whoever is handed it only reads
        self._decoded[key] = decoded
        if len(self._decoded) > _DECODED:
            self._decoded.popitem(last=False)
        return decoded


def _parent(text: str, prefix: bool) -> tuple[str, bool]:
    """The set a set's bits are over: the start one letter shorter, or a word's own start."""
    return (text[:-1], True) if prefix else (text, True)


def kept_upto(db: sqlite3.Connection) -> int | None:
    """The last id the kept sets cover; ``None`` when none were built."""
    found = db.execute("SELECT upto FROM word_sets WHERE text = ? AND prefix = ?", _ROOT).fetchone()
    return found[0] if found else None


Built = tuple[int, list[tuple[str, bool, bytes]]]  # the last id covered, and each set


def keep(db: sqlite3.Connection, common: int = COMMON) -> bool:
    """Build the sets again here if they are due (``due``); whether they were. Runs in
    the caller's transaction."""
    upto = due(db, common)
    return upto is not None and store(db, (upto, built(db, upto, common)))


def due(db: sqlite3.Connection, common: int = COMMON) -> int | None:
    """The id to build the sets up to, if many articles came since they were built (or
    they never were, and the corpus is large enough to hold a common word)."""
    top = next_article_id(db) - 1
    upto = kept_upto(db)
    if upto is None and top < common:
        return None
    if upto is not None and top - upto <= max(BULK, upto // RECENT_SHARE):
        return None
    return top


def built_apart(db_path: str) -> Built | None:
    """The sets, if due, built in a worker process of their own."""
    from library.db import connect
    from library.one_worker import run_apart

    db = connect(Path(db_path))
    try:
        upto = due(db, COMMON)
    finally:
        db.close()
    if upto is None:
        return None
    return upto, run_apart(_built_at, (db_path, upto, COMMON), preload="library.word_sets")


@contextmanager
def built_beside(db: sqlite3.Connection, db_path: str) -> Iterator[None]:
    """Build the sets, if due, in a worker process while the body runs (the index's
    upkeep after a refresh, then the grouping of stories: the sets need neither, and
    the upkeep keeps only one core busy), then store them through ``db``."""
    with ThreadPoolExecutor(1) as beside:
        building = beside.submit(built_apart, db_path)
        yield
        found = building.result()
    if found is not None:
        with db:
            store(db, found)


def _built_at(db_path: str, upto: int, common: int) -> list[tuple[str, bool, bytes]]:
    from library.db import connect

    db = connect(Path(db_path))
    try:
        return built(db, upto, common)
    finally:
        db.close()


def store(db: sqlite3.Connection, found: Built) -> bool:
    """Put built sets in the place of those kept, unless articles came since they were
    built (the next refresh builds them again); whether they were put."""
    upto, sets = found
    if next_article_id(db) - 1 != upto:
        return False
    forget_all(db)
    db.executemany(
        "INSERT INTO word_sets VALUES (?, ?, ?, ?)",
        [(text, prefix, upto, bits) for text, prefix, bits in sets] + [(*_ROOT, upto, b"")],
    )
    return True


def forget_all(db: sqlite3.Connection) -> None:
    """No sets, and no recent index: a cold index stores every article afresh."""
    db.execute("DELETE FROM word_sets")
    db.execute("INSERT INTO recent_text (recent_text) VALUES ('delete-all')")


@dataclass
class _Start:
    """A start of a word met in the sorted vocabulary, while the words under it pass."""

    text: str
    held: int = 0  # articles holding a word under it, counted once per word: an upper bound
    word: int = 0  # articles holding the start as a whole word
    common: list[str] = field(default_factory=list)  # longer starts held often enough
    rest: set[str] = field(default_factory=set)  # next characters of the other words under it


def built(db: sqlite3.Connection, upto: int, common: int) -> list[tuple[str, bool, bytes]]:
    """Every set held by ``common`` articles or more among those up to ``upto``, built
    from the vocabulary walked in order: each start is finished when the words under it
    have passed, its longer starts before it, so each is the union of theirs and of one
    lookup of the rest."""
    builder = _Builder(db, upto, common)
    stack = [_Start("")]
    for term, held in _vocabulary(db):
        while not term.startswith(stack[-1].text):
            builder.finish(stack.pop(), stack[-1])
        for end in range(len(stack[-1].text) + 1, _keyed_length(term) + 1):
            stack.append(_Start(term[:end]))
        top = stack[-1]
        top.held += held
        if len(top.text) == len(term):
            top.word = held
        else:
            top.rest.add(term[len(top.text)])
    while len(stack) > 1:
        builder.finish(stack.pop(), stack[-1])
    builder.finish_root(stack[0])
    return builder.sets


def _vocabulary(db: sqlite3.Connection) -> Iterator[tuple[str, int]]:
    """Each word of the full-text index with how many articles hold it, in order."""
    db.execute(
        "CREATE VIRTUAL TABLE IF NOT EXISTS temp.words USING fts5vocab(main, article_text, row)"
    )
    yield from db.execute("SELECT term, doc FROM temp.words")


def _keyed_length(term: str) -> int:
    """How many leading characters of ``term`` a kept set's key may hold."""
    for at, character in enumerate(term):
        if not (character.isascii() and character.isalnum()):
            return at
    return len(term)


class _Builder:
    """Finishes starts: looks up what their longer starts do not cover, and writes the
    sets of those longer starts over theirs."""

    def __init__(self, db: sqlite3.Connection, upto: int, common: int) -> None:
        self.db = db
        self.upto = upto
        self.common = common
        self._finished: dict[str, numpy.ndarray] = {}  # by text: packed sets awaiting a parent
        self.sets: list[tuple[str, bool, bytes]] = []  # (text, prefix, bits) of each kept

    def finish(self, start: _Start, parent: _Start) -> None:
        """Finish ``start``, whose words have all passed, and tell ``parent`` of it."""
        parent.held += start.held
        if start.held < self.common:  # its parent looks its words up with the rest
            parent.rest.add(start.text[len(parent.text)])
            return
        import numpy

        phrases = [phrase(start.text + character, True) for character in sorted(start.rest)]
        word = self._lookup(phrase(start.text, False)) if start.word else None
        holds = self._lookup(" OR ".join(phrases)) if phrases else numpy.zeros(self.upto + 1, bool)
        children = [(text, self._take(text)) for text in start.common]
        parts = [child for _, child in children] + ([word] if word is not None else [])
        for part in parts:
            holds |= part
        if word is not None and start.word >= self.common:
            self._write(start.text, False, word[holds])
        self._write_starts(children, holds)
        parent.common.append(start.text)
        self._finished[start.text] = numpy.packbits(holds)

    def finish_root(self, root: _Start) -> None:
        """Write the one-letter starts over every id."""
        self._write_starts([(text, self._take(text)) for text in root.common], None)

    def _write_starts(
        self, children: list[tuple[str, numpy.ndarray]], over: numpy.ndarray | None
    ) -> None:
        """Write the longer starts held often enough, as bits over the members of ``over``
        (every id when ``None``)."""
        import numpy

        for text, child in children:
            if numpy.count_nonzero(child) >= self.common:
                self._write(text, True, child if over is None else child[over])

    def _take(self, text: str) -> numpy.ndarray:
        import numpy

        packed = self._finished.pop(text)
        return numpy.unpackbits(packed, count=self.upto + 1).view(bool)

    def _lookup(self, expression: str) -> numpy.ndarray:
        found = id_array(
            self.db.execute(_LOOKUP.format(table="article_text"), (expression,)).fetchone()[0]
        )
        return id_mask(found[found <= self.upto], self.upto + 1)

    def _write(self, text: str, prefix: bool, bits: numpy.ndarray) -> None:
        import numpy

        self.sets.append((text, prefix, zlib.compress(numpy.packbits(bits).tobytes(), 6)))
