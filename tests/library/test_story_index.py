"""Stories in the index and on the command line: every article gets a story after a cold
or an incremental refresh, a late write-up joins its story under the same id, ids are
stable across indexes, copies of one article share its story."""

from __future__ import annotations

import json
import shutil
import sqlite3
from itertools import combinations
from pathlib import Path
from typing import Any

import pytest

from library.index import CorpusIndex
from library.synthetic import generate

SITE = Path(__file__).parents[1] / "fixtures" / "site"
POWER_APPS = (
    "_news/2021-03-05-acme-power-apps-misconfiguration-exposes-38-million-records.md",
    "_news/2021-03-07-38m-records-exposed-via-acme-power-apps-misconfiguration.md",
)
PIN_DIODE = "_news/2021-03-08-pin-diode-handles-high-power-apps.md"
LEUKEMIA = (
    "_news/2019-12-20-artificial-intelligence-tracks-down-leukemia.md",
    "_archive/_news/2019-12-20-artificial-intelligence-tracks-down-leukemia.md",
)


def stories(db_path: Path, root: Path) -> dict[str, str | None]:
    """The story of every article, by path relative to ``root``."""
    with sqlite3.connect(db_path) as db:
        rows = db.execute("SELECT path, story FROM articles").fetchall()
    return {str(Path(path).relative_to(root)): story for path, story in rows}


def indexed(root: Path, db_path: Path) -> dict[str, str | None]:
    index = CorpusIndex([str(root)], db_path)
    try:
        index.refresh()
    finally:
        index.close()
    return stories(db_path, root)


@pytest.fixture
def site(tmp_path: Path) -> Path:
    return Path(shutil.copytree(SITE, tmp_path / "site"))


def test_a_cold_index_groups_the_write_ups_of_one_story(site: Path, tmp_path: Path) -> None:
    found = indexed(site, tmp_path / "index.db")
    assert None not in found.values()
    assert found[POWER_APPS[0]] == found[POWER_APPS[1]]
    assert found[PIN_DIODE] != found[POWER_APPS[0]]  # a look-alike title stays apart
    assert found[LEUKEMIA[0]] == found[LEUKEMIA[1]]  # one identity, one story
    others = {story for path, story in found.items() if path not in POWER_APPS + LEUKEMIA}
    assert len(others) == len(found) - len(POWER_APPS) - len(LEUKEMIA)


def test_a_refresh_groups_what_a_stopped_run_left_without_stories(
    site: Path, tmp_path: Path
) -> None:
    """Killed while grouping, a run leaves its articles stored and none grouped (the
    grouping is one transaction); no file changed, so only the index can say so."""
    db_path = tmp_path / "index.db"
    grouped = indexed(site, db_path)
    with sqlite3.connect(db_path) as db:
        db.execute("UPDATE articles SET story = NULL")
        db.execute("DELETE FROM story_terms")
        db.execute("UPDATE signatures SET counted = 0")
    assert set(stories(db_path, site).values()) == {None}
    assert indexed(site, db_path) == grouped


def test_a_late_write_up_joins_its_story_under_the_same_id(site: Path, tmp_path: Path) -> None:
    late = site / POWER_APPS[1]
    text = late.read_text(encoding="utf-8")
    late.unlink()
    db_path = tmp_path / "index.db"
    before = indexed(site, db_path)
    late.write_text(text, encoding="utf-8")
    after = indexed(site, db_path)
    assert after[POWER_APPS[1]] == after[POWER_APPS[0]] == before[POWER_APPS[0]]
    assert {path: after[path] for path in before} == before  # nothing regrouped


def test_a_story_built_live_in_steps_has_the_id_of_one_built_at_once(
    site: Path, tmp_path: Path
) -> None:
    """The earlier write-up arrives after the later one: the story is renamed after it,
    as a rebuild names it, so a saved ``story:`` search survives the rebuild."""
    early = site / POWER_APPS[0]
    text = early.read_text(encoding="utf-8")
    early.unlink()
    live = tmp_path / "live.db"
    indexed(site, live)
    early.write_text(text, encoding="utf-8")
    in_steps = indexed(site, live)
    at_once = indexed(site, tmp_path / "rebuilt.db")
    assert in_steps[POWER_APPS[0]] == in_steps[POWER_APPS[1]]
    assert in_steps == at_once


