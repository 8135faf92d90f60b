"""The installed reader in the environments people really have: a locale that is not
UTF-8, small terminals, a resize while a view is open."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import write_document
from tests.e2e.terminal import TmuxTerminal
from tests.e2e.tools import latin1_locale

TITLE = "Café crème à Zürich — 中国的人工智能 🚀"


def world_corpus(folder: Path) -> Path:
    """Two articles whose titles, providers and topics are in several scripts."""
    corpus = folder / "corpus"
    write_document(
        corpus,
        "world.md",
        f'title: "{TITLE}"\n'
        "publishedDateTime: 2024-04-01T10:00:00Z\n"
        "originalUrl: https://example.com/world\n"
        "provider: {name: 新华社, domain: xinhua.cn}\n"
        "topics: [Économie]\n",
        "Le corps du texte, déjà lu.\n",
    )
    write_document(
        corpus,
        "plain.md",
        'title: "Plain ASCII title"\npublishedDateTime: 2024-03-01T10:00:00Z\n',
    )
    return corpus


def test_a_latin1_locale_still_draws_the_screen(
    terminal: TmuxTerminal, lede: str, tmp_path: Path
) -> None:
    """Under LANG=en_US.ISO-8859-1 the reader drew every box, bar and foreign title as
    ``\\u2588``-style escapes, several cells each: the screen was unreadable."""
    corpus = world_corpus(tmp_path)
    terminal.start([lede, str(corpus)], width=100, height=30, env=latin1_locale(tmp_path))
    screen = terminal.wait_for("2 articles · 2 unread")
    assert TITLE in screen
    assert "\\u" not in screen and "\\U" not in screen
    terminal.send_keys("q")
    assert terminal.wait_for_exit() == 0
    terminal.assert_screen_restored()
