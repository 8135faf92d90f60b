"""The installed reader in a real pseudo-terminal: started, read, typed at and ended.

A pty, not tmux, where a test needs the bytes the reader writes (escape sequences, colours)
or to be the terminal that goes away (a hangup).
"""

from __future__ import annotations

import fcntl
import os
import pty
import re
import select
import struct
import subprocess
import termios
import time
from pathlib import Path

ANSI = re.compile(rb"\x1b\[[0-9;?]*[A-Za-z]")


class Terminal:
    """A program in a pseudo-terminal of a given size, with everything it wrote."""

    def __init__(self, argv: list[str], env: dict[str, str], size: tuple[int, int]) -> None:
        self.master, slave = pty.openpty()
        columns, lines = size
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", lines, columns, 0, 0))
        self.process = subprocess.Popen(
            argv, stdin=slave, stdout=slave, stderr=slave, env=env, start_new_session=True
        )
        os.close(slave)
        self.output = b""

    def read(self, seconds: float) -> None:
        deadline = time.monotonic() + seconds
        # poll, not select: a long session's file descriptors pass select's limit of 1024.
        watch = select.poll()
        watch.register(self.master, select.POLLIN)
        while time.monotonic() < deadline:
            if watch.poll(50):
                try:
                    self.output += os.read(self.master, 65536)
                except OSError:
                    return

    def wait_for(self, text: str, timeout: float = 20) -> None:
        deadline = time.monotonic() + timeout
        while text.encode() not in ANSI.sub(b"", self.output):
            if time.monotonic() > deadline or self.process.poll() is not None:
                tail = ANSI.sub(b"", self.output)[-1500:]
                raise AssertionError(f"{text!r} not on screen; last output: {tail!r}")
            self.read(0.1)

    def press(self, keys: str) -> None:
        os.write(self.master, keys.encode())

    def close(self) -> int:
        """Wait for the program to end, keeping everything it wrote until then."""
        deadline = time.monotonic() + 20
        try:
            while self.process.poll() is None:  # keep reading: a full pty would block it
                if time.monotonic() > deadline:
                    raise AssertionError("the program did not exit")
                self.read(0.1)
            self.read(0.3)
            return self.process.returncode
        finally:
            os.close(self.master)


def processes() -> dict[int, tuple[int, int, str]]:
    """Every live process: pid -> (parent, session, command line)."""
    found = {}
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            stat = Path(f"/proc/{name}/stat").read_text()
            command = Path(f"/proc/{name}/cmdline").read_bytes().replace(b"\0", b" ")
        except OSError:
            continue
        fields = stat.rpartition(")")[2].split()
        if fields[0] not in ("Z", "X"):  # a zombie has ended; only its parent's wait is left
            found[int(name)] = (int(fields[1]), int(fields[3]), command.decode(errors="replace"))
    return found


def family(pid: int) -> dict[int, str]:
    """``pid`` and every live process it started (by parent, or in its session)."""
    table = processes()
    members = {pid} if pid in table else set()
    members |= {other for other, (_, session, _) in table.items() if session == pid}
    grew = True
    while grew:
        more = {other for other, (parent, _, _) in table.items() if parent in members}
        grew = not more <= members
        members |= more
    return {member: table[member][2] for member in members}