def test_a_late_archive_copy_takes_the_story_of_its_article(site: Path, tmp_path: Path) -> None:
    copy = site / LEUKEMIA[1]
    text = copy.read_text(encoding="utf-8")
    copy.unlink()
    db_path = tmp_path / "index.db"
    indexed(site, db_path)
    copy.write_text(text, encoding="utf-8")
    after = indexed(site, db_path)
    assert after[LEUKEMIA[1]] == after[LEUKEMIA[0]]


def test_story_ids_are_the_same_in_two_cold_indexes(tmp_path: Path) -> None:
    root = tmp_path / "synthetic"
    truth = generate(root, 400, seed=7)
    first = indexed(root, tmp_path / "one.db")
    second = indexed(root, tmp_path / "two.db")
    assert first == second
    assert None not in first.values()
    together = [pair for story in truth.stories for pair in combinations(story, 2)]
    assert sum(first[a] == first[b] for a, b in together) >= 0.8 * len(together)
    assert not [pair for pair in truth.lookalikes if first[pair[0]] == first[pair[1]]]


def test_a_plain_folder_groups_all_its_articles(tmp_path: Path) -> None:
    root = tmp_path / "plain"
    truth = generate(root, 300, seed=2, plain=True)
    found = indexed(root, tmp_path / "index.db")
    assert truth.stories
    for story in truth.stories:
        assert len({found[path] for path in story}) == 1


def _lines(result: Any) -> list[dict[str, Any]]:
    assert result.returncode == 0, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_lede_list_json_rows_carry_their_story(site: Path, run_lede: Any) -> None:
    listed = _lines(run_lede("list", "--json", site))
    rows = {Path(r["path"]).relative_to(site).as_posix(): r for r in listed}
    assert all(isinstance(row["story"], str) and row["story"] for row in rows.values())
    assert rows[POWER_APPS[0]]["story"] == rows[POWER_APPS[1]]["story"]
    assert len({row["story"] for row in rows.values()}) == len(rows) - 1
    again = _lines(run_lede("list", "--json", site))
    assert {r["path"]: r["story"] for r in again} == {r["path"]: r["story"] for r in rows.values()}


def test_lede_list_stories_prints_one_row_per_story(site: Path, run_lede: Any) -> None:
    articles = _lines(run_lede("list", "--json", site))
    result = run_lede("list", "--stories", site)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == len(articles) - 1
    power = [line for line in lines if "Power Apps" in line]
    assert len(power) == 1 and "(2 sources)" in power[0]
    assert "2021-03-05..2021-03-07" in power[0]
    assert "Acme Power Apps misconfiguration exposes 38 million records" in power[0]  # q91
    records = _lines(run_lede("list", "--stories", "--json", site))
    sizes = {record["story"]: record["size"] for record in records}
    assert sorted(sizes.values()) == [1] * (len(records) - 1) + [2]


def test_the_story_filter_lists_the_members_of_a_story(site: Path, run_lede: Any) -> None:
    rows = _lines(run_lede("list", "--json", site))
    story = next(r["story"] for r in rows if r["path"].endswith(POWER_APPS[0]))
    members = _lines(run_lede("list", "--json", "-q", f"story:{story}", site))
    assert sorted(Path(r["path"]).relative_to(site).as_posix() for r in members) == sorted(
        POWER_APPS
    )
    rest = _lines(run_lede("list", "--json", "-q", f"-story:{story}", site))
    assert len(rest) == len(rows) - 2
    bad = run_lede("list", "-q", "story:", site)
    assert bad.returncode == 1 and "story: needs a value" in bad.stderr
