"""Grouping news articles into stories: one event, many write-ups, one row.

Each article is compared only with the stories of earlier-placed articles that share one
of its rarest terms (an inverted index of signature terms, sliced to the time window).
The score is the cosine of IDF-weighted term sets, title terms counting double. A story
scores its seed's (first member's) cosine, or, when that is between ``SEED`` and
``JOIN``, the best of its latest ``MEMBERS``: no drifting along a chain of small
changes. The article joins the best story scoring at least ``JOIN`` that would still
span at most ``WINDOW`` seconds; otherwise it starts a story. Precision comes first: a
wrong merge hides news, a missed one costs a row. So two articles are never alike when
their titles carry numbers that disagree (each has one the other lacks: "AI Every Day
(2021-04-27)" / "(2021-04-28)"), nor when their titles say nearly the same thing but
each holds a term its own excerpt repeats that the other article lacks entirely: a
substitution ("Boston bans facial recognition in schools" / "Turin bans ..."; "Acme
launches Vision Studio with offline sync" / "... with vector search"). The lede restates
what the headline is about (who, where, what) and rewords its verbs, so a repeated term
is a fact, not wording. On the generated site this parts all 50 look-alike pairs (11
merged before) and splits 19 of its 1,119 same-story pairs (ledes that repeat their own
verbs: "left open" / "exposes"). Names told by capital letters would not do: the sites
and features substituted ("shops" / "housing estates") are lower case in the excerpts.

Why this method: measured by ``benchmarks/stories.py --compare`` on the same candidates
and labelled set, unweighted similarities cannot tell a paraphrase from a look-alike
sharing a product name: ``rapidfuzz``'s token-set ratio reaches precision 0.95 only at
recall 0.48, and ``datasketch`` MinHash LSH on term sets precision 0.92 at recall 0.04,
both slower than this (IDF cosine: precision 0.999, recall 0.97). Neither is a
dependency.

Order: articles are placed by (published, identity, id), so the result does not depend
on the order they are given in, and the earliest member of a batch-grouped story is its
seed. Articles without a date each stand alone (no time, no story).

Ids: a story's id is ``story_id(seed identity)``, a hash of its seed's identity, so it is
the same on every run over the same corpus. An article placed later joins an existing
story without renaming it (even one published before the seed); only a full regroup
names the story after its earliest member again. Articles with one identity are one
article, so one story.

Incremental: ``StoryGrouper.restore_and_place`` loads stored members with their story
ids (no comparisons) and puts new ones into them, counting terms over both first, or
taking the whole corpus's counts (``Frequencies``) when only the stored members near
the new ones in time are loaded (``library.story_index``). A batch is ``place`` on an
empty grouper, so a late article placed incrementally meets what the batch would have
compared it with.
"""

from __future__ import annotations

import gc
import hashlib
import math
import zlib
from bisect import bisect_left, bisect_right, insort
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from itertools import chain
from operator import mul
from typing import NamedTuple

from library.signature import split_signature

DAY = 86_400
WINDOW = 6 * DAY  # the longest a story may span, first to last member
JOIN = 0.4  # cosine to the best matching member
SEED = 0.25  # cosine to the story's first member: no drifting along a chain
TITLE_WEIGHT = 2.0
TITLE_PROBES = 3  # an article's rarest title terms that find its neighbours
PROBES = 2  # and its rarest other terms
CROWDED = 400  # a term with more articles in the window than this finds no one
COMMON = 20  # nor does a term held by one article in this many, once past COMMON_FLOOR
COMMON_FLOOR = 50
MEMBERS = 8  # the latest members compared when the seed alone is not close enough
SHARED = 0.5  # of each title's terms, for two titles to say nearly the same thing
TERMS_CHUNK = 10_000  # articles whose terms are split at once: memory, not results
_CACHED = 16384  # article weights kept at once: memory, not results, depends on it
_FEW = 8  # postings this short are taken whole: the story's own span check still applies
_ID_BITS = 32
_ID_MASK = (1 << _ID_BITS) - 1
_CHECKSUM_BITS = 32
_SHARED = 2 << _CHECKSUM_BITS << _ID_BITS  # the least rarity of a term two articles share


