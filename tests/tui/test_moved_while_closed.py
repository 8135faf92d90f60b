"""Posts moved or renamed while the reader was closed keep their marks at the next start,
as those moved while it runs do: a post without a link is known by its path, and the walk
of a warm start pairs the file gone with the one come (same title and date, and same
name or same folder), never guessing between two."""

from __future__ import annotations

import os
from pathlib import Path

from tests.conftest import write_document
from tests.tui.pilot import indexed, until
from tui.app import LedeApp
from tui.widgets.article_list import ArticleList


def posts(blog: Path) -> None:
    for number in range(4):
        write_document(
            blog / "drafts", f"post-{number}.md", f"title: Post {number}\ndate: 2026-11-1{number}"
        )


async def test_marks_survive_a_move_and_a_rename_made_while_the_reader_was_closed(
    tmp_path: Path,
) -> None:
    blog = tmp_path / "blog"
    posts(blog)
    app = LedeApp([str(blog)])
    async with app.run_test(size=(160, 45)) as pilot:
        await indexed(pilot)
        articles = app.screen.query_one(ArticleList)
        articles.focus()
        await pilot.press("j", "s", "m", "j", "s")  # Post 2 starred and read, Post 1 starred
        await until(pilot, lambda: len(articles.starred) == 2 and len(articles.read) == 1)
    (blog / "posts").mkdir()
    os.rename(blog / "drafts" / "post-2.md", blog / "posts" / "post-2.md")  # moved
    os.rename(blog / "drafts" / "post-1.md", blog / "drafts" / "second-thoughts.md")  # renamed
    moved, renamed = str(blog / "posts" / "post-2.md"), str(blog / "drafts" / "second-thoughts.md")
    app = LedeApp([str(blog)])
    async with app.run_test(size=(160, 45)) as pilot:
        await indexed(pilot)
        articles = app.screen.query_one(ArticleList)
        shown = lambda: {moved, renamed} <= {row.path for row in articles.results}  # noqa: E731
        await until(pilot, shown, "the files at their new paths")
        await until(pilot, lambda: articles.starred == {moved, renamed}, "the stars moved")
        assert articles.read == {moved}
