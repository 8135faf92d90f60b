"""One line for a failure that stops lede before it can do anything (the CLI's and the
reader's alike): an OS error names its path, as ``Permission denied: PATH``."""

from __future__ import annotations

from models.text import printable

INTERRUPTED = 130  # the exit code of a command ended by Ctrl-C, as shells give it
INTERRUPTED_LINE = "lede: interrupted\n"
TERMINATED = 143  # the exit code of a command ended by SIGTERM, as shells give it
TERMINATED_LINE = "lede: terminated\n"


def one_line(error: BaseException) -> str:
    """``error`` as the line after ``lede: ``, its path as written but for what a terminal
    would act on or break the line at (a folder named with an escape sequence or a newline)."""
    if isinstance(error, OSError):
        where = f": {error.filename}" if error.filename else ""
        return printable(f"{error.strerror or error}{where}")
    return printable(str(error))
