"""``lede --serve``: the reader served to a browser over textual-serve, behind a token."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import NamedTuple

import aiohttp
import pytest

from tests.conftest import FEEDS, lede_executable
from tui.serve import is_loopback


class Served(NamedTuple):
    port: int
    token: str
    host: str
    process: subprocess.Popen[bytes]


def has_ipv6_loopback() -> bool:
    try:
        with socket.socket(socket.AF_INET6) as probe:
            probe.bind(("::1", 0))
    except OSError:
        return False
    return True


IPV6 = pytest.mark.skipif(not has_ipv6_loopback(), reason="this machine has no IPv6 loopback")


def free_port() -> int:
    """A port free on the loopback of both families."""
    while True:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port: int = probe.getsockname()[1]
        if not has_ipv6_loopback():
            return port
        with socket.socket(socket.AF_INET6) as probe:
            try:
                probe.bind(("::1", port))
            except OSError:
                continue
            return port


@contextmanager
def serving(*host: str, cwd: Path | None = None) -> Iterator[Served]:
    """``lede --serve`` with ``--host`` as given (none: the default), once it listens on
    every address of the one it printed; run from ``cwd`` as the installed command."""
    port = free_port()
    command = [lede_executable()] if cwd else [sys.executable, "-m", "tui"]
    process = subprocess.Popen(
        [*command, "--serve", *host, "--port", str(port), str(FEEDS)],
        stdout=subprocess.PIPE,  # a test's few lines: never enough to fill the pipe
        stderr=subprocess.PIPE,
        env=os.environ.copy(),
        cwd=cwd,
    )
    try:
        line = process.stderr.readline().decode()
        found = re.search(rf"http://(\S+):{port}/\?token=([\w-]+) ", line)
        assert found, line
        addresses = [found[1].strip("[]")]
        if found[1] == "localhost":
            addresses = ["127.0.0.1", "::1"] if has_ipv6_loopback() else ["127.0.0.1"]
        deadline = time.monotonic() + 20
        while addresses and time.monotonic() < deadline:
            try:
                socket.create_connection((addresses[0], port), timeout=0.2).close()
                addresses.pop(0)
            except OSError:
                time.sleep(0.1)
        assert not addresses, f"--serve never listened on {addresses[0]}"
        yield Served(port, found[2], found[1], process)
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture
def served() -> Iterator[Served]:
    with serving() as server:
        yield server


async def read_screen(ws: aiohttp.ClientWebSocketResponse, until: str) -> str:
    screen = ""
    deadline = time.monotonic() + 30
    while until not in screen and time.monotonic() < deadline:
        try:
            message = await ws.receive(timeout=1)
        except TimeoutError:
            continue
        if message.type == aiohttp.WSMsgType.TEXT:
            screen += message.data
        elif message.type == aiohttp.WSMsgType.BINARY:
            screen += message.data.decode("utf-8", "replace")
        elif message.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED):
            break
    return screen


async def test_the_page_with_the_token_runs_the_reader_and_names_the_browsers_host(
    served: Served,
) -> None:
    await shows_the_reader(served)


async def test_served_from_a_project_with_a_tui_package_the_reader_is_ledes(
    tmp_path: Path,
) -> None:
    """The reader is run as ``python -m tui``: a folder's own ``tui`` package (a
    project's) was run instead, from where ``--serve`` was started."""
    (tmp_path / "tui").mkdir()
    (tmp_path / "tui" / "__init__.py").write_text("")
    (tmp_path / "tui" / "__main__.py").write_text("print('not lede')\n")
    with serving(cwd=tmp_path) as served:
        await shows_the_reader(served)


async def shows_the_reader(served: Served) -> None:
    async with aiohttp.ClientSession() as session:
        url = f"http://localhost:{served.port}/?token={served.token}"
        async with session.get(url) as page:
            assert page.status == 200
            html = await page.text()
        assert "textual.js" in html
        websocket = f"ws://localhost:{served.port}/ws/{served.token}"
        assert f'"{websocket}"' in html and "0.0.0.0" not in html
        origin = {"Origin": f"http://localhost:{served.port}"}
        async with session.ws_connect(f"{websocket}?width=140&height=40", headers=origin) as ws:
            screen = await read_screen(ws, "Hangzhou may ban")
        assert "Hangzhou may ban" in screen, screen[-2000:]
        assert "All articles" in screen


async def test_a_paste_in_the_browser_is_text(served: Served) -> None:
    """As in a terminal (``tui.paste``): what followed an escape sequence in a paste was
    read as keys, and this one's "q" ended the session."""
    colored = "\x1b[200~\x1b[1mHangzhou\x1b[0m{}\x1b[201~"
    async with aiohttp.ClientSession() as session:
        url = f"ws://127.0.0.1:{served.port}/ws/{served.token}?width=140&height=40"
        async with session.ws_connect(url) as ws:
            await read_screen(ws, "Hangzhou may ban")
            await ws.send_json(["stdin", colored.format(" q")])  # on the list
            await ws.send_json(["stdin", "/"])
            await ws.send_json(["stdin", colored.format("")])
            screen = await read_screen(ws, "1 article · 1 unread")  # "Hangzhou" found
    assert "1 article · 1 unread" in screen, screen[-2000:]


