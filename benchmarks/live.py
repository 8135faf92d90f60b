"""The benchmark's live measures: the running reader following its corpus.

    python benchmarks/live.py [--count 50000] [--keep DIR]

* arrival: a file written into the corpus until the list's total counts it, no key
  pressed (goal: within 1 s; the best and the slowest of the runs);
* burst: 10,000 files arriving at once (moved in one by one, as a big ``git pull``
  writes them) while a filter is typed: each keystroke until the screen shows it
  (goal: < 50 ms, the median and the slowest), and how long until all are counted;
* idle: the CPU time of the reader and the processes under it over ``IDLE`` seconds
  with nothing happening, from ``/proc/PID/stat`` (goal: under 1%).

New files go under ``live-arrivals/`` in the corpus, removed again at the end.
"""

from __future__ import annotations

import contextlib
import os
import re
import select
import shutil
import signal
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

from bench import LEDE, arguments, print_table, workspace
from in_terminal import spawn_in_terminal

IDLE = 30.0  # seconds of idle CPU measured
BURST = 10_000
TICKS = os.sysconf("SC_CLK_TCK")
ESCAPES = re.compile(rb"\x1b\[[0-9;?]*[A-Za-z]")
TYPED = "model data vision"


def document(number: int, title: str) -> str:
    return (
        f"---\ntitle: {title} {number}\npublishedDateTime: 2030-01-01T08:00:00Z\n"
        f"originalUrl: https://arrivals.test/{title.replace(' ', '-')}/{number}\n"
        "provider:\n  name: Arrivals\n  domain: arrivals.test\n---\nBody.\n"
    )


def _stat(path: Path) -> list[str]:
    """The fields of a ``/proc/PID/stat`` after the command's name (from the state on)."""
    return path.read_text().rsplit(")", 1)[1].split()


def cpu_seconds(pid: int) -> float:
    """User and system time so far of the process, all its threads, and every process
    under it that still runs (the reader's indexing worker and fork server among them)."""
    parents: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError, ValueError, IndexError):  # one that just ended
            parents[int(stat.parent.name)] = int(_stat(stat)[1])
    family, grown = {pid}, True
    while grown:
        more = {child for child, parent in parents.items() if parent in family} - family
        family |= more
        grown = bool(more)
    ticks = 0
    for member in family:
        try:
            fields = _stat(Path(f"/proc/{member}/stat"))
        except OSError:
            continue
        ticks += int(fields[11]) + int(fields[12])
    return ticks / TICKS


class Reader:
    """The reader in a pseudo-terminal, and the text it has written since a mark."""

    def __init__(self, argv: list[str], env: dict[str, str]) -> None:
        self.process, self.master = spawn_in_terminal(argv, env)
        self.output = b""

    def read(self, wait: float) -> None:
        if select.select([self.master], [], [], wait)[0]:
            self.output = (self.output + os.read(self.master, 65536))[-200_000:]

    def mark(self) -> None:
        self.output = b""

    def wait_for(self, text: str, timeout: float = 120.0) -> float:
        """Seconds from now until ``text`` has appeared since the mark."""
        started = time.perf_counter()
        wanted = text.encode()
        while wanted not in ESCAPES.sub(b"", self.output):
            if time.perf_counter() - started > timeout:
                raise RuntimeError(f"{text!r} never appeared")
            self.read(0.01)
        return time.perf_counter() - started

    def settle(self, quiet: float = 0.02, timeout: float = 180.0) -> None:
        """Wait until the reader's start-up or indexing work is done: a second in which
        it used under ``quiet`` seconds of CPU."""
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            before = cpu_seconds(self.process.pid)
            end = time.perf_counter() + 1.0
            while time.perf_counter() < end:
                self.read(0.05)
            if cpu_seconds(self.process.pid) - before < quiet:
                return
        raise RuntimeError("the reader never became idle")

    def type(self, keys: str) -> None:
        os.write(self.master, keys.encode())

    def close(self) -> None:
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait()
        os.close(self.master)


def type_filter(reader: Reader) -> list[float]:
    """Open the filter and type ``TYPED``, a key every 0.1 s: ms until each shows."""
    reader.type("/")
    reader.settle()
    keys = []
    for position in range(len(TYPED)):
        reader.mark()
        reader.type(TYPED[position])
        # The field's text, in the frame that also brings the list (as ``key_latency``).
        keys.append(reader.wait_for(TYPED[: position + 1]) * 1000)
        pause = time.perf_counter() + 0.1
        while time.perf_counter() < pause:
            reader.read(0.02)
    return keys


def live_rows(
    lede: list[str], corpus: Path, count: int, env: dict[str, str], runs: int
) -> list[tuple[str, str, str, str, str]]:
    """The live measures as rows of the benchmark's table."""
    arrivals = corpus / "live-arrivals"
    staging = corpus.parent / "live-staging"
    for folder in (arrivals, staging):
        shutil.rmtree(folder, ignore_errors=True)
    staging.mkdir()
    for number in range(BURST):
        (staging / f"burst-{number}.md").write_text(document(number, "Burst"))
    arrivals.mkdir()
    reader = Reader([*lede, str(corpus)], env)
    try:
        reader.wait_for(f"{count:,} articles")
        reader.settle()
        before = cpu_seconds(reader.process.pid)
        end = time.perf_counter() + IDLE
        while time.perf_counter() < end:
            reader.read(0.5)
        idle = (cpu_seconds(reader.process.pid) - before) / IDLE * 100

        shown = []
        for number in range(1, runs + 2):
            reader.settle()
            reader.mark()
            (arrivals / f"new-{number}.md").write_text(document(number, "Arrival"))
            shown.append(reader.wait_for(f"{count + number:,} articles", timeout=30))
            print(f"arrival {number}: {shown[-1]:.2f} s", file=sys.stderr)
        total = count + runs + 1 + BURST

        reader.settle()
        quiet = type_filter(reader)  # the same keys with nothing arriving: the baseline
        reader.type("\x1b")
        reader.settle()
        moved = threading.Thread(
            target=lambda: [
                os.rename(staging / name, arrivals / name) for name in os.listdir(staging)
            ]
        )
        started = time.perf_counter()
        moved.start()
        keys = type_filter(reader)
        moved.join()
        reader.mark()
        reader.type("\x1b")  # clear the filter: the status shows the whole corpus again
        reader.wait_for(f"{total:,} articles", timeout=300)
        burst = time.perf_counter() - started
    finally:
        reader.close()
        shutil.rmtree(arrivals, ignore_errors=True)
        shutil.rmtree(staging, ignore_errors=True)
    return [
        (
            f"arrival at {count}",
            f"{min(shown):.2f} s",
            f"slowest {max(shown):.2f} s",
            "",
            "≤ 1 s",
        ),
        (
            f"keys during {BURST} arrivals",
            f"{statistics.median(keys):.1f} ms",
            f"quiet {statistics.median(quiet):.1f} ms",
            f"slowest {max(keys):.1f} ms; all in {burst:.0f} s",
            "< 50 ms",
        ),
        ("idle CPU", f"{idle:.2f} %", f"over {IDLE:.0f} s", "", "< 1 %"),
    ]


def main() -> int:
    args = arguments("the live measures alone").parse_args()
    with workspace(args.count, args.keep) as (_, corpus, env):
        subprocess.run(
            [*LEDE, "index", str(corpus)], env=env, check=True, stdout=subprocess.DEVNULL
        )
        print_table(live_rows(LEDE, corpus, args.count, env, args.runs))
    return 0


if __name__ == "__main__":
    sys.exit(main())
