"""Grouping a cold index's stories on two cores gives the stories of one: the later
articles grouped apart, after their warm-up, choose as one process would; a
disagreement puts off the moment their choices are taken; a second process that
fails or reads other articles costs the speed, never the result."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from library import one_worker, story_index, story_split
from library.db import connect
from library.schema import ensure_schema
from library.signature import signature
from library.stories import WINDOW, StoryArticle, place_in_order
from library.story_index import _FROM_DATE, _IN_ORDER, _NEW, place_new
from library.story_terms import count_new
from library.story_weights import Frequencies
from tests.story_corpus import DAY, generate

ARTICLE = "a.id, a.published, a.identity, s.signature"
NEW = _NEW.format(columns=ARTICLE)
LATER = (NEW + _FROM_DATE, NEW + _IN_ORDER[1])


def news_index(path: Path) -> Path:
    """An index holding generated news write-ups (and one undated), none grouped yet."""
    db = connect(path)
    ensure_schema(db)
    articles = generate(400, span_days=120)
    with db:
        for article in articles:
            db.execute(
                "INSERT INTO articles (id, path, identity, title, published) "
                "VALUES (?, ?, ?, ?, ?)",
                (
                    article.id + 1,
                    f"/n/{article.id}.md",
                    article.identity,
                    article.title,
                    article.published,
                ),
            )
            db.execute(
                "INSERT INTO signatures (article_id, signature) VALUES (?, ?)",
                (article.id + 1, signature(article.title, article.excerpt)),
            )
        db.execute(
            "INSERT INTO articles (id, path, identity, title) VALUES (?, '/n/undated.md', ?, ?)",
            (len(articles) + 1, "https://undated.example/1", "Undated launches chip"),
        )
        db.execute(
            "INSERT INTO signatures (article_id, signature) VALUES (?, ?)",
            (len(articles) + 1, signature("Undated launches chip", "A chip.")),
        )
    db.close()
    return path


def stories(path: Path) -> dict[int, str]:
    with sqlite3.connect(path) as db:
        return dict(db.execute("SELECT id, story FROM articles"))


def test_two_cores_give_every_article_the_story_one_gives(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    one = news_index(tmp_path / "one.sqlite")
    two = Path(shutil.copy(one, tmp_path / "two.sqlite"))
    monkeypatch.setattr(story_split, "SPLIT_FROM", 100)
    middles: list[int | None] = []
    middle_date = story_index._middle_date
    monkeypatch.setattr(
        story_index, "_middle_date", lambda db: middles.append(middle_date(db)) or middles[-1]
    )
    for path, apart in ((one, None), (two, str(two))):
        db = connect(path)
        with db:
            place_new(db, apart)
        db.close()
    assert middles[-1] is not None  # the second index was grouped on two cores
    assert None not in stories(one).values()
    assert stories(one) == stories(two)


def test_the_later_articles_grouped_apart_choose_as_one_process_does(tmp_path: Path) -> None:
    """The property the split rests on, on articles where stories cross the middle: after
    its warm-up the second process gives each article the story one process gives it."""
    path = news_index(tmp_path / "index.sqlite")
    rows, corpus = rows_and_counts(path)
    dated = [row.published for row in rows if row.published is not None]
    middle = dated[len(dated) // 2]
    start = middle - story_split.WARM_UP
    one = list(place_in_order([], rows, corpus))
    theirs = story_split._placed_from(str(path), LATER, start, corpus)
    later = [row for row in rows if row.published is None or row.published >= start]
    assert list(theirs[0]) == [row.id for row in later]
    by_one = dict(one)
    from_middle = [
        (article, story)
        for row, article, story in zip(later, *theirs, strict=True)
        if row.published is None or row.published >= middle
    ]
    assert len(from_middle) > 100
    assert [(a, f"{s:012x}") for a, s in from_middle] == [(a, by_one[a]) for a, _ in from_middle]
    mine = (
        (article, by_one[article], row.published)
        for row, article in zip(later, theirs[0], strict=True)
    )
    assert list(story_split._agreed(mine, theirs, start)) == [
        (row.id, by_one[row.id]) for row in later
    ]


def placements(days: int) -> list[tuple[int, str, int | None]]:
    """An article a day, each its own story."""
    return [(day, f"{day:012x}", day * DAY) for day in range(days)]


def test_the_second_process_is_taken_once_both_agreed_for_twice_the_window() -> None:
    mine = placements(40)
    ids = story_split.array("q", [article for article, _, _ in mine])
    stories = story_split.array("q", [int(story, 16) for _, story, _ in mine])
    stories[5] = 999  # they disagree on day 5
    for day in range(20, 40):
        stories[day] = 1000 + day  # what only the second process's placements say
    placed = list(story_split._agreed(iter(mine), (ids, stories), 0))
    switch = 5 + 2 * WINDOW // DAY + 1  # the first day past twice the window of agreement
    assert placed[:switch] == [(article, story) for article, story, _ in mine[:switch]]
    assert placed[switch:20] == [(day, f"{day:012x}") for day in range(switch, 20)]
    assert placed[20:] == [(day, f"{1000 + day:012x}") for day in range(20, 40)]


def test_placements_of_other_articles_are_never_taken() -> None:
    mine = placements(40)
    ids = story_split.array("q", [article + 1 for article, _, _ in mine])
    stories = story_split.array("q", [7] * len(mine))
    placed = list(story_split._agreed(iter(mine), (ids, stories), 0))
    assert placed == [(article, story) for article, story, _ in mine]


def rows_and_counts(path: Path) -> tuple[list[StoryArticle], Frequencies]:
    """The index's articles to group, in order, and their terms' counts."""
    db = connect(path)
    with db:
        corpus = count_new(db)
        rows = [StoryArticle(*row) for order in _IN_ORDER for row in db.execute(NEW + order)]
    db.close()
    return rows, corpus


def test_a_second_process_that_fails_costs_nothing(tmp_path: Path) -> None:
    rows, corpus = rows_and_counts(news_index(tmp_path / "index.sqlite"))
    one = list(place_in_order([], rows, corpus))
    (tmp_path / "missing").write_text("a file where a folder should be")
    nowhere = str(tmp_path / "missing" / "index.sqlite")  # the second process cannot open it
    middle = rows[len(rows) // 2].published
    assert middle is not None
    assert list(story_split.place_split(nowhere, rows, corpus, middle, LATER)) == one


def test_a_second_process_that_cannot_start_costs_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = news_index(tmp_path / "index.sqlite")
    rows, corpus = rows_and_counts(path)
    one = list(place_in_order([], rows, corpus))

    def no_workers(preload: str) -> None:
        raise OSError("no processes left")

    monkeypatch.setattr(one_worker, "start_workers", no_workers)
    middle = rows[len(rows) // 2].published
    assert middle is not None
    assert list(story_split.place_split(str(path), rows, corpus, middle, LATER)) == one
