"""Posts found moved whose marks could not go with them then: kept beside the reading state
until a lede can write it.

A post known by its path keeps its marks only if they are carried to its new path in the
run that finds it moved: the index knows the old path no more after that run. With the
reading state locked past the wait (a reader marking a large corpus read, a program
holding it), ``lede index`` said which marks it had not carried, and they were lost. The
moves are now written, one JSON line each, to a file beside the state, and the next
``carry`` of any lede (a command, the reader) carries them first, in their order.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
from pathlib import Path

from library.db import not_a_file
from models.regular_file import NotRegular, TooLarge, not_regular, read_regular

Move = tuple[str, str]  # (the old path, the new one)
MOVES_BYTES = 1 << 30  # far beyond the moves of any corpus's reorganisation


def kept_file(state_path: Path) -> Path:
    """Where the moves not yet carried into the state at ``state_path`` wait."""
    return state_path.with_name(state_path.name + ".moves")


def waiting(state_path: Path) -> bool:
    """Whether moves wait beside the state at ``state_path``: none can be seen in a folder
    that cannot be read (another user's), where asking failed every command."""
    return os.path.exists(kept_file(state_path))


def keep(state_path: Path, moves: list[Move]) -> Path:
    """Add ``moves`` to those waiting (after them: a later move of a post comes after)."""
    path = kept_file(state_path)
    lines = "".join(json.dumps(list(move)) + "\n" for move in moves)
    # Opened without waiting, and written only if a regular file: a FIFO at its name,
    # opened to be written, waited for a reader for ever (the command, or the reader's
    # writes, hung); it is said as what it is, like one at the state's own path.
    flags = os.O_WRONLY | os.O_APPEND | os.O_CREAT | os.O_NONBLOCK | os.O_CLOEXEC
    try:
        descriptor = os.open(path, flags, 0o644)
    except OSError:
        if why := not_a_file(path):
            raise OSError(errno.EINVAL, why, str(path)) from None
        raise
    with os.fdopen(descriptor, "a", encoding="utf-8") as file:
        if kind := not_regular(os.fstat(descriptor).st_mode):
            raise OSError(errno.EINVAL, f"{kind}, not a file", str(path))
        file.write(lines)
    return path


def take(state_path: Path, aside: str = "taken") -> tuple[Path | None, list[Move]]:
    """The moves waiting, their file set aside (a move another lede keeps meanwhile goes
    to a new file, not lost in this one's removal): that file and its moves."""
    path = kept_file(state_path)
    taken = path.with_name(f"{path.name}.{os.getpid()}.{aside}")
    try:
        os.replace(path, taken)
    except FileNotFoundError:
        return None, []
    moves: list[Move] = []
    # Read only as a regular file: a FIFO in its place was waited on forever, by every
    # command that opens the reading state.
    with contextlib.suppress(OSError, UnicodeError, NotRegular, TooLarge):
        for line in read_regular(taken, MOVES_BYTES).decode("utf-8").splitlines():
            # A line nested past what the parser goes raises RecursionError.
            with contextlib.suppress(ValueError, TypeError, RecursionError):
                old, new = json.loads(line)
                if isinstance(old, str) and isinstance(new, str):
                    moves.append((old, new))
    return taken, moves


def give_back(state_path: Path, taken: Path | None, moves: list[Move]) -> None:
    """Moves taken but not carried wait again, before any kept since."""
    if taken is None:
        return
    later, since = take(state_path, "later")
    keep(state_path, moves + since)
    done(later)
    done(taken)


def done(taken: Path | None) -> None:
    """The taken moves are carried: their file goes."""
    if taken is not None:
        taken.unlink(missing_ok=True)
