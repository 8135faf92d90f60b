"""``lede stats``: its numbers are those of ``lede list`` for the same corpus and query,
counted here from ``lede list --json`` with the real commands in subprocesses."""

from __future__ import annotations

import json
import re
import subprocess
from collections import Counter
from pathlib import Path

import pytest

from library.stats import LONG_GAP, TOP, UNKNOWN_PROVIDER, bar, month_range, month_rows
from library.synthetic import generate
from models.topic import topic_key
from tests.conftest import SITE, DocWriter, LedeRunner


@pytest.fixture(scope="module")
def synthetic_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("stats") / "site"
    generate(root, 300, seed=11)
    return root


def listed(run_lede: LedeRunner, root: Path, query: str) -> list[dict[str, object]]:
    done = run_lede("list", root, "-q", query, "--json")
    assert done.returncode == 0, done.stderr
    return [json.loads(line) for line in done.stdout.splitlines()]


def stats(run_lede: LedeRunner, root: Path, query: str) -> dict[str, object]:
    done = run_lede("stats", root, "-q", query, "--json")
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def expected(rows: list[dict[str, object]]) -> dict[str, object]:
    """What stats must say, counted from the listed rows."""
    months = Counter(str(row["published_at"])[:7] for row in rows if row["published_at"])
    topics = Counter(key for row in rows for key in {topic_key(name) for name in row["topics"]})
    providers = Counter(
        row["provider"]["name"] or row["provider"]["domain"] or UNKNOWN_PROVIDER for row in rows
    )
    return {"total": len(rows), "months": months, "topics": topics, "providers": providers}


@pytest.mark.parametrize("query", ["", "topic:AI", "apps"])
def test_stats_equal_list_counts_on_the_fixture_site(run_lede: LedeRunner, query: str) -> None:
    check_agreement(run_lede, SITE, query)


@pytest.mark.parametrize("query", ["", "topic:Robotics", "-model after:2021-01-01"])
def test_stats_equal_list_counts_on_a_synthetic_site(
    run_lede: LedeRunner, synthetic_site: Path, query: str
) -> None:
    check_agreement(run_lede, synthetic_site, query)


def check_agreement(run_lede: LedeRunner, root: Path, query: str) -> None:
    rows = listed(run_lede, root, query)
    want = expected(rows)
    got = stats(run_lede, root, query)
    assert rows, "the query should match something"
    assert got["total"] == want["total"]
    assert got["undated"] == sum(1 for row in rows if not row["published_at"])
    months = {item["month"]: item["count"] for item in got["months"]}
    assert {month: count for month, count in months.items() if count} == want["months"]
    assert list(months) == month_range(min(months), max(months))  # no month left out
    for section, key in (("topics", topic_key), ("providers", str)):
        counted: Counter[str] = want[section]
        shown = [(key(item["name"]), item["count"]) for item in got[section]]
        assert len(shown) == min(TOP, len(counted))
        assert all(counted[name] == count for name, count in shown)
        # The top ones: nothing left out counts more than the last one shown.
        assert (
            max((n for name, n in counted.items() if name not in dict(shown)), default=0)
            <= (shown[-1][1])
        )


def test_text_output_has_bars_and_no_escapes(run_lede: LedeRunner, synthetic_site: Path) -> None:
    done = run_lede("stats", synthetic_site)
    assert done.returncode == 0, done.stderr
    text = done.stdout
    assert "\x1b" not in text
    rows = listed(run_lede, synthetic_site, "")
    assert text.startswith(f"{len(rows):,} articles")
    busiest, most = Counter(str(row["published_at"])[:7] for row in rows).most_common(1)[0]
    assert f"  {busiest}  {most:,}  {'█' * 40}\n" in text
    for heading in ("Articles per month", "Top topics", "Top providers"):
        assert f"\n{heading}\n" in text


def test_stats_of_a_query_that_matches_nothing(run_lede: LedeRunner) -> None:
    done = run_lede("stats", SITE, "-q", "zzzznothing", "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == {
        "total": 0,
        "undated": 0,
        "months": [],
        "topics": [],
        "providers": [],
    }


def test_a_bad_query_is_one_line(run_lede: LedeRunner) -> None:
    done = run_lede("stats", SITE, "-q", "quality>x")
    assert done.returncode == 1
    assert done.stderr.startswith("lede: bad query:") and done.stderr.count("\n") == 1


def test_stats_is_a_listed_subcommand(run_lede: LedeRunner) -> None:
    assert "stats" in run_lede("--help").stdout
    assert "articles per month" in run_lede("stats", "--help").stdout


def test_bars_scale_to_the_largest_and_never_vanish() -> None:
    assert bar(10, 10) == "█" * 40
    assert bar(5, 10) == "█" * 20
    assert bar(1, 10_000) == "▏"
    assert bar(0, 10) == ""


def test_months_run_across_a_year_end() -> None:
    assert month_range("2020-11", "2021-02") == ["2020-11", "2020-12", "2021-01", "2021-02"]
    assert month_range("9999-11", "9999-12") == ["9999-11", "9999-12"]


