"""The lead image in a real terminal (tmux): ``i`` draws it in half-blocks, fetched then."""

from __future__ import annotations

import sys
from pathlib import Path

from tests.conftest import write_document
from tests.e2e.terminal import TmuxTerminal
from tests.images import serve_images
from tests.webserver import TestServer

HALF_BLOCKS = ("▀", "▄")


def test_i_draws_the_image_in_half_blocks(
    terminal: TmuxTerminal, server: TestServer, tmp_path: Path
) -> None:
    serve_images(server)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    write_document(
        corpus,
        "story.md",
        f"""
        title: "Harbour bridge story"
        excerpt: "Only an excerpt here."
        publishedDateTime: 2024-05-01T08:00:00Z
        originalUrl: "https://example.test/story"
        images:
          - url: "{server.url("/photo.png")}"
        """,
    )
    lede = str(Path(sys.executable).parent / "lede")
    # No LEDE_IMAGES: inside tmux the reader picks half-blocks by itself.
    terminal.start([lede, str(corpus)], width=140, height=45)
    terminal.wait_for("1 article")
    terminal.send_keys("Enter")
    screen = terminal.wait_for("Only an excerpt here.")
    assert not any(block in screen for block in HALF_BLOCKS)
    assert server.hits["/photo.png"] == 0  # opening the article fetched nothing
    terminal.send_keys("i")
    screen = terminal.wait_for("Image 96x48, fetched")
    screen = terminal.wait_for("▀")  # the picture is drawn
    assert server.hits["/photo.png"] == 1
    assert sum(line.count("▀") for line in screen.splitlines()) >= 20
    terminal.send_keys("i")  # hidden again, and the keys still reach the reader
    terminal.wait_until_gone("▀")
    terminal.send_keys("q")
    assert terminal.wait_for_exit() == 0
