"""``lede index`` and ``lede list`` pair a post without a link whose file was moved or
renamed with its new file, and its marks go with it: left to the reader's next start, the
index would no longer know the old path and the marks were lost."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from library.corpus import open_state
from library.state import StateStore
from tests.conftest import LedeRunner, write_document
from tests.git_corpus import GitCorpus, git, git_corpus
from tests.unprivileged import run_unprivileged

__all__ = ["git_corpus"]  # the fixture, for pytest


def starred(run_lede: LedeRunner, blog: Path) -> list[str]:
    done = run_lede("list", "--json", "-q", "is:starred", blog)
    assert done.returncode == 0 and done.stderr == "", done.stderr
    return [json.loads(line)["path"] for line in done.stdout.splitlines()]


@pytest.mark.parametrize("command", ["index", "list"])
def test_a_stars_follows_its_post_moved_or_renamed_between_two_runs(
    run_lede: LedeRunner, tmp_path: Path, command: str
) -> None:
    blog = tmp_path / "blog"
    for number in range(3):
        write_document(blog, f"post-{number}.md", f"title: Post {number}\ndate: 2026-11-1{number}")
    assert run_lede("index", blog).returncode == 0
    open_state().set("starred", [str(blog / "post-1.md")], True)
    (blog / "2026").mkdir()
    (blog / "post-1.md").rename(blog / "2026" / "post-1.md")
    assert run_lede(command, blog).returncode == 0
    assert starred(run_lede, blog) == [str(blog / "2026" / "post-1.md")]
    (blog / "2026" / "post-1.md").rename(blog / "2026" / "second-thoughts.md")
    assert run_lede(command, blog).returncode == 0
    assert starred(run_lede, blog) == [str(blog / "2026" / "second-thoughts.md")]


def test_no_guess_between_two_posts_that_fit(run_lede: LedeRunner, tmp_path: Path) -> None:
    """Two posts of one title and date gone from one folder and one come: whose marks it
    should have cannot be told, so it has none."""
    blog = tmp_path / "blog"
    for name in ("a.md", "b.md"):
        write_document(blog, name, "title: Same\ndate: 2026-11-01")
    assert run_lede("index", blog).returncode == 0
    open_state().set("starred", [str(blog / "a.md")], True)
    (blog / "a.md").rename(blog / "c.md")
    (blog / "b.md").unlink()
    assert run_lede("index", blog).returncode == 0
    assert starred(run_lede, blog) == []


def test_a_post_a_sync_moves_keeps_its_star(git_corpus: GitCorpus, run_lede: LedeRunner) -> None:
    """`lede sync` pulls a commit that moves a post without a link into another folder."""
    write_document(git_corpus.newsroom, "notes/a-note.md", "title: A note\ndate: 2026-11-02")
    git(git_corpus.newsroom, "add", "-A")
    git(git_corpus.newsroom, "commit", "-q", "-m", "a note")
    git(git_corpus.newsroom, "push", "-q", "origin", "HEAD")
    assert run_lede("sync", git_corpus.reader).returncode == 0
    open_state().set("starred", [str(git_corpus.reader / "notes" / "a-note.md")], True)
    (git_corpus.newsroom / "archive").mkdir()
    git(git_corpus.newsroom, "mv", "notes/a-note.md", "archive/a-note.md")
    git(git_corpus.newsroom, "commit", "-q", "-m", "archived")
    git(git_corpus.newsroom, "push", "-q", "origin", "HEAD")
    assert run_lede("sync", git_corpus.reader).returncode == 0
    archived = git_corpus.reader / "archive" / "a-note.md"
    assert starred(run_lede, git_corpus.reader) == [str(archived)]


HOLDING_FOR_SECONDS = """
import sqlite3, sys, time
db = sqlite3.connect(sys.argv[1], isolation_level=None)
db.execute("BEGIN IMMEDIATE")
print("held", flush=True)
time.sleep(float(sys.argv[2]))
"""


def _starred_post_renamed(run_lede: LedeRunner, tmp_path: Path) -> tuple[Path, StateStore]:
    """A blog of two posts, indexed, the second starred, then renamed ``renamed.md``
    (its star known by its old path only); the blog and the (closed) reading state."""
    blog = tmp_path / "blog"
    for number in range(2):
        write_document(blog, f"post-{number}.md", f"title: Post {number}\ndate: 2026-11-1{number}")
    assert run_lede("index", blog).returncode == 0
    state = open_state()
    state.set("starred", [str(blog / "post-1.md")], True)
    state.close()
    (blog / "post-1.md").rename(blog / "renamed.md")
    return blog, state


def test_a_star_waits_for_a_reading_state_another_reader_holds_for_seconds(
    run_lede: LedeRunner, tmp_path: Path
) -> None:
    """A reader marking a large corpus read holds the state's lock for seconds: ``lede
    index`` waited 5 in silence, ended in "unexpected error: OperationalError: database is
    locked" (exit 2), and the moved post's star was lost, the index knowing only its new
    path. It now waits, says for what, and the star follows the post."""
    blog, state = _starred_post_renamed(run_lede, tmp_path)
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDING_FOR_SECONDS, str(state.path), "6.5"],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "held\n"
        done = run_lede("index", blog)
    finally:
        holder.wait(timeout=30)
    assert done.returncode == 0, done.stderr
    assert done.stderr == (
        "lede: waiting for another program, which holds the reading state "
        f"{state.path} (Ctrl-C to stop)…\n"
    )
    assert starred(run_lede, blog) == [str(blog / "renamed.md")]


def test_marks_the_state_cannot_take_wait_for_the_next_run(
    run_lede: LedeRunner, tmp_path: Path
) -> None:
    """The reading state locked past the wait (or, here, not writable): ``lede index``
    said which marks it had not carried, and they were lost, the index knowing the post's
    new path only. They are kept beside the state and carried by the next run."""
    blog, state = _starred_post_renamed(run_lede, tmp_path)
    state.path.chmod(0o444)
    try:
        done = run_unprivileged("index", blog)
    finally:
        state.path.chmod(0o644)
    kept = state.path.with_name("state.sqlite.moves")
    assert done.returncode == 0, done.stderr
    assert done.stderr == (
        "lede: reading state not saved: attempt to write a readonly database (the marks of "
        f"1 moved post are kept in {kept}; the next lede run carries them)\n"
    )
    assert starred(run_lede, blog) == [str(blog / "renamed.md")]
    assert not kept.exists()
