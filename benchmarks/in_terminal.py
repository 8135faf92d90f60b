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
    argv: list[str],
    marker: str,
    env: dict[str, str],
    timeout: float = 120.0,
    then: str = "",
    settled: bool = True,
) -> tuple[float, int]:
    """Start ``argv`` in a 160x45 pseudo-terminal; seconds until ``marker`` shows (with
    ``then``, seconds from then until ``then`` shows), and the peak memory of its
    processes in kB once it has ``settled`` (see ``settle``; not while a cold index runs)."""
    started = time.perf_counter()
    process, master = spawn_in_terminal(argv, env)
    try:
        shown = wait_for_text(process, master, marker, started + timeout)
        elapsed = shown - started
        if then:
            elapsed = wait_for_text(process, master, then, started + timeout) - shown
        if settled:
            settle(process.pid, master)
        return elapsed, peak_memory_kb(process.pid)
    finally:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        os.close(master)


def wait_for_text(process: subprocess.Popen, master: int, text: str, deadline: float) -> float:
    """Read the terminal until ``text`` shows; the time it did (``perf_counter``)."""
    seen = b""
    pattern = re.compile(re.escape(text.encode()))
    while time.perf_counter() < deadline:
        if select.select([master], [], [], 0.05)[0]:
            try:
                seen = (seen + os.read(master, 65536))[-20000:]
            except OSError:
                break
            # Textual may move the cursor between cells; drop escape sequences first.
            if pattern.search(re.sub(rb"\x1b\[[0-9;?]*[A-Za-z]", b"", seen)):
                return time.perf_counter()
        if process.poll() is not None:
            break
    raise RuntimeError(f"{text!r} never appeared; last output: {seen[-500:]!r}")


def settle(pid: int, master: int, limit: float = 60.0) -> None:
    """Wait until the program's start-up work is done: for a second, no output and
    almost no CPU time used by any of its processes (the scan for changes runs in a
    worker). Their memory is sampled meanwhile."""
    started = checked = quiet_since = time.perf_counter()
    busy = sample_group_memory(pid)
    while time.perf_counter() - started < limit:
        if select.select([master], [], [], 0.1)[0]:
            os.read(master, 65536)
            quiet_since = time.perf_counter()
        ticks = sample_group_memory(pid)
        if time.perf_counter() - checked >= 1.0:
            # under 5 clock ticks (1/100 s each) in the last second: idle
            if time.perf_counter() - quiet_since >= 1.0 and ticks - busy < 5:
                return
            busy, checked = ticks, time.perf_counter()


_group_peak: dict[int, int] = {}


def peak_memory_kb(pid: int) -> int:
    """The larger of the process's own peak and the most its process group (the reader
    and the workers it started) was seen holding at once."""
    own = 0
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            own = int(line.split()[1])
    return max(own, _group_peak.get(pid, 0))


def sample_group_memory(group: int) -> int:
    """Note the memory of every process in ``group`` now, if it is a new peak; the CPU
    time its living processes have used, in clock ticks."""
    total = ticks = 0
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            fields = Path(entry.path, "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == group:  # the process group id
            total += _proportional_kb(int(entry.name))
            ticks += int(fields[11]) + int(fields[12])  # user and system time
    _group_peak[group] = max(_group_peak.get(group, 0), total)
    return ticks


def _proportional_kb(pid: int) -> int:
    """A process's share of resident memory: pages it shares with others (workers forked
    from one server) are divided among them, not counted in each."""
    try:
        lines = Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()
    except OSError:
        return 0
    return next((int(line.split()[1]) for line in lines if line.startswith("Pss:")), 0)


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
        settle(process.pid, master)  # start-up work (counts, the scan for changes) done
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
            sample_group_memory(process.pid)
        return samples
    finally:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        os.close(master)