@IPV6
@pytest.mark.parametrize("host", ["::1", "[::1]"])
async def test_an_ipv6_address_is_served_on_it(host: str) -> None:
    """``--host [::1]``, the address as a URL writes it, was "Name or service not known"."""
    with serving("--host", host) as server:
        assert server.host == "[::1]"
        async with aiohttp.ClientSession() as session:
            url = f"http://[::1]:{server.port}/?token={server.token}"
            async with session.get(url) as page:
                assert page.status == 200
                html = await page.text()
            websocket = f"ws://[::1]:{server.port}/ws/{server.token}"
            assert f'"{websocket}"' in html
            async with session.ws_connect(f"{websocket}?width=140&height=40") as ws:
                screen = await read_screen(ws, "Hangzhou may ban")
        assert "Hangzhou may ban" in screen, screen[-2000:]


@IPV6
@pytest.mark.parametrize("host", [[], ["--host", "localhost"]], ids=["default", "localhost"])
async def test_localhost_is_served_on_both_families(host: list[str]) -> None:
    """A client that resolves ``localhost`` to ``::1`` alone got nothing from a server on
    127.0.0.1, the default, nor from ``--host localhost`` where the resolver gave IPv4."""
    with serving(*host) as server:
        assert server.host == "localhost"
        async with aiohttp.ClientSession() as session:
            for address in ("127.0.0.1", "[::1]"):
                url = f"http://{address}:{server.port}/?token={server.token}"
                async with session.get(url) as page:
                    assert page.status == 200, address


async def test_requests_are_not_written_to_the_terminal(served: Served) -> None:
    """The terminal keeps the address to open and the problems; a line for each request
    (aiohttp's access log) filled it, and named the token of each page asked for."""
    async with aiohttp.ClientSession() as session:
        for token in (served.token, "wrong"):
            async with session.get(f"http://127.0.0.1:{served.port}/?token={token}"):
                pass
    served.process.terminate()
    written = b"".join(served.process.communicate(timeout=10)).decode()
    assert "GET" not in written, written


@pytest.mark.parametrize("token", ["", "?token=wrong"])
async def test_the_page_needs_the_token(served: Served, token: str) -> None:
    url = f"http://127.0.0.1:{served.port}/{token}"
    async with aiohttp.ClientSession() as session, session.get(url) as page:
        assert page.status == 403
        assert served.token not in await page.text()


@pytest.mark.parametrize(
    ("path", "origin"),
    [
        ("/ws/wrong", None),
        ("/ws", None),
        ("/ws/{token}", "http://evil.example"),
        ("/ws/{token}", "http://127.0.0.1:1"),
    ],
)
async def test_the_websocket_refuses_a_wrong_token_or_a_foreign_page(
    served: Served, path: str, origin: str | None
) -> None:
    url = f"ws://127.0.0.1:{served.port}{path.format(token=served.token)}?width=80&height=24"
    headers = {"Origin": origin} if origin else {}
    async with aiohttp.ClientSession() as session:
        with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
            await session.ws_connect(url, headers=headers)
    assert refused.value.status in (403, 404)


async def test_a_rebinding_host_name_gets_nothing(served: Served) -> None:
    """A web page whose own name resolves to 127.0.0.1 is same-origin to itself: refused."""
    headers = {"Host": f"evil.example:{served.port}"}
    async with aiohttp.ClientSession() as session:
        url = f"http://127.0.0.1:{served.port}/?token={served.token}"
        async with session.get(url, headers=headers) as page:
            assert page.status == 403


async def test_sessions_are_capped(served: Served) -> None:
    from tui.serve import MAX_SESSIONS

    url = f"ws://127.0.0.1:{served.port}/ws/{served.token}?width=80&height=24"
    async with aiohttp.ClientSession() as session:
        open_sessions = [await session.ws_connect(url) for _ in range(MAX_SESSIONS)]
        with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
            await session.ws_connect(url)
        assert refused.value.status == 503
        for ws in open_sessions:
            await ws.close()


def test_loopback_names() -> None:
    assert all(map(is_loopback, ["localhost", "127.0.0.1", "127.8.0.1", "[::1]", "a.localhost"]))
    assert not any(map(is_loopback, ["0.0.0.0", "evil.example", "192.168.1.2", "localhost.evil"]))


@pytest.mark.parametrize("port", ["0", "65536", "-1", "http"])
def test_a_port_no_browser_can_reach_is_refused_before_any_address_is_given(port: str) -> None:
    """Port 0 gave the address "http://127.0.0.1:0/?token=…", which leads nowhere, and
    99999 gave an address, then a traceback's last line."""
    done = subprocess.run(
        [sys.executable, "-m", "tui", "--serve", f"--port={port}", str(FEEDS)],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert done.returncode == 2
    assert "serving" not in done.stderr
    assert done.stderr.splitlines()[-1] == (
        f"lede: error: argument --port: expects a port from 1 to 65535, not '{port}'"
    )


@pytest.mark.parametrize(
    ("family", "host", "shown"),
    [
        (socket.AF_INET, "127.0.0.1", "127.0.0.1"),
        pytest.param(socket.AF_INET6, "::1", "[::1]", marks=IPV6),
    ],
)
def test_a_port_in_use_is_said_before_any_address_is_given(
    family: socket.AddressFamily, host: str, shown: str
) -> None:
    """Taken on either loopback, which the default serves on both of."""
    port = free_port()
    with socket.socket(family) as taken:
        taken.bind((host, port))
        taken.listen()
        done = subprocess.run(
            [sys.executable, "-m", "tui", "--serve", "--port", str(port), str(FEEDS)],
            capture_output=True,
            text=True,
            timeout=30,
        )
    assert done.returncode == 1
    assert done.stderr == (f"lede: cannot serve on {shown}:{port}: Address already in use\n")
