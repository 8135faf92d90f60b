"""The lead image in a real terminal (tmux): ``i`` draws it in half-blocks, fetched then."""

from __future__ import annotations

from pathlib import Path

from tests.e2e.terminal import TmuxTerminal
from tests.e2e.tools import one_story_corpus
from tests.images import serve_images
from tests.webserver import TestServer

HALF_BLOCKS = ("▀", "▄")


def test_i_draws_the_image_in_half_blocks(
    terminal: TmuxTerminal, lede: str, server: TestServer, tmp_path: Path
) -> None:
    serve_images(server)
    corpus = one_story_corpus(tmp_path, "https://example.test/story", server.url("/photo.png"))
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
