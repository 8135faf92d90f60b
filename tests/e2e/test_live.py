"""End to end in a real terminal (tmux): the installed lede follows its corpus while it
runs, counts what came since the last visit, and ``lede sync`` pulls a git corpus."""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Iterator
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


def watching_at_most(watches: int) -> list[str]:
    """What runs a command as this user in a user namespace of its own, where the kernel
    watches at most ``watches`` folders for it (as a distribution's low default, or other
    programs' watches, leave a user)."""
    unshare = shutil.which("unshare")
    if unshare is None or subprocess.run([unshare, "-U", "-r", "true"], check=False).returncode:
        pytest.skip("no user namespace to lower the kernel's limit of watches in")
    limited = f'echo {watches} > /proc/sys/user/max_inotify_watches && exec "$@"'
    return [unshare, "-U", "-r", "sh", "-c", limited, "sh"]


def monthly(corpus: Path, months: range) -> None:
    for month in months:
        article(corpus / f"{month:02}", f"{month:02}.md", f"Monthly digest {month}")


def test_a_corpus_of_more_folders_than_the_system_watches_is_looked_at_and_said_to_be(
    terminal: TmuxTerminal, lede: str, tmp_path: Path
) -> None:
    corpus = tmp_path / "corpus"
    monthly(corpus, range(1, 13))
    terminal.start([*watching_at_most(8), lede, str(corpus)])
    terminal.wait_for("12 articles · 12 unread")
    terminal.wait_for("fs.inotify.max_user_watches")
    article(corpus / "12", "late.md", "Filed in the last folder")  # among the unwatched
    terminal.wait_for("Filed in the last folder")
    terminal.send_keys("q")
    assert terminal.wait_for_exit() == 0


def test_a_folder_made_in_a_corpus_of_more_than_half_the_watches_is_watched_too(
    terminal: TmuxTerminal, lede: str, tmp_path: Path
) -> None:
    """A folder made is watched by a new watcher of every folder, made while the old one
    held its own: past half the limit the two could not have them all, and the reader
    looked at the files every 2 s from then on, saying the system watched no more."""
    corpus = tmp_path / "corpus"
    monthly(corpus, range(1, 13))  # 14 watches: the folders, the corpus, the one it is in
    terminal.start([*watching_at_most(20), lede, str(corpus)])
    terminal.wait_for("12 articles · 12 unread")
    article(corpus / "13", "13.md", "Monthly digest 13")
    terminal.wait_for("13 articles · 13 unread")
    article(corpus / "01", "late.md", "Filed in the first folder")
    terminal.wait_for("Filed in the first folder")
    assert "max_user_watches" not in terminal.capture(join_wrapped=True)
    terminal.send_keys("q")
    assert terminal.wait_for_exit() == 0


@pytest.fixture
def mounted(tmp_path: Path) -> Iterator[tuple[Path, Path]]:
    """A folder (``elsewhere``, as the other side of a share writes it) and a FUSE mount of
    it (``mount``, as this machine reads it)."""
    bindfs = shutil.which("bindfs")
    if bindfs is None:
        pytest.skip("no bindfs to mount a folder through FUSE (apt-get install bindfs)")
    elsewhere, mount = tmp_path / "elsewhere", tmp_path / "mount"
    elsewhere.mkdir()
    mount.mkdir()
    if subprocess.run([bindfs, str(elsewhere), str(mount)], check=False).returncode:
        pytest.skip("FUSE mounts cannot be made here")
    try:
        yield elsewhere, mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def test_a_corpus_on_a_share_is_said_to_show_changes_made_elsewhere_on_r(
    terminal: TmuxTerminal, lede: str, mounted: tuple[Path, Path]
) -> None:
    """A file the other side of a share (NFS, SMB, WSL's Windows drives, sshfs) writes
    raises no event here: the reader waited for it without a word."""
    elsewhere, mount = mounted
    article(elsewhere, "first.md", "First story on the share")
    terminal.start([lede, str(mount)], width=160, height=45)
    terminal.wait_for("1 article · 1 unread")
    terminal.wait_for("not by themselves")
    assert "fuse:" in terminal.capture()  # the kind of mount, after its path
    article(elsewhere, "second.md", "Written on the other side")
    terminal.send_keys("r")
    terminal.wait_for("Written on the other side")
    terminal.send_keys("q")
    assert terminal.wait_for_exit() == 0
