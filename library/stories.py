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
launches Vision Studio with offline sync" / "... with vector search":
``library.story_substitution``). The lede restates
what the headline is about (who, where, what) and rewords its verbs, so a repeated term
is a fact, not wording. On the generated site this parts all 50 look-alike pairs (11
merged before) and splits 19 of its 1,119 same-story pairs (ledes that repeat their own
verbs: "left open" / "exposes"). Names told by capital letters would not do: the sites
and features substituted ("shops" / "housing estates") are lower case in the excerpts.
In writing without spaces a term is a pair of letters (``library.unspaced``), and the
other article lacks it only where one of its letters is nowhere in it: a rewording pairs
the same words with other neighbours.

Why this method: measured by ``benchmarks/stories.py --compare`` on the same candidates
and labelled set, unweighted similarities cannot tell a paraphrase from a look-alike
sharing a product name: ``rapidfuzz``'s token-set ratio reaches precision 0.95 only at
recall 0.48, and ``datasketch`` MinHash LSH on term sets precision 0.92 at recall 0.04,
both slower than this (IDF cosine: precision 0.999, recall 0.97). Neither is a
dependency.

The order articles are placed in and a story's id: ``library.story_parts``.

Incremental: ``StoryGrouper.restore_and_place`` loads stored members with their story
ids (no comparisons) and puts new ones into them, counting terms over both first, or
taking the whole corpus's counts (``Frequencies``) when only the stored members near
the new ones in time are loaded (``library.story_index``). A batch is ``place`` on an
empty grouper, so a late article placed incrementally meets what the batch would have
compared it with. The index places through ``place_in_order``: its new articles come in
date order, and what no later one can reach (the terms of articles, the stories ended,
more than ``2 * WINDOW`` before) is let go as they come, so grouping a million holds
days of articles, not all of them (each article's date and its place in the postings of
its probes stay: a few numbers; and the terms' ids and counts, ``story_weights``).
"""

from __future__ import annotations

import gc
import math
from bisect import bisect_left, bisect_right, insort
from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from itertools import chain
from operator import mul

from library.story_copies import Copies
from library.story_parts import WINDOW, Story, StoryArticle, placing_order, story_id
from library.story_substitution import substituted
from library.story_weights import ID_MASK, Frequencies, Terms, TermWeights, chunked, rarity_of

JOIN = 0.4  # cosine to the best matching member
SEED = 0.25  # cosine to the story's first member: no drifting along a chain
TITLE_PROBES = 3  # an article's rarest title terms that find its neighbours
PROBES = 2  # and its rarest other terms
CROWDED = 400  # a term with more articles in the window than this finds no one
COMMON = 20  # nor does a term held by one article in this many, once past COMMON_FLOOR
COMMON_FLOOR = 50
MEMBERS = 8  # the latest members compared when the seed alone is not close enough
_CACHED = 16384  # article weights kept at once: memory, not results, depends on it
_FEW = 8  # postings this short are taken whole: the story's own span check still applies
_SHARED = rarity_of(2)  # the least rarity of a term two articles share

_GONE = Terms([], [], [])  # the terms of an article let go (``StoryGrouper._let_go``)
_GONE_STORY = Story("", -1, 0, (0, 0, "", 0))  # the story of an article let go


class StoryGrouper:
    """Stories of the articles placed so far, and the index that finds neighbours.

    Terms become integer ids. Only an article's rarest terms known to more than one
    article (``TITLE_PROBES`` of its title, ``PROBES`` of the rest) are indexed and
    probed: a true neighbour shares rare terms, and short postings keep the search fast.
    Rarity ties break on a checksum of the term, so the choice never depends on the
    order terms were first seen.
    """

    def __init__(self) -> None:
        self._weights = TermWeights()
        self._vectors: dict[int, tuple[dict[int, float], float]] = {}
        # By article index:
        self._terms: list[Terms] = []
        self._published: list[int] = []
        self._numbers: list[set[int] | None] = []  # the numbers in its title
        self._story: list[Story] = []
        self._stories: dict[str, Story] = {}
        self._by_age: deque[Story] = deque()  # as started, so the oldest go first
        self._gone = 0  # articles before this index were let go (``_let_go``)
        self._holders: dict[int, list[int]] = {}  # term id -> article indexes by date
        self._copies: Copies[Story] = Copies()
        self.renames: list[tuple[str, str]] = []  # (old id, new id), as stories were renamed

    def place(self, articles: Iterable[StoryArticle]) -> dict[int, str]:
        """Put new articles into stories (joining one or starting one); their ids."""
        return self.restore_and_place([], articles)

    def restore_and_place(
        self,
        placed: Iterable[tuple[StoryArticle, str]],
        articles: Iterable[StoryArticle],
        corpus: Frequencies | None = None,
    ) -> dict[int, str]:
        """Load the placed with their story ids (not compared again), then ``place`` the
        new articles; their ids.

        Terms are counted over both first, so the restored articles are findable by
        the terms they share with the new ones, as they would be in a batch (restored
        alone, a term only one of them has is not indexed). Given the ``corpus``'s
        counts (which include these articles), terms are weighted by those instead:
        the placed may then be only those near the new ones in time."""
        with _no_collection():
            placed = sorted(placed, key=lambda pair: placing_order(pair[0]))
            articles = sorted(articles, key=placing_order)
            if corpus is None:
                old = (article.signature for article, _ in placed)
                self._weights.count_signatures(chain(old, (a.signature for a in articles)))
            self._restore(placed, corpus)
            result = dict(self._place_sorted(articles, corpus, keep=True))
            for was, now in self.renames:
                result = {a: now if story == was else story for a, story in result.items()}
            self._forget_weights()
            return result

    def _restore(self, placed: list[tuple[StoryArticle, str]], corpus: Frequencies | None) -> None:
        """Add articles already grouped to their stories, without comparing."""
        if corpus is not None:
            self._weights.count = corpus.total
        self._weights.weigh_from(0)
        self._vectors.clear()
        signatures = [article.signature for article, _ in placed]
        for (article, sid), terms in zip(
            placed, self._weights.ids_of(signatures, corpus), strict=True
        ):
            if article.published is None:
                continue
            index, probes = self._add(article.published, terms)
            story = self._stories.get(sid)
            if story is None:
                story = self._new_story(sid, index, article, article.published)
            self._join(story, index, probes)
            self._copies.note(article.signature, len(terms[0]) + len(terms[1]), story)

    def _place_sorted(
        self, articles: Iterable[StoryArticle], corpus: Frequencies | None, keep: bool
    ) -> Iterator[tuple[int, str]]:
        """Place articles given in ``placing_order``: each id with its story's, as placed. Unless
        ``keep``, what no later article can reach is let go as they go (see ``_let_go``)."""
        for chunk in chunked(articles):
            if not keep and chunk[0].published is not None:
                self._let_go(chunk[0].published - 2 * WINDOW)
            terms_of = self._weights.ids_of([article.signature for article in chunk], corpus)
            for article, terms in zip(chunk, terms_of, strict=True):
                if article.published is None:
                    yield article.id, story_id(article.identity)
                    continue
                index, probes = self._add(article.published, terms)
                story = (
                    self._best_story(index, probes)
                    or self._copies.story_of(article.signature, article.published)
                    or self._stories.get(story_id(article.identity))
                )
                if story is None:
                    sid = story_id(article.identity)
                    story = self._new_story(sid, index, article, article.published)
                elif placing_order(article) < story.named_by:  # came late, dated before it
                    self._rename(story, article)
                self._join(story, index, probes)
                self._copies.note(article.signature, len(terms[0]) + len(terms[1]), story)
                yield article.id, story.id

    def _forget_weights(self) -> None:
        """Drop what holds only for this call's counts: it is most of the memory."""
        self._weights.forget_weights()
        self._vectors.clear()

    def _new_story(self, sid: str, seed: int, article: StoryArticle, published: int) -> Story:
        story = Story(sid, seed, published, placing_order(article))
        self._stories[sid] = story
        self._by_age.append(story)
        return story

    def _rename(self, story: Story, article: StoryArticle) -> None:
        """Name a story after an article placed before its earliest member, as a batch
        would (``library.story_parts``); noted in ``renames`` for the stored members."""
        new = story_id(article.identity)
        self.renames.append((story.id, new))
        if self._stories.get(story.id) is story:
            del self._stories[story.id]
        story.id, story.named_by = new, placing_order(article)
        self._stories[new] = story

    def _let_go(self, before: int) -> None:
        """Let go of the terms and stories of articles published ``before``: placing an
        article compares it only with articles and stories within ``WINDOW`` of it, and
        none to come is earlier than ``before + 2 * WINDOW``. Their term ids stay."""
        terms, numbers, published = self._terms, self._numbers, self._published
        index = self._gone
        while index < len(published) and published[index] < before:
            terms[index] = _GONE
            numbers[index] = None
            self._story[index] = _GONE_STORY
            index += 1
        self._gone = index
        while self._by_age and self._by_age[0].last < before:
            story = self._by_age.popleft()
            if self._stories.get(story.id) is story:
                del self._stories[story.id]
            self._copies.forget(story)

    def _add(self, published: int, terms: Terms) -> tuple[int, list[int]]:
        """Record an article; its index and its rarest terms shared with another."""
        index = len(self._terms)
        self._terms.append(terms)
        self._published.append(published)
        weights = self._weights
        self._numbers.append(weights.numeric.intersection(terms[0]) or None)
        rarity = weights.rarity.__getitem__
        title = sorted(map(rarity, terms[0]))
        rest = sorted(map(rarity, terms[1]))
        common = rarity_of(max(COMMON_FLOOR, weights.count // COMMON) + 1)
        title_from, rest_from = bisect_left(title, _SHARED), bisect_left(rest, _SHARED)
        title_to, rest_to = bisect_left(title, common), bisect_left(rest, common)
        ranked = title[title_from : min(title_from + TITLE_PROBES, title_to)]
        ranked += rest[rest_from : min(rest_from + PROBES, rest_to)]
        return index, [key & ID_MASK for key in ranked]

    def _join(self, story: Story, index: int, probes: list[int]) -> None:
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
            idf, title_idf = self._weights.idf, self._weights.title_idf
            weights = dict(zip(rest, map(idf.__getitem__, rest), strict=True))
            weights.update(zip(title, map(title_idf.__getitem__, title), strict=True))
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
        if score >= SEED and substituted(
            self._terms[a], self._terms[b], wa, wb, self._weights.unspaced
        ):
            return 0.0
        return score

    def _best_story(self, index: int, probes: list[int]) -> Story | None:
        """The story this article joins, if any (see the module's rule)."""
        published = self._published[index]
        when = self._published.__getitem__
        story_of = self._story.__getitem__
        candidates: set[Story] = set()
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


def group(articles: Iterable[StoryArticle]) -> dict[int, str]:
    """Every article's story id, grouping from scratch."""
    return StoryGrouper().place(articles)


def place_in_order(
    placed: Iterable[tuple[StoryArticle, str]],
    articles: Iterable[StoryArticle],
    corpus: Frequencies,
    renames: list[tuple[str, str]] | None = None,
) -> Iterator[tuple[int, str]]:
    """``restore_and_place`` for new articles given in ``placing_order`` (by date), each
    id with its story's as it is placed: only what is within reach of the articles to
    come is held, not every article of a corpus. The stories renamed meanwhile are
    added to ``renames`` (old id, new id), in order, for the caller to rename the
    members already stored (and the placed given the old id before)."""
    grouper = StoryGrouper()
    if renames is not None:
        grouper.renames = renames
    with _no_collection():
        grouper._restore(sorted(placed, key=lambda pair: placing_order(pair[0])), corpus)
        yield from grouper._place_sorted(articles, corpus, keep=False)