def test_a_long_gap_is_one_line_and_short_ones_a_row_per_month() -> None:
    counted = Counter({"2020-01": 2, "2020-03": 1, "2023-01": 4})
    assert month_rows(counted) == [
        ("2020-01", 2),
        ("2020-02", 0),
        ("2020-03", 1),
        ("2023-01", 4),
    ]
    first, *between, last = month_range("2020-01", "2030-01")[: LONG_GAP + 3]
    shown = month_rows(Counter({first: 1, last: 1}))  # LONG_GAP + 1 empty months apart
    assert shown == [(first, 1), (last, 1)]
    shown = month_rows(Counter({first: 1, between[-1]: 1}))  # LONG_GAP apart
    assert shown == [(first, 1), *((month, 0) for month in between[:-1]), (between[-1], 1)]


def test_dates_at_the_ends_of_time_are_counted_in_a_few_lines(
    run_lede: LedeRunner, doc_writer: DocWriter, tmp_path: Path
) -> None:
    """Year 1 is a month like any other and year 9999 ends the months: one mistyped
    date once stopped the command, another printed a million empty months."""
    doc_writer("first.md", "title: First\npublishedDateTime: 0001-01-01T00:00:00Z\n")
    doc_writer("now.md", "title: Now\npublishedDateTime: 2021-03-01T10:00:00Z\n")
    doc_writer("last.md", "title: Last\npublishedDateTime: 9999-12-31T23:59:59Z\n")
    done = run_lede("stats", tmp_path / "docs")
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[2:8] == [
        "Articles per month",
        "  0001-01  1  " + "█" * 40,
        "  …        24,241 months without articles",
        "  2021-03  1  " + "█" * 40,
        "  …        95,744 months without articles",
        "  9999-12  1  " + "█" * 40,
    ]
    record = json.loads(run_lede("stats", tmp_path / "docs", "--json").stdout)
    assert [month["month"] for month in record["months"]] == ["0001-01", "2021-03", "9999-12"]


def test_stats_in_a_pipe(synthetic_site: Path, run_lede: LedeRunner) -> None:
    """Piped into another program, the first lines arrive and a closed pipe is no error."""
    from tests.conftest import lede_executable

    done = subprocess.run(
        f"'{lede_executable()}' stats '{synthetic_site}' | head -n 1",
        shell=True,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0
    assert re.fullmatch(r"[\d,]+ articles( \(.*\))?\n", done.stdout)
    assert "Traceback" not in done.stderr


def test_wide_characters_keep_the_counts_in_one_column() -> None:
    """A CJK name or an emoji takes two columns: counted as one, its row's count and bar
    stood a column to the right of the others'."""
    from rich.cells import cell_len

    from library.stats import CorpusStats, render_stats
    from tui.cell_width import same_width

    providers = [("日本経済新聞", 3), ("😀 Emoji News", 2), ("Reuters", 1)]
    text = render_stats(CorpusStats(6, 0, [("2024-01", 6)], [], providers), same_width)
    rows = {name: line for line in text.splitlines() for name, _ in providers if name in line}
    columns = {cell_len(rows[name][: rows[name].index(f" {count} ")]) for name, count in providers}
    assert len(columns) == 1, rows


def test_a_topic_written_in_two_cases_is_one_topic_as_in_the_tree(
    run_lede: LedeRunner, doc_writer: DocWriter
) -> None:
    """The Go blog's stats said "community 50" beside the tree's "Community 51"."""
    doc_writer("a.md", 'title: "A"\ntopics: [Community]\n')
    doc_writer("b.md", 'title: "B"\ntopics: [community]\n')
    folder = doc_writer("c.md", 'title: "C"\ntopics: [community, Community]\n').parent
    got = stats(run_lede, folder, "")
    assert [(item["name"], item["count"]) for item in got["topics"]] == [
        (run_lede("topics", folder).stdout.splitlines()[1].strip().rsplit(" (", 1)[0], 3)
    ]


def test_a_topic_written_with_hyphens_is_the_one_written_with_blanks(
    run_lede: LedeRunner, doc_writer: DocWriter
) -> None:
    """This Week in Rust files its issues under "This Week in Rust" and a few under
    "this-week-in-rust", one term on its site (Pelican's slug); lede showed two topics."""
    doc_writer("a.md", 'title: "A"\ntags: [This Week in Rust]\n')
    doc_writer("b.md", 'title: "B"\ntags: [this-week-in-rust, Machine Learning]\n')
    folder = doc_writer("c.md", 'title: "C"\ntags: [machine_learning]\n').parent
    assert run_lede("topics", folder).stdout.splitlines() == [
        "All articles (3)",
        "  Machine Learning (2)",
        "  This Week in Rust (2)",
    ]
    got = stats(run_lede, folder, "")
    assert sorted(item["count"] for item in got["topics"]) == [2, 2]
    found = run_lede("list", folder, "-q", "topic:machine-learning").stdout.split()
    assert sorted(found[1::2]) == ["B", "C"]
