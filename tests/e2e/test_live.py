"""End to end in a real terminal (tmux): the installed lede follows its corpus while it
runs, counts what came since the last visit, and ``lede sync`` pulls a git corpus."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.e2e.terminal import TmuxTerminal
from tests.git_corpus import GitCorpus, article, git_corpus

__all__ = ["git_corpus"]  # the fixture, for pytest


def test_news_arrives_while_the_reader_runs_and_is_new_on_the_next_visit(
    terminal: TmuxTerminal, lede: str, tmp_path: Path
) -> None:
    corpus = tmp_path / "corpus"
    article(corpus, "one.md", "First story on the wire", day="2026-11-01")
    article(corpus, "two.md", "Second story on the wire", day="2026-11-02")
    terminal.start([lede, str(corpus)], width=160, height=45)
    terminal.wait_for("2 articles · 2 unread")

    article(corpus, "three.md", "Breaking while you read", day="2026-11-03")
    screen = terminal.wait_for(re.compile(r"3 articles · 3 unread"))  # no key pressed
    assert "Breaking while you read" in screen
    (corpus / "one.md").unlink()
    terminal.wait_for("2 articles · 2 unread")
    terminal.wait_until_gone("First story on the wire")
    terminal.send_keys("q")
    assert terminal.wait_for_exit() == 0

    article(corpus, "four.md", "Came while away one", day="2020-01-01")
    article(corpus, "five.md", "Came while away two", day="2026-11-04")
    terminal.start([lede, str(corpus)], width=160, height=45)
    terminal.wait_for("4 articles · 4 unread")
    terminal.wait_for("Since last visit 2")
    terminal.send_keys("q")
    assert terminal.wait_for_exit() == 0


def test_lede_sync_reports_and_lists_what_the_origin_gained(
    terminal: TmuxTerminal, lede: str, git_corpus: GitCorpus
) -> None:
    git_corpus.publish("news", **{"gained.md": "Gained upstream"})
    terminal.start([lede, "sync", str(git_corpus.reader)], width=160, height=20)
    # The listed article comes after the summary line: waited for, as the terminal may be
    # read between the two writes.
    screen = terminal.wait_for("+ 2026-11-30  Gained upstream")
    summary = f"{git_corpus.reader}: 1 new, 0 changed, 0 removed"
    assert summary in screen
    assert screen.index(summary) < screen.index("+ 2026-11-30  Gained upstream")
    assert terminal.wait_for_exit() == 0


def test_a_corpus_of_more_folders_than_the_system_watches_is_looked_at_and_said_to_be(
    terminal: TmuxTerminal, lede: str, tmp_path: Path
) -> None:
    """A user namespace of its own lets the test lower the number of folders the kernel
    watches for it, as a distribution's low default or other programs' watches do."""
    unshare = shutil.which("unshare")
    if unshare is None or subprocess.run([unshare, "-U", "-r", "true"], check=False).returncode:
        pytest.skip("no user namespace to lower the kernel's limit of watches in")
    corpus = tmp_path / "corpus"
    for month in range(1, 13):
        article(corpus / f"{month:02}", f"{month:02}.md", f"Monthly digest {month}")
    limited = 'echo 8 > /proc/sys/user/max_inotify_watches && exec "$@"'
    terminal.start([unshare, "-U", "-r", "sh", "-c", limited, "sh", lede, str(corpus)])
    terminal.wait_for("12 articles · 12 unread")
    terminal.wait_for("fs.inotify.max_user_watches")
    article(corpus / "12", "late.md", "Filed in the last folder")  # among the unwatched
    terminal.wait_for("Filed in the last folder")
    terminal.send_keys("q")
    assert terminal.wait_for_exit() == 0
