"""``lede list`` on a Pelican site: a post in reStructuredText needs a title and nothing
else, and is dated as Pelican dates it."""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path

from tests.cli.test_list_stream import rows
from tests.conftest import LedeRunner

TITLE_ALONE = "An undated post\n###############\n\nIts body, with no field at all.\n"
DATED = "A dated post\n============\n\n:date: 2024-03-01 10:00\n\nIts body.\n"
CHANGED = datetime(2023, 1, 2, 3, 4, 5, tzinfo=UTC)


def pelican_site(folder: Path, settings: str = "") -> Path:
    """A Pelican site of three posts in reStructuredText: one with a date field, one with
    its title alone, one with its title alone and its date in its file's name."""
    (folder / "content").mkdir(parents=True)
    (folder / "pelicanconf.py").write_text(f"SITENAME = 'Ex'\n{settings}")
    (folder / "content" / "dated.rst").write_text(DATED)
    undated = folder / "content" / "undated.rst"
    undated.write_text(TITLE_ALONE)
    os.utime(undated, (CHANGED.timestamp(), CHANGED.timestamp()))
    named = folder / "content" / "2024-05-06-named.rst"
    named.write_text("Dated by its name\n=================\n\nIts body.\n")
    return folder


def by_title(run_lede: LedeRunner, site: Path) -> dict[object, object]:
    return {row["title"]: row["published_at"] for row in rows(run_lede, site, "--all")}


def test_a_post_with_a_title_alone_is_read_as_pelican_reads_it(
    run_lede: LedeRunner, tmp_path: Path
) -> None:
    """Pelican needs a post's title, and its date from a field, its file's name or its
    settings; lede read no post without a field: 2 of 3 were missing from the list."""
    site = pelican_site(tmp_path / "site")
    assert by_title(run_lede, site) == {
        "A dated post": "2024-03-01T10:00:00+00:00",
        "Dated by its name": "2024-05-06T00:00:00+00:00",
        "An undated post": None,
    }
    done = run_lede("check", site)
    assert done.returncode == 0 and "0 warnings" in done.stdout, done.stdout


def test_default_date_fs_dates_a_post_by_its_files_last_change(
    run_lede: LedeRunner, tmp_path: Path
) -> None:
    site = pelican_site(tmp_path / "site", 'DEFAULT_DATE = "fs"\n')
    assert by_title(run_lede, site) == {
        "A dated post": "2024-03-01T10:00:00+00:00",
        "Dated by its name": "2024-05-06T00:00:00+00:00",
        "An undated post": "2023-01-02T03:04:05+00:00",
    }


def test_a_page_opening_with_a_title_outside_a_pelican_site_is_no_post(
    run_lede: LedeRunner, tmp_path: Path
) -> None:
    """A Sphinx page, a README: reStructuredText opens with a title everywhere."""
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "install.rst").write_text(TITLE_ALONE)
    assert rows(run_lede, docs, "--all") == []


def test_a_default_date_dates_every_post_without_one(run_lede: LedeRunner, tmp_path: Path) -> None:
    """``DEFAULT_DATE`` as the numbers of a moment (Pelican's own sample site's) or as a
    date: a post without a date of its own was listed undated, at the bottom."""
    for number, setting in enumerate(("(2012, 3, 2, 14, 1, 1)", "'2012-03-02 14:01:01'")):
        site = pelican_site(tmp_path / f"site{number}", f"DEFAULT_DATE = {setting}\n")
        assert by_title(run_lede, site) == {
            "A dated post": "2024-03-01T10:00:00+00:00",
            "Dated by its name": "2024-05-06T00:00:00+00:00",
            "An undated post": "2012-03-02T14:01:01+00:00",
        }
