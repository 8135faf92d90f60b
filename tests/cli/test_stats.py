"""``lede stats``: its numbers are those of ``lede list`` for the same corpus and query,
counted here from ``lede list --json`` with the real commands in subprocesses."""

from __future__ import annotations

import json
import re
import subprocess
from collections import Counter
from pathlib import Path

import pytest

from library.stats import TOP, UNKNOWN_PROVIDER, bar, month_range
from library.synthetic import generate
from tests.conftest import SITE, LedeRunner


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
    topics = Counter(name for row in rows for name in set(row["topics"]))
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
    for section in ("topics", "providers"):
        counted: Counter[str] = want[section]
        shown = [(item["name"], item["count"]) for item in got[section]]
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
