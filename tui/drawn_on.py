"""Which terminal the reader draws on when stderr was sent elsewhere."""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator
from typing import TextIO


def _terminal(stream: TextIO | None) -> bool:
    return stream is not None and stream.isatty()


@contextlib.contextmanager
def drawn_on_the_terminal() -> Iterator[None]:
    """``lede 2>lede.log``: stdin and stdout are the terminal, stderr a file. Textual draws
    on stderr, so the reader refused ("needs a terminal") into the file, and the person saw
    lede end at once without a word (exit 2). For the reader's time the screen goes to
    stdout's terminal; what lede says on stderr after it, to where stderr was sent."""
    stderr = sys.__stderr__
    if stderr is None or _terminal(stderr) or not _terminal(sys.__stdin__):
        yield
        return
    if not _terminal(sys.__stdout__):
        yield
        return
    stderr.flush()
    kept = os.dup(2)
    os.dup2(1, 2)
    try:
        yield
    finally:
        with contextlib.suppress(OSError):  # a terminal gone with the connection
            stderr.flush()
        os.dup2(kept, 2)
        os.close(kept)
