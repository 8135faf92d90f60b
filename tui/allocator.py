"""Two malloc arenas for the reader's threads.

glibc gives each thread that allocates an arena of its own (up to eight a core), and
memory freed in an arena stays with it: the reader's worker threads (the timeline's
counts, the tree's counts, loading the story map, refreshes) each kept the peak of
their passes, so resident memory grew with every thread that had worked on a large
list. Two arenas keep that to two; one was a little less memory still, but then the
keystroke's thread waited on the workers' allocations. Elsewhere (another C library)
nothing changes.
"""

from __future__ import annotations

import ctypes
import platform

M_ARENA_MAX = -8  # glibc's mallopt parameter
ARENAS = 2


def share_arenas() -> bool:
    """Make the threads started from now on allocate from at most ``ARENAS`` arenas;
    whether the C library took the setting (glibc only). Call it before any thread is
    started."""
    if platform.libc_ver()[0] != "glibc":
        return False
    try:
        libc = ctypes.CDLL(None)
        return bool(libc.mallopt(M_ARENA_MAX, ARENAS))
    except (OSError, AttributeError):
        return False
