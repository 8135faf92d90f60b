"""Which file system a corpus is on, where the system tells of no change made elsewhere.

inotify reports what this machine does to a file. On a share (NFS, SMB, 9p: WSL's
drives of Windows) or a FUSE mount (sshfs, rclone), a file written by the other side
raises no event: the reader would wait for news that never shows. Looking at every file
every few seconds instead costs an idle reader a share of a core over such a mount, so
the reader says why, and polling is the user's to ask for.
"""

from __future__ import annotations

import os

MOUNTS = "/proc/self/mountinfo"  # Linux's: elsewhere nothing is known, nothing is said
SHARED = frozenset(("nfs", "nfs4", "cifs", "smb3", "smbfs", "9p", "virtiofs", "ceph", "afs"))


def shared_file_system(path: str) -> str | None:
    """The type of the file system ``path`` is on, if changes made to it elsewhere raise
    no event here (``fuseblk``, a disk of this machine through FUSE, is not one)."""
    try:
        with open(MOUNTS, encoding="utf-8", errors="surrogateescape") as mounts:
            lines = mounts.read().splitlines()
    except OSError:
        return None
    target = os.path.realpath(path)
    found, kind = "", ""
    for line in lines:
        fields, _, about = line.partition(" - ")
        parts = fields.split(" ")
        if len(parts) < 5 or not about:
            continue
        point = _unescaped(parts[4])
        inside = target == point or target.startswith(point.rstrip("/") + "/")
        if inside and len(point) >= len(found):  # the last of equals is the one on top
            found, kind = point, about.split(" ", 1)[0]
    shared = kind in SHARED or kind == "fuse" or kind.startswith("fuse.")
    return kind if shared else None


def _unescaped(field: str) -> str:
    """A mount point as mountinfo writes it, its blanks and backslashes as octal escapes."""
    for escape, character in (("\\040", " "), ("\\011", "\t"), ("\\012", "\n"), ("\\134", "\\")):
        field = field.replace(escape, character)
    return field
