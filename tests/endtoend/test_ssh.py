"""lede over a real SSH session (sshd on 127.0.0.1), inside tmux, as people run it."""

from __future__ import annotations

import time

from tests.endtoend.conftest import REPO
from tests.endtoend.sshd import Sshd
from tests.endtoend.tmux import TmuxTerminal

URL = "https://www.globaltimes.cn/content/1204981.shtml"


def test_over_ssh_filter_open_copy_resize_quit(
    terminal: TmuxTerminal, sshd: Sshd, lede: str, reader_env
) -> None:
    command = sshd.ssh_command([lede, str(REPO / "feeds")], reader_env)
    terminal.start(command, env=reader_env, size=(160, 45))
    terminal.wait_for(r"2 articles · 2 unread", timeout=30)
    terminal.type("/")
    terminal.type("Hangzhou")
    terminal.wait_for(r"1 article · 1 unread")
    terminal.send("Enter")
    time.sleep(0.3)
    terminal.send("Enter")
    terminal.wait_for(r"1 article · 0 unread")
    terminal.wait_for("Global Times")
    terminal.send("y")  # OSC 52 through ssh into tmux's paste buffer
    terminal.wait_for("Copied")
    assert terminal.paste_buffer() == URL
    terminal.send("o")  # no browser on the far side of ssh: copies and says so
    terminal.wait_for("No browser here")
    terminal.resize(80, 24)  # the narrow layout: list above the detail, tree hidden
    screen = terminal.wait_for(r"Hangzhou")
    assert "Natural Language Processing" not in screen
    terminal.send("q")
    assert terminal.exit_status() == 0
