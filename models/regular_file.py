"""Reading a file that must be a regular one, of bounded size, whatever sits at its path.

A FIFO put where a file is expected waits for a writer forever, and ``/dev/zero`` never
ends: a document, or a settings file, is read only when it is a regular file, and only
up to a limit.
"""

from __future__ import annotations

import os
import stat

_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def not_regular(mode: int) -> str:
    """What a file of ``mode`` is when it is no regular file (a FIFO, a device), else ""."""
    if stat.S_ISREG(mode):
        return ""
    return next((kind for test, kind in _KINDS if test(mode)), "not a regular file")


class TooLarge(Exception):
    """A file over ``limit``, by its size, and its first ``limit`` bytes where asked."""

    def __init__(self, size: int, head: bytes = b"") -> None:
        super().__init__(size)
        self.size = size
        self.head = head


class NotRegular(Exception):
    """A path that is no regular file (a FIFO, a device, a folder), by what it is."""

    def __init__(self, kind: str) -> None:
        super().__init__(kind)
        self.kind = kind


def read_regular(
    path: str | os.PathLike[str], limit: int, *, keep_head: bool = False, opened: int | None = None
) -> bytes:
    """The file's bytes; ``TooLarge`` past the limit (holding the first ``limit`` bytes
    with ``keep_head``), ``NotRegular`` for anything but a regular file. ``opened`` is a
    descriptor ``open_regular`` gave for ``path``, read here instead of opening it again,
    and closed like one opened here.

    Read with ``os.read`` on the descriptor, in one call the size of the file: a buffered
    read of up to the limit allocated 8 MB per call, and a file object around the
    descriptor cost a quarter of the read.
    """
    descriptor = open_regular(path) if opened is None else opened
    try:
        info = os.fstat(descriptor)
        if kind := not_regular(info.st_mode):
            raise NotRegular(kind)
        size = info.st_size
        if size > limit:
            raise TooLarge(size, os.read(descriptor, limit) if keep_head else b"")
        raw = os.read(descriptor, size + 1)  # one byte more tells a file that grew since
        if len(raw) > size:  # still being written: what there is, within the limit
            raw += os.read(descriptor, limit + 1 - len(raw))
    finally:
        os.close(descriptor)
    if len(raw) > limit:
        raise TooLarge(len(raw), raw[:limit] if keep_head else b"")
    return raw


def open_regular(path: str | os.PathLike[str]) -> int:
    """A descriptor open on ``path`` for ``read_regular``; ``NotRegular`` for anything but a
    regular file. The type is asked before opening: opening a FIFO waits for a writer,
    forever, and a device may never end. Opened non-blocking all the same, as the file
    may be replaced in between: ``read_regular`` asks again once it is open."""
    if kind := not_regular(os.stat(path).st_mode):
        raise NotRegular(kind)
    return os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)


SETTINGS_BYTES = 1_000_000  # far beyond any site's settings

# The settings files this process read since ``taken_settings`` was last asked, each with
# its size and modification time as it was read (``library.site_settings_files``).
_read_settings: dict[str, tuple[int, int]] = {}


def settings_text(path: str) -> str | None:
    """The text of a site's settings file (``_config.yml``, ``docusaurus.config.js``),
    or None where there is none to read: a FIFO or a device at its name, a file too
    large to be one. A byte that is not UTF-8 reads as a replacement character."""
    try:
        info = os.stat(path)  # before it is read: a change meanwhile is seen as one
        _read_settings[path] = (info.st_size, info.st_mtime_ns)
        return read_regular(path, SETTINGS_BYTES).decode("utf-8-sig", "replace")
    except (OSError, TooLarge, NotRegular):
        return None


def taken_settings() -> tuple[tuple[str, int, int], ...]:
    """The settings files read since last asked, with their size and modification time."""
    taken = tuple((path, *stamp) for path, stamp in _read_settings.items())
    _read_settings.clear()
    return taken
