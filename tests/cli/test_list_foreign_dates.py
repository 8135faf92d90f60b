"""``lede check`` and ``lede list`` on posts dated in other languages than English."""

from __future__ import annotations

from pathlib import Path

from tests.cli.test_list_stream import rows
from tests.conftest import LedeRunner

_POSTS = {
    "berlin.md": "27. Juli 2023 11:52",
    "paris.md": "jeudi 28 juillet 2023",
    "madrid.md": "29 de julio de 2023",
    "moskau.md": "30 июля 2023 г.",
    "tokyo.md": "2023年7月31日 09:30",
    "seoul.md": "2023년 8월 1일",
}


def blog(folder: Path) -> Path:
    folder.mkdir(parents=True)
    for name, day in _POSTS.items():
        title = name.removesuffix(".md").capitalize()
        (folder / name).write_text(f"---\ntitle: {title}\ndate: {day}\n---\nText.\n")
    return folder


def test_posts_dated_in_other_languages_are_listed_by_their_dates(
    run_lede: LedeRunner, tmp_path: Path
) -> None:
    found = rows(run_lede, blog(tmp_path / "blog"))
    assert [(row["title"], row["published_at"]) for row in found] == [
        ("Seoul", "2023-08-01T00:00:00+00:00"),
        ("Tokyo", "2023-07-31T09:30:00+00:00"),
        ("Moskau", "2023-07-30T00:00:00+00:00"),
        ("Madrid", "2023-07-29T00:00:00+00:00"),
        ("Paris", "2023-07-28T00:00:00+00:00"),
        ("Berlin", "2023-07-27T11:52:00+00:00"),
    ]


def test_check_finds_no_date_it_does_not_use(run_lede: LedeRunner, tmp_path: Path) -> None:
    done = run_lede("check", blog(tmp_path / "blog"))
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [
        "checked 6 files (6 articles, 0 topics): 0 invalid, 0 errors, 0 warnings"
    ]
