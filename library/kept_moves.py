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
import json
import os
from pathlib import Path

from library.regular_file import NotRegular, TooLarge, read_regular

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
    with path.open("a", encoding="utf-8") as file:
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
            with contextlib.suppress(ValueError, TypeError):
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
