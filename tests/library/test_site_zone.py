"""A site's own time zone dates what its pages write without an offset."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from library.loader import load_file
from tests.conftest import write_document


@pytest.mark.parametrize(
    ("settings", "text"),
    [
        ("_config.yml", "timezone: America/Los_Angeles\n"),
        ("hugo.toml", 'timeZone = "America/Los_Angeles"\n'),
        ("pelicanconf.py", 'TIMEZONE = "America/Los_Angeles"\n'),
    ],
    ids=["jekyll", "hugo", "pelican"],
)
def test_a_sites_zone_dates_its_pages(tmp_path: Path, settings: str, text: str) -> None:
    """Read in the reader's own zone, the same post was another moment on every machine
    (Jekyll's docs and ruby-lang.org name their zone)."""
    (tmp_path / settings).write_text(text)
    post = write_document(
        tmp_path / "content" / "posts", "a.md", "title: A\ndate: 2024-01-02 20:00:00"
    )
    article = load_file(str(post)).article
    assert article is not None and article.published_at is not None
    assert article.published_at.astimezone(UTC) == datetime(2024, 1, 3, 4, tzinfo=UTC)


def test_a_pelican_posts_own_metadata_is_dated_in_the_sites_zone(tmp_path: Path) -> None:
    (tmp_path / "pelicanconf.py").write_text('TIMEZONE = "Asia/Tokyo"\n')
    post = tmp_path / "content" / "a.md"
    post.parent.mkdir()
    post.write_text("Title: A\nDate: 2024-01-02 20:00\n\nBody.\n")
    article = load_file(str(post)).article
    assert article is not None and article.published_at is not None
    assert article.published_at.astimezone(UTC) == datetime(2024, 1, 2, 11, tzinfo=UTC)


@pytest.mark.parametrize("zone", ["", "timezone: Mars/Olympus\n"])
def test_without_a_zone_the_local_one_dates_them(tmp_path: Path, zone: str) -> None:
    (tmp_path / "_config.yml").write_text(f"title: A blog\n{zone}")
    post = write_document(tmp_path / "_posts", "2024-01-02-a.md", "date: 2024-01-02 20:00:00")
    article = load_file(str(post)).article
    assert article is not None
    assert article.published_at == datetime(2024, 1, 2, 20).astimezone()


def test_a_day_alone_is_the_day_written_and_an_apps_settings_name_no_zone(
    tmp_path: Path,
) -> None:
    """Midnight in the site's zone showed the day before west of it; and an app's
    ``config.json`` above a folder of notes (no Hugo site) moved their dates."""
    blog = tmp_path / "blog"
    blog.mkdir()
    (blog / "_config.yml").write_text("timezone: Pacific/Kiritimati\n")
    day = write_document(blog / "_posts", "2024-01-05-a.md", "date: 2024-01-05")
    article = load_file(str(day)).article
    assert article is not None and article.published_at == datetime(2024, 1, 5).astimezone()
    app = tmp_path / "app"
    (app / "docs").mkdir(parents=True)
    (app / "config.json").write_text('{"timezone": "Pacific/Kiritimati"}')
    note = write_document(app / "docs", "n.md", "date: 2024-01-02 20:00:00")
    article = load_file(str(note)).article
    assert article is not None
    assert article.published_at == datetime(2024, 1, 2, 20).astimezone()
