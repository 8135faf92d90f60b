"""Story quality on a site written by ``library.synthetic``, grouped by the real indexing
path (workers sign, the refresh groups), against the generator's ground truth.

Pairs are of distinct articles (an archived copy is the same article, one identity).
Precision counts every pair grouped together that the truth does not hold; the
look-alike pairs (titles sharing most words, different events) are counted apart too.
"""

from __future__ import annotations

import sqlite3
import tempfile
import time
from itertools import combinations
from pathlib import Path

from library.index import CorpusIndex
from library.synthetic import generate
from tests.story_corpus import pairs, precision_recall


def site_quality(count: int, seed: int) -> None:
    """Index a generated site of ``count`` news articles; print precision and recall."""
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "site"
        truth = generate(root, count, seed=seed)
        index = CorpusIndex([str(root)], Path(folder) / "index.db")
        start = time.perf_counter()
        index.refresh()
        seconds = time.perf_counter() - start
        index.close()
        with sqlite3.connect(Path(folder) / "index.db") as db:
            sql = "SELECT path, story FROM articles WHERE duplicate_of IS NULL AND collection = ?"
            rows = db.execute(sql, ("news",)).fetchall()
        story = {str(Path(path).relative_to(root)): sid for path, sid in rows}
        found = pairs(story.items())
        expected = {
            tuple(sorted(pair))
            for members in truth.stories
            for pair in combinations([m for m in members if m in story], 2)
        }
        precision, recall = precision_recall(expected, found)
        merged = sum(story.get(a) == story.get(b) for a, b in truth.lookalikes)
        print(
            f"{'library/synthetic site':<28} {len(story):>7} articles {len(expected):>7} pairs"
            f"  precision {precision:.3f}  recall {recall:.3f}"
            f"  look-alikes merged {merged}/{len(truth.lookalikes)}  (cold index {seconds:.1f} s)"
        )
