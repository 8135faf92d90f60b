"""The ``lede`` command's entry point.

A Ctrl-C typed as the command starts lands in the imports of everything it needs, and
showed a traceback of whichever import it was; from the first line here it ends the
command with the one line a later Ctrl-C prints.

A SIGTERM (a service stopped, a script's ``timeout``, ``kill``) ended a command without
a word, and a log then held its first lines and nothing to say why it stopped; it now
ends with one line, at once, as the signal's default does (the index and the preview's
cache commit as they go, and the workers end with this process). The reader answers it
on its own (``lifeline``).

A worker lede starts (an index's, or the one that reads a preview's page) runs the
command's script again, as ``__mp_main__``, to find what it is to run, and so imports
this module too: these lines are the command's alone. A worker ended by its command (a
preview left while its page was read) wrote "lede: terminated" over the reader's screen.
"""

import contextlib
import os
import signal
import sys

from tui.failure import INTERRUPTED, INTERRUPTED_LINE, TERMINATED, TERMINATED_LINE

_AS_STARTED = signal.getsignal(signal.SIGINT)  # ignored in a shell's background job
# The script that imports this, run again by a worker (``__main__`` is then the worker's own).
_MAIN = sys.modules["__main__"]
_IN_A_WORKER = sys.modules.get("__mp_main__", _MAIN) is not _MAIN


def _end_while_starting(*_: object) -> None:
    os.write(2, INTERRUPTED_LINE.encode())
    os._exit(INTERRUPTED)


if _AS_STARTED is signal.default_int_handler and not _IN_A_WORKER:
    signal.signal(signal.SIGINT, _end_while_starting)

_COMMAND = os.getpid()  # not a process started from it, which ends as its parent says


def _end_when_terminated(signum: int, _frame: object) -> None:
    if os.getpid() == _COMMAND:
        sync = sys.modules.get("library.sync")
        if sync is not None:  # a git it started, in a session of its own, ends with it
            sync.stop_git()
        with contextlib.suppress(OSError):  # stderr closed or gone: the end is all there is
            os.write(2, TERMINATED_LINE.encode())
        os._exit(TERMINATED)
    signal.signal(signum, signal.SIG_DFL)
    os.kill(os.getpid(), signum)


# Not ignored by whoever started it.
if signal.getsignal(signal.SIGTERM) is signal.SIG_DFL and not _IN_A_WORKER:
    signal.signal(signal.SIGTERM, _end_when_terminated)


def run() -> None:
    """The ``lede`` command (see ``tui.cli.run``)."""
    from tui import cli

    signal.signal(signal.SIGINT, _AS_STARTED)
    cli.run()
