"""Ending the reader when its terminal goes away or it is told to stop, at any moment.

A reader left running after a hangup keeps the index's write lock and its worker
processes, and nobody can see it. So SIGHUP, SIGTERM and a terminal that stopped
answering all ask the app to exit (its exit gives the terminal back: the alternate
screen and mouse reporting switched off), and once the app has been asked to
end, or has ended, whatever is still running (an index being built, a write to a
dead terminal) gets ``GRACE`` seconds before the process ends anyway. Losing that
work is safe: the index is a cache that commits as it goes, and SQLite rolls back
what was half written.
"""

from __future__ import annotations

import contextlib
import errno
import os
import signal
import sys
import termios
import threading
import time

from textual.app import App

from tui.failure import TERMINATED, TERMINATED_LINE

GRACE = 3.0  # seconds between being told to end and ending regardless
POLL = 0.5  # seconds between two looks at the terminal
# A hangup is how a reader normally ends over SSH; being terminated is not.
RETURN_CODES: dict[int, int] = {signal.SIGHUP: 0, signal.SIGTERM: 128 + signal.SIGTERM}


class Lifeline:
    """Ties the life of the process to its terminal while ``app`` runs in it, and after:
    ``with Lifeline(app): app.run()``. Only for a process that ends with the app."""

    def __init__(self, app: App) -> None:
        self.app = app
        self._ending = threading.Event()
        self._said = threading.Lock()  # held by whichever says the end: it is said once

    def __enter__(self) -> Lifeline:
        self.install()
        return self

    def __exit__(self, *_exception: object) -> None:
        """The app has ended: whatever still works (a cold index) has ``GRACE`` seconds."""
        self.deadline(self.app.return_code or 0)
        self._say_the_end(self.app.return_code or 0)

    def _say_the_end(self, code: int) -> None:
        """Says "lede: terminated" below the screen given back, as a command does: at the
        app's end, or at the deadline where the app's end outlasted it (a busy machine)."""
        if code == TERMINATED and self._said.acquire(blocking=False):
            with contextlib.suppress(OSError):  # stderr closed or gone: the end is all there is
                os.write(2, TERMINATED_LINE.encode())

    def install(self) -> None:
        """Handle the signals and start watching the terminal: before the app runs,
        so that no moment of start-up is left without them."""
        for signum in RETURN_CODES:
            signal.signal(signum, self._on_signal)
        stdin = sys.__stdin__
        if stdin is not None:
            watch = threading.Thread(
                target=self._watch_terminal, args=(stdin.fileno(),), name="lifeline", daemon=True
            )
            watch.start()

    def _on_signal(self, signum: int, _frame: object) -> None:
        self.end(RETURN_CODES.get(signum, 128 + signum))

    def _watch_terminal(self, fd: int) -> None:
        """A closed terminal does not always send SIGHUP (a program in its own session
        has none to receive); it then only shows as an error on the next terminal call.
        That error is looked for even if it came before this look, so it is not taken
        for input that was never a terminal (ENOTTY, which is left alone)."""
        while not self._ending.is_set():
            try:
                termios.tcgetattr(fd)
            except (termios.error, OSError) as error:
                if error.args and error.args[0] == errno.ENOTTY:
                    return
                self.end(0)
                return
            time.sleep(POLL)

    def end(self, code: int) -> None:
        """Ask the app to exit with ``code``, and end the process within ``GRACE``
        seconds whatever it is doing. Safe from a signal handler and any thread."""
        if self._ending.is_set():
            return
        self.deadline(code)
        loop = self.app._loop  # noqa: SLF001 - set while the app runs; no public way
        if loop is None:  # not started yet (nothing to give back) or already ended
            os._exit(code)
        with contextlib.suppress(RuntimeError):  # the loop closed meanwhile
            loop.call_soon_threadsafe(self.app.exit, None, code)

    def deadline(self, code: int) -> None:
        """End the process ``GRACE`` seconds from now, unless it has ended by then."""
        if self._ending.is_set():
            return
        self._ending.set()

        def end_now() -> None:
            time.sleep(GRACE)
            self._say_the_end(code)
            os._exit(code)

        threading.Thread(target=end_now, name="lifeline-deadline", daemon=True).start()
