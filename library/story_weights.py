"""Story terms as integer ids, with how many articles hold each and the weights that follow.

Grouping (``library.stories``) weighs a term by how rare it is (IDF) and finds an
article's neighbours through its rarest terms. Terms become integer ids in the order
they are first met, so an article's terms are three short lists of ids, and a term's
weight and rarity are read by id. The counts are the grouper's own (a batch counts
every article before placing any) or a corpus's (``Frequencies``, which include the
articles placed: a term is then weighed when it is first met). Terms are split a chunk
of signatures at a time: every term of a million articles split at once was gigabytes
of strings.
"""

from __future__ import annotations

import math
import zlib
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from itertools import chain, islice
from typing import NamedTuple, TypeVar

from library.signature import SplitSignature, split_signature
from library.unspaced import UNSPACED

TITLE_WEIGHT = 2.0
TERMS_CHUNK = 10_000  # signatures whose terms are split at once: memory, not results
_ID_BITS = 32
ID_MASK = (1 << _ID_BITS) - 1
_CHECKSUM_BITS = 32
Item = TypeVar("Item")


class Terms(NamedTuple):
    """An article's term ids: its title's, its excerpt's others, and the title's terms
    the excerpt repeats."""

    title: list[int]
    rest: list[int]
    repeated: list[int]


class Frequencies(NamedTuple):
    """Document frequencies of terms in a corpus of ``total`` signed articles."""

    total: int
    df: Mapping[str, int]


def rarity_of(df: int) -> int:
    """The least rarity (see ``TermWeights.rarity``) of a term held by ``df`` articles."""
    return df << _CHECKSUM_BITS << _ID_BITS


class TermWeights:
    """Every term met so far: its id, its count, and for the counts of now its weight
    and rarity. Rarity packs the count, a checksum of the term and its id into one
    integer: sorting rarities sorts term ids rarest first, ties broken by the checksum,
    so the order never depends on the order terms were first met (``& ID_MASK`` is the id)."""

    def __init__(self) -> None:
        self.ids: dict[str, int] = {}  # term -> id
        self.df: list[int] = []  # by term id
        self.checksums: list[int] = []  # by term id
        self.numeric: set[int] = set()  # the ids of terms that are numbers
        # The terms of writing without spaces (pairs of letters, ``library.unspaced``).
        self.unspaced: dict[int, str] = {}
        self.count = 0  # the articles counted
        # Weights for the counts of now, dropped after a grouping (most of the memory).
        self.idf: list[float] = []  # by term id
        self.title_idf: list[float] = []
        self.rarity: list[int] = []

    def count_signatures(self, signatures: Iterable[str]) -> None:
        """Add every term of the signatures to the counts, a chunk at a time."""
        for chunk in chunked(signatures):
            self._register(_held([split_signature(text) for text in chunk]), None)
            self.count += len(chunk)

    def ids_of(self, signatures: Iterable[str], corpus: Frequencies | None) -> list[Terms]:
        """The term ids of each signature. Given the ``corpus``, terms not met before are
        weighed now, by its counts; otherwise every term was counted before."""
        parsed = [split_signature(text) for text in signatures]
        if corpus is not None:
            known = len(self.df)
            self._register(_held(parsed), corpus)
            self.weigh_from(known)
        to_id = self.ids.__getitem__
        return [
            Terms(list(map(to_id, title)), list(map(to_id, rest)), list(map(to_id, repeated)))
            for title, rest, repeated in parsed
        ]

    def weigh_from(self, start: int) -> None:
        """The weights of the term ids from ``start`` on, from their counts (all of them,
        from 0, when the counts or the total changed)."""
        total = self.count + 1
        df = self.df[start:]
        idf = [math.log(total / count) for count in df]
        self.idf[start:] = idf
        self.title_idf[start:] = [TITLE_WEIGHT * weight for weight in idf]
        self.rarity[start:] = [
            (count << _CHECKSUM_BITS | checksum) << _ID_BITS | term
            for term, count, checksum in zip(
                range(start, len(self.df)), df, self.checksums[start:], strict=True
            )
        ]

    def forget_weights(self) -> None:
        """Drop what holds only for the counts of now: it is most of the memory."""
        self.idf, self.title_idf, self.rarity = [], [], []

    def _register(self, held: Iterable[str], corpus: Frequencies | None) -> None:
        """Give the terms ``held`` (each article's once) ids in first-met order, and their
        counts: added to the counts so far, or the ``corpus``'s (which already include
        these articles: only which terms they hold is new)."""
        counts: Mapping[str, int]
        if corpus is None:
            counts = Counter(held)
        else:
            counts = {term: corpus.df.get(term) or 1 for term in dict.fromkeys(held)}
        ids, df = self.ids, self.df
        for term, count in counts.items():
            known = ids.get(term)
            if known is None:
                ids[term] = known = len(df)
                df.append(count)
                self.checksums.append(zlib.crc32(term.encode()))
                if term[0].isdigit():
                    self.numeric.add(known)
                elif not term.isascii() and UNSPACED.search(term):
                    self.unspaced[known] = term
            elif corpus is None:
                df[known] += count
            else:
                df[known] = count


def chunked(items: Iterable[Item]) -> Iterator[list[Item]]:
    """``items`` by ``TERMS_CHUNK``: a chunk of signatures is split at once."""
    iterator = iter(items)
    while chunk := list(islice(iterator, TERMS_CHUNK)):
        yield chunk


def _held(parsed: list[SplitSignature]) -> Iterator[str]:
    """The terms of each parsed signature, once each (its title's hold its repeated)."""
    return chain.from_iterable(chain.from_iterable((title, rest) for title, rest, _ in parsed))
