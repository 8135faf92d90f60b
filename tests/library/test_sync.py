"""``lede sync``: a corpus that is a git work tree is fast-forwarded to its upstream and
indexed; whatever stops that is one line, exit 1, and a work tree left as it was."""

from __future__ import annotations

import contextlib
import json
import os
import socket
import subprocess
import threading
from pathlib import Path

from library.sync import SyncError, pull, stop_git
from tests.conftest import LedeRunner
from tests.fifo_calls import without_waiting
from tests.git_corpus import GitCorpus, article, git, git_corpus

__all__ = ["git_corpus"]  # the fixture, for pytest


def listed(run_lede: LedeRunner, folder: Path) -> list[str]:
    done = run_lede("list", folder, "--json")
    return [json.loads(line)["title"] for line in done.stdout.splitlines()]


def test_sync_brings_the_commits_the_origin_gained(
    git_corpus: GitCorpus, run_lede: LedeRunner
) -> None:
    assert sorted(listed(run_lede, git_corpus.reader)) == ["Old news one", "Old news two"]
    git_corpus.publish("more news", **{"new-one.md": "New one", "new-two.md": "New two"})
    (git_corpus.newsroom / "old-two.md").unlink()
    article(git_corpus.newsroom, "old-one.md", "Old news one, corrected")
    git_corpus.publish("corrections")

    done = run_lede("sync", git_corpus.reader)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == f"{git_corpus.reader}: 2 new, 1 changed, 1 removed"
    assert sorted(lines[1:]) == sorted(
        [
            "  + 2026-11-30  New one",
            "  + 2026-11-30  New two",
            "  ~ 2026-11-30  Old news one, corrected",
            f"  - {git_corpus.reader / 'old-two.md'}",
        ]
    )
    assert sorted(listed(run_lede, git_corpus.reader)) == [
        "New one",
        "New two",
        "Old news one, corrected",
    ]
    again = run_lede("sync", git_corpus.reader)
    assert again.stdout.splitlines() == [f"{git_corpus.reader}: 0 new, 0 changed, 0 removed"]


def test_diverged_history_is_refused_and_nothing_changes(
    git_corpus: GitCorpus, run_lede: LedeRunner
) -> None:
    git_corpus.publish("upstream news", **{"upstream.md": "From upstream"})
    article(git_corpus.reader, "local.md", "Written here")
    git(git_corpus.reader, "add", "-A")
    git(git_corpus.reader, "commit", "-q", "-m", "local news")
    head = git_corpus.head()

    done = run_lede("sync", git_corpus.reader)
    assert done.returncode == 1
    assert done.stdout == ""
    assert done.stderr == (
        f"lede: sync {git_corpus.reader}: history has diverged from the upstream; "
        "nothing changed (merge it with git)\n"
    )
    assert git_corpus.head() == head
    assert not (git_corpus.reader / "upstream.md").exists()
    assert git(git_corpus.reader, "status", "--porcelain") == ""


def test_local_changes_in_the_way_are_kept(git_corpus: GitCorpus, run_lede: LedeRunner) -> None:
    article(git_corpus.newsroom, "old-one.md", "Corrected upstream")
    git_corpus.publish("correction")
    mine = article(git_corpus.reader, "old-one.md", "Edited by hand").read_text()

    done = run_lede("sync", git_corpus.reader)
    assert done.returncode == 1
    assert "local changes would be overwritten; nothing changed" in done.stderr
    assert done.stderr.count("\n") == 1
    assert (git_corpus.reader / "old-one.md").read_text() == mine


