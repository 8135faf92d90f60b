"""Measure story grouping: pairwise precision and recall on labelled sets, and the time
to group a large synthetic corpus.

    python benchmarks/stories.py [--count 50000] [--site-count 10000] [--compare]

The time is CPU time of the grouping process (the machine is shared: wall time would
measure the neighbours), best of three, next to a baseline taken in the same run (one
pass counting every term), since the same work takes half again as long on a busy day.
Signatures are computed beforehand, as the indexing workers do; their cost per article
is reported apart. ``--compare`` also measures the alternatives considered:
``rapidfuzz`` token similarity and ``datasketch`` MinHash LSH in place of the
IDF-weighted cosine (installed separately).

Last results (2 shared cores): real sample corpus precision 1.000 recall 1.000 (5
pairs among 91 articles); synthetic precision 0.999 recall 0.973 (10,849 articles),
1.000 / 0.960 at 49,492; the ``library/synthetic`` site 1.000 / 0.983 with none of its
50 look-alike pairs merged (0.990 / 1.000 and 11 merged before titles that substitute
what their excerpts repeat were told apart); grouping 49,492 articles 3.4 s CPU (12.0x
the counting pass; 2.6 s, 11.5x, in the same hour without that rule); signatures 60-70
µs per article. rapidfuzz at its best threshold: 0.956 / 0.480, 5.0 s; MinHash LSH:
0.995 / 0.007 (0.922 / 0.036 at 0.4), 7.5 s. The headlines written without spaces
(Japanese, Chinese, Thai: ``tests/story_unspaced.py``): 1.000 / 0.889 alone (1.000 /
0.000 when their terms were the runs between punctuation), grouping 49,492 the same
2.9-3.4 s as before. Placing new files into a large index:
``benchmarks/story_placing.py``.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from itertools import chain
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from library.signature import signature  # noqa: E402
from library.stories import StoryArticle, group  # noqa: E402
from tests.story_corpus import (  # noqa: E402
    CORPUS,
    LabelledArticle,
    generate,
    lookalikes,
    pairs,
    precision_recall,
    real_articles,
)
from tests.story_unspaced import unspaced_news  # noqa: E402

QUALITY_STORIES = 3000
STORIES_PER_ARTICLE = 0.29  # generate() makes about 3.4 articles per story


def to_group(articles: list[LabelledArticle]) -> list[StoryArticle]:
    return [
        StoryArticle(a.id, a.published, a.identity, signature(a.title, a.excerpt)) for a in articles
    ]


def quality(name: str, articles: list[LabelledArticle]) -> None:
    truth = pairs((a.id, a.story) for a in articles)
    found = pairs(group(to_group(articles)).items())
    precision, recall = precision_recall(truth, found)
    print(
        f"{name:<28} {len(articles):>7} articles {len(truth):>7} pairs"
        f"  precision {precision:.3f}  recall {recall:.3f}"
    )


def best_of(runs: int, work) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.process_time()
        work()
        best = min(best, time.process_time() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=50_000)
    parser.add_argument("--compare", action="store_true")
    parser.add_argument("--site-count", type=int, default=10_000, help="library/synthetic news")
    args = parser.parse_args()
    if CORPUS.is_dir():
        quality("real sample corpus", real_articles())
    else:
        print(f"real sample corpus: skipped, {CORPUS} is not there")
    quality("hand-written look-alikes", lookalikes())
    quality("written without spaces", unspaced_news())
    quality("synthetic", generate(QUALITY_STORIES, seed=11))
    from benchmarks.story_site import site_quality

    site_quality(args.site_count, seed=11)
    articles = generate(int(args.count * STORIES_PER_ARTICLE), seed=5)
    start = time.process_time()
    items = to_group(articles)
    per_article = (time.process_time() - start) / len(articles)
    seconds = best_of(3, lambda: group(items))
    baseline = best_of(3, lambda: Counter(chain.from_iterable(i.signature.split() for i in items)))
    print(f"signature: {per_article * 1e6:.0f} µs per article (in the indexing workers)")
    print(
        f"grouping {len(items)} articles: {seconds:.2f} s CPU, best of 3; {seconds / baseline:.1f}x"
        f" one pass counting their terms ({baseline:.2f} s), the least any grouping does"
    )
    quality(f"synthetic at {len(items)}", articles)
    if args.compare:
        from benchmarks.story_alternatives import compare

        compare(articles, best_of)


if __name__ == "__main__":
    main()
