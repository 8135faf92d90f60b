"""The ``lede`` command's entry point.

A Ctrl-C typed as the command starts lands in the imports of everything it needs, and
showed a traceback of whichever import it was; from the first line here it ends the
command with the one line a later Ctrl-C prints.
"""

import os
import signal

from tui.failure import INTERRUPTED, INTERRUPTED_LINE

_AS_STARTED = signal.getsignal(signal.SIGINT)  # ignored in a shell's background job


def _end_while_starting(*_: object) -> None:
    os.write(2, INTERRUPTED_LINE.encode())
    os._exit(INTERRUPTED)


if _AS_STARTED is signal.default_int_handler:
    signal.signal(signal.SIGINT, _end_while_starting)


def run() -> None:
    """The ``lede`` command (see ``tui.cli.run``)."""
    from tui import cli

    signal.signal(signal.SIGINT, _AS_STARTED)
    cli.run()