def test_a_merge_left_with_conflicts_is_named_as_one(
    git_corpus: GitCorpus, run_lede: LedeRunner
) -> None:
    """A pull of one's own (``git pull --no-rebase``) stopped on a conflict: lede sync said
    git's "Exiting because of an unresolved conflict.", and the article git had marked
    was "invalid YAML: could not find expected ':'", as if it had been written wrong."""
    article(git_corpus.newsroom, "old-one.md", "Corrected upstream")
    git_corpus.publish("correction")
    article(git_corpus.reader, "old-one.md", "Corrected here")
    git(git_corpus.reader, "commit", "-q", "-am", "local correction")
    git(git_corpus.reader, "fetch", "-q")
    merging = subprocess.run(
        ["git", "merge", "-q", "origin/main"], cwd=git_corpus.reader, capture_output=True
    )
    assert merging.returncode == 1  # the conflict
    marked = (git_corpus.reader / "old-one.md").read_text()

    done = run_lede("sync", git_corpus.reader)
    assert (done.returncode, done.stderr) == (
        1,
        f"lede: sync {git_corpus.reader}: a merge has files with unresolved conflicts; "
        "nothing changed (resolve them with git)\n",
    )
    assert (git_corpus.reader / "old-one.md").read_text() == marked
    checked = run_lede("check", git_corpus.reader)
    assert checked.returncode == 1
    assert checked.stdout.splitlines()[0] == (
        f"{git_corpus.reader / 'old-one.md'}:2: error: an unresolved merge conflict: "
        "git's <<<<<<< line is in the front matter"
    )


def test_no_upstream_no_repository_and_no_origin_are_one_line_each(
    git_corpus: GitCorpus, run_lede: LedeRunner, tmp_path: Path
) -> None:
    git(git_corpus.reader, "checkout", "-q", "-b", "local-only")
    done = run_lede("sync", git_corpus.reader)
    assert (done.returncode, done.stderr) == (
        1,
        f"lede: sync {git_corpus.reader}: the branch has no upstream "
        "(git branch --set-upstream-to)\n",
    )

    plain = tmp_path / "plain"
    article(plain, "a.md", "Not in git")
    done = run_lede("sync", plain)
    assert (done.returncode, done.stderr) == (1, f"lede: sync {plain}: not a git work tree\n")

    git(git_corpus.reader, "checkout", "-q", "main")
    git(git_corpus.reader, "remote", "set-url", "origin", str(tmp_path / "gone.git"))
    done = run_lede("sync", git_corpus.reader)
    assert done.returncode == 1
    assert done.stderr.startswith(f"lede: sync {git_corpus.reader}: ")
    assert "gone.git" in done.stderr and done.stderr.count("\n") == 1


def test_sync_runs_no_hooks(git_corpus: GitCorpus, run_lede: LedeRunner) -> None:
    """Only git runs: a hook in the clone (which a pull would run) does not."""
    ran = git_corpus.reader.parent / "hook-ran"
    hook = git_corpus.reader / ".git" / "hooks" / "post-merge"
    hook.write_text(f"#!/bin/sh\ntouch {ran}\n")
    hook.chmod(0o755)
    git_corpus.publish("news", **{"new.md": "New"})
    done = run_lede("sync", git_corpus.reader)
    assert done.returncode == 0, done.stderr
    assert "1 new" in done.stdout
    assert not ran.exists()


def test_a_pull_names_every_file_the_index_may_hold(git_corpus: GitCorpus) -> None:
    """The reader's R indexes these alone: taxonomy files too, though none is counted."""
    (git_corpus.newsroom / "topics.yml").write_text("- name: Robots\n")
    (git_corpus.newsroom / "notes.csv").write_text("not for the index\n")
    git_corpus.publish("news and topics", **{"fresh.md": "Fresh"})
    pulled = pull(str(git_corpus.reader))
    assert pulled.summary() == "1 new, 0 changed, 0 removed"
    assert sorted(pulled.paths()) == [
        str(git_corpus.reader / "fresh.md"),
        str(git_corpus.reader / "topics.yml"),
    ]


