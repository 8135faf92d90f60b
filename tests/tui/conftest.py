"""A small corpus with every shape the reader must handle, and a way to drive the app."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import write_document

FEEDS = Path(__file__).resolve().parents[2] / "feeds"

HOSTILE_TITLE = "[bold red]x[/] and [@click=app.quit]boom[/]"


@pytest.fixture
def reader_corpus(tmp_path: Path) -> Path:
    """The two seeds and taxonomy, plus articles for topics, bodies, related and hostile text."""
    root = tmp_path / "corpus"
    root.mkdir()
    for source in FEEDS.glob("*.md"):
        shutil.copy(source, root / source.name)
    shutil.copy(FEEDS / "topics.yaml", root / "topics.yaml")
    write_document(
        root,
        "tensorflow.md",
        """
        title: "TensorFlow 3 released with a new compiler"
        excerpt: "Google ships TensorFlow 3."
        publishedDateTime: 2021-05-01T09:00:00Z
        originalUrl: "https://example.test/tensorflow-3"
        quality: 80
        provider:
          name: Example Wire
          domain: example.test
        topics:
          - TensorFlow
        related:
          - title: "Law on collection of facial recognition data to be proposed at two sessions"
            webUrl: "https://www.globaltimes.cn/page/202103/1217051.shtml"
          - title: "Somewhere else entirely"
            webUrl: "https://elsewhere.test/story"
        """,
        "## What changed\n\nA **new** compiler and `tf.function` by default.\n",
    )
    # YAML double-quoted escapes put real ESC/BEL characters into the values.
    write_document(
        root,
        "hostile.md",
        r"""
        title: "[bold red]x[/] and [@click=app.quit]boom[/]\e]52;c;aGFja2Vk\a\e[2J"
        excerpt: "Excerpt with [link=https://evil.test]markup[/link] \e[31mred"
        publishedDateTime: 2019-01-01
        originalUrl: "https://example.test/hostile"
        quality: 5
        provider:
          name: "[b]Evil[/b] Corp"
          domain: evil.test
        topics:
          - AI Ethics
        """,
    )
    return root
