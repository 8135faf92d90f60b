"""End to end in a real terminal: the installed lede, as a person uses it."""

from __future__ import annotations

import time
from pathlib import Path

from tests.endtoend.conftest import REPO
from tests.endtoend.tmux import TmuxTerminal
from tests.tui.conftest import write_doc
from tests.webserver import ARTICLE_PARAGRAPHS, article_html, page

HANGZHOU = "Hangzhou may ban mandatory collection"
EXCERPT = "A visitor tries facial recognition payment"


def test_filter_open_quit_and_find_it_read(terminal: TmuxTerminal, lede: str, reader_env) -> None:
    terminal.start([lede], env=reader_env, cwd=REPO)  # no path: ./feeds
    terminal.wait_for(r"2 articles · 2 unread")
    terminal.type("/")
    terminal.type("Hangzhou")
    terminal.wait_for(r"filter: Hangzhou\s+1 article · 1 unread")
    terminal.send("Enter")  # leave the filter field
    time.sleep(0.3)  # a person's next key comes a moment later
    terminal.send("Enter")  # open the article
    terminal.wait_for(r"1 article · 0 unread")  # opening marked it read
    screen = terminal.wait_for(EXCERPT)
    assert "Global Times (globaltimes.cn)" in screen
    assert "China’s first" in screen  # the mojibake in the seed is repaired
    terminal.send("q")
    assert terminal.exit_status() == 0

    terminal.start([lede], env=reader_env, cwd=REPO)
    screen = terminal.wait_for(r"2 articles · 1 unread")
    row = next(line for line in screen.splitlines() if HANGZHOU in line)
    assert "●" not in row.split(HANGZHOU)[0]  # no unread marker before the title
    terminal.send("q")
    assert terminal.exit_status() == 0


def test_preview_shows_the_original_page(
    terminal: TmuxTerminal, lede: str, reader_env, server, tmp_path: Path
) -> None:
    server.routes["/story"] = page(article_html())
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    write_doc(
        corpus,
        "story.md",
        f"""
        title: "Harbour bridge story"
        excerpt: "Only an excerpt here."
        publishedDateTime: 2024-05-01T08:00:00Z
        originalUrl: "{server.url("/story")}"
        """,
    )
    terminal.start([lede, str(corpus)], env=reader_env, size=(160, 50))
    terminal.wait_for("1 article")
    terminal.send("Enter")
    terminal.wait_for("Only an excerpt here.")
    terminal.send("p")
    screen = terminal.wait_for(ARTICLE_PARAGRAPHS[0][:26])
    assert "Harbour Bridge Reopens After Repairs" in screen  # the page's headline
    assert "NAVLINK" not in screen and "ADVERT-MARKER" not in screen
    terminal.send("p")
    terminal.wait_for("Only an excerpt here.")
    terminal.send("q")
    assert terminal.exit_status() == 0