def test_a_folder_the_repository_around_it_ignores_is_not_synced(
    git_corpus: GitCorpus, run_lede: LedeRunner
) -> None:
    """A corpus kept in a folder a project's repository ignores (lede's own sample, in a
    virtualenv inside its clone): pulling fast-forwarded that project, not the corpus."""
    (git_corpus.reader / ".gitignore").write_text("notes/\n")
    notes = git_corpus.reader / "notes"
    article(notes, "mine.md", "My own note")
    git_corpus.publish("more news", **{"new-one.md": "New one"})
    before = git_corpus.head()
    done = run_lede("sync", notes)
    assert (done.returncode, done.stderr) == (
        1,
        f"lede: sync {notes}: not a git work tree (the one at {git_corpus.reader} ignores it)\n",
    )
    assert git_corpus.head() == before


def test_the_sample_inside_lede_s_own_clone_is_not_synced(
    git_corpus: GitCorpus, run_lede: LedeRunner
) -> None:
    """``scripts/run`` opens the sample in lede's clone; ``R`` there, or ``lede sync`` of
    it, fast-forwarded lede's own code and said "0 new, 0 changed, 0 removed"."""
    (git_corpus.newsroom / "pyproject.toml").write_text('[project]\nname = "lede"\n')
    git_corpus.publish("lede's sample", **{"feeds/sample.md": "A sample"})
    git(git_corpus.reader, "pull", "-q")
    git_corpus.publish("a change to lede", **{"feeds/later.md": "Later"})
    before = git_corpus.head()
    feeds = git_corpus.reader / "feeds"
    done = run_lede("sync", feeds)
    assert (done.returncode, done.stderr) == (
        1,
        f"lede: sync {feeds}: the work tree at {git_corpus.reader} is lede's own: pulling "
        "would update lede, not news (to update lede: git pull there)\n",
    )
    assert git_corpus.head() == before


def test_a_fetch_that_hangs_ends_when_the_reader_stops_git(git_corpus: GitCorpus) -> None:
    """A reader quitting during a fetch from an origin that never answers stayed for the
    fetch's minute, its terminal already given back."""
    failed: list[SyncError] = []

    def pulling() -> None:
        try:
            pull(str(git_corpus.reader))
        except SyncError as error:
            failed.append(error)

    with socket.create_server(("127.0.0.1", 0)) as silent:  # takes a connection, says nothing
        origin = f"http://127.0.0.1:{silent.getsockname()[1]}/news.git"
        git(git_corpus.reader, "remote", "set-url", "origin", origin)
        puller = threading.Thread(target=pulling, daemon=True)
        puller.start()
        with silent.accept()[0]:  # git waits for its answer now
            stop_git()
            puller.join(timeout=10)
    assert not puller.is_alive() and failed


def test_a_post_whose_sidecar_alone_changed_is_a_post_changed(git_corpus: GitCorpus) -> None:
    """Nikola keeps an older post's title and date in ``POST.meta``: an edit of it alone
    changes the post, which the summary did not count (the sidecar was filed with the
    taxonomies)."""
    (git_corpus.newsroom / "story.txt").write_text("The story's text.\n")
    (git_corpus.newsroom / "story.meta").write_text(".. title: A story\n.. date: 2024-01-02\n")
    git_corpus.publish("a story")
    pull(str(git_corpus.reader))
    (git_corpus.newsroom / "story.meta").write_text(".. title: A story, retold\n")
    git_corpus.publish("retitled")
    pulled = pull(str(git_corpus.reader))
    assert pulled.summary() == "0 new, 1 changed, 0 removed"
    assert sorted(pulled.paths()) == [
        str(git_corpus.reader / "story.meta"),
        str(git_corpus.reader / "story.txt"),
    ]


def test_a_fifo_at_the_work_tree_s_project_file_is_not_waited_on(git_corpus: GitCorpus) -> None:
    """Whether a work tree is lede's own is read from its ``pyproject.toml``: a FIFO
    there was opened, and ``lede sync`` waited for a writer for ever."""
    os.mkfifo(git_corpus.reader / "pyproject.toml")
    fifo = git_corpus.reader / "pyproject.toml"
    with contextlib.suppress(SyncError):  # its origin's own answer, whatever it is
        without_waiting(fifo, lambda: pull(str(git_corpus.reader)))
