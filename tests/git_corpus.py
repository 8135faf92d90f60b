"""Real git repositories for sync tests: a bare origin on disk, the reader's clone of it,
and another clone that publishes news to the origin (no network, no mocks)."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import write_document

IDENTITY = ("-c", "user.name=Newsroom", "-c", "user.email=newsroom@example.test")


def git(folder: Path, *args: str) -> str:
    """Run git in ``folder`` (failing the test if it fails); its output."""
    done = subprocess.run(
        ["git", *IDENTITY, *args], cwd=folder, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, f"git {' '.join(args)}: {done.stderr}"
    return done.stdout


def article(
    folder: Path, name: str, title: str, day: str = "2026-11-30", topic: str | None = None
) -> Path:
    """A news document on ``day`` (under ``topic`` if given), named and titled as asked."""
    topics = f"topics:\n  - {topic}\n" if topic else ""
    return write_document(
        folder,
        name,
        f"""
title: "{title}"
publishedDateTime: {day}T08:00:00Z
originalUrl: "https://example.test/{name}"
provider:
  name: Wire
  domain: wire.test
{topics}""",
    )


@dataclass
class GitCorpus:
    """``origin`` (bare), ``reader`` (the clone lede reads) and ``newsroom`` (publishes)."""

    origin: Path
    reader: Path
    newsroom: Path

    def publish(self, message: str, **files: str) -> None:
        """Commit articles (file name: title) in the newsroom and push them to the origin."""
        for name, title in files.items():
            article(self.newsroom, name, title)
        git(self.newsroom, "add", "-A")
        git(self.newsroom, "commit", "-q", "-m", message)
        git(self.newsroom, "push", "-q", "origin", "HEAD")

    def head(self) -> str:
        return git(self.reader, "rev-parse", "HEAD").strip()


@pytest.fixture
def git_corpus(tmp_path: Path) -> GitCorpus:
    """An origin with two articles, cloned by the reader and by the newsroom."""
    origin = tmp_path / "origin.git"
    git(tmp_path, "init", "-q", "--bare", "-b", "main", str(origin))
    newsroom = tmp_path / "newsroom"
    git(tmp_path, "clone", "-q", str(origin), str(newsroom))
    corpus = GitCorpus(origin, tmp_path / "reader", newsroom)
    corpus.publish("first news", **{"old-one.md": "Old news one", "old-two.md": "Old news two"})
    git(tmp_path, "clone", "-q", str(origin), str(corpus.reader))
    return corpus
