"""Programs in a real pseudo-terminal, timed until their text appears, as a person sees it."""

from __future__ import annotations

import fcntl
import os
import pty
import re
import select
import signal
import struct
import subprocess
import termios
import time
from pathlib import Path


def spawn_in_terminal(argv: list[str], env: dict[str, str]) -> tuple[subprocess.Popen, int]:
    """Start ``argv`` in a new 160x45 pseudo-terminal; the process and the terminal's end."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 45, 160, 0, 0))
    process = subprocess.Popen(
        argv,
        stdin=slave,
        stdout=slave,
        stderr=slave,
        env=env,
        start_new_session=True,
        close_fds=True,
    )
    os.close(slave)
    return process, master


def run_in_terminal(
    argv: list[str], marker: str, env: dict[str, str], timeout: float = 120.0
) -> tuple[float, int]:
    """Start ``argv`` in a 160x45 pseudo-terminal; seconds until ``marker`` shows, and its
    peak resident memory in kB once it has settled (its start-up work done: no output
    for a second)."""
    started = time.perf_counter()
    process, master = spawn_in_terminal(argv, env)
    seen = b""
    pattern = re.compile(re.escape(marker.encode()))
    try:
        while time.perf_counter() - started < timeout:
            ready, _, _ = select.select([master], [], [], 0.05)
            if ready:
                try:
                    chunk = os.read(master, 65536)
                except OSError:
                    break
                seen = (seen + chunk)[-20000:]
                # Textual may move the cursor between cells; drop escape sequences first.
                plain = re.sub(rb"\x1b\[[0-9;?]*[A-Za-z]", b"", seen)
                if pattern.search(plain):
                    elapsed = time.perf_counter() - started
                    settle_until = time.perf_counter() + 15
                    while time.perf_counter() < settle_until:
                        if not select.select([master], [], [], 1.0)[0]:
                            break
                        os.read(master, 65536)
                    return elapsed, peak_memory_kb(process.pid)
            if process.poll() is not None:
                break
        raise RuntimeError(f"{marker!r} never appeared; last output: {seen[-500:]!r}")
    finally:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        os.close(master)


def peak_memory_kb(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return 0


def key_latency(
    argv: list[str],
    marker: str,
    keys: list[str],
    env: dict[str, str],
    setup: str = "",
    echoed: bool = False,
) -> list[float]:
    """Milliseconds from writing each key to the screen update it causes.

    With ``echoed``, the update is done when the keys typed so far appear on
    screen (the filter field shows them in the frame that brings the new list
    and counts; the status line may cut a filter to keep its counts); otherwise
    when the program has written nothing for 15 ms. Keys are spaced out so
    updates never run together.
    """
    process, master = spawn_in_terminal(argv, env)

    def drain(silence: float, limit: float = 5.0, first: float = 0.0) -> tuple[bytes, float]:
        """Read until ``silence`` seconds pass with no output (after waiting up to
        ``first`` seconds for the first byte); the output and when it last came."""
        data, last = b"", time.perf_counter()
        deadline = last + limit
        wait = max(first, silence)
        while time.perf_counter() < deadline:
            ready, _, _ = select.select([master], [], [], wait)
            if not ready:
                break
            data += os.read(master, 65536)
            last = time.perf_counter()
            wait = silence
        return data, last

    try:
        seen = b""
        started = time.perf_counter()
        while marker.encode() not in re.sub(rb"\x1b\[[0-9;?]*[A-Za-z]", b"", seen):
            if time.perf_counter() - started > 60:
                raise RuntimeError(f"{marker!r} never appeared")
            seen += drain(0.05, 0.5)[0]
        drain(0.5, 10)  # let start-up work (counts, the scan for changes) finish
        if setup:
            os.write(master, setup.encode())
            drain(0.2)
        samples = []
        for count, key in enumerate(keys, 1):
            sent = time.perf_counter()
            os.write(master, key.encode())
            if echoed:
                wanted = "".join(keys[:count]).encode()
                output = b""
                while wanted not in re.sub(rb"\x1b\[[0-9;?]*[A-Za-z]", b"", output):
                    if time.perf_counter() - sent > 5:
                        raise RuntimeError(f"{wanted!r} never appeared")
                    ready, _, _ = select.select([master], [], [], 0.05)
                    if ready:
                        output += os.read(master, 65536)
                last = time.perf_counter()
            else:
                _, last = drain(0.015, first=2.0)  # the update, however late it starts
            samples.append((last - sent) * 1000)
            drain(0.2)
        return samples
    finally:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        os.close(master)
