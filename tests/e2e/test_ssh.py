"""lede over a real SSH session (sshd on 127.0.0.1), inside tmux, as people run it."""

from __future__ import annotations

import shlex
import time

from tests.e2e.sshd import SshServer
from tests.e2e.terminal import TmuxTerminal
from tests.e2e.test_reader import REPO

URL = "https://www.globaltimes.cn/content/1204981.shtml"


def test_over_ssh_filter_open_copy_resize_quit(
    terminal: TmuxTerminal,
    sshd: SshServer,
    lede: str,
) -> None:
    command = sshd.ssh_command(shlex.join([lede, str(REPO / "feeds")]))
    terminal.start(command, width=160, height=45)
    terminal.wait_for("2 articles · 2 unread", timeout=30)
    terminal.send_keys("/")
    terminal.send_keys("Hangzhou", literal=True)  # arrives right after "/", as over a network
    terminal.wait_for("1 article · 1 unread")
    terminal.send_keys("Enter")
    time.sleep(0.3)
    terminal.send_keys("Enter")
    terminal.wait_for("1 article · 0 unread")
    terminal.send_keys("y")  # OSC 52 through ssh into tmux's paste buffer
    terminal.wait_for("Copied")
    assert terminal.wait_for_paste_buffer(URL) == URL
    terminal.send_keys("o")  # no browser on the far side of ssh: copies and says so
    terminal.wait_for("Remote session (SSH): copied")
    terminal.resize(80, 24)  # the narrow layout: list above the detail, tree hidden
    # Waited on, not read once: right after the resize the old layout is still there, cut.
    screen = terminal.wait_until_gone("Natural Language Processing")
    assert "Hangzhou" in screen
    terminal.send_keys("q")
    assert terminal.wait_for_exit() == 0
    terminal.assert_screen_restored()
