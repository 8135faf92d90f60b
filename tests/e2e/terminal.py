"""A real terminal for end-to-end tests: a private tmux server, driven by keys and read as text.

Why tmux: it is a complete terminal emulator (it parses everything a program
writes, keeps an alternate screen, delivers SIGWINCH on resize, understands
OSC 52) that can be driven and read from the command line, with no display and
no real terminal attached. A test starts a program in a detached session, types
with ``send-keys`` and reads the screen with ``capture-pane``.

Isolation: every ``TmuxTerminal`` runs on a tmux server of its own (``TmuxServer``,
which also says how OSC 52 copies become paste buffers).
"""

from __future__ import annotations

import os
import re
import shlex
import signal
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from tests.e2e.tmux import TmuxServer

BANNER = "~ e2e terminal ~"
"""The line ``start`` prints before the command runs, standing for "the screen before"."""

POLL_INTERVAL = 0.05
"""Seconds between two looks at the screen while waiting for it to change."""

LAUNCHER = Path(__file__).with_name("launcher.py")
"""What the pane runs: sets TERM (tmux would otherwise impose its default-terminal),
prints BANNER, runs the command and ends as it did, once tmux has read all of its output."""

Expected = str | re.Pattern[str]


def _ended_title(session: str) -> str:
    """The pane title the launcher sets once ``session``'s command has ended."""
    return f"{BANNER} ended {session}"


def _found(expected: Expected, screen: str) -> bool:
    if isinstance(expected, re.Pattern):
        return expected.search(screen) is not None
    return expected in screen


def _describe(expected: Expected) -> str:
    if isinstance(expected, re.Pattern):
        return f"regular expression {expected.pattern!r}"
    return f"text {expected!r}"


def _framed(screen: str) -> str:
    lines = screen.split("\n")
    while lines and not lines[-1].strip():
        lines.pop()
    return "\n".join(f"  |{line}" for line in lines) or "  (blank)"


