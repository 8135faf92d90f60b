"""A small corpus with every shape the reader must handle, and the reader in a real terminal."""

from __future__ import annotations

import os
import shutil
import signal
import sys
from collections.abc import Callable, Iterator
from contextlib import suppress
from pathlib import Path

import pytest

from tests.conftest import FEEDS, TENSORFLOW_FRONT, write_document
from tests.tui.terminal import Terminal, family

HANGZHOU = "Hangzhou may ban mandatory collection"
TWO_SESSIONS = "Law on collection of facial recognition data"
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
        TENSORFLOW_FRONT
        + """\
excerpt: "Google ships TensorFlow 3."
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


@pytest.fixture
def start() -> Iterator[Callable[..., Terminal]]:
    """Start the reader (on feeds/ unless told) in a pseudo-terminal; the reader and every
    process it started are killed after the test."""
    started: list[Terminal] = []

    def launch(size: tuple[int, int] = (120, 40), corpus: Path = FEEDS, **env: str) -> Terminal:
        # COLUMNS and LINES would override the terminal's size (pytest-xdist sets 80x24).
        dropped = ("NO_COLOR", "STY", "COLUMNS", "LINES")
        environment = {k: v for k, v in os.environ.items() if k not in dropped}
        argv = [sys.executable, "-m", "tui", str(corpus)]
        terminal = Terminal(argv, environment | env, size)
        started.append(terminal)
        return terminal

    yield launch
    for terminal in started:
        for pid in family(terminal.process.pid):
            with suppress(ProcessLookupError):  # it may have ended since
                os.kill(pid, signal.SIGKILL)
        terminal.process.wait()
