"""ox-hugo's one-file blog: one ``.org`` file whose subtrees are its posts. It was passed
over (no title or date opens it); each post is now an article of its own, kept as the file
changes, its marks sticking to it."""

from __future__ import annotations

import json
import os
from pathlib import Path

from library.scope import ALL, STARRED
from library.session import ReaderSession
from tests.conftest import LedeRunner

HEAD = "#+hugo_base_dir: ../\n#+filetags: :blog:\n\n* Posts\n"


def post(title: str, name: str, day: str, body: str, keyword: str = "DONE") -> str:
    return (
        f"** {keyword} {title}\n:PROPERTIES:\n:EXPORT_FILE_NAME: {name}\n"
        f":EXPORT_DATE: {day}\n:END:\n{body}\n"
    )


def write_blog(folder: Path, *posts: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "all-posts.org"
    path.write_text(HEAD + "".join(posts), encoding="utf-8")
    stamp = path.stat().st_mtime_ns + 2_000_000_000  # a change a refresh sees as one
    os.utime(path, ns=(stamp, stamp))
    return path


FIRST = post("Emacs 30 is out", "emacs-30", "2024-07-28", "What is new.")
SECOND = post("Org 9.7", "org-9-7", "2024-06-01", "Zanzibar, a word of its own.")
THIRD = post("Half written", "half", "2024-08-01", "Not yet.", keyword="TODO")


def test_lede_lists_each_post_of_a_one_file_blog(run_lede: LedeRunner, tmp_path: Path) -> None:
    blog = write_blog(tmp_path / "content-org", FIRST, SECOND, THIRD)
    listed = run_lede("list", "--json", tmp_path / "content-org")
    rows = [json.loads(line) for line in listed.stdout.splitlines()]
    assert [(row["title"], row["path"], row["published"]) for row in rows] == [
        ("Half written", f"{blog}#half", False),  # a TODO: a draft
        ("Emacs 30 is out", f"{blog}#emacs-30", True),
        ("Org 9.7", f"{blog}#org-9-7", True),
    ]
    assert rows[1]["topics"] == ["blog"]
    found = run_lede("list", "--json", "-q", "zanzibar", tmp_path / "content-org")
    assert [json.loads(line)["title"] for line in found.stdout.splitlines()] == ["Org 9.7"]
    checked = run_lede("check", tmp_path / "content-org")
    assert checked.returncode == 0
    assert "checked 1 file (3 articles, 0 topics)" in checked.stdout


def test_posts_follow_their_file_and_keep_their_marks(tmp_path: Path) -> None:
    folder = tmp_path / "content-org"
    write_blog(folder, FIRST, SECOND)
    session = ReaderSession([str(folder)])
    try:
        session.refresh()
        rows = session.results(ALL, "", "date")
        assert [row.title for row in rows] == ["Emacs 30 is out", "Org 9.7"]
        org = list(rows)[1]
        session.set_flag("starred", [org.identity], True)
        opened = session.article(org)
        assert opened.article is not None and opened.problem == ""
        assert opened.article.body.strip() == "Zanzibar, a word of its own."

        write_blog(folder, SECOND, THIRD)  # one post gone, one come, one moved in the file
        session.refresh()
        assert [row.title for row in session.results(ALL, "", "date")] == [
            "Half written",
            "Org 9.7",
        ]
        [starred] = session.results(STARRED, "", "date")
        assert starred.title == "Org 9.7" and starred.identity == org.identity

        (folder / "all-posts.org").unlink()
        session.refresh()
        assert len(session.results(ALL, "", "date")) == 0
    finally:
        session.close()
