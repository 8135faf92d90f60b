"""One malloc arena for the reader's threads.

glibc gives each thread that allocates an arena of its own, and memory freed in an
arena stays with it: the reader's worker threads (loading the story map, counting the
tree, the timeline's dates, refreshes) each kept the peak of their passes, so resident
memory grew with the corpus several times over. With the interpreter lock, threads
seldom allocate at once, so sharing one arena costs little waiting. Elsewhere (another
C library) nothing changes.
"""

from __future__ import annotations

import ctypes
import platform

M_ARENA_MAX = -8  # glibc's mallopt parameter


def share_one_arena() -> bool:
    """Make every thread started from now on allocate from the main arena; whether the
    C library took the setting (glibc only). Call it before any thread is started."""
    if platform.libc_ver()[0] != "glibc":
        return False
    try:
        libc = ctypes.CDLL(None)
        return bool(libc.mallopt(M_ARENA_MAX, 1))
    except (OSError, AttributeError):
        return False
