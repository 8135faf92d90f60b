"""The alternatives to ``library.stories`` that were measured, on the same articles:

* ``rapidfuzz``: the same candidates and join rule, with ``token_set_ratio`` of the two
  signatures as the similarity instead of the IDF-weighted cosine;
* ``datasketch``: MinHash LSH over signature terms finds the candidates, the estimated
  Jaccard similarity decides, the same time window bounds a story.

Each is given its best threshold on the quality set before it is timed. Needs
``pip install rapidfuzz datasketch`` (neither is a dependency of lede).
"""

from __future__ import annotations

from collections.abc import Callable

import library.stories as stories
from library.signature import signature
from library.stories import WINDOW, StoryArticle, StoryGrouper, story_id
from tests.story_corpus import LabelledArticle, generate, pairs, precision_recall

THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8)


class FuzzyGrouper(StoryGrouper):
    """The shipped grouper with rapidfuzz's token-set ratio as its similarity."""

    def _similarity(self, a: int, b: int) -> float:
        from rapidfuzz.fuzz import token_set_ratio

        ta, ra = self._terms[a]
        tb, rb = self._terms[b]
        return token_set_ratio(" ".join(map(str, ta + ra)), " ".join(map(str, tb + rb))) / 100


def fuzzy_group(items: list[StoryArticle]) -> dict[int, str]:
    return FuzzyGrouper().place(items)


def minhash_group(items: list[StoryArticle], threshold: float) -> dict[int, str]:
    """Greedy in time order: join the most similar earlier article's story in the window."""
    from datasketch import MinHash, MinHashLSH

    ordered = sorted(
        (a for a in items if a.published is not None), key=lambda a: (a.published, a.identity)
    )
    terms = [a.signature.replace("|", " ").encode().split() for a in ordered]
    hashes = MinHash.bulk(terms, num_perm=64)
    lsh = MinHashLSH(threshold=threshold, num_perm=64)
    found: dict[int, str] = {}
    for n, (article, minhash) in enumerate(zip(ordered, hashes, strict=True)):
        best = None
        for other in lsh.query(minhash):
            neighbour = ordered[other]
            if article.published - neighbour.published > WINDOW:
                continue
            score = minhash.jaccard(hashes[other])
            if score >= threshold and (best is None or score > best[0]):
                best = (score, neighbour.id)
        found[article.id] = found[best[1]] if best else story_id(article.identity)
        lsh.insert(n, minhash)
    return found


def _quality(articles: list[LabelledArticle], found: dict[int, str]) -> tuple[float, float]:
    return precision_recall(pairs((a.id, a.story) for a in articles), pairs(found.items()))


def _table(name: str, results: list[tuple[tuple[float, float], float]]) -> None:
    for (precision, recall), threshold in results:
        print(f"  {name} at {threshold}: precision {precision:.3f} recall {recall:.3f}")


def _items(articles: list[LabelledArticle]) -> list[StoryArticle]:
    return [
        StoryArticle(a.id, a.published, a.identity, signature(a.title, a.excerpt)) for a in articles
    ]


def compare(articles: list[LabelledArticle], best_of: Callable[..., float]) -> None:
    """Print each alternative's best precision/recall and its time on ``articles``."""
    labelled = generate(3000, seed=11)
    tuning = _items(labelled)
    join, seed = stories.JOIN, stories.SEED
    fuzzy = []
    for threshold in THRESHOLDS:
        stories.JOIN = stories.SEED = threshold
        fuzzy.append((_quality(labelled, fuzzy_group(tuning)), threshold))
    _table("rapidfuzz", fuzzy)
    best = max(fuzzy, key=lambda q: (q[0][0] >= 0.95, q[0][1]))
    items = _items(articles)
    stories.JOIN = stories.SEED = best[1]
    seconds = best_of(1, lambda: fuzzy_group(items))
    stories.JOIN, stories.SEED = join, seed
    (precision, recall), threshold = best
    print(
        f"rapidfuzz token_set_ratio ≥ {threshold}: precision {precision:.3f} recall "
        f"{recall:.3f}; {seconds:.2f} s CPU for {len(items)}"
    )
    hashed = [(_quality(labelled, minhash_group(tuning, t)), t) for t in THRESHOLDS]
    _table("datasketch", hashed)
    (precision, recall), threshold = max(hashed, key=lambda q: (q[0][0] >= 0.95, q[0][1]))
    seconds = best_of(1, lambda: minhash_group(items, threshold))
    print(
        f"datasketch MinHash LSH, Jaccard ≥ {threshold}: precision {precision:.3f} recall "
        f"{recall:.3f}; {seconds:.2f} s CPU for {len(items)}"
    )