class TmuxTerminal(TmuxServer):
    """One program at a time in a tmux pane of a known size, typed into and read like a screen.

    ``start`` runs a command; ``send_keys`` types; ``capture`` / ``wait_for`` read
    the screen; ``wait_for_exit`` gives the command's exit status; ``paste_buffer``
    returns what the program copied with OSC 52; ``close`` ends the tmux server
    and everything running in it.

    ``default_terminal`` is the ``TERM`` programs in the pane see (tmux's
    ``default-terminal`` option; ``start(env={"TERM": ...})`` overrides it for one
    command). The default, ``xterm-256color``, is what most people's terminals
    announce and is in every terminfo database; ``tmux-256color`` or
    ``screen-256color`` describe tmux more exactly.

    ``set_clipboard`` is tmux's ``set-clipboard`` option: ``on`` makes OSC 52
    copies appear as paste buffers (see ``tests.e2e.tmux``).
    """

    # The pane's state, until ``start`` sets it for the command it runs.
    _pane: str | None = None
    _session: str | None = None
    _sessions_started = 0
    _command = ""

    # -- the pane ---------------------------------------------------------------------------

    @property
    def pane(self) -> str:
        """The tmux pane id (``%N``) of the command started last."""
        if self._pane is None:
            raise AssertionError("nothing started yet: call TmuxTerminal.start() first")
        return self._pane

    # -- starting -----------------------------------------------------------------------------

    def start(
        self,
        command: Sequence[str] | str,
        *,
        width: int = 120,
        height: int = 40,
        env: Mapping[str, str] | None = None,
        cwd: str | os.PathLike[str] | None = None,
    ) -> None:
        """Run ``command`` in a new ``width`` x ``height`` terminal; returns at once.

        ``command`` is an argument list (run as is) or a string (run by
        ``/bin/sh -c``). The program inherits this process's environment (so the
        test's XDG folders) minus tmux's variables, COLUMNS/LINES, the locale (set
        to ``LANG=C.UTF-8``) and TEXTUAL*, then ``env`` on top; ``TERM`` is
        ``default_terminal`` unless ``env`` sets it. A command already running is
        ended first.

        The screen starts with the line ``BANNER``, printed just before the command
        runs: it stands for what a terminal shows before a program starts, and
        ``assert_screen_restored`` checks that it is all that is left at the end.
        (It is fixed text, so ``wait_for`` cannot mistake it for the program's.)
        """
        argv = ["/bin/sh", "-c", command] if isinstance(command, str) else list(command)
        if not argv:
            raise ValueError("empty command")
        variables = dict(env or {})
        term = variables.pop("TERM", self.default_terminal)
        for name in variables:
            if not name or "=" in name:
                raise ValueError(f"not an environment variable name: {name!r}")
        previous = self._session
        self._sessions_started += 1
        session = f"e2e{self._sessions_started}"
        options = [part for name, value in variables.items() for part in ("-e", f"{name}={value}")]
        launched = self.tmux(
            "new-session",
            "-d",
            "-P",
            "-F",
            "#{pane_id}",
            "-s",
            session,
            "-x",
            str(width),
            "-y",
            str(height),
            "-c",
            str(cwd if cwd is not None else Path.cwd()),
            *options,
            "--",
            sys.executable,
            "-I",
            "-S",
            str(LAUNCHER),
            term,
            BANNER,
            _ended_title(session),
            str(self._release(session)),
            *argv,
        )
        self._pane = launched.stdout.strip()
        self._session = session
        self._command = command if isinstance(command, str) else shlex.join(argv)
        if previous is not None:  # after the new one exists, so the server stays up
            self.tmux("kill-session", "-t", f"={previous}", check=False)

    def _release(self, session: str) -> Path:
        """The file whose existence lets ``session``'s launcher end (see ``exit_status``)."""
        return self.folder / f"{session}.release"

    # -- typing -------------------------------------------------------------------------------

    def send_keys(self, *keys: str, literal: bool = False) -> None:
        """Type ``keys``, as tmux ``send-keys`` does.

        Each argument is a key name (``Enter``, ``Escape``, ``C-c``, ``Up``, ``F5``,
        ``Space``) or else typed as the characters it holds. With ``literal``
        (``-l``) every argument is typed as characters: use it for text, so that a
        word that happens to be a key name (``Enter``, ``Home``) is not taken as one.
        """
        self.tmux("send-keys", "-t", self.pane, *(["-l"] if literal else []), "--", *keys)

    def click(self, column: int, row: int) -> None:
        """Press and release the left button at 1-based ``column``, ``row``.

        The bytes are what a terminal sends for a click in SGR mouse mode
        (``ESC [ < 0 ; x ; y M``, then ``m``), typed into the pane as they are:
        the program in it, or a tmux client running there, reads them as a mouse.
        """
        for final in "Mm":
            sequence = f"\x1b[<0;{column};{row}{final}".encode()
            self.tmux("send-keys", "-t", self.pane, "-H", *(f"{byte:02x}" for byte in sequence))

    # -- reading ------------------------------------------------------------------------------

    def capture(self, *, join_wrapped: bool = False) -> str:
        """The visible screen as plain text: one line per row, trailing spaces removed.

        With ``join_wrapped``, a line the terminal wrapped because it was too long
        comes back as one line (``capture-pane -J``).
        """
        args = ["capture-pane", "-p", "-t", self.pane]
        if join_wrapped:
            args.append("-J")
        output = self.tmux(*args).stdout
        return "\n".join(line.rstrip() for line in output.split("\n")[:-1])

    def wait_for(self, expected: Expected, timeout: float = 10.0) -> str:
        """Wait until ``expected`` is on screen and return that screen.

        ``expected`` is text to find, or a compiled regular expression to search
        for (``re.compile(r"^done$", re.M)`` for a whole line). On timeout, raises
        ``AssertionError`` showing the last screen, so a failure says what was
        there instead.
        """
        return self._wait(lambda screen: _found(expected, screen), _describe(expected), timeout)

    def wait_until_gone(self, expected: Expected, timeout: float = 10.0) -> str:
        """Wait until ``expected`` is no longer on screen and return that screen."""
        return self._wait(
            lambda screen: not _found(expected, screen),
            f"{_describe(expected)} to disappear",
            timeout,
        )

    def _wait(self, done: Callable[[str], bool], what: str, timeout: float) -> str:
        deadline = time.monotonic() + timeout
        while True:
            ended = self.exit_status() is not None  # before the look: its screen is final
            screen = self.capture()
            if done(screen):
                return screen
            if ended:
                raise AssertionError(self._report(f"the program ended; still waiting for {what}"))
            if time.monotonic() >= deadline:
                raise AssertionError(self._report(f"waited {timeout}s for {what}", screen))
            time.sleep(POLL_INTERVAL)

    def _report(self, problem: str, screen: str | None = None) -> str:
        """``problem``, then the command, whether it still runs, and the screen."""
        try:
            if screen is None:
                screen = self.capture()
            status = self.exit_status()
            width, height = self.size()
        except AssertionError as error:  # the tmux server itself is gone
            return f"{problem}\ncommand: {self._command}\n(no screen: {error})"
        if status is None:
            state = "still running"
        elif status < 0:
            state = f"killed by signal {-status}"
        else:
            state = f"exited with status {status}"
        return (
            f"{problem}\ncommand: {self._command}\nprogram: {state}\n"
            f"screen ({width}x{height}):\n{_framed(screen)}"
        )

    # -- size ---------------------------------------------------------------------------------

    def size(self) -> tuple[int, int]:
        """The pane's (columns, lines)."""
        width, height = self._format("#{pane_width} #{pane_height}").split()
        return int(width), int(height)

    def resize(self, width: int, height: int) -> None:
        """Resize the terminal; the program gets SIGWINCH, as when a person resizes a window."""
        self.tmux("resize-window", "-t", self.pane, "-x", str(width), "-y", str(height))
        actual = self.size()
        if actual != (width, height):
            raise AssertionError(f"asked tmux for {width}x{height}, the pane is {actual}")

    # -- the program's end --------------------------------------------------------------------

    def _format(self, text: str) -> str:
        return self.tmux("display-message", "-p", "-t", self.pane, text).stdout.strip()

    def is_alive(self) -> bool:
        """Whether the command started last is still running."""
        return self.exit_status() is None

    def exit_status(self) -> int | None:
        """The ended command's exit status (``-N`` if signal N killed it, as in
        ``subprocess``), or ``None`` while it runs.

        The pane's process ends once tmux has read all the command wrote (see
        ``tests.e2e.launcher``), so a status means the screen is final.

        tmux learns the status from SIGCHLD, which can come after it has seen the
        end of the output, or never: tmux built with libutempter (Debian's is)
        misses a SIGCHLD that arrives while libutempter's helper runs, which it
        does each time a pane opens or closes, and the process then stays an
        unreaped zombie (tmux/tmux#311). So a pane that is dead without a status
        gets tmux's server a SIGCHLD of its own, which makes it reap (harmless
        otherwise), and reads as ``None`` until the status is in.
        """
        fields = "#{pane_dead}|#{pane_dead_status}|#{pane_dead_signal}|#{pane_title}"
        dead, status, killed_by, title = self._format(fields).split("|", 3)
        if dead != "1" and self._session is not None and title == _ended_title(self._session):
            self._release(self._session).touch()
            dead, status, killed_by, title = self._format(fields).split("|", 3)
        if dead == "1" and not status and not killed_by:
            os.kill(int(self._format("#{pid}")), signal.SIGCHLD)
            dead, status, killed_by, title = self._format(fields).split("|", 3)
        if dead != "1":
            return None
        if status:
            return int(status)
        if killed_by:
            return -int(killed_by)
        return None

    def wait_for_exit(self, timeout: float = 10.0) -> int:
        """Wait for the command to end and return its exit status (see ``exit_status``)."""
        deadline = time.monotonic() + timeout
        while True:
            status = self.exit_status()
            if status is not None:
                return status
            if time.monotonic() >= deadline:
                raise AssertionError(self._report(f"the program did not exit within {timeout}s"))
            time.sleep(POLL_INTERVAL)

    def assert_screen_restored(self, timeout: float = 10.0) -> str:
        """Check that the ended program left the terminal as it found it, and return the screen.

        A full-screen program draws on the alternate screen and switches back on
        exit (``ESC [ ? 1049 l``), so the normal screen shows again what was there
        before: here, only the ``BANNER`` line ``start`` printed. Anything else
        (the program never left the alternate screen, wrote to the normal screen,
        cleared it, or died with a traceback) fails, showing the screen.
        """
        self.wait_for_exit(timeout)
        screen = self.capture(join_wrapped=True)
        lines = screen.split("\n")
        while lines and not lines[-1]:
            lines.pop()
        problems = []
        if self._format("#{alternate_on}") == "1":
            problems.append("the terminal is still on the alternate screen")
        if lines != [BANNER]:
            problems.append(f"the screen should hold only the line {BANNER!r}")
        if problems:
            raise AssertionError(
                self._report("the program did not restore the screen: " + "; ".join(problems))
            )
        return screen

    # -- clipboard ----------------------------------------------------------------------------

    def paste_buffer(self) -> str:
        """tmux's newest paste buffer: the text the program last copied with OSC 52.

        Raises ``AssertionError`` (showing the screen) if nothing was copied.
        """
        result = self.tmux("show-buffer", check=False)
        if result.returncode != 0:
            raise AssertionError(
                self._report(f"tmux has no paste buffer ({result.stderr.strip()}): no OSC 52 copy")
            )
        return result.stdout

    def wait_for_paste_buffer(self, expected: str, timeout: float = 10.0) -> str:
        """Wait until the newest paste buffer is ``expected`` (an OSC 52 copy arrived)."""
        deadline = time.monotonic() + timeout
        while True:
            result = self.tmux("show-buffer", check=False)
            if result.returncode == 0 and result.stdout == expected:
                return result.stdout
            if time.monotonic() >= deadline:
                found = result.stdout if result.returncode == 0 else "no buffer"
                raise AssertionError(
                    self._report(f"paste buffer is {found!r}, waited {timeout}s for {expected!r}")
                )
            time.sleep(POLL_INTERVAL)

    # -- the end ------------------------------------------------------------------------------

    def close(self) -> None:
        """End the tmux server and every program still running in it."""
        super().close()
        self._pane = None
        self._session = None

    def __enter__(self) -> TmuxTerminal:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()
