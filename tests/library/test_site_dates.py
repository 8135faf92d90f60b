"""A Hugo site's ``[frontmatter]`` settings say where its pages' dates come from: a file's
name, its front matter's keys in their order, the file's last change."""

from __future__ import annotations

import os
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from library.loader import load_file
from models.article import Article
from tests.conftest import write_document

CHANGED = datetime(2021, 3, 4, 5, 6, 7, tzinfo=UTC)


def _article(site: Path, settings: str, name: str, front_matter: str) -> Article:
    """The page ``name`` of a Hugo site with ``settings``, its file last changed at
    ``CHANGED``, as the index reads it."""
    site.mkdir(parents=True, exist_ok=True)
    (site / "hugo.toml").write_text(f'title = "A blog"\n{settings}')
    page = write_document(site / "content" / "posts", name, front_matter)
    os.utime(page, (CHANGED.timestamp(), CHANGED.timestamp()))
    article = load_file(str(page)).article
    assert article is not None
    return article


def _day(article: Article) -> date | None:
    return article.published_at.date() if article.published_at else None


@pytest.mark.parametrize(
    ("settings", "day"),
    [
        ("", date(2023, 12, 1)),
        ('[frontmatter]\ndate = [":filename", ":default"]\n', date(2024, 1, 15)),
        ('[frontMatter]\nDate = [":default", ":filename"]\n', date(2023, 12, 1)),
    ],
    ids=["unset", "name-first", "keys-first"],
)
def test_a_hugo_site_dates_a_post_by_its_name_first_where_its_settings_say(
    tmp_path: Path, settings: str, day: date
) -> None:
    """Hugo dated the post by its name and lede by its ``date:``: the list showed another
    day than the site. The name's date is no part of the title either way."""
    article = _article(tmp_path / "blog", settings, "2024-01-15-launch-day.md", "date: 2023-12-01")
    assert _day(article) == day
    assert article.heading == "Launch Day"


def test_a_hugo_site_dates_an_undated_page_by_its_files_last_change(tmp_path: Path) -> None:
    """``:fileModTime`` dates what nothing else does (listed undated, last, before); a
    date the page writes comes first, and ``:git``, which needs the history, is passed."""
    settings = '[frontmatter]\ndate = [":default", ":git", ":fileModTime"]\n'
    assert _article(tmp_path / "a", settings, "notes.md", "title: Notes").published_at == CHANGED
    assert _day(_article(tmp_path / "b", settings, "n.md", "publishDate: 2020-02-02")) == date(
        2020, 2, 2
    )
    assert _article(tmp_path / "c", "", "notes.md", "title: Notes").published_at is None


def test_a_hugo_sites_last_change_comes_from_the_sources_its_settings_list(
    tmp_path: Path,
) -> None:
    settings = '[frontmatter]\nlastmod = ["lastmod", ":fileModTime"]\n'
    edited = _article(tmp_path / "a", settings, "a.md", "title: A\nlastmod: 2022-02-02")
    assert edited.updated_at is not None and edited.updated_at.date() == date(2022, 2, 2)
    assert _article(tmp_path / "b", settings, "b.md", "title: B").updated_at == CHANGED
    assert _article(tmp_path / "c", "", "c.md", "title: C").updated_at is None


def test_a_hugo_sites_default_last_change_falls_back_on_the_pages_dates(tmp_path: Path) -> None:
    """``lastmod = [":default", ":fileModTime"]``: Hugo's own keys end with the page's dates
    (``date``, ``publishDate``…), so a dated page's last change is its date, and its file's
    is none of it. ``:default`` was ``lastmod`` and ``modified`` alone: a post of 2020 showed
    "Updated" on the day its file was last copied."""
    settings = '[frontmatter]\nlastmod = [":default", ":fileModTime"]\n'
    for name, front_matter, day in (
        ("a.md", "title: A\ndate: 2020-01-01", date(2020, 1, 1)),
        ("b.md", "title: B\npubDate: 2020-02-02", date(2020, 2, 2)),
        ("c.md", "title: C\ndate: 2020-01-01\nmodified: 2020-03-03", date(2020, 3, 3)),
    ):
        article = _article(tmp_path / name, settings, name, front_matter)
        assert article.updated_at is not None and article.updated_at.date() == day, name
    assert _article(tmp_path / "d", settings, "d.md", "title: D").updated_at == CHANGED


def test_a_hugo_post_named_for_a_day_to_come_waits_for_it_where_its_settings_say(
    tmp_path: Path,
) -> None:
    """``publishDate = [":filename", …]``: Hugo builds the post from the day its name says."""
    for folder, settings, held in (
        ("a", '[frontmatter]\npublishDate = [":filename", ":default"]\n', True),
        ("b", "", False),
    ):
        site = tmp_path / folder
        site.mkdir()
        (site / "hugo.toml").write_text(settings)
        page = write_document(site / "content" / "posts", "2999-01-01-later.md", "title: Later")
        assert (load_file(str(page)).schedule[0] is not None) == held