class _Terms(NamedTuple):
    """An article's term ids: its title's, its excerpt's others, and the title's terms
    the excerpt repeats."""

    title: list[int]
    rest: list[int]
    repeated: list[int]


class Frequencies(NamedTuple):
    """Document frequencies of terms in a corpus of ``total`` signed articles."""

    total: int
    df: Mapping[str, int]


class StoryArticle(NamedTuple):
    """What grouping needs of one article (``signature`` from ``library.signature``)."""

    id: int
    published: int | None
    identity: str
    signature: str


STORY_DIGITS = 12  # hex digits of a story id: it fits a 64-bit integer


def story_id(identity: str) -> str:
    """A story's id from its seed's identity: short, stable, safe in a query."""
    return hashlib.blake2b(identity.encode(), digest_size=STORY_DIGITS // 2).hexdigest()


class _Story:
    __slots__ = ("id", "seed", "first", "last", "members")

    def __init__(self, sid: str, seed: int, published: int) -> None:
        self.id = sid
        self.seed = seed  # index of the first member in the grouper's articles
        self.first = published
        self.last = published
        self.members: list[int] = []

    def spans(self, published: int) -> bool:
        """Whether the story would still fit the window with this article in it."""
        return max(self.last, published) - min(self.first, published) <= WINDOW


class StoryGrouper:
    """Stories of the articles placed so far, and the index that finds neighbours.

    Terms become integer ids. Only an article's rarest terms known to more than one
    article (``TITLE_PROBES`` of its title, ``PROBES`` of the rest) are indexed and
    probed: a true neighbour shares rare terms, and short postings keep the search fast.
    Rarity ties break on a checksum of the term, so the choice never depends on the
    order terms were first seen.
    """

    def __init__(self) -> None:
        self._ids: dict[str, int] = {}  # term -> id
        self._df: list[int] = []  # by term id
        self._checksums: list[int] = []  # by term id
        self._numeric: set[int] = set()  # the ids of terms that are numbers
        self._count = 0
        # Weights for one call's counts, dropped after it (they are most of the memory).
        self._idf: list[float] = []  # by term id
        self._title_idf: list[float] = []
        self._rarity: list[int] = []  # sorting these sorts term ids rarest first
        self._vectors: dict[int, tuple[dict[int, float], float]] = {}
        # By article index:
        self._terms: list[_Terms] = []
        self._published: list[int] = []
        self._numbers: list[set[int] | None] = []  # the numbers in its title
        self._story: list[_Story] = []
        self._stories: dict[str, _Story] = {}
        self._holders: dict[int, list[int]] = {}  # term id -> article indexes by date

    def restore(self, placed: Iterable[tuple[StoryArticle, str]]) -> None:
        """Load articles already grouped, with their story ids, without comparing."""
        self.restore_and_place(placed, [])

    def place(self, articles: Iterable[StoryArticle]) -> dict[int, str]:
        """Put new articles into stories (joining one or starting one); their ids."""
        return self.restore_and_place([], articles)

    def restore_and_place(
        self,
        placed: Iterable[tuple[StoryArticle, str]],
        articles: Iterable[StoryArticle],
        corpus: Frequencies | None = None,
    ) -> dict[int, str]:
        """``restore`` the placed, then ``place`` the new articles; their ids.

        Terms are counted over both first, so the restored articles are findable by
        the terms they share with the new ones, as they would be in a batch (restored
        alone, a term only one of them has is not indexed). Given the ``corpus``'s
        counts (which include these articles), terms are weighted by those instead:
        the placed may then be only those near the new ones in time."""
        with _no_collection():
            placed = sorted(placed, key=lambda pair: _order(pair[0]))
            articles = sorted(articles, key=_order)
            parsed = self._count_terms([article for article, _ in placed] + articles, corpus)
            for (article, sid), terms in zip(placed, parsed, strict=False):
                if article.published is None:
                    continue
                index, probes = self._add(article.published, terms)
                story = self._stories.get(sid)
                if story is None:
                    story = self._stories[sid] = _Story(sid, index, article.published)
                self._join(story, index, probes)
            result: dict[int, str] = {}
            for article, terms in zip(articles, parsed[len(placed) :], strict=True):
                if article.published is None:
                    result[article.id] = story_id(article.identity)
                    continue
                index, probes = self._add(article.published, terms)
                story = self._best_story(index, probes) or self._stories.get(
                    story_id(article.identity)
                )
                if story is None:
                    story = _Story(story_id(article.identity), index, article.published)
                    self._stories[story.id] = story
                self._join(story, index, probes)
                result[article.id] = story.id
            self._forget_weights()
            return result

    def _count_terms(
        self, articles: list[StoryArticle], corpus: Frequencies | None
    ) -> list[_Terms]:
        """Count document frequencies (weights follow them), or take the ``corpus``'s;
        each article's term ids. A chunk of articles at a time: every term of a million
        articles split at once was gigabytes of strings."""
        terms: list[_Terms] = []
        for start in range(0, len(articles), TERMS_CHUNK):
            chunk = articles[start : start + TERMS_CHUNK]
            parsed = [split_signature(article.signature) for article in chunk]
            self._register(
                chain.from_iterable(chain.from_iterable((t, r) for t, r, _ in parsed)), corpus
            )
            to_id = self._ids.__getitem__
            terms += [
                _Terms(list(map(to_id, title)), list(map(to_id, rest)), list(map(to_id, repeated)))
                for title, rest, repeated in parsed
            ]
        self._count = corpus.total if corpus is not None else self._count + len(articles)
        total = self._count + 1
        df = self._df
        self._idf = [math.log(total / count) for count in df]
        self._title_idf = [TITLE_WEIGHT * idf for idf in self._idf]
        self._rarity = [
            (count << _CHECKSUM_BITS | checksum) << _ID_BITS | term
            for term, (count, checksum) in enumerate(zip(df, self._checksums, strict=True))
        ]
        self._vectors.clear()
        return terms

    def _register(self, held: Iterable[str], corpus: Frequencies | None) -> None:
        """Give the terms ``held`` (each article's once) ids in first-seen order, and their
        counts: added to the grouper's own, or the ``corpus``'s (which already include
        these articles: only which terms they hold is new)."""
        counts: Mapping[str, int]
        if corpus is None:
            counts = Counter(held)
        else:
            counts = {term: corpus.df.get(term) or 1 for term in dict.fromkeys(held)}
        ids, df = self._ids, self._df
        for term, count in counts.items():
            known = ids.get(term)
            if known is None:
                ids[term] = known = len(df)
                df.append(count)
                self._checksums.append(zlib.crc32(term.encode()))
                if term[0].isdigit():
                    self._numeric.add(known)
            elif corpus is None:
                df[known] += count
            else:
                df[known] = count

    def _forget_weights(self) -> None:
        """Drop what holds only for this call's counts: it is most of the memory."""
        self._idf, self._title_idf, self._rarity = [], [], []
        self._vectors.clear()

    def _add(self, published: int, terms: _Terms) -> tuple[int, list[int]]:
        """Record an article; its index and its rarest terms shared with another."""
        index = len(self._terms)
        self._terms.append(terms)
        self._published.append(published)
        self._numbers.append(self._numeric.intersection(terms[0]) or None)
        rarity = self._rarity.__getitem__
        title = sorted(map(rarity, terms[0]))
        rest = sorted(map(rarity, terms[1]))
        common = (max(COMMON_FLOOR, self._count // COMMON) + 1) << _CHECKSUM_BITS << _ID_BITS
        title_from, rest_from = bisect_left(title, _SHARED), bisect_left(rest, _SHARED)
        title_to, rest_to = bisect_left(title, common), bisect_left(rest, common)
        ranked = title[title_from : min(title_from + TITLE_PROBES, title_to)]
        ranked += rest[rest_from : min(rest_from + PROBES, rest_to)]
        return index, [key & _ID_MASK for key in ranked]

    def _join(self, story: _Story, index: int, probes: list[int]) -> None:
        """Make the article a member of the story and findable by its probes."""
        published = self._published[index]
        story.first = min(story.first, published)
        story.last = max(story.last, published)
        story.members.append(index)
        self._story.append(story)
        holders_of = self._holders
        for term in probes:
            holders = holders_of.get(term)
            if holders is None:
                holders_of[term] = [index]
            elif self._published[holders[-1]] <= published:
                holders.append(index)
            else:
                insort(holders, index, key=self._published.__getitem__)

    def _vector(self, index: int) -> tuple[dict[int, float], float]:
        """IDF weights of an article's terms (title terms doubled) and their norm."""
        cached = self._vectors.get(index)
        if cached is None:
            if len(self._vectors) >= _CACHED:
                self._vectors.clear()  # old articles fall out of the window anyway
            title, rest, _ = self._terms[index]
            weights = dict(zip(rest, map(self._idf.__getitem__, rest), strict=True))
            weights.update(zip(title, map(self._title_idf.__getitem__, title), strict=True))
            cached = self._vectors[index] = (weights, math.hypot(*weights.values()) or 1.0)
        return cached

    def _similarity(self, a: int, b: int) -> float:
        """Cosine of the two articles' weighted terms; none if their titles' numbers
        disagree (each has one the other lacks: "(2021-04-27)" / "(2021-04-28)")."""
        numbers_a, numbers_b = self._numbers[a], self._numbers[b]
        if numbers_a and numbers_b and not (numbers_a <= numbers_b or numbers_b <= numbers_a):
            return 0.0
        wa, na = self._vector(a)
        wb, nb = self._vector(b)
        shared = wa.keys() & wb.keys()
        dot: float = sum(map(mul, map(wa.__getitem__, shared), map(wb.__getitem__, shared)))
        score = dot / (na * nb)
        if score >= SEED and self._substitution(self._terms[a], self._terms[b], wa, wb):
            return 0.0
        return score

    @staticmethod
    def _substitution(
        a: _Terms, b: _Terms, weights_a: dict[int, float], weights_b: dict[int, float]
    ) -> bool:
        """Whether two titles say nearly the same thing (they share at least ``SHARED``
        of each one's terms) but each holds a term its own excerpt repeats that the other
        article lacks entirely: another place, company, product or feature, so another
        event ("Boston bans facial recognition in schools" / "Turin bans ..."). A rewording
        changes the headline's verbs, which the excerpt does not repeat."""
        if all(term in weights_b for term in a.repeated):
            return False
        if all(term in weights_a for term in b.repeated):
            return False
        shared = len(set(a.title).intersection(b.title))
        return shared >= SHARED * len(a.title) and shared >= SHARED * len(b.title)

    def _best_story(self, index: int, probes: list[int]) -> _Story | None:
        """The story this article joins, if any (see the module's rule)."""
        published = self._published[index]
        when = self._published.__getitem__
        story_of = self._story.__getitem__
        candidates: set[_Story] = set()
        for term in probes:
            holders = self._holders.get(term)
            if holders is None:
                continue
            if len(holders) > _FEW:
                low = bisect_left(holders, published - WINDOW, key=when)
                high = bisect_right(holders, published + WINDOW, key=when)
                if high - low > CROWDED:
                    continue
                holders = holders[low:high]
            candidates.update(map(story_of, holders))
        best: tuple[float, str] | None = None
        chosen = None
        for story in candidates:
            if not story.spans(published):
                continue
            score = self._similarity(index, story.seed)
            if score < SEED:
                continue
            if score < JOIN:
                score = max(self._similarity(index, other) for other in story.members[-MEMBERS:])
            if score >= JOIN and (best is None or (score, story.id) > best):
                best, chosen = (score, story.id), story
        return chosen


@contextmanager
def _no_collection() -> Iterator[None]:
    """Pause the cyclic garbage collector: grouping makes a million small objects and
    no cycles, and the collector's repeated passes over them would double its time."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _order(article: StoryArticle) -> tuple[int, int, str, int]:
    published = article.published
    return (published is None, published or 0, article.identity, article.id)


def group(articles: Iterable[StoryArticle]) -> dict[int, str]:
    """Every article's story id, grouping from scratch."""
    return StoryGrouper().place(articles)
