"""The reader's threads allocate from at most two arenas (glibc): counted by glibc itself."""

from __future__ import annotations

import platform
import subprocess
import sys
from pathlib import Path

import pytest

from tui.allocator import ARENAS

ROOT = Path(__file__).resolve().parents[2]

# Threads that allocate at once, then glibc's own account of its arenas (malloc_info
# writes one <heap nr=...> element per arena).
COUNT_ARENAS = """
import ctypes, sys, threading
from tui.allocator import share_arenas
if sys.argv[1] == "shared":
    assert share_arenas()
start = threading.Barrier(4)
def allocate():
    start.wait()
    kept = [bytearray(200) for _ in range(20000)]
    start.wait()
threads = [threading.Thread(target=allocate) for _ in range(4)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
libc = ctypes.CDLL(None)
libc.fopen.restype = ctypes.c_void_p
libc.fopen.argtypes = [ctypes.c_char_p, ctypes.c_char_p]
libc.fclose.argtypes = [ctypes.c_void_p]
libc.malloc_info.argtypes = [ctypes.c_int, ctypes.c_void_p]
out = libc.fopen(sys.argv[2].encode(), b"w")
libc.malloc_info(0, out)
libc.fclose(out)
"""


def arenas(mode: str, tmp_path: Path) -> int:
    report = tmp_path / f"{mode}.xml"
    subprocess.run(
        [sys.executable, "-c", COUNT_ARENAS, mode, str(report)], cwd=ROOT, check=True, timeout=60
    )
    return report.read_text().count("<heap nr=")


@pytest.mark.skipif(platform.libc_ver()[0] != "glibc", reason="arenas are glibc's")
def test_threads_share_two_arenas(tmp_path: Path) -> None:
    assert arenas("own", tmp_path) == 5  # the main thread's and one for each thread
    assert arenas("shared", tmp_path) == ARENAS
