"""The timeline above the list: counts per day, week or month, counted once typing rests."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import numpy
import pytest

from library import timeline as timeline_module
from library.timeline import NO_DATE, DatesById, histogram
from tests.conftest import write_document
from tests.tui.pilot import indexed, until
from tui.app import LedeApp
from tui.widgets import timeline as timeline_widget
from tui.widgets.article_list import ArticleList
from tui.widgets.timeline import BARS, Timeline


def stamp(day: str) -> int:
    return int(datetime.fromisoformat(day).replace(tzinfo=UTC).timestamp())


@pytest.fixture(autouse=True)
def utc(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(timeline_module, "local_offset", lambda: 0)


def dates_of(*days: str | None) -> numpy.ndarray:
    """Dates by id (id 0 unused)."""
    return numpy.array([NO_DATE, *(stamp(d) if d else NO_DATE for d in days)], numpy.int64)


def test_days_when_they_fit_weeks_then_months() -> None:
    dates = dates_of("2021-03-01T10:00", "2021-03-01T23:00", "2021-03-04T01:00", None)
    ids = numpy.arange(1, 5)
    by_day = histogram(dates, ids, 10)
    assert by_day is not None
    assert (by_day.unit, by_day.step, by_day.counts) == ("day", 1, [2, 0, 0, 1])
    assert by_day.ends == ("2021-03-01", "2021-03-04")
    assert by_day.bucket_of(stamp("2021-03-04T12:00")) == 3
    assert by_day.bucket_of(stamp("2021-03-05T00:00")) is None
    wide = dates_of("2021-01-06", "2021-01-05", "2021-03-03")  # a Wednesday to a Wednesday
    by_week = histogram(wide, numpy.arange(1, 4), 10)
    assert by_week is not None and by_week.unit == "week"
    # The list's own first and last days, not the Mondays of its first and last weeks.
    assert by_week.ends == ("2021-01-05", "2021-03-03") and by_week.counts[0] == 2
    assert sum(by_week.counts) == 3
    years = dates_of("2019-01-15", "2019-02-01", "2021-12-31")
    by_months = histogram(years, numpy.arange(1, 4), 12)
    assert by_months is not None
    assert (by_months.unit, by_months.step, by_months.span) == ("month", 3, "3 months")
    assert by_months.counts[0] == 2 and sum(by_months.counts) == 3
    assert len(by_months.counts) <= 12 and by_months.ends == ("2019-01", "2021-12")
    assert histogram(dates_of(None), numpy.arange(1, 2), 10) is None


@pytest.mark.parametrize("offset", [9 * 3600, -5 * 3600])
def test_dates_at_the_ends_of_time_are_counted_in_any_time_zone(
    offset: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Moved by the local offset, year 9999 ended in year 10000 and year 1 in year 0,
    where no calendar date is: the timeline was blank."""
    monkeypatch.setattr(timeline_module, "local_offset", lambda: offset)
    dates = dates_of("0001-01-01T00:00", "2021-03-01T10:00", "9999-12-31T23:59:59", None)
    counted = histogram(dates, numpy.arange(1, 5), 40)
    assert counted is not None
    assert sum(counted.counts) == 3
    assert counted.counts[0] == 1 and counted.counts[-1] == 1
    assert counted.ends == ("0001-01", "9999-12")


