"""``lede --serve``: the reader served to a browser over textual-serve, on loopback."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import aiohttp
import pytest

FEEDS = Path(__file__).resolve().parents[1] / "feeds"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def served() -> int:
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "tui", "--serve", "--port", str(port), str(FEEDS)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        env=os.environ.copy(),
    )
    try:
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.1)
        else:
            raise AssertionError(f"--serve never listened: {process.stdout.read1()!r}")
        yield port
    finally:
        process.terminate()
        process.wait(timeout=10)


async def test_serve_answers_with_the_app_page_and_runs_the_reader(served: int) -> None:
    async with aiohttp.ClientSession() as session:
        async with session.get(f"http://127.0.0.1:{served}/") as page:
            assert page.status == 200
            html = await page.text()
        assert "textual.js" in html and "/ws" in html
        screen = ""
        async with session.ws_connect(f"http://127.0.0.1:{served}/ws?width=140&height=40") as ws:
            deadline = time.monotonic() + 30
            while "Hangzhou may ban" not in screen and time.monotonic() < deadline:
                try:
                    message = await ws.receive(timeout=1)
                except TimeoutError:
                    continue
                if message.type == aiohttp.WSMsgType.TEXT:
                    screen += message.data
                elif message.type == aiohttp.WSMsgType.BINARY:
                    screen += message.data.decode("utf-8", "replace")
        assert "Hangzhou may ban" in screen, screen[-2000:]
        assert "All articles" in screen
