"""Grouping many new articles on two cores, into the stories one core would make.

Where an article goes depends only on the stories of the articles placed within
``WINDOW`` before it: a story it can join spans at most ``WINDOW``, and so do its
members. So while this process groups from the first article, a second one starts
at the middle date less ``2 * WINDOW`` and groups to the last. Once the two have given
every article over ``2 * WINDOW`` the same story, each choice the second makes from
there on is the one this process would make, and this one stops and takes the
second's. Should they never agree, this process goes on alone to the end: the stories
are the same either way (but for floating-point sums taken in another order, which
can tip a similarity that falls exactly on a threshold).
"""

from __future__ import annotations

from array import array
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING

from library.stories import place_in_order
from library.story_parts import STORY_DIGITS, WINDOW, StoryArticle

if TYPE_CHECKING:
    from library.story_weights import Frequencies

SPLIT_FROM = 20_000  # new articles past which a second process groups the later ones
WARM_UP = 2 * WINDOW  # what the second process groups before the middle, to agree
AGREED = 2 * WINDOW  # how long both must have agreed before the second's choices count

Placed = tuple["array[int]", "array[int]"]  # ids and their stories (as numbers), in order


def place_split(
    db_path: str,
    rows: Iterable[StoryArticle],
    corpus: Frequencies,
    middle: int,
    later_rows: tuple[str, str],
) -> Iterator[tuple[int, str]]:
    """``place_in_order`` of ``rows`` (new articles in ``placing_order``, none restored),
    each id with its story as placed, with the articles from ``middle - WARM_UP`` on also
    grouped in a worker process. ``later_rows`` reads those from the index: the dated from
    a date on (its one parameter), then the undated."""
    from library.one_worker import apart

    start = middle - WARM_UP
    dates: deque[int | None] = deque()

    def noted(rows: Iterable[StoryArticle]) -> Iterator[StoryArticle]:
        for row in rows:
            dates.append(row.published)
            yield row

    mine = place_in_order([], noted(rows), corpus)
    args = (db_path, later_rows, start, corpus)
    with apart(_placed_from, args, "library.story_split") as later:
        held: list[tuple[int, str, int | None]] = []  # mine from ``start`` on, to compare
        theirs = None
        for article, story in mine:
            published = dates.popleft()
            if published is not None and published < start:
                yield article, story
                continue
            held.append((article, story, published))
            if later.done():
                theirs = _result(later)
                break
    if theirs is None:  # all placed here first, or the second process failed
        yield from ((article, story) for article, story, _ in held)
        yield from mine
        return
    rest = ((article, story, dates.popleft()) for article, story in mine)
    yield from _agreed(chain(held, rest), theirs, start)


def _agreed(
    mine: Iterator[tuple[int, str, int | None]], theirs: Placed, start: int
) -> Iterator[tuple[int, str]]:
    """This process's placements from the second process's first article on, until both
    have agreed for ``AGREED``; then the second process's."""
    ids, stories = theirs
    disagreed = start  # its first choices had no warm-up: as if they differed
    position = 0
    for position, (article, story, published) in enumerate(mine):
        if position >= len(ids) or ids[position] != article:  # not the same articles
            yield article, story
            yield from ((article, story) for article, story, _ in mine)
            return
        if published is None or published - AGREED > disagreed:
            break  # the undated are placed alone; the dated, as this process would
        if int(story, 16) != stories[position]:
            disagreed = published
        yield article, story
    else:
        return
    yield from ((ids[at], f"{stories[at]:0{STORY_DIGITS}x}") for at in range(position, len(ids)))


def _result(later: Future[Placed]) -> Placed | None:
    """The second process's placements, or None if it failed (this one goes on alone)."""
    try:
        return later.result()
    except Exception:  # noqa: BLE001 - a worker that broke costs the speed, not the result
        return None


def _placed_from(
    db_path: str, later_rows: tuple[str, str], start: int, corpus: Frequencies
) -> Placed:
    """Group the new articles dated from ``start`` on, then the undated (in a worker)."""
    from library.db import connect

    dated, undated = later_rows
    db = connect(Path(db_path))
    try:
        rows = chain(db.execute(dated, (start,)), db.execute(undated))
        ids, stories = array("q"), array("q")
        for article, story in place_in_order([], map(StoryArticle._make, rows), corpus):
            ids.append(article)
            stories.append(int(story, 16))
        return ids, stories
    finally:
        db.close()
