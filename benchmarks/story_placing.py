"""Measure placing new articles into the stories of a large index: what a refresh that
finds a few new files spends grouping them.

    python benchmarks/story_placing.py [--count 50000] [--new 1 100] [--runs 3] [--newest]

A site of ``--count`` news articles is written by ``library.synthetic``; the largest
``--new`` count of its news files (drawn at random, or the newest with ``--newest``: new
files are usually recent news) are set aside, the rest indexed cold. Then, on a copy
of that index each time, each ``--new`` count of them comes back and the index is
refreshed; the time of the grouping step (what ``grouping`` yields, in its worker) is
the best of ``--runs`` (wall time: the machine is shared), next to the whole refresh's.

Last results (2 shared cores, load 10-13), 49,900 news indexed: placing 1 new article
0.27 s, 100 at random dates 2.44 s (the stored articles within 12 days of them are most
of six years), the 100 newest 0.28 s; the same before the index kept its term counts
(every stored signature restored): 3.21 s, 4.51 s and 3.26 s. About 0.25 s of each is
starting the worker process. Grouping took 12-14% of the cold index (6.8-9.3 s of
50-71 s).
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from library import indexer  # noqa: E402
from library.index import CorpusIndex  # noqa: E402
from library.synthetic import generate  # noqa: E402

_timings: list[float] = []


def _timed(function: Callable[..., Any]) -> Callable[..., Any]:
    def timed(*args: Any) -> Any:
        start = time.perf_counter()
        try:
            return function(*args)
        finally:
            _timings.append(time.perf_counter() - start)

    return timed


def _timed_grouping(
    grouping: Callable[..., AbstractContextManager[Callable[[], int]]],
) -> Callable[..., Iterator[Callable[..., Any]]]:
    @contextmanager
    def timed(*args: Any, **kwargs: Any) -> Iterator[Callable[..., Any]]:
        with grouping(*args, **kwargs) as assign:
            yield _timed(assign)

    return timed


def refresh(root: Path, db_path: Path) -> float:
    """Refresh the index; its whole time (the grouping's is appended to ``_timings``)."""
    start = time.perf_counter()
    index = CorpusIndex([str(root)], db_path)
    try:
        index.refresh()
    finally:
        index.close()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=50_000)
    parser.add_argument("--new", type=int, nargs="+", default=[1, 100])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--newest", action="store_true", help="set the newest news aside")
    args = parser.parse_args()
    indexer.grouping = _timed_grouping(indexer.grouping)  # type: ignore[assignment]
    with tempfile.TemporaryDirectory() as folder:
        root, aside, cold = Path(folder) / "site", Path(folder) / "aside", Path(folder) / "cold.db"
        generate(root, args.count, seed=3)
        news = sorted((root / "_news").glob("*.md"))  # file names start with their date
        if args.newest:
            chosen = news[::-1][: max(args.new)]
        else:
            chosen = random.Random(3).sample(news, max(args.new))
        aside.mkdir()
        for path in chosen:
            path.rename(aside / path.name)
        seconds = refresh(root, cold)
        print(
            f"cold index of {args.count - len(chosen)} news: {seconds:.1f} s, "
            f"grouping {_timings[-1]:.2f} s"
        )
        for new in args.new:
            best = whole = float("inf")
            for _ in range(args.runs):
                db_path = Path(folder) / "copy.db"
                shutil.copyfile(cold, db_path)
                for path in chosen[:new]:
                    (aside / path.name).rename(path)
                took = refresh(root, db_path)
                for path in chosen[:new]:
                    path.rename(aside / path.name)
                best, whole = min(best, _timings[-1]), min(whole, took)
            print(f"placing {new} new: grouping {best:.2f} s, whole refresh {whole:.2f} s")


if __name__ == "__main__":
    main()
