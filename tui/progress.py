"""How indexing progress reads, for the reader's list header and ``lede index`` alike:
files done of the total, a one-line bar and a percentage. Plain text, no Textual, so
the command line can use it without importing the UI."""

from __future__ import annotations

BAR_WIDTH = 12
FULL, EMPTY = "█", "░"
PULSE = 3  # cells of the block that moves along an indeterminate bar


def bar(done: int, total: int, width: int = BAR_WIDTH, tick: int = 0) -> str:
    """A bar ``width`` cells wide, filled to ``done`` of ``total``; while the total is
    not known (0), a short block that moves one cell for each ``tick``."""
    if total <= 0:
        start = (tick + PULSE) % (width + PULSE) - PULSE
        return "".join(FULL if start <= cell < start + PULSE else EMPTY for cell in range(width))
    filled = width * min(done, total) // total
    return FULL * filled + EMPTY * (width - filled)


def progress_line(done: int, total: int, *, tick: int = 0, width: int = BAR_WIDTH) -> str:
    """``indexing 512/2,000 ███░░░░░░░░░ 25%``, or ``indexing… 512 files`` with a moving
    bar while the files have not all been counted; a bar ``width`` cells wide (none at 0)."""
    drawn = f" {bar(done, total, width, tick)}" if width > 0 else ""
    if total <= 0:
        files = f"{done:,} files" if done else "finding files"
        return f"indexing… {files}{drawn}"
    return f"indexing {done:,}/{total:,}{drawn} {100 * min(done, total) // total}%"
