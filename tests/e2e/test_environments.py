"""The installed reader in the environments people really have: a locale that is not
UTF-8, small terminals, a resize while a view is open."""

from __future__ import annotations

import shlex
from pathlib import Path

from tests.conftest import write_document
from tests.e2e.sshd import SshServer
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


CONSOLE_LACKS = set("▁▂▃▅▆▇▔▏▎▍▋▊▉⏎●★⊘◆◇▶◀✓✗🔎")
"""Glyphs of the reader's screen that neither the IBM PC font of the Linux console nor the
WGL4 set of distributions' console fonts has: it drew each as the same blank diamond."""


def test_the_linux_console_is_drawn_with_the_glyphs_it_has(
    terminal: TmuxTerminal, lede: str, tmp_path: Path
) -> None:
    corpus = world_corpus(tmp_path)
    terminal.start([lede, str(corpus)], width=80, height=24, env={"TERM": "linux"})
    screens = [terminal.wait_for("2 articles · 2 unread")]
    assert "•   2024-04-01 Café" in screens[0]  # the unread dot the console has
    terminal.send_keys("Enter")  # the detail, its border and footer
    screens.append(terminal.wait_for("space Page down"))
    terminal.send_keys("C-p")  # the palette, its search sign and field's border
    screens.append(terminal.wait_for("Search for commands"))
    for screen in screens:
        assert not CONSOLE_LACKS & set(screen), screen
    terminal.send_keys("Escape")
    terminal.wait_until_gone("Search for commands")
    terminal.send_keys("q")
    assert terminal.wait_for_exit() == 0

    terminal.start([lede, str(corpus)], width=80, height=24)  # xterm-256color: as drawn
    assert "●   2024-03-01 Plain" in terminal.wait_for("2 articles · 1 unread")
    terminal.send_keys("q")
    assert terminal.wait_for_exit() == 0


def test_over_ssh_from_a_console_to_a_latin1_server(
    terminal: TmuxTerminal, sshd: SshServer, lede: str, tmp_path: Path
) -> None:
    """``ssh -t host lede`` from the Linux console (ssh forwards TERM=linux) to a server
    whose locale is ISO-8859-1: the screen was escapes and blank diamonds."""
    corpus = world_corpus(tmp_path)
    # Set by env(1), not the shell: bash would warn that it cannot load a locale of LOCPATH.
    locale = [f"{name}={value}" for name, value in latin1_locale(tmp_path).items()]
    remote = sshd.ssh_command(shlex.join(["env", *locale, lede, str(corpus)]))
    terminal.start(remote, width=60, height=20, env={"TERM": "linux"})
    screen = terminal.wait_for("2 articles · 2 unread", timeout=30)
    assert "•   2024-04-01 Café crème" in screen
    assert "\\u" not in screen and not CONSOLE_LACKS & set(screen)
    terminal.send_keys("q")
    assert terminal.wait_for_exit() == 0
    terminal.assert_screen_restored()
