"""How many cells a terminal gives each line of text, asked of the terminal itself.

Run in a test terminal's pane (``probe.py LINES_JSON CELLS_JSON``): each line is written
at the start of a cleared row and the terminal is asked where its cursor stands (DSR,
``ESC [ 6 n``), so the widths are the terminal's, not those of a table in Python that
might agree with the program under test. ``cells_of`` runs it and reads the answer.
"""

from __future__ import annotations

import json
import os
import re
import sys
import termios
import tty
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tests.e2e.terminal import TmuxTerminal

_POSITION = re.compile(rb"\x1b\[(\d+);(\d+)R")


def _cursor_column(terminal: int) -> int:
    os.write(1, b"\x1b[6n")
    answer = b""
    while _POSITION.search(answer) is None:
        answer += os.read(terminal, 32)
    found = _POSITION.search(answer)
    assert found is not None
    return int(found.group(2)) - 1


def main(lines_file: str, cells_file: str) -> None:
    lines = json.loads(Path(lines_file).read_text(encoding="utf-8"))
    terminal = sys.stdin.fileno()
    saved = termios.tcgetattr(terminal)
    tty.setraw(terminal)
    try:
        cells = []
        for line in lines:
            os.write(1, b"\r\x1b[2K" + line.encode())
            cells.append(_cursor_column(terminal))
    finally:
        termios.tcsetattr(terminal, termios.TCSADRAIN, saved)
    Path(cells_file).write_text(json.dumps(cells), encoding="utf-8")


def cells_of(terminal: TmuxTerminal, lines: list[str], folder: Path) -> list[int]:
    """The cells ``terminal`` gives each of ``lines``."""
    asked, told = folder / "lines.json", folder / "cells.json"
    asked.write_text(json.dumps(lines), encoding="utf-8")
    terminal.start([sys.executable, __file__, str(asked), str(told)], width=400, height=5)
    assert terminal.wait_for_exit() == 0
    return list(json.loads(told.read_text(encoding="utf-8")))


if __name__ == "__main__":
    main(*sys.argv[1:])