@pytest.mark.parametrize("days", [5, 200, 3000])
def test_each_dated_id_is_counted_in_its_own_bucket_and_the_undated_in_none(
    days: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(timeline_module, "ID_RANGE", 7)  # months are converted a slice at a time
    random = numpy.random.default_rng(days)
    dates = random.integers(stamp("2019-01-01"), stamp("2019-01-01") + days * 86_400, 500)
    dates[random.integers(0, 500, 40)] = NO_DATE
    ids = random.permutation(500)[:400]
    counted = histogram(dates, ids, 40)
    assert counted is not None
    assert counted.unit == {5: "day", 200: "week", 3000: "month"}[days]
    expected = [0] * len(counted.counts)
    for article in ids:
        if dates[article] != NO_DATE:
            bucket = counted.bucket_of(int(dates[article]))
            assert bucket is not None
            expected[bucket] += 1
    assert counted.counts == expected
    assert sum(expected) == int((dates[ids] != NO_DATE).sum())


def test_counting_leaves_the_dates_as_they_were() -> None:
    dates = dates_of("2021-03-01T10:00", "2021-01-04", "2019-01-15", None)
    kept = dates.copy()
    for width in (1000, 20, 3):
        histogram(dates, numpy.arange(1, 5), width)
    assert (dates == kept).all()


def test_the_dates_are_read_a_range_of_ids_at_a_time(monkeypatch: pytest.MonkeyPatch) -> None:
    db = sqlite3.connect(":memory:")
    db.execute("CREATE TABLE articles (id INTEGER PRIMARY KEY, published INTEGER)")
    rows = [(article, None if article % 7 == 0 else 1000 * article) for article in range(1, 40)]
    db.executemany("INSERT INTO articles VALUES (?, ?)", rows)
    monkeypatch.setattr(timeline_module, "ID_RANGE", 4)
    dates = DatesById(lambda: db).load(45)
    assert len(dates) == 46
    expected = [NO_DATE] * 46
    for article, published in rows:
        expected[article] = NO_DATE if published is None else published
    assert dates.tolist() == expected


def test_an_article_stored_while_the_dates_are_read_waits_for_the_next_load() -> None:
    db = sqlite3.connect(":memory:")
    db.execute("CREATE TABLE articles (id INTEGER PRIMARY KEY, published INTEGER)")
    db.executemany("INSERT INTO articles VALUES (?, ?)", [(n, n) for n in range(1, 11)])

    class Refreshing:
        """The connection, with a refresh storing article 11 once the reader has asked
        for the largest id."""

        def execute(self, sql: str, *args: object) -> sqlite3.Cursor:
            cursor = db.execute(sql, *args)
            if "max(id)" in sql:
                db.execute("INSERT OR IGNORE INTO articles VALUES (11, 11)")
            return cursor

    dates = DatesById(lambda: Refreshing())  # a connection by what it is asked: execute
    assert dates.load(0).tolist() == [NO_DATE, *range(1, 11)]
    assert dates.load(11).tolist() == [NO_DATE, *range(1, 12)]  # read again when asked


def shown_bars(app: LedeApp) -> str:
    text = str(app.screen.query_one(Timeline).render())
    return "".join(char for char in text if char in BARS or char == " ").strip()


@pytest.fixture
def dated_corpus(tmp_path: Path) -> Path:
    """Twelve articles on three days: nine on 2021-03-01, two on 03-02, one on 03-05."""
    root = tmp_path / "dated"
    root.mkdir()
    days = ["2021-03-01"] * 9 + ["2021-03-02"] * 2 + ["2021-03-05"]
    for number, day in enumerate(days):
        word = "robot" if number % 3 == 0 else "garden"
        write_document(
            root,
            f"a{number:02d}.md",
            f"""
            title: "A {word} story number {number}"
            publishedDateTime: {day}T{8 + number % 10:02d}:00:00Z
            originalUrl: "https://example.test/{number}"
            """,
        )
    return root


async def test_the_timeline_counts_the_list_and_marks_the_cursor(dated_corpus: Path) -> None:
    app = LedeApp([str(dated_corpus)])
    async with app.run_test(size=(120, 30)) as pilot:
        timeline = app.screen.query_one(Timeline)
        await until(pilot, lambda: timeline.histogram is not None and not timeline.pending)
        assert timeline.histogram is not None
        assert timeline.histogram.counts == [9, 2, 0, 0, 1]
        assert shown_bars(app) == "█▂  ▁"
        text = str(timeline.render())
        assert text.startswith("2021-03-01 ") and text.endswith(" 2021-03-05")
        # Newest first: the cursor is on the article of 03-05, the last bucket.
        await until(
            pilot, lambda: timeline.marked == app.screen.query_one(ArticleList).current.published
        )
        marked = [span for span in timeline.render().spans if "reverse" in str(span.style)]
        assert len(marked) == 1 and marked[0].start == len("2021-03-01 ") + 4
        await pilot.press("G")  # the oldest: 03-01
        await until(pilot, lambda: timeline.histogram.bucket_of(timeline.marked) == 0)


async def test_typing_a_filter_costs_no_count_until_it_rests(
    dated_corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Keys typed in a row change the list at once; the timeline is counted once, after."""
    counted: list[int] = []
    real = timeline_module.histogram

    def counting(dates, ids, width):  # noqa: ANN001, ANN202 - the same signature
        counted.append(len(ids))
        return real(dates, ids, width)

    monkeypatch.setattr(timeline_module, "histogram", counting)
    # A rest longer than these busy test machines take to type five keys.
    monkeypatch.setattr(timeline_widget, "DEBOUNCE", 2.0)
    app = LedeApp([str(dated_corpus)])
    async with app.run_test(size=(120, 30)) as pilot:
        await indexed(pilot)  # indexing, and the stories loaded after it, refill the list
        timeline = app.screen.query_one(Timeline)
        await until(pilot, lambda: timeline.histogram is not None and not timeline.pending)
        counted.clear()
        await pilot.press("slash", *"robot")
        assert timeline.pending and counted == []
        assert len(app.screen.query_one(ArticleList).results) == 4
        await until(pilot, lambda: not timeline.pending)
        assert counted == [4]
        assert timeline.histogram is not None and timeline.histogram.counts == [3, 1]


async def test_a_date_changed_on_disk_moves_its_bar_after_a_reload(dated_corpus: Path) -> None:
    """A reload that leaves the list as it was still reads the dates again."""
    app = LedeApp([str(dated_corpus)])
    async with app.run_test(size=(120, 30)) as pilot:
        timeline = app.screen.query_one(Timeline)
        await until(pilot, lambda: timeline.histogram is not None and not timeline.pending)
        document = dated_corpus / "a11.md"  # the one article of 03-05
        document.write_text(document.read_text().replace("2021-03-05", "2021-03-03"))
        await pilot.press("r")
        await until(  # the watcher may show it first; r then counts again, as it is asked to
            pilot,
            lambda: (
                not timeline.pending
                and timeline.histogram is not None
                and timeline.histogram.counts == [9, 2, 1]
            ),
        )
