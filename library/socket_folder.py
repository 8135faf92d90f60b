"""A temporary folder short enough to hold the fork server's socket."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator

# A socket's path is limited (108 bytes on Linux, 104 on macOS); multiprocessing names its
# server's socket ``pymp-XXXXXXXX/listener-XXXXXXXX`` inside the temporary folder.
LONGEST = 64
SHORT = "/tmp"


@contextlib.contextmanager
def short_temporary_folder() -> Iterator[None]:
    """While the body starts the fork server, a temporary folder its socket fits in.

    Under a long ``TMPDIR`` the server could not start: a preview failed with "AF_UNIX
    path too long", and the index was parsed on one core. multiprocessing makes its folder
    once, on first use, so only that start needs the shorter one.
    """
    if len(tempfile.gettempdir()) <= LONGEST or not os.access(SHORT, os.W_OK | os.X_OK):
        yield
        return
    saved = tempfile.tempdir
    tempfile.tempdir = SHORT
    try:
        yield
    finally:
        tempfile.tempdir = saved
