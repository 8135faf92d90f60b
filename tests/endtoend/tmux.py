"""A real terminal for end-to-end tests: a private tmux server, driven by keys and read back.

Each test gets its own tmux server (``-S`` socket in the test's folder, no user
config), so nothing touches a developer's tmux. ``set-clipboard on`` makes tmux
keep what a program copies with OSC 52 in a paste buffer, which is how a test
sees what ``y`` copied, even through ssh.
"""

from __future__ import annotations

import re
import shlex
import subprocess
import time
from pathlib import Path


class TmuxTerminal:
    """One tmux session running one command at a fixed size."""

    def __init__(self, folder: Path) -> None:
        self.socket = folder / "tmux.sock"
        config = folder / "tmux.conf"
        config.write_text(
            "set -g default-terminal tmux-256color\n"
            "set -s set-clipboard on\n"
            "set -g remain-on-exit on\n"  # keep the last screen (and the exit line) readable
            "set -g history-limit 100\n"
        )
        self.config = config

    def tmux(self, *args: str) -> str:
        result = subprocess.run(
            ["tmux", "-S", str(self.socket), "-f", str(self.config), *args],
            capture_output=True,
            text=True,
            timeout=10,
        )
        if result.returncode != 0:
            raise AssertionError(f"tmux {' '.join(args)} failed: {result.stderr.strip()}")
        return result.stdout

    def start(
        self,
        command: list[str],
        *,
        env: dict[str, str],
        cwd: Path | None = None,
        size: tuple[int, int] = (120, 40),
    ) -> None:
        """Run ``command`` in a new session of ``size`` (columns, lines), replacing any other."""
        subprocess.run(
            ["tmux", "-S", str(self.socket), "kill-session", "-t", "e2e"],
            capture_output=True,
            timeout=10,
        )
        exports = " ".join(f"{key}={shlex.quote(value)}" for key, value in env.items())
        line = (
            f"cd {shlex.quote(str(cwd or Path.cwd()))} && exec env {exports} "
            # tmux 3.3 can drop a pane's last output when its process ends at once.
            f'sh -c \'"$@"; echo "[exited $?]"; sleep 60\' sh {shlex.join(command)}'
        )
        self.tmux("new-session", "-d", "-s", "e2e", "-x", str(size[0]), "-y", str(size[1]), line)

    def send(self, *keys: str) -> None:
        """tmux key names (``Enter``, ``Escape``, ``C-c``) or single characters."""
        self.tmux("send-keys", "-t", "e2e", *keys)

    def resize(self, columns: int, lines: int) -> None:
        self.tmux("resize-window", "-t", "e2e", "-x", str(columns), "-y", str(lines))

    def type(self, text: str) -> None:
        """Literal text, as typed."""
        self.tmux("send-keys", "-t", "e2e", "-l", text)

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", "e2e")

    def wait_for(self, pattern: str, timeout: float = 20) -> str:
        """Wait until ``pattern`` (a regular expression) is on screen; fails showing the screen."""
        deadline = time.monotonic() + timeout
        while True:
            screen = self.screen()
            if re.search(pattern, screen):
                return screen
            if time.monotonic() > deadline:
                raise AssertionError(f"{pattern!r} not on screen after {timeout}s:\n{screen}")
            time.sleep(0.1)

    def exit_status(self, timeout: float = 10) -> int:
        """Wait for the command to end; its exit status, as the shell around it prints it.

        The status line appears on the normal screen, so seeing it also shows the
        program gave the terminal back. (tmux's own pane status can lag: it is set
        only once tmux reaps the process.)
        """
        found = re.search(r"\[exited (\d+)\]", self.wait_for(r"\[exited \d+\]", timeout))
        assert found
        return int(found.group(1))

    def paste_buffer(self) -> str:
        """The newest paste buffer: what the program copied with OSC 52."""
        return self.tmux("show-buffer")

    def close(self) -> None:
        subprocess.run(
            ["tmux", "-S", str(self.socket), "kill-server"], capture_output=True, timeout=10
        )
