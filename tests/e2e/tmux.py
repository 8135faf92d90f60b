"""A private tmux server for end-to-end tests: its own socket and configuration, so tests
never touch, and are never affected by, a developer's tmux server or ``~/.tmux.conf``.

OSC 52 (programs copying to the clipboard), as checked with tmux 3.3a:

* tmux keeps what a program copies with ``ESC ] 52 ; c ; <base64> BEL`` (or
  ``ST`` instead of ``BEL``) in a new paste buffer only when the server option
  ``set-clipboard`` is ``on`` (``set -s set-clipboard on``; ``set -g`` finds the
  same server option). The default, ``external``, ignores copies coming from
  programs, so no buffer appears. ``show-buffer`` then prints the decoded text.
* The outer terminal's ``Ms`` capability (or the ``clipboard`` terminal
  feature) does not matter for this: it only decides whether tmux also forwards
  the copy to the terminals of attached clients. These sessions have no client
  at all, and the buffer is still created; with a client attached whose ``Ms``
  was removed (``terminal-overrides ",*:Ms@"``) the buffer is created too, only
  the forwarding stops. (tmux 3.3 also turns ``clipboard`` on by itself for an
  outer terminal that identifies as tmux or xterm, whatever its ``TERM``.)
* It works through ``ssh -tt`` unchanged: ssh passes the escape sequence through
  as ordinary output, and tmux, the terminal ssh runs in, stores it.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import tempfile
from pathlib import Path

from tests.e2e.tools import require_tool

TMUX_COMMAND_TIMEOUT = 10.0

# Variables never passed from the test process into the terminal: tmux's own
# (they would point at another server), a fixed size (it would override the real
# one), the locale (set to C.UTF-8 instead so results do not depend on who runs
# them) and Textual's debugging switches.
_DROPPED_VARIABLES = {"TMUX", "TMUX_PANE", "COLUMNS", "LINES", "LANGUAGE", "TERM"}
_DROPPED_PREFIXES = ("LC_", "TEXTUAL")


def _environment() -> dict[str, str]:
    env = {
        name: value
        for name, value in os.environ.items()
        if name not in _DROPPED_VARIABLES and not name.startswith(_DROPPED_PREFIXES)
    }
    env["LANG"] = "C.UTF-8"
    return env


class TmuxServer:
    """A tmux server of its own (``-S`` socket, generated ``-f`` configuration), started by
    its first command; ``close`` ends it and everything running in it.

    ``default_terminal`` is the ``TERM`` programs in its panes see (tmux's
    ``default-terminal`` option). ``set_clipboard`` is tmux's ``set-clipboard`` option:
    ``on`` makes OSC 52 copies appear as paste buffers (see the module docstring).
    """

    def __init__(
        self,
        folder: Path,
        *,
        default_terminal: str = "xterm-256color",
        set_clipboard: str = "on",
        tmux: str = "tmux",
    ) -> None:
        self._tmux_path = require_tool(tmux, "tmux")
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)
        self.default_terminal = default_terminal
        self.socket = folder / "tmux.sock"
        self._socket_dir: Path | None = None
        if len(os.fsencode(self.socket)) > 100:  # a socket path must fit in 108 bytes
            self._socket_dir = Path(tempfile.mkdtemp(prefix="e2e-tmux-"))
            self.socket = self._socket_dir / "tmux.sock"
        self.config = folder / "tmux.conf"
        self.config.write_text(
            "\n".join(
                [
                    f"set -g default-terminal {shlex.quote(default_terminal)}",
                    f"set -s set-clipboard {set_clipboard}",
                    # Keep a pane whose program ended, so its last screen and its exit
                    # status (#{pane_dead_status}) can still be read...
                    "set -g remain-on-exit on",
                    # ...without tmux writing "Pane is dead" over that last screen.
                    "set -g remain-on-exit-format ''",
                    "set -g alternate-screen on",
                    "set -g status off",  # the pane gets every line of the window
                    "set -g default-shell /bin/sh",
                    "set -s escape-time 0",
                    "set -g history-limit 2000",
                    "set -g automatic-rename off",
                    "set -g update-environment ''",
                    "",
                ]
            )
        )
        self._env = _environment()

    def tmux(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        """Run one tmux command against this private server.

        Output is decoded as UTF-8 with no newline translation (a paste buffer
        may hold a carriage return). With ``check``, a failure raises
        ``AssertionError`` carrying tmux's message.
        """
        result = subprocess.run(
            [self._tmux_path, "-S", str(self.socket), "-f", str(self.config), *args],
            stdin=subprocess.DEVNULL,
            capture_output=True,
            env=self._env,
            timeout=TMUX_COMMAND_TIMEOUT,
        )
        completed = subprocess.CompletedProcess(
            result.args,
            result.returncode,
            result.stdout.decode("utf-8", "replace"),
            result.stderr.decode("utf-8", "replace"),
        )
        if check and completed.returncode != 0:
            raise AssertionError(
                f"tmux {shlex.join(args)} failed with status {completed.returncode}: "
                f"{completed.stderr.strip()}"
            )
        return completed

    def close(self) -> None:
        """End the tmux server and every program still running in it."""
        self.tmux("kill-server", check=False)
        if self._socket_dir is not None:
            shutil.rmtree(self._socket_dir, ignore_errors=True)
